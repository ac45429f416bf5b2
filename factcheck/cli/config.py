"""Project configuration: ``factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Found in the current directory or its nearest parent that has either (``factcheck.yaml`` wins in a
directory that has both), or named with ``--config FILE``. Strict: an unknown key is an error with
``file:line:col`` for YAML and the key path for TOML. Relative paths are relative to the file's
directory. Command-line options override the file. See ``docs/configuration.md``.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from factcheck.cli.options import FAIL_ON, FORMATS
from factcheck.errors import ConfigError, did_you_mean
from factcheck.findings import Severity
from factcheck.yamlsource import Node, compose, read_text

YAML_NAME = "factcheck.yaml"
TOML_NAME = "pyproject.toml"
LIST_KEYS = ("rules", "facts", "disable", "include", "exclude")
CONFIDENCES = ("high", "medium", "low")
KEYS = {*LIST_KEYS, "default-pack", "severity", "date", "fail-on", "min-confidence", "format"}
SEVERITY_VALUES = (*(s.value for s in Severity), "off")


@dataclass(slots=True)
class Config:
    """The project configuration; empty when there is no file."""

    path: Path | None = None
    rules: list[Path] = field(default_factory=list)
    default_pack: bool = True
    facts: list[Path] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule id → error|warning|info|off
    disable: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    date: dt.date | None = None
    fail_on: str | None = None
    min_confidence: str | None = None
    format: str | None = None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def disabled(self) -> set[str]:
        return set(self.disable) | {rule for rule, level in self.severity.items() if level == "off"}

    def excluded(self, path: str) -> bool:
        """Whether ``path`` matches an ``exclude`` glob (relative to the configuration's directory)."""
        return any(matches(path, self.root, pattern) for pattern in self.exclude)


def matches(path: str, root: Path, pattern: str) -> bool:
    """A glob match on the POSIX path relative to ``root`` (or as given); ``**/`` may match nothing."""
    try:
        relative = PurePath(Path(path).resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        relative = PurePath(path).as_posix()
    patterns = {pattern, pattern.replace("**/", "")}
    return any(fnmatch.fnmatchcase(relative, p) for p in patterns)


def find_config(start: Path | None = None) -> Path | None:
    """``factcheck.yaml``, or a ``pyproject.toml`` with ``[tool.factcheck]``, here or in a parent."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / YAML_NAME).is_file():
            return directory / YAML_NAME
        toml = directory / TOML_NAME
        if toml.is_file() and "factcheck" in _toml(toml).get("tool", {}):
            return toml
    return None


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    """The configuration named by ``--config``, else the one found from ``start``, else empty."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"configuration file {explicit} does not exist")
    else:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
    if path.suffix == ".toml":
        table = _toml(path).get("tool", {}).get("factcheck")
        if table is None:
            raise ConfigError(f"{path}: no [tool.factcheck] table")
        return _from_toml(path, table)
    return _from_yaml(path)


# -- YAML ------------------------------------------------------------------------------------------
def _from_yaml(path: Path) -> Config:
    text = read_text(path, ConfigError, "configuration")
    source, root = compose(str(path), text, ConfigError)
    config = Config(path=path)
    if root is None:
        return config
    for key, node in Node(source, root, ConfigError).mapping(set(), KEYS).items():
        _set(config, key, _yaml_value(key, node))
    return config


def _yaml_value(key: str, node: Node) -> Any:
    if key in LIST_KEYS:
        return node.strings()
    if key == "severity":
        return {k: v.choice(SEVERITY_VALUES) for k, v in node.mapping(set(), set(_keys_of(node))).items()}
    if key == "date":
        return node.date()
    if key == "fail-on":
        return node.choice(FAIL_ON)
    if key == "min-confidence":
        return node.choice(CONFIDENCES)
    if key == "format":
        return node.choice(FORMATS)
    value = node.scalar()
    if not isinstance(value, bool):
        raise node.fail(f"expected true or false, found {value!r}")
    return value


def _keys_of(node: Node) -> list[str]:
    if not node.is_mapping():
        raise node.fail(f"expected a mapping of rule ids to severities, found {node.kind()}")
    return [Node(node.source, key, ConfigError).string() for key, _ in node.node.value]


# -- TOML ------------------------------------------------------------------------------------------
def _toml(path: Path) -> dict[str, Any]:
    import tomllib  # only where there is a pyproject.toml to read

    try:
        return tomllib.loads(read_text(path, ConfigError, "configuration"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _from_toml(path: Path, table: dict[str, Any]) -> Config:
    config = Config(path=path)
    for key, value in table.items():
        where = f"{path}: [tool.factcheck] {key}"

        def fail(message: str, hint: str | None = None, where: str = where) -> ConfigError:
            return ConfigError(f"{where}: {message}", hint=hint)

        if key not in KEYS:
            raise fail(f"unknown key {key!r}", did_you_mean(key, KEYS, "allowed keys"))
        _set(config, key, _toml_value(key, value, fail))
    return config


def _toml_value(key: str, value: Any, fail: Any) -> Any:
    expected: dict[str, Any] = {"date": dt.date, "default-pack": bool}
    if key in LIST_KEYS:
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail("expected a string or a list of strings")
        return value
    if key == "severity":
        if not isinstance(value, dict):
            raise fail("expected a table of rule ids to severities")
        for rule, level in value.items():
            if level not in SEVERITY_VALUES:
                raise fail(f"{rule}: expected one of {', '.join(SEVERITY_VALUES)}, found {level!r}")
        return value
    if key in ("fail-on", "min-confidence", "format"):
        options = {"fail-on": FAIL_ON, "min-confidence": CONFIDENCES, "format": FORMATS}[key]
        if value not in options:
            raise fail(f"expected one of {', '.join(options)}, found {value!r}")
        return value
    if not isinstance(value, expected[key]) or isinstance(value, dt.datetime):
        wanted = "a date like 2025-10-16" if key == "date" else "true or false"
        raise fail(f"expected {wanted}, found {value!r}")
    return value


def _set(config: Config, key: str, value: Any) -> None:
    base = config.root
    if key in ("rules", "facts"):
        value = [base / v for v in value]
    setattr(config, key.replace("-", "_"), value)
