"""The default pack's facts read from generated data (factcheck.facts.loader.PREBUILT) are the facts
its files declare; a damaged record, or any other fact file, is read from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.facts import loader
from factcheck.facts.memory import MemoryFactBase
from factcheck.startup import built
from factcheck.startup.resources import rules_dir

FILES = loader.fact_files_in(rules_dir() / "facts")
TABLES = ("entities", "periods", "timelines", "_datasets", "_index", "_period_names", "_timelines_by_noun")


def _same(a: MemoryFactBase, b: MemoryFactBase) -> bool:
    return all(getattr(a, table) == getattr(b, table) for table in TABLES)


def test_the_generated_facts_are_the_files_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    assert built.load(loader.PREBUILT) is not None, "the default facts were not generated or are stale"

    def refuse(*args, **kwargs):
        raise AssertionError("a default fact file was read as YAML")

    from_data = loader.load_fact_files(FILES)
    from_files = loader.load_fact_files(FILES, generated=False)
    assert _same(from_data, from_files) and from_data.entities
    monkeypatch.setattr(loader, "load_fact_text", refuse)
    loader.load_fact_files(FILES)


@pytest.mark.parametrize("damage", [{"$": "Entity", "id": "x"}, (1,), {"$": "Os", "x": 1}, [1]])
def test_a_damaged_record_is_read_from_the_file(monkeypatch: pytest.MonkeyPatch, damage) -> None:
    data = dict(built.load(loader.PREBUILT))
    name = next(iter(data))
    data[name] = damage
    monkeypatch.setattr(loader, "_prebuilt_facts", lambda: data)
    assert _same(loader.load_fact_files(FILES), loader.load_fact_files(FILES, generated=False))


def test_a_copy_of_a_default_fact_file_is_read_from_itself(tmp_path: Path) -> None:
    path = next(p for p in FILES if p.suffix == ".yaml")
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    assert loader._prebuilt_items(str(copy), built.load(loader.PREBUILT)) is None
