"""The command line's shared vocabulary, declared once: exit codes, report formats, --fail-on levels.

The command line, the configuration file and the command bodies all read these; the formats are the
reporters' names (a test keeps the two lists equal without importing every reporter at start-up).
"""

from __future__ import annotations

EXIT_OK = 0  # nothing at or above --fail-on
EXIT_FINDINGS = 1  # a finding at or above --fail-on, or a failed rule example
EXIT_USAGE = 2  # bad arguments or configuration, a pack that does not load, no input could be read
EXIT_INTERNAL = 3  # factcheck itself failed (a crash); what was already found is still written
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells say); the documents finished are written
FORMATS = ("text", "concise", "json", "jsonl", "sarif", "junit", "github", "html")
FAIL_ON = ("error", "warning", "info", "never")
