"""The `factcheck` command line: run, claims, test, check-rules, rules, explain (a thin dispatcher;
the command bodies live in `factcheck.cli.commands`, `ruletest`, `ruledocs` and `explain`).

Exit codes (DESIGN §5): 0 nothing at or above --fail-on (with confidence at or above
--min-confidence); 1 something is; 2 usage or configuration errors, a rule pack that does not load,
or no input that could be read; 3 an internal error (a bug in factcheck), also when it hit only one
document and the others were reported; 130 interrupted (Ctrl-C), with what was finished written.
Heavy modules are imported
inside the commands so `factcheck --help` and a one-article run start fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from factcheck import __version__
from factcheck.cli import outputs
from factcheck.cli.options import FAIL_ON, FORMATS
from factcheck.cli.parsing import Parser
from factcheck.errors import FactcheckError, UsageError, did_you_mean
from factcheck.exitcodes import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from factcheck.limits import DEFAULT_TIMEOUT
from factcheck.rules import selection
from factcheck.startup import collection

CONFIDENCES = ("high", "medium", "low")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(_command_in(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    if args.handler is not _run:  # `run` resumes the collector itself, once its engine is built
        collection.resume()
    if args.no_cache:  # read by the runtime cache, and by worker processes, which inherit it
        from factcheck.startup.cache import DISABLE

        os.environ[DISABLE] = "1"
    try:
        return args.handler(args)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `factcheck claims | head`
        return EXIT_OK
    except KeyboardInterrupt:  # before or after the checking loop, which handles its own
        print("factcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except RecursionError:
        print("factcheck: error: input nested too deeply to read", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line, where, and the exit code that says so
        return _internal_error(exc)


def _internal_error(exc: Exception) -> int:
    import traceback

    frame = traceback.extract_tb(exc.__traceback__)[-1]
    print(f"factcheck: internal error: {type(exc).__name__}: {exc} (at {Path(frame.filename).name}:"
          f"{frame.lineno}); this is a bug in factcheck, please report it", file=sys.stderr)
    if os.environ.get("FACTCHECK_TRACEBACK"):
        traceback.print_exception(exc, file=sys.stderr)
    return EXIT_INTERNAL


# -- arguments -------------------------------------------------------------------------------------
def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2025-10-16, not {text!r}") from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < 10**6:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"expected a number of seconds (0 for no limit), not {text!r}")
    return value


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {text!r}")
    return int(text)


EPILOG = """\
examples:
  factcheck run article.md                      check one article with the default rules
  factcheck run docs/ --format concise          one line per finding, for editors and grep
  factcheck run docs/ --output-format sarif=factcheck.sarif
                                                terminal report and a SARIF file from one run
  factcheck run - --date 2025-10-16 < draft.txt check standard input as of a date
  factcheck run docs/ --select arithmetic --ignore shares-within-whole
  factcheck claims article.md                   list the claims the extractors find
  factcheck test                                run the configured packs' rule examples
  factcheck explain change-percent-matches-endpoints article.md

exit codes:
  0  nothing at or above --fail-on (default: error)
  1  a finding at or above --fail-on, or a failing rule test
  2  usage or configuration error, a rule pack that does not load, or no readable input
  3  internal error (a bug in factcheck; the report of the other documents is still written)
  130  interrupted (Ctrl-C); the documents finished are written
"""


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``command``, only that sub-command's (what parses a command
    line naming it, and prints its help and errors): a run builds one of the nine."""
    parser = Parser(
        prog="factcheck", description="Check the facts and numbers in prose.", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=f"factcheck {__version__}")
    _cache_arg(parser, default=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (summary, add) in _COMMANDS.items():
        if command is None or command == name:
            add(sub, name, summary)
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The sub-command ``argv`` names (the first word not an option: the top-level options take no
    value), or None when it names none known, so that the whole parser reports it."""
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    return command if command in _COMMANDS else None


def _add_run(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    run = sub.add_parser(name, help=summary, epilog=EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    _input_args(run)
    _pack_args(run)
    selection.add_arguments(run)
    run.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    outputs.add_arguments(run, FORMATS)
    run.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    run.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that exits 1 (default: error)")
    run.add_argument("--min-confidence", choices=CONFIDENCES,
                     help="lowest confidence that exits 1 and that the text format shows (default: medium)")
    run.add_argument("--quiet", "-q", action="store_true",
                     help="print nothing when no finding reaches --min-confidence")
    run.add_argument("-j", "--jobs", type=_positive, metavar="N",
                     help="worker processes (default: one per core for a corpus, none for a few documents)")
    run.add_argument("--unordered", action="store_true",
                     help="report documents as they finish rather than in input order")
    run.add_argument("--resume", metavar="FILE",
                     help="continue the JSONL report FILE: check only the documents it lacks, append them")
    run.add_argument("--dask", metavar="ADDRESS",
                     help="check on the Dask scheduler at ADDRESS (host:port), or 'local' to start one here")
    run.add_argument("--show-notes", action="store_true",
                     help="list every document's notes (a large run prints a summary of them)")
    run.add_argument("--html-text", choices=("auto", "always", "never"), default="auto",
                     help="include each document's text, claims highlighted, in the HTML report "
                          "(default: auto, for up to 20 documents)")
    run.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help=f"time limit per document, 0 for none (default: {DEFAULT_TIMEOUT:g})")
    run.add_argument("--baseline", metavar="FILE", help="report only findings not in the baseline FILE")
    run.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE; exit 0")
    run.add_argument("--list-suppressions", action="store_true", help="list the suppressions and their use")
    run.set_defaults(handler=_run)


def _add_claims(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    claims = sub.add_parser(name, help=summary)
    _input_args(claims)
    claims.add_argument("--format", choices=("table", "json", "html"), default="table")
    claims.add_argument("--rules", action="append", default=[], metavar="PATH",
                        help="also extract the composite kinds declared in this pack's patterns/ folder")
    claims.set_defaults(handler=_claims)


def _add_test(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    test = sub.add_parser(name, help=summary)
    test.add_argument("rule_paths", nargs="*", metavar="PATH",
                      help="rule packs or annotated documents (default: the configured packs)")
    test.add_argument("--config", metavar="FILE", help="factcheck.yaml or pyproject.toml to use")
    test.add_argument("--syntax-only", action="store_true", help="only check that the rules load")
    test.set_defaults(handler=_test)


def _add_check_rules(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    check = sub.add_parser(name, help=summary)
    check.add_argument("rule_paths", nargs="*", metavar="PATH",
                       help="rule files or packs (default: the configured packs)")
    check.add_argument("--config", metavar="FILE", help="factcheck.yaml or pyproject.toml to use")
    check.set_defaults(handler=_check_rules)


def _add_rules(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    rules = sub.add_parser(name, help=summary)
    _pack_args(rules)
    rules.add_argument("--format", choices=("table", "json"), default="table",
                       help="table (with --doc: text) or json")
    shown = rules.add_mutually_exclusive_group()
    shown.add_argument("--doc", nargs="?", const="", metavar="RULE",
                       help="show the documentation of RULE (of every loaded rule when none is named)")
    shown.add_argument("--write-docs", nargs="?", const="docs/rules", metavar="DIR",
                       help="write Markdown documentation of each rule to DIR (default: docs/rules)")
    rules.set_defaults(handler=_rules)


def _add_facts(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    from factcheck.facts.cli import add_facts_command

    add_facts_command(sub, name, summary)


def _add_explain(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    explain = sub.add_parser(name, help=summary)
    explain.add_argument("rule_id", metavar="RULE_ID")
    _input_args(explain)
    _pack_args(explain)
    explain.set_defaults(handler=_explain)


def _add_server(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    server = sub.add_parser(
        name, help=summary,
        description="A Language Server Protocol server over stdio: diagnostics, hovers and quick fixes "
        "in the editor (docs/editors.md).",
    )
    server.set_defaults(handler=_server)


def _add_completion(sub: argparse._SubParsersAction, name: str, summary: str) -> None:
    completion = sub.add_parser(name, help=summary)
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"))
    completion.set_defaults(handler=_completion)


# Each sub-command: its one-line help (what `factcheck --help` lists) and what adds its parser.
_COMMANDS = {
    "run": ("check documents against the rules", _add_run),
    "claims": ("list the claims the extractors find", _add_claims),
    "test": ("run rule examples and annotated documents; exit 1 if one fails", _add_test),
    "check-rules": ("validate rule files (schema and types) without running them", _add_check_rules),
    "rules": ("list the loaded rules, show their documentation, or write it", _add_rules),
    "facts": ("import reference facts into SQLite, or look one up", _add_facts),
    "explain": ("show a rule, and on PATH why it fired or not", _add_explain),
    "server": ("run the language server on stdin/stdout (needs the [lsp] extra)", _add_server),
    "completion": ("print a shell completion script ([completion] extra)", _add_completion),
}


def _cache_arg(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument("--no-cache", action="store_true", default=default,
                        help="neither read nor write the runtime cache (also FACTCHECK_NO_CACHE=1)")


def _input_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    parser.add_argument("--date", type=_date, help="the document date (YYYY-MM-DD), overriding metadata")
    parser.add_argument("--config", metavar="FILE", help="factcheck.yaml or pyproject.toml to use")
    _cache_arg(parser)
    parser.add_argument("--no-ignore", action="store_true",
                        help="also search files that .gitignore files ignore")


def _pack_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", default=[], metavar="PATH", help="add a rule pack")
    parser.add_argument("--facts", action="append", default=[], metavar="PATH", help="add a fact file")


# -- commands --------------------------------------------------------------------------------------
def _run(args: argparse.Namespace) -> int:
    from factcheck.cli.commands import run

    return run(args, color=_color(args))


def _claims(args: argparse.Namespace) -> int:
    from factcheck.claims.extract import Extractor
    from factcheck.claims.patterns import PatternSet
    from factcheck.cli.commands import config_of, documents
    from factcheck.documents import InputFailure
    from factcheck.reporters import render_claims
    from factcheck.rules.loader import load_patterns
    from factcheck.timex import document_claims

    patterns, _ = load_patterns(map(Path, args.rules))
    extractor = Extractor(PatternSet(patterns))
    found, failed = [], 0
    for item in documents(args, config_of(args)):
        if isinstance(item, InputFailure):
            print(f"factcheck: {item.error}", file=sys.stderr)
            failed += 1
        else:
            found.append((item, document_claims(item, extractor)))
    _write(render_claims(args.format, found), None)
    return EXIT_USAGE if failed and not found else EXIT_OK


def _test(args: argparse.Namespace) -> int:
    from factcheck.authoring.ruletest import run_test_command
    from factcheck.cli.commands import config_of
    from factcheck.cli.packs import configured_packs

    paths = args.rule_paths or [str(p) for p in configured_packs(config_of(args))]
    return run_test_command(paths, syntax_only=args.syntax_only)


def _check_rules(args: argparse.Namespace) -> int:
    from factcheck.authoring.validate import check_rules_command
    from factcheck.cli.commands import config_of
    from factcheck.cli.packs import configured_packs

    return check_rules_command(args.rule_paths or [str(p) for p in configured_packs(config_of(args))])


def _completion(args: argparse.Namespace) -> int:
    try:
        import shtab
    except ImportError:
        raise UsageError("shell completion needs shtab: pip install 'factcheck-prose[completion]'") from None
    print(shtab.complete(_parser(), shell=args.shell))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from factcheck.authoring.ruledocs import list_rules, render_rule_docs, write_docs
    from factcheck.cli.commands import config_of
    from factcheck.cli.packs import load_pack

    pack = load_pack(config_of(args), args.rules)
    if args.write_docs is not None:
        written = write_docs(pack.rules, Path(args.write_docs))
        print(f"wrote {len(written)} files to {args.write_docs}", file=sys.stderr)
        return EXIT_OK
    if args.doc is not None:
        rules = pack.rules
        if args.doc:
            rules = [rule for rule in pack.rules if rule.id == args.doc]
            if not rules:
                hint = did_you_mean(args.doc, {rule.id for rule in pack.rules}, "loaded rules")
                raise UsageError(f"no loaded rule has the id {args.doc!r}", hint=hint)
        _write(render_rule_docs(rules, args.format), None)
        return EXIT_OK
    _write(list_rules(pack.rules, args.format), None)
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    from factcheck.authoring.explain import explain
    from factcheck.cli.commands import build_engine, config_of, documents

    config = config_of(args)
    pack, _, engine = build_engine(args, config)
    inputs = documents(args, config) if args.paths else []
    sys.stdout.write(explain(args.rule_id, pack.rules, engine, inputs))
    return EXIT_OK


# -- output ----------------------------------------------------------------------------------------
def _server(args: argparse.Namespace) -> int:
    try:
        from factcheck.server.lsp import serve
    except ImportError as error:
        if error.name not in ("pygls", "lsprotocol"):
            raise
        raise UsageError(
            f"factcheck server needs the language-server extra ({error.name} is missing)",
            hint="pip install 'factcheck[lsp]'",
        ) from None
    return serve()


def _color(args: argparse.Namespace) -> bool:
    """``--color``, ``NO_COLOR``, ``FORCE_COLOR`` and ``TERM`` decide (:mod:`factcheck.cli.outputs`)."""
    return outputs.color_wanted(args.color, args.output is not None)


def _write(text: str, output: str | None) -> None:
    from factcheck.cli.commands import write

    write(text, output)


def run() -> None:
    """The console script: :func:`main`, then a quick exit.

    Tearing down the interpreter (freeing every module, regex and rule) costs a one-article run
    about a tenth of its time; the output is flushed first, so nothing is lost by skipping it. The
    cycle collector is paused while the command starts up (:mod:`factcheck.startup.collection`).
    """
    collection.pause()
    code = main()
    from factcheck.startup.cache import save_all

    save_all()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away (`factcheck claims | head`), or
        pass  # the language server's transport already closed standard output
    os._exit(code)


if __name__ == "__main__":
    run()
