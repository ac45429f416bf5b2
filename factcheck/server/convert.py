"""From the engine's results to LSP values: diagnostics, hovers, code actions.

Offsets become positions in the client's units (UTF-16 unless the client chose otherwise) through
the buffer's own lines, so a diagnostic lands on the same characters in every editor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types as lsp
from pygls.workspace.position_codec import PositionCodec
from pygls.workspace.text_document import ServerTextPosition

from factcheck.claims.model import Claim
from factcheck.documents.model import Document
from factcheck.engine.results import DocumentResult
from factcheck.findings import Finding, Severity
from factcheck.reporters.claims import claim_object
from factcheck.reporters.locations import locate
from factcheck.spans import LineIndex, Span

SOURCE = "factcheck"
SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


@dataclass(frozen=True, slots=True)
class Buffer:
    """A buffer's text as the client counts positions in it."""

    uri: str
    text: str
    codec: PositionCodec
    index: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", LineIndex(self.text))

    @property
    def lines(self) -> Sequence[str]:
        return self.text.splitlines(True)

    def position(self, offset: int, lines: Sequence[str]) -> lsp.Position:
        where = self.index.position(offset)
        server = ServerTextPosition(where.line - 1, where.column - 1)
        return self.codec.position_to_client_units(lines, server)

    def range(self, start: int, end: int, lines: Sequence[str]) -> lsp.Range:
        return lsp.Range(self.position(start, lines), self.position(end, lines))

    def offset(self, position: lsp.Position) -> int:
        lines = self.lines
        server = self.codec.position_from_client_units(lines, position)
        return sum(len(line) for line in lines[: server.line]) + server.character


def original_range(buffer: Buffer, document: Document, span: Span, lines: Sequence[str]) -> lsp.Range:
    location = locate(document, span)
    return buffer.range(location.start, location.end, lines)


def diagnostics(buffer: Buffer, result: DocumentResult, doc_uris: dict[str, str]) -> list[lsp.Diagnostic]:
    """Every finding of ``result`` as a diagnostic; ``doc_uris`` maps rule ids to their documentation."""
    document = result.document
    if document is None:
        return []
    lines = buffer.lines
    return [_diagnostic(buffer, document, finding, doc_uris, lines) for finding in result.findings]


def _diagnostic(
    buffer: Buffer, document: Document, finding: Finding, doc_uris: dict[str, str], lines: Sequence[str]
) -> lsp.Diagnostic:
    whole = Span(0, 0)
    where = original_range(buffer, document, finding.span or whole, lines)
    related = [
        lsp.DiagnosticRelatedInformation(
            lsp.Location(buffer.uri, original_range(buffer, document, span, lines)),
            f"related claim: {document.text[span.start:span.end]}",
        )
        for span in finding.related
    ]
    data: dict[str, Any] = {"rule": finding.rule, "confidence": finding.confidence.value}
    if finding.fix is not None:
        data["fix"] = {
            "range": _range_json(original_range(buffer, document, finding.fix.span, lines)),
            "replacement": finding.fix.replacement,
        }
    href = doc_uris.get(finding.rule)
    return lsp.Diagnostic(
        range=where,
        message=f"{finding.message} (confidence: {finding.confidence.value})",
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=lsp.CodeDescription(href) if href else None,
        source=SOURCE,
        related_information=related or None,
        data=data,
    )


def _range_json(where: lsp.Range) -> dict[str, Any]:
    return {
        "start": {"line": where.start.line, "character": where.start.character},
        "end": {"line": where.end.line, "character": where.end.character},
    }


def claims_at(document: Document, claims: Sequence[Claim], offset: int) -> list[Claim]:
    """The claims whose text covers ``offset`` of the original, innermost first."""
    covering = []
    for claim in claims:
        span = document.original_span(claim.span)
        if span.start <= offset < span.end:
            covering.append((span.end - span.start, claim))
    return [claim for _, claim in sorted(covering, key=lambda pair: pair[0])]


def hover_text(document: Document, claims: Sequence[Claim]) -> str:
    """What the extractor read, claim by claim: kind, value, unit, hedge, precision and fields."""
    return "\n\n---\n\n".join(_claim_markdown(document, claim) for claim in claims)


def _claim_markdown(document: Document, claim: Claim) -> str:
    data = claim_object(document, claim)
    lines = [f"**{claim.kind}** `{claim.text}`", ""]
    lines.append(f"- value: `{json.dumps(data.pop('value'), ensure_ascii=False)}`")
    for key in ("unit", "hedge"):
        value = data.pop(key)
        if value is not None:
            lines.append(f"- {key}: `{value}`")
    if claim.precision is not None:
        lines.append(f"- precision: `{claim.precision}`")
    if claim.binding.value != "phrase":
        lines.append(f"- parts joined across: `{claim.binding.value}`")
    if not claim.certain:
        lines.append("- inferred: the value rests on an inference")
    for key in ("kind", "text", "span"):
        data.pop(key, None)
    for key, value in data.items():
        if value is not None and value != [] and value != {}:
            lines.append(f"- {key}: `{_short(value)}`")
    return "\n".join(lines)


def _short(value: Any) -> str:
    if isinstance(value, dict) and "text" in value and "kind" in value:
        return f"{value['kind']} “{value['text']}”"
    if isinstance(value, list):
        return ", ".join(_short(item) for item in value)
    return json.dumps(value, ensure_ascii=False)
