"""Extraction accuracy per claim kind on the public test suites, for factcheck and the peers.

Reads ``$FACTCHECK_DATA/suites/*.jsonl`` (format: that folder's README.md). Each tool is scored per kind
with precision, recall and F1: a prediction is a true positive when its kind and span equal a gold
entity's and its value agrees (numbers, ordinals, percents, money amounts and quantities within a
relative 1e-6; durations in seconds within 1%). Dates are scored on spans only (every tool normalizes
dates differently). TimeML documents (``tbaq_*``) are scored on overlapping spans, and, as TempEval-3
scores them, on **value**: a prediction is a value true positive when it overlaps a gold TIMEX3 and its
resolved TIMEX3 value equals the gold value (``2013-03-22``, ``2013-Q1``, ``P3M``, ``PRESENT_REF``), each
gold matched once; value precision is correct values over predictions, value recall over gold. Rows
"date value" (TIMEX3 types DATE, TIME and SET) and "duration value" (DURATION) are scored apart. Every
tool resolves against the same reference, the document's creation time (the case's ``ref_date``).

Written rules, applied to every tool alike (nothing else is excluded):
1. A tool is scored only on the kinds it extracts at all (``peers.PEER_KINDS``).
2. A predicted kind that a case's gold does not annotate is ignored for that case (the number suite
   does not say whether "$5" is money); an empty-gold or negative case annotates its own kind.
3. Gold with no value (RT extractor specs) or no span (``span_known: false``, matched to any same-kind
   prediction by value) is scored on what it has. An interval value ("between 10 and 20 dollars" =
   {from: 10, to: 20}) needs a predicted interval with the same ends; a number gold against a predicted
   interval compares the interval's midpoint (quantulum3 writes "44 mg to 50 mg" = 47).
4. An input on which a tool raises counts as no prediction; the count is printed.
5. When the gold and the prediction both name a unit and the units differ, the gold value is converted
   to the predicted unit before comparing (``factcheck.claims.units``: "0.002 kg" = 2 g; a minor currency
   unit, "50 cents" = 50 in the gold, is a hundredth of the major one). Unknown or inconvertible units
   are compared as stated.
6. TIMEX3 has no range value: in TimeML documents an interval prediction is not scored, its ends are
   ("two to three weeks" is the TIMEX3s "two" and "three weeks"; factcheck's date ranges were never
   scored there either). Elsewhere a tool that states a range both as an interval and as its two
   ends (``Prediction.range_end``) is scored on the interval only: one reading of one stretch of
   text, as the suites annotate a range ("between 10 and 20 dollars", "44 mg to 50 mg").
7. The TempEval-3 rows score TimeML documents as that task's official scorer does
   (``evaluate_entities.py`` of the tempeval3_toolkit): every gold TIMEX3 of any type against every date
   and duration prediction. A gold TIMEX3 is matched by one overlapping prediction (the one with its
   value if there is one, else the first: TempEval-3 pairs entities by overlap, each once); "TIMEX3
   relaxed match" counts the pairs. A pair's value is right when the values are equal **whatever the
   two types** (a gold DURATION ``1989-Q4`` matches a predicted DATE ``1989-Q4``), and its type when the
   types are equal, each an attribute of its own. As in that scorer, an attribute's F1 is its accuracy
   over the pairs times the relaxed-match F1, i.e. ``2 * right / (gold + predicted)``; precision is
   right over predictions, recall right over gold. A tool that gives no TIMEX3 type is typed by its
   kind (a duration DURATION, else DATE). The rows "date value" and "duration value" are unchanged.
8. Bounds. The suites disagree on whether a hedge belongs to the value: Duckling spans "under seven
   euros" and values it {to: 7}; RT spans "500 years old" after "more than" and values it 500;
   quantulum3 spans "44 mg to 50 mg" after "between". So spans are compared without the leading
   hedge or range opener (``_LEADING``: "under", "more than", "about", "exactly", "~", "between",
   "from", ...), on both sides alike; and a one-sided interval agrees with a point at its stated end
   (a bound states its value), while two one-sided intervals must bound the same side. factcheck
   states a bound as the value and its hedge (less_than, at_most: {to: v}; more_than, at_least:
   {from: v}). Date spans are not compared by this rule but by rule 9.
9. Date spans. Duckling spans the preposition before a date or time ("at 3pm", "on Monday", "in 2014",
   "by EOD"), RT spans some ("on Friday next week", "before 2.30pm": its Mod) and not others ("on 15" is
   "15"), and TimeML never does ("on **Monday**"). So date spans are compared without the leading
   prepositions and hedges of ``_DATE_LEADING`` ("at", "@", "on", "in", "for", "by", "before", "after",
   "since", "until", "around", "about", "approximately", "as early as", ...) and without a final full
   stop ("Aug." against "Aug": an abbreviation's point and a sentence's are one character), on both
   sides alike. Nothing else of a date span is forgiven: "the 27th" is not "27th", "3pm" not "3".

factcheck's ``age`` claims are scored as ``quantity`` and ``time`` as ``date`` (the suites' types);
its ``range`` claims are scored as intervals (their ends instead only in TimeML, rule 6). Peers run
only if importable (see peers.py).

    FACTCHECK_DATA=/work/shared/data python benchmarks/extraction_accuracy.py [--tools factcheck,...]
        [--suites rt_number,...] [--misses KIND]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peers

ROWS = ["number", "ordinal", "percent", "money", "quantity", "duration", "date",
        "date (TimeML, overlap)", "duration (TimeML, overlap)",
        "date value (TimeML)", "duration value (TimeML)",
        "TIMEX3 relaxed match (TempEval-3)", "TIMEX3 value (TempEval-3)", "TIMEX3 type (TempEval-3)"]
TARGETS = {"number": 0.95, "ordinal": 0.95, "percent": 0.90, "money": 0.90, "quantity": 0.80,
           "duration": 0.80, "date": 0.75, "date value (TimeML)": 0.85, "duration value (TimeML)": 0.85}


def load_cases(data: Path, suites: list[str] | None) -> list[dict[str, Any]]:
    cases = []
    for path in sorted((data / "suites").glob("*.jsonl")):
        if suites and path.stem not in suites:
            continue
        with path.open(encoding="utf-8") as handle:
            cases += [json.loads(line) for line in handle if line.strip()]
    return cases


def _gold_value(case: dict[str, Any], entity: dict[str, Any]) -> Any:
    if entity["kind"] == "date":
        return None
    if entity.get("interval"):
        bounds = entity.get("value")
        if not isinstance(bounds, dict):
            return None
        return {side: peers.decimal(bounds[side]) for side in ("from", "to") if bounds.get(side) is not None}
    if entity["kind"] == "duration":
        raw = entity.get("seconds") if case["suite"].startswith(("q3_", "tbaq_")) else entity.get("value")
        return peers.decimal(raw) if raw is not None else None
    return peers.decimal(entity.get("value")) if isinstance(entity.get("value"), int | float) else None


_MINOR_UNITS = {"cent", "cents", "pence", "penny", "pennies", "sen", "kopiyka", "kopiykas"}


def _unit(name: str | None) -> Any:
    from factcheck.claims import units

    if not name:
        return None
    for candidate in (name, name.lower(), name.lower().replace("-mass", ""), name.lower().rstrip("s")):
        with contextlib.suppress(ValueError):
            return units.lookup(candidate)
    return None


def _in_unit(gold: Decimal, gold_unit: str | None, unit: str | None) -> Decimal:
    """Rule 6: ``gold`` stated in ``gold_unit`` expressed in the predicted ``unit``."""
    if not gold_unit or not unit or gold_unit == unit:
        return gold
    if gold_unit.lower() in _MINOR_UNITS:
        return gold / 100 if unit.lower() not in _MINOR_UNITS else gold
    source, target = _unit(gold_unit), _unit(unit)
    if source is None or target is None or source.name == target.name:
        return gold
    from factcheck.claims import units

    try:
        return units.convert(gold, source.name, target.name)
    except ValueError:
        return gold


def _close(kind: str, gold: Decimal, predicted: Any) -> bool:
    if not isinstance(predicted, Decimal):
        return False
    tolerance = Decimal("0.01") if kind == "duration" else Decimal("0.000001")
    return abs(predicted - gold) <= tolerance * max(abs(gold), Decimal(1))


def _one_sided(value: Any) -> tuple[str, Any] | None:
    """``(side, end)`` of an interval with one end stated ({to: 7}), else None."""
    if not isinstance(value, dict):
        return None
    stated = [(side, end) for side, end in value.items() if end is not None]
    return stated[0] if len(stated) == 1 else None


def _values_agree(kind: str, gold: Any, predicted: Any, gold_unit: str | None = None,
                  unit: str | None = None) -> bool:
    if gold is None:
        return True
    gold_bound, bound = _one_sided(gold), _one_sided(predicted)
    if gold_bound or bound:  # rule 8: a bound against a point, or two bounds on one side
        if gold_bound and bound and gold_bound[0] != bound[0]:
            return False
        if (isinstance(gold, dict) and not gold_bound) or (isinstance(predicted, dict) and not bound):
            return False  # a two-sided interval is no bound
        stated = gold_bound[1] if gold_bound else gold
        return _close(kind, _in_unit(stated, gold_unit, unit), bound[1] if bound else predicted)
    if isinstance(gold, dict):  # rule 3: an interval needs the same ends
        stated = {k for k, v in predicted.items() if v is not None} if isinstance(predicted, dict) else None
        return (stated == set(gold)
                and all(_close(kind, _in_unit(v, gold_unit, unit), predicted[k]) for k, v in gold.items()))
    gold = _in_unit(gold, gold_unit, unit)
    if isinstance(predicted, dict):  # rule 3: a number against an interval's midpoint
        if predicted.get("from") is None or predicted.get("to") is None:
            return False
        return _close(kind, gold, (predicted["from"] + predicted["to"]) / 2)
    return _close(kind, gold, predicted)


# Rule 8: the hedges and range openers a span may begin with, compared without them.
_LEADING = re.compile(
    r"(?:(?:no|not)\s+(?:more|less|fewer)\s+than|(?:more|less|fewer|lower|higher)\s+than|at\s+(?:most|least)"
    r"|up\s+to|under|over|above|below|exceeding|about|around|approximately|roughly|nearly|almost|exactly"
    r"|precisely"
    r"|between|from|~)\s*",
    re.IGNORECASE,
)


def _core_start(text: str, start: int, end: int) -> int:
    """Where a span's value starts once its leading hedges and range opener are left out."""
    while (match := _LEADING.match(text, start, end)) and match.end() < end:
        if match[0][-1:].isalpha() and match.end() < end and text[match.end()].isalnum():
            break  # "overall", "abouts": a longer word
        start = match.end()
    return start


# Rule 9: the prepositions and hedges a date span may begin with, compared without them.
_DATE_LEADING = re.compile(
    r"(?:at|on|in|for|by|during|before|after|since|until|till|til|through|from|starting(?:\s+(?:on|at|from))?"
    r"|as\s+(?:early|late)\s+as|(?:no\s+)?(?:later|earlier)\s+than|around|about|approximately|roughly"
    r"|circa|@)\s+",
    re.IGNORECASE,
)


def _date_core(text: str, start: int, end: int) -> tuple[int, int]:
    """A date span without its leading prepositions and hedges and its final full stop (rule 9)."""
    while (match := _DATE_LEADING.match(text, start, end)) and match.end() < end:
        start = match.end()
    if end - start > 1 and text[end - 1] == ".":
        end -= 1
    return start, end


def _spans_agree(entity: dict[str, Any], prediction: peers.Prediction, overlap: bool,
                 text: str = "", date: bool = False) -> bool:
    if entity.get("start") is None:
        return True
    if overlap:
        return prediction.start < entity["end"] and entity["start"] < prediction.end
    if date:  # rule 9
        return bool(text) and (_date_core(text, entity["start"], entity["end"])
                               == _date_core(text, prediction.start, prediction.end))
    if prediction.end != entity["end"]:
        return False
    if prediction.start == entity["start"]:
        return True
    core = _core_start(text, entity["start"], entity["end"])
    return bool(text) and _core_start(text, prediction.start, prediction.end) == core


def score_case(case: dict[str, Any], predictions: list[peers.Prediction], kinds: set[str],
               counts: dict[str, list[int]], misses: list[str] | None = None,
               miss_kind: str | None = None) -> None:
    timeml = case["suite"].startswith("tbaq_")
    if timeml:  # rule 6
        predictions = [p for p in predictions if not isinstance(p.value, dict)]
        if {"date", "duration"} & kinds:
            _score_tempeval(case["expected"], [p for p in predictions if p.kind in ("date", "duration")],
                            counts)
    else:
        predictions = [p for p in predictions if not p.range_end]
    annotated = {e["kind"] for e in case["expected"]} | ({case["kind"]} if not case["expected"] else set())
    for kind in annotated & kinds:
        row = f"{kind} (TimeML, overlap)" if timeml else kind
        gold = [e for e in case["expected"] if e["kind"] == kind]
        pool = [p for p in predictions if p.kind == kind]
        matched = 0
        for entity in gold:
            value = _gold_value(case, entity)
            unit = entity.get("unit") if kind in ("money", "quantity") else None
            for index, prediction in enumerate(pool):
                same_value = timeml or _values_agree(kind, value, prediction.value, unit, prediction.unit)
                if same_value and _spans_agree(entity, prediction, timeml, case["text"], kind == "date"):
                    matched += 1
                    del pool[index]
                    break
        if misses is not None and kind == miss_kind and (matched < len(gold) or pool):
            misses.append(_miss(case, gold, [p for p in predictions if p.kind == kind], row))
        tally = counts[row]
        tally[0] += matched
        tally[1] += len(gold) - matched
        tally[2] += len(pool)
        if timeml:
            _score_values(gold, [p for p in predictions if p.kind == kind], counts[f"{kind} value (TimeML)"],
                          misses if kind == miss_kind else None, case)


def _score_values(gold: list[dict[str, Any]], predicted: list[peers.Prediction], tally: list[int],
                  misses: list[str] | None, case: dict[str, Any]) -> None:
    """TempEval-3 value scoring: each gold TIMEX3 takes the overlapping prediction with its value if
    there is one; a prediction counts once."""
    pool = list(predicted)
    correct = 0
    wrong = []
    for entity in gold:
        overlapping = [p for p in pool if _spans_agree(entity, p, True)]
        right = next((p for p in overlapping if p.timex == str(entity["value"])), None)
        if right is not None:
            correct += 1
            pool.remove(right)
        elif overlapping:
            wrong.append(f"{entity['text']!r}={entity['value']} got {overlapping[0].timex}")
    tally[0] += correct
    tally[1] += len(gold) - correct
    tally[2] += len(predicted) - correct
    if misses is not None and wrong:
        misses.append(f"[{case['id']}] value ({case['ref_date']}): " + "; ".join(wrong))


def _timex_type(prediction: peers.Prediction) -> str:
    if prediction.timex_type:
        return prediction.timex_type.upper()
    return "DURATION" if prediction.kind == "duration" else "DATE"


def _score_tempeval(gold: list[dict[str, Any]], predicted: list[peers.Prediction],
                    counts: dict[str, list[int]]) -> None:
    """Rule 7: every TIMEX3 whatever its type, each gold paired with one overlapping prediction; value
    and type scored on the pairs, each apart."""
    pool = list(predicted)
    paired = values = types = 0
    for entity in gold:
        overlapping = [p for p in pool if _spans_agree(entity, p, True)]
        if not overlapping:
            continue
        pair = next((p for p in overlapping if p.timex == str(entity["value"])), overlapping[0])
        pool.remove(pair)
        paired += 1
        values += pair.timex == str(entity["value"])
        types += _timex_type(pair) == str(entity.get("type") or entity["kind"]).upper()
    for row, right in (("TIMEX3 relaxed match", paired), ("TIMEX3 value", values), ("TIMEX3 type", types)):
        tally = counts[f"{row} (TempEval-3)"]
        tally[0] += right
        tally[1] += len(gold) - right
        tally[2] += len(predicted) - right


def _miss(case: dict[str, Any], gold: list[dict[str, Any]], predicted: list[peers.Prediction],
          row: str) -> str:
    """One line per case with a miss or a false positive: gold and predicted spans and values."""
    text = case["text"]
    want = [f"{e.get('text')!r}={e.get('value')}" for e in gold]
    got = [f"{text[p.start:p.end]!r}={p.value}" if p.start is not None else f"?={p.value}" for p in predicted]
    shown = text if len(text) <= 120 else text[:117] + "..."
    return f"[{case['id']}] {row}: {shown!r}\n    gold {want}\n    got  {got}"


def f1(tally: list[int]) -> tuple[float, float, float]:
    tp, fn, fp = tally
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def run_tool(name: str, adapter: peers.Adapter, cases: list[dict[str, Any]],
             miss_kind: str | None = None) -> tuple[dict, int, float]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[str] | None = [] if miss_kind else None
    errors = 0
    started = time.perf_counter()
    for case in cases:
        try:
            predictions = peers.safely(adapter, case["text"], case.get("ref_date"))
        except Exception:  # rule 4: a crash is no prediction, and is counted
            predictions, errors = [], errors + 1
        score_case(case, predictions, peers.PEER_KINDS[name], counts, misses, miss_kind)
    if misses:
        print(f"## {name}: {len(misses)} cases with a {miss_kind} miss or false positive\n")
        print("\n".join(misses), end="\n\n")
    return counts, errors, time.perf_counter() - started


def table(results: dict[str, tuple[dict, int, float] | None], cases: list[dict[str, Any]]) -> str:
    tools = list(results)
    lines = ["| kind | gold | target F1 | " + " | ".join(tools) + " |",
             "|---|---|---|" + "---|" * len(tools)]
    for row in ROWS:
        gold_counts = [r[0][row] for r in results.values() if r is not None and row in r[0]]
        gold = max((c[0] + c[1] for c in gold_counts), default=0)
        cells = []
        for name in tools:
            result = results[name]
            if result is None:
                cells.append("not installed")
            elif row not in result[0]:
                cells.append("—")
            else:
                precision, recall, score = f1(result[0][row])
                cells.append(f"P {precision:.2f} R {recall:.2f} **F1 {score:.2f}**")
        target = TARGETS.get(row)
        lines.append(f"| {row} | {gold} | {target if target else '—'} | " + " | ".join(cells) + " |")
    footer = [f"{name}: {r[1]} inputs raised, {r[2]:.1f} s" for name, r in results.items() if r is not None]
    return "\n".join(lines) + f"\n\n{len(cases)} cases. " + "; ".join(footer) + "."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", help="comma-separated subset of: factcheck," + ",".join(peers.PEERS))
    parser.add_argument("--suites", help="comma-separated suite names (file stems); default all")
    parser.add_argument("--misses", metavar="KIND", help="print each case with a miss or a false positive "
                        "of KIND, per tool")
    args = parser.parse_args()
    data = os.environ.get("FACTCHECK_DATA")
    if not data:
        raise SystemExit("FACTCHECK_DATA is not set: point it at the data folder holding suites/ "
                         "(e.g. FACTCHECK_DATA=/work/shared/data)")
    cases = load_cases(Path(data), args.suites.split(",") if args.suites else None)
    if not cases:
        raise SystemExit(f"no suites found under {data}/suites")
    wanted = set(args.tools.split(",")) if args.tools else None
    results: dict[str, tuple[dict, int, float] | None] = {}
    for name, adapter in peers.available().items():
        if wanted and name not in wanted:
            continue
        results[name] = run_tool(name, adapter, cases, args.misses) if adapter else None
    print(table(results, cases))


if __name__ == "__main__":
    main()
