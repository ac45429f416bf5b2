"""Compiling a pattern's syntax tree, once, to a Python regex over a document's *masked text*.

The masked text is the document with every atomic claim replaced by a placeholder
``\\x00kind#index\\x01`` (see :mod:`factcheck.claims.patterns.matcher`), so a claim element is a
literal-prefixed regex and the claim it matched is read back from the placeholder's index. Words,
word classes and gaps are ordinary regexes over the words between placeholders. Every repetition is
bounded (``+`` means at most :data:`UNBOUNDED_REPEAT` times) and gaps never cross a claim or a
sentence end, so a match reads a bounded window from where it starts and the search is linear.

Captures become named groups ``_cN``. Python keeps only a group's last repetition, so a repetition
that holds captures is wrapped in a group ``_rN`` and compiled on its own as well: after a match the
collector re-reads that span one repetition at a time (see :class:`Level`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.claims.lexicon import alternation, trie, with_capitals
from factcheck.claims.patterns.starts import (
    ANY,
    COMMON,
    MIN_WINDOW,
    START,
    Anchor,
    Need,
    anchor,
    crosses,
    least,
    reached,
    selective,
    starters,
    tokens,
    unstopped,
)
from factcheck.claims.patterns.syntax import (
    ITEM_OPENERS,
    TIME_KINDS,
    Alt,
    Capture,
    ClaimRef,
    Gap,
    Literal,
    Node,
    Repeat,
    Seq,
    WordClass,
)
from factcheck.claims.regexparts import CONSEQUENCE, CONTRAST, GAP, HSPACE, LINE_GAP, UPPER
from factcheck.startup import regexcache

# Possessive: no element starts with a space, and adjacent separators (around optional elements)
# splitting one run of spaces every way would make a failing match polynomial in the run's length.
SEP = rf"{HSPACE}*+(?:\n{HSPACE}*+)?"
# before a ``<bullet>``, which takes the line break itself: the separator's possessive line break
# would leave none for it, and a list with one item a line ("- Labour 37%\n- Greens 8%") would
# match only with blank lines between its items
LINE_SEP = rf"{HSPACE}*+"
# The capital comes first (then a look-behind) so the regex engine can skip ahead by character set.
# A word may end in a plus, as brand names do ("Disney+", "Canal+"); a figure's plus ("18+") is a claim.
_CAP = rf"(?:[{UPPER}](?<![\w'’].)(?:\.(?:[A-Z]\.)+|[\w'’&\-]*\+?))"
_WORD = r"(?:(?:[A-Za-z]\.){2,}|[^\W_](?:[\w'’&/\-]|\.(?=\w))*\+?)"
_NOT_IN_WORD = r"(?<![\w'’])"
# right after a list marker at the start of a line: "- ", "-- ", "* ", "• ", "2. ", "2) " (a numbered
# marker's figure is a claim: its placeholder ends in \x01)
_MARKED = r"(?:(?<=\n- )|(?<=\n-- )|(?<=\n\* )|(?<=\n• )|(?<=\n— )|(?<=\x01\. )|(?<=\x01\) ))"
_NAMED_GROUP = regexcache.compile(r"(?<!\\)\(\?P<\w+>")
# Nested content of a list item (documents/markdown.py): its lines open with a tab per level and end
# with a tab. An item line with no tab at its end takes the nested lines after it (a paragraph that
# continues it, a nested list) as its own, and the newline after them, so that the next item's
# ``<bullet>`` follows; a ``<bullet>`` after a nested line goes only to another nested line, so a
# nested list announced by its own lead-in ends where its items do.
_NESTED_LINE = rf"\n(?:{HSPACE}*\n)?\t[^\n]*"
_NESTED = rf"(?:(?=[ \u00a0]*\n)(?:{_NESTED_LINE})++(?:\n(?=\n))?)?"
_LINE_BODY = r"[^\s.!?][^\n.!?]{0,119}"
_CLASSES = {
    "cap": _CAP,
    "name": rf"{_CAP}(?:{GAP}{_CAP}){{0,3}}",
    "word": _NOT_IN_WORD + _WORD,
    "lower": _NOT_IN_WORD + r"[a-z](?:[\w'’]|-(?=\w))*",
    # a dash set apart by spaces, as an aside or a list opener ("cost £6m – three million on ..."),
    # never the hyphen or en dash joining the figures of a score, a range or a model ("52-3", "21–14")
    "dash": r"(?<!\S)(?:--|[-–—])(?=[ \t])",
    # where a sentence opens, reading nothing: the text's start, a line's start (after its indent),
    # or after a sentence's closing mark and a space or two, a closing quote or bracket between
    "start": START,
    # a new line (a blank line at most before it) and the list marker it may open with: "- ", "-- ",
    # "2. ", "2) " (its figure read as a number claim or not).
    # The spaces before the line break are the separator's (every element but a pattern's first has one):
    # taking them here too would let the two split a run of spaces every way before failing.
    # (after a line of nested content, only to another: a sub-list ends where its items do)
    # (or the text's start: a table or a list may open the document)
    "bullet": (rf"(?:\A|(?:(?<!\t)|(?=\n(?:{HSPACE}*\n)?\t))"
               rf"\n{LINE_GAP})(?:(?:--|[-*+•—]|[0-9]{{1,2}}[.)]|\x00number#[0-9]+\x01[.)]){GAP})?"),
    # a new line, up to two blank lines before it: what follows a list past its end (the Markdown
    # reader's section break), such as the total under a table or a list ("In all: 76")
    "below": rf"\n(?:{HSPACE}*\n){{0,2}}{HSPACE}*",
    # a new line and a list marker that is there: the next item of a list, whatever it holds ("4) to
    # protect the banks. REUTER" after the items read says the list goes on)
    "marker": rf"\n{LINE_GAP}(?:--|[-*+•—]|[0-9]{{1,2}}[.)]|\x00number#[0-9]+\x01[.)]){GAP}",
    # a new line of a list item's nested content (a line the Markdown reader opens with a tab): an
    # item of a sub-list, announced by a lead-in inside an item of the outer list
    "nested": rf"\n(?:{HSPACE}*\n)?\t+",
    # the rest of a line that is no sentence (it has no full stop), claims and all: a list item; not
    # a line ending in a colon, which announces a list of its own
    # (with the nested content after it: a line ending in a colon is an item when a nested list follows)
    "line": (rf"(?:{_LINE_BODY}(?<=[^\s:])[;,]?(?={HSPACE}*(?:\n|$)){_NESTED}"
             rf"|{_LINE_BODY}(?<=:)(?=[ \u00a0]*\n(?:{HSPACE}*\n)?\t){_NESTED})"),
    # a list item that may be a sentence, its full stop (or other end) at the end of its line: a Markdown
    # list's item, whose marker the reader has dropped; a pattern reading such items ends the list
    # with ``<end>``, where CommonMark ended it, so the paragraph after the list is never an item
    "point": rf"[^\s.!?][^\n.!?]{{0,199}}(?<=[^\s:])[;,.!?]?(?={HSPACE}*(?:\n|$)){_NESTED}",
    # where a section ends, reading nothing: two blank lines, which the Markdown reader sets after a
    # list (the document's last block too) and before a heading
    "end": rf"(?={HSPACE}*\n{HSPACE}*\n{HSPACE}*\n)",
    # a list item right after its marker ("- ", "-- ", "* ", "2) "), which may end with a full stop and
    # run longer than an unmarked line (the marker says where it starts):
    # "-- new rules to resolve trade disputes.", "4) to protect the financial health of banks."
    "item": rf"{_MARKED}[^\s.!?][^\n.!?]{{0,199}}(?<=[^\s:])[;,.]?(?={HSPACE}*(?:\n|$))",
    # what is left of the current line, without a claim (possibly nothing): "supported it"; not the
    # end of a line ending in a colon, which announces a list of its own ("- Leisure: £3m" then
    # "The council spent £3.1m on:" is no fourth item)
    "rest": rf"(?<!\n)(?<!\n[ \t])(?:[^\n\x00]{{0,119}}[^\n\x00:\s])?(?={HSPACE}*(?:\n|$)){_NESTED}",
}
# A gap is a word other than "and"/"or" (which join list items), the words that open a contrasting
# clause ("but", "while", "against", ...) and the participles that open a clause of consequence
# ("resulting in", "pushing", "bringing", "taking", "lifting", "sending", "leaving"), or a quote,
# parenthesis or dash: never a comma, a claim or a sentence end, so "_{0,8}" cannot run past the next
# list item or into the next comparison or result ("fell by 6.6 pct, resulting in a surge in net
# imports from 175,901 to 251,708": the endpoints are the surge's). A possessive after a claim is a
# gap of its own ("Sunday's beach clean", "last year's figure"), as a curly apostrophe is.
_GAP = (rf"(?:{_NOT_IN_WORD}(?!(?i:and|or|{CONTRAST}|against|versus|vs|compared|{CONSEQUENCE})\b){_WORD}"
        r"|[\"“”‘’()<>\-–—]|(?<=\x01)'s\b)")


@dataclass(frozen=True, slots=True)
class CaptureSlot:
    """One capture in a pattern: its regex group, field, and what it captures (a claim kind or a
    string when ``kind`` is None)."""

    group: str
    field: str
    is_list: bool
    kind: str | None
    pos: int
    path: str | None = None  # a field of the captured composite (``{kind.field:x}``)


@dataclass(slots=True)
class Level:
    """The captures read directly from one match, and the repetitions re-read one by one."""

    captures: list[CaptureSlot] = field(default_factory=list)
    repeats: list[RepeatSlot] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)  # groups of filler between a match's parts


@dataclass(slots=True)
class RepeatSlot:
    """A repeated group of a pattern, whose repetitions are read one by one from the match's span."""

    group: str
    source: str
    level: Level
    _body: re.Pattern[str] | None = None

    @property
    def body(self) -> re.Pattern[str]:
        """One repetition, re-read from the match's span: greedy alone, a repetition could take words
        the next one needs ("37 pct and the Alliance 23 pct": the filler after 37 pct may not eat
        "and the Alliance"), so it must leave the rest of the span to further repetitions, as the
        whole match did."""
        if self._body is None:
            rest = _NAMED_GROUP.sub("(?:", self.source)
            self._body = regexcache.compile(rf"{self.source}(?=(?:{rest})*\Z)")
        return self._body

    def __getstate__(self) -> tuple:
        return (self.group, self.source, self.level)

    def __setstate__(self, state: tuple) -> None:
        self.group, self.source, self.level = state
        self._body = None


@dataclass(slots=True)
class Compiled:
    """A compiled pattern. The regexes are kept as source and compiled on first use, so that a
    pattern set read from the on-disk cache costs nothing until a document needs it."""

    source: str
    level: Level
    kinds: list[tuple[str, int]]  # every claim kind the pattern names, with its offset
    starts: frozenset[tuple[str, str]] = frozenset()  # see starts.starters; ANY when unselective
    anchor: Anchor | None = None
    needs: tuple[Need, ...] = ()  # see starts.needs: what every match contains
    window: int | None = None  # see starts.tokens: the most runs of non-space characters a match holds
    reach: tuple[int, ...] = ()  # per need, see starts.reached: within how many runs of the start it lies
    # claims every match holds (see starts.least), all before the next sentence stop, when a match
    # never holds one (see starts.crosses); empty when not worth checking
    before_stop: tuple[tuple[Need, int], ...] = ()
    # whether a match never holds a sentence stop (see starts.crosses): then it lies in one sentence,
    # with every need and starter it holds (see matcher.Needs)
    in_sentence: bool = False
    # what every match holds beside ``needs`` but is not worth seeking per place (far into the match,
    # or a class of many words): still a document, or a sentence, without it holds no match
    held: tuple[Need, ...] = ()
    _regex: re.Pattern[str] | None = None
    _before: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = regexcache.compile(self.source)
        return self._regex

    @property
    def before(self) -> re.Pattern[str]:
        """The regex of the run before the anchor (see :class:`~.starts.Anchor`)."""
        if self._before is None:
            self._before = regexcache.compile(self.anchor.before)  # type: ignore[union-attr]
        return self._before

    def __getstate__(self) -> tuple:
        return (self.source, self.level, self.kinds, self.starts, self.anchor, self.needs, self.window,
                self.reach, self.before_stop, self.in_sentence, self.held)

    def __setstate__(self, state: tuple) -> None:
        (self.source, self.level, self.kinds, self.starts, self.anchor, self.needs, self.window,
         self.reach, self.before_stop, self.in_sentence, self.held) = state
        self._regex = self._before = None


class _Compiler:
    def __init__(self) -> None:
        self.counter = 0
        self.kinds: list[tuple[str, int]] = []

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"_{prefix}{self.counter}"

    def emit(self, node: Node, level: Level) -> str:
        if isinstance(node, Literal):
            return _literal(node.text)
        if isinstance(node, ClaimRef):
            self.kinds.append((node.kind, node.pos))
            return f"\x00{node.kind}#[0-9]+\x01"
        if isinstance(node, Gap):
            return _GAP
        if isinstance(node, WordClass):
            return _CLASSES[node.name]
        if isinstance(node, Seq):
            return self.emit_item(node.items[0], level) + self.following(node.items[1:], level, node.items[0])
        if isinstance(node, Alt) and all(_plain_word(branch) for branch in node.branches):
            return _words([branch.text for branch in node.branches])  # type: ignore[union-attr]
        if isinstance(node, Alt):
            return "(?:" + "|".join(self.alternatives(node, level)) + ")"
        if isinstance(node, Repeat):
            return self.repeat(node, level)
        return self.capture(node, level)

    def alternatives(self, node: Alt, level: Level) -> list[str]:
        """The branches of an alternation, nested alternations spliced in (an ordered alternation
        is associative) and each run of adjacent single words merged into one trie. At one place at
        most one word of a run can match (each ends at a word boundary), so merging keeps the order
        in which the branches are tried; it saves the regex engine a failed branch per lemma of a
        word class such as ``@up_verb``, at every place the pattern is tried."""
        out: list[str] = []
        run: list[str] = []
        mode = ""
        for word, kind, branch in _flat(node):
            if word is None or kind != mode or _overlaps(word, run):
                out += [_run(run, mode)] if run else []
                run, mode = [], kind
            if word is None:
                out.append(self.emit(branch, level))
            else:
                run.append(word)
        return out + ([_run(run, mode)] if run else [])

    def following(self, items: Sequence[Node], level: Level, first: Node | None = None) -> str:
        """``items`` after ``first``, each with its separator: only spaces after a ``<bullet>`` or a
        ``<marker>``, which has taken the line break (and the blank line) before the item's text."""
        out, before = [], first
        for item in items:
            out.append(self.separated(item, level, line=before is not None and _ends_with_bullet(before)))
            before = item
        return "".join(out)

    def separated(self, node: Node, level: Level, *, line: bool = False) -> str:
        """``node`` with the separator before it. A repetition carries its own, one per repetition;
        an element that may open with a repetition (a group whose first branch or first element is
        one: ``(<word>{0,3}|_{4,8})``) takes the separator inside, before each of its branches and
        elements that do not carry one, so that where the repetition matches nothing one separator
        stands before what follows, not two: a separator allows one line break, two would let a
        match cross a blank line."""
        if isinstance(node, Repeat):
            return self.emit_item(node, level, line=line)
        if not _carries_separator(node):
            return (LINE_SEP if line else _separator(node)) + self.emit_item(node, level)
        if isinstance(node, Capture):
            return self.capture(node, level, separated=True, line=line)
        if isinstance(node, Seq):
            return (self.separated(node.items[0], level, line=line)
                    + self.following(node.items[1:], level, node.items[0]))
        assert isinstance(node, Alt)
        return "(?:" + "|".join(self.separated(branch, level, line=line) for branch in node.branches) + ")"

    def emit_item(self, node: Node, level: Level, *, line: bool = False) -> str:
        """An item of a sequence; filler between the parts (a gap, a bounded run of gaps, commas and
        time phrases) is a group of its own, so a match can say how far apart its parts stood. With
        ``line``, a repetition's separators are spaces only (see :meth:`following`)."""
        source = self.repeat(node, level, line=line) if isinstance(node, Repeat) else self.emit(node, level)
        if not (isinstance(node, Gap) or (isinstance(node, Repeat) and filler(node.body))):
            return source
        group = self.name("g")
        level.gaps.append(group)
        return f"(?P<{group}>{source})"

    def repeat(self, node: Repeat, level: Level, *, line: bool = False) -> str:
        inner = Level()
        # a list item that runs to the end of its line is atomic: how it splits its own words cannot
        # matter to what follows, and a failure after a list must not try every split of every item
        # ("- 120 residents" read as <word> "resident" and <rest> "s"), which costs exponential time
        atomic = "?>" if _line_item(node.body) else "?:"
        body = f"({atomic}{self._repeated(node.body, inner, line)})"
        quantified = f"{body}{{{node.low},{node.high}}}{'?' if node.lazy else ''}"
        if not inner.captures and not inner.repeats:
            return quantified
        group = self.name("r")
        level.repeats.append(RepeatSlot(group, body, inner))
        return f"(?P<{group}>{quantified})"

    def _repeated(self, node: Node, level: Level, line: bool = False) -> str:
        """One repetition of ``node``, with the separator before it."""
        if _carries_separator(node):
            return self.separated(node, level, line=line)
        return (LINE_SEP if line else _separator(node)) + self.emit(node, level)

    def capture(self, node: Capture, level: Level, *, separated: bool = False, line: bool = False) -> str:
        """A capture group; with ``separated``, the separator before it inside the group (see
        :meth:`separated`: a captured string is read without its surrounding spaces)."""
        group = self.name("c")
        kinds = claim_kinds(node.body)
        kind = None if kinds is None else kinds.pop() if len(kinds) == 1 else "any"
        path = node.body.path if isinstance(node.body, ClaimRef) else None
        level.captures.append(CaptureSlot(group, node.field, node.is_list, kind, node.pos, path))
        body = self.separated(node.body, level, line=line) if separated else self.emit(node.body, level)
        return f"(?P<{group}>{body})"


def filler(node: Node) -> bool:
    """Whether ``node`` only ever matches what stands between a frame's parts: gap words,
    punctuation and time phrases ("in January 1987", ", for the three months to December,")."""
    if isinstance(node, Gap):
        return True
    if isinstance(node, Literal):
        return not any(char.isalnum() for char in node.text)
    if isinstance(node, ClaimRef):
        return node.kind in TIME_KINDS and node.path is None
    if isinstance(node, Alt):
        return all(filler(branch) for branch in node.branches)
    if isinstance(node, Repeat):
        return filler(node.body)
    return False


def claim_kinds(node: Node) -> set[str] | None:
    """The kinds a claim element (or an alternation of them) matches; None for anything else."""
    if isinstance(node, ClaimRef):
        return {node.kind}
    if isinstance(node, Alt):
        kinds = [claim_kinds(branch) for branch in node.branches]
        return None if any(k is None for k in kinds) else set().union(*kinds)  # type: ignore[arg-type]
    return None


def _flat(node: Alt) -> list[tuple[str | None, str, Node]]:
    """The branches of ``node``, nested alternations spliced in, each with its word(s) and how they
    are matched when they are lower-case words: ``"capitals"`` inside an alternation of single
    such words only (lower case or capitalised, see :func:`_words`), ``"any"`` for a literal of one
    or more words on its own (any case: "went up", "fell"); ``(None, "", branch)`` for anything else."""
    if all(_plain_word(branch) for branch in node.branches):
        return [(branch.text, "capitals", branch) for branch in node.branches]  # type: ignore[union-attr]
    flat: list[tuple[str | None, str, Node]] = []
    for branch in node.branches:
        if isinstance(branch, Alt):
            flat += _flat(branch)
        elif isinstance(branch, Literal) and _PLAIN_WORDS.fullmatch(branch.text):
            flat.append((" ".join(branch.text.split()), "any", branch))
        else:
            flat.append((None, "", branch))
    return flat


def _overlaps(words: str, run: list[str]) -> bool:
    """Whether a phrase of a run could match where another of the run matches: one is the other's
    first words ("fall", "fall back"). Otherwise at most one phrase of a run matches at a place
    (each ends at a word boundary), so the run, tried as one trie, keeps the order of trial."""
    return any(other != words and (other.startswith(words + " ") or words.startswith(other + " "))
               for other in run)


# a word joined to another by a hyphen is part of that compound, never a word of its own: "up" in
# "take-up", "start-up" or "up-front", "higher" in "higher-than-expected". The guard before a word
# stands after its first character (see :func:`_opened`): ``\b`` and the look-behind are read only
# where that character matched, not at every place a word is tried.
_OPENED = r"(?<!\w.)(?<![^\W_]-.)"
_CLOSE = r"\b(?!-[^\W_])"


def _run(words: list[str], mode: str) -> str:
    return _words(words) if mode == "capitals" else rf"(?i:{_opened(words, alternation)}{_CLOSE})"


def _opened(words: list[str], build) -> str:
    """``build(words)`` (a trie source) with a word's opening guard after its first character: "a
    word starts here (``\\b``) and not after a letter or digit and a hyphen" holds at ``p``, whose
    character is a letter or digit, exactly when, one character on, neither the character before
    ``p`` is one of a word nor the two before it are a letter or digit and a hyphen. Words are
    grouped by first character: at one place at most one group can match, so the order of trial
    within each group is the order of ``build``'s trie."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _OPENED + build(rests) for first, rests in groups.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_PLAIN_WORDS = regexcache.compile(r"[a-z]+(?:[ ]+[a-z]+)*")


def _plain_word(node: Node) -> bool:
    return isinstance(node, Literal) and re.fullmatch(r"[a-z]+", node.text) is not None


def _words(words: list[str]) -> str:
    """Single lower-case words as a case-sensitive trie with both first-letter cases: unlike an
    ignore-case alternation, it lets the regex engine skip ahead to a possible first letter."""
    return rf"{_opened(with_capitals(words), trie)}{_CLOSE}"


# either apostrophe in a literal, replaced in one pass (replacing one and then the other rewrote the
# class the first replacement wrote: "don't" compiled to ``don['['’]]t``, which matched nothing)
_APOSTROPHE = regexcache.compile(r"['’]")


def _literal(text: str) -> str:
    """Words matched case-insensitively, apostrophes either way, spaces as any run of spaces."""
    words = text.split()
    body = GAP.join(_APOSTROPHE.sub("['’]", re.escape(word)) for word in words)
    end = _CLOSE if words[-1][-1].isalnum() else ""
    if words[0][0].isalnum():  # the opening guard after the first character (see _opened)
        return f"(?i:{body[0]}{_OPENED}{body[1:]}{end})"
    return f"(?i:{body}{end})"


def compile_pattern(node: Node) -> Compiled:
    """The regex and capture table of a parsed pattern."""
    compiler = _Compiler()
    level = Level()
    source = compiler.emit(node, level)
    found, empty = starters(node)
    starts = frozenset({ANY} if empty else found)
    anchored = anchor(node, lambda part: _Compiler().emit(part, Level())) if ANY in starts else None
    window = tokens(node)
    # a need that holds every starter is met at each candidate: checking it would cost for nothing
    found = reached(node)
    kept = [(need, reach) for need, reach in selective(found) if ANY in starts or not starts <= need]
    held = tuple(need for need, _ in found if not need & COMMON and all(need != other for other, _ in kept)
                 and (ANY in starts or not starts <= need))
    stopped = () if window is not None and window < MIN_WINDOW else tuple(
        sorted(least(unstopped(node)).items(), key=lambda pair: (-pair[1], len(pair[0]), sorted(pair[0]))))
    return Compiled(source, level, compiler.kinds, starts, anchored, tuple(need for need, _ in kept), window,
                    tuple(reach for _, reach in kept), stopped, not crosses(node), held)


def captured(node: Node) -> tuple[set[str], dict[str, list[Capture]]]:
    """The fields every match of ``node`` captures, and every capture of each field."""
    if isinstance(node, Capture):
        always, every = captured(node.body)
        every.setdefault(node.field, []).insert(0, node)
        return always | {node.field}, every
    if isinstance(node, Seq | Alt):
        parts = [captured(child) for child in (node.items if isinstance(node, Seq) else node.branches)]
        sets = [always for always, _ in parts]
        always = set.union(*sets) if isinstance(node, Seq) else set.intersection(*sets)
        every: dict[str, list[Capture]] = {}
        for _, found in parts:
            for name, captures in found.items():
                every.setdefault(name, []).extend(captures)
        return always, every
    if isinstance(node, Repeat):
        always, every = captured(node.body)
        return (always if node.low > 0 else set()), every
    return set(), {}


def required_kinds(node: Node) -> set[str]:
    """The claim kinds every match of ``node`` contains: a document without one is skipped."""
    if isinstance(node, ClaimRef):
        return {node.kind}
    if isinstance(node, Capture):
        return required_kinds(node.body)
    if isinstance(node, Seq):
        return set().union(*(required_kinds(item) for item in node.items))
    if isinstance(node, Alt):
        return set.intersection(*(required_kinds(branch) for branch in node.branches))
    if isinstance(node, Repeat) and node.low > 0:
        return required_kinds(node.body)
    return set()


def _separator(node: Node) -> str:
    """What may stand before ``node`` in a sequence: spaces and a line break, or only spaces when
    the node opens with ``<bullet>`` (see ``LINE_SEP``)."""
    return LINE_SEP if _opens_with_bullet(node) else SEP


def _ends_with_bullet(node: Node) -> bool:
    """Whether a match of ``node`` may end with a ``<bullet>`` or a ``<marker>``."""
    if isinstance(node, WordClass):
        return node.name in ITEM_OPENERS
    if isinstance(node, Seq):
        return _ends_with_bullet(node.items[-1])
    if isinstance(node, Capture | Repeat):
        return _ends_with_bullet(node.body)
    if isinstance(node, Alt):
        return any(_ends_with_bullet(branch) for branch in node.branches)
    return False


def _carries_separator(node: Node) -> bool:
    """Whether a match of ``node`` may open with a repetition, which carries its own separator."""
    if isinstance(node, Repeat):
        return True
    if isinstance(node, Capture):
        return _carries_separator(node.body)
    if isinstance(node, Seq):
        return _carries_separator(node.items[0])
    if isinstance(node, Alt):
        return any(_carries_separator(branch) for branch in node.branches)
    return False


def _line_item(node: Node) -> bool:
    """Whether every match of ``node`` is one line: it opens with ``<bullet>`` or ``<marker>`` and
    ends with a class that reads to the end of the line (``<rest>``, ``<line>``, ``<item>``)."""
    return _opens_with_bullet(node) and _ends_line(node)


def _ends_line(node: Node) -> bool:
    if isinstance(node, WordClass):
        return node.name in ("rest", "line", "item", "point")
    if isinstance(node, Seq):
        return _ends_line(node.items[-1])
    if isinstance(node, Capture):
        return _ends_line(node.body)
    if isinstance(node, Alt):
        return all(_ends_line(branch) for branch in node.branches)
    return False


def _opens_with_bullet(node: Node) -> bool:
    if isinstance(node, WordClass):
        return node.name in ITEM_OPENERS
    if isinstance(node, Seq):
        return _opens_with_bullet(node.items[0])
    if isinstance(node, (Capture, Repeat)):
        return _opens_with_bullet(node.body)
    if isinstance(node, Alt):
        return all(_opens_with_bullet(branch) for branch in node.branches)
    return False
