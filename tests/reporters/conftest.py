"""The one shared set of documents, claims and findings every reporter is tested on.

- a Markdown article with front matter, emphasis and an entity, so original offsets differ from the
  normalized ones (its offset map is built here from the pieces kept);
- a JSONL record, whose lines are the record text's and whose file line is ``record_line``;
- a plain-text document with no findings and a note;
- an input that could not be read at all (no document).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

import factcheck
from factcheck.claims.model import Claim, ClaimSet
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import INPUT_ERROR, RULE_ERROR, Finding, Severity
from factcheck.rules.model import RuleInfo
from factcheck.spans import Span
from factcheck.values import Duration, Hedge, Money, Percent, TimeOfDay
from tests.browser import Browser, BrowserUnavailable, ensure_chromium

TEST_VERSION = "0.0.0-test"
MARKDOWN_PATH = "articles/calls, 2025.md"

# (kind, original text, normalized text): "drop" pieces are markup, "entity" pieces decode.
MARKDOWN_PIECES: list[tuple[str, str, str]] = [
    ("drop", "---\ntitle: Calls between leaders\ndate: 2025-10-16\n---\n# ", ""),
    ("keep", "Calls between leaders\n\nThey held their ", ""),
    ("drop", "**", ""),
    ("keep", "eighth", ""),
    ("drop", "**", ""),
    ("keep", " conversation in just ", ""),
    ("drop", "*", ""),
    ("keep", "eight months", ""),
    ("drop", "*", ""),
    ("keep", ",\na call of nearly 90 minutes, Smith ", ""),
    ("entity", "&amp;", "&"),
    (
        "keep",
        " Jones said.\n\nAt the café\tthey spoke for 2.5 hours on 12 March 2025 at 14:30.\n"
        "Growth was 25%, worth $1.2 million, by October 2025; the ratio was 3.14159265358979323846.\n",
        "",
    ),
]


def build_markdown(pieces: list[tuple[str, str, str]]) -> tuple[str, str, OffsetMap]:
    """The original text, the normalized text and the map between them."""
    original, normalized, offsets = "", "", OffsetMap()
    for kind, source, decoded in pieces:
        if kind == "keep":
            offsets.add(len(normalized), len(original), len(source))
            normalized += source
        elif kind == "entity":
            offsets.add(len(normalized), len(original), len(decoded), len(source))
            normalized += decoded
        original += source
    return original, normalized, offsets


def span_of(text: str, needle: str, occurrence: int = 1) -> Span:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


@dataclass
class Fixture:
    run: RunResult
    markdown: Document
    record: Document
    claims: list[tuple[Document, ClaimSet]]


RULES = [
    RuleInfo(
        "count-vs-period",
        "Event count fits the stated period",
        Severity.ERROR,
        description="An ordinal count of events must agree with the timeline over the stated period.",
        tags=("timeline", "counts"),
        references=("https://example.org/rules/count-vs-period",),
        path="rules/count-vs-period.yaml",
    ),
    RuleInfo("duration-rounding", "Restated durations agree", Severity.WARNING, tags=("duration",)),
    RuleInfo("entity-mention", "Named parties are known", Severity.INFO),
    RuleInfo("weekday-matches-date", "Weekday matches the date", Severity.ERROR),
]


def markdown_claims(text: str) -> list[Claim]:
    ordinal = Claim("ordinal", "eighth", span_of(text, "eighth"), Decimal(8))
    period = Claim(
        "duration", "eight months", span_of(text, "eight months"), Duration(months=Decimal(8)), "month"
    )
    composite_span = span_of(text, "eighth conversation in just eight months")
    return [
        ordinal,
        period,
        Claim(
            "event_count",
            "eighth conversation in just eight months",
            composite_span,
            Decimal(8),
            fields={"event": "conversation", "ordinal": ordinal, "count": None, "period": period},
        ),
        Claim(
            "duration",
            "nearly 90 minutes",
            span_of(text, "nearly 90 minutes"),
            Duration(seconds=Decimal(5400)),
            "minute",
            Hedge.APPROX,
            fields={"event": "call", "determiner": "a"},
        ),
        Claim("duration", "2.5 hours", span_of(text, "2.5 hours"), Duration(seconds=Decimal(9000)), "hour"),
        Claim(
            "date",
            "12 March 2025",
            span_of(text, "12 March 2025"),
            dt.date(2025, 3, 12),
            fields={"year": 2025, "month": 3, "day": 12, "weekday": None},
        ),
        Claim("time", "14:30", span_of(text, "14:30"), TimeOfDay(14, 30)),
        Claim("percent", "25%", span_of(text, "25%"), Percent(Decimal(25)), "%"),
        Claim("money", "$1.2 million", span_of(text, "$1.2 million"), Money(Decimal("1.2E+6"), "USD")),
        Claim(
            "date",
            "October 2025",
            span_of(text, "October 2025"),
            None,
            fields={"year": 2025, "month": 10, "day": None, "weekday": None},
        ),
        Claim(
            "number",
            "3.14159265358979323846",
            span_of(text, "3.14159265358979323846"),
            Decimal("3.14159265358979323846"),
        ),
    ]


def markdown_result() -> DocumentResult:
    original, text, offsets = build_markdown(MARKDOWN_PIECES)
    document = Document(
        MARKDOWN_PATH, text, original, offsets, title="Calls between leaders", date=dt.date(2025, 10, 16)
    )
    findings = [
        Finding(
            "count-vs-period",
            Severity.ERROR,
            "eighth conversation in eight months, but the timeline has 7 calls in that period",
            span_of(text, "eighth"),
            (span_of(text, "eight months"),),
            {"stated": Decimal(8), "timeline": 7, "period": Duration(months=Decimal(8))},
        ),
        Finding(
            "duration-rounding",
            Severity.WARNING,
            "the conversation and the call are restated with different lengths",
            span_of(text, "eight months,\na call of nearly 90 minutes"),
            (span_of(text, "2.5 hours"),),
            {"first": "PT1H30M", "second": "PT2H30M", "tolerance": Percent(Decimal(10))},
        ),
        Finding(
            "entity-mention",
            Severity.INFO,
            "Smith & Jones: 100% unknown,\nnot in the facts",
            span_of(text, "Smith & Jones"),
        ),
        Finding(
            RULE_ERROR,
            Severity.ERROR,
            "rule weekday-matches-date failed: division by zero",
            evidence={"rule": "weekday-matches-date", "error": "ZeroDivisionError"},
        ),
    ]
    return DocumentResult(
        MARKDOWN_PATH, document, ClaimSet(markdown_claims(text)), findings, rules_evaluated=4,
        seconds={"count-vs-period": 0.0125},
    )


def record_result() -> DocumentResult:
    text = "Officials said the talks lasted 90 minutes.\nA second\tround took 2 hours."
    document = Document(
        "feeds/news.jsonl",
        text,
        text,
        OffsetMap.identity(len(text)),
        date=dt.date(2025, 3, 2),
        source="jsonl",
        record="r-42",
        record_line=3,
    )
    claims = [
        Claim(
            "duration", "90 minutes", span_of(text, "90 minutes"), Duration(seconds=Decimal(5400)), "minute"
        ),
        Claim("duration", "2 hours", span_of(text, "2 hours"), Duration(seconds=Decimal(7200)), "hour"),
    ]
    finding = Finding(
        "duration-rounding",
        Severity.WARNING,
        "the talks are restated with a different length",
        span_of(text, "2 hours"),
        (span_of(text, "90 minutes"),),
        {"first": "PT1H30M", "second": "PT2H"},
    )
    return DocumentResult(document.display_path, document, ClaimSet(claims), [finding], rules_evaluated=4)


def plain_result() -> DocumentResult:
    text = "The meeting lasted three hours.\n"
    document = Document("notes.txt", text, text, OffsetMap.identity(len(text)))
    claims = [
        Claim("duration", "three hours", span_of(text, "three hours"), Duration(seconds=Decimal(10800)))
    ]
    return DocumentResult(
        "notes.txt",
        document,
        ClaimSet(claims),
        notes=[
            "weekday-matches-date: skipped, the document has no date",
            "the title was taken from the first line",
        ],
        rules_evaluated=3,
        skipped={"weekday-matches-date": "the document has no date"},
    )


def missing_result() -> DocumentResult:
    error = Finding(INPUT_ERROR, Severity.ERROR, "cannot read missing.txt: No such file or directory")
    return DocumentResult("missing.txt", None, ClaimSet([]), [error])


@pytest.fixture(autouse=True)
def fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots name a fixed version, not the one being released."""
    monkeypatch.setattr(factcheck, "__version__", TEST_VERSION, raising=False)


@pytest.fixture
def fixture() -> Fixture:
    markdown, record = markdown_result(), record_result()
    run = RunResult([markdown, record, plain_result(), missing_result()], list(RULES))
    assert markdown.document is not None and record.document is not None
    claims = [(markdown.document, markdown.claims), (record.document, record.claims)]
    return Fixture(run, markdown.document, record.document, claims)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    """Headless Chromium (installed with apt-get when missing and allowed); skips, saying why, if not."""
    try:
        executable = ensure_chromium()
    except BrowserUnavailable as error:
        pytest.skip(f"no headless browser: {error}")
    return Browser(executable, tmp_path_factory.mktemp("chromium"))
