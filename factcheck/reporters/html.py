"""``--format html``: one self-contained page for a document or a corpus of hundreds.

Findings come first, grouped by document (the documents with findings, in input order), each with
the excerpt around it marked; then the documents without findings, collapsed into a count and a
list; then the rules that ran, with their finding counts. A small script filters the findings by
rule, severity and confidence in the browser; without it everything is shown. Each document's whole
text with its claims highlighted is included for a run of up to :data:`DETAIL_LIMIT` documents, or
as ``ReportOptions.html_text`` says (``always``, ``never``).

Nothing is fetched: the stylesheet and script are inlined and the page declares a Content Security
Policy that allows exactly those two (by their SHA-256 hashes) and nothing else, so markup that
slipped through could not run. Every piece of text that comes from a document, a rule or a finding
is escaped here, once, in :func:`esc`. Spans are turned into original offsets by :mod:`locations`
and nested by :func:`markup`.
"""

from __future__ import annotations

import base64
import hashlib
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
from factcheck.findings import INPUT_ERROR, RULE_ERROR, Confidence, Finding, Severity
from factcheck.reporters.base import (
    TOOL_NAME,
    ReportOptions,
    Stop,
    Totals,
    plural,
    tool_version,
    unchecked_text,
)
from factcheck.reporters.jsonvalues import claim_value, to_json
from factcheck.reporters.locations import Location, locate
from factcheck.reporters.text import DETAIL_LIMIT, evidence_value, note_counts
from factcheck.safetext import visible
from factcheck.spans import Span

# Palette slots for the known kinds (see html_assets/report.css); other kinds get a stable slot.
KIND_ORDER = ("number", "ordinal", "percent", "money", "quantity", "duration", "date", "time", "age")
KIND_ORDER += ("person", "place", "event_count")
PALETTE = 12
NOUNS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


def esc(text: object) -> str:
    return escape(visible(str(text), keep="\n\t"), quote=True)


CONTEXT = 90  # characters of text shown on each side of a finding in its excerpt


def asset(name: str) -> str:
    return files(__package__).joinpath("html_assets", name).read_text(encoding="utf-8")


def stylesheet() -> str:
    return asset("report.css")


def csp_hash(source: str) -> str:
    """The CSP source expression allowing the inline element whose content is ``source``."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


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


def related_list(document: Document, finding: Finding, ident: str, linked: bool) -> str:
    items = []
    for count, span in enumerate(finding.related, 1):
        location = locate(document, span)
        where = esc(place(document, location))
        where = f'<a href="#{ident}-r{count}">{where}</a>' if linked else where
        items.append(f"<li>related: {where} <code>{esc(location.text)}</code></li>")
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


def window(text: str, start: int, end: int) -> tuple[int, int]:
    """About :data:`CONTEXT` characters either side of ``[start, end)``, within its paragraph and
    cut at spaces."""
    low = max(text.rfind("\n\n", 0, start) + 2 if "\n\n" in text[:start] else 0, start - CONTEXT)
    paragraph_end = text.find("\n\n", end)
    high = min(len(text) if paragraph_end < 0 else paragraph_end, end + CONTEXT)
    if low > 0 and (space := text.find(" ", low, start)) >= 0:
        low = space + 1
    if high < len(text) and (space := text.rfind(" ", end, high)) >= 0:
        high = space
    return low, high


def context_excerpt(document: Document, finding: Finding) -> str:
    """The text around the finding, the finding marked and the related claims in reach outlined."""
    start, end = region(document, finding.span) if finding.span is not None else (0, 0)
    low, high = window(document.original, start, end)
    marks = [Mark(start - low, end - low, 0, "mark", {"class": f"finding sev-{finding.severity.value}"})]
    for span in finding.related:
        related_start, related_end = region(document, span)
        if low <= related_start and related_end <= high:
            marks.append(Mark(related_start - low, related_end - low, 2, "span", {"class": "related"}))
    before = "…" if low > 0 else ""
    after = "…" if high < len(document.original) else ""
    text = markup(document.original[low:high], marks, {})
    return f'<p class="excerpt">{before}{text}{after}</p>'


def finding_item(document: Document | None, finding: Finding, ident: str, number: int,
                 options: ReportOptions, with_text: bool) -> str:
    sev = finding.severity.value
    location = locate(document, finding.span) if document and finding.span is not None else None
    if document is not None and location is not None:
        where = esc(place(document, location))
        where = f'<a href="#{ident}-at">{where}</a>' if with_text else f"<span>{where}</span>"
        excerpt = context_excerpt(document, finding)
    else:
        where, excerpt = "<span>whole document</span>", ""
    head = (
        f'<p class="finding-head"><span class="num">{number}.</span> <span class="sev sev-{sev}">{sev}'
        f"</span> {confidence_badge(finding, options)} <code>{esc(finding.rule)}</code> {where}</p>"
    )
    message = f'<p class="message">{esc(finding.message)}</p>'
    related = related_list(document, finding, ident, with_text) if document else ""
    body = head + message + excerpt + fix_line(document, finding) + evidence_list(finding) + related
    below = "" if options.shown(finding) else " below-min"
    data = (f'data-rule="{esc(finding.rule)}" data-severity="{sev}" '
            f'data-confidence="{finding.confidence.value}"')
    return f'<li id="{ident}" class="finding-item sev-{sev}{below}" {data}>{body}</li>'


def findings_list(result: DocumentResult, prefix: str, options: ReportOptions, with_text: bool) -> str:
    items = (finding_item(result.document, f, f"{prefix}-f{n}", n, options, with_text)
             for n, f in enumerate(result.findings, 1))
    return f'<ol class="findings">{"".join(items)}</ol>'


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


def name_of(result: DocumentResult) -> str:
    return result.document.display_path if result.document else result.path


def full_text(result: DocumentResult, prefix: str) -> str:
    """The document's text with its claims and findings highlighted (empty when it was released)."""
    document = result.document
    if document is None or not document.original:
        return ""
    legend_html = legend(result.claims, any(f.span for f in result.findings))
    return f"<h3>Text</h3>{legend_html}{text_block(document, result.claims, result.findings, prefix)}"


def document_section(result: DocumentResult, prefix: str, options: ReportOptions, with_text: bool) -> str:
    """A document with findings: its heading, notes and findings, and its text when asked."""
    head = f'<h3 id="{prefix}-h">{esc(name_of(result))}</h3>'
    head += meta_line(result.document, result.claim_count, result)
    notes = "".join(f"<li>note: {esc(note)}</li>" for note in result.notes)
    head += f'<ul class="notes">{notes}</ul>' if notes else ""
    findings = findings_list(result, prefix, options, with_text)
    text = full_text(result, prefix) if with_text else ""
    body = f'<div class="layout"><div>{text}</div><div>{findings}</div></div>' if text else findings
    return f'<section class="document" id="{prefix}" aria-labelledby="{prefix}-h">{head}{body}</section>'


def clean_item(result: DocumentResult, prefix: str, with_text: bool) -> str:
    """A document without findings: one line, and its text folded away when asked."""
    name = f'<span class="path">{esc(name_of(result))}</span> '
    date = result.document.date if result.document else None
    meta = f'<span class="meta">{plural(result.claim_count, "claim")}, {date or "no date"}</span>'
    text = full_text(result, prefix) if with_text else ""
    if text:
        return f'<li id="{prefix}"><details><summary>{name}{meta}</summary>{text}</details></li>'
    return f'<li id="{prefix}">{name}{meta}</li>'


def clean_section(results: list[tuple[int, DocumentResult]], with_text: bool) -> str:
    if not results:
        return ""
    items = "".join(clean_item(result, f"d{n}", with_text) for n, result in results)
    summary = f"{plural(len(results), 'document')} without findings"
    return (
        '<section class="clean" aria-labelledby="clean-h"><h2 id="clean-h">Documents without findings</h2>'
        f'<details><summary>{summary}</summary><ul class="clean-list">{items}</ul></details></section>'
    )


def totals_list(totals: Totals, with_findings: int) -> str:
    cells = [("Documents", totals.documents, ""), ("With findings", with_findings, ""),
             ("Claims", totals.claims, ""), ("Rules", totals.rules, "")]
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


def contents(flagged: list[tuple[int, DocumentResult]]) -> str:
    """The documents with findings, linked, with their input and rule errors; folded for a large run."""
    if not flagged:
        return ""
    items = []
    for number, result in flagged:
        found = plural(len(result.findings), "finding")
        items.append(f'<li><a href="#d{number}">{esc(name_of(result))}</a>: {found}'
                     f"{problems(result, f'd{number}')}</li>")
    state = " open" if len(flagged) <= DETAIL_LIMIT else ""
    return (f'<details class="contents"{state}><summary>{plural(len(flagged), "document")} with findings'
            f'</summary><ul class="toc">{"".join(items)}</ul></details>')


def stopped_notice(run: RunResult) -> str:
    stop = Stop.of(run)
    if stop is None:
        return ""
    items = "".join(f"<li>not checked: {esc(unchecked_text(item))}</li>" for item in run.unchecked)
    listed = f'<ul class="unchecked">{items}</ul>' if items else ""
    return f'<div class="stopped" role="alert"><p>{esc(stop.summary(run))}</p>{listed}</div>'


def checkbox(name: str, value: str, label: str, count: int, checked: bool) -> str:
    ident = f"filter-{name}-{value}"
    state = " checked" if checked else ""
    return (f'<label for="{ident}"><input type="checkbox" id="{ident}" name="{name}" value="{value}"{state}>'
            f" {label} <span class=\"count\">({count})</span></label>")


def filters(run: RunResult, options: ReportOptions) -> str:
    """The filter form (shown by the script): severities and confidences to show, one rule or all.
    The confidences below ``--min-confidence`` start unticked, as the text report leaves them out."""
    findings = run.findings()
    if not findings:
        return ""
    severities = Counter(f.severity for f in findings)
    confidences = Counter(f.confidence for f in findings)
    rules = Counter(f.rule for f in findings)
    sev_boxes = "".join(
        checkbox("severity", s.value, NOUNS[s].lower(), severities[s], True) for s in Severity
    )
    conf_boxes = "".join(
        checkbox("confidence", c.value, c.value, confidences[c], c.rank >= options.min_confidence.rank)
        for c in sorted(Confidence, key=lambda c: -c.rank)
    )
    choices = "".join(f'<option value="{esc(rule)}">{esc(rule)} ({count})</option>'
                      for rule, count in sorted(rules.items()))
    return (
        '<form id="filters" class="filters" hidden aria-label="Filter findings">'
        f"<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>"
        f"<fieldset><legend>Confidence</legend>{conf_boxes}</fieldset>"
        '<fieldset><legend>Rule</legend><label for="filter-rule" class="visually-hidden">Rule</label>'
        f'<select id="filter-rule" name="rule"><option value="">all rules ({len(findings)})</option>{choices}'
        '</select></fieldset><button type="reset">Reset</button></form>'
    )


def rules_table(run: RunResult) -> str:
    if not run.rules:
        return '<h2 id="rules-h">Rules that ran</h2><p class="none">No rules were loaded.</p>'
    counts = Counter(f.rule for f in run.findings())
    rows = "".join(
        f'<tr><td><code>{esc(rule.id)}</code></td><td><span class="sev sev-{rule.severity.value}">'
        f'{rule.severity.value}</span></td><td>{esc(rule.title)}</td>'
        f'<td class="n">{counts[rule.id]}</td></tr>'
        for rule in run.rules
    )
    head = ('<tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Title</th>'
            '<th scope="col" class="n">Findings</th></tr>')
    return f'<h2 id="rules-h">Rules that ran</h2><table><thead>{head}</thead><tbody>{rows}</tbody></table>'


def notes_section(run: RunResult) -> str:
    lines = note_counts(run.documents)
    if not lines:
        return ""
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    return f'<h2 id="notes-h">Notes</h2><ul class="notes">{items}</ul>'


def page(title: str, heading: str, body: str, script: str = "") -> str:
    """The whole page; its CSP allows only its own stylesheet and ``script`` (by hash)."""
    tool = f"{TOOL_NAME} {esc(tool_version())}"
    css = stylesheet()
    policy = f"default-src 'none'; style-src {csp_hash(css)}; base-uri 'none'; form-action 'none'"
    if script:
        policy += f"; script-src {csp_hash(script)}"
    tag = f"<script>{script}</script>\n" if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{tool}">\n'
        f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f'<header><h1>{heading}</h1><p class="tool">{tool}</p></header>\n'
        f"<main>\n{body}\n</main>\n{tag}</body>\n</html>\n"
    )


def wants_text(run: RunResult, options: ReportOptions) -> bool:
    if options.html_text == "auto":
        return len(run.documents) <= DETAIL_LIMIT
    return options.html_text == "always"


def render(run: RunResult, options: ReportOptions) -> str:
    totals = Totals.of(run)
    with_text = wants_text(run, options)
    numbered = list(enumerate(run.documents, 1))
    flagged = [(n, result) for n, result in numbered if result.findings]
    clean = [(n, result) for n, result in numbered if not result.findings]
    summary = (
        '<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        f"{stopped_notice(run)}{totals_list(totals, len(flagged))}{contents(flagged)}</section>"
    )
    sections = "\n".join(document_section(result, f"d{n}", options, with_text) for n, result in flagged)
    status = '<p id="filter-status" class="status" role="status" aria-live="polite"></p>'
    sections = sections or '<p class="none">No findings.</p>'
    found = (f'<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>'
             f"{filters(run, options)}{status}{sections}</section>")
    rest = (f'<section class="rules" aria-labelledby="rules-h">{rules_table(run)}'
            f"{notes_section(run)}</section>")
    title = f"{TOOL_NAME}: {plural(totals.findings, 'finding')} in {plural(totals.documents, 'document')}"
    skip = '<a class="skip" href="#findings">Skip to the findings</a>'
    body = f"{skip}{summary}\n{found}\n{clean_section(clean, with_text)}\n{rest}"
    return page(title, "Fact-check report", body, asset("report.js") if flagged else "")


def claims_section(document: Document, claims: ClaimSet, prefix: str) -> str:
    head = f'<h2 id="{prefix}-h">{esc(document.display_path)}</h2>' + meta_line(document, len(claims))
    text = legend(claims, False) + text_block(document, claims, (), prefix)
    return f'<section class="document" id="{prefix}" aria-labelledby="{prefix}-h">{head}{text}</section>'


def render_claims_page(documents: Sequence[tuple[Document, ClaimSet]]) -> str:
    """``factcheck claims --format html``: each document's text with its claims highlighted."""
    sections = "\n".join(claims_section(doc, claims, f"d{n}") for n, (doc, claims) in enumerate(documents, 1))
    title = f"{TOOL_NAME}: claims in {plural(len(documents), 'document')}"
    return page(title, "Claims", sections)
