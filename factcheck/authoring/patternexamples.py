"""The examples and negatives of pattern files, run by ``factcheck test`` like rule examples.

A pattern file's ``examples`` list texts with the claims of its kind they must yield (each by its
exact text, and by every value and field given, compared as ``factcheck.claims.examples`` does for
the extractors' corpora); ``negatives`` list texts that must yield none. An example whose
``requires`` names a claim kind the pack does not know is skipped.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.claims.extract import Extractor
from factcheck.rules.pack import Pack


def check_pattern_examples(pack: Pack, extractor: Extractor) -> tuple[int, list[str]]:
    """Run the examples of the pattern files of the pack's own directories (not the default pack's
    unless it was given), extracting with the pack's ``extractor``."""
    from factcheck.claims.examples import mismatch
    from factcheck.claims.patterns import PATTERNS_DIR
    from factcheck.yamlsource import load_plain

    directories = {(path / PATTERNS_DIR).resolve() for path in pack.sources if path.is_dir()}
    count, problems = 0, []
    for kind in pack.patterns:
        path = Path(kind.path)
        if path.resolve().parent not in directories:
            continue
        data = load_plain(path)
        cases = [(e["text"], e.get("claims", [])) for e in data.get("examples", [])
                 if all(name in pack.kinds for name in e.get("requires", []))]
        cases += [(text, []) for text in data.get("negatives", [])]
        for text, expected in cases:
            count += 1
            problem = mismatch(extractor.extract(text).of_kind(kind.kind.name), expected)
            if problem:
                problems.append(f"{path}: pattern example {text!r}: {problem}")
    return count, problems
