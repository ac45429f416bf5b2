"""The sample article gives the same claims however it is laid out: unwrapped, hard-wrapped at 72
columns (Markdown and plain text) and converted to HTML, each claim pointing at its place in the file.
Run through the installed ``factcheck`` command, as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.conftest import SEED

FACTCHECK = Path(sys.executable).with_name("factcheck")


def _front_and_body() -> tuple[str, str]:
    _, front, body = SEED.read_text(encoding="utf-8").split("---\n", 2)
    return front, body


def _wrap(body: str) -> str:
    """Each paragraph line filled to 72 columns the way editors do (never inside a hyphenated word)."""
    return "\n".join(
        textwrap.fill(line, 72, break_on_hyphens=False, break_long_words=False) for line in body.splitlines()
    )


def _layouts(directory: Path) -> dict[str, Path]:
    front, body = _front_and_body()
    wrapped = _wrap(body)
    assert max(len(line) for line in wrapped.splitlines()) <= 72
    page = (
        '<!doctype html><html><head><title>Putin calls Trump</title>'
        '<meta property="article:published_time" content="2025-10-16"></head>'
        '<body><nav>Home | 4 sections</nav><article>' + MarkdownIt().render(body) + "</article>"
        "<footer>© 2025, 3 offices</footer><script>var views = 1200;</script></body></html>"
    )
    files = {
        "unwrapped.md": SEED.read_text(encoding="utf-8"),
        "wrapped.md": f"---\n{front}---\n{wrapped}\n",
        "wrapped.txt": wrapped + "\n",
        "page.html": page,
    }
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    return {name: directory / name for name in files}


def _claims(path: Path) -> tuple[list[dict], str]:
    result = subprocess.run(
        [str(FACTCHECK), "claims", "--format", "json", "--date", "2025-10-16", str(path)],
        capture_output=True, text=True, check=True,
    )
    [document] = json.loads(result.stdout)["documents"]
    return document["claims"], path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def claims_by_layout(tmp_path_factory) -> dict[str, tuple[list[dict], str]]:
    directory = tmp_path_factory.mktemp("layouts")
    return {name: _claims(path) for name, path in _layouts(directory).items()}


def _summary(claims: list[dict]) -> list[tuple[str, str, object]]:
    return [(claim["kind"], " ".join(claim["text"].split()), claim["value"]) for claim in claims]


def test_every_layout_gives_the_same_22_claims(claims_by_layout) -> None:
    """22 claims, and the event mentions (with their identity) the article makes."""
    expected = _summary(claims_by_layout["unwrapped.md"][0])
    assert len([c for c in expected if c[0] != "event"]) == 22
    for name, (claims, _) in claims_by_layout.items():
        assert _summary(claims) == expected, name


@pytest.mark.parametrize("name", ["unwrapped.md", "wrapped.md", "wrapped.txt", "page.html"])
def test_each_claim_points_at_its_words_in_the_file(claims_by_layout, name) -> None:
    claims, original = claims_by_layout[name]
    lines = original.split("\n")
    for claim in claims:
        span = claim["span"]
        assert " ".join(original[span["start"] : span["end"]].split()) == " ".join(claim["text"].split())
        line_text = lines[span["line"] - 1]
        first_word = claim["text"].split()[0]
        assert line_text[span["column"] - 1 :].startswith(first_word), (name, claim["text"])
