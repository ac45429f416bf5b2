"""`factcheck facts import FILE... --db PATH` and `factcheck facts query --db PATH NAME [--date D]`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from factcheck.exitcodes import EXIT_FINDINGS, EXIT_OK


def add_facts_command(subparsers: Any, name: str, summary: str) -> None:
    facts = subparsers.add_parser(name, help=summary)
    sub = facts.add_subparsers(dest="facts_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="import YAML or CSV fact files (or directories) into a database")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--db", required=True, metavar="PATH", help="the SQLite database (created if missing)")
    imp.set_defaults(handler=_import)
    query = sub.add_parser("query", help="look a name up: entities, periods, timelines")
    query.add_argument("name", metavar="NAME")
    query.add_argument("--db", required=True, metavar="PATH")
    query.add_argument("--date", type=dt.date.fromisoformat, help="show the roles held on this date")
    query.set_defaults(handler=_query)


def _import(args: argparse.Namespace) -> int:
    from factcheck.facts.loader import load_facts
    from factcheck.facts.sqlite import import_facts

    facts = load_facts(args.files)
    count = import_facts(facts.facts(), Path(args.db))  # type: ignore[attr-defined]
    print(f"imported {count} facts into {args.db}")
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    from factcheck.facts import titles
    from factcheck.facts.sqlite import SqliteFactBase

    base = SqliteFactBase(args.db)
    rows: list[dict[str, Any]] = []
    for entity in base.entities_named(args.name):
        row: dict[str, Any] = {"entity": entity.id, "type": entity.type, "name": entity.name,
                               "source": str(entity.source) if entity.source else None}
        if entity.born:
            row["born"] = entity.born.isoformat()
        if args.date:
            row["roles"] = titles.describe_roles(entity, args.date)
        rows.append(row)
    period = base.period(args.name)
    if period:
        rows.append({"period": period.id, "name": period.name, "start": period.start.isoformat(),
                     "end": period.end.isoformat() if period.end else None})
    rows.extend({"timeline": t.id, "title": t.title, "events": len(t.events)}
                for t in base.timelines_for(args.name))
    if args.date and not rows:
        rows.extend({"entity": e.id, "name": e.name, "holds": args.name}
                    for e in titles.office_holders(base, args.name, args.date))
    sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK if rows else EXIT_FINDINGS
