"""Temporal resolution: TIMEX3 values for the date, time and duration claims of one document.

Extraction (``factcheck.claims``) matches temporal expressions from the text alone; this stage, given
the document's date, resolves them (``resolve_claims``) before the rules are evaluated. See
``docs/extraction.md`` ("Time: matching and resolution").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.timex.resolve import Context, resolve_claims
from factcheck.timex.value import Anchor, Timex, TimexType

if TYPE_CHECKING:
    from factcheck.claims.extract import Extractor
    from factcheck.claims.model import ClaimSet
    from factcheck.documents.model import Document


def document_claims(document: Document, extractor: Extractor) -> ClaimSet:
    """A document's claims as rules see them: extracted from its text, then resolved against its date."""
    return resolve_claims(document.text, extractor.extract(document.text), document.date)


__all__ = ["Anchor", "Context", "Timex", "TimexType", "document_claims", "resolve_claims"]
