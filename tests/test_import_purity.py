"""Importing factcheck reads no rule or pattern file, and the claim model can be imported for its types
alone: packs are read when they are loaded, extractors imported when first used."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROBE = textwrap.dedent("""
    import sys
    opened = []

    def hook(event, args):
        if event == "open" and isinstance(args[0], str) and not args[0].endswith((".py", ".pyc")):
            opened.append(args[0])

    sys.addaudithook(hook)
    import pkgutil, importlib, factcheck
    names = [m.name for m in pkgutil.walk_packages(factcheck.__path__, "factcheck.")]
    for name in names:
        importlib.import_module(name)
    data = [p for p in opened if "/rules/" in p]
    print(len(names))
    print("\\n".join(data))
""")


def test_importing_every_module_reads_no_pack_file() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    count, *opened = out.splitlines()
    assert int(count) > 90  # every module was imported
    assert [path for path in opened if path.strip()] == []


def test_the_claim_model_loads_no_extractor() -> None:
    probe = ("import sys, factcheck.claims.model, factcheck.claims.kinds, factcheck.rules.model; "
             "print(sorted(m for m in sys.modules if m.startswith('factcheck.claims.')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert eval(out) == ["factcheck.claims.kinds", "factcheck.claims.model"]
