"""The Python API: check text, documents and files from code, with the CLI's engine and packs.

    import factcheck

    result = factcheck.check("Revenue rose 30% to $1.05 billion from $840 million.", date="2025-01-01")
    for finding in result.findings:
        print(factcheck.position(result, finding), finding.rule, finding.message)

:func:`check`, :func:`extract` and :func:`check_files` load the rule packs once per distinct
``packs``/``facts`` combination and keep them (a :class:`Checker`); :func:`load` returns the
:class:`Checker` itself for code that wants to hold it. Nothing is read at import time. See
``docs/api.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from factcheck.claims.model import Claim
from factcheck.documents.model import Document, Position
from factcheck.engine.results import DocumentResult
from factcheck.errors import UsageError
from factcheck.findings import Finding

if TYPE_CHECKING:
    from factcheck.engine.runner import Engine

TextFormat = Literal["text", "markdown", "html"]
DateLike = dt.date | str | None
PathLike = str | Path

__all__ = [
    "Checker",
    "DocumentResult",
    "Finding",
    "check",
    "check_files",
    "document",
    "extract",
    "load",
    "position",
]


def _date(value: DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"expected a date like 2025-10-16, not {value!r}") from None


def document(
    text: str, *, format: TextFormat = "text", date: DateLike = None, path: str = "<text>"
) -> Document:
    """``text`` read as plain text, Markdown or HTML (exactly as files of that format are read);
    ``date`` overrides the date the document declares (front matter, HTML metadata)."""
    if format == "markdown":
        from factcheck.documents.markdown import parse_markdown

        doc = parse_markdown(path, text)
    elif format == "html":
        from factcheck.documents.html import parse_html

        doc = parse_html(path, text)
    elif format == "text":
        from factcheck.documents.plaintext import parse_text

        doc = parse_text(path, text)
    else:
        raise UsageError(f"unknown text format {format!r}; expected text, markdown or html")
    override = _date(date)
    if override is not None:
        doc.date = override
    return doc


@dataclass(frozen=True)
class Checker:
    """Loaded rules, facts and extractor, reused across calls (build it with :func:`load`)."""

    engine: Engine
    rule_ids: tuple[str, ...]

    def check(
        self, text: str, *, date: DateLike = None, format: TextFormat = "text", path: str = "<text>"
    ) -> DocumentResult:
        """The findings (and claims, notes, skipped rules) for one text."""
        return self.check_document(document(text, format=format, date=date, path=path))

    def check_document(self, doc: Document) -> DocumentResult:
        return self.engine.check(doc)

    def check_files(
        self, paths: Iterable[PathLike], *, date: DateLike = None, honour_ignore: bool = True
    ) -> list[DocumentResult]:
        """Files and directories as ``factcheck run`` reads them (``.gitignore`` honoured unless
        ``honour_ignore`` is false); an unreadable input is a result with a ``factcheck/input-error``."""
        from factcheck.documents import load_documents

        items = load_documents(
            [str(p) for p in paths], date_override=_date(date), honour_ignore=honour_ignore
        )
        return [self.engine.check_item(item) for item in items]

    def claims(self, text: str, *, date: DateLike = None, format: TextFormat = "text") -> list[Claim]:
        """The claims the extractors find in ``text`` (this checker's pattern kinds included)."""
        return list(self.check(text, date=date, format=format).claims)


def load(
    packs: Sequence[PathLike] = (),
    *,
    facts: Sequence[PathLike] = (),
    default_pack: bool = True,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> Checker:
    """A :class:`Checker` for the default pack (unless ``default_pack`` is false) plus ``packs``,
    with ``facts`` added to the facts the packs ship; ``select``/``ignore`` as on the command line."""
    return _load(tuple(map(str, packs)), tuple(map(str, facts)), default_pack, tuple(select), tuple(ignore))


@functools.lru_cache(maxsize=8)
def _load(
    packs: tuple[str, ...], facts: tuple[str, ...], default_pack: bool, select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> Checker:
    from factcheck.engine.runner import Engine
    from factcheck.facts.loader import load_facts
    from factcheck.rules.loader import load_packs
    from factcheck.rules.selection import Selection
    from factcheck.startup.resources import rules_dir

    pack = load_packs([*([rules_dir()] if default_pack else []), *map(Path, packs)])
    rules = Selection(select, ignore).apply(list(pack.rules))
    engine = Engine(rules, load_facts([*pack.fact_files, *map(Path, facts)]), pack.extractor())
    return Checker(engine, tuple(rule.id for rule in rules))


def check(
    text: str,
    *,
    date: DateLike = None,
    packs: Sequence[PathLike] = (),
    facts: Sequence[PathLike] = (),
    format: TextFormat = "text",
    default_pack: bool = True,
) -> DocumentResult:
    """Check one text against the default pack and ``packs``; ``result.findings`` lists what failed."""
    return load(packs, facts=facts, default_pack=default_pack).check(text, date=date, format=format)


def extract(
    text: str, *, date: DateLike = None, packs: Sequence[PathLike] = (), format: TextFormat = "text"
) -> list[Claim]:
    """The claims found in ``text`` (with the composite kinds ``packs`` declare); named ``extract``
    because ``factcheck.claims`` is the extractors' package."""
    return load(packs).claims(text, date=date, format=format)


def check_files(
    paths: Iterable[PathLike],
    *,
    date: DateLike = None,
    packs: Sequence[PathLike] = (),
    facts: Sequence[PathLike] = (),
    honour_ignore: bool = True,
) -> list[DocumentResult]:
    """Check files and directories, one result per document, in order."""
    return load(packs, facts=facts).check_files(paths, date=date, honour_ignore=honour_ignore)


def position(result: DocumentResult, finding: Finding | Claim) -> Position | None:
    """Where a finding or claim starts in the original text: offset, 1-based line and column."""
    span = finding.span
    if result.document is None or span is None:
        return None
    return result.document.position(result.document.original_span(span).start)
