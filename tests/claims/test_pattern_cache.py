"""The on-disk cache of compiled pattern files (``factcheck/diskcache.py``): an edit is seen at once,
a damaged cache file is rebuilt, and a cache directory that cannot be written is simply not used.

``XDG_CACHE_HOME`` points at a fresh directory in every test (``resources.cache_dir`` reads it on each
call); the kinds loaded here are never registered.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.kinds import BUILTIN_KINDS, with_kinds
from factcheck.claims.model import ClaimKind
from factcheck.claims.patterns import PatternKind, loader
from factcheck.claims.patterns.matcher import Masked, match_kind
from factcheck.claims.patterns.starts import scanner
from factcheck.startup import diskcache

PATTERN = """\
kind: cache_demo
description: A demo kind for the cache tests.
fields:
  verb: string
  n: claim<number>
patterns:
  - "(won|took):verb {number:n} seats"
"""
TEXT = "The greens won 12 seats and lost 3 seats."


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "factcheck"


@pytest.fixture
def pattern_file(tmp_path: Path) -> Path:
    path = tmp_path / "pack" / "patterns" / "cache_demo.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(PATTERN, encoding="utf-8")
    return path


def _texts(kind: PatternKind, text: str = TEXT) -> list[str]:
    atoms = [c for c in extract_claims(text) if c.kind == "number"]
    masked = Masked(text, atoms)
    starts = {start for pattern in kind.patterns for start in pattern.starts}
    words = {text for key, text in starts if key == "word"}
    masked.scan(scanner(words, {text for key, text in starts if key == "punct"}))
    return [claim.text for claim in match_kind(masked, kind)]


def _pickles(cache: Path) -> list[Path]:
    return sorted(cache.glob("pattern-*.pickle"))


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: str, text: str, known: object) -> PatternKind:
        raise AssertionError(f"{path} was compiled again")

    monkeypatch.setattr(loader, "load_pattern_text", fail)


def test_a_second_load_reads_the_cache(cache: Path, pattern_file: Path, monkeypatch) -> None:
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]
    assert len(_pickles(cache)) == 1
    _no_build(monkeypatch)
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]


def test_editing_a_pattern_file_changes_the_results(cache: Path, pattern_file: Path) -> None:
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]
    pattern_file.write_text(PATTERN.replace("(won|took)", "(lost|took)"), encoding="utf-8")
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["lost 3 seats"]
    pattern_file.write_text(PATTERN, encoding="utf-8")  # and back: the first entry is still good
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]
    assert len(_pickles(cache)) == 2


def test_an_edit_that_breaks_the_file_is_reported_not_served_from_cache(cache: Path,
                                                                         pattern_file: Path) -> None:
    loader.load_pattern_file(pattern_file, BUILTIN_KINDS)
    pattern_file.write_text(PATTERN.replace("{number:n}", "{numbr:n}"), encoding="utf-8")
    with pytest.raises(loader.PatternLoadError, match="unknown claim kind 'numbr'"):
        loader.load_pattern_file(pattern_file, BUILTIN_KINDS)


def test_new_compiler_code_or_claim_kinds_compile_again(cache: Path, pattern_file: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    loader.load_pattern_file(pattern_file, BUILTIN_KINDS)
    with monkeypatch.context() as patch:
        patch.setattr(loader, "_code", lambda: "the compiler, edited")
        loader.load_pattern_file(pattern_file, BUILTIN_KINDS)
    assert len(_pickles(cache)) == 2
    extra = with_kinds(BUILTIN_KINDS, [ClaimKind("cache_extra", "number", "Extra.")])
    loader.load_pattern_file(pattern_file, extra)  # the atomic kinds a pattern is checked against changed
    assert len(_pickles(cache)) == 3
    _no_build(monkeypatch)
    loader.load_pattern_file(pattern_file, BUILTIN_KINDS)  # back to the first code and kinds: the first entry


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "directory"])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(cache: Path, pattern_file: Path, damage: str) -> None:
    loader.load_pattern_file(pattern_file, BUILTIN_KINDS)
    (entry,) = _pickles(cache)
    data = entry.read_bytes()
    if damage == "directory":
        entry.unlink()
        entry.mkdir()
    else:
        entry.write_bytes({"garbage": b"not a pickle at all", "truncated": data[: len(data) // 2],
                           "empty": b""}[damage])
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]
    if damage != "directory":
        assert entry.read_bytes() == data  # rewritten


def test_a_cache_file_holding_something_else_is_not_used(cache: Path, pattern_file: Path) -> None:
    loader.load_pattern_file(pattern_file, BUILTIN_KINDS)
    (entry,) = _pickles(cache)
    entry.write_bytes(pickle.dumps({"not": "a pattern kind"}))
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]


def test_a_cache_directory_that_cannot_be_created_is_not_used(tmp_path: Path, pattern_file: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_a_cache_directory_that_cannot_be_written_is_not_used(cache: Path, pattern_file: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError("read-only cache")

    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]
    assert _pickles(cache) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only directories")
def test_a_read_only_cache_directory_is_not_used(cache: Path, pattern_file: Path) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o500)
    try:
        assert _texts(loader.load_pattern_file(pattern_file, BUILTIN_KINDS)) == ["won 12 seats"]
        assert _pickles(cache) == []
    finally:
        cache.chmod(0o700)


def test_load_or_build_survives_unpicklable_values(cache: Path) -> None:
    value = diskcache.load_or_build("demo", "key", lambda: (lambda: 1))  # a lambda cannot be pickled
    assert value() == 1
    assert list(cache.glob("*.tmp")) == []  # no half-written file left behind
