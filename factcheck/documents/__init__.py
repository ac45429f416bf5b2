"""Documents: inputs read, decoded and normalized for extraction, with a map back to the original.

``load_documents`` is the entry point; each format has its own module (``plaintext``, ``markdown``,
``html``, ``jsonl``) and all of them build text through one offset-recording builder.
"""

from factcheck.documents.dates import DateParseError, parse_date
from factcheck.documents.model import Document, OffsetMap
from factcheck.documents.reading import MAX_DOCUMENT_BYTES
from factcheck.documents.sources import (
    FORMATS,
    DocumentOrError,
    FileUnit,
    InputFailure,
    LineUnit,
    ReadOptions,
    Unit,
    discover,
    load_documents,
    read_unit,
    unit_size,
    units,
)
from factcheck.spans import LineIndex, Position

__all__ = [
    "FORMATS",
    "MAX_DOCUMENT_BYTES",
    "DateParseError",
    "Document",
    "DocumentOrError",
    "FileUnit",
    "InputFailure",
    "LineIndex",
    "LineUnit",
    "OffsetMap",
    "Position",
    "ReadOptions",
    "Unit",
    "discover",
    "load_documents",
    "parse_date",
    "read_unit",
    "unit_size",
    "units",
]
