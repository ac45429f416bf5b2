"""The `factcheck` command line: run, claims, test, rules, explain.

Exit codes (DESIGN §5): 0 nothing at or above --fail-on; 1 something is; 2 usage or configuration
errors, a rule pack that does not load, or no input that could be read. Heavy modules are imported
inside the commands so `factcheck --help` and a one-article run start fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import __version__
from factcheck.errors import FactcheckError, UsageError

if TYPE_CHECKING:
    from factcheck.engine.results import RunResult
    from factcheck.rules.loader import RulePack

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "sarif", "junit", "github", "html")
FAIL_ON = ("error", "warning", "info", "never")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.handler(args)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `factcheck claims | head`
        return EXIT_OK


# -- arguments -------------------------------------------------------------------------------------
def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2025-10-16, not {text!r}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="Check the facts and numbers in prose.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="check documents against the rules")
    _input_args(run)
    _pack_args(run)
    run.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    run.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    run.add_argument("--fail-on", choices=FAIL_ON, default="error", help="lowest severity that exits 1")
    run.add_argument("--quiet", "-q", action="store_true", help="print nothing when there are no findings")
    run.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N", help="check N documents at a time")
    run.set_defaults(handler=_run)

    claims = sub.add_parser("claims", help="list the claims the extractors find")
    _input_args(claims)
    claims.add_argument("--format", choices=("table", "json", "html"), default="table")
    claims.set_defaults(handler=_claims)

    test = sub.add_parser("test", help="run the examples of rules; exit 1 if one fails")
    test.add_argument("rule_paths", nargs="*", metavar="RULE_PATH", help="rule files or packs (default pack)")
    test.set_defaults(handler=_test)

    rules = sub.add_parser("rules", help="list the loaded rules")
    _pack_args(rules)
    rules.add_argument("--format", choices=("table", "json"), default="table")
    rules.set_defaults(handler=_rules)
    return parser


def _input_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    parser.add_argument("--date", type=_date, help="the document date (YYYY-MM-DD), overriding metadata")


def _pack_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", default=[], metavar="PATH", help="add a rule pack")
    parser.add_argument("--facts", action="append", default=[], metavar="PATH", help="add a fact file")


# -- commands --------------------------------------------------------------------------------------
def _load_pack(extra: list[str]) -> RulePack:
    from factcheck.resources import rules_dir
    from factcheck.rules.loader import load_packs

    return load_packs([rules_dir(), *(Path(p) for p in extra)])


def _engine(args: argparse.Namespace):
    from factcheck.engine.runner import Engine
    from factcheck.facts.loader import fact_files_in, load_fact_files

    pack = _load_pack(args.rules)
    fact_files = list(pack.fact_files)
    for path in map(Path, args.facts):
        fact_files.extend(fact_files_in(path) if path.is_dir() else [path])
    return pack, Engine(pack.rules, load_fact_files(fact_files))


def _documents(args: argparse.Namespace):
    from factcheck.documents import load_documents

    if not args.paths:
        raise UsageError("no input: give files, directories, or - for standard input")
    return load_documents(args.paths, date_override=args.date, stdin=sys.stdin)


def _run(args: argparse.Namespace) -> int:
    from factcheck.engine.results import RunResult
    from factcheck.reporters import ReportOptions, render

    pack, engine = _engine(args)
    results = list(engine.check_all(_documents(args), jobs=args.jobs))
    run = RunResult(results, [rule.info for rule in pack.rules])
    report = render(args.format, run, ReportOptions(color=_color(args)))
    if not (args.quiet and not run.findings()):
        _write(report, args.output)
    if results and all(r.document is None for r in results):
        return EXIT_USAGE
    return _exit_code(run, args.fail_on)


def _exit_code(run: RunResult, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    from factcheck.findings import Severity

    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in run.findings()) else EXIT_OK


def _claims(args: argparse.Namespace) -> int:
    from factcheck.claims import extract_claims
    from factcheck.documents import InputFailure
    from factcheck.reporters import render_claims

    found, failed = [], 0
    for item in _documents(args):
        if isinstance(item, InputFailure):
            print(f"factcheck: {item.error}", file=sys.stderr)
            failed += 1
        else:
            found.append((item, extract_claims(item.text)))
    _write(render_claims(args.format, found), None)
    return EXIT_USAGE if failed and not found else EXIT_OK


def _test(args: argparse.Namespace) -> int:
    from factcheck.facts.loader import load_fact_files
    from factcheck.resources import rules_dir
    from factcheck.rules.loader import load_packs
    from factcheck.ruletest import run_examples

    pack = load_packs([Path(p) for p in args.rule_paths] or [rules_dir()])
    facts = load_fact_files(pack.fact_files or load_packs([rules_dir()]).fact_files)
    count, failures = run_examples(pack.rules, facts)
    for failure in failures:
        print(failure)
    print(f"{count - len(failures)} passed, {len(failures)} failed")
    return EXIT_FINDINGS if failures else EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    import json

    pack = _load_pack(args.rules)
    if args.format == "json":
        rows = [
            {"id": r.id, "title": r.info.title, "severity": r.severity.value, "tags": list(r.info.tags),
             "path": r.info.path, "examples": len(r.examples)}
            for r in pack.rules
        ]
        _write(json.dumps({"rules": rows}, indent=2) + "\n", None)
    else:
        width = max((len(r.id) for r in pack.rules), default=2)
        lines = [f"{r.id:<{width}}  {r.severity.value:<7}  {r.info.title}" for r in pack.rules]
        _write("\n".join(lines) + "\n", None)
    return EXIT_OK


# -- output ----------------------------------------------------------------------------------------
def _color(args: argparse.Namespace) -> bool:
    return args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None


if __name__ == "__main__":
    sys.exit(main())
