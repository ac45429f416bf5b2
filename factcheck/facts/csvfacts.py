"""Loading reference facts from CSV files: one entity (or one period) per row, with positions.

The header names the columns. A file with ``id, type, name`` columns holds entities; optional
columns are ``aliases`` and ``demonyms`` (``|``-separated), ``born``, ``country``, ``code``, ``role``,
``of``, ``start``, ``end``, ``source``, ``recorded``. Rows sharing an ``id`` describe one entity, each
adding a role (``role`` held ``of`` a country from ``start`` to ``end``). A file with ``id, name,
start`` columns and no ``type`` holds periods (``end``, ``aliases``, ``source``, ``recorded``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from factcheck.errors import FactLoadError, SourceLocation
from factcheck.facts.memory import MemoryFactBase
from factcheck.facts.model import Attribute, Entity, Period, Source

ENTITY_COLUMNS = {"id", "type", "name", "aliases", "demonyms", "born", "country", "code", "role", "of",
                  "start", "end", "source", "recorded"}
PERIOD_COLUMNS = {"id", "name", "start", "end", "aliases", "source", "recorded"}


class _Row:
    """One CSV row, failing with ``path:line:col`` and the line under a caret."""

    def __init__(self, path: str, lines: list[str], number: int, cells: dict[str, str]):
        self.path, self.lines, self.number, self.cells = path, lines, number, cells

    def fail(self, column: str, message: str) -> FactLoadError:
        line = self.lines[self.number - 1] if self.number <= len(self.lines) else ""
        value = self.cells.get(column, "")
        col = line.find(value) + 1 if value and value in line else 1
        return FactLoadError(message, SourceLocation(self.path, self.number, col, line, max(1, len(value))))

    def get(self, column: str) -> str | None:
        value = (self.cells.get(column) or "").strip()
        return value or None

    def need(self, column: str) -> str:
        value = self.get(column)
        if value is None:
            raise self.fail(column, f"missing value in column {column!r}")
        return value

    def date(self, column: str) -> dt.date | None:
        value = self.get(column)
        try:
            return None if value is None else dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(column, f"expected a date like 2025-10-16, found {value!r}") from None

    def names(self, column: str) -> tuple[str, ...]:
        return tuple(n.strip() for n in (self.get(column) or "").split("|") if n.strip())

    def source(self) -> Source | None:
        citation = self.get("source")
        return Source(citation, self.date("recorded")) if citation else None


def load_csv_text(path: str, text: str, facts: MemoryFactBase) -> MemoryFactBase:
    lines = text.splitlines()
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or ())
    is_entity = {"id", "type", "name"} <= header
    allowed = ENTITY_COLUMNS if is_entity else PERIOD_COLUMNS
    if not is_entity and not {"id", "name", "start"} <= header:
        raise FactLoadError("a CSV fact file needs columns id, type, name (entities) or id, name, start "
                            "(periods)", SourceLocation(path, 1, 1, lines[0] if lines else ""))
    unknown = sorted(header - allowed)
    if unknown:
        where = SourceLocation(path, 1, lines[0].find(unknown[0]) + 1, lines[0], len(unknown[0]))
        raise FactLoadError(f"unknown column {unknown[0]!r}", where)
    rows = [_Row(path, lines, reader.line_num, cells) for cells in reader]
    items = _entities(rows) if is_entity else [_period(row) for row in rows]
    for row, item in items:
        try:
            facts.add([item])
        except ValueError as exc:
            raise row.fail("id", str(exc)) from None
    return facts


def _entities(rows: list[_Row]) -> list:
    grouped: dict[str, list[_Row]] = {}
    for row in rows:
        grouped.setdefault(row.need("id"), []).append(row)
    return [(group[0], _entity(group)) for group in grouped.values()]


def _entity(rows: list[_Row]) -> Entity:
    first = rows[0]
    source = first.source()
    attributes: list[Attribute] = []
    born = first.date("born")
    if born is not None:
        attributes.append(Attribute("born", born, source=source))
    for column in ("country", "code"):
        if first.get(column):
            attributes.append(Attribute(column, first.need(column), source=source))
    attributes.extend(Attribute("demonym", d, source=source) for d in first.names("demonyms"))
    for row in rows:
        if row.get("role"):
            start, end = row.date("start"), row.date("end")
            if start and end and end < start:
                raise row.fail("end", f"ends ({end}) before it starts ({start})")
            attributes.append(Attribute("role", row.need("role"), start, end, row.get("of"),
                                        row.source() or source))
    return Entity(first.need("id"), first.need("type"), first.need("name"), first.names("aliases"), source,
                  tuple(attributes))


def _period(row: _Row) -> tuple[_Row, Period]:
    start, end = row.date("start"), row.date("end")
    if start is None:
        raise row.fail("start", "missing value in column 'start'")
    if end is not None and end < start:
        raise row.fail("end", f"period ends ({end}) before it starts ({start})")
    return row, Period(row.need("id"), row.need("name"), start, end, row.names("aliases"), row.source())
