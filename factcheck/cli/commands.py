"""The bodies of ``factcheck run`` and the helpers every command shares: configuration, rule packs,
the engine, documents. The pipeline is engine → suppressions → baseline → reporters.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cli.config import Config, load_config
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.errors import UsageError
from factcheck.exitcodes import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from factcheck.findings import Confidence, Severity
from factcheck.limits import DEFAULT_TIMEOUT
from factcheck.rules.selection import Selection
from factcheck.startup import collection

if TYPE_CHECKING:
    from factcheck.reporters import ReportOptions

DEFAULT_MIN_CONFIDENCE = Confidence.MEDIUM


def config_of(args: argparse.Namespace) -> Config:
    return load_config(getattr(args, "config", None))


def build_engine(args: argparse.Namespace, config: Config):
    """The loaded pack, the rules that run, and the engine."""
    from factcheck.cli.recipe import EngineRecipe

    timeout = getattr(args, "timeout", DEFAULT_TIMEOUT)
    return EngineRecipe.of(config, args.rules, args.facts, timeout, Selection.from_args(args)).build()


def input_paths(args: argparse.Namespace, config: Config) -> list[str]:
    """The paths to check: the command line's (a quoted glob such as ``'archive/**/*.md'`` expanded
    here, for shells and schedulers that pass it on), else the configuration's ``include``;
    ``exclude``d files left out."""
    from factcheck.documents import discover

    paths = [found for path in args.paths for found in _glob(path)]
    if not paths and config.include:
        paths = _included(config)
    if not paths:
        raise UsageError("no input: give files, directories, or - for standard input")
    honour_ignore = honours_ignore(args)
    if config.exclude:
        found = discover(paths, honour_ignore=honour_ignore)
        paths = [p for p in found if p == "-" or not config.excluded(p)]
    return paths


def _glob(path: str) -> list[str]:
    """A path that does not exist but holds glob characters names what it matches (sorted); with no
    match it is kept, so that reading it reports the failure."""
    if os.path.exists(path):
        return [path]
    import glob  # only for a path that is not a file's

    if not glob.has_magic(path):
        return [path]
    return sorted(glob.glob(path, recursive=True)) or [path]


def documents(args: argparse.Namespace, config: Config):
    from factcheck.documents import load_documents

    return load_documents(
        input_paths(args, config), date_override=args.date, stdin=sys.stdin, default_date=config.date,
        honour_ignore=honours_ignore(args),
    )


def _included(config: Config) -> list[str]:
    found: set[Path] = set()
    for pattern in config.include:
        found.update(p for p in config.root.glob(pattern) if p.is_file())
    return [os.path.relpath(p) for p in sorted(found)]


def run(args: argparse.Namespace, color: bool) -> int:
    from factcheck.ci import baseline, suppressions
    from factcheck.cli.corpus import CorpusRun
    from factcheck.cli.interrupts import held
    from factcheck.cli.options import FORMATS
    from factcheck.cli.outputs import extra_outputs
    from factcheck.cli.recipe import EngineRecipe
    from factcheck.reporters import ReportOptions

    config = config_of(args)
    extras = extra_outputs(args.extra_outputs, FORMATS)
    recipe = EngineRecipe.of(config, args.rules, args.facts, args.timeout, Selection.from_args(args))
    pack, rules, engine = recipe.build()
    collection.resume()  # start-up is over (the console script paused the collector)
    paths = input_paths(args, config)
    known = baseline.read_baseline(args.baseline) if args.baseline else None
    default_format = "jsonl" if args.resume else config.format or "text"
    confidence = min_confidence_of(args, config)
    options = ReportOptions(color=color, min_confidence=confidence, show_notes=args.show_notes,
                            html_text=args.html_text)
    corpus = CorpusRun(args, config, recipe, args.format or default_format, options,
                       extra_formats=tuple(name for name, _ in extras))
    corpus.stage.start(pack, engine)
    outcome = corpus.check(paths, known)
    results = outcome.results
    if outcome.interrupted and (args.list_suppressions or args.write_baseline):
        return _stopped(corpus, outcome, kept=False)
    if args.list_suppressions:
        return _list_suppressions(outcome.suppressions, args, results)
    if args.write_baseline:
        count = baseline.write_baseline(results, args.write_baseline)
        print(f"factcheck: wrote {count} findings to the baseline {args.write_baseline}", file=sys.stderr)
        return EXIT_USAGE if outcome.nothing_read else EXIT_OK
    infos = [rule.info for rule in rules] + suppressions.rule_infos(results)
    report_run = RunResult(
        results, infos, interrupted=outcome.interrupted, failure=outcome.failure,
        unchecked=outcome.unchecked,
    )
    written = False
    try:  # Ctrl-C now waits until the reports are written (a second one stops at once)
        with held(forceable=True):
            text = None
            if not corpus.streaming and not (args.quiet and not sum(outcome.gating.values())):
                text = report_text(args, report_run, corpus.format, options)
            corpus.finish(text, len(infos), outcome)
            write_extra_outputs(report_run, options, extras)
            written = True
    except KeyboardInterrupt:
        if not written:
            raise
        return _stopped(corpus, outcome)
    if outcome.interrupted:
        return _stopped(corpus, outcome)
    if outcome.tally.internal:
        return EXIT_INTERNAL
    if outcome.nothing_read:
        return EXIT_USAGE
    return exit_code(outcome.gating, args.fail_on or config.fail_on or "error")


def min_confidence_of(args: argparse.Namespace, config: Config) -> Confidence:
    """``--min-confidence``, else the configuration's ``min-confidence``, else medium."""
    chosen = getattr(args, "min_confidence", None) or config.min_confidence
    return Confidence(chosen) if chosen else DEFAULT_MIN_CONFIDENCE


def honours_ignore(args: argparse.Namespace) -> bool:
    """Whether directory searches skip what ``.gitignore`` files ignore (not with ``--no-ignore``)."""
    return not getattr(args, "no_ignore", False)


def _stopped(corpus, outcome, kept: bool = True) -> int:
    """Ctrl-C: one line saying what was kept, and exit 130 (128 + SIGINT, as shells do); a lost
    worker: the same line with the reason, and exit 3 (an internal error)."""
    cause = f"error: {outcome.failure}; stopped" if outcome.failure else "interrupted"
    done = f"factcheck: {cause} after {outcome.tally.documents:,} documents"
    if not kept:
        print(f"{done}; nothing written", file=sys.stderr)
    else:
        where = "" if corpus.target == "standard output" else f" to {corpus.target}"
        print(f"{done}; their results are written{where}", file=sys.stderr)
    return EXIT_INTERNAL if outcome.failure else EXIT_INTERRUPTED


def report_text(args: argparse.Namespace, run: RunResult, format: str, options: ReportOptions) -> str:
    """The main report, or the per-rule statistics with ``--statistics``; prose wrapped to the
    terminal when it goes to one."""
    from factcheck.cli.outputs import statistics, terminal_width
    from factcheck.reporters import render

    if args.statistics:
        return statistics(run, as_json=format == "json")
    width = terminal_width(args.output is not None)
    return render(format, run, dataclasses.replace(options, width=width))


def write_extra_outputs(run: RunResult, options: ReportOptions, extras: list[tuple[str, str]]) -> None:
    """Each ``--output-format FORMAT=FILE`` beside the main report, from the same run."""
    from factcheck.reporters import render

    for name, path in extras:
        write(render(name, run, dataclasses.replace(options, color=False)), path)


def _list_suppressions(audit, args: argparse.Namespace, results: list[DocumentResult]) -> int:
    from factcheck.ci.suppressions import BAD_SUPPRESSION, listing, listing_json

    bad = [f.message for r in results for f in r.findings if f.rule == BAD_SUPPRESSION]
    if args.format == "json":
        write(json.dumps({"suppressions": listing_json(audit), "bad": bad}, indent=2) + "\n", args.output)
    else:
        write(listing(audit) + "".join(f"bad suppression: {m}\n" for m in bad), args.output)
    unreadable = bool(results) and all(r.document is None for r in results)
    return EXIT_USAGE if unreadable else EXIT_OK


def exit_code(gating: Mapping[str, int], fail_on: str) -> int:
    """1 when a finding that reaches ``--min-confidence`` (counted by severity name in ``gating``) is
    at or above ``fail_on``, else 0."""
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    failing = any(count and Severity(name).rank >= threshold for name, count in gating.items())
    return EXIT_FINDINGS if failing else EXIT_OK


def write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from factcheck.cli.output import write_atomically

    write_atomically(Path(output), text)
