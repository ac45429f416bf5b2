"""``--format html``: one self-contained page (inline CSS, no script, nothing fetched) showing each
document's original text with its claims highlighted by kind and its findings marked and listed.

Every piece of text that comes from a document, a rule or a finding is escaped here, once, in
:func:`esc`. Spans are turned into original offsets by :mod:`locations` and nested by :func:`markup`.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files

from factcheck.claims.kinds import BUILTIN_KINDS
from factcheck.claims.model import Claim, ClaimSet
from factcheck.documents.model import Document
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.findings import INPUT_ERROR, RULE_ERROR, Finding, Severity
from factcheck.reporters.base import TOOL_NAME, ReportOptions, Totals, plural, tool_version
from factcheck.reporters.claims import claim_value
from factcheck.reporters.jsonvalues import to_json
from factcheck.reporters.locations import Location, locate
from factcheck.reporters.text import evidence_value
from factcheck.safetext import visible
from factcheck.spans import Span

# Palette slots for the known kinds (see html_assets/report.css); other kinds get a stable slot.
KIND_ORDER = ("number", "ordinal", "percent", "money", "quantity", "duration", "date", "time", "age")
KIND_ORDER += ("person", "place", "event_count")
PALETTE = 12
NOUNS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def esc(text: object) -> str:
    return escape(visible(str(text), keep="\n\t"), quote=True)


def stylesheet() -> str:
    return files(__package__).joinpath("html_assets", "report.css").read_text(encoding="utf-8")


def kind_class(kind: str) -> str:
    """A palette class for a kind: fixed for the known kinds, stable for others."""
    index = KIND_ORDER.index(kind) if kind in KIND_ORDER else zlib.crc32(kind.encode()) % PALETTE
    return f"k{index}"


@dataclass(eq=False, slots=True)
class Mark:
    """An element wrapping ``[start, end)`` of the original text; ``rank`` orders equal extents
    (lower is outer). Only the first piece of a split element carries ``ident``."""

    start: int
    end: int
    rank: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    ident: str | None = None

    def open(self, first: bool) -> str:
        attrs = {"id": self.ident} if first and self.ident else {}
        attrs.update(self.attrs)
        return f"<{self.tag}" + "".join(f' {name}="{esc(value)}"' for name, value in attrs.items()) + ">"


def close_ending(here: int, stack: list[Mark], out: list[str]) -> list[Mark]:
    """Close the marks ending at ``here``, and the marks opened inside them, which are returned for
    reopening when they go on."""
    ending = [index for index, mark in enumerate(stack) if mark.end <= here]
    if not ending:
        return []
    above = stack[ending[0] :]
    out.extend(f"</{mark.tag}>" for mark in reversed(above))
    del stack[ending[0] :]
    return [mark for mark in above if mark.end > here]


def markup(text: str, marks: Sequence[Mark], points: dict[int, list[str]]) -> str:
    """``text`` escaped, with ``marks`` properly nested (split where they cross) and the HTML of
    ``points`` inserted at their offsets, outside the marks that end there."""
    starting: dict[int, list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: (-m.end, m.rank)):
        if 0 <= mark.start < mark.end <= len(text):
            starting.setdefault(mark.start, []).append(mark)
    bounds = sorted(
        {0, len(text), *points, *starting, *(m.end for group in starting.values() for m in group)}
    )
    stack: list[Mark] = []
    out: list[str] = []
    for index, here in enumerate(bounds):
        reopen = close_ending(here, stack, out)
        out.extend(points.get(here, ()))
        for mark in reopen + starting.get(here, []):
            out.append(mark.open(first=mark.start == here))
            stack.append(mark)
        if index + 1 < len(bounds):
            out.append(esc(text[here : bounds[index + 1]]))
    return "".join(out)


def region(document: Document, span: Span) -> tuple[int, int]:
    """Original offsets of a normalized span, at least one character wide where the text allows."""
    location = locate(document, span)
    end = max(location.end, min(location.start + 1, len(document.original)))
    return location.start, end


def value_text(claim: Claim) -> str:
    value = to_json(claim_value(claim))
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def is_composite(claim: Claim) -> bool:
    kind = BUILTIN_KINDS.get(claim.kind)  # any other kind was declared by a pattern file: composite
    return kind is None or kind.composite or next(claim.parts(), None) is not None


def claim_mark(document: Document, claim: Claim) -> Mark:
    unit = f" {claim.unit}" if claim.unit else ""
    title = f"{claim.kind}: {value_text(claim)}{unit} (hedge: {claim.hedge.value})"
    composite = is_composite(claim)
    css = f"{'composite' if composite else 'claim'} {kind_class(claim.kind)}"
    return Mark(*region(document, claim.span), 1 if composite else 3, "span", {"class": css, "title": title})


def finding_marks(document: Document, finding: Finding, ident: str, number: int) -> list[Mark]:
    if finding.span is None:
        return []
    sev = f"sev-{finding.severity.value}"
    title = f"{number}. {finding.severity.value} [{finding.rule}]: {finding.message}"
    attrs = {"class": f"finding {sev}", "title": title}
    marks = [Mark(*region(document, finding.span), 0, "mark", attrs, f"{ident}-at")]
    for count, span in enumerate(finding.related, 1):
        attrs = {"class": "related", "title": f"related to finding {number} [{finding.rule}]"}
        marks.append(Mark(*region(document, span), 2, "span", attrs, f"{ident}-r{count}"))
    return marks


def text_block(document: Document, claims: Iterable[Claim], findings: Sequence[Finding], prefix: str) -> str:
    marks = [claim_mark(document, claim) for claim in claims]
    points: dict[int, list[str]] = {}
    for number, finding in enumerate(findings, 1):
        ident = f"{prefix}-f{number}"
        found = finding_marks(document, finding, ident, number)
        marks.extend(found)
        if found:
            sev = finding.severity.value
            ref = f'<a class="ref sev-{sev}" href="#{ident}" aria-label="finding {number}">{number}</a>'
            points.setdefault(found[0].end, []).append(ref)
    # A newline right after <pre> is dropped by HTML parsers; this one keeps the text's own.
    return f'<pre class="doc">\n{markup(document.original, marks, points)}</pre>'


def legend(claims: ClaimSet, with_findings: bool) -> str:
    counts = Counter(claim.kind for claim in claims)
    composite = {claim.kind for claim in claims if is_composite(claim)}
    shape = {kind: "composite" if kind in composite else "claim" for kind in counts}
    items = [
        f'<li><span class="{shape[k]} {kind_class(k)}">{esc(k)}</span> {n}</li>'
        for k, n in sorted(counts.items())
    ]
    if with_findings:
        items.append('<li><mark class="finding sev-error">finding</mark></li>')
        items.append('<li><span class="related">related claim</span></li>')
    return f'<ul class="legend" aria-label="Legend">{"".join(items)}</ul>'


def place(document: Document, location: Location) -> str:
    where = f"line {location.line}, column {location.column}"
    if document.record is not None:
        where = f"record {document.record}, {where} (file line {document.record_line})"
    return where


def evidence_list(finding: Finding) -> str:
    if not finding.evidence:
        return ""
    rows = "".join(
        f"<dt>{esc(key)}</dt><dd>{esc(evidence_value(value))}</dd>" for key, value in finding.evidence.items()
    )
    return f'<dl class="evidence" aria-label="Evidence">{rows}</dl>'


def related_list(document: Document, finding: Finding, ident: str) -> str:
    items = []
    for count, span in enumerate(finding.related, 1):
        location = locate(document, span)
        items.append(
            f'<li>related: <a href="#{ident}-r{count}">{esc(place(document, location))}</a> '
            f"<code>{esc(location.text)}</code></li>"
        )
    return f'<ul class="related-list">{"".join(items)}</ul>' if items else ""


def confidence_badge(finding: Finding, options: ReportOptions) -> str:
    """The finding's confidence; one below ``--min-confidence`` says so (and is dimmed)."""
    below = "" if options.shown(finding) else f", below the minimum ({options.min_confidence})"
    level = finding.confidence.value
    return f'<span class="conf conf-{level}">{level} confidence{below}</span>'


def fix_line(document: Document | None, finding: Finding) -> str:
    if finding.fix is None or document is None:
        return ""
    figure = locate(document, finding.fix.span).text
    return (f'<p class="fix">Suggested correction: replace <code>{esc(figure)}</code> with '
            f"<code>{esc(finding.fix.replacement)}</code></p>")


def finding_item(document: Document | None, finding: Finding, ident: str, number: int,
                 options: ReportOptions | None = None) -> str:
    options = options or ReportOptions()
    sev = finding.severity.value
    location = locate(document, finding.span) if document and finding.span is not None else None
    if document is not None and location is not None:
        where = f'<a href="#{ident}-at">{esc(place(document, location))}</a>'
        excerpt = f'<code class="excerpt">{esc(location.text)}</code>'
    else:
        where, excerpt = "<span>whole document</span>", ""
    head = (
        f'<p class="finding-head"><span class="num">{number}.</span> <span class="sev sev-{sev}">{sev}'
        f"</span> {confidence_badge(finding, options)} <code>{esc(finding.rule)}</code> {where}</p>"
    )
    message = f'<p class="message">{esc(finding.message)}</p>'
    related = related_list(document, finding, ident) if document else ""
    body = head + message + excerpt + fix_line(document, finding) + evidence_list(finding) + related
    below = "" if options.shown(finding) else " below-min"
    return f'<li id="{ident}" class="sev-{sev}{below}">{body}</li>'


def findings_block(result: DocumentResult, prefix: str, options: ReportOptions | None = None) -> str:
    if not result.findings:
        return '<h3>Findings</h3><p class="none">No findings.</p>'
    items = (finding_item(result.document, f, f"{prefix}-f{n}", n, options)
             for n, f in enumerate(result.findings, 1))
    return f'<h3>Findings</h3><ol class="findings">{"".join(items)}</ol>'


def meta_line(document: Document | None, claims: int, result: DocumentResult | None = None) -> str:
    if document is None:
        return '<p class="meta">This input could not be read.</p>'
    parts = [f"title: {document.title}"] if document.title else []
    parts.append(f"date: {document.date.isoformat()}" if document.date else "no date")
    parts.append(plural(claims, "claim"))
    if result is not None:
        found = plural(len(result.findings), "finding") if result.findings else "no findings"
        parts += [found, f"{plural(result.rules_evaluated, 'rule')} evaluated"]
    return f'<p class="meta">{esc(" · ".join(parts))}</p>'


def document_section(result: DocumentResult, prefix: str, options: ReportOptions | None = None) -> str:
    document = result.document
    name = document.display_path if document else result.path
    head = f'<h2 id="{prefix}-h">{esc(name)}</h2>' + meta_line(document, len(result.claims), result)
    notes = "".join(f"<li>note: {esc(note)}</li>" for note in result.notes)
    head += f'<ul class="notes">{notes}</ul>' if notes else ""
    findings = findings_block(result, prefix, options)
    if document is None:
        body = findings
    else:
        text = text_block(document, result.claims, result.findings, prefix)
        text = f"<h3>Text</h3>{legend(result.claims, any(f.span for f in result.findings))}{text}"
        body = f'<div class="layout"><div>{text}</div><div>{findings}</div></div>'
    return f'<section class="document" id="{prefix}" aria-labelledby="{prefix}-h">{head}{body}</section>'


def totals_list(totals: Totals) -> str:
    cells = [("Documents", totals.documents, ""), ("Claims", totals.claims, ""), ("Rules", totals.rules, "")]
    cells += [(NOUNS[s], totals.by_severity[s], f"sev-{s.value}") for s in Severity]
    items = "".join(f'<div><dt>{name}</dt><dd class="{css}">{count}</dd></div>' for name, count, css in cells)
    return f'<dl class="totals">{items}</dl>'


def problems(result: DocumentResult, prefix: str) -> str:
    """Links to the document's input and rule errors, which mean part of it went unchecked."""
    items = [
        f'<li><a href="#{prefix}-f{n}">{esc(f.rule)}</a>: {esc(f.message)}</li>'
        for n, f in enumerate(result.findings, 1)
        if f.rule in (INPUT_ERROR, RULE_ERROR)
    ]
    return f'<ul class="problems">{"".join(items)}</ul>' if items else ""


def contents(run: RunResult) -> str:
    items = []
    for number, result in enumerate(run.documents, 1):
        name = result.document.display_path if result.document else result.path
        found = plural(len(result.findings), "finding") if result.findings else "no findings"
        items.append(
            f'<li><a href="#d{number}">{esc(name)}</a>: {found}{problems(result, f"d{number}")}</li>'
        )
    return f'<h3>Documents</h3><ul class="toc">{"".join(items)}</ul>'


def rules_table(run: RunResult) -> str:
    if not run.rules:
        return '<h3>Rules that ran</h3><p class="none">No rules were loaded.</p>'
    rows = "".join(
        f'<tr><td><code>{esc(rule.id)}</code></td><td><span class="sev sev-{rule.severity.value}">'
        f"{rule.severity.value}</span></td><td>{esc(rule.title)}</td></tr>"
        for rule in run.rules
    )
    head = '<tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Title</th></tr>'
    return f"<h3>Rules that ran</h3><table><thead>{head}</thead><tbody>{rows}</tbody></table>"


def page(title: str, heading: str, body: str) -> str:
    tool = f"{TOOL_NAME} {esc(tool_version())}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{tool}">\n'
        f"<title>{esc(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n"
        f'<header><h1>{heading}</h1><p class="tool">{tool}</p></header>\n'
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def render(run: RunResult, options: ReportOptions) -> str:
    totals = Totals.of(run)
    summary = (
        '<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        f"{totals_list(totals)}{contents(run)}{rules_table(run)}</section>"
    )
    sections = "\n".join(
        document_section(result, f"d{n}", options) for n, result in enumerate(run.documents, 1)
    )
    title = f"{TOOL_NAME}: {plural(totals.findings, 'finding')} in {plural(totals.documents, 'document')}"
    return page(title, "Fact-check report", f"{summary}\n{sections}")


def claims_section(document: Document, claims: ClaimSet, prefix: str) -> str:
    head = f'<h2 id="{prefix}-h">{esc(document.display_path)}</h2>' + meta_line(document, len(claims))
    text = legend(claims, False) + text_block(document, claims, (), prefix)
    return f'<section class="document" id="{prefix}" aria-labelledby="{prefix}-h">{head}{text}</section>'


def render_claims_page(documents: Sequence[tuple[Document, ClaimSet]]) -> str:
    """``factcheck claims --format html``: each document's text with its claims highlighted."""
    sections = "\n".join(claims_section(doc, claims, f"d{n}") for n, (doc, claims) in enumerate(documents, 1))
    title = f"{TOOL_NAME}: claims in {plural(len(documents), 'document')}"
    return page(title, "Claims", sections)
