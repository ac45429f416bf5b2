"""Wheel build hook: the default rule pack travels as ``factcheck/default_rules/``, and the
``$schema=`` comments in its files are rewritten to point at ``factcheck/schemas/`` from there.

In the source tree a rule file in ``rules/`` reaches the schema as ``../factcheck/schemas/``; once
installed the same file sits in ``factcheck/default_rules/`` and the schema is ``../schemas/``.
Editors that follow the comment (yaml-language-server) then validate the installed files too.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = "rules"
TARGET = "factcheck/default_rules"
_SCHEMA = re.compile(r"(\$schema=(?:\.\./)*)\.\./factcheck/schemas/")


def installed_text(text: str) -> str:
    """A rule or fact file's text with its schema path made relative to the installed pack."""
    return _SCHEMA.sub(r"\1../schemas/", text)


class DefaultRulesHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads rules/ in place (factcheck.startup.resources)
        root = Path(self.root) / SOURCE
        staging = Path(tempfile.mkdtemp(prefix="factcheck-rules-"))
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(root)
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix in (".yaml", ".yml"):
                target.write_text(installed_text(path.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                target.write_bytes(path.read_bytes())
            build_data["force_include"][str(target)] = f"{TARGET}/{relative.as_posix()}"
