"""Hypothesis strategies for hostile input: rule expressions and pattern files generated from the
project's own lark grammars, and documents (plain text, Markdown, HTML, JSONL) and corpora built
from the pieces that have broken readers before: long figures, number-word runs, impossible dates,
YAML anchors, deep nesting, control characters, terminal escapes and workflow commands."""

from __future__ import annotations

import json

from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

from factcheck.startup.resources import grammar_path

# -- rule expressions, from grammars/rule.lark ------------------------------------------------------
NAMES = ["a", "b", "claims", "doc", "x", "y", "n", "value", "start", "end", "text", "kind", "date",
         "number", "duration", "percent", "event", "count", "sum", "min", "max", "all", "any", "len",
         "round", "abs", "following", "matching", "complete_date", "relative_date", "text_between",
         "days", "lower", "coalesce", "low", "high", "determiner", "grain", "day"]


def _rule_grammar() -> Lark:
    return Lark(grammar_path("rule.lark").read_text(encoding="utf-8"), start="start")


@st.composite
def _number(draw: st.DrawFn) -> str:
    digits = draw(st.one_of(st.integers(0, 10**6).map(str), st.integers(0, 10**40).map(str)))
    return digits + draw(st.sampled_from(["", ".5", ".25"]))


def _spaced(grammar: Lark, explicit: dict[str, st.SearchStrategy[str]]) -> dict[str, st.SearchStrategy[str]]:
    """Every terminal with a space either side (``from_lark`` would glue ``let`` to ``a``): literal
    keywords and punctuation as written, the others from ``explicit``."""
    spaced = {}
    for terminal in grammar.terminals:
        pattern = terminal.pattern
        if terminal.name in explicit:
            spaced[terminal.name] = explicit[terminal.name].map(lambda text: f" {text} ")
        elif type(pattern).__name__ == "PatternStr":
            spaced[terminal.name] = st.just(f" {pattern.value} ")
    return spaced


def _rule_terminals() -> dict[str, st.SearchStrategy[str]]:
    return _spaced(_rule_grammar(), {
        "NAME": st.sampled_from(NAMES),
        "NUMBER": _number(),
        "DATE": st.sampled_from(["2025-10-16", "2024-02-29", "0001-01-01", "9999-12-31"]),
        "DURATION": st.sampled_from(["8 months", "1 day", "90 minutes", "10 centuries", "0 years"]),
        "PERCENT": st.sampled_from(["50%", "0%", "100.5%"]),
        "STRING": st.sampled_from(['"the"', '"a"', "'x'", '""', '"\\u001b[31m"', '"::error::x"']),
        "COMMENT": st.just(""),
        "WS": st.just(" "),
    })


class BoundedGrammar:
    """Derivations of a lark grammar bounded in depth and size, so every draw terminates quickly
    (``hypothesis.extra.lark`` gives up on most derivations of the recursive rule grammar, "max
    depth exceeded"). Each nonterminal knows the least depth it needs to reach terminals; past
    ``max_depth`` levels, or once ``max_nodes`` nonterminals are expanded, only the expansions that
    close soonest are chosen. Expansions are ordered shallow first, so shrinking simplifies."""

    def __init__(self, grammar: Lark, terminals: dict[str, st.SearchStrategy[str]], max_depth: int,
                 max_nodes: int) -> None:
        self.terminals, self.max_depth, self.max_nodes = terminals, max_depth, max_nodes
        self.rules: dict[str, list[list[tuple[bool, str]]]] = {}
        for rule in grammar.rules:
            expansion = [(type(symbol).__name__ == "NonTerminal", symbol.name) for symbol in rule.expansion]
            self.rules.setdefault(rule.origin.name, []).append(expansion)
        self.least = self._least_depths()
        self._strategies: dict[tuple[str, int], st.SearchStrategy[list[tuple[bool, str]]]] = {}
        for expansions in self.rules.values():
            expansions.sort(key=self._expansion_depth)

    def _expansion_depth(self, expansion: list[tuple[bool, str]]) -> float:
        return self._expansion_depth_with(self.least, expansion)

    def _least_depths(self) -> dict[str, float]:
        least = dict.fromkeys(self.rules, float("inf"))
        changed = True
        while changed:  # a fixpoint: each pass lowers what a shallower expansion allows
            changed = False
            for name, expansions in self.rules.items():
                best = min(self._expansion_depth_with(least, e) for e in expansions)
                if best < least[name]:
                    least[name], changed = best, True
        return least

    @staticmethod
    def _expansion_depth_with(least: dict[str, float], expansion: list[tuple[bool, str]]) -> float:
        return 1 + max((least[name] for nonterminal, name in expansion if nonterminal), default=0)

    def _choices(self, name: str, room: int) -> st.SearchStrategy[list[tuple[bool, str]]]:
        """The expansions of ``name`` that close within ``room`` levels (at least the shallowest):
        a prefix of the sorted list, so one strategy per prefix length, made once."""
        expansions = self.rules[name]
        count = max(1, sum(self._expansion_depth(e) <= room for e in expansions))
        key = (name, count)
        if key not in self._strategies:
            self._strategies[key] = st.sampled_from(expansions[:count])
        return self._strategies[key]

    def strategy(self, start: str) -> st.SearchStrategy[str]:
        @st.composite
        def derive(draw: st.DrawFn) -> str:
            expanded = [0]

            def walk(name: str, depth: int) -> str:
                expanded[0] += 1
                room = self.max_depth - depth if expanded[0] <= self.max_nodes else 0
                expansion = draw(self._choices(name, room))
                return "".join(walk(symbol, depth + 1) if nonterminal else draw(self.terminals[symbol])
                               for nonterminal, symbol in expansion)

            return walk(start, 0)

        return derive()


expressions = st.deferred(
    lambda: BoundedGrammar(_rule_grammar(), _rule_terminals(), max_depth=40, max_nodes=60).strategy("start"))
"""Rule expressions from ``grammars/rule.lark``, depth-bounded: every draw is a valid expression
(in syntax; types and names may be wrong) of at most 40 grammar levels and 60 expansions."""

# -- deep but valid: shapes a user (or a rule generator) could write, past every nesting limit --------
MAX_DEEP_BYTES = 20_000  # deep inputs stay well under the 100 KB of the hang criterion, and quick
ATOMS = ["a.value", "1", "true", "a.text", "claims.number", "[1, 2]", "doc.date", '"x"']
WRAPPERS = ["({})", "not {}", "-{}", "abs({})", "[{}]", "len([{}])", "if true then {} else false",
            "let x = 1 in {}", "[{} for x in claims.number]", "count(x in claims.number: {})", "{}.value",
            "{}[0]", "({} or false)", "(true and {})"]
CHAINS = [" and ", " or ", " + ", " - ", " * ", " < ", " == ", " ~ "]


@st.composite
def deep_expressions(draw: st.DrawFn) -> str:
    """An expression nested or chained up to a few hundred levels deep (bracket, operator, syntax
    tree and recursion limits sit at 100, 200 and about 330): wrappers drawn level by level around
    a small (depth-bounded) core, or one operator repeated in a long chain."""
    core = draw(st.one_of(st.sampled_from(ATOMS), expressions))
    if draw(st.booleans()):
        levels = draw(st.lists(st.sampled_from(WRAPPERS), max_size=draw(st.sampled_from([5, 120, 450]))))
        for wrapper in levels:
            core = wrapper.format(core)
        return core
    operator = draw(st.sampled_from(CHAINS))
    longest = max(1, MAX_DEEP_BYTES // (len(core) + len(operator)))
    return operator.join([core] * draw(st.integers(1, min(longest, draw(st.sampled_from([10, 250, 600]))))))


def _rule(assertion: str, **extra: object) -> dict[str, object]:
    return {"id": "fuzz-rule", "title": "generated", "severity": "error", "for": "a in claims.number",
            "assert": assertion, "message": "{a.text}", **extra}


def _block(value: object, indent: int = 0) -> str:
    """``value`` as block-style YAML (indented mappings and lists), without recursion limits of its own."""
    lines: list[str] = []
    item, level = value, indent
    while True:  # one-item mappings and lists, as deep_rule_files builds them
        pad = " " * level
        if isinstance(item, dict) and item:
            key, item = next(iter(item.items()))
            lines.append(f"{pad}{key}:")
        elif isinstance(item, list) and item:
            lines.append(f"{pad}-")
            item = item[0]
        else:
            lines.append(f"{pad}{json.dumps(item)}")
            return "\n".join(lines)
        level += 1


@st.composite
def deep_rule_files(draw: st.DrawFn) -> str:
    """A rule file deep in its YAML (a field's value nested hundreds of levels, in flow or block
    style, past libyaml's limit of 1,000) or in its expressions (:func:`deep_expressions` in
    ``assert``, ``where`` or ``for``)."""
    if draw(st.booleans()):
        expression = draw(deep_expressions())
        where = draw(st.sampled_from(["assert", "where", "for"]))
        rule = _rule("a.value > 0")
        rule[where] = f"a in {expression}" if where == "for" else expression
        return json.dumps(rule)
    depth = draw(st.sampled_from([3, 40, 250, 1200]))
    leaf: object = draw(st.sampled_from(["x", 1, None, "a.value > 0"]))
    for _ in range(depth):
        leaf = draw(st.sampled_from([[leaf], {"k": leaf}]))
    field_name = draw(st.sampled_from(["tags", "examples", "assert", "message", "fix", "extra"]))
    rule = _rule("a.value > 0")
    if depth < 300 and draw(st.booleans()):  # block style indents each level: its size is quadratic
        head = "\n".join(f"{key}: {json.dumps(value)}" for key, value in rule.items())
        return f"{head}\n{field_name}:\n{_block(leaf, 1)}\n"
    rule[field_name] = leaf
    return json.dumps(rule)  # flow style


FOR_CLAUSES = [
    "a in claims.number",
    "a in claims.number, b in claims.number",
    "a in claims.duration, b in claims.date",
    "a in claims.date",
    "a in claims.all",
]


@st.composite
def rule_files(draw: st.DrawFn) -> str:
    """A rule file around a generated ``assert`` (and sometimes a generated ``where``)."""
    rule = {
        "id": "fuzz-rule",
        "title": "generated",
        "severity": draw(st.sampled_from(["error", "warning", "info"])),
        "for": draw(st.sampled_from(FOR_CLAUSES)),
        "assert": draw(expressions),
        "message": draw(st.sampled_from(["{a.text}", "plain", "{a.value} vs {b}", "{nope"])),
    }
    if draw(st.booleans()):
        rule["where"] = draw(expressions)
    return json.dumps(rule)  # JSON is YAML, and quotes every generated expression safely


# -- pattern files, from grammars/patterns.lark ------------------------------------------------------
def _pattern_grammar() -> Lark:
    return Lark(grammar_path("patterns.lark").read_text(encoding="utf-8"), start="start")


patterns = st.deferred(lambda: from_lark(
    _pattern_grammar(),
    start="start",
    explicit=_spaced(_pattern_grammar(), {
        "NAME": st.sampled_from(["number", "percent", "money", "date", "duration", "from", "to", "part",
                                 "x", "cap", "name", "word", "nope"]),
        "WORD": st.sampled_from(["rose", "from", "to", "by", "of", "the", "U.S.", "a", "and"]),
        "QUANT": st.sampled_from(["?", "*", "+", "{0,3}", "{2}", "{0,1000}", "{5,1}"]),
        "STRING": st.sampled_from(["'per cent'", '"U.S."', "'\x1b'"]),
        "PUNCT": st.sampled_from([",", ";", ".", "%", "$", "-", "/"]),
        "WS": st.just(" "),
    }),
))


@st.composite
def pattern_files(draw: st.DrawFn) -> str:
    types = ["claim<any>", "claim<number>", "string", "list<claim<any>>"]
    names = st.sampled_from(["from", "to", "part", "x", "name"])
    fields = draw(st.dictionaries(names, st.sampled_from(types), max_size=3))
    data = {
        "kind": "fuzz_kind",
        "description": "generated",
        "fields": fields or {"x": "claim<any>"},
        "patterns": draw(st.lists(patterns, min_size=1, max_size=3)),
    }
    return json.dumps(data)


# -- documents -------------------------------------------------------------------------------------
HOSTILE_PIECES = [
    "12345678901234567890123456789", "1" * 60, "1,000,000,000,000,000,000,000,000", "-0", "0.000000001",
    "one two three hundred thousand million and ", "a million million million million million",
    "nine hundred and ninety-nine sextillion", "point point point", "half a quarter million",
    "2025-02-30", "February 30, 2025", "yesterday, October 14", "today (Oct. 17)", "9/11", "24/7",
    "1e999999", "$12345678901234567890 billion", "99999999999999999999%", "a 90-minute call",
    "the two-hour call", "from 10 to 20, a 50% rise", "rose 1e9%", "President Trump", "in Paris, France",
    "\x1b[31m", "\x1b]0;owned\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "\x00", "\x7f", "\x9b2J",
    "\u202e", "\ufeff", "\ud7ff", "::error file=a::pwned", "\n::warning::x\n", "##[error]x", "%0A",
    "\r\n", "\r", "\t", "\u2028", "<!-- factcheck-disable -->", "<!-- factcheck-disable-next-line x -->",
    "<script>alert(1)</script>", "]]>", "&amp;", "&#0;", "\ud83d\ude00", "ÿ", "日本語",
]
WORDS = ["the", "talks", "lasted", "said", "on", "in", "of", "and", "percent", "million", "minutes",
         "months", "years", "ago", "was", "their", "eighth", "conversation", "since", "between"]

pieces = st.one_of(
    st.sampled_from(HOSTILE_PIECES),
    st.sampled_from(WORDS),
    st.integers(-10**30, 10**30).map(str),
    st.text(max_size=12),
)
prose = st.lists(pieces, max_size=60).map(" ".join)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    date = draw(st.sampled_from([
        "2025-10-16", "2025-02-30", "next tuesday", '"2025-13-45"', "", "[1, 2]", "2025-10-16T23:30:00-05:00",
        "*a", "{a: b}", "Tue, 14 Oct 2025 10:00:00 +0000",
    ]))
    extra = draw(st.sampled_from([
        "", "title: Hello", "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]",
        "x: " + "[" * 40 + "]" * 40,
        "bad: [unclosed", "t: \x01", "k: !!python/object:os.system x", "- list", "a: 1\na: 2",
    ]))
    return f"---\ndate: {date}\n{extra}\n---\n"


@st.composite
def markdown_documents(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(st.one_of(
        prose,
        prose.map(lambda t: "# " + t),
        prose.map(lambda t: "> " + t),
        prose.map(lambda t: "- " + t),
        prose.map(lambda t: "| " + t + " | 3 |\n|---|---|\n| 4 | 5 |"),
        prose.map(lambda t: "```\n" + t + "\n```"),
        prose.map(lambda t: "[" + t + "](http://x)"),
        st.just("```"), st.just("<!--"), st.just("[^1]: note"),
    ), max_size=8))
    head = draw(st.one_of(st.just(""), front_matter()))
    return head + "\n\n".join(blocks)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    body = draw(st.lists(st.one_of(
        prose.map(lambda t: f"<p>{t}</p>"), prose,
        st.sampled_from(["<p>", "</div>", "<script>var x = '1';", "<style>", "<!--", "<![CDATA[",
                         "<time datetime='2025-02-30'>x</time>", "<br/>", "&#x1b;", "&nbsp;", "<" * 50,
                         "<div>" * 300, "<meta property='article:published_time' content='next week'>"]),
    ), max_size=12))
    return "<html><head><title>t</title></head><body>" + "".join(body) + "</body></html>"


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def jsonl_documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        choice = draw(st.integers(0, 6))
        text = draw(prose)
        if choice == 0:
            lines.append(json.dumps({"id": draw(pieces), "text": text, "date": draw(st.sampled_from(
                ["2025-10-16", "2025-02-30", None, 7, "x"]))}))
        elif choice == 1:
            lines.append('{"text": "x", "deep": ' + _deep(draw(st.integers(1, 3000))) + "}")
        elif choice == 2:
            lines.append(draw(st.sampled_from(["", "{", "[]", "null", '{"text": 5}', '{"id": "x"}', "\xff"])))
        elif choice == 3:
            lines.append(json.dumps({"text": text, "title": draw(pieces)}, ensure_ascii=False))
        else:
            lines.append(json.dumps({"text": text}))
    return "\n".join(lines) + "\n"


plain_documents = prose

documents = st.one_of(
    st.tuples(st.just(".txt"), plain_documents),
    st.tuples(st.just(".md"), markdown_documents()),
    st.tuples(st.just(".html"), html_documents()),
    st.tuples(st.just(".jsonl"), jsonl_documents()),
)

file_names = st.one_of(
    st.just("doc"),
    st.sampled_from(["::error file=x::y", "a\nb", "a\x1bb", "a\rb", "\u202eevil", "%0A", "a,b:c", " sp "]),
    st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
            min_size=1, max_size=12),
)
corpora = st.lists(st.tuples(file_names, documents), min_size=1, max_size=4)
