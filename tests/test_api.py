"""The Python API: factcheck.check and friends, typed (py.typed shipped), light to import."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
from factcheck.errors import UsageError
from tests.conftest import ROOT, SEED

ARTICLE = "Revenue rose 30% to $1.05 billion from $840 million."
RULE = "change-percent-matches-endpoints"


def test_check_text_gives_findings_with_positions() -> None:
    result = factcheck.check("Intro.\n\n" + ARTICLE, date="2025-01-01")
    [finding] = result.findings
    assert finding.rule == RULE and "25%" in finding.message
    position = factcheck.position(result, finding)
    assert position is not None and (position.line, position.column) == (3, 9)


def test_markdown_and_html_are_read_as_files_of_that_format() -> None:
    source = "---\ndate: 2025-01-01\n---\n**Revenue** rose 30% to\n$1.05 billion from $840 million.\n"
    markdown = factcheck.check(source, format="markdown")
    assert markdown.document is not None and markdown.document.date == dt.date(2025, 1, 1)
    html = factcheck.check(f"<p>{ARTICLE.replace('$', '&#36;')}</p><script>1</script>", format="html")
    message = ('"rose 30% to $1.05 billion from $840 million": from $840 million to $1.05 billion is a'
               ' change of 25%, not up 30% (suggested: "30%" → "25%")')
    # the same finding in both, pointing into each file's own text (markup and entities kept)
    for result, covered, line, column in [
        (markdown, "rose 30% to\n$1.05 billion from $840 million", 4, 13),
        (html, "rose 30% to &#36;1.05 billion from &#36;840 million", 1, 12),
    ]:
        [finding] = result.findings
        assert (finding.rule, finding.message) == (RULE, message)
        span = result.document.original_span(finding.span)
        assert result.document.original[span.start : span.end] == covered
        position = factcheck.position(result, finding)
        assert (position.line, position.column) == (line, column)


def test_extract_claims() -> None:
    kinds = [claim.kind for claim in factcheck.extract("The call lasted 2.5 hours on Oct. 16, 2025.")]
    assert "duration" in kinds and "date" in kinds


def test_packs_selection_and_reuse(tmp_path: Path) -> None:
    checker = factcheck.load(select=["arithmetic"], ignore=[RULE])
    assert RULE not in checker.rule_ids and checker.rule_ids
    assert checker.check(ARTICLE, date="2025-01-01").findings == []
    assert factcheck.load() is factcheck.load()  # loaded once per configuration
    bare = factcheck.load(default_pack=False)
    assert bare.rule_ids == ()


def test_check_files_reads_like_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    results = factcheck.check_files([tmp_path, tmp_path / "missing.md"], date=dt.date(2025, 1, 1))
    assert [f.rule for f in results[0].findings] == [RULE]
    assert results[1].document is None and results[1].findings[0].rule == "factcheck/input-error"
    seed = SEED.read_text(encoding="utf-8")
    assert len(factcheck.check_files([SEED])[0].claims) == len(factcheck.extract(seed, format="markdown"))


def test_bad_arguments_are_clear_errors() -> None:
    with pytest.raises(UsageError, match="2025-10-16"):
        factcheck.check(ARTICLE, date="16/10/2025")
    with pytest.raises(UsageError, match="unknown text format"):
        factcheck.check(ARTICLE, format="docx")  # type: ignore[arg-type]


def test_importing_factcheck_does_not_load_the_engine() -> None:
    code = "import sys, factcheck; print('factcheck.engine.runner' in sys.modules, factcheck.__version__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", factcheck.__version__]


def test_the_package_is_typed() -> None:
    assert (ROOT / "factcheck" / "py.typed").is_file()
    from factcheck import api

    hints = api.check.__annotations__
    assert hints["return"] == "DocumentResult" and "date" in hints
