"""Argument parsing conventions: no silent abbreviations, and a "did you mean" for every typo.

argparse accepts any unambiguous prefix of a long option by default (``--form`` for ``--format``),
which turns a typo into a different, silently accepted option once a new option shares the prefix.
Options must be spelled out here (``allow_abbrev=False``), and an unknown option, command or choice
gets the closest known spelling as a hint, as git and ruff do.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from factcheck.errors import closest
from factcheck.exitcodes import EXIT_USAGE

_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` (and its sub-command parsers) with the conventions above."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            parser = self._command_parser(namespace)
            hint = parser._hint(extras[0]) if extras[0].startswith("-") else None
            suggestion = f"; did you mean {hint}?" if hint else ""
            parser.error(f"unrecognized arguments: {' '.join(extras)}{suggestion}")
        return namespace

    def error(self, message: str) -> NoReturn:
        choice = _CHOICE.search(message)
        if choice:
            options = [option.strip().strip("'") for option in choice.group(2).split(",")]
            hint = closest(choice.group(1), options)
            if hint:
                message += f"; did you mean {hint!r}?"
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def _hint(self, unknown: str) -> str | None:
        name = unknown.split("=", 1)[0]
        return closest(name, [option for option in self._option_string_actions if option.startswith("--")])

    def _command_parser(self, namespace: argparse.Namespace) -> Parser:
        """The sub-command's parser when one was chosen (its options are the candidates)."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = getattr(namespace, action.dest or "", None)
                parser = action.choices.get(chosen) if chosen else None
                if isinstance(parser, Parser):
                    return parser
        return self
