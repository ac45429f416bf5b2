""".gitignore files are honoured when a directory is searched; --no-ignore turns them off."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factcheck.documents import discover

FACTCHECK = Path(sys.executable).with_name("factcheck")


def _tree(root: Path) -> Path:
    """A repository whose articles sit in ``site/``, with ignore files at three levels."""
    files = {
        ".gitignore": "/site/generated/\n",
        "site/.gitignore": "node_modules/\n*.draft.md\n!keep.draft.md\nbuild\n",
        "site/a.md": "A 1.\n",
        "site/b.draft.md": "B 2.\n",
        "site/keep.draft.md": "K 3.\n",
        "site/node_modules/pkg/README.md": "N 4.\n",
        "site/build/out.html": "<p>O 5.</p>\n",
        "site/generated/g.md": "G 6.\n",
        "site/sub/.gitignore": "local.md\n!b.draft.md\n",
        "site/sub/local.md": "L 7.\n",
        "site/sub/b.draft.md": "S 8.\n",
        "site/sub/c.txt": "C 9.\n",
    }
    (root / ".git").mkdir()
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "site"


def _relative(found: list[str], base: Path) -> list[str]:
    return [Path(path).relative_to(base).as_posix() for path in found]


def test_gitignore_semantics_at_every_level(tmp_path: Path) -> None:
    site = _tree(tmp_path)
    assert _relative(discover([str(site)]), site) == ["a.md", "keep.draft.md", "sub/b.draft.md", "sub/c.txt"]


def test_no_ignore_searches_everything(tmp_path: Path) -> None:
    site = _tree(tmp_path)
    found = _relative(discover([str(site)], honour_ignore=False), site)
    assert "node_modules/pkg/README.md" in found and "generated/g.md" in found and len(found) == 9


def test_paths_named_explicitly_are_never_filtered(tmp_path: Path) -> None:
    site = _tree(tmp_path)
    assert discover([str(site / "b.draft.md")]) == [str(site / "b.draft.md")]


def test_outside_a_repository_only_the_searched_tree_applies(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.md\n", encoding="utf-8")  # no .git: not this tree's rules
    site = tmp_path / "docs"
    site.mkdir()
    (site / "a.md").write_text("A 1.\n", encoding="utf-8")
    assert _relative(discover([str(site)]), site) == ["a.md"]


def test_the_command_line_honours_gitignore_and_no_ignore(tmp_path: Path) -> None:
    site = _tree(tmp_path)

    def checked(*extra: str) -> str:
        result = subprocess.run(
            [str(FACTCHECK), "claims", "--date", "2025-01-01", *extra, str(site)],
            capture_output=True, text=True, check=True,
        )
        return result.stdout

    assert "node_modules" not in checked()
    assert "node_modules" in checked("--no-ignore")
