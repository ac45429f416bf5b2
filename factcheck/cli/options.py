"""The command line's shared vocabulary, declared once: report formats and --fail-on levels.

The command line, the configuration file and the command bodies all read these; the formats are the
reporters' names (a test keeps the two lists equal without importing every reporter at start-up). The
exit codes are :mod:`factcheck.exitcodes`, since command bodies outside the command line return them.
"""

from __future__ import annotations

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "junit", "github", "html")
FAIL_ON = ("error", "warning", "info", "never")
