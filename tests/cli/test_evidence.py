"""Evidence is written for people in the text report and typed in JSON, through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from factcheck.reporters.human import human, money, number
from factcheck.values import Money, Percent

FACTCHECK = Path(sys.executable).with_name("factcheck")
ARTICLE = "Revenue rose 30% to $1.05 billion from $840 million.\n"


def _run(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([str(FACTCHECK), "run", "--date", "2025-01-01", *args, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    return result.stdout


def test_text_evidence_says_amounts_as_written(tmp_path: Path) -> None:
    out = _run(tmp_path)
    assert "evidence: from: $840 million" in out and "evidence: to: $1.05 billion" in out
    assert "evidence: change: 30%" in out
    for internal in ("least", "c.from", "==", "USD", "1050000000", "…"):
        assert internal not in out, internal


def test_json_evidence_is_typed_and_whole(tmp_path: Path) -> None:
    report = json.loads(_run(tmp_path, "--format", "json"))
    [finding] = report["documents"][0]["findings"]
    assert finding["evidence"] == {
        "from": {"amount": 840000000, "currency": "USD"},
        "to": {"amount": 1050000000, "currency": "USD"},
        "change": 30,
    }


def test_human_values() -> None:
    assert money(Money(Decimal("1050000000"), "USD")) == "$1.05 billion"
    assert money(Money(Decimal("-2500000"), "EUR")) == "-€2.5 million"
    assert money(Money(Decimal("12500"), "CHF")) == "12,500 CHF"
    assert human(Percent(Decimal("25.04"))) == "25.0%"
    assert human(Decimal("24.33075550267697798929208804")) == "24.33"
    assert number(Decimal("1234567")) == "1,234,567"
