"""GitHub workflow commands: levels, positions and the runner's escaping."""

from __future__ import annotations

from factcheck.reporters import render
from factcheck.reporters.github import escape_data, escape_property

from .conftest import Fixture


def test_escaping() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_data("a,b:c") == "a,b:c"
    assert escape_property("dir,x/a:b%.md") == "dir%2Cx/a%3Ab%25.md"


def test_annotations(fixture: Fixture) -> None:
    lines = render("github", fixture.run).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == [
        "::error",
        "::warning",
        "::notice",
        "::error",
        "::warning",
        "::error",
    ]
    assert lines[0].startswith("::error file=articles/calls%2C 2025.md,line=7,col=19,endLine=7,endColumn=25,")
    assert lines[2].endswith("::Smith & Jones: 100%25 unknown,%0Anot in the facts")
    assert ",col=" not in lines[1]  # a span over several lines carries no columns
    assert lines[4] == (
        "::warning file=feeds/news.jsonl,line=3,title=duration-rounding::"
        "the talks are restated with a different length (record r-42)"
    )
    assert lines[5] == "::error file=missing.txt,title=factcheck/input-error::" + (
        "cannot read missing.txt: No such file or directory"
    )
