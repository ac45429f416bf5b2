"""A stopped corpus run says so in every machine format: SARIF's invocation (executionSuccessful,
exit code and signal, a notification per input not checked), the JSON summary, a JUnit suite."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.cli.main import main
from tests.cli.corpora import jsonl_report, write_corpus
from tests.cli.test_streaming import interrupt_after
from tests.conftest import ROOT
from tests.reporters.test_sarif import schema_path


def validate_sarif(data: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft4Validator(json.loads(schema_path().read_text(encoding="utf-8")))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def expand(ranges: list[list[int]]) -> set[int]:
    return {line for start, end in ranges for line in range(start, end + 1)}


def notifications(invocation: dict, text: str) -> list[dict]:
    return [n for n in invocation["toolExecutionNotifications"] if n["message"]["text"].startswith(text)]


def unchecked_notifications(invocation: dict) -> list[dict]:
    return notifications(invocation, "not checked")


def test_sigint_mid_corpus_marks_sarif_json_and_junit(tmp_path):
    """A real SIGINT to `factcheck run` with workers: the streamed lines and the unchecked lines that
    SARIF, JSON and JUnit name are exactly the corpus's records, none twice."""
    records = 1500
    corpus = write_corpus(tmp_path / "corpus.jsonl", records)
    stream, sarif, report, junit = (tmp_path / name for name in ("s.jsonl", "r.sarif", "r.json", "r.xml"))
    command = [sys.executable, "-m", "factcheck.cli.main", "run", str(corpus), "--format", "jsonl",
               "-o", str(stream), "--output-format", f"sarif={sarif}", "--output-format", f"json={report}",
               "--output-format", f"junit={junit}", "-j", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not stream.exists() or stream.stat().st_size < 10_000):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    finished, _ = jsonl_report(stream)
    done_lines = {d["line"] for d in finished}
    assert 0 < len(done_lines) < records

    data = json.loads(sarif.read_text(encoding="utf-8"))
    validate_sarif(data)
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 130 and invocation["exitSignalName"] == "SIGINT"
    assert invocation["exitSignalNumber"] == int(signal.SIGINT)
    (stopped,) = notifications(invocation, "The run was")
    assert stopped["level"] == "error" and f"after {len(finished)} documents" in stopped["message"]["text"]
    (left,) = unchecked_notifications(invocation)
    assert left["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("corpus.jsonl")
    unchecked = expand(left["properties"]["lineRanges"])
    assert left["properties"]["uncheckedDocuments"] == len(unchecked) == records - len(done_lines)
    assert unchecked | done_lines == set(range(1, records + 1)) and not unchecked & done_lines
    assert len(data["runs"][0]["results"]) == sum(len(d["findings"]) for d in finished)

    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    assert summary["interrupted"] is True and summary["exit_code"] == 130
    (item,) = summary["unchecked"]
    assert expand(item["line_ranges"]) == unchecked and item["documents"] == len(unchecked)

    suites = ET.parse(junit).getroot()
    (stopped_suite,) = [s for s in suites.iter("testsuite") if s.get("name") == "factcheck: run stopped"]
    (case,) = stopped_suite.iter("testcase")
    assert case.find("error").get("type") == "interrupted" and case.get("file") == str(corpus)
    assert suites.get("errors") != "0"


def run(args: list[str], capsys) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_an_interrupted_sarif_report_names_the_records_left(tmp_path, monkeypatch, capsys):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 12, bad_line=6)  # 13 lines; line 7 is not JSON
    out = tmp_path / "out.sarif"
    interrupt_after(4, monkeypatch)
    code, _ = run(["run", str(corpus), "--format", "sarif", "-o", str(out), "-j", "1"], capsys)
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_sarif(data)
    invocation = data["runs"][0]["invocations"][0]
    (left,) = unchecked_notifications(invocation)
    assert code == 130 and invocation["exitCode"] == 130
    assert left["properties"] == {"uncheckedDocuments": 9, "lineRanges": [[5, 13]]}
    assert left["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "endLine": 13}
    assert "9 records (lines 5-13)" in left["message"]["text"]


def test_an_interrupted_directory_run_names_the_files_left(tmp_path, monkeypatch, capsys, seed_text):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(5):
        (folder / f"a{number}.md").write_text(seed_text, encoding="utf-8")
    interrupt_after(2, monkeypatch)
    code, out = run(["run", str(folder), "--format", "json", "-j", "1"], capsys)
    summary = json.loads(out)["summary"]
    assert code == 130 and summary["stopped"] == "interrupted (Ctrl-C)"
    assert [Path(item["path"]).name for item in summary["unchecked"]] == ["a2.md", "a3.md", "a4.md"]
    assert all(item == {"path": item["path"], "documents": 1} for item in summary["unchecked"])
    monkeypatch.undo()
    interrupt_after(2, monkeypatch)
    code, text = run(["run", str(folder), "-j", "1"], capsys)
    assert code == 130 and "3 documents in 3 inputs not checked" in text
    assert text.count("  not checked: ") == 3


def test_a_lost_worker_is_exit_code_3_without_a_signal(tmp_path, monkeypatch, capsys):
    from factcheck.engine import stream
    from factcheck.engine.parallel import WorkerLost

    real = stream.check_stream

    def losing(*args, **kwargs):
        for number, checked in enumerate(real(*args, **kwargs)):
            if number == 3:
                raise WorkerLost("a worker process died (killed, or out of memory)")
            yield checked

    monkeypatch.setattr(stream, "check_stream", losing)
    corpus = write_corpus(tmp_path / "corpus.jsonl", 6)
    code, out = run(["run", str(corpus), "--format", "sarif", "-j", "1"], capsys)
    data = json.loads(out)
    validate_sarif(data)
    invocation = data["runs"][0]["invocations"][0]
    assert code == 3 and invocation["executionSuccessful"] is False and invocation["exitCode"] == 3
    assert "exitSignalName" not in invocation and "worker process died" in invocation["exitCodeDescription"]
    assert unchecked_notifications(invocation)[0]["properties"]["lineRanges"] == [[4, 6]]


def test_a_finished_run_is_successful_and_names_nothing_left(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    _, out = run(["run", str(corpus), "--format", "sarif", "-j", "1"], capsys)
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True and "exitCode" not in invocation
    assert not unchecked_notifications(invocation)
    _, out = run(["run", str(corpus), "--format", "json", "-j", "1"], capsys)
    assert "interrupted" not in json.loads(out)["summary"]
