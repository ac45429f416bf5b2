"""Start-up caches are read back only by the code that wrote them."""

from __future__ import annotations

import pytest

from factcheck.startup import diskcache, persist


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


def test_a_table_is_read_back_by_the_same_code(monkeypatch):
    table = persist.PersistentTable("demo", "build-1")
    table.put("key", "value")
    table.save()
    assert persist.PersistentTable("demo", "build-1").get("key") == "value"
    monkeypatch.setattr(persist, "code_stamp", lambda: "other code")
    assert persist.PersistentTable("demo", "build-1").get("key") is None


def test_a_cached_value_is_rebuilt_for_other_code(monkeypatch):
    built = []

    def build():
        built.append(1)
        return len(built)

    assert diskcache.load_or_build("demo", "text", build) == 1
    assert diskcache.load_or_build("demo", "text", build) == 1  # read back, not rebuilt
    monkeypatch.setattr(diskcache, "code_stamp", lambda: "other code")
    assert diskcache.load_or_build("demo", "text", build) == 2


def test_a_full_table_takes_no_new_entries():
    table = persist.PersistentTable("bounded", "b", max_entries=1)
    table.put("a", 1)
    table.put("b", 2)
    assert table.get("a") == 1 and table.get("b") is None
