"""The cycle collector paused while the console script starts up (factcheck.startup.collection)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.startup import collection

ARTICLE = "The council met on 3 March 2025 and approved 12 of the 15 proposals, 80% of them."


@pytest.fixture
def restored():
    """Leave the suite's collector as it was: enabled, nothing frozen."""
    yield
    collection._paused = False
    gc.unfreeze()
    gc.enable()


@pytest.mark.parametrize(("command", "shown"), [(["run"], "minutes.txt: "), (["claims"], "80%")])
def test_paused_start_up_resumes_with_start_up_objects_frozen(tmp_path: Path, restored, command, shown,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "minutes.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    gc.unfreeze()
    collection.pause()
    assert not gc.isenabled()
    assert main([*command, str(article)]) in (0, 1)
    assert gc.isenabled() and gc.get_freeze_count() > 0  # collecting again, start-up kept out of it
    assert shown in capsys.readouterr().out


def test_main_in_process_leaves_the_collector_alone(tmp_path: Path, restored) -> None:
    article = tmp_path / "minutes.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    gc.unfreeze()
    assert main(["run", str(article), "--quiet"]) in (0, 1)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    collection.pause()  # a collector the program turned off is not the console script's to resume
    collection.resume()
    assert not gc.isenabled()
