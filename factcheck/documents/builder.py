"""Building normalized text piece by piece while recording where each piece came from.

Every format reader strips markup by copying the pieces of the original it keeps, decoding the
pieces it must change (an entity) and inserting the few characters it needs (a newline for a block
element). Doing all three through one builder is what keeps the offset map exact: no reader ever
re-finds a piece by searching the text again.
"""

from __future__ import annotations

from factcheck.documents.model import OffsetMap


class TextBuilder:
    """Accumulates normalized text and the segments of its :class:`OffsetMap`.

    Contiguous copies of the original are merged into one segment, so a document whose text is
    mostly kept as is costs a handful of segments, not one per word.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self._parts: list[str] = []
        self._segments: list[list[int]] = []
        self._length = 0
        self._tail = ""

    def __len__(self) -> int:
        return self._length

    @property
    def tail(self) -> str:
        """The last (up to two) characters written, for newline and space bookkeeping."""
        return self._tail

    def keep(self, start: int, end: int) -> None:
        """Copy ``original[start:end]`` unchanged (identity mapping)."""
        if end <= start:
            return
        last = self._segments[-1] if self._segments else None
        contiguous = last is not None and last[1] + last[3] == start and last[0] + last[2] == self._length
        if last is not None and contiguous and last[2] == last[3]:
            last[2] += end - start
            last[3] += end - start
        else:
            self._segments.append([self._length, start, end - start, end - start])
        self._append(self.original[start:end])

    def replace(self, text: str, start: int, end: int) -> None:
        """Write ``text`` standing for ``original[start:end]`` (a decoded entity, a collapsed space)."""
        if not text:
            return
        self._segments.append([self._length, start, len(text), end - start])
        self._append(text)

    def insert(self, text: str, at: int) -> None:
        """Write ``text`` that has no counterpart in the original; it maps to offset ``at``."""
        self.replace(text, at, at)

    def build(self) -> tuple[str, OffsetMap]:
        mapping = OffsetMap()
        for norm_start, orig_start, length, orig_length in self._segments:
            mapping.add(norm_start, orig_start, length, orig_length)
        if not self._segments:
            mapping.add(0, 0, 0)
        return "".join(self._parts), mapping

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
        self._tail = (self._tail + text)[-2:]

    def append_mapped(self, text: str, offsets: OffsetMap, base: int) -> None:
        """Write ``text`` built elsewhere over ``original[base:]``, its map shifted by ``base``."""
        for norm_start, orig_start, length, orig_length in offsets.segments():
            piece = text[norm_start : norm_start + length]
            if not piece:
                continue
            start = base + orig_start
            if len(piece) == length == orig_length and self.original[start : start + length] == piece:
                self.keep(start, start + length)
            else:
                self.replace(piece, base + orig_start, base + orig_start + orig_length)
