"""Temporal resolution: TIMEX3 values for the date, time and duration claims of one document.

Extraction (``factcheck.claims``) matches temporal expressions from the text alone; this stage, given
the document's date, resolves them (``resolve_claims``) before the rules are evaluated. See
``docs/extraction.md`` ("Time: matching and resolution").
"""

from factcheck.timex.resolve import Context, resolve_claims
from factcheck.timex.value import Anchor, Timex, TimexType

__all__ = ["Anchor", "Context", "Timex", "TimexType", "resolve_claims"]
