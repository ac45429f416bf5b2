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

NO_DATE = "the document has no date (use --date or front matter)"


class Engine:
    """Checks documents against compiled rules and one fact base, extracting claims with the pack's
    extractor (:meth:`~factcheck.rules.pack.Pack.extractor`; the default pack's when not given)."""

    def __init__(self, rules: Sequence[Rule], facts: FactBase, extractor: Extractor | None = None):
        self.rules = rules
        self.facts = facts
        self.extractor = extractor if extractor is not None else default_extractor()

    def check(self, document: Document) -> DocumentResult:
        claims = self.extractor.extract(document.text)
        result = DocumentResult(document.display_path, document, claims)
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
        return result

    def check_all(
        self, inputs: Iterable[Document | InputFailure], jobs: int = 1
    ) -> Iterator[DocumentResult]:
        """Results in input order; with ``jobs > 1`` documents are checked in forked workers."""
        if jobs <= 1:
            yield from map(self._check_item, inputs)
            return
        import multiprocessing

        global _WORKER_ENGINE
        _WORKER_ENGINE = self  # compiled rules are closures: workers inherit them by fork, not pickle
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield from pool.imap(_check_in_worker, inputs, chunksize=8)

    def _check_item(self, item: Document | InputFailure) -> DocumentResult:
        return input_failure_result(item) if isinstance(item, InputFailure) else self.check(item)


_WORKER_ENGINE: Engine | None = None


def _check_in_worker(item: Document | InputFailure) -> DocumentResult:
    assert _WORKER_ENGINE is not None
    return _WORKER_ENGINE._check_item(item)


def input_failure_result(failure: InputFailure) -> DocumentResult:
    """An unreadable input, reported as a finding of its own so the run can go on."""
    location = failure.error.location
    evidence = {"location": str(location)} if location else {}
    finding = Finding(INPUT_ERROR, Severity.ERROR, failure.error.message, None, (), evidence)
    return DocumentResult(failure.path, None, ClaimSet([]), [finding])
