"""Wheel build hook: the default rule pack, and the start-up data generated from the package's files.

* ``rules/`` travels as ``factcheck/default_rules/``, the ``$schema=`` comments in its files
  rewritten to point at ``factcheck/schemas/`` from there. In the source tree a rule file in
  ``rules/`` reaches the schema as ``../factcheck/schemas/``; once installed the same file sits in
  ``factcheck/default_rules/`` and the schema is ``../schemas/``. Editors that follow the comment
  (yaml-language-server) then validate the installed files too.
* ``factcheck/startup/generated/`` is generated (:mod:`factcheck.cli.prebuild`): the default pack's
  compiled pattern kinds, the grammars' parser tables, unit factors, country names and the city
  index, each keyed by the bytes of the installed files it comes from. For an editable install
  (``pip install -e .``) it is written into the source tree instead (git ignores it) and keyed by
  the code as well, since both may change after the build; a stale artefact is then not used.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = "rules"
TARGET = "factcheck/default_rules"
BUILT = "factcheck/startup/generated"
_SCHEMA = re.compile(r"(\$schema=(?:\.\./)*)\.\./factcheck/schemas/")


def installed_text(text: str) -> str:
    """A rule or fact file's text with its schema path made relative to the installed pack."""
    return _SCHEMA.sub(r"\1../schemas/", text)


class DefaultRulesHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root))  # the generators are the package's own code, from this tree
        from factcheck.cli import prebuild

        if version == "editable":  # rules/ is read in place (factcheck.startup.resources)
            prebuild.generate(root / BUILT, editable=True)
            return
        staging = self._stage_rules(root / SOURCE, build_data)

        def installed(path: Path) -> bytes:
            inside = path.resolve().is_relative_to((root / SOURCE).resolve())
            return (staging / path.resolve().relative_to((root / SOURCE).resolve())).read_bytes() \
                if inside else path.read_bytes()

        generated = Path(tempfile.mkdtemp(prefix="factcheck-built-"))
        for path in prebuild.generate(generated, editable=False, read=installed):
            build_data["force_include"][str(path)] = f"{BUILT}/{path.name}"

    @staticmethod
    def _stage_rules(source: Path, build_data: dict) -> Path:
        staging = Path(tempfile.mkdtemp(prefix="factcheck-rules-"))
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            relative = path.relative_to(source)
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix in (".yaml", ".yml"):
                target.write_text(installed_text(path.read_text(encoding="utf-8")), encoding="utf-8")
            else:
                target.write_bytes(path.read_bytes())
            build_data["force_include"][str(target)] = f"{TARGET}/{relative.as_posix()}"
        return staging
