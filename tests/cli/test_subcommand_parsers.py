"""A command builds only its own sub-command's options; what it parses and the help every command
shows are those of the whole parser."""

from __future__ import annotations

import pytest

from factcheck.cli.main import _COMMANDS, _command_in, _parser


def _sub_parsers(parser):
    (action,) = [a for a in parser._actions if a.dest == "command"]
    return action.choices


@pytest.mark.parametrize("argv", [
    ["run", "a.md", "--format", "json", "-j", "2", "--select", "arithmetic", "--fail-on", "warning"],
    ["--no-cache", "run", "-", "--date", "2025-10-16", "--rules", "pack/", "--quiet"],
    ["claims", "a.md", "--format", "json"],
    ["test", "rules/", "--syntax-only"],
    ["check-rules", "rules/a.yaml"],
    ["rules", "--doc", "change-percent-matches-endpoints"],
    ["facts", "query", "Vladimir Putin", "--db", "facts.db", "--date", "2025-01-01"],
    ["explain", "a-rule", "a.md"],
    ["completion", "bash"],
])
def test_a_command_parses_as_the_whole_parser_does(argv: list[str]) -> None:
    command = _command_in(argv)
    assert command == next(arg for arg in argv if not arg.startswith("-"))
    assert vars(_parser(command).parse_args(argv)) == vars(_parser().parse_args(argv))


def test_only_the_chosen_command_gets_its_options() -> None:
    built = _sub_parsers(_parser("run"))
    assert list(built) == list(_COMMANDS)  # every command is still listed
    assert "--format" in built["run"]._option_string_actions
    assert "--format" not in built["claims"]._option_string_actions


def test_the_help_is_the_whole_parsers() -> None:
    whole = _parser()
    assert _parser("run").format_help() == whole.format_help()
    for name, parser in _sub_parsers(whole).items():
        assert _sub_parsers(_parser(name))[name].format_help() == parser.format_help(), name


@pytest.mark.parametrize("argv", [[], ["--help"], ["-V"], ["rn", "a.md"], ["--no-cache"]])
def test_no_known_command_builds_the_whole_parser(argv: list[str]) -> None:
    assert _command_in(argv) is None
