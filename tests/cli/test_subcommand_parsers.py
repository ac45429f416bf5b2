"""A command line builds only the sub-command it names; what it parses, and the help and errors
every command shows, are those of the whole parser."""

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


def test_only_the_chosen_command_is_built() -> None:
    assert list(_sub_parsers(_parser("run"))) == ["run"]
    assert list(_sub_parsers(_parser())) == list(_COMMANDS)


def test_each_commands_help_and_errors_are_the_whole_parsers(capsys: pytest.CaptureFixture[str]) -> None:
    for name, parser in _sub_parsers(_parser()).items():
        alone = _sub_parsers(_parser(name))[name]
        assert alone.prog == parser.prog == f"factcheck {name}"
        assert alone.format_help() == parser.format_help(), name
    mistakes = (["run", "a.md", "--formt", "json"], ["run", "a.md", "--format", "jsn"],
                ["claims", "a.md", "--rule", "x"], ["--bogus", "run", "a"], ["facts", "lookup"])
    for argv in mistakes:
        outputs = []
        for parser in (_parser(_command_in(argv)), _parser()):
            with pytest.raises(SystemExit) as stopped:
                parser.parse_args(argv)
            outputs.append((stopped.value.code, capsys.readouterr().err))
        assert outputs[0] == outputs[1], argv
        assert outputs[0][0] == 2
    assert all("did you mean" in err for err in [_error(argv, capsys) for argv in mistakes[:3]])


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        _parser(_command_in(argv)).parse_args(argv)
    return capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["--help"], ["-V"], ["rn", "a.md"], ["--no-cache"]])
def test_no_known_command_builds_the_whole_parser(argv: list[str]) -> None:
    assert _command_in(argv) is None
