"""A run over a corpus of articles, built without the engine so a test renders hundreds of documents
at once: the seed article's body, a quarter of the documents with one to three findings of mixed
rules, severities and confidences, one unreadable input and one hostile document."""

from __future__ import annotations

from factcheck.claims.model import ClaimSet
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import INPUT_ERROR, Confidence, Finding, Severity
from factcheck.rules.model import RuleInfo
from tests.cli.corpora import seed_body

from .conftest import span_of

HOSTILE_PATH = 'archive/<img src=x onerror="alert(1)">.md'
HOSTILE_MESSAGE = "</li></ol><script>alert(2)</script>"

CORPUS_RULES = [
    RuleInfo("count-vs-period", "Event count fits the stated period", Severity.ERROR),
    RuleInfo("duration-rounding", "Durations agree after rounding", Severity.WARNING),
    RuleInfo("ordinal-sequence", "Ordinals follow the timeline", Severity.ERROR),
    RuleInfo("entity-mention", "People keep their titles", Severity.INFO),
    RuleInfo("percent-of-whole", "Parts add up to the whole", Severity.WARNING),
]
NEEDLES = ("eighth conversation", "nine months", "two-and-a-half-hour", "Zelensky", "Budapest")
CONFIDENCES = (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)


def article(number: int, body: str, findings: int) -> DocumentResult:
    path = f"archive/2025/article-{number:04d}.md"
    message = "message"
    if number == 2:
        path, message = HOSTILE_PATH, HOSTILE_MESSAGE
    document = Document(path, body, body, OffsetMap.identity(len(body)), title=f"Article {number}")
    found = []
    for index in range(findings):
        rule = CORPUS_RULES[(number + index) % len(CORPUS_RULES)]
        needle = NEEDLES[(number + index) % len(NEEDLES)]
        related = (span_of(body, NEEDLES[(number + index + 1) % len(NEEDLES)]),)
        confidence = CONFIDENCES[(number // 4 + index) % len(CONFIDENCES)]
        found.append(Finding(rule.id, rule.severity, f"{rule.title}: {message} {number}.{index}",
                             span_of(body, needle), related, {"stated": number, "expected": index},
                             confidence))
    return DocumentResult(path, document, ClaimSet([]), found, rules_evaluated=len(CORPUS_RULES),
                          characters=len(body), _claim_count=20 + number % 7)


def corpus_run(count: int) -> RunResult:
    """``count`` documents; every fourth (from the second) has 1-3 findings; the last is unreadable."""
    body = seed_body()
    results = [article(n, body, (n // 4) % 3 + 1 if n % 4 == 2 else 0) for n in range(count - 1)]
    error = Finding(INPUT_ERROR, Severity.ERROR, "cannot read archive/broken.md: invalid UTF-8")
    results.append(DocumentResult("archive/broken.md", None, ClaimSet([]), [error]))
    return RunResult(results, list(CORPUS_RULES))
