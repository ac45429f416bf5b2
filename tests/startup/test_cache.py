"""The one runtime cache: data only, validated when read, one generation per environment, bounded,
and off with ``--no-cache``. A planted pickle is never loaded."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.startup import cache

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "trump-putin-call.md"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(cache.DISABLE, raising=False)
    return tmp_path / "factcheck"


# A rule of the user's own: its expressions are parsed in the run and kept in the runtime cache
# (the default pack's come generated with the package, so a run of it alone may open no cache).
OWN_RULE = """\
id: few-ordinals
title: Few ordinals
severity: warning
for: c in claims.ordinal
assert: c.value < 1000
message: "{c.text} is a large ordinal"
"""


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home.parent)}
    env.pop(cache.DISABLE, None)
    return subprocess.run([sys.executable, "-m", "factcheck.cli.main", *args, str(SEED)], env=env,
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture
def own_rule(tmp_path: Path) -> str:
    path = tmp_path / "own-pack" / "few-ordinals.yaml"
    path.parent.mkdir()
    path.write_text(OWN_RULE, encoding="utf-8")
    return str(path)


class _Exploit:
    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_is_never_loaded_and_is_removed(home: Path, tmp_path: Path, own_rule: str) -> None:
    marker = tmp_path / "pwned"
    exploit = _Exploit()
    exploit.marker = marker  # type: ignore[attr-defined]
    home.mkdir(parents=True)
    for name in ("expressions-0badc0de.pickle", "regex-12345678.pickle", "rules-1-abc.pickle"):
        (home / name).write_bytes(pickle.dumps(exploit))
    assert _run(home, "run").returncode == 0  # the default pack alone: nothing is read from the cache
    assert not marker.exists()
    assert _run(home, "run", "--rules", own_rule).returncode == 0  # a pack that uses the cache
    assert not marker.exists()
    assert list(home.rglob("*.pickle")) == []


def test_a_run_of_the_default_pack_needs_no_runtime_cache(home: Path) -> None:
    """Everything the default pack's run on an article needs is generated with the package: the
    regexes its modules compile at import included (``prebuild`` imports every module)."""
    assert _run(home, "run").returncode == 0
    assert not home.exists() or list(home.rglob("*")) == []


def test_a_run_leaves_only_json_in_one_generation(home: Path, own_rule: str) -> None:
    first = _run(home, "run", "--rules", own_rule)
    (generation,) = [p for p in home.iterdir()]
    assert generation.name == cache.generation() or generation.name.startswith("g")
    assert {p.suffix for p in generation.iterdir()} == {".json"}  # the city index ships with the package
    for entry in generation.glob("*.json"):
        document = json.loads(entry.read_text(encoding="utf-8"))
        assert document["format"] == cache.FORMAT and isinstance(document["key"], str)
    assert _run(home, "run", "--rules", own_rule).stdout == first.stdout  # and the warm run says the same


def test_no_cache_writes_nothing(home: Path) -> None:
    done = _run(home, "--no-cache", "run")
    assert done.returncode == 0 and "claims checked, no findings" in done.stdout
    assert not home.exists() or list(home.rglob("*")) == []
    assert _run(home, "run", "--no-cache").stdout == done.stdout
    assert not home.exists() or list(home.rglob("*")) == []


def test_an_entry_is_rebuilt_when_damaged_foreign_or_invalid(home: Path) -> None:
    builds = []

    def build() -> list[int]:
        builds.append(1)
        return [1, 2, 3]

    def decode(value: object) -> list[int]:
        if not (isinstance(value, list) and all(isinstance(v, int) for v in value)):
            raise ValueError("not a list of numbers")
        return value

    assert cache.load_or_build("demo", "k", build, decode=decode) == [1, 2, 3]
    assert cache.load_or_build("demo", "k", build, decode=decode) == [1, 2, 3]
    assert len(builds) == 1  # read back
    path = cache.entry_path("demo", "k")
    assert path is not None
    for damage in (b"\x80not json", b'{"format": 1, "key": "other", "value": [9]}',
                   b'{"format": 1, "key": "k", "value": "os.system"}', b""):
        path.write_bytes(damage)
        assert cache.load_or_build("demo", "k", build, decode=decode) == [1, 2, 3]
    assert len(builds) == 5
    assert json.loads(path.read_text(encoding="utf-8"))["value"] == [1, 2, 3]  # rewritten


def test_upgrades_evict_old_generations(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for version in range(4):  # the first install and three upgrades
        monkeypatch.setattr(cache, "generation", lambda v=version: f"gversion{v}")
        path = cache.entry_path("demo", "k")
        assert path is not None and cache.write(path, b"{}")
        os.utime(path.parent, (1000 + version, 1000 + version))
    assert sorted(p.name for p in home.iterdir()) == ["gversion2", "gversion3"]


def test_a_generation_is_bounded(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_BYTES", 1000)
    first, second = cache.entry_path("demo", "a"), cache.entry_path("demo", "b")
    assert first is not None and second is not None
    assert cache.write(first, b"x" * 800)
    assert not cache.write(second, b"x" * 300)
    assert not second.exists()


def test_an_unwritable_cache_directory_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache.entry_path("demo", "k") is None
    assert cache.load_or_build("demo", "k", lambda: 7) == 7


def test_grammar_tables_read_back_parse_as_built(home: Path) -> None:
    import lark

    from factcheck.startup import tables
    from factcheck.startup.resources import grammar_path

    built = lark.Lark(grammar_path("rule.lark").read_text(encoding="utf-8"), parser="lalr",
                      start=["start", "bindings"], propagate_positions=True, maybe_placeholders=True)
    again = tables.decode(json.loads(json.dumps(tables.encode(built))))
    text = "count(x in claims.ordinal: x.value > 2) ~ 3 within 10%"
    assert again.parse(text, start="start") == built.parse(text, start="start")
    for bad in ({"data": {}, "memo": {}}, {"data": {"options": {}}, "memo": {"1": 2}}, [1, 2]):
        with pytest.raises(ValueError, match="not a serialized lark parser"):
            tables.decode(bad)


def test_cached_regex_code_is_rebuilt_and_bad_code_rejected(home: Path) -> None:
    from factcheck.startup import regexcache

    pattern = r"(?P<n>\d+) (?:votes|seats)"
    table = regexcache._table()
    first = regexcache.compile(pattern)
    entry = table.get("0:" + pattern)
    assert entry is not None and entry[0] == first.flags and entry[2] == 1  # one group, as _sre takes it
    again = regexcache.compile(pattern)  # rebuilt from the table
    assert again.search("won 12 seats")["n"] == first.search("won 12 seats")["n"] == "12"
    table._entries()["0:" + pattern][1] = regexcache.encode_code([999, 1, 2, 3])
    assert regexcache.compile(pattern).search("won 12 seats")["n"] == "12"
    for code in ([17, 1, 2], "not base64!", "AAA"):  # not base64 of machine words: rebuilt
        table._entries()["0:" + pattern][1] = code
        assert regexcache.compile(pattern).search("won 12 seats")["n"] == "12"
    table._entries()["0:" + pattern] = "os.system('touch pwned')"  # not an entry at all: dropped
    assert table.get("0:" + pattern) is None
    assert regexcache.compile(pattern).search("won 12 seats")["n"] == "12"


def test_parsed_expressions_round_trip_through_json() -> None:
    import json

    from factcheck.language import StringLocator, treecodec
    from factcheck.language.parser import _parse_text

    for text in ("let d = c.value - 8 months in d ~ 2025-01-20 within 10%", "[x in xs where x.value > 2.5]",
                 "count(x in claims.ordinal: x.hedge != \"exact\") >= 1 and not y"):
        tree = _parse_text(text, StringLocator(text), "start")
        again = treecodec.decode(json.loads(json.dumps(treecodec.encode(tree))))
        assert again is not tree and repr(again) == repr(tree)  # nodes compare by identity
    with pytest.raises((ValueError, KeyError)):
        treecodec.decode(["Binary", 1, 2])


def test_prebuilt_opcodes_serve_only_the_python_that_built_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.startup import built, regexcache

    loaded = built.load(regexcache.PREBUILT)
    assert loaded is not None
    data, _ = loaded
    assert data["build"] == regexcache.build_id() and data["entries"]
    for key, entry in list(data["entries"].items())[::11]:  # each is what this Python compiles
        flags, pattern = key.split(":", 1)
        compiled = regexcache._arguments(regexcache._compile(pattern, int(flags))[1])
        assert regexcache.prebuilt_arguments(entry) == compiled, key
    key = next(iter(data["entries"]))
    flags, pattern = key.split(":", 1)
    regexcache._prebuilt.cache_clear()
    try:
        assert regexcache._section("entries") == data["entries"]
        monkeypatch.setattr(regexcache, "build_id", lambda: "another Python")
        regexcache._prebuilt.cache_clear()
        assert regexcache._section("entries") == {} and regexcache._section("needs") == {}
    finally:
        monkeypatch.undo()
        regexcache._prebuilt.cache_clear()
    assert regexcache.compile(pattern, int(flags)).pattern == pattern



def test_a_prebuilt_entry_whose_bytes_changed_is_compiled_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated opcodes are checked against the checksum written for each entry: bytes that
    are not the ones written (a damaged file) are not given to the regex engine."""
    from factcheck.startup import regexcache

    data, words = regexcache._prebuilt()
    key, entry = next(iter(data["entries"].items()))
    flags, pattern = key.split(":", 1)
    damaged = bytes(len(words))  # the same length, all zeros
    monkeypatch.setattr(regexcache, "_prebuilt", lambda: (data, damaged))
    with pytest.raises(ValueError):
        regexcache.prebuilt_arguments(entry)
    assert regexcache.compile(pattern, int(flags)).pattern == pattern


def test_prebuilt_literal_needs_are_what_the_patterns_derive() -> None:
    """Every literal-needs record the build kept is that of one of the package's compiled patterns
    (keyed by its source and flags), and equal to what deriving it in this process gives."""
    import re

    from factcheck.claims import literals
    from factcheck.startup import built, regexcache

    loaded = built.load(regexcache.PREBUILT)
    assert loaded is not None
    data, _ = loaded
    assert data["needs"]
    sources = {}
    for key in data["entries"]:
        flags, pattern = key.split(":", 1)
        compiled_flags = int(flags) | int(re.UNICODE)  # what Pattern.flags then says
        sources[regexcache.input_key(pattern, compiled_flags)] = (pattern, compiled_flags)
    assert set(data["needs"]) <= set(sources)
    for key, recorded in data["needs"].items():
        assert literals._decoded(recorded) == literals._derive(*sources[key])


def test_literal_needs_not_recorded_or_damaged_are_derived(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.claims import literals
    from factcheck.startup import regexcache

    source = r"(?:the )?(?:first|second) quarter"
    wanted = literals._derive(source, 32)
    assert wanted == (frozenset({"first quarter", "second quarter"}),)
    for damaged in (None, "first", [["first"], "quarter"], [[1, 2]], [[]], {"a": 1}):
        monkeypatch.setattr(regexcache, "derived", lambda section, key, value=damaged: value)
        literals._needs.cache_clear()
        assert literals._needs(source, 32) == wanted
    literals._needs.cache_clear()


def test_prebuilt_tries_are_found_and_equal_the_derived_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word list an extractor uses (the people extractor's qualifiers) has its trie recorded in
    the build, equal to the one the code derives; a damaged record is derived again."""
    from factcheck.claims import lexicon

    words = lexicon.load("people")["qualifiers"]
    wanted = lexicon._trie_source(tuple(sorted(set(words))), None)
    derived: list[tuple[str, ...]] = []
    original = lexicon._trie_source
    monkeypatch.setattr(lexicon, "_trie_source", lambda w, space: derived.append(w) or original(w, space))
    lexicon._build_trie.cache_clear()
    try:
        assert lexicon.trie(words) == wanted and derived == []  # found, not derived
        monkeypatch.setattr(lexicon.regexcache, "derived", lambda section, key: ["not", "a", "regex"])
        lexicon._build_trie.cache_clear()
        assert lexicon.trie(words) == wanted and len(derived) == 1
    finally:
        lexicon._build_trie.cache_clear()
