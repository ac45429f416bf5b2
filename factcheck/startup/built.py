"""Start-up data generated when the package is built, read instead of being rebuilt in every run.

What depends only on the package's own files (the default pack's compiled pattern kinds, the
grammars' parser tables, unit factors, the city index) is produced by the wheel's build hook
(``hatch_build.py``) into ``factcheck/startup/generated/`` and shipped with the code that reads it. An
editable install (``pip install -e .``, what ``make test`` uses) gets the same files written into
the source tree, which can then change under them; so every artefact is keyed:

* ``sources``: a digest of the bytes of the package files it was derived from, recomputed (a few
  small reads) when it is loaded;
* ``code``: for an editable build only, the stamp of factcheck's own modules
  (:func:`code_stamp`), since the code that derived the data may be
  edited after the build (a wheel ships code and data together);
* ``format``: the layout of this module's documents.

An artefact that is missing, damaged or does not match is ignored: the caller builds the value in
the process, as it always could, and nothing is written back (a runtime cache of package data is
what this replaces).

An artefact is a generated Python module holding one literal (``ARTEFACT = {...}``: dicts, lists,
tuples, strings, numbers; :func:`write` checks it reads back with :func:`ast.literal_eval`), so it is
read as fast as Python reads its own compiled modules, and is part of the package like any other
module; never a pickle, and nothing from a cache directory. The city index is a plain text file.
"""

from __future__ import annotations

import importlib
import mmap
import os
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

try:  # the blake2 module itself: importing hashlib also loads OpenSSL's (~2 ms of every run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

FORMAT = 2  # 2: datacodec writes a tuple holding more than plain values as {"$tuple": [...]}
PACKAGE = "factcheck.startup.generated"
DIRECTORY = Path(__file__).resolve().parent / "generated"


@dataclass(frozen=True)
class Artefact:
    """One generated module: its ``name`` (``generated/<name>.py``), the package files it is derived
    from (``sources``, asked when it is written and when it is read) and how the runtime path builds
    its value as plain data (``build``)."""

    name: str
    sources: Callable[[], Iterable[Path]]
    build: Callable[[], Any]
    # Whether ``build`` takes the ``read`` of :func:`write` (a source file's bytes as installed):
    # for data that holds positions in the installed files.
    reads_installed: bool = False
    # Whether ``build`` gives ``(value, data)``: the value the module holds and bytes too many to
    # write as a literal (the regexes' opcodes), written beside it as ``<name>.bin``; :func:`load`
    # then gives ``(value, data)`` too, the bytes mapped into memory.
    with_bytes: bool = False


def digest(files: Iterable[tuple[str, bytes]]) -> str:
    """A digest of named file contents (the names are file names, not paths: the files sit
    elsewhere at build time than once installed)."""
    hasher = blake2b(digest_size=16)
    for name, data in files:
        hasher.update(f"{name}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
        hasher.update(data)
    return hasher.hexdigest()


def sources_digest(artefact: Artefact, read: Callable[[Path], bytes] = Path.read_bytes) -> str:
    return digest((path.name, read(path)) for path in artefact.sources())


def load(artefact: Artefact, package: str = PACKAGE) -> Any | None:
    """The artefact's value if it was generated from the package files as they are now, else None."""
    try:
        module = importlib.import_module(f"{package}.{artefact.name}")
        document = module.ARTEFACT
        if document["format"] != FORMAT or document["name"] != artefact.name:
            return None
        if document["code"] is not None and document["code"] != _code_stamp():
            return None
        if document["sources"] != sources_digest(artefact):
            return None
        if artefact.with_bytes:
            data = _mapped(Path(module.__file__).with_suffix(".bin"))
            return (document["value"], data) if len(data) == document["bytes"] else None
        return document["value"]
    except Exception:  # missing, damaged or foreign: not used, the caller builds the value
        return None


def _mapped(path: Path) -> mmap.mmap | bytes:
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return b""  # an empty file cannot be mapped
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def bytes_path(artefact: Artefact, directory: Path) -> Path:
    """Where :func:`write` puts the bytes of an artefact built ``with_bytes``."""
    return directory / f"{artefact.name}.bin"


def write(artefact: Artefact, directory: Path, *, editable: bool,
          read: Callable[[Path], bytes] = Path.read_bytes) -> Path:
    """Build the artefact and write it as a module into ``directory`` (the build hook). ``read``
    gives the bytes a source file will have once installed; ``editable`` keys it by the code as
    well, and compiles it to bytecode at once (also where ``PYTHONDONTWRITEBYTECODE`` is set: it
    is large, and read in every run; an installer compiles a wheel's modules itself)."""
    value = artefact.build(read) if artefact.reads_installed else artefact.build()
    document = {
        "format": FORMAT,
        "name": artefact.name,
        "code": _code_stamp() if editable else None,
        "sources": sources_digest(artefact, read),
        "value": value,
    }
    if artefact.with_bytes:
        document["value"], data = value
        document["bytes"] = len(data)
        bytes_path(artefact, directory).write_bytes(data)
    text = repr(document)
    if not _plain(text, document):  # plain literals only: nothing in it runs code
        raise ValueError(f"start-up data {artefact.name!r} is not made of plain literals")
    path = directory / f"{artefact.name}.py"
    path.write_text(f'"""Generated by hatch_build.py from the package\'s files: do not edit."""\n'
                    f"ARTEFACT = {text}\n", encoding="utf-8")
    if editable:
        import py_compile

        py_compile.compile(str(path), doraise=True)
    for name in [name for name in sys.modules if name.endswith(f".{artefact.name}")]:
        if getattr(sys.modules[name], "__file__", None) == str(path):
            del sys.modules[name]  # a module read before this write is not the data any more
    return path


def _plain(text: str, document: Any) -> bool:
    import ast

    try:
        return ast.literal_eval(text) == document
    except (ValueError, SyntaxError, TypeError):
        return False


def write_package(directory: Path) -> Path:
    """The generated directory's ``__init__.py``, which makes its modules importable."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "__init__.py"
    path.write_text('"""Start-up data generated by the build hook (factcheck.startup.built)."""\n',
                    encoding="utf-8")
    return path


@cache
def code_stamp() -> str:
    """A digest of the package's own code (each module's path, size and modification time).

    Every start-up cache includes it in its key, so a cache written by other code -- an upgrade, or
    an edit in a checkout -- is never read back into classes that may have changed shape. The
    generated start-up data (``startup/generated/``) is not code it was derived from: left out.
    """
    entries = []
    for directory, subdirectories, files in os.walk(DIRECTORY.parent.parent):
        subdirectories[:] = [d for d in subdirectories if Path(directory, d) != DIRECTORY]
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(directory, name))
                entries.append(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return f"{zlib.crc32(chr(10).join(sorted(entries)).encode()):08x}"


def _code_stamp() -> str:
    return code_stamp()
