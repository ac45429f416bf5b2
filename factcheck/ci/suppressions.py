"""Suppressions: a stage between the engine and the reporters (findings in, findings out).

Markdown and HTML documents suppress findings with comments, read from the document's ``original``
text (comments are stripped from ``text``)::

    <!-- factcheck-disable-next-line RULE-ID: reason -->
    <!-- factcheck-disable RULE-ID: reason --> ... <!-- factcheck-enable RULE-ID -->

Any document (plain text above all) may have a sidecar ``<file>.factcheck.yaml`` listing
``{rule, line or text, reason}`` entries under ``suppressions:`` (:func:`load_sidecar`). A
suppression must name a rule and give a reason; one that does not is reported as
``factcheck/bad-suppression``, and one that suppresses nothing as ``factcheck/unused-suppression``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.documents.model import Document
from factcheck.engine.results import DocumentResult
from factcheck.errors import ConfigError, did_you_mean
from factcheck.findings import Finding, Severity
from factcheck.rules.model import RuleInfo
from factcheck.spans import Span
from factcheck.startup import regexcache
from factcheck.yamlsource import Node, compose

BAD_SUPPRESSION = "factcheck/bad-suppression"
UNUSED_SUPPRESSION = "factcheck/unused-suppression"
UNSUPPRESSIBLE = {BAD_SUPPRESSION, UNUSED_SUPPRESSION}
COMMENT = regexcache.compile(r"<!--\s*factcheck-(disable-next-line|disable|enable)\b(.*?)-->", re.DOTALL)
RULE_LIST = r"(?P<rules>[a-z0-9/_-]+(?:\s*,\s*[a-z0-9/_-]+)*)"
DIRECTIVE = regexcache.compile(rf"^\s*{RULE_LIST}\s*(?::\s*(?P<reason>.*?))?\s*$", re.DOTALL)
NO_COMMENTS = {"text", "jsonl"}
SIDECAR_SUFFIX = ".factcheck.yaml"


@dataclass(slots=True)
class Suppression:
    """One suppression of one rule: on a line (``first == last``), a range of lines (a block), or
    wherever a line contains ``text`` (sidecar entries)."""

    path: str
    line: int
    rule: str
    reason: str
    first: int = 0
    last: int = 0
    text: str | None = None
    origin: str = "comment"  # or the sidecar's path
    anchor: Span | None = None  # where in the normalized text to report problems with it
    suppressed: int = 0

    def covers(self, finding_line: int, line_text: str) -> bool:
        if self.text is not None:
            return self.text in line_text
        return self.first <= finding_line <= self.last

    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.origin != "comment" else f"{self.path}:{self.line}"


@dataclass(slots=True)
class Problem:
    """A malformed suppression, reported as ``factcheck/bad-suppression``."""

    line: int
    message: str
    anchor: Span | None = None


@dataclass(slots=True)
class Parsed:
    """What a document's suppression comments declare, and the ones that could not be read."""

    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def apply(results: Iterable[DocumentResult], known_rules: set[str] | None = None) -> list[Suppression]:
    """Remove suppressed findings from ``results`` (in place), add findings for bad and unused
    suppressions, and return every suppression with how many findings it suppressed."""
    everything: list[Suppression] = []
    for result in results:
        if result.document is None:
            continue
        parsed = parse_comments(result.document)
        sidecar = load_sidecar(result.document)
        parsed.suppressions.extend(sidecar.suppressions)
        parsed.problems.extend(sidecar.problems)
        _check_rules(parsed, known_rules)
        _filter(result, parsed.suppressions)
        result.findings.extend(_problem_findings(result.document, parsed))
        result.findings.sort(key=lambda f: (f.span.start if f.span else -1, f.rule))
        everything.extend(parsed.suppressions)
    return everything


def parse_comments(document: Document) -> Parsed:
    """The suppression comments of a Markdown or HTML document."""
    parsed = Parsed()
    if document.source in NO_COMMENTS:
        return parsed
    open_blocks: dict[str, Suppression] = {}
    last_line = document.lines.line_count
    for match in COMMENT.finditer(document.original):
        line = document.position(match.start()).line
        end_line = document.position(match.end()).line
        anchor = anchor_after(document, match.end())
        kind, body = match.group(1), match.group(2)
        directive = DIRECTIVE.match(body)
        if directive is None:
            message = f"factcheck-{kind} must name a rule id: {body.strip()!r}"
            parsed.problems.append(Problem(line, message, anchor))
            continue
        rules = [r.strip() for r in directive.group("rules").split(",")]
        reason = (directive.group("reason") or "").strip()
        if kind == "enable":
            _enable(parsed, open_blocks, rules, line, end_line, anchor)
            continue
        if not reason:
            parsed.problems.append(
                Problem(line, f"factcheck-{kind} {', '.join(rules)} needs a reason after a colon", anchor)
            )
            continue
        for rule in rules:
            item = Suppression(document.display_path, line, rule, reason, end_line + 1, end_line + 1,
                               anchor=anchor)
            if kind == "disable":
                item.last = last_line
                open_blocks[rule] = item
            parsed.suppressions.append(item)
    return parsed


def _enable(parsed: Parsed, open_blocks: dict[str, Suppression], rules: list[str], line: int, end_line: int,
            anchor: Span | None) -> None:
    for rule in rules:
        block = open_blocks.pop(rule, None)
        if block is None:
            message = f"factcheck-enable {rule} without a factcheck-disable before it"
            parsed.problems.append(Problem(line, message, anchor))
        else:
            block.last = max(block.first, line)


def anchor_after(document: Document, original_offset: int) -> Span | None:
    """A one-character span of the normalized text at the first character at or after
    ``original_offset`` in the original (the text a comment stands before)."""
    length = len(document.text)
    if length == 0:
        return None
    positions = _OriginalOffsets(document)
    index = bisect.bisect_left(positions, original_offset)
    index = min(index, length - 1)
    while index < length - 1 and document.text[index].isspace():
        index += 1
    return Span(index, index + 1)


class _OriginalOffsets:
    """The normalized text's offsets, seen through their original offsets (non-decreasing)."""

    def __init__(self, document: Document):
        self._document = document

    def __len__(self) -> int:
        return len(self._document.text)

    def __getitem__(self, index: int) -> int:
        return self._document.offsets.to_original(index)


def _check_rules(parsed: Parsed, known_rules: set[str] | None) -> None:
    if known_rules is None:
        return
    kept = []
    for item in parsed.suppressions:
        builtin = item.rule.startswith("factcheck/") and item.rule not in UNSUPPRESSIBLE
        if item.rule in known_rules or builtin:
            kept.append(item)
            continue
        hint = did_you_mean(item.rule, known_rules, "")
        message = f"suppression names unknown rule {item.rule!r}" + (f" ({hint})" if hint else "")
        parsed.problems.append(Problem(item.line, message, item.anchor))
    parsed.suppressions = kept


def _filter(result: DocumentResult, suppressions: list[Suppression]) -> None:
    document = result.document
    assert document is not None
    kept: list[Finding] = []
    for finding in result.findings:
        item = _suppressing(document, finding, suppressions)
        if item is None:
            kept.append(finding)
        else:
            item.suppressed += 1
    result.findings = kept


def _suppressing(document: Document, finding: Finding, suppressions: list[Suppression]) -> Suppression | None:
    if finding.span is None or finding.rule in UNSUPPRESSIBLE:
        return None
    line = document.position(document.original_span(finding.span).start).line
    text = document.lines.line_text(line)
    return next((s for s in suppressions if s.rule == finding.rule and s.covers(line, text)), None)


def _problem_findings(document: Document, parsed: Parsed) -> list[Finding]:
    findings = [
        Finding(BAD_SUPPRESSION, Severity.ERROR, f"{document.display_path}:{p.line}: {p.message}", p.anchor,
                evidence={"line": p.line})
        for p in parsed.problems
    ]
    for item in parsed.suppressions:
        if item.suppressed == 0:
            message = f"{item.where()}: the suppression of {item.rule} suppresses nothing; remove it"
            findings.append(Finding(UNUSED_SUPPRESSION, Severity.WARNING, message, item.anchor,
                                    evidence={"line": item.line, "rule": item.rule, "reason": item.reason}))
    return findings


def listing(suppressions: list[Suppression]) -> str:
    """``--list-suppressions``: one line per suppression, for audits."""
    if not suppressions:
        return "no suppressions\n"
    rows = [(s.where(), s.rule, str(s.suppressed), s.reason) for s in suppressions]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    head = ("location", "rule", "suppressed", "reason")
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=False)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths, strict=False)) + "  " + row[3]
             for row in [head, *rows]]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def listing_json(suppressions: list[Suppression]) -> list[dict[str, object]]:
    return [
        {"path": s.path, "line": s.line, "origin": s.origin, "rule": s.rule, "reason": s.reason,
         "suppressed": s.suppressed}
        for s in suppressions
    ]


def sidecar_path(document: Document) -> Path | None:
    if document.record is not None or document.source in ("stdin", "example"):
        return None
    path = Path(document.path + SIDECAR_SUFFIX)
    return path if path.is_file() else None


def load_sidecar(document: Document) -> Parsed:
    """``<file>.factcheck.yaml``: ``suppressions:``, a list of ``{rule, line | text, reason}``.

    Unknown keys and malformed YAML are configuration errors (exit 2); a missing rule or reason,
    or neither ``line`` nor ``text``, is a bad suppression."""
    parsed = Parsed()
    path = sidecar_path(document)
    if path is None:
        return parsed
    source, root = compose(str(path), path.read_text(encoding="utf-8"), ConfigError)
    if root is None:
        return parsed
    for item in Node(source, root, ConfigError).mapping({"suppressions"}, set())["suppressions"].items():
        entries = item.mapping(set(), {"rule", "line", "text", "reason"})
        line = item.location.line
        missing = [key for key in ("rule", "reason") if key not in entries]
        if ("line" in entries) == ("text" in entries):
            missing.append("exactly one of line and text")
        if missing:
            message = f"{item.location}: sidecar suppression lacks {', '.join(missing)}"
            parsed.problems.append(Problem(line, message))
            continue
        entry = Suppression(document.display_path, line, entries["rule"].string(), entries["reason"].string(),
                            origin=str(path))
        if "line" in entries:
            entry.first = entry.last = _line_number(entries["line"])
        else:
            entry.text = entries["text"].string()
        parsed.suppressions.append(entry)
    return parsed


def _line_number(node: Node) -> int:
    value = node.scalar()
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise node.fail(f"expected a line number (1 or more), found {value!r}")
    return value


RULE_INFOS = (
    RuleInfo(BAD_SUPPRESSION, "Suppression without a rule id or a reason", Severity.ERROR,
             "A factcheck-disable comment or sidecar entry must name the rule it silences and say why."),
    RuleInfo(UNUSED_SUPPRESSION, "Suppression that suppresses nothing", Severity.WARNING,
             "The finding it was written for is gone; remove the suppression so it cannot hide a new one."),
)


def rule_infos(results: Iterable[DocumentResult]) -> list[RuleInfo]:
    """Descriptions of the suppression rules that reported something (for SARIF's rule list)."""
    used = {f.rule for result in results for f in result.findings}
    return [info for info in RULE_INFOS if info.id in used]
