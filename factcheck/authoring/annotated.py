"""Annotated example documents for ``factcheck test`` (in the style of Semgrep's ``--test``).

A ``.md``, ``.txt`` or ``.html`` file marks the line after a comment::

    <!-- expect: RULE-ID -->   a finding of RULE-ID must start on the next line
    <!-- ok: RULE-ID -->       no finding of RULE-ID may start on the next line

Every finding on a line without an ``expect`` for its rule is extra. Only what was missed or extra
is reported.

A corpus of short articles may share one file: a line ``<!-- document -->`` starts a new document.
Each document is checked alone (the others blanked out, so lines and columns stay those of the file),
which matters for rules that read a whole document: an event in one article is never the antecedent
of a description in the next.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents import InputFailure, load_documents
from factcheck.documents.model import Document
from factcheck.engine.runner import Engine
from factcheck.startup import regexcache

DOC_SUFFIXES = (".md", ".txt", ".html")
ANNOTATION = regexcache.compile(r"<!--\s*(expect|ok)\s*:\s*([a-z0-9/_ ,-]+?)\s*-->")
DOCUMENT_BREAK = regexcache.compile(r"^<!--\s*document\s*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Annotation:
    kind: str  # "expect" or "ok"
    rule: str
    line: int  # the line the annotation is about (the one after the comment)
    comment_line: int


def annotated_files(paths: Iterable[Path]) -> list[Path]:
    """The annotated documents under ``paths`` (files given directly, or searched in directories)."""
    found: list[Path] = []
    for path in paths:
        if path.is_file() and path.suffix in DOC_SUFFIXES:
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in DOC_SUFFIXES and p.is_file()))
    return found


def annotations(document: Document) -> list[Annotation]:
    result = []
    for match in ANNOTATION.finditer(document.original):
        line = document.position(match.start()).line
        after = document.position(match.end()).line + 1
        for rule in match.group(2).split(","):
            result.append(Annotation(match.group(1), rule.strip(), after, line))
    return result


def check_document(path: Path, engine: Engine) -> tuple[int, list[str]]:
    """The number of annotations checked and the problems (``path:line: missed/extra ...``)."""
    items = list(load_documents([str(path)]))
    item = items[0] if items else None
    if item is None or isinstance(item, InputFailure):
        return 0, [f"{path}: cannot read: {item.error if item else 'no document'}"]
    notes = annotations(item)
    found: dict[tuple[str, int], str] = {}
    notes_of_runs: list[str] = []
    for part in parts(item):
        result = engine.check(part)
        notes_of_runs.extend(result.notes)
        for finding in result.findings:
            if finding.span is not None:
                line = item.position(item.original_span(finding.span).start).line
                found.setdefault((finding.rule, line), finding.message)
    problems = []
    expected = {(a.rule, a.line) for a in notes if a.kind == "expect"}
    for note in notes:
        key = (note.rule, note.line)
        if note.kind == "expect" and key not in found:
            where = f"annotated on line {note.comment_line}"
            problems.append(f"{path}:{note.line}: missed: expected {note.rule} ({where})")
        elif note.kind == "ok" and key in found:
            problems.append(f"{path}:{note.line}: extra: {note.rule} where marked ok: {found[key]}")
    marked_ok = {(a.rule, a.line) for a in notes if a.kind == "ok"}
    for (rule, line), message in sorted(found.items(), key=lambda kv: kv[0][1]):
        if (rule, line) not in expected and (rule, line) not in marked_ok:
            problems.append(f"{path}:{line}: extra: {rule}: {message}")
    problems.extend(f"{path}: {note}" for note in dict.fromkeys(notes_of_runs))
    return len(notes), problems


def parts(document: Document) -> list[Document]:
    """The documents a file holds: itself, or one per ``<!-- document -->`` section, each with the
    text of the other sections blanked (newlines kept, so every offset still maps to the file)."""
    breaks = [m.start() for m in DOCUMENT_BREAK.finditer(document.original)]
    if not breaks:
        return [document]
    text = document.text
    to_original = [document.offsets.to_original(i) for i in range(len(text))]
    bounds = [0, *breaks, len(document.original) + 1]
    result = []
    for low, high in itertools.pairwise(bounds):
        masked = "".join(
            ch if ch == "\n" or low <= to_original[i] < high else " " for i, ch in enumerate(text)
        )
        result.append(dataclasses.replace(document, text=masked, _lines=None))
    return result
