"""The progress bar: drawn on a terminal (documents, rate, findings so far), absent when piped, and
tqdm imported only when it is drawn."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading

from tests.cli.corpora import write_corpus
from tests.conftest import ROOT

PROBE = (
    "import sys; from factcheck.cli.main import main; code = main(sys.argv[1:]);"
    " print('tqdm loaded' if 'tqdm' in sys.modules else 'no tqdm'); sys.exit(code)"
)


def run_probe(args: list[str], stderr) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    return subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=stderr, text=True, env=env, timeout=120)


def test_no_bar_and_no_tqdm_when_standard_error_is_not_a_terminal(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 20)
    result = run_probe(["run", str(corpus), "-j", "1", "-o", str(tmp_path / "out.txt")], subprocess.PIPE)
    assert result.stdout.strip() == "no tqdm"
    assert result.stderr == ""


def test_a_terminal_gets_a_bar_with_documents_rate_and_findings(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 400)  # long enough for the bar to be redrawn
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal's size
    drawn: list[bytes] = []

    def read() -> None:  # read as it is written: a closed terminal's unread output is lost
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            drawn.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        result = run_probe(["run", str(corpus), "-j", "1", "-o", str(tmp_path / "out.txt")], follower)
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    text = b"".join(drawn).decode("utf-8", "replace")
    assert result.stdout.strip() == "tqdm loaded"
    assert "documents (" in text and "/s)" in text and "findings" in text
    assert "factcheck" in text and "%" in text  # a bar with the share done (the input size is known)


def test_the_bar_starts_no_thread_so_workers_may_be_forked(tmp_path, monkeypatch):
    from factcheck.cli.progress import Progress
    from factcheck.engine.parallel import start_method_for

    class Started:  # a stage that may be inherited
        inheritable = True

    corpus = write_corpus(tmp_path / "corpus.jsonl", 5)
    before = list(threading.enumerate())  # whatever other tests left running is not the bar's

    def new_threads() -> int:  # this one and those started since
        return 1 + len([t for t in threading.enumerate() if t not in before])

    monkeypatch.setattr(threading, "active_count", new_threads)
    progress = Progress([str(corpus), str(corpus)], enabled=True)
    try:
        assert progress._bar is not None
        assert [t for t in threading.enumerate() if t not in before] == []
        if sys.platform.startswith("linux"):
            assert start_method_for(Started()) == "fork"
    finally:
        progress.close()
