"""The process exit codes, declared once for every command (``run``, ``test``, ``check``, ``facts``).

CI gates on them, so they are an outward contract (docs/design.md): a command body anywhere in the
package returns one of these, never a bare number.
"""

from __future__ import annotations

EXIT_OK = 0  # nothing at or above --fail-on
EXIT_FINDINGS = 1  # a finding at or above --fail-on, a failed rule example, a query that found nothing
EXIT_USAGE = 2  # bad arguments or configuration, a pack that does not load, no input could be read
EXIT_INTERNAL = 3  # factcheck itself failed (a crash); what was already found is still written
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells say); the documents finished are written
