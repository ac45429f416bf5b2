"""The checking loop of ``factcheck run``: units streamed through the stage, in this process, in
worker processes or on Dask, each result handed on as it completes.

With ``--format jsonl`` every document's line is written and flushed as it arrives and nothing is
kept, so memory is flat however large the corpus; other formats keep one compact result per
document and are rendered at the end. Ctrl-C stops the loop, and what was finished is reported.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field

from factcheck.ci.suppressions import Suppression
from factcheck.cli.config import Config
from factcheck.cli.interrupts import Interrupts
from factcheck.cli.output import LineStream, ReportFile
from factcheck.cli.progress import Progress, wanted
from factcheck.cli.recipe import DocumentStage, EngineRecipe
from factcheck.documents import FileUnit, InputFailure, LineUnit, ReadOptions, Unit, units
from factcheck.engine.results import DocumentResult
from factcheck.errors import UsageError
from factcheck.reporters import ReportOptions, jsonl


@dataclass(slots=True)
class Outcome:
    """What the loop finished: the kept results (none when streaming), suppressions, totals."""

    results: list[DocumentResult] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    tally: jsonl.Tally = field(default_factory=jsonl.Tally)
    unreadable: int = 0
    interrupted: bool = False
    failure: str | None = None  # why the run stopped early, when it was not Ctrl-C

    @property
    def nothing_read(self) -> bool:
        return self.tally.documents > 0 and self.unreadable == self.tally.documents

    @property
    def gating(self) -> Counter[str]:
        """Findings that reach ``--min-confidence``, by severity: what the exit code looks at."""
        return self.tally.gating


class CorpusRun:
    """One ``factcheck run`` over its inputs. Opening it claims the outputs: a stale ``-o`` file is
    removed, a JSONL stream is started (or, with ``--resume``, continued)."""

    def __init__(
        self, args: argparse.Namespace, config: Config, recipe: EngineRecipe, format: str,
        report_options: ReportOptions,
    ) -> None:
        self.args = args
        self.format = format
        self.report_options = report_options
        self.options = ReadOptions(args.date, config.date)
        self.stage = DocumentStage(recipe, self.options, compact=format != "html")
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
        from factcheck.engine.parallel import WorkerLost
        from factcheck.engine.stream import check_stream

        outcome = Outcome(tally=self.done.tally)
        found = units(paths, self.options, honour_ignore=not getattr(self.args, "no_ignore", False))
        pending = (unit for unit in found if _key(unit) not in self.done.keys)
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
        return outcome

    def _take(self, result: DocumentResult, outcome: Outcome) -> None:
        data = jsonl.record(result, self.report_options)
        outcome.tally.add(data)
        outcome.unreadable += result.document is None
        if self.stream is not None:
            self.stream.write(jsonl.line(data))
        else:  # compacted again here: notes unpickled from workers are interned in this process
            outcome.results.append(result.compact() if self.stage.compact else result)

    def finish(self, text: str | None, rules: int, outcome: Outcome) -> None:
        """Close the run's output: the JSONL summary line, or the whole report ``text``."""
        if self.stream is not None:
            self.stream.write(jsonl.line(outcome.tally.summary(rules, not outcome.interrupted)))
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
    from factcheck.engine.parallel import available_cores

    return available_cores()
