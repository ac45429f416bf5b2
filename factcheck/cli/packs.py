"""The rule packs a command checks: the ones the configuration names and the command line adds,
loaded into one pack, and its rules with the configuration's overrides (severity, disabled rules).

``run``, ``test``, ``check-rules`` and the corpus workers' engine recipe all start here, so each
checks exactly the rules the others run.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from factcheck.cli.config import Config
from factcheck.errors import ConfigError, did_you_mean
from factcheck.findings import Severity
from factcheck.rules.model import Rule
from factcheck.rules.pack import Pack


def configured_packs(config: Config) -> list[Path]:
    """The packs the configuration names: the default pack (unless turned off), then its ``rules``.
    ``run``, ``test`` and ``check-rules`` all check these, so CI tests the rules it runs."""
    from factcheck.startup.resources import rules_dir

    return [*([rules_dir()] if config.default_pack else []), *config.rules]


def load_pack(config: Config, extra: list[str]) -> Pack:
    from factcheck.rules.loader import load_packs

    return load_packs([*configured_packs(config), *(Path(p) for p in extra)])


def configured_rules(pack: Pack, config: Config) -> list[Rule]:
    """The pack's rules with the configuration's severity overrides applied and disabled rules left out."""
    known = {rule.id for rule in pack.rules}
    for rule_id in [*config.severity, *config.disable]:
        if rule_id not in known:
            hint = did_you_mean(rule_id, known, "loaded rules")
            raise ConfigError(f"{config.path}: unknown rule id {rule_id!r} in the configuration", hint=hint)
    disabled = config.disabled()
    rules = []
    for rule in pack.rules:
        if rule.id in disabled:
            continue
        level = config.severity.get(rule.id)
        if level is not None:
            rule = dataclasses.replace(rule, info=dataclasses.replace(rule.info, severity=Severity(level)))
        rules.append(rule)
    return rules
