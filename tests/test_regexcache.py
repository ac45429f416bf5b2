"""The regex cache rebuilds patterns that behave exactly like re.compile's, and recovers from bad files."""

from __future__ import annotations

import importlib
import re

import pytest

PATTERNS = [
    (r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?", 0),
    (r"(?<![\w'’.\-])(?:nearly|almost|about)[ \t]+(?=\d)", 0),
    (r"(?:Jan|Feb|Mar)\.?\s+\d{1,2}", re.IGNORECASE),
    (r"^(?P<head>[A-ZÀ-Ö][\w'’\-]*)$", re.MULTILINE),
    (r"\b(?:€|£|\$)\s?\d+", 0),
]
TEXTS = ["1,000.5 and 42", "nearly 3 hours", "FEB 12 or mar. 3", "Ökonom\nsecond line", "€300 or $ 5", ""]


@pytest.fixture
def regexcache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    import factcheck.startup.regexcache as module

    return importlib.reload(module)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [(m.span(), m.groupdict()) for m in a.finditer(text)] == [
            (m.span(), m.groupdict()) for m in b.finditer(text)
        ]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_first_and_cached_compilation_match_re(regexcache, pattern, flags):
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    regexcache._table().save()
    reloaded = importlib.reload(regexcache)
    assert reloaded._table().get((pattern, flags)) is not None
    _same(reloaded.compile(pattern, flags), re.compile(pattern, flags))


def test_a_corrupt_cache_file_is_ignored(regexcache, tmp_path):
    regexcache.compile(r"\d+")
    regexcache._table().save()
    (cached,) = (tmp_path / "factcheck").glob("regex-*.pickle")
    cached.write_bytes(b"not a pickle")
    reloaded = importlib.reload(regexcache)
    assert reloaded.compile(r"\d+").findall("a 12 b 3") == ["12", "3"]


def test_another_build_is_never_read(regexcache, monkeypatch):
    regexcache.compile(r"\d+")
    table = regexcache._table()
    table.build = "some other interpreter"  # written as if by another build, under this build's name
    table.save()
    reloaded = importlib.reload(regexcache)
    assert reloaded._table().get((r"\d+", 0)) is None


def test_without_a_cache_directory_it_still_compiles(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    import factcheck.startup.regexcache as module

    module = importlib.reload(module)
    assert module.compile(r"a+").fullmatch("aaa")
