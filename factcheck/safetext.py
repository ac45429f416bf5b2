"""Making text that came from a document, a file name or a record id safe to print.

Every reporter (and every error message that quotes a line) passes such text through here, so a
document cannot drive the reader's terminal or the CI log it is printed to:

* :func:`visible` turns control characters (C0, DEL, C1: ESC starts ANSI and OSC sequences, CSI
  is U+009B), bidirectional overrides ("Trojan Source"), line and paragraph separators and lone
  surrogates into visible escapes (``\\x1b``, ``\\u202e``). It is one character per character of
  input for everything else, so carets still line up under the escaped text.
* :func:`guard_lines` neutralises a workflow command (``::error ...``, ``##[error]``,
  ``##vso[...]``) at the start of any output line; after :func:`visible` the only way input can
  start a line is by being the first thing on it (a file name in a header).
* :func:`json_text` escapes, inside a JSON text, the characters ``json.dumps`` leaves raw (C1,
  bidi controls, lone surrogates), losslessly: a JSON reader gets the original text back.
* :func:`xml_text` is :func:`visible` keeping newlines and tabs: every result is a valid XML 1.0
  character sequence.
"""

from __future__ import annotations

import re

from factcheck.startup import regexcache

# C0 except the kept ones, DEL, C1; bidi embeddings, overrides and isolates; LS/PS; BOM and
# zero-width marks that hide text; lone surrogates (a JSONL record can carry "\ud800").
_UNSAFE = regexcache.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_WORKFLOW_COMMAND = regexcache.compile(r"^([ \t]*)(::|##\[|##vso\[)", re.MULTILINE)


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """``text`` with every unsafe character (but those in ``keep``, e.g. ``"\\t"``) made visible."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _escape(m[0]), text)


def xml_text(text: str) -> str:
    """Text that is valid XML 1.0 content and shows no control sequence."""
    return visible(text, keep="\n\t")


def guard_lines(output: str, colon: str = "\\x3a") -> str:
    """``output`` with a workflow command's leading ``:`` or ``#`` at the start of a line replaced
    by ``colon`` (its escape in the output's own syntax: ``&#58;`` in XML and HTML)."""
    if "::" not in output and "##" not in output:
        return output
    hash_ = "&#35;" if colon.startswith("&") else "\\x23"
    return _WORKFLOW_COMMAND.sub(lambda m: m[1] + (colon if m[2][0] == ":" else hash_) + m[2][1:], output)


_JSON_RAW = regexcache.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def json_text(encoded: str) -> str:
    """A JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters it left raw
    written as ``\\uXXXX`` escapes. Those characters only occur inside strings, so this is exact."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", encoded)
