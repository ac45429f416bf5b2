"""``--format jsonl``: one JSON object per line per document, written as each document completes.

A document's line holds what ``--format json`` says of it (path, record, date, findings) and also
its file line (``line``, for a JSONL record), claim and character counts, the rules evaluated, its
notes and the seconds each stage took. The last line is ``{"summary": ..., "complete": ...}``;
``complete`` is false for a run stopped by Ctrl-C (then ``unchecked`` lists what it left), and a file
without a summary line was cut off.
Either way ``--resume FILE`` reads the documents it has (:func:`read_done`) and checks the rest.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.engine.results import DocumentResult, RunResult
from factcheck.errors import UsageError
from factcheck.findings import INTERNAL, Severity
from factcheck.reporters.base import ReportOptions
from factcheck.reporters.json_report import document_object


def record(result: DocumentResult, options: ReportOptions | None = None) -> dict[str, Any]:
    """The JSON object of one document's line."""
    data = document_object(result, options)
    document = result.document
    file_line = document.record_line if document is not None else result.record_line
    if file_line is not None:
        data["line"] = file_line
    data["claims"] = result.claim_count
    data["characters"] = result.characters
    data["rules_evaluated"] = result.rules_evaluated
    data["timings"] = {stage: round(seconds, 6) for stage, seconds in result.timings.items()}
    return data


def line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


Key = tuple[str, int | None]


def key(data: dict[str, Any]) -> Key:
    """What identifies a document across runs: its file, and its line within a JSONL file."""
    return data["path"], data.get("line")


@dataclass(slots=True)
class Tally:
    """Running totals of the lines written, for the summary line and the exit code."""

    documents: int = 0
    claims: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    gating: Counter[str] = field(default_factory=Counter)  # severities of findings at --min-confidence
    internal: int = 0  # findings that are bugs in factcheck (exit 3)

    def add(self, data: dict[str, Any]) -> None:
        self.documents += 1
        self.claims += int(data.get("claims") or 0)
        findings = data.get("findings", ())
        self.severities.update(finding["severity"] for finding in findings)
        self.gating.update(f["severity"] for f in findings if not f.get("below_min_confidence"))
        self.internal += sum(1 for f in findings if (f.get("evidence") or {}).get(INTERNAL) is True)

    def summary(self, rules: int, complete: bool) -> dict[str, Any]:
        counts = {severity.value: self.severities[severity.value] for severity in Severity}
        totals = {"documents": self.documents, "claims": self.claims, "rules": rules, "findings": counts}
        return {"summary": totals, "complete": complete}


def render(run: RunResult, options: ReportOptions) -> str:
    """A whole run at once (the streaming writer in ``factcheck.cli.output`` writes the same lines)."""
    tally = Tally()
    lines = []
    for result in run.documents:
        data = record(result, options)
        tally.add(data)
        lines.append(line(data))
    lines.append(line(tally.summary(len(run.rules), not run.interrupted)))
    return "".join(lines)


class Keys:
    """A set of document keys whose memory does not grow by an object per document: the lines of a
    JSONL file are kept as a bitmap (a bit per line: a million-record corpus costs 125 KiB, not the
    100 MiB of as many tuples), whole files by path."""

    __slots__ = ("_count", "_files", "_lines")

    def __init__(self) -> None:
        self._files: set[str] = set()
        self._lines: dict[str, bytearray] = {}
        self._count = 0

    def add(self, key: Key) -> None:
        if key in self:
            return
        path, line = key
        self._count += 1
        if line is None:
            self._files.add(path)
            return
        bits = self._lines.setdefault(path, bytearray())
        index = line >> 3
        if index >= len(bits):
            bits.extend(bytes(index + 1 - len(bits)))
        bits[index] |= 1 << (line & 7)

    def __contains__(self, key: object) -> bool:
        path, line = key  # type: ignore[misc]
        if line is None:
            return path in self._files
        bits = self._lines.get(path, b"")
        index = line >> 3
        return 0 <= index < len(bits) and bool(bits[index] & 1 << (line & 7))

    def __len__(self) -> int:
        return self._count


@dataclass(slots=True)
class Done:
    """What an earlier JSONL run finished: the keys of its documents, its totals, and where its last
    document line ends (what follows, a summary or a line cut off by a killed run, is dropped before
    appending)."""

    keys: Keys = field(default_factory=Keys)
    tally: Tally = field(default_factory=Tally)
    end: int = 0


def read_done(path: str) -> Done:
    """The documents already in the JSONL report at ``path`` (nothing if it does not exist)."""
    done = Done()
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 (closed below; opening errors differ)
    except FileNotFoundError:
        return done
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    offset = 0
    with stream:
        for number, raw in enumerate(stream, 1):
            try:
                data = json.loads(raw)
            except ValueError:
                if raw.endswith(b"\n"):
                    raise UsageError(f"{path}:{number}: not a factcheck JSONL report line") from None
                break  # the last line, cut off
            if not raw.endswith(b"\n"):
                break
            offset += len(raw)
            if isinstance(data, dict) and "path" in data and "findings" in data:
                done.end = offset
                if key(data) not in done.keys:
                    done.keys.add(key(data))
                    done.tally.add(data)
            elif not (isinstance(data, dict) and "summary" in data):
                raise UsageError(f"{path}:{number}: not a factcheck JSONL report line")
    return done
