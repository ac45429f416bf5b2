"""The catalogue of bad input: one line per input that once crashed, stalled or injected (issue 13)
and the others a hostile user would try, each run through the real entry point (``main()``) with
its expected exit code and a fragment of what it must say.

Every case is also held to the safety invariants: no raw terminal escape in any output, no line a
CI runner would take for a workflow command, valid XML for ``--format junit`` and valid JSON for
``--format json``/``sarif``.

The interrupt lines send a real signal at a chosen moment (``tests/hostile/interrupts.py``): Ctrl-C
ends the run with 130 and the finished documents written; a killed run leaves its ``-o`` file
whole or absent, never truncated and never yesterday's.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factcheck.cli.main import main
from tests.conftest import ROOT
from tests.files import write_tree
from tests.hostile.interrupts import arm


def _bomb(levels: int = 7, key: str = "date") -> str:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghij"[:levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join([*lines, f"{key}: *{previous}", "---", "It cost 3 dollars.", ""])


def _rule(assertion: str, for_: str = "a in claims.number", **extra: str) -> str:
    body = {"id": "hostile-rule", "title": "hostile", "severity": "error", "for": for_, "assert": assertion,
            "message": "{a.text}", **extra}
    return json.dumps(body)


def _doubling(levels: int = 35) -> str:
    names = [f"s{i} = s{i - 1} + s{i - 1}" for i in range(2, levels + 1)]
    return "let s1 = a.text + a.text, " + ", ".join(names) + f" in len(s{levels}) > 0"


NUMBERS = " ".join(str(i) for i in range(800)) + "\n"
RISE = "It rose from 10 to 20, a 50% rise.\n"
EXAMPLE_DATE = """id: hostile-rule
title: hostile
severity: error
for: a in claims.number
assert: a.value > 0
message: "{a.text}"
examples:
  - date: 2025-02-30
    text: It cost 3 dollars.
    expect: []
"""
# a condition no index can select (an equality would be looked up, at a step per lookup)
FOURTH_POWER = "count(x in claims.number: count(y in claims.number: x.value + y.value >= 0) > 0) >= 0"


DOCS = {f"docs/doc{i}.txt": RISE for i in range(6)}
STALE = {"out.json": "yesterday's report", "out.jsonl": "yesterday's stream", "out.xml": "yesterday"}
CORPUS = {**DOCS, **STALE}
KILLED = -9  # a process ended by SIGKILL, as subprocess reports it


@dataclass(frozen=True)
class Case:
    """Files to write (name → text, or bytes), the command line (``{d}`` is the case's directory),
    the exit code and a fragment of stdout + stderr (or of the ``report`` file). ``interrupt`` is a
    signal and the moment to send it (``tests/hostile/interrupts.py``); the ``report`` file (``-o``)
    must then be ``whole`` (it parses as its format, completely), ``absent``, or ``cut off`` (a JSONL
    stream without its summary line, every line whole)."""

    id: str
    files: dict[str, str | bytes]
    argv: list[str]
    code: int
    says: str
    stdin: bytes | None = None
    fifo: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    interrupt: tuple[str, str] | None = None
    report: str | None = None
    leaves: str = "whole"


CASES = [
    # -- the defects of issue 13, as filed ------------------------------------------------------
    Case("29-digit number", {"big.txt": "It cost 12345678901234567890123456789 dollars.\n", "ok.txt": RISE},
         ["run", "{d}/big.txt", "{d}/ok.txt"], 1, "beyond the magnitude factcheck reads"),
    Case("29-digit number with -j 2", {"big.txt": "It cost 12345678901234567890123456789 dollars.\n",
                                        "ok.txt": RISE},
         ["run", "-j", "2", "{d}/big.txt", "{d}/ok.txt"], 1, "change of 100%, not up 50%"),
    Case("impossible front-matter date", {"a.md": "---\ndate: 2025-02-30\n---\nIt cost 3 dollars.\n"},
         ["run", "{d}/a.md"], 0, "'2025-02-30' is not a calendar date: day is out of range for month"),
    Case("JSONL record nested 100,000 deep",
         {"c.jsonl": '{"text": "a", "x": ' + "[" * 100_000 + "}\n" + json.dumps({"text": RISE}) + "\n"},
         ["run", "{d}/c.jsonl"], 1, "JSON nested deeper than 64 levels"),
    Case("YAML alias bomb in front matter", {"bomb.md": _bomb(8)}, ["run", "{d}/bomb.md"], 2,
         "expands to more than 10,000 values"),
    Case("cubic number-word run, 16 KB",
         {"w.txt": "one two three hundred thousand million and " * 380}, ["run", "{d}/w.txt"], 0,
         "Checked 1 document"),
    Case("relative dates, 100 KB", {"r.txt": "He left yesterday, October 14, and returns tomorrow. " * 1900},
         ["run", "--date", "2025-10-15", "{d}/r.txt"], 0, "0 errors"),
    Case("restated durations beyond 316",
         {"d.txt": " ".join(f"They held a {i % 80 + 2}-minute talk{i}. The {i % 80 + 2}-minute talk{i} ended."
                            for i in range(700))}, ["run", "{d}/d.txt"], 0, "0 errors"),
    Case("rule cost: fourth power of the claims", {"r.yaml": _rule(FOURTH_POWER, "a in claims.number, "
                                                                   "b in claims.number"), "n.txt": NUMBERS},
         ["run", "--rules", "{d}/r.yaml", "{d}/n.txt"], 1, "exceeded its cost bound of 2,000,000 steps"),
    Case("rule cost: doubling let", {"r.yaml": _rule(_doubling()), "n.txt": "3 apples\n"},
         ["run", "--rules", "{d}/r.yaml", "{d}/n.txt"], 1, "exceeded its cost bound"),
    Case("JSONL id with a newline and ::error", {"i.jsonl": json.dumps({"id": "x\n::error file=a::pwned",
                                                                          "text": RISE}) + "\n"},
         ["run", "{d}/i.jsonl"], 1, "#x\\n::error file=a::pwned"),
    Case("file name with a newline and ::error", {"x\n::error file=a::pwned.txt": RISE}, ["run", "{d}"], 1,
         "x\\n::error file=a::pwned.txt"),
    Case("ANSI and OSC in the snippet", {"e.txt": "It rose from 10 to 20, a 50% rise. \x1b]0;owned\x07\x1b[31m\n"},
         ["run", "{d}/e.txt"], 1, "\\x1b]0;owned\\x07\\x1b[31m"),
    Case("control character in a JSONL id, JUnit", {"j.jsonl": json.dumps({"id": "a\x0bb", "text": RISE}) + "\n"},
         ["run", "--format", "junit", "{d}/j.jsonl"], 1, "a\\x0bb"),
    Case("control character in a file name, JUnit", {"a\x01b.txt": RISE}, ["run", "--format", "junit", "{d}"], 1,
         "a\\x01b.txt"),
    Case("github format and raw ESC", {"e.jsonl": json.dumps({"id": "a\x1b[2Jb", "text": RISE}) + "\n"},
         ["run", "--format", "github", "{d}/e.jsonl"], 1, "(record a\\x1b[2Jb)"),
    Case("FIFO named *.txt in a searched directory", {"ok.txt": RISE}, ["run", "{d}"], 1,
         "not a regular file (a FIFO)", fifo="pipe.txt"),
    Case("control character in a rule file", {"r.yaml": "id: x\x07\ntitle: t\n"}, ["check-rules", "{d}/r.yaml"], 2,
         "control character (U+0007) is not allowed"),
    Case("control character in factcheck.yaml", {"factcheck.yaml": "fail_on: \x1b[31m\n", "a.txt": RISE},
         ["run", "--config", "{d}/factcheck.yaml", "{d}/a.txt"], 2, "control character (U+001B)"),
    Case("rule expression nested 330 levels", {"r.yaml": _rule("(" * 330 + "a.value > 0" + ")" * 330)},
         ["check-rules", "{d}/r.yaml"], 2, "brackets nested more than 100 levels deep"),
    Case("rule expression: 3,000 chained operators", {"r.yaml": _rule("a.value" + " + 1" * 3000 + " > 0")},
         ["check-rules", "{d}/r.yaml"], 2, "r.yaml:1:11317: expression nested more than 200 levels deep"),
    Case("rule expression: 1,000 chained `or`", {"r.yaml": _rule(" or ".join(["a.value > 1"] * 1000))},
         ["check-rules", "{d}/r.yaml"], 2, "r.yaml:1:12102: expression nested more than 200 levels deep"),
    Case("rule expression: 500 nested `not`", {"r.yaml": _rule("not " * 500 + "a.value > 0")},
         ["check-rules", "{d}/r.yaml"], 2, "r.yaml:1:905: expression nested more than 200 levels deep"),
    Case("rule expression: 400 nested `if`", {"r.yaml": _rule("if true then " * 400 + "true" + " else false" * 400)},
         ["check-rules", "{d}/r.yaml"], 2, "r.yaml:1:2705: expression nested more than 200 levels deep"),
    Case("rule expression: 300 nested `let`",
         {"r.yaml": _rule("".join(f"let x{i} = 1 in " for i in range(300)) + "true")},
         ["check-rules", "{d}/r.yaml"], 2, "expression nested more than 200 levels deep"),
    Case("rule expression: deep `where` of a rule example",
         {"r.yaml": _rule("a.value > 0", where="-" * 400 + "a.value > 0")},
         ["check-rules", "{d}/r.yaml"], 2, "expression nested more than 200 levels deep"),
    Case("facts import into a file that is not SQLite", {"not.db": "plain text\n",
                                                        "f.yaml": "facts:\n  entities: []\n"},
         ["facts", "import", "{d}/f.yaml", "--db", "{d}/not.db"], 2, "is not a factcheck fact database"),
    Case("impossible date in factcheck.yaml", {"factcheck.yaml": "date: 2025-02-30\n", "a.txt": RISE},
         ["run", "--config", "{d}/factcheck.yaml", "{d}/a.txt"], 2, "'2025-02-30' is not a calendar date"),
    Case("impossible date in a rule example", {"r.yaml": EXAMPLE_DATE}, ["test", "{d}/r.yaml"], 2, "'2025-02-30' is not a calendar date"),
    Case("document date 'next tuesday'", {"a.md": "---\ndate: next tuesday\n---\nIt cost 3 dollars.\n"},
         ["run", "{d}/a.md"], 0, "unrecognised date 'next tuesday'"),
    Case('document date "2025-13-45"', {"a.md": '---\ndate: "2025-13-45"\n---\nIt cost 3 dollars.\n'},
         ["run", "{d}/a.md"], 0, "month must be in 1..12"),
    Case("non-UTF-8 rule file gets line:col", {"r.yaml": b"id: x\ntitle: caf\xe9\n"}, ["check-rules", "{d}/r.yaml"],
         2, "r.yaml:2:11: invalid UTF-8"),
    Case("round() beyond precision", {"r.yaml": _rule("round(a.value, 1000) > 0"), "n.txt": "3 apples\n"},
         ["run", "--rules", "{d}/r.yaml", "{d}/n.txt"], 1, "beyond the 28 significant digits"),
    Case("input error shows line:col after -->", {"c.jsonl": '{"text": "a", "x": ' + "[" * 200 + "}\n"},
         ["run", "{d}/c.jsonl"], 2, "--> {d}/c.jsonl:1:83"),
    # -- documents ------------------------------------------------------------------------------
    Case("empty file", {"e.txt": ""}, ["run", "{d}/e.txt"], 0, "0 claims checked"),
    Case("invalid UTF-8 document", {"b.txt": b"ok \xff\xfe bad\n"}, ["run", "{d}/b.txt"], 2, "invalid UTF-8 at byte 3"),
    Case("NUL bytes in a document", {"n.txt": "It cost 3\x00 dollars.\n"}, ["run", "{d}/n.txt"], 0, "1 claim checked"),
    Case("a million million million million million", {"m.txt": "a million million million million million\n"},
         ["run", "{d}/m.txt"], 0, "Checked 1 document"),
    Case("long number with separators", {"s.txt": "It cost 1,000,000,000,000,000,000,000,000,000 dollars.\n"},
         ["run", "{d}/s.txt"], 0, "beyond the magnitude"),
    Case("tiny fraction", {"f.txt": "It weighs 0.00000000000000000000000000000000001 grams.\n"},
         ["run", "{d}/f.txt"], 0, "Checked 1 document"),
    Case("a huge percentage", {"p.txt": "Prices rose 99999999999999999999999% from 10 to 20.\n"},
         ["run", "{d}/p.txt"], 1, "is a change of 100%, not up 99999999999999999999999%"),
    Case("bidi override in text", {"b.txt": "It rose from 10 to 20, a 50% rise \u202eesir.\n"},
         ["run", "{d}/b.txt"], 1, "\\u202e"),
    Case("OSC 8 hyperlink in text", {"h.txt": RISE.strip() + " \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\n"},
         ["run", "{d}/h.txt"], 1, "\\x1b]8;;http://x"),
    Case("C1 CSI in text, JSON", {"c.txt": RISE.strip() + " \x9b2J\n"}, ["run", "--format", "json", "{d}/c.txt"], 1,
         '"rule": "change-percent-matches-endpoints"'),
    Case("lone surrogate in a JSONL record, JSON", {"s.jsonl": '{"id": "\\ud800", "text": "It rose from 10 to 20, '
                                                                'a 50% rise."}\n'},
         ["run", "--format", "json", "{d}/s.jsonl"], 1, '"record": "\\ud800"'),
    Case("line starting with ::error in the document, HTML", {"a.txt": "::error::pwned\n" + RISE},
         ["run", "--format", "html", "{d}/a.txt"], 1, "&#58;:error::pwned"),
    Case("file named ::error, text header", {"::error file=x::y.txt": RISE}, ["run", "::error file=x::y.txt"], 1, "\\x3a:error file=x::y",
         env={"CWD": "{d}"}),
    Case("file named ::error, claims table", {"::error::x.txt": RISE}, ["claims", "::error::x.txt"], 0, "\\x3a:error::x.txt: 6 claims", env={"CWD": "{d}"}),
    Case("file named ::warning, SARIF", {"::warning::x.txt": RISE}, ["run", "--format", "sarif", "{d}"], 1,
         '"uri": '),
    Case("unclosed front matter", {"u.md": "---\ntitle: x\nIt cost 3 dollars.\n"}, ["claims", "{d}/u.md"], 0,
         "3 dollars  3 USD"),
    Case("front matter is a list", {"l.md": "---\n- a\n- b\n---\nIt cost 3 dollars.\n"}, ["run", "{d}/l.md"], 2,
         "front matter is not a mapping"),
    Case("front matter with a python tag", {"p.md": "---\nx: !!python/object/apply:os.system [echo]\n---\n3\n"},
         ["run", "{d}/p.md"], 2, "front matter is not valid YAML"),
    Case("front matter nested 40 levels", {"n.md": "---\nx: " + "[" * 40 + "]" * 40 + "\n---\n3 apples\n"},
         ["run", "{d}/n.md"], 2, "nests deeper than 32 levels"),
    Case("front matter with a control character", {"c.md": "---\ntitle: a\x01b\n---\n3 apples\n"},
         ["run", "{d}/c.md"], 2, "c.md:2:9"),
    Case("front-matter date that is a list", {"d.md": "---\ndate: [1, 2]\n---\n3 apples\n"}, ["run", "{d}/d.md"], 0,
         "not a date: list with 2 items"),
    Case("alias bomb in the title", {"t.md": _bomb(8, "title")}, ["run", "{d}/t.md"], 2,
         "expands to more than 10,000 values"),
    Case("HTML nested 10,000 divs", {"h.html": "<div>" * 10_000 + RISE + "</div>" * 10_000},
         ["run", "{d}/h.html"], 1, "change of 100%"),
    Case("HTML with an impossible meta date",
         {"h.html": "<html><head><meta property='article:published_time' content='2025-02-30'></head>"
                    "<body><p>3 apples</p></body></html>"}, ["run", "{d}/h.html"], 0, "is not a calendar date"),
    Case("JSONL: not JSON, not an object, no text", {"c.jsonl": "{\n[]\n{\"id\": 1}\n" + json.dumps({"text": RISE})},
         ["run", "{d}/c.jsonl"], 1, "a JSONL record must be a JSON object"),
    Case("JSONL: text that is not a string", {"c.jsonl": '{"text": 5}\n'}, ["run", "{d}/c.jsonl"], 2,
         '"text" field that is not a string'),
    Case("stdin with terminal escapes", {}, ["run", "-"], 1, "\\x1b[31m", stdin=(RISE.strip() + " \x1b[31m\n").encode()),
    Case("stdin that is not UTF-8", {}, ["run", "-"], 2, "invalid UTF-8", stdin=b"\xff\xfe\n"),
    # -- limits and options ---------------------------------------------------------------------
    Case("time limit reached", {"w.txt": "one two three hundred thousand million and " * 2000},
         ["run", "--timeout", "0.001", "{d}/w.txt"], 1, "longer than its time limit of 0.001 s"),
    Case("--timeout negative", {"a.txt": RISE}, ["run", "--timeout", "-1", "{d}/a.txt"], 2,
         "expected a number of seconds"),
    Case("--timeout nan", {"a.txt": RISE}, ["run", "--timeout", "nan", "{d}/a.txt"], 2, "expected a number of seconds"),
    Case("--timeout 0 means none", {"a.txt": RISE}, ["run", "--timeout", "0", "{d}/a.txt"], 1, "change of 100%"),
    Case("--date that does not exist", {"a.txt": RISE}, ["run", "--date", "2025-02-30", "{d}/a.txt"], 2,
         "expected a date like 2025-10-16"),
    Case("-j 0", {"a.txt": RISE}, ["run", "-j", "0", "{d}/a.txt"], 2, "expected a positive whole number"),
    Case("missing path", {}, ["run", "{d}/nope.txt"], 2, "nope.txt"),
    Case("directory without documents", {"x.bin": "3"}, ["run", "{d}"], 2, "directory has no document files"),
    Case("missing --config", {"a.txt": RISE}, ["run", "--config", "{d}/nope.yaml", "{d}/a.txt"], 2, "nope.yaml"),
    Case("unknown configuration key", {"factcheck.yaml": "colour: red\n", "a.txt": RISE},
         ["run", "--config", "{d}/factcheck.yaml", "{d}/a.txt"], 2, "unknown key 'colour'"),
    Case("invalid TOML configuration", {"pyproject.toml": "[tool.factcheck\n", "a.txt": RISE},
         ["run", "--config", "{d}/pyproject.toml", "{d}/a.txt"], 2, "invalid TOML"),
    Case("missing --rules pack", {"a.txt": RISE}, ["run", "--rules", "{d}/nope", "{d}/a.txt"], 2, "nope"),
    Case("missing --facts file", {"a.txt": RISE}, ["run", "--facts", "{d}/nope.yaml", "{d}/a.txt"], 2, "nope.yaml"),
    # -- rules, facts, patterns -----------------------------------------------------------------
    Case("empty rule file", {"r.yaml": ""}, ["check-rules", "{d}/r.yaml"], 2, "empty rule file"),
    Case("alias bomb in a rule file", {"r.yaml": _bomb(8, "id").replace("---\n", "", 1).split("---")[0]},
         ["check-rules", "{d}/r.yaml"], 2, "r.yaml"),
    Case("unknown function in a rule", {"r.yaml": _rule("frobnicate(a) > 0")}, ["check-rules", "{d}/r.yaml"], 2,
         "frobnicate"),
    Case("type error in a rule", {"r.yaml": _rule('a.value + "x" > 0')}, ["check-rules", "{d}/r.yaml"], 2, "r.yaml:"),
    Case("division by zero while running", {"r.yaml": _rule("a.value / 0 > 1"), "n.txt": "3 apples\n"},
         ["run", "--rules", "{d}/r.yaml", "{d}/n.txt"], 1, "division by zero"),
    Case("decimal overflow while running", {"r.yaml": _rule("a.value * 10000000000000000000000000000 * "
                                                             "10000000000000000000000000000 > 1"),
                                            "n.txt": "3 apples\n"},
         ["run", "--rules", "{d}/r.yaml", "{d}/n.txt"], 0, "Checked 1 document"),
    Case("unterminated message hole", {"r.yaml": _rule("a.value > 0", message="{a.text")},
         ["check-rules", "{d}/r.yaml"], 2, "r.yaml"),
    Case("bindings that are not a list", {"r.yaml": _rule("a > 0", for_="a in 3")}, ["check-rules", "{d}/r.yaml"],
         2, "needs a list"),
    Case("fact file with an impossible date",
         {"f.yaml": "facts:\n  entities:\n    - {id: a, type: person, name: A, born: 1815-13-10}\n", "a.txt": RISE},
         ["run", "--facts", "{d}/f.yaml", "{d}/a.txt"], 2, "not a calendar date: month must be in 1..12"),
    Case("fact file that is not UTF-8", {"f.yaml": b"facts:\n  entities: [\xff]\n", "a.txt": RISE},
         ["run", "--facts", "{d}/f.yaml", "{d}/a.txt"], 2, "f.yaml:2:14: invalid UTF-8"),
    Case("pattern file with a control character",
         {"pack/patterns/p.yaml": "kind: fuzz\x07\n", "pack/r.yaml": _rule("a.value > 0")},
         ["check-rules", "{d}/pack"], 2, "control character (U+0007)"),
    # -- interrupts: Ctrl-C (a real SIGINT) and kills, at each moment of a run ------------------
    Case("Ctrl-C while checking, JSON -o", CORPUS, ["run", "-j", "1", "--format", "json", "-o", "{d}/out.json",
                                                   "{d}/docs"], 130,
         "interrupted after 2 documents; their results are written to {d}/out.json",
         interrupt=("SIGINT", "check:3"), report="out.json"),
    Case("Ctrl-C while checking marks the JSON report", CORPUS,
         ["run", "-j", "1", "--format", "json", "-o", "{d}/out.json", "{d}/docs"], 130, '"interrupted": true',
         interrupt=("SIGINT", "check:3"), report="out.json"),
    Case("Ctrl-C while checking, text report", DOCS, ["run", "-j", "1", "{d}/docs"], 130,
         "Interrupted: only the documents checked before the run stopped are reported",
         interrupt=("SIGINT", "check:4")),
    Case("Ctrl-C while checking, JSONL stream", CORPUS,
         ["run", "-j", "1", "--format", "jsonl", "-o", "{d}/out.jsonl", "{d}/docs"], 130, '"complete":false',
         interrupt=("SIGINT", "check:3"), report="out.jsonl"),
    Case("Ctrl-C before the first document", CORPUS,
         ["run", "-j", "1", "--format", "sarif", "-o", "{d}/out.json", "{d}/docs"], 130,
         "interrupted after 0 documents; their results are written", interrupt=("SIGINT", "check:1"),
         report="out.json"),
    Case("Ctrl-C while a result is recorded waits for it, SARIF", CORPUS,
         ["run", "-j", "1", "--format", "sarif", "-o", "{d}/out.json", "{d}/docs"], 130,
         "interrupted after 3 documents", interrupt=("SIGINT", "record:3"), report="out.json"),
    Case("Ctrl-C with -j 2 workers", CORPUS, ["run", "-j", "2", "--format", "json", "-o", "{d}/out.json",
                                             "{d}/docs"], 130, "interrupted after 3 documents",
         interrupt=("SIGINT", "record:3"), report="out.json"),
    Case("Ctrl-C while the report is rendered finishes it", CORPUS,
         ["run", "-j", "1", "--format", "json", "-o", "{d}/out.json", "{d}/docs"], 130,
         "interrupted after 6 documents; their results are written to {d}/out.json",
         interrupt=("SIGINT", "render:1"), report="out.json"),
    Case("Ctrl-C while the report file is written finishes it", CORPUS,
         ["run", "-j", "1", "--format", "junit", "-o", "{d}/out.xml", "{d}/docs"], 130,
         "interrupted after 6 documents; their results are written to {d}/out.xml",
         interrupt=("SIGINT", "write"), report="out.xml"),
    Case("a second Ctrl-C while the report is written stops at once", CORPUS,
         ["run", "-j", "1", "--format", "json", "-o", "{d}/out.json", "{d}/docs"], 130, "factcheck: interrupted",
         interrupt=("SIGINT", "write:2"), report="out.json", leaves="absent"),
    Case("killed while checking: no stale report", CORPUS,
         ["run", "-j", "1", "--format", "json", "-o", "{d}/out.json", "{d}/docs"], KILLED, "",
         interrupt=("SIGKILL", "check:3"), report="out.json", leaves="absent"),
    Case("killed while the report file is written: not truncated", CORPUS,
         ["run", "-j", "1", "--format", "json", "-o", "{d}/out.json", "{d}/docs"], KILLED, "",
         interrupt=("SIGKILL", "write"), report="out.json", leaves="absent"),
    Case("killed during a JSONL stream keeps whole lines", CORPUS,
         ["run", "-j", "1", "--format", "jsonl", "-o", "{d}/out.jsonl", "{d}/docs"], KILLED, '"path":',
         interrupt=("SIGKILL", "record:4"), report="out.jsonl", leaves="cut off"),
]




def _assert_safe(argv: list[str], output: str) -> None:
    assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output, "raw control character"
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else "text"
    if fmt != "github":
        starts = [line for line in output.splitlines() if line.lstrip().startswith(("::", "##["))]
        assert not starts, starts
    if fmt == "junit" and output.startswith("<?xml"):
        ET.fromstring(output.encode("utf-8"))
    if fmt in ("json", "sarif") and output.startswith("{"):
        json.loads(output)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "case"
    root.mkdir()
    write_tree(root, case.files)
    if case.fifo:
        os.mkfifo(root / case.fifo)
    argv = [part.replace("{d}", str(root)) for part in case.argv]
    if "CWD" in case.env:
        monkeypatch.chdir(case.env["CWD"].replace("{d}", str(root)))
    if case.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(case.stdin), encoding="utf-8"))
    if case.interrupt and case.interrupt[0] == "SIGKILL":
        code, out, err = _killed(case.interrupt, argv)
    else:
        if case.interrupt:
            arm(*case.interrupt, monkeypatch.setattr)
        try:
            code = main(argv)
        except SystemExit as exit:  # argparse refusing an argument
            code = exit.code
        out, err = capsys.readouterr()
    said = out + err
    if case.report:
        said += _left(root / case.report, case.leaves)
    assert code == case.code, said[-3000:]
    assert case.says.replace("{d}", str(root)) in said, said[-3000:]
    _assert_safe(argv, out)
    _assert_safe([], err)


def _killed(interrupt: tuple[str, str], argv: list[str]) -> tuple[int, str, str]:
    """A run in a process of its own, which ``interrupt`` kills."""
    command = [sys.executable, "-m", "tests.hostile.interrupts", *interrupt, *argv]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    return done.returncode, done.stdout, done.stderr


def _left(report: Path, leaves: str) -> str:
    """What the interrupted run left in its ``-o`` file, checked against ``leaves``; its text."""
    if leaves == "absent":
        assert not report.exists(), f"{report.name} was left: {report.read_text(encoding='utf-8')[:200]!r}"
        return ""
    text = report.read_text(encoding="utf-8")
    if report.suffix == ".jsonl":
        lines = [json.loads(line) for line in text.splitlines()]  # every line whole
        assert ("summary" in lines[-1]) == (leaves == "whole"), lines[-1]
        assert all("summary" not in line for line in lines[:-1])
    elif report.suffix == ".xml":
        ET.fromstring(text.encode("utf-8"))
    else:
        json.loads(text)
    return text


def test_the_catalogue_is_big_enough() -> None:
    assert len(CASES) >= 29 + 40
