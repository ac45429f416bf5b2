"""Generated documents and corpora: every one is read or refused with a finding, checked without
an internal error or a stall, and every output format stays safe to print and valid to parse."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given

from factcheck.cli.main import main
from factcheck.documents import load_documents
from factcheck.documents.sources import InputFailure
from factcheck.engine.results import RunResult
from factcheck.engine.runner import Engine, input_failure_result
from factcheck.facts.memory import MemoryFactBase
from factcheck.findings import is_internal
from factcheck.reporters import REPORTERS, render
from factcheck.rules.loader import load_packs
from factcheck.startup.resources import rules_dir
from tests.fuzz import strategies as S
from tests.fuzz.budget import tried

PACK = load_packs([rules_dir()])
ENGINE = Engine(PACK.rules, MemoryFactBase(), timeout=8.0)
INFOS = [rule.info for rule in PACK.rules]


def assert_safe(format: str, output: str) -> None:
    """What a terminal or a CI log would act on never comes from the input."""
    assert "\x1b" not in output or format == "text-color"
    assert not any(c in output for c in "\x00\x07\x08\x9b\x9d")
    for line in output.split("\n"):
        stripped = line.lstrip()
        if format != "github":
            assert not stripped.startswith(("::", "##[")), line
    if format == "github":
        assert all(line.startswith("::") for line in output.splitlines()), output
        assert "\r" not in output
    if format == "junit":
        ET.fromstring(output.encode("utf-8"))
    if format in ("json", "sarif"):
        json.loads(output)


def check_file(path: Path) -> None:
    results = []
    for item in load_documents([str(path)]):
        if isinstance(item, InputFailure):
            results.append(input_failure_result(item))
            continue
        result = ENGINE.check(item)
        internal = [f.message for f in result.findings if is_internal(f)]
        assert not internal, internal
        results.append(result)
    run = RunResult(results, INFOS)
    for format in REPORTERS:
        assert_safe(format, render(format, run))


@given(S.documents)
def test_generated_documents(tmp_path_factory, document) -> None:
    suffix, text = document
    path = tmp_path_factory.mktemp("doc") / f"fuzz{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    with tried(f"documents ({suffix})", path.stat().st_size):
        check_file(path)


@given(S.corpora)
def test_generated_corpora_through_the_command(tmp_path_factory, corpus) -> None:
    root = tmp_path_factory.mktemp("corpus")
    size = 0
    for index, (name, (suffix, text)) in enumerate(corpus):
        path = root / f"{index}{name}{suffix}"
        try:
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        except OSError:  # a name the file system refuses
            continue
        size += path.stat().st_size
    out = root.parent / f"{root.name}.out"
    for format in ("text", "github"):  # the other formats are held to it by test_generated_documents
        with tried("corpora (factcheck run)", size):
            code = main(["run", str(root), "--format", format, "-o", str(out), "--date", "2025-10-16"])
        assert code in (0, 1, 2), code
        if out.exists():
            assert_safe(format, out.read_text(encoding="utf-8"))
