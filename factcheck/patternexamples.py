"""The examples and negatives of pattern files, run by ``factcheck test`` like rule examples.

A pattern file's ``examples`` list texts with the claims of its kind they must yield (each by its
exact text, and by any string field given: a word it captured, or the text of a claim it holds);
``negatives`` list texts that must yield none. Values of other types are checked by the project's
own test suite for the default pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def check_pattern_examples(pack_dirs: list[Path]) -> tuple[int, list[str]]:
    """Run the examples of every pattern file in the packs' ``patterns/`` folders."""
    from factcheck.claims import extract_claims
    from factcheck.claims.patterns import PATTERNS_DIR, pattern_files
    from factcheck.yamlsource import load_plain

    count, problems = 0, []
    for directory in pack_dirs:
        for path in pattern_files(directory / PATTERNS_DIR):
            data = load_plain(path)
            kind = data["kind"]
            cases = [(e["text"], e.get("claims", [])) for e in data.get("examples", [])]
            cases += [(text, []) for text in data.get("negatives", [])]
            for text, expected in cases:
                count += 1
                found = extract_claims(text).of_kind(kind)
                problem = _compare(found, expected)
                if problem:
                    problems.append(f"{path}: pattern example {text!r}: {problem}")
    return count, problems


def _compare(found: list[Any], expected: list[dict[str, Any]]) -> str | None:
    texts = [claim.text for claim in found]
    wanted = [item["text"] for item in expected]
    if texts != wanted:
        return f"expected claims {wanted}, found {texts}"
    for claim, item in zip(found, expected, strict=True):
        for key, value in item.items():
            actual = claim[key]
            actual = actual.text if hasattr(actual, "span") else actual  # a part: compare its text
            if key != "text" and isinstance(value, str) and isinstance(actual, str) and actual != value:
                return f"{claim.text!r}: expected {key} {value!r}, found {actual!r}"
    return None
