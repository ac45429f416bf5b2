"""HTML: the article's prose, with offsets into the page source.

A news page is mostly not the article: navigation, footers, related links, scripts. The text is taken
from ``<article>`` when the page has one, else ``<main>``, else the whole ``<body>``, and the usual
chrome (``nav``, ``aside``, ``footer``, a site ``header`` outside the article, scripts) is dropped.
The standard library parser is used with character references left undecoded, so every piece of
text arrives with its position and each decoded entity maps back to the whole ``&...;`` it came
from. The parser never rejects broken markup; it reports what it can.
"""

from __future__ import annotations

import html
from collections import Counter
from html.parser import HTMLParser

from factcheck.documents.builder import TextBuilder
from factcheck.documents.dates import first_date
from factcheck.documents.model import Document, OffsetMap
from factcheck.errors import InputError, SourceLocation
from factcheck.spans import LineIndex
from factcheck.startup import regexcache

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "iframe", "object"}
    | {"canvas", "select", "button"}
)
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog"}
    | {"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "nav", "ol", "p", "pre", "section", "summary"}
    | {"table", "tbody", "tfoot", "thead", "tr", "ul"}
)
_CELLS = frozenset({"td", "th"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_META_DATES = frozenset({"date", "dc.date", "dcterms.date", "pubdate"})
_COLLAPSIBLE = regexcache.compile(r"^\s+|\s+$|(?! (?=\S))\s+")
"""Whitespace that HTML rendering collapses: any run except one plain space between two words."""
CELL_SEPARATOR = "; "
SCOPES = ("article", "main", "body")


class _Flow:
    """The text of one candidate scope, with HTML's whitespace collapsing and block breaks."""

    def __init__(self, original: str) -> None:
        self.out = TextBuilder(original)
        self._space: tuple[int, int] | None = None

    def data(self, raw: str, offset: int) -> None:
        if self.out.original[offset : offset + len(raw)] != raw:  # position lost: keep text, map to offset
            self._flush_space()
            self.out.insert(" ".join(raw.split()), offset)
            return
        kept = 0
        for space in _COLLAPSIBLE.finditer(raw):  # single spaces between words stay in the kept run
            if space.start() > kept:
                self._flush_space()
                self.out.keep(offset + kept, offset + space.start())
            self._space = self._space or (offset + space.start(), offset + space.end())
            kept = space.end()
        if kept < len(raw):
            self._flush_space()
            self.out.keep(offset + kept, offset + len(raw))

    def char(self, decoded: str, start: int, end: int) -> None:
        if decoded.isspace():
            self._space = self._space or (start, end)
        else:
            self._flush_space()
            self.out.replace(decoded, start, end)

    def newline(self, at: int, count: int) -> None:
        self._space = None
        if len(self.out):
            present = len(self.out.tail) - len(self.out.tail.rstrip("\n"))
            if count > present:
                self.out.insert("\n" * (count - present), at)

    def cell(self, at: int) -> None:
        if len(self.out) and not self.out.tail.endswith("\n"):
            self._space = None
            self.out.insert(CELL_SEPARATOR, at)

    def _flush_space(self) -> None:
        space, self._space = self._space, None
        if space is None or not len(self.out) or self.out.tail.endswith("\n"):
            return
        start, end = space
        if self.out.original[start:end] == " ":
            self.out.keep(start, end)
        else:
            self.out.replace(" ", start, end)


class _PageParser(HTMLParser):
    """Collects the scopes' text, the title candidates and the date candidates in one pass."""

    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self._lines = LineIndex(original)
        self.flows = {scope: _Flow(original) for scope in SCOPES}
        self._open: list[tuple[str, str]] = []
        self._roles: Counter[str] = Counter()
        self.titles: dict[str, list[str]] = {"title": [], "og:title": [], "h1": []}
        self.dates: dict[str, list[str]] = {"published": [], "time": [], "meta": []}
        self._h1_done = False
        self._active = self._active_flows()

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self._lines.line_start(line) + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self.source_offset()
        self._metadata(tag, {name: value or "" for name, value in attrs})
        if tag == "br":
            for flow in self._active:
                flow.newline(at, 1)
        elif tag in _CELLS:
            for flow in self._active:
                flow.cell(at)
        elif tag in _BLOCKS:
            for flow in self._active:
                flow.newline(at, 2)
        role = self._role(tag)
        if role is not None and tag not in _VOID:
            self._open.append((tag, role))
            self._roles[role] += 1
            self._active = self._active_flows()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                for _, role in self._open[index:]:
                    self._roles[role] -= 1
                del self._open[index:]
                self._active = self._active_flows()
                break
        if tag == "h1" and self.titles["h1"]:
            self._h1_done = True
        if tag in _BLOCKS:
            at = self.source_offset()
            for flow in self._active:
                flow.newline(at, 2)

    def handle_data(self, data: str) -> None:
        if self._roles["skip"]:
            return
        offset = self.source_offset()
        if self._collect_title(data):
            return
        for flow in self._active:
            flow.data(data, offset)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, head: str) -> None:
        if self._roles["skip"]:
            return
        start = self.source_offset()
        end = start + len(head) + (self.original.startswith(";", start + len(head)))
        raw = self.original[start:end]
        decoded = html.unescape(raw)
        if decoded == raw or not raw.startswith(head):  # not an entity after all ("AT&T")
            self.handle_data(raw if raw.startswith(head) else head)
            return
        decoded = decoded.replace("\xa0", " ")
        if self._collect_title(decoded):
            return
        for flow in self._active:
            flow.char(decoded, start, end)

    def _collect_title(self, text: str) -> bool:
        """Feed title candidates; true when the text belongs to no scope (it is in head or chrome)."""
        if self._roles["title"]:
            self.titles["title"].append(text)
            return True
        if self._roles["h1"] and not self._h1_done:
            self.titles["h1"].append(text)
        return bool(self._roles["head"] or self._roles["chrome"])

    def _active_flows(self) -> list[_Flow]:
        """The scopes that text at the current nesting receives (recomputed when the nesting changes)."""
        if self._roles["skip"] or self._roles["head"] or self._roles["chrome"] or self._roles["title"]:
            return []
        return [self.flows[scope] for scope in SCOPES if scope == "body" or self._roles[scope]]

    def _role(self, tag: str) -> str | None:
        if tag in _SKIPPED:
            return "skip"
        if tag == "header":
            return None if self._roles["article"] or self._roles["main"] else "chrome"
        if tag in ("article", "main", "head", "title", "h1"):
            return tag
        return None

    def _metadata(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "time" and attrs.get("datetime"):
            self.dates["time"].append(attrs["datetime"])
        if tag != "meta" or "content" not in attrs:
            return
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in ("article:published_time", "datepublished"):
            self.dates["published"].append(attrs["content"])
        elif key in _META_DATES:
            self.dates["meta"].append(attrs["content"])
        elif key == "og:title":
            self.titles["og:title"].append(attrs["content"])


def parse_html(path: str, original: str, *, source: str = "html") -> Document:
    """An HTML page's article text, title and publication date."""
    parser = _PageParser(original)
    try:
        parser.feed(original)
        parser.close()
    except (AssertionError, ValueError) as error:  # the parser's last-resort failures on odd markup
        line, column = parser.getpos()
        raise InputError(f"cannot parse HTML: {error}", SourceLocation(path, line, column + 1)) from error
    scope = next((name for name in SCOPES if len(parser.flows[name].out)), "body")
    text, offsets = parser.flows[scope].out.build()
    date, date_error = first_date(parser.dates["published"] + parser.dates["time"][:1] + parser.dates["meta"])
    metadata: dict[str, object] = {"content_scope": scope}
    if date_error:
        metadata["date_error"] = date_error
    return Document(
        path=path,
        text=text.rstrip("\n"),
        original=original,
        offsets=offsets,
        title=_title(parser.titles),
        date=date,
        source=source,
        metadata=metadata,
    )


def fragment_text(fragment: str) -> tuple[str, OffsetMap]:
    """The prose of an HTML fragment (a Markdown HTML block), with its map into the fragment."""
    parser = _PageParser(fragment)
    try:
        parser.feed(fragment)
        parser.close()
    except (AssertionError, ValueError):  # broken markup inside Markdown: keep what was read
        pass
    text, offsets = parser.flows["body"].out.build()
    return text.rstrip("\n"), offsets


def _title(candidates: dict[str, list[str]]) -> str | None:
    """``<title>``, else ``og:title``, else the first ``<h1>``, whitespace collapsed."""
    for key in ("title", "og:title", "h1"):
        parts = candidates[key][:1] if key == "og:title" else candidates[key]
        title = " ".join("".join(parts).split())
        if title:
            return title
    return None
