"""The examples and negatives of pattern files, run by ``factcheck test`` like rule examples.

A pattern file's ``examples`` list texts with the claims of its kind they must yield (each by its
exact text, and by every value and field given, compared as ``factcheck.claims.examples`` does for
the extractors' corpora); ``negatives`` list texts that must yield none. An example whose
``requires`` names a claim kind nobody extracts is skipped.
"""

from __future__ import annotations

from pathlib import Path


def check_pattern_examples(pack_dirs: list[Path]) -> tuple[int, list[str]]:
    """Run the examples of every pattern file in the packs' ``patterns/`` folders."""
    from factcheck.claims import extract_claims
    from factcheck.claims.examples import mismatch
    from factcheck.claims.kinds import CLAIM_KINDS
    from factcheck.claims.patterns import PATTERNS_DIR, pattern_files
    from factcheck.yamlsource import load_plain

    count, problems = 0, []
    for directory in pack_dirs:
        for path in pattern_files(directory / PATTERNS_DIR):
            data = load_plain(path)
            kind = data["kind"]
            cases = [(e["text"], e.get("claims", [])) for e in data.get("examples", [])
                     if all(name in CLAIM_KINDS for name in e.get("requires", []))]
            cases += [(text, []) for text in data.get("negatives", [])]
            for text, expected in cases:
                count += 1
                found = extract_claims(text).of_kind(kind)
                problem = mismatch(found, expected)
                if problem:
                    problems.append(f"{path}: pattern example {text!r}: {problem}")
    return count, problems
