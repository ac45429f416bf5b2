"""Baselines: ``--write-baseline FILE`` records today's findings, ``--baseline FILE`` reports only new
ones. Findings are matched by path, rule and fingerprint (:mod:`factcheck.ci.fingerprints`: the rule,
the flagged text and its line's text, never line numbers), counted so that a second identical
finding is still new. Findings of factcheck itself (``factcheck/...``) are never baselined.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePath

from factcheck.ci.fingerprints import finding_fingerprint
from factcheck.engine.results import DocumentResult
from factcheck.errors import ConfigError
from factcheck.findings import Finding

VERSION = 1
Key = tuple[str, str, str]


def _path(result: DocumentResult) -> str:
    return PurePath(result.path).as_posix()


def _keys(result: DocumentResult) -> Iterable[tuple[Key, Finding]]:
    for finding in result.findings:
        if not finding.rule.startswith("factcheck/"):
            yield (_path(result), finding.rule, finding_fingerprint(finding, result.document)), finding


def write_baseline(results: Iterable[DocumentResult], target: str) -> int:
    """Write the baseline of ``results`` to ``target``; returns the number of findings recorded."""
    rows = []
    for result in results:
        for (path, rule, print_), finding in _keys(result):
            excerpt = ""
            if result.document is not None and finding.span is not None:
                span = result.document.original_span(finding.span)
                excerpt = result.document.original[span.start : span.end]
            rows.append({"path": path, "rule": rule, "fingerprint": print_, "excerpt": excerpt})
    data = {"version": VERSION, "tool": "factcheck", "findings": rows}
    try:
        Path(target).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write baseline {target}: {exc.strerror}") from None
    return len(rows)


def read_baseline(source: str) -> Counter[Key]:
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read baseline {source}: {exc.strerror}") from None
    except ValueError as exc:
        raise ConfigError(f"baseline {source} is not JSON: {exc}") from None
    valid = isinstance(data, dict) and data.get("version") == VERSION
    if not valid or not isinstance(data.get("findings"), list):
        raise ConfigError(f"baseline {source} is not a factcheck baseline (version {VERSION})")
    try:
        return Counter((row["path"], row["rule"], row["fingerprint"]) for row in data["findings"])
    except (TypeError, KeyError) as exc:
        raise ConfigError(f"baseline {source}: a finding lacks {exc}") from None


def filter_new(results: Iterable[DocumentResult], remaining: Counter[Key]) -> int:
    """Drop findings the baseline knows (in place); returns how many were dropped. ``remaining`` is
    consumed, so a stream of results can be filtered one at a time against one baseline."""
    dropped = 0
    for result in results:
        keep = [f for f in result.findings if f.rule.startswith("factcheck/")]
        for key, finding in _keys(result):
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                keep.append(finding)
        keep.sort(key=lambda f: (f.span.start if f.span else -1, f.rule))
        result.findings = keep
    return dropped
