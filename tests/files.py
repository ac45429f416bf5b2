"""Writing a tree of test files in one call (shared by the document and hostile-input tests)."""

from __future__ import annotations

from pathlib import Path


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Each ``name: content`` under ``root``: bytes as given, text as UTF-8 with no newline
    translation (lone surrogates kept, so a test can write text that is not valid UTF-8)."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass", newline="")
