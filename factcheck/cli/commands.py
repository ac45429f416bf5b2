"""The bodies of ``factcheck run`` and the helpers every command shares: configuration, rule packs,
the engine, documents. The pipeline is engine → suppressions → baseline → reporters.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cli.config import Config, load_config
from factcheck.cli.selection import Selection
from factcheck.engine.results import DocumentResult, RunResult
from factcheck.errors import ConfigError, UsageError
from factcheck.findings import Confidence, Severity, is_internal
from factcheck.limits import DEFAULT_TIMEOUT
from factcheck.rules.model import Rule
from factcheck.rules.pack import Pack
from factcheck.yamlsource import did_you_mean

if TYPE_CHECKING:
    from factcheck.reporters import ReportOptions

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_MIN_CONFIDENCE = Confidence.MEDIUM


def config_of(args: argparse.Namespace) -> Config:
    return load_config(getattr(args, "config", None))


def configured_packs(config: Config) -> list[Path]:
    """The packs the configuration names: the default pack (unless turned off), then its ``rules``.
    ``run``, ``test`` and ``check-rules`` all check these, so CI tests the rules it runs."""
    from factcheck.startup.resources import rules_dir

    return [*([rules_dir()] if config.default_pack else []), *config.rules]


def load_pack(config: Config, extra: list[str]) -> Pack:
    from factcheck.rules.loader import load_packs

    return load_packs([*configured_packs(config), *(Path(p) for p in extra)])


def configured_rules(pack: Pack, config: Config) -> list[Rule]:
    """The pack's rules with the configuration's severity overrides applied and disabled rules left out."""
    known = {rule.id for rule in pack.rules}
    for rule_id in [*config.severity, *config.disable]:
        if rule_id not in known:
            hint = did_you_mean(rule_id, known, "loaded rules")
            raise ConfigError(f"{config.path}: unknown rule id {rule_id!r} in the configuration", hint=hint)
    disabled = config.disabled()
    rules = []
    for rule in pack.rules:
        if rule.id in disabled:
            continue
        level = config.severity.get(rule.id)
        if level is not None:
            rule = dataclasses.replace(rule, info=dataclasses.replace(rule.info, severity=Severity(level)))
        rules.append(rule)
    return rules


def build_engine(args: argparse.Namespace, config: Config):
    """The loaded pack, the rules that run, and the engine."""
    from factcheck.engine.runner import Engine
    from factcheck.facts.loader import load_facts

    pack = load_pack(config, args.rules)
    fact_args = [*config.facts, *map(Path, args.facts)]
    rules = Selection.from_args(args).apply(configured_rules(pack, config))
    timeout = getattr(args, "timeout", DEFAULT_TIMEOUT)
    facts = load_facts([*pack.fact_files, *fact_args])
    return pack, rules, Engine(rules, facts, pack.extractor(), timeout=timeout)


def documents(args: argparse.Namespace, config: Config):
    from factcheck.documents import discover, load_documents

    paths = list(args.paths)
    if not paths and config.include:
        paths = _included(config)
    if not paths:
        raise UsageError("no input: give files, directories, or - for standard input")
    honour_ignore = not getattr(args, "no_ignore", False)
    if config.exclude:
        found = discover(paths, honour_ignore=honour_ignore)
        paths = [p for p in found if p == "-" or not config.excluded(p)]
    return load_documents(
        paths, date_override=args.date, stdin=sys.stdin, default_date=config.date, honour_ignore=honour_ignore
    )


def _included(config: Config) -> list[str]:
    found: set[Path] = set()
    for pattern in config.include:
        found.update(p for p in config.root.glob(pattern) if p.is_file())
    return [os.path.relpath(p) for p in sorted(found)]


def run(args: argparse.Namespace, color: bool) -> int:
    from factcheck.ci import baseline, suppressions
    from factcheck.cli.config import FORMATS
    from factcheck.cli.outputs import extra_outputs
    from factcheck.reporters import ReportOptions

    config = config_of(args)
    extras = extra_outputs(args.extra_outputs, FORMATS)
    pack, rules, engine = build_engine(args, config)
    results = list(engine.check_all(documents(args, config), jobs=args.jobs))
    audit = suppressions.apply(results, {rule.id for rule in pack.rules})
    if args.list_suppressions:
        return _list_suppressions(audit, args, results)
    if args.write_baseline:
        count = baseline.write_baseline(results, args.write_baseline)
        print(f"factcheck: wrote {count} findings to the baseline {args.write_baseline}", file=sys.stderr)
        return EXIT_USAGE if _nothing_read(results) else EXIT_OK
    if args.baseline:
        baseline.filter_new(results, baseline.read_baseline(args.baseline))
    report_run = RunResult(results, [rule.info for rule in rules] + suppressions.rule_infos(results))
    min_confidence = min_confidence_of(args, config)
    options = ReportOptions(color=color, min_confidence=min_confidence)
    write_reports(args, report_run, args.format or config.format or "text", options, extras)
    if any(is_internal(finding) for finding in report_run.findings()):
        return EXIT_INTERNAL
    if _nothing_read(results):
        return EXIT_USAGE
    return exit_code(report_run, args.fail_on or config.fail_on or "error", min_confidence)


def min_confidence_of(args: argparse.Namespace, config: Config) -> Confidence:
    """``--min-confidence``, else the configuration's ``min-confidence``, else medium."""
    chosen = getattr(args, "min_confidence", None) or config.min_confidence
    return Confidence(chosen) if chosen else DEFAULT_MIN_CONFIDENCE


def write_reports(
    args: argparse.Namespace, run: RunResult, format: str, options: ReportOptions,
    extras: list[tuple[str, str]],
) -> None:
    """The main report (or the statistics) to ``--output`` or stdout, then each extra output."""
    from factcheck.cli.outputs import statistics, terminal_width
    from factcheck.reporters import render

    if args.statistics:
        report = statistics(run, as_json=format == "json")
    else:
        width = terminal_width(args.output is not None)
        report = render(format, run, dataclasses.replace(options, width=width))
    if not (args.quiet and not any(options.shown(f) for f in run.findings())):
        write(report, args.output)
    for name, path in extras:
        write(render(name, run, dataclasses.replace(options, color=False)), path)


def _nothing_read(results: list[DocumentResult]) -> bool:
    return bool(results) and all(r.document is None for r in results)


def _list_suppressions(audit, args: argparse.Namespace, results: list[DocumentResult]) -> int:
    from factcheck.ci.suppressions import BAD_SUPPRESSION, listing, listing_json

    bad = [f.message for r in results for f in r.findings if f.rule == BAD_SUPPRESSION]
    if args.format == "json":
        write(json.dumps({"suppressions": listing_json(audit), "bad": bad}, indent=2) + "\n", args.output)
    else:
        write(listing(audit) + "".join(f"bad suppression: {m}\n" for m in bad), args.output)
    return EXIT_USAGE if _nothing_read(results) else EXIT_OK


def exit_code(run: RunResult, fail_on: str, min_confidence: Confidence = DEFAULT_MIN_CONFIDENCE) -> int:
    """1 when a finding reaches both thresholds: severity ``fail_on`` and ``min_confidence``."""
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    failing = (f for f in run.findings()
               if f.severity.rank >= threshold and f.confidence.rank >= min_confidence.rank)
    return EXIT_FINDINGS if any(failing) else EXIT_OK


def write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
