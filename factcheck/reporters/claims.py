"""Output of ``factcheck claims`` (DESIGN §7): what the extractors found, as JSON or an aligned table."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

from factcheck.claims.model import Claim, ClaimSet
from factcheck.documents.model import Document
from factcheck.reporters.base import tool_version
from factcheck.reporters.json_report import dumps
from factcheck.reporters.jsonvalues import claim_value, to_json
from factcheck.reporters.locations import locate
from factcheck.safetext import guard_lines, visible
from factcheck.values import plain

ClaimDocuments = list[tuple[Document, ClaimSet]]
TABLE_COLUMNS = ("LINE:COL", "KIND", "TEXT", "VALUE", "UNIT", "HEDGE", "RESOLVED")
TEXT_WIDTH = 40


def span_object(document: Document, claim: Claim) -> dict[str, int]:
    location = locate(document, claim.span)
    return {"start": location.start, "end": location.end, "line": location.line, "column": location.column}


def field_value(document: Document, value: Any) -> Any:
    """A kind-specific field: sub-claims as nested claim objects, anything else as JSON."""
    if isinstance(value, Claim):
        return sub_claim_object(document, value)
    if isinstance(value, (list, tuple)) and any(isinstance(item, Claim) for item in value):
        return [field_value(document, item) for item in value]
    return to_json(value)


# A nested temporal claim keeps its resolution, so that every date, time and duration the output
# shows has a value or the reason it has none (issue 11), wherever it is shown.
RESOLUTION_FIELDS = ("timex", "timex_type", "timex_mod", "anchor", "resolved", "unresolved")


def sub_claim_object(document: Document, claim: Claim) -> dict[str, Any]:
    data = {
        "kind": claim.kind,
        "text": claim.text,
        "span": span_object(document, claim),
        "value": to_json(claim_value(claim)),
        "unit": claim.unit,
        "hedge": claim.hedge.value,
        "certain": claim.certain,
    }
    if "timex" in claim.fields:
        data.update((name, to_json(claim.fields.get(name))) for name in RESOLUTION_FIELDS)
    return data


def claim_object(document: Document, claim: Claim) -> dict[str, Any]:
    data = sub_claim_object(document, claim)
    for name, value in claim.fields.items():
        data.setdefault(name, field_value(document, value))
    return data


def document_object(document: Document, claims: ClaimSet) -> dict[str, Any]:
    data: dict[str, Any] = {"path": document.path, "date": to_json(document.date)}
    if document.record is not None:
        data["record"] = document.record
    data["claims"] = [claim_object(document, claim) for claim in claims]
    return data


def render_json(documents: ClaimDocuments) -> str:
    return dumps(
        {"version": tool_version(), "documents": [document_object(doc, claims) for doc, claims in documents]}
    )


def cell(value: Any) -> str:
    """A value as a table shows it: ``8``, ``8 months``, ``25%``, ``1200 USD``, ``2025-10``."""
    if value is None:
        return "-"
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Claim):
        return value.text
    if isinstance(value, Enum):
        return str(value.value)
    return visible(str(value))


def resolved_cell(claim: Claim) -> str:
    """A temporal claim's TIMEX3 value ("2013-03-22", "P3M", "2013-Q1?" when inferred), or why it has none."""
    if "timex" not in claim.fields:
        return "-"
    if claim["timex"] is None:
        return f"({claim['unresolved']})"
    return claim["timex"] + ("" if claim.certain else "?")


def short(text: str) -> str:
    text = visible(" ".join(text.split()))
    return text if len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"


def table_rows(document: Document, claims: ClaimSet) -> list[tuple[str, ...]]:
    rows = []
    for claim in claims:
        location = locate(document, claim.span)
        rows.append(
            (
                f"{location.line}:{location.column}",
                claim.kind,
                short(claim.text),
                cell(claim_value(claim)),
                claim.unit or "-",
                claim.hedge.value,
                resolved_cell(claim),
            )
        )
    return rows


def aligned(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ("  ".join(text.ljust(w) for text, w in zip(row, widths, strict=True)) for row in rows)
    return ["  " + line.rstrip() for line in lines]


def render_table(documents: ClaimDocuments) -> str:
    out: list[str] = []
    for document, claims in documents:
        date = f" (date {document.date.isoformat()})" if document.date else ""
        count = f"{len(claims)} claim{'' if len(claims) == 1 else 's'}"
        out.append(f"{visible(document.display_path)}: {count}{date}")
        rows = table_rows(document, claims)
        out.extend(aligned([TABLE_COLUMNS, *rows]) if rows else [])
        out.append("")
    return "\n".join(out[:-1]) + "\n" if out else ""


def render_html(documents: ClaimDocuments) -> str:
    from factcheck.reporters.html import render_claims_page  # the HTML report's code, loaded when asked for

    return render_claims_page(documents)


CLAIM_FORMATS: dict[str, Callable[[ClaimDocuments], str]] = {
    "table": render_table,
    "json": render_json,
    "html": render_html,
}


def render_claims(format: str, documents: ClaimDocuments) -> str:
    """``factcheck claims`` output in ``format`` (``table``, ``json`` or ``html``)."""
    try:
        renderer = CLAIM_FORMATS[format]
    except KeyError:
        known = ", ".join(CLAIM_FORMATS)
        raise ValueError(f"unknown claims format {format!r}; expected one of: {known}") from None
    output = renderer(documents)
    return output if format == "json" else guard_lines(output, "&#58;" if format == "html" else "\\x3a")
