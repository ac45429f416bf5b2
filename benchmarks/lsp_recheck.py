"""How fast the language server re-checks a long article after an edit: the editor's typing budget.

Starts ``factcheck server`` over stdio with pygls' own client, opens a Markdown article of about
``--words`` words (news articles from ``$FACTCHECK_DATA/news/news.jsonl`` as paragraphs, or the seed
article repeated when the variable is unset), then ``--edits`` times changes one paragraph and waits
for the diagnostics of that version. Reported: the round trip from ``didChange`` to
``publishDiagnostics`` (median, 90th percentile, worst), with the server's debounce set to 0 so the
figure is the check itself plus the protocol. Target: median ≤ 100 ms for 5,000 words.

    FACTCHECK_DATA=/work/shared/data python benchmarks/lsp_recheck.py [--words 5000] [--edits 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100


def article(words: int) -> str:
    """About ``words`` words of real news prose, one paragraph per article, with a date."""
    paragraphs = []
    data = os.environ.get("FACTCHECK_DATA")
    if data:
        with open(Path(data) / "news" / "news.jsonl", encoding="utf-8") as corpus:
            for line in corpus:
                paragraphs.append(" ".join(json.loads(line)["text"].split()))
                if sum(len(p.split()) for p in paragraphs) >= words:
                    break
    else:
        seed = (ROOT / "seeds" / "trump-putin-call.md").read_text(encoding="utf-8").split("---")[-1]
        while sum(len(p.split()) for p in paragraphs) < words:
            paragraphs.append(" ".join(seed.split()))
    return "---\ndate: 1987-03-01\n---\n\n" + "\n\n".join(paragraphs) + "\n"


async def measure(words: int, edits: int) -> list[float]:
    text = article(words)
    received: dict[int, asyncio.Event] = {}
    client = LanguageClient("factcheck-benchmark", "1")

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        received.setdefault(params.version or 0, asyncio.Event()).set()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.md"
        path.write_text(text, encoding="utf-8")
        await client.start_io(sys.executable, "-m", "factcheck.cli.main", "server")
        await client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), root_uri=Path(folder).as_uri(),
            initialization_options={"debounce_ms": 0},
        ))
        client.initialized(lsp.InitializedParams())
        uri = path.as_uri()
        opened = lsp.TextDocumentItem(uri, "markdown", 1, text)
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(opened))
        await received.setdefault(1, asyncio.Event()).wait()
        paragraphs = text.split("\n\n")
        timings = []
        for version in range(2, edits + 2):
            index = 1 + version % (len(paragraphs) - 1)
            paragraphs[index] = paragraphs[index].replace(" the ", " a ", 1) + f" Edit {version}."
            event = received.setdefault(version, asyncio.Event())
            started = time.perf_counter()
            client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [lsp.TextDocumentContentChangeWholeDocument("\n\n".join(paragraphs))],
            ))
            await event.wait()
            timings.append((time.perf_counter() - started) * 1000)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=30)
    args = parser.parse_args()
    timings = asyncio.run(measure(args.words, args.edits))
    ordered = sorted(timings)
    median = statistics.median(ordered)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    print(f"re-check after a one-paragraph edit, {args.words} words, {len(timings)} edits:")
    print(f"  median {median:.1f} ms, p90 {p90:.1f} ms, worst {ordered[-1]:.1f} ms "
          f"(target median ≤ {TARGET_MS} ms)")
    return 0 if median <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
