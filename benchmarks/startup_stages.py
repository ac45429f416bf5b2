"""Where a warm ``factcheck run`` on one article spends its CPU time, stage by stage.

Each run is a fresh interpreter (``--python``: this one by default, or an installed environment's,
to time a wheel) that does what ``factcheck run ARTICLE`` does, in its order, with the cycle
collector paused as the console script pauses it, and reads ``time.process_time()`` between the
stages: importing the command line, building its parser, importing what ``run`` uses, reading the
configuration, the default pack's pattern kinds, its rules, its facts, reading the article,
checking it (first use included) and writing the text report. The median of ``--runs`` runs of
each stage is printed, with the machine's load average; runs are made in the checkout, as
``cold_run.py``'s are. The interpreter's own start-up (before the
first import) is not included: ``benchmarks/cold_run.py`` times whole runs.

    python benchmarks/startup_stages.py [--python VENV/bin/python] [--runs 9] [ARTICLE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STAGES = r"""
import gc, json, sys, time
gc.disable()
clock = time.process_time
marks = [("", clock())]
def mark(name):
    marks.append((name, clock()))
article = sys.argv[1]
import factcheck.cli.main as cli
mark("importing the command line (factcheck/__init__, argparse, pathlib, options)")
argv = ["run", article]
parser = cli._parser(cli._command_in(argv)) if hasattr(cli, "_command_in") else cli._parser()  # older: all
args = parser.parse_args(argv)
mark("building the parser of `run`, parsing the arguments")
from factcheck.cli import commands
from factcheck.cli.corpus import CorpusRun
from factcheck.cli.outputs import extra_outputs
from factcheck.cli.recipe import EngineRecipe
from factcheck.reporters import ReportOptions
mark("importing the `run` command (configuration, documents, results, corpus loop, reporters)")
from factcheck.cli.packs import configured_rules, load_pack
from factcheck.engine.runner import Engine
from factcheck.facts.loader import load_facts
mark("importing the engine, facts and packs (extractors, rule language, frame layer)")
config = commands.config_of(args)
mark("finding and reading the configuration")
from factcheck.claims.patterns import default_kinds
default_kinds()
mark("the default pack's pattern kinds (decoded)")
pack = load_pack(config, [])
mark("the default pack's rules (sources and trees decoded, types attached)")
facts = load_facts(list(pack.fact_files))
mark("the default pack's facts (decoded and indexed)")
engine = Engine(configured_rules(pack, config), facts, pack.extractor())
from factcheck.documents import load_documents
(document,) = load_documents([article], date_override=None, stdin=None, default_date=None, honour_ignore=True)
mark("reading the article")
result = engine.check_item(document)
mark("checking it (first use included: closures, join plans, regexes, titles, regions)")
from factcheck.engine.results import RunResult
options = ReportOptions(color=False, min_confidence=commands.min_confidence_of(args, config))
commands.report_text(args, RunResult([result], [rule.info for rule in engine.rules]), "text", options)
mark("writing the text report")
print(json.dumps([(name, (t - marks[i][1]) * 1000) for i, (name, t) in enumerate(marks[1:])]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "seeds" / "trump-putin-call.md"))
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose factcheck to time")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    article = str(Path(args.article).resolve())
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    runs: list[list[tuple[str, float]]] = []
    with tempfile.TemporaryDirectory() as home:
        env["XDG_CACHE_HOME"] = home
        for _ in range(args.runs):  # in the checkout, as cold_run.py runs (its pyproject.toml is read);
            # -P: its factcheck/ is not imported in place of the interpreter's, as for a console script
            done = subprocess.run([args.python, "-P", "-c", STAGES, article], capture_output=True, text=True,
                                  cwd=ROOT, env=env, check=True)
            runs.append(json.loads(done.stdout.splitlines()[-1]))
    print(f"{args.python}, {args.runs} runs, load average {os.getloadavg()[0]:.1f}")
    print("| stage | CPU, median |\n| --- | ---: |")
    for index, (name, _) in enumerate(runs[0]):
        print(f"| {name} | {statistics.median(run[index][1] for run in runs):.1f} ms |")
    total = statistics.median(sum(t for _, t in run) for run in runs)
    print(f"| **total in process** | **{total:.1f} ms** |")


if __name__ == "__main__":
    main()
