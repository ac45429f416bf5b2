"""Finding fingerprints: one function shared by the SARIF reporter (``partialFingerprints``) and the
baseline (``--baseline``), so both recognise the same finding after unrelated edits.

A fingerprint is built from the rule id, the text the finding points at and the text of the source
line it sits on; never from line numbers or offsets, so text added elsewhere does not change it.
"""

from __future__ import annotations

from factcheck.documents.model import Document
from factcheck.findings import Finding


def fingerprint_of(rule: str, excerpt: str, context: str) -> str:
    """The hash of a rule id, the excerpt it flags and the line of context around it."""
    import hashlib  # only when findings are fingerprinted

    return hashlib.sha256("\0".join((rule, excerpt, context)).encode("utf-8")).hexdigest()[:32]


def finding_fingerprint(finding: Finding, document: Document | None) -> str:
    """A finding's fingerprint; a finding without a place uses its message as the context."""
    if document is None or finding.span is None:
        return fingerprint_of(finding.rule, "", finding.message)
    original = document.original_span(finding.span)
    excerpt = document.original[original.start : original.end]
    line = document.position(original.start).line
    return fingerprint_of(finding.rule, excerpt, document.lines.line_text(line))
