"""``--format text`` (the default): rustc/ruff-style excerpts with a gutter and carets under each
finding's span, evidence, related claims and the suggested correction, one line per document, and
a closing summary.

A finding below high confidence is labelled (``error[rule] (medium confidence): ...``). Findings
below ``--min-confidence`` are left out, as a reader at a terminal wants, and counted in the
document line and the summary; ``--min-confidence low`` shows them all.

A large run (more than :data:`DETAIL_LIMIT` documents) lists only the documents with findings shown
and sums the notes up by reason ("8 rules skipped on 20,600 documents: ..."), unless ``show_notes``."""

from __future__ import annotations

import textwrap
from typing import Any

from factcheck.documents.model import Document
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import Confidence, Finding, Severity
from factcheck.reporters.base import ReportOptions, Stop, Totals, plural, unchecked_text
from factcheck.reporters.human import human
from factcheck.reporters.locations import Location, locate
from factcheck.reporters.style import Painter, display, width
from factcheck.safetext import visible

DETAIL_LIMIT = 20  # documents up to which every document and its notes are listed


def one_line(text: str) -> str:
    return visible(" ".join(text.split()))


def evidence_value(value: Any) -> str:
    """A value as a reader says it: ``8``, ``8 months``, ``25%``, ``$1.05 billion``."""
    return human(value)


def where(document: Document, location: Location) -> str:
    text = f"{visible(document.display_path)}:{location.line}:{location.column}"
    if document.record is not None and document.record_line is not None:
        text += f" (file line {document.record_line})"
    return text


def continues(location: Location) -> bool:
    """Whether the span runs past its first line (ending right after that line's newline does not)."""
    return location.multiline and not (location.end_line == location.line + 1 and location.end_column == 1)


def snippet(document: Document, location: Location, severity: Severity, paint: Painter) -> list[str]:
    """The source line with a gutter and carets under the span (its first line, if it spans several)."""
    gutter = " " * len(str(location.line))
    source = visible(document.lines.line_text(location.line), keep="\t")
    raw = document.lines.line_text(location.line)
    before = visible(raw[: location.column - 1], keep="\t")
    stop = location.end_column - 1 if not location.multiline else len(raw)
    spanned = visible(raw[location.column - 1 : stop], keep="\t")
    carets = paint.severity("^" * max(1, width(spanned)), severity)
    if continues(location):
        carets += paint(f" continues to line {location.end_line}", "dim")
    bar = paint("|", "gutter")
    return [
        f"{gutter} {bar}",
        f"{paint(str(location.line), 'gutter')} {bar} {display(source)}".rstrip(),
        f"{gutter} {bar} {' ' * width(before)}{carets}",
    ]


def wrap(text: str, first: int, rest: int, columns: int | None) -> list[str]:
    """``text`` in lines of at most ``columns`` (the first line has ``first`` columns taken, the
    others are indented by ``rest``); unwrapped when there are no columns to fit."""
    if columns is None:
        return text.split("\n")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not lines:
            pieces = _fill(paragraph, columns - first)
            lines.append(pieces[0])
            paragraph = " ".join(pieces[1:])
            if not paragraph:
                continue
        pieces = _fill(paragraph, columns - rest)
        lines.extend(" " * rest + piece for piece in pieces)
    return lines


def _fill(paragraph: str, columns: int) -> list[str]:
    """Words never split, not even at hyphens (a path or "two-and-a-half-hour" stays whole)."""
    return textwrap.wrap(paragraph, max(20, columns), break_long_words=False, break_on_hyphens=False) or [""]


def finding_block(
    path: str, document: Document | None, finding: Finding, paint: Painter, columns: int | None = None
) -> list[str]:
    location = locate(document, finding.span) if document and finding.span is not None else None
    gutter = " " * (len(str(location.line)) if location else 1)
    header = paint.severity(finding.severity.value, finding.severity)
    label = plain_label = ""
    if finding.confidence is not Confidence.HIGH:
        plain_label = f" ({finding.confidence} confidence)"
        label = paint(plain_label, "dim")
    prefix = len(f"{finding.severity.value}[{finding.rule}]{plain_label}: ")
    message, *more = wrap(visible(finding.message), prefix, len(gutter) + 3, columns)
    lines = [f"{header}{paint(f'[{finding.rule}]', 'bold')}{label}: {paint(message, 'bold')}"]
    lines.extend(paint(line, "bold") for line in more)
    arrow = paint("-->", "gutter")
    shown_at = finding.evidence.get("location") if location is None else None
    if shown_at is not None:  # an input error that knows its line and column
        lines.append(f"{gutter}{arrow} {visible(str(shown_at))}")
    elif document is None or location is None:
        lines.append(f"{gutter}{arrow} {visible(document.display_path if document else path)}")
    else:
        lines.append(f"{gutter}{arrow} {where(document, location)}")
        lines.extend(snippet(document, location, finding.severity, paint))
    equals = paint("=", "gutter")
    for key, value in finding.evidence.items():
        if shown_at is not None and key == "location":
            continue
        text = f"evidence: {visible(key)}: {visible(evidence_value(value))}"
        first, *more = wrap(text, len(gutter) + 3, len(gutter) + 5, columns)
        lines.append(f"{gutter} {equals} {first}")
        lines.extend(more)
    for span in finding.related if document else ():
        related = locate(document, span)
        text = f'related: {where(document, related)} "{one_line(related.text)}"'
        first, *more = wrap(text, len(gutter) + 3, len(gutter) + 5, columns)
        lines.append(f"{gutter} {equals} {first}")
        lines.extend(more)
    if finding.fix is not None and document is not None:
        figure = one_line(locate(document, finding.fix.span).text)
        replacement = finding.fix.replacement
        lines.append(f'{gutter} {equals} {paint("help", "bold")}: replace "{figure}" with "{replacement}"')
    return lines


def document_header(result: DocumentResult, options: ReportOptions, notes: bool = True) -> list[str]:
    document = result.document
    shown = sum(1 for finding in result.findings if options.shown(finding))
    if document is None:
        status = "could not be read"
    else:
        found = plural(shown, "finding") if shown else "no findings"
        status = f"{plural(result.claim_count, 'claim')} checked, {found}"
        if shown < len(result.findings):
            status += f" ({len(result.findings) - shown} below {options.min_confidence} confidence not shown)"
    path = visible(document.display_path if document else result.path)
    notes = [line for note in (result.notes if notes else ()) for line in
             wrap(f"  note: {visible(note)}", 0, 4, options.width)]
    return [f"{path}: {status}", *notes]


def notes_summary(results: list[DocumentResult]) -> list[str]:
    """The notes of a large run summed up, one line per reason (see :func:`note_counts`)."""
    return [f"note: {visible(line)}; see --show-notes" for line in note_counts(results)]


def note_counts(results: list[DocumentResult]) -> list[str]:
    """One phrase per reason a note gives: how many subjects (rules) it named, on how many documents
    ("8 rules skipped on 20,600 documents: the document has no date"), most frequent first.

    A note reads ``SUBJECT: REASON`` (``weekday-matches-date: skipped, the document has no date``);
    one without a subject is counted as a whole."""
    subjects: dict[str, set[str]] = {}
    documents: dict[str, int] = {}
    for result in results:
        reasons: dict[str, None] = {}  # in the notes' order, so that ties keep a stable order
        for note in result.notes:
            subject, _, reason = note.partition(": ")
            if not reason:
                subject, reason = "", note
            subjects.setdefault(reason, set()).add(subject)
            reasons[reason] = None
        for reason in reasons:
            documents[reason] = documents.get(reason, 0) + 1
    lines = []
    for reason, count in sorted(documents.items(), key=lambda item: -item[1]):
        named = len(subjects[reason] - {""})
        verb, comma, why = reason.partition(", ")
        if not comma or " " in verb:  # "skipped, the document has no date": the verb goes first
            verb, why = "noted", reason
        who = f"{named:,} {'rule' if named == 1 else 'rules'} " if named else ""
        where = f"{count:,} {'document' if count == 1 else 'documents'}"
        lines.append(f"{who}{verb} on {where}: {why}")
    return lines


def summary(run: RunResult, paint: Painter, options: ReportOptions | None = None) -> str:
    options = options or ReportOptions()
    totals = Totals.of(run, options.shown)
    counts = []
    for severity, noun, nouns in (
        (Severity.ERROR, "error", "errors"),
        (Severity.WARNING, "warning", "warnings"),
        (Severity.INFO, "info", "info"),
    ):
        count = totals.by_severity[severity]
        phrase = plural(count, noun, nouns)
        counts.append(paint.severity(phrase, severity) if count else phrase)
    checked = f"{plural(totals.documents, 'document')}: {plural(totals.claims, 'claim')}, "
    hidden = sum(1 for finding in run.findings() if not options.shown(finding))
    below = (f"; {plural(hidden, 'finding')} below {options.min_confidence} confidence not shown"
             " (--min-confidence low shows them)") if hidden else ""
    return f"Checked {checked}{plural(totals.rules, 'rule')}; {', '.join(counts)}{below}."


UNCHECKED_SHOWN = 10  # inputs a stopped run lists by name


def render(run: RunResult, options: ReportOptions) -> str:
    paint = Painter(options.color)
    detailed = options.show_notes or len(run.documents) <= DETAIL_LIMIT
    out: list[str] = []
    for result in run.documents:
        shown = [finding for finding in result.findings if options.shown(finding)]
        if not detailed and not shown:
            continue
        out.extend(document_header(result, options, notes=detailed))
        for finding in shown:
            out.append("")
            out.extend(finding_block(result.path, result.document, finding, paint, options.width))
        if shown:
            out.append("")
    if not detailed:
        out.extend(notes_summary(run.documents))
    if out and out[-1] != "":
        out.append("")
    stop = Stop.of(run)
    if stop is not None:
        out.append("Interrupted: only the documents checked before the run stopped are reported.")
        out.extend(wrap(stop.summary(run), 0, 2, options.width))
        shown = run.unchecked[:UNCHECKED_SHOWN]
        out.extend(f"  not checked: {visible(unchecked_text(item))}" for item in shown)
        if len(run.unchecked) > UNCHECKED_SHOWN:
            out.append(f"  not checked: {plural(len(run.unchecked) - UNCHECKED_SHOWN, 'more input')}")
    out.extend(wrap(summary(run, paint, options), 0, 2, options.width))
    return "\n".join(out) + "\n"
