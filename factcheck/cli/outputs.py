"""Where a run's reports go and how they look: colour, width, several outputs in one run,
per-rule statistics.

- Colour (``--color auto|always|never``): ``always`` and ``never`` are final; under ``auto``,
  ``NO_COLOR`` (no-color.org) turns it off, then ``FORCE_COLOR`` (force-color.org) on, then
  ``TERM=dumb`` off; otherwise colour is on only when the report goes to a terminal.
- Width: the text report wraps its prose to the terminal's columns (``COLUMNS`` when set); a report
  written to a file or a pipe is not wrapped.
- ``--output-format FORMAT=FILE`` (repeatable) writes more reports from the same run, so CI checks
  the pack once and gets the terminal report and ``out.sarif`` together.
- ``--statistics`` prints one line per rule with findings (count, severity, id, title) instead of
  the findings, as ``ruff --statistics`` does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from factcheck.errors import UsageError

if TYPE_CHECKING:
    from factcheck.engine.results import RunResult

COLOR_CHOICES = ("auto", "always", "never")


def add_arguments(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument("--color", choices=COLOR_CHOICES, default="auto",
                        help="colour the terminal report (default: auto; honours NO_COLOR, FORCE_COLOR)")
    parser.add_argument("--output-format", action="append", default=[], metavar="FORMAT=FILE",
                        dest="extra_outputs",
                        help=f"also write the report as FORMAT to FILE (repeatable; {', '.join(formats)})")
    parser.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule instead of the findings")


def color_wanted(choice: str, to_file: bool, stream: TextIO | None = None) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    forced = os.environ.get("FORCE_COLOR")
    if forced is not None and forced not in ("", "0", "false"):
        return True
    if os.environ.get("TERM") == "dumb" or to_file:
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def terminal_width(to_file: bool, stream: TextIO | None = None) -> int | None:
    """The columns to wrap to: ``COLUMNS``, else the terminal's; None for files and pipes."""
    if to_file:
        return None
    stream = stream or sys.stdout
    if not os.environ.get("COLUMNS") and not getattr(stream, "isatty", lambda: False)():
        return None
    return max(40, shutil.get_terminal_size().columns)


def extra_outputs(values: list[str], formats: tuple[str, ...]) -> list[tuple[str, str]]:
    """``FORMAT=FILE`` pairs, checked before the run so a typo costs no work."""
    pairs = []
    for value in values:
        name, separator, path = value.partition("=")
        if not separator or not path:
            raise UsageError(f"--output-format expects FORMAT=FILE, not {value!r}")
        if name not in formats:
            from factcheck.errors import did_you_mean

            raise UsageError(f"unknown format {name!r} in --output-format",
                             hint=did_you_mean(name, set(formats), "formats"))
        pairs.append((name, path))
    return pairs


def statistics(run: RunResult, as_json: bool = False) -> str:
    """Findings per rule, most frequent first."""
    counts = Counter(f.rule for f in run.findings())
    severity = {f.rule: f.severity.value for f in run.findings()}
    titles = {rule.id: rule.title for rule in run.rules}
    ordered = sorted(counts, key=lambda rule: (-counts[rule], rule))
    if as_json:
        rows = [{"rule": r, "count": counts[r], "severity": severity[r], "title": titles.get(r, "")}
                for r in ordered]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if not ordered:
        return "No findings.\n"
    digits = len(str(counts[ordered[0]]))
    id_width = max(len(rule) for rule in ordered)
    lines = [f"{counts[r]:>{digits}}  {severity[r]:<7}  {r:<{id_width}}  {titles.get(r, '')}".rstrip()
             for r in ordered]
    return "\n".join(lines) + "\n"
