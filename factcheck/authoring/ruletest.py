"""`factcheck test`: run every rule's examples and report only what was missed or extra.

An example passes when the rule's findings on it are exactly the expected ones: each expected
finding matched by one actual finding whose span text equals ``at`` (whose message contains
``message``, whose suggested correction replaces its figure with exactly ``fix``, and whose
confidence is ``confidence``), and no finding left over. A rule's documentation is tested too: the
rule must flag its ``doc.example`` and leave its ``doc.instead`` alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.claims.extract import Extractor
from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.exitcodes import EXIT_FINDINGS, EXIT_OK
from factcheck.facts.model import FactBase
from factcheck.findings import Finding
from factcheck.rules.model import Example, ExpectedFinding, Rule, RuleDoc


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: Rule
    example: Example
    problems: tuple[str, ...]

    def __str__(self) -> str:
        label = f" ({self.example.name})" if self.example.name else ""
        lines = [f"{self.example.location}: example of {self.rule.id}{label} failed"]
        lines.extend(f"  - {p}" for p in self.problems)
        return "\n".join(lines)


def example_document(example: Example) -> Document:
    text = example.text
    return Document(
        path=str(example.location), text=text, original=text, offsets=OffsetMap.identity(len(text)),
        date=example.date, source="example",
    )


def run_example(rule: Rule, example: Example, pack_facts: FactBase,
                extractor: Extractor | None = None) -> tuple[str, ...]:
    """Problems with one example (empty when it passes); claims found by ``extractor`` (the rule's
    pack's; the default pack's when not given)."""
    engine = Engine([rule], example.facts if example.facts is not None else pack_facts, extractor)
    result = engine.check(example_document(example))
    problems = list(result.notes)
    actual = list(result.findings)
    for expected in example.expect:
        match = next((f for f in actual if _matches(f, expected, example.text)), None)
        if match is None:
            problems.append(f"missed: expected a finding{_describe(expected)}")
        else:
            actual.remove(match)
    for finding in actual:
        at = example.text[finding.span.start : finding.span.end] if finding.span else "(no span)"
        label = f"{finding.confidence} confidence"
        problems.append(f"extra: {finding.rule} at {at!r} ({label}): {finding.message}")
    return tuple(problems)


def doc_examples(rule: Rule, doc: RuleDoc) -> tuple[Example, Example]:
    """The documentation's two passages as examples: ``doc.example`` (flagged), ``doc.instead`` (not)."""
    location = doc.location or rule.location
    return (Example(doc.example, location, doc.date, name="doc.example"),
            Example(doc.instead, location, doc.date, name="doc.instead"))


def run_doc_example(rule: Rule, example: Example, pack_facts: FactBase,
                    extractor: Extractor | None = None) -> tuple[str, ...]:
    """Problems with the documentation's flagged passage: it must give at least one finding of the
    rule (which ones is the business of the rule's own examples)."""
    result = Engine([rule], pack_facts, extractor).check(example_document(example))
    problems = list(result.notes)
    if not any(finding.rule == rule.id for finding in result.findings):
        problems.append(f"missed: the rule does not flag its documented example {example.text!r}")
    return tuple(problems)


def run_examples(rules: Sequence[Rule], pack_facts: FactBase,
                 extractor: Extractor | None = None) -> tuple[int, list[ExampleFailure]]:
    """Run every example of every rule, and the two passages of its documentation; returns the
    number run and the failures."""
    failures: list[ExampleFailure] = []
    count = 0
    for rule in rules:
        checks = [(example, run_example) for example in rule.examples]
        if rule.info.doc is not None:
            flagged, instead = doc_examples(rule, rule.info.doc)
            checks += [(flagged, run_doc_example), (instead, run_example)]
        for example, check in checks:
            count += 1
            problems = check(rule, example, pack_facts, extractor)
            if problems:
                failures.append(ExampleFailure(rule, example, problems))
    return count, failures


def _matches(finding: Finding, expected: ExpectedFinding, text: str) -> bool:
    span = finding.span
    if expected.at is not None and (span is None or text[span.start : span.end] != expected.at):
        return False
    if expected.fix is not None and (finding.fix is None or finding.fix.replacement != expected.fix):
        return False
    if expected.confidence is not None and finding.confidence is not expected.confidence:
        return False
    return expected.message is None or expected.message in finding.message


def _describe(expected: ExpectedFinding) -> str:
    parts = []
    if expected.at is not None:
        parts.append(f" at {expected.at!r}")
    if expected.message is not None:
        parts.append(f" with message containing {expected.message!r}")
    if expected.fix is not None:
        parts.append(f" suggesting {expected.fix!r}")
    if expected.confidence is not None:
        parts.append(f" with {expected.confidence} confidence")
    return "".join(parts)


# -- the `factcheck test` and `factcheck check-rules` commands -------------------------------------
def _split_paths(paths: list[str]) -> tuple[list[Path], list[Path]]:
    """Rule paths (packs and rule files) and annotated documents among the command's paths. A
    directory that holds no rule file is a folder of annotated documents (``factcheck test
    rules/tests/``), checked against the configured pack like documents named one by one, not a
    pack of no rules that every expectation would then miss."""
    from factcheck.authoring.annotated import DOC_SUFFIXES, annotated_files

    given = [Path(p) for p in paths]
    documents = [p for p in given if (p.is_file() and p.suffix in DOC_SUFFIXES) or _holds_documents_only(p)]
    return [p for p in given if p not in documents], annotated_files(documents)


def _holds_documents_only(path: Path) -> bool:
    return path.is_dir() and not any(p.suffix in (".yaml", ".yml") for p in path.rglob("*"))


def run_test_command(paths: list[str], syntax_only: bool = False) -> int:
    """Run rule examples and annotated documents; 0 when all pass, 1 when one fails."""
    from factcheck.authoring.annotated import annotated_files, check_document
    from factcheck.facts.loader import load_fact_files
    from factcheck.rules.loader import load_packs
    from factcheck.startup.resources import rules_dir

    rule_paths, docs = _split_paths(paths)
    only_docs = bool(docs) and not rule_paths
    rule_paths = rule_paths or [rules_dir()]
    pack = load_packs(rule_paths)
    if syntax_only:
        print(f"{len(pack.rules)} rules load")
        return EXIT_OK
    facts = load_fact_files(pack.fact_files or load_packs([rules_dir()]).fact_files)
    extractor = pack.extractor()
    count, failures = (0, []) if only_docs else run_examples(pack.rules, facts, extractor)
    problems = [str(failure) for failure in failures]
    if not only_docs:
        from factcheck.authoring.patternexamples import check_pattern_examples

        checked, pattern_problems = check_pattern_examples(pack, extractor)
        count += checked
        problems.extend(pattern_problems)
    engine = Engine(pack.rules, facts, extractor)
    for path in [*([] if only_docs else annotated_files(rule_paths)), *docs]:
        checked, doc_problems = check_document(path, engine)
        count += checked
        problems.extend(doc_problems)
    for problem in problems:
        print(problem)
    print(f"{count - len(problems)} passed, {len(problems)} failed")
    return EXIT_FINDINGS if problems else EXIT_OK
