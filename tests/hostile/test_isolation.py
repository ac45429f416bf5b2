"""One document's failure is that document's finding: a bug exits 3 after reporting the others, the
time limit stops a document (on the main thread, in a spawned worker process, and in a thread
through the clock check), and a rule's budget covers all its evaluations on a document."""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from factcheck.claims.extract import Extractor
from factcheck.cli.main import main
from factcheck.deadline import DocumentTimeout, check_deadline, time_limit
from factcheck.documents.plaintext import parse_text
from factcheck.engine.runner import Engine
from factcheck.facts.memory import MemoryFactBase
from factcheck.findings import INPUT_ERROR, RULE_ERROR, is_internal
from factcheck.rules.loader import load_rule_text

RISE = "It rose from 10 to 20, a 50% rise.\n"


def test_a_bug_on_one_document_exits_3_after_reporting_the_others(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text("BOOM " + RISE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RISE, encoding="utf-8")
    real = Extractor.extract

    def extract(self, text):
        if text.startswith("BOOM"):
            raise KeyError("simulated bug")
        return real(self, text)

    monkeypatch.setattr(Extractor, "extract", extract)
    assert main(["run", str(tmp_path)]) == 3
    out = capsys.readouterr().out
    assert "internal error while extracting claims: KeyError" in out
    assert "b.txt: 6 claims checked, 1 finding" in out  # the other document is still checked


def test_a_crash_outside_documents_exits_3_with_one_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(RISE, encoding="utf-8")
    monkeypatch.setattr("factcheck.cli.commands.exit_code", lambda *a: 1 / 0)
    assert main(["run", str(tmp_path / "a.txt")]) == 3
    err = capsys.readouterr().err
    assert err.startswith("factcheck: internal error: ZeroDivisionError") and err.count("\n") == 1


def _slow_rule_check(timeout: float) -> list[str]:
    """A rule that loops far past any budget's time, run in whatever process calls this."""
    rules = load_rule_text("slow.yaml", """
id: slow
title: slow
severity: error
for: a in claims.number, b in claims.number, c in claims.number
assert: a.value >= 0
message: x
""")
    document = parse_text("slow.txt", " ".join(str(i) for i in range(400)))
    engine = Engine(rules, MemoryFactBase(), timeout=timeout)  # 400³ bindings: seconds past the limit
    began = time.monotonic()
    result = engine.check(document)
    return [f.message for f in result.findings] + [f"took {time.monotonic() - began:.2f}"]


def _stops(messages: list[str], timeout: float) -> None:
    assert any("longer than its time limit" in m for m in messages), messages
    assert float(messages[-1].split()[-1]) < timeout + 2


def test_time_limit_on_the_main_thread():
    _stops(_slow_rule_check(0.5), 0.5)


def test_time_limit_in_a_spawned_worker():
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        _stops(pool.apply(_slow_rule_check, (1.0,)), 1.0)


def test_time_limit_in_a_thread_by_the_clock_check():
    box: list[list[str]] = []
    thread = threading.Thread(target=lambda: box.append(_slow_rule_check(0.5)))
    thread.start()
    thread.join(30)
    _stops(box[0], 0.5)


def test_the_clock_check_alone():
    with pytest.raises(DocumentTimeout), time_limit(0.05):
        while True:
            time.sleep(0.01)
            check_deadline()


def test_the_budget_is_per_rule_and_document_not_per_evaluation():
    rules = load_rule_text("pairs.yaml", """
id: pairs
title: pairs
severity: error
for: a in claims.number, b in claims.number
assert: "count(x in claims.number: x.value + a.value >= 0) >= 0"
message: x
""")
    document = parse_text("n.txt", " ".join(str(i) for i in range(150)))  # 150³ > 2,000,000 steps
    findings = Engine(rules, MemoryFactBase()).check(document).findings
    assert [f.rule for f in findings] == [RULE_ERROR]
    assert "exceeded its cost bound of 2,000,000 steps" in findings[0].message
    assert not is_internal(findings[0])


def test_input_errors_are_not_internal(tmp_path):
    document = parse_text("big.txt", "It cost 12345678901234567890123456789 dollars.")
    findings = Engine([], MemoryFactBase()).check(document).findings
    assert [(f.rule, f.severity.value, f.span.start) for f in findings] == [(INPUT_ERROR, "warning", 8)]
