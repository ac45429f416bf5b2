"""The checking loop of ``factcheck run``: units streamed through the stage, in this process, in
worker processes or on Dask, each result handed on as it completes.

With ``--format jsonl`` every document's line is written and flushed as it arrives and nothing is
kept, so memory is flat however large the corpus; other formats keep one compact result per
document and are rendered at the end. Ctrl-C stops the loop, and what was finished is reported.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from factcheck.ci.suppressions import Suppression
from factcheck.cli.config import Config
from factcheck.cli.interrupts import Interrupts
from factcheck.cli.output import LineStream, ReportFile
from factcheck.cli.progress import Progress, wanted
from factcheck.cli.recipe import DocumentStage, EngineRecipe
from factcheck.documents import FileUnit, InputFailure, LineUnit, ReadOptions, Unit, units
from factcheck.engine.results import DocumentResult, Unchecked
from factcheck.errors import UsageError
from factcheck.reporters import ReportOptions, jsonl
from factcheck.reporters.json_report import unchecked_object


@dataclass(slots=True)
class Outcome:
    """What the loop finished: the kept results (none when streaming), suppressions, totals."""

    results: list[DocumentResult] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    tally: jsonl.Tally = field(default_factory=jsonl.Tally)
    unreadable: int = 0
    interrupted: bool = False
    failure: str | None = None  # why the run stopped early, when it was not Ctrl-C
    unchecked: tuple[Unchecked, ...] = ()  # what a stopped run did not finish

    @property
    def nothing_read(self) -> bool:
        return self.tally.documents > 0 and self.unreadable == self.tally.documents

    @property
    def gating(self) -> Counter[str]:
        """Findings that reach ``--min-confidence``, by severity: what the exit code looks at."""
        return self.tally.gating


class CorpusRun:
    """One ``factcheck run`` over its inputs. Opening it claims the outputs: a stale ``-o`` file is
    removed, a JSONL stream is started (or, with ``--resume``, continued). A streaming run keeps
    no results unless ``extra_formats`` (``--output-format``) are made from them."""

    def __init__(
        self, args: argparse.Namespace, config: Config, recipe: EngineRecipe, format: str,
        report_options: ReportOptions, extra_formats: tuple[str, ...] = (),
    ) -> None:
        self.args = args
        self.keep = bool(extra_formats)
        self.format = format
        self.report_options = report_options
        self.options = ReadOptions(args.date, config.date)
        compact = not _needs_text(args, (format, *extra_formats))
        self.stage = DocumentStage(recipe, self.options, compact=compact)
        self.done = jsonl.Done()
        self.stream: LineStream | None = None
        self.report: ReportFile | None = None
        resume = getattr(args, "resume", None)
        if resume:
            if format != "jsonl" or (args.output and args.output != resume):
                raise UsageError("--resume FILE continues a JSONL report: use it without --format or -o")
            self.done = jsonl.read_done(resume)
            self.stream = LineStream(resume, append_at=self.done.end)
        elif format == "jsonl" and not _summary_only(args):
            self.stream = LineStream(args.output)
        elif args.output:
            self.report = ReportFile(args.output)

    def check(self, paths: list[str], baseline: Counter | None = None) -> Outcome:
        """Check every unit of ``paths`` not already done; Ctrl-C ends the loop early."""
        from factcheck.ci.baseline import filter_new
        from factcheck.engine.stream import check_stream
        from factcheck.engine.workers import WorkerLost

        outcome = Outcome(tally=self.done.tally)
        pending = (unit for unit in self._units(paths) if _key(unit) not in self.done.keys)
        progress = Progress(paths, wanted(self.args.quiet))
        jobs = self.args.jobs
        interrupts = Interrupts()
        try:
            with interrupts.installed():
                for checked in check_stream(
                    self.stage, pending, jobs=jobs or _cores(), ordered=not self.args.unordered,
                    auto=jobs is None, dask=getattr(self.args, "dask", None),
                ):
                    with interrupts.deferred():  # a document is taken whole or not at all
                        result = checked.result
                        if baseline is not None:
                            filter_new([result], baseline)
                        self._take(result, outcome)
                        outcome.suppressions.extend(checked.suppressions)
                    progress.update(checked.size, len(result.findings))
        except KeyboardInterrupt:
            outcome.interrupted = True
        except WorkerLost as exc:
            outcome.interrupted, outcome.failure = True, str(exc)
        finally:
            progress.close()
        if outcome.interrupted:
            with contextlib.suppress(KeyboardInterrupt), interrupts.installed(), interrupts.deferred():
                outcome.unchecked = self.unchecked(paths)  # a second Ctrl-C waits for the list
        return outcome

    def _units(self, paths: list[str], stdin: io.StringIO | None = None) -> Iterator[Unit]:
        honour_ignore = not getattr(self.args, "no_ignore", False)
        return units(paths, self.options, stdin=stdin, honour_ignore=honour_ignore)

    def unchecked(self, paths: list[str]) -> tuple[Unchecked, ...]:
        """What a stopped run did not finish, found by listing the work again (only its keys are
        kept: a JSONL file is read line by line, not parsed) and leaving out what is done."""
        missing: dict[str, list[int]] = {}
        for unit in self._units(paths, stdin=io.StringIO()):  # standard input cannot be read twice
            if isinstance(unit, LineUnit) and unit.raw is not None and not unit.raw.strip():
                continue  # a blank line is no document
            path, line = _key(unit)
            if (path, line) not in self.done.keys:
                missing.setdefault(path, []).extend([line] if line is not None else [])
        return tuple(Unchecked(path, tuple(lines)) for path, lines in missing.items())

    def _take(self, result: DocumentResult, outcome: Outcome) -> None:
        data = jsonl.record(result, self.report_options)
        outcome.tally.add(data)
        self.done.keys.add(jsonl.key(data))
        outcome.unreadable += result.document is None
        if self.stream is not None:
            self.stream.write(jsonl.line(data))
        if self.stream is None or self.keep:  # compacted again: notes from workers are interned here
            outcome.results.append(result.compact() if self.stage.compact else result)

    def finish(self, text: str | None, rules: int, outcome: Outcome) -> None:
        """Close the run's output: the JSONL summary line, or the whole report ``text``."""
        if self.stream is not None:
            summary = outcome.tally.summary(rules, not outcome.interrupted)
            if outcome.interrupted:  # what --resume will check
                summary["unchecked"] = [unchecked_object(item) for item in outcome.unchecked]
            self.stream.write(jsonl.line(summary))
            self.stream.close()
        elif text is not None:
            if self.report is not None:
                self.report.write(text)
            else:
                sys.stdout.write(text)

    @property
    def streaming(self) -> bool:
        return self.stream is not None

    @property
    def target(self) -> str:
        """Where the report goes, as the closing message names it."""
        return getattr(self.args, "resume", None) or self.args.output or "standard output"


def _needs_text(args: argparse.Namespace, formats: tuple[str, ...]) -> bool:
    """Whether results must keep every document's text and claims: for an HTML report that may
    show them (``--html-text never`` shows excerpts, which the compacted results keep)."""
    return "html" in formats and getattr(args, "html_text", "auto") != "never"


def _summary_only(args: argparse.Namespace) -> bool:
    return bool(args.write_baseline or args.list_suppressions)


def _key(unit: Unit) -> jsonl.Key:
    if isinstance(unit, LineUnit):
        return unit.path, unit.number
    if isinstance(unit, InputFailure):
        return unit.path, unit.record_line
    if isinstance(unit, FileUnit):
        return unit.path, None
    return unit.path, unit.record_line


def _cores() -> int:
    from factcheck.engine.workers import available_cores

    return available_cores()
