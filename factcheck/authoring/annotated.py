"""Annotated example documents for ``factcheck test`` (in the style of Semgrep's ``--test``).

A ``.md``, ``.txt`` or ``.html`` file marks the line after a comment::

    <!-- expect: RULE-ID -->   a finding of RULE-ID must start on the next line
    <!-- ok: RULE-ID -->       no finding of RULE-ID may start on the next line

Every finding on a line without an ``expect`` for its rule is extra. Only what was missed or extra
is reported. An ``expect`` for one rule may say more, after semicolons::

    <!-- expect: RULE-ID; at: March 3, 2026; min-confidence: medium -->

``at`` is the exact text the finding's span covers, ``min-confidence`` the least confidence it may
have (``confidence`` asserts one level exactly). ``<!-- ok: RULE-ID; min-confidence: medium -->``
allows findings below that confidence on the line, none at or above it (none that gates).

A corpus of short articles may share one file: a line ``<!-- document -->`` starts a new document,
and ``<!-- document date: 2019-05-02 -->`` one read on that date (in place of the file's).
Each document is checked alone (the others blanked out, so lines and columns stay those of the file),
which matters for rules that read a whole document: an event in one article is never the antecedent
of a description in the next.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents import InputFailure, load_documents
from factcheck.documents.model import Document
from factcheck.engine.runner import NO_DATE, Engine
from factcheck.findings import Confidence, Finding
from factcheck.spans import Span
from factcheck.startup import regexcache

DOC_SUFFIXES = (".md", ".txt", ".html")
ANNOTATION = regexcache.compile(r"<!--\s*(expect|ok)\s*:\s*([a-z0-9/_ ,-]+?)\s*((?:;[^;>]*?)*)-->")
ATTRIBUTES = ("at", "confidence", "min-confidence")
DOCUMENT_BREAK = regexcache.compile(r"^<!--\s*document(?:\s+date:\s*(\d{4}-\d\d-\d\d))?\s*-->[ \t]*$",
                                    re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Annotation:
    kind: str  # "expect" or "ok"
    rule: str
    line: int  # the line the annotation is about (the one after the comment)
    comment_line: int
    at: str | None = None  # the exact text of the expected finding's span
    confidence: Confidence | None = None  # the expected finding's confidence, exactly
    min_confidence: Confidence | None = None  # the least confidence the expected finding may have

    def describe(self) -> str:
        parts = [f"expected {self.rule}"]
        if self.at is not None:
            parts.append(f"at {self.at!r}")
        if self.confidence is not None:
            parts.append(f"with {self.confidence} confidence")
        if self.min_confidence is not None:
            parts.append(f"with at least {self.min_confidence} confidence")
        return " ".join(parts)

    def accepts(self, finding: Finding, text: str) -> bool:
        """Whether ``finding`` (whose span covers ``text``) is the one this annotation expects."""
        if self.at is not None and text != self.at:
            return False
        if self.confidence is not None and finding.confidence is not self.confidence:
            return False
        return self.min_confidence is None or finding.confidence.rank >= self.min_confidence.rank


def annotated_files(paths: Iterable[Path]) -> list[Path]:
    """The annotated documents under ``paths`` (files given directly, or searched in directories)."""
    found: list[Path] = []
    for path in paths:
        if path.is_file() and path.suffix in DOC_SUFFIXES:
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in DOC_SUFFIXES and p.is_file()))
    return found


class AnnotationError(ValueError):
    """An annotation that cannot be read (an unknown attribute, a level that is none)."""


def annotations(document: Document) -> list[Annotation]:
    result = []
    for match in ANNOTATION.finditer(document.original):
        line = document.position(match.start()).line
        after = document.position(match.end()).line + 1
        rules = [rule.strip() for rule in match.group(2).split(",")]
        attributes = _attributes(match.group(3), line)
        only_gate = set(attributes) == {"min_confidence"}
        if attributes and (len(rules) > 1 or (match.group(1) == "ok" and not only_gate)):
            raise AnnotationError(f"line {line}: 'at' and confidences belong to an expect of one rule "
                                  "(an ok takes only min-confidence)")
        for rule in rules:
            result.append(Annotation(match.group(1), rule, after, line, **attributes))
    return result


def _attributes(text: str, line: int) -> dict[str, object]:
    """``; at: TEXT; min-confidence: LEVEL`` as Annotation's keyword arguments."""
    found: dict[str, object] = {}
    for item in filter(None, (part.strip() for part in text.split(";"))):
        key, colon, value = (piece.strip() for piece in item.partition(":"))
        if not colon or key not in ATTRIBUTES:
            known = ", ".join(ATTRIBUTES)
            raise AnnotationError(f"line {line}: unknown annotation {item!r} (one of: {known})")
        if key == "at":
            found["at"] = value
            continue
        if value not in {c.value for c in Confidence}:
            raise AnnotationError(f"line {line}: {key} {value!r} is not high, medium or low")
        found[key.replace("-", "_")] = Confidence(value)
    return found


def check_document(path: Path, engine: Engine) -> tuple[int, list[str]]:
    """The number of annotations checked and the problems (``path:line: missed/extra ...``)."""
    items = list(load_documents([str(path)]))
    item = items[0] if items else None
    if item is None or isinstance(item, InputFailure):
        return 0, [f"{path}: cannot read: {item.error if item else 'no document'}"]
    try:
        notes, documents = annotations(item), parts(item)
    except AnnotationError as exc:
        return 0, [f"{path}: {exc}"]
    found: dict[tuple[str, int], list[tuple[Finding, str]]] = {}
    notes_of_runs: list[str] = []
    for part in documents:
        result = engine.check(part)
        # a rule that needs the date skips a section written without one: what such a section tests
        notes_of_runs.extend(note for note in result.notes
                             if part.date is not None or not note.endswith(NO_DATE))
        for finding in result.findings:
            if finding.span is None:  # the section as a whole failed (its time limit, a rule error)
                start = min(len(part.text) - len(part.text.lstrip()), max(len(part.text) - 1, 0))
                line = item.position(item.original_span(Span(start, start)).start).line
                notes_of_runs.append(f"the section from line {line}: {finding.rule}: {finding.message}")
            else:
                line = item.position(item.original_span(finding.span).start).line
                text = part.text[finding.span.start:finding.span.end]
                found.setdefault((finding.rule, line), []).append((finding, text))
    problems = []
    expected = {(a.rule, a.line) for a in notes if a.kind == "expect"}
    for note in notes:
        key = (note.rule, note.line)
        if note.kind == "expect" and not any(note.accepts(f, text) for f, text in found.get(key, ())):
            seen = "; ".join(f"{text!r} ({f.confidence} confidence)" for f, text in found.get(key, ()))
            where = f"annotated on line {note.comment_line}" + (f"; found {seen}" if seen else "")
            problems.append(f"{path}:{note.line}: missed: {note.describe()} ({where})")
        elif note.kind == "ok" and any(note.accepts(f, text) for f, text in found.get(key, ())):
            finding = next(f for f, text in found[key] if note.accepts(f, text))
            problems.append(f"{path}:{note.line}: extra: {note.rule} where marked ok: {finding.message}")
    marked_ok = {(a.rule, a.line) for a in notes if a.kind == "ok"}
    for (rule, line), findings in sorted(found.items(), key=lambda kv: kv[0][1]):
        if (rule, line) not in expected and (rule, line) not in marked_ok:
            problems.append(f"{path}:{line}: extra: {rule}: {findings[0][0].message}")
    problems.extend(f"{path}: {note}" for note in dict.fromkeys(notes_of_runs))
    return len(notes), problems


def _date(written: str, document: Document) -> dt.date:
    try:
        return dt.date.fromisoformat(written)
    except ValueError:
        raise AnnotationError(f"line {document.position(document.original.index(written)).line}: "
                              f"{written} is no calendar date") from None


def parts(document: Document) -> list[Document]:
    """The documents a file holds: itself, or one per ``<!-- document -->`` section, each with the
    text of the sections before it blanked (newlines kept, so every offset still maps to the file)
    and the text after it left out (checking blank stretches costs time and reads nothing)."""
    found = list(DOCUMENT_BREAK.finditer(document.original))
    if not found:
        return [document]
    text = document.text
    to_original = [document.offsets.to_original(i) for i in range(len(text))]
    bounds = [0, *(m.start() for m in found), len(document.original) + 1]
    dates = [document.date, *(_date(m[1], document) if m[1] else document.date for m in found)]
    result = []
    for (low, high), date in zip(itertools.pairwise(bounds), dates, strict=True):
        end = bisect.bisect_left(to_original, high)
        masked = "".join(
            ch if ch == "\n" or low <= to_original[i] else " " for i, ch in enumerate(text[:end])
        )
        result.append(dataclasses.replace(document, text=masked, date=date, _lines=None))
    return result
