"""The run: documents in, claims extracted, every rule evaluated, results out."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence

from factcheck.claims.extract import Extractor, default_extractor
from factcheck.claims.model import ClaimSet
from factcheck.documents import InputFailure
from factcheck.documents.model import Document
from factcheck.engine.evaluate import evaluate_rule
from factcheck.engine.results import DocumentResult
from factcheck.facts.model import FactBase
from factcheck.findings import INPUT_ERROR, Finding, Severity
from factcheck.language import EvalContext
from factcheck.rules.model import Rule
from factcheck.timex import document_claims

NO_DATE = "the document has no date (use --date or front matter)"


class Engine:
    """Checks documents against compiled rules and one fact base, extracting claims with the pack's
    extractor (:meth:`~factcheck.rules.pack.Pack.extractor`; the default pack's when not given)."""

    def __init__(self, rules: Sequence[Rule], facts: FactBase, extractor: Extractor | None = None):
        self.rules = rules
        self.facts = facts
        self.extractor = extractor if extractor is not None else default_extractor()

    def check(self, document: Document) -> DocumentResult:
        began = time.perf_counter()
        claims = document_claims(document, self.extractor)  # extraction, then resolution by the date
        extracted = time.perf_counter()
        result = DocumentResult(document.display_path, document, claims, characters=len(document.text))
        ctx = EvalContext(document=document, claims=claims, facts=self.facts)
        for rule in self.rules:
            if rule.uses_document_date and document.date is None:
                result.notes.append(f"{rule.id}: skipped, {NO_DATE}")
                result.skipped[rule.id] = NO_DATE
                continue
            started = time.perf_counter()
            result.findings.extend(evaluate_rule(rule, ctx))
            result.seconds[rule.id] = time.perf_counter() - started
            result.rules_evaluated += 1
        result.findings.sort(key=lambda f: (f.span.start if f.span else -1, f.rule))
        done = time.perf_counter()
        result.timings = {"extract": extracted - began, "rules": done - extracted}
        return result

    def check_all(self, inputs: Iterable[Document | InputFailure]) -> Iterator[DocumentResult]:
        """Results in input order, in this process (``factcheck.engine.parallel`` runs workers)."""
        return map(self.check_item, inputs)

    def check_item(self, item: Document | InputFailure) -> DocumentResult:
        return input_failure_result(item) if isinstance(item, InputFailure) else self.check(item)


def input_failure_result(failure: InputFailure) -> DocumentResult:
    """An unreadable input, reported as a finding of its own so the run can go on."""
    location = failure.error.location
    evidence = {"location": str(location)} if location else {}
    finding = Finding(INPUT_ERROR, Severity.ERROR, failure.error.message, None, (), evidence)
    return DocumentResult(failure.path, None, ClaimSet([]), [finding], record_line=failure.record_line)
