"""ANSI styling for the text format, and the display width of source text for caret alignment."""

from __future__ import annotations

import unicodedata

from factcheck.findings import Severity

RESET = "\x1b[0m"
STYLES = {
    "bold": "\x1b[1m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "gutter": "\x1b[1;34m",
    "dim": "\x1b[2m",
}
TAB = "    "


class Painter:
    """Wraps text in ANSI codes when colour is on; the identity when it is off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        return f"{STYLES[style]}{text}{RESET}"

    def severity(self, text: str, severity: Severity) -> str:
        return self(text, severity.value)


def display(text: str) -> str:
    """Source text as printed: tabs expanded to four spaces."""
    return text.replace("\t", TAB)


def width(text: str) -> int:
    """Terminal columns ``text`` takes: wide East Asian characters count 2, combining marks 0."""
    total = 0
    for char in text:
        if char == "\t":
            total += len(TAB)
        elif unicodedata.combining(char):
            continue
        else:
            total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total
