"""The run: documents in, claims extracted, every rule evaluated, results out."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from factcheck.claims.extract import Extractor, default_extractor
from factcheck.claims.model import ClaimSet
from factcheck.deadline import DocumentTimeout, check_deadline, time_limit
from factcheck.documents import InputFailure
from factcheck.documents.model import Document
from factcheck.engine.evaluate import evaluate_rule, plan_of
from factcheck.engine.results import DocumentResult
from factcheck.facts.model import FactBase
from factcheck.findings import INPUT_ERROR, INTERNAL, Finding, Severity, describe_exception
from factcheck.language import EvalContext
from factcheck.language.joins import Plan
from factcheck.limits import DEFAULT_TIMEOUT
from factcheck.rules.model import Rule
from factcheck.timex import document_claims

NO_DATE = "the document has no date (use --date or front matter)"


def _problems(claims: ClaimSet) -> list[Finding]:
    """What extraction refused to read, as warnings at their place."""
    return [Finding(INPUT_ERROR, Severity.WARNING, message, span) for span, message in claims.problems]


def _bad_date(document: Document) -> Finding:
    """A date the document declares but that is not one: said once, with the reason."""
    message = (f"the document's date is not used: {document.metadata['date_error']}; "
               "the rules that need it are skipped (give --date to check them)")
    return Finding(INPUT_ERROR, Severity.WARNING, message)


def _timed_out(timeout: float | None, stage: str, skipped: int) -> Finding:
    message = (f"the document took longer than its time limit of {timeout:g} s (--timeout) while "
               f"{stage}; {skipped} rules not run on it, findings of the rules before kept")
    return Finding(INPUT_ERROR, Severity.ERROR, message, evidence={"timeout": timeout, "stage": stage})


def internal_error(what: str, exc: BaseException) -> Finding:
    """A bug in factcheck met on one document: reported as an input error marked ``internal``."""
    import traceback  # only for a bug (``linecache`` and ``tokenize`` with it)

    message = f"{what}: {describe_exception(exc)}; this is a bug in factcheck, please report it"
    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    where = [f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}" for frame in frames]
    return Finding(INPUT_ERROR, Severity.ERROR, message, evidence={INTERNAL: True, "where": where})


class Engine:
    """Checks documents against compiled rules and one fact base, extracting claims with the pack's
    extractor (:meth:`~factcheck.rules.pack.Pack.extractor`; the default pack's when not given).

    Each document is isolated: whatever it triggers (a limit, a rule failure, a bug, its time
    limit of ``timeout`` seconds) becomes a finding for that document, and the next one is checked.
    """

    def __init__(self, rules: Sequence[Rule], facts: FactBase, extractor: Extractor | None = None,
                 timeout: float | None = DEFAULT_TIMEOUT):
        self.rules = rules
        self.facts = facts
        self.extractor = extractor if extractor is not None else default_extractor()
        self.timeout = timeout
        self._plans: list[Plan] | None = None  # how each rule's bindings are joined, made on first use

    def _rule_plans(self) -> list[Plan]:
        plans = self._plans
        if plans is None or len(plans) != len(self.rules) or any(
                plan.bindings is not rule.bindings for plan, rule in zip(plans, self.rules, strict=True)):
            plans = self._plans = [plan_of(rule) for rule in self.rules]
        return plans

    def check(self, document: Document) -> DocumentResult:
        result = DocumentResult(document.display_path, document, ClaimSet([]), characters=len(document.text))
        stage = "extracting claims"
        began = extracted = time.perf_counter()
        try:
            with time_limit(self.timeout):
                result.claims = document_claims(document, self.extractor)  # extraction, then resolution
                extracted = time.perf_counter()
                result.findings.extend(_problems(result.claims))
                if document.metadata.get("date_error"):
                    result.findings.append(_bad_date(document))
                ctx = EvalContext(document=document, claims=result.claims, facts=self.facts)
                for rule, plan in zip(self.rules, self._rule_plans(), strict=True):
                    check_deadline()
                    if rule.uses_document_date and document.date is None:
                        result.notes.append(f"{rule.id}: skipped, {NO_DATE}")
                        result.skipped[rule.id] = NO_DATE
                        continue
                    stage = f"evaluating rule {rule.id!r}"
                    started = time.perf_counter()
                    if not plan.finds_nothing(ctx):
                        result.findings.extend(evaluate_rule(rule, ctx, plan=plan))
                    result.seconds[rule.id] = time.perf_counter() - started
                    result.rules_evaluated += 1
                stage = "finishing"
        except DocumentTimeout:
            result.findings.append(_timed_out(self.timeout, stage, len(self.rules) - result.rules_evaluated))
        except Exception as exc:  # a bug: this document is reported, the others are still checked
            result.findings.append(internal_error(f"internal error while {stage}", exc))
        result.findings.sort(key=lambda f: (f.span.start if f.span else -1, f.rule))
        done = time.perf_counter()
        result.timings = {"extract": extracted - began, "rules": done - extracted}
        return result

    def check_item(self, item: Document | InputFailure) -> DocumentResult:
        return input_failure_result(item) if isinstance(item, InputFailure) else self.check(item)


def input_failure_result(failure: InputFailure) -> DocumentResult:
    """An unreadable input, reported as a finding of its own so the run can go on."""
    location = failure.error.location
    evidence = {"location": str(location)} if location else {}
    finding = Finding(INPUT_ERROR, Severity.ERROR, failure.error.message, None, (), evidence)
    return DocumentResult(failure.path, None, ClaimSet([]), [finding], record_line=failure.record_line)
