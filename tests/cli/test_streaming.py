"""Corpus runs: the JSONL stream, --unordered, --resume, quiet summaries, atomic -o, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.cli.recipe import DocumentStage
from tests.cli.corpora import findings_of, jsonl_report, write_corpus
from tests.conftest import ROOT


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus.jsonl", 12, bad_line=6)


def test_jsonl_has_one_line_per_document_in_input_order_and_a_summary(corpus, capsys):
    code, out, _ = run(["run", str(corpus), "--format", "jsonl", "-j", "1"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    documents, summary = lines[:-1], lines[-1]
    assert code == 1
    assert [d["line"] for d in documents] == list(range(1, 14))
    assert documents[6]["findings"][0]["rule"] == "factcheck/input-error"
    assert documents[0]["record"] == "doc-0" and documents[0]["date"] == "2025-10-16"
    first = documents[0]
    assert first["claims"] > 10 and first["characters"] > 2000 and first["rules_evaluated"] > 10
    assert set(first["timings"]) == {"extract", "rules"}
    undated = documents[4]
    assert undated["date"] is None and any("no date" in note for note in undated["notes"])
    assert summary["complete"] is True and summary["summary"]["documents"] == 13
    errors = sum(1 for f in findings_of(documents) if f[3] == "error")
    assert summary["summary"]["findings"]["error"] == errors > 1


def test_jsonl_lines_are_flushed_as_documents_complete(corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.jsonl"
    seen: list[int] = []
    real = DocumentStage.__call__

    def watching(self, unit):
        seen.append(len(out.read_text(encoding="utf-8").splitlines()))
        return real(self, unit)

    monkeypatch.setattr(DocumentStage, "__call__", watching)
    run(["run", str(corpus), "--format", "jsonl", "-o", str(out), "-j", "1"], capsys)
    assert seen == list(range(13))  # before each document, every earlier one is already on disk


def test_unordered_reports_the_same_documents(corpus, capsys):
    _, ordered, _ = run(["run", str(corpus), "--format", "jsonl", "-j", "1"], capsys)
    _, unordered, _ = run(["run", str(corpus), "--format", "jsonl", "-j", "2", "--unordered"], capsys)

    def documents(out: str) -> list[str]:
        lines = [json.loads(line) for line in out.splitlines() if '"summary"' not in line]
        return sorted(json.dumps({k: v for k, v in d.items() if k != "timings"}) for d in lines)

    assert documents(ordered) == documents(unordered)


def test_resume_checks_only_what_is_missing(corpus, tmp_path, monkeypatch, capsys):
    full = tmp_path / "full.jsonl"
    run(["run", str(corpus), "--format", "jsonl", "-o", str(full), "-j", "1"], capsys)
    complete, summary = jsonl_report(full)
    partial = tmp_path / "partial.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    partial.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")  # killed mid-line

    checked: list[object] = []
    real = DocumentStage.__call__
    monkeypatch.setattr(DocumentStage, "__call__", lambda st, unit: checked.append(unit) or real(st, unit))
    code, _, _ = run(["run", str(corpus), "--resume", str(partial), "-j", "1"], capsys)
    resumed, resumed_summary = jsonl_report(partial)
    assert len(checked) == 8  # 13 units, 5 already done
    assert code == 1
    assert [d["line"] for d in resumed] == [d["line"] for d in complete]
    assert findings_of(resumed) == findings_of(complete)
    assert resumed_summary["summary"] == summary["summary"] and resumed_summary["complete"]


def test_resume_of_a_finished_run_checks_nothing(corpus, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    run(["run", str(corpus), "--format", "jsonl", "-o", str(out), "-j", "1"], capsys)
    before = out.read_text(encoding="utf-8")
    code, _, _ = run(["run", str(corpus), "--resume", str(out)], capsys)
    assert code == 1 and out.read_text(encoding="utf-8") == before


def test_resume_refuses_other_formats(corpus, tmp_path, capsys):
    resume = str(tmp_path / "r.jsonl")
    code, _, err = run(["run", str(corpus), "--resume", resume, "--format", "json"], capsys)
    assert code == 2 and "--resume" in err


def test_a_large_run_lists_findings_and_sums_the_notes_up(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "big.jsonl", 30)
    code, out, _ = run(["run", str(corpus), "-j", "1"], capsys)
    assert code == 1
    assert "no findings" not in out and "  note:" not in out
    (summary,) = [line for line in out.splitlines() if line.startswith("note:")]
    assert "rules skipped on 6 documents: the document has no date" in summary
    assert summary.endswith("see --show-notes")
    assert out.count("error[") >= 5 and out.rstrip().splitlines()[-1].startswith("Checked 30 documents")
    _, detailed, _ = run(["run", str(corpus), "-j", "1", "--show-notes"], capsys)
    assert detailed.count("no findings") >= 1 and "  note: " in detailed


def test_output_file_replaced_atomically_and_never_left_stale(corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "report.json"
    out.write_text("yesterday's report", encoding="utf-8")
    calls = {"n": 0}
    real = DocumentStage.__call__

    def stale_check(self, unit):
        calls["n"] += 1
        assert not out.exists(), "the stale report must be gone while the run works"
        return real(self, unit)

    monkeypatch.setattr(DocumentStage, "__call__", stale_check)
    code, stdout, _ = run(["run", str(corpus), "--format", "json", "-o", str(out), "-j", "1"], capsys)
    assert code == 1 and stdout == "" and calls["n"] == 13
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 13
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def interrupt_after(count: int, monkeypatch) -> None:
    real = DocumentStage.__call__
    calls = {"n": 0}

    def stopping(self, unit):
        calls["n"] += 1
        if calls["n"] > count:
            raise KeyboardInterrupt
        return real(self, unit)

    monkeypatch.setattr(DocumentStage, "__call__", stopping)


def test_ctrl_c_writes_what_was_finished_and_exits_130(corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "report.json"
    out.write_text("old", encoding="utf-8")
    interrupt_after(4, monkeypatch)
    code, _, err = run(["run", str(corpus), "--format", "json", "-o", str(out), "-j", "1"], capsys)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 130
    assert err.count("\n") == 1 and "interrupted after 4 documents" in err and str(out) in err
    assert len(report["documents"]) == 4 and report["summary"]["interrupted"] is True


def test_ctrl_c_in_a_jsonl_run_marks_it_incomplete_and_resume_ends_it(corpus, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.jsonl"
    interrupt_after(7, monkeypatch)
    code, _, _ = run(["run", str(corpus), "--format", "jsonl", "-o", str(out), "-j", "1"], capsys)
    documents, summary = jsonl_report(out)
    assert code == 130 and len(documents) == 7 and summary["complete"] is False
    monkeypatch.undo()
    code, _, _ = run(["run", str(corpus), "--resume", str(out), "-j", "1"], capsys)
    documents, summary = jsonl_report(out)
    assert code == 1 and len(documents) == 13 and summary["complete"] is True
    assert out.read_text(encoding="utf-8").count('"summary"') == 1


def test_text_report_of_an_interrupted_run_says_so(corpus, monkeypatch, capsys):
    interrupt_after(2, monkeypatch)
    code, out, err = run(["run", str(corpus), "-j", "1"], capsys)
    assert code == 130 and "Interrupted" in out and "Checked 2 documents" in out
    assert "interrupted after 2 documents" in err


def test_sigint_to_the_command_exits_130_with_one_line(tmp_path):
    """A real Ctrl-C (SIGINT) to a running `factcheck run`, with workers: no traceback."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", 1500)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "factcheck.cli.main", "run", str(corpus), "--format", "jsonl",
               "-o", str(out), "-j", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 10_000):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    documents, summary = jsonl_report(out)
    assert process.returncode == 130, err
    assert err.strip().count("\n") == 0 and "interrupted after" in err and "Traceback" not in err
    assert 0 < len(documents) < 1500 and summary["complete"] is False
    assert summary["summary"]["documents"] == len(documents)
    assert os.path.exists(out)


def test_a_lost_worker_exits_3_with_the_finished_documents_written(corpus, tmp_path, monkeypatch, capsys):
    from factcheck.engine import stream
    from factcheck.engine.parallel import WorkerLost

    real = stream.check_stream

    def losing(*args, **kwargs):
        for number, checked in enumerate(real(*args, **kwargs)):
            if number == 5:
                raise WorkerLost("a worker process died (killed, or out of memory)")
            yield checked

    monkeypatch.setattr(stream, "check_stream", losing)
    out = tmp_path / "report.json"
    code, _, err = run(["run", str(corpus), "--format", "json", "-o", str(out), "-j", "1"], capsys)
    assert code == 3 and err.count("\n") == 1 and "worker process died" in err and "after 5 documents" in err
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 5


def test_the_keys_of_done_documents_are_a_set_kept_as_bits_per_line() -> None:
    """A corpus run remembers every document it finished (for --resume and an interrupted run's
    list); a line of a JSONL file costs a bit, not an object, so memory stays flat in corpus size."""
    from factcheck.reporters.jsonl import Keys

    keys = Keys()
    for key in [("a.jsonl", 1), ("a.jsonl", 9), ("a.jsonl", 9), ("b.md", None), ("c.jsonl", 3)]:
        keys.add(key)
    assert len(keys) == 4
    assert all(key in keys for key in [("a.jsonl", 1), ("a.jsonl", 9), ("b.md", None), ("c.jsonl", 3)])
    missing = [("a.jsonl", 2), ("a.jsonl", 10), ("a.jsonl", 10**9), ("a.jsonl", None), ("b.md", 1),
               ("c.jsonl", 1), ("d.jsonl", 1)]
    assert not any(key in keys for key in missing)
    for line in range(1, 100_001):
        keys.add(("big.jsonl", line))
    assert len(keys) == 100_004 and ("big.jsonl", 100_000) in keys and ("big.jsonl", 100_001) not in keys
    assert len(keys._lines["big.jsonl"]) <= 100_001 // 8 + 1
