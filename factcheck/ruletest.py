"""`factcheck test`: run every rule's examples and report only what was missed or extra.

An example passes when the rule's findings on it are exactly the expected ones: each expected
finding matched by one actual finding whose span text equals ``at`` (and whose message contains
``message``), and no finding left over.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.documents.model import Document, OffsetMap
from factcheck.engine.runner import Engine
from factcheck.facts.model import FactBase
from factcheck.findings import Finding
from factcheck.rules.model import Example, ExpectedFinding, Rule


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


def run_example(rule: Rule, example: Example, pack_facts: FactBase) -> tuple[str, ...]:
    """Problems with one example (empty when it passes)."""
    engine = Engine([rule], example.facts if example.facts is not None else pack_facts)
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
        problems.append(f"extra: {finding.rule} at {at!r}: {finding.message}")
    return tuple(problems)


def run_examples(rules: list[Rule], pack_facts: FactBase) -> tuple[int, list[ExampleFailure]]:
    """Run every example of every rule; returns the number run and the failures."""
    failures: list[ExampleFailure] = []
    count = 0
    for rule in rules:
        for example in rule.examples:
            count += 1
            problems = run_example(rule, example, pack_facts)
            if problems:
                failures.append(ExampleFailure(rule, example, problems))
    return count, failures


def _matches(finding: Finding, expected: ExpectedFinding, text: str) -> bool:
    if expected.at is not None and (finding.span is None or text[finding.span.start : finding.span.end] != expected.at):
        return False
    return expected.message is None or expected.message in finding.message


def _describe(expected: ExpectedFinding) -> str:
    parts = []
    if expected.at is not None:
        parts.append(f" at {expected.at!r}")
    if expected.message is not None:
        parts.append(f" with message containing {expected.message!r}")
    return "".join(parts)
