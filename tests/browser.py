"""Debian's Chromium for tests: find it (installing it with apt-get when we are root and may), run it
headless on a local page, and check its PNG screenshots without any imaging library."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
INSTALL_COMMAND = "apt-get update -qq && apt-get install -y -qq chromium"
INSTALL_TIMEOUT = 600
RUN_TIMEOUT = 180
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class BrowserUnavailable(RuntimeError):
    """Chromium is not installed and could not be installed; the message says why."""


def find_chromium() -> Path | None:
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def install_chromium() -> None:
    """``apt-get install chromium``, when we are root and apt-get exists; else BrowserUnavailable."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        raise BrowserUnavailable("chromium is not installed and we are not root to install it")
    if shutil.which("apt-get") is None:
        raise BrowserUnavailable("chromium is not installed and there is no apt-get to install it")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        done = subprocess.run(
            ["sh", "-c", INSTALL_COMMAND], capture_output=True, text=True, timeout=INSTALL_TIMEOUT, env=env
        )
    except subprocess.TimeoutExpired:
        raise BrowserUnavailable(f"`{INSTALL_COMMAND}` took more than {INSTALL_TIMEOUT} s") from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise BrowserUnavailable(f"`{INSTALL_COMMAND}` failed ({done.returncode}): {' / '.join(tail)}")


def ensure_chromium() -> Path:
    """The Chromium executable, installed first if missing (see :func:`install_chromium`)."""
    found = find_chromium()
    if found is None:
        install_chromium()
        found = find_chromium()
    if found is None:
        raise BrowserUnavailable("apt-get installed chromium but no chromium executable was found")
    return found


CONSOLE = re.compile(r":CONSOLE[:(]")  # how Chromium's log (--enable-logging) shows console messages


@dataclass(frozen=True)
class Loaded:
    dom: str
    console: list[str]
    seconds: float


@dataclass(frozen=True)
class Browser:
    """Headless Chromium with a throw-away profile under ``workdir``."""

    executable: Path
    workdir: Path

    def run(self, page: Path, *options: str) -> subprocess.CompletedProcess[str]:
        return self.run_uri(page.as_uri(), *options)

    def run_uri(self, uri: str, *options: str) -> subprocess.CompletedProcess[str]:
        profile = self.workdir / f"profile-{len(list(self.workdir.glob('profile-*')))}"
        command = [str(self.executable), *FLAGS, f"--user-data-dir={profile}", *options, uri]
        done = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        if done.returncode != 0:
            raise AssertionError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
        return done

    def dump_dom(self, page: Path) -> str:
        """The DOM after the page loaded, serialized as HTML."""
        return self.run(page, "--dump-dom").stdout

    def load(self, page: Path, fragment: str = "") -> Loaded:
        """The DOM after the page (at ``#fragment``) loaded and its scripts ran, every message the
        page wrote to the console (errors, CSP violations), and the seconds Chromium took."""
        started = time.perf_counter()
        done = self.run_uri(page.as_uri() + (f"#{fragment}" if fragment else ""), "--dump-dom",
                            "--enable-logging=stderr", "--v=0")
        console = [line for line in done.stderr.splitlines() if CONSOLE.search(line)]
        return Loaded(done.stdout, console, time.perf_counter() - started)

    def screenshot(self, page: Path, png: Path, width: int, height: int) -> bytes:
        self.run(page, f"--screenshot={png}", f"--window-size={width},{height}")
        return png.read_bytes()


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, payload) chunks of a PNG file."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    chunks, offset = [], len(PNG_SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks.append((kind, data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return chunks


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk."""
    kind, payload = png_chunks(data)[0]
    if kind != b"IHDR":
        raise ValueError("PNG does not start with IHDR")
    width, height = struct.unpack(">II", payload[:8])
    return width, height


def png_distinct_bytes(data: bytes) -> int:
    """How many distinct byte values the decompressed image data holds: a blank (single-colour)
    image has a handful (the colour's channels and the row filter types), a rendered page many."""
    raw = zlib.decompress(b"".join(payload for kind, payload in png_chunks(data) if kind == b"IDAT"))
    return len(set(raw))
