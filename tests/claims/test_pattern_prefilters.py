"""The frame engine's shortcuts lose no match: merged word alternations, needs and their windows,
bullet starts, and the combined search kept per pack.

Each shortcut is compared with the plain way of doing the same thing: an alternation compiled one
branch at a time, every candidate tried, the whole text searched. The news-corpus comparison of the
candidate matcher with the brute-force reference is in ``test_pattern_matching.py``.
"""

from __future__ import annotations

import re

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.kinds import BUILTIN_KINDS
from factcheck.claims.patterns import PatternSet, default_dir, load_pattern_text, word_files
from factcheck.claims.patterns.compiler import Level, _Compiler, compile_pattern
from factcheck.claims.patterns.loader import load_word_text
from factcheck.claims.patterns.matcher import Masked, match_kind
from factcheck.claims.patterns.starts import (
    BULLET,
    OPENING,
    OPENINGS,
    START,
    STOP,
    crosses,
    least,
    needs,
    scanner,
    tokens,
)
from factcheck.claims.patterns.syntax import Alt, parse_pattern


class _OneBranchAtATime(_Compiler):
    """The compiler without merging: each branch of an alternation emitted on its own."""

    def alternatives(self, node: Alt, level: Level) -> list[str]:
        return [self.emit(branch, level) for branch in node.branches]


def _macros() -> dict:
    shared: dict = {}
    for path in word_files(default_dir()):
        shared = load_word_text(str(path), path.read_text(encoding="utf-8"), shared)
    return shared


WORDS = ["rose", "ROSE", "Rose", "rOSE", "risen", "went up", "WENT UP", "was up", "Was Higher", "fell",
         "FELL", "up", "Up", "UP", "higher", "off", "soared", "rosemary", "uptick", "dropped", "cut",
         "Cuts", "scaled back", "SCALE BACK", "edged up", "moved down"]
TEXTS = [f"Sales {word} 5 pct to 20 from 19." for word in WORDS] + [
    "EXPORTS ROSE 12 PCT AND IMPORTS FELL 3 PCT, WHILE PRICES WERE UP.",
    "Output went up, then went down; it was higher, then lower, and was off 2 pct.",
]


@pytest.mark.parametrize("pattern", [
    "(@up_verb|@down_verb)",
    "(@up_verb|@down_verb|@up_adverb|@down_adverb) [by] {number}",
    "(up|@up_verb|higher|went up|down) {number}",
    "(rose|went up|fell|Off|was up|cut)",
    "(@up_noun|@down_noun|~be up|rise)",
])
def test_merged_alternations_match_what_one_branch_at_a_time_matches(pattern: str) -> None:
    node = parse_pattern(pattern, _macros())
    merged = re.compile(compile_pattern(node).source)
    plain = re.compile(_OneBranchAtATime().emit(node, Level()))
    assert len(merged.pattern) < len(plain.pattern) or "@" not in pattern
    for text in TEXTS:
        masked = re.sub(r"\b[0-9]+\b", lambda m: f"\x00number#{m.start()}\x01", text)
        for place in range(len(masked)):
            one, two = merged.match(masked, place), plain.match(masked, place)
            assert (one and one.span()) == (two and two.span()), (pattern, text, place)


def test_needs_are_what_every_match_holds() -> None:
    node = parse_pattern("(rose|fell) [by] {percent} (to {number} & from {number})")
    found = needs(node)
    assert frozenset({("word", "from")}) in found
    assert frozenset({("word", "to")}) in found
    assert frozenset({("claim", "percent")}) in found
    assert needs(parse_pattern("[by] {number}")) == [frozenset({("claim", "number")})]
    assert needs(parse_pattern("(up {number}|down {percent})")) == [
        frozenset({("word", "up"), ("word", "down")})]
    # every word of a literal is needed, the rare ones ranked first ("total" before "a" and "of")
    assert needs(parse_pattern("{number} (in all|a total of)")) == [
        frozenset({("word", "all"), ("word", "total")}), frozenset({("claim", "number")})]
    assert tokens(parse_pattern("rose _{0,3} {number}")) == 5
    assert tokens(parse_pattern("<name> said")) == 5
    assert tokens(parse_pattern("<bullet> <line>")) is None  # a line holds any number of words


def _demo(pattern: str):
    text = f'kind: demo_kind\ndescription: d\nfields:\n  n: claim<number>?\npatterns:\n  - "{pattern}"\n'
    return load_pattern_text("demo.yaml", text, BUILTIN_KINDS)


def _tried(kind, text: str) -> tuple[list[str], int]:
    """The demo kind's matches in ``text``, and how many candidates passed the needs."""
    atoms = [c for c in extract_claims(text) if not c.fields]
    masked = Masked(text, atoms)
    masked.scan(PatternSet([kind]).scanner())
    compiled = kind.patterns[0]
    starts = [p for key in compiled.starts for p in masked.at.get(key, ())]
    passed = sum(masked.plausible(compiled, place) for place in starts)
    return [claim.text for claim in match_kind(masked, kind)], passed


def test_a_document_without_a_needed_word_tries_no_place() -> None:
    kind = _demo("rose _{0,10} from {number:n}")
    for text, lacks in (("Prices rose sharply to 12. The sun rose.", True), ("Prices rose from 12.", False)):
        masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
        masked.scan(PatternSet([kind]).scanner())
        assert masked.lacks(kind.patterns[0]) is lacks
        assert match_kind(masked, kind) == match_kind(masked, kind, brute=True)


def test_a_place_whose_window_lacks_a_needed_word_is_not_tried() -> None:
    kind = _demo("rose _{0,10} from {number:n}")
    assert frozenset({("word", "from")}) in kind.patterns[0].needs and kind.patterns[0].window == 13
    found, passed = _tried(kind, "Prices rose sharply from 12. The sun rose over the hills.")
    assert found == ["rose sharply from 12"]
    assert passed == 1  # no "from" after the second "rose"
    found, passed = _tried(kind, "Prices rose sharply FROM 12.")
    assert (found, passed) == (["rose sharply FROM 12"], 1)  # found in any case, as the literal is
    far = "The sun rose over the hill and then it fell down below the old tall trees FROM 9."
    assert _tried(kind, far) == ([], 0)  # "FROM" is the fourteenth run from "rose": beyond the window
    either = _demo("(rose|fell) _{0,10} from {number:n}")
    assert _tried(either, "Fell sharply from 12, prices did.")[0] == ["Fell sharply from 12"]
    assert _tried(either, "Prices FELL sharply from 12.")[0] == []  # a word alternation: lower or capitalised


def test_only_selective_needs_are_checked() -> None:
    """A function word, a plain amount or a class of many words far into a match is in nearly every
    window; within sixteen runs of the start it is checked whatever its kind (a look at a few words
    costs far less than a failed regex attempt)."""
    to, number = frozenset({("word", "to")}), frozenset({("claim", "number")})
    assert _demo("rose _{0,20} to {number:n}").patterns[0].needs == ()  # "to" and a number: everywhere
    assert _demo("rose _{0,10} to {number:n}").patterns[0].needs == (to, number)
    assert _demo("rose to {number:n}").patterns[0].needs == (to, number)  # the second and third runs
    assert _demo("rose _{0,2} from {number:n}").patterns[0].needs == (frozenset({("word", "from")}), number)
    assert _demo("rose _{0,20} {percent} from {number:n}").patterns[0].needs == (
        frozenset({("word", "from")}), frozenset({("claim", "percent")}))


def test_a_list_item_needs_its_line_break() -> None:
    kind = _demo("{number:n} items ':' (<bullet> <rest>){2,4}")
    assert frozenset({("punct", "\n")}) in kind.patterns[0].needs
    for text in ("The 3 items: a, b\n- c\n- d", "The 3 items:\n- c\n- d", "3 items: a\n\n- c\n  - d\n"):
        masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
        masked.scan(PatternSet([kind]).scanner())
        assert match_kind(masked, kind) == match_kind(masked, kind, brute=True), text
    assert _tried(kind, "The 3 items: a, b, c and d.") == ([], 0)


def test_a_list_opening_the_document_keeps_its_first_item() -> None:
    kind = _demo("(<bullet> <cap> ':' {number:n} <rest>){2,4}")
    text = "Abbey: 31\n\nCastle: 24\nRiverside: 17\n\nSome prose."
    found, _ = _tried(kind, text)
    assert found == ["Abbey: 31\n\nCastle: 24\nRiverside: 17"]
    masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
    masked.scan(PatternSet([kind]).scanner())
    assert match_kind(masked, kind) == match_kind(masked, kind, brute=True)


def test_bullet_items_are_tried_at_line_ends_only() -> None:
    kind = _demo("(<bullet> ({number:n}|_) <rest>){2,4}")
    assert kind.patterns[0].starts == frozenset({BULLET})
    text = "Totals:  \n- 12 apples\n- 9 pears\n"
    found, _ = _tried(kind, text)
    assert found == ["- 12 apples\n- 9 pears"]
    masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
    masked.scan(PatternSet([kind]).scanner())
    breaks = [i for i, char in enumerate(masked.masked) if char == "\n"]
    # the text's start, and each place of a run ending a line
    assert masked.at[BULLET] == [0, breaks[0] - 2, breaks[0] - 1, *breaks]


OPENED_TEXTS = ['"Rome won." (Paris lost.)  Then: x', "Mr. Smith came.\n  Next line\n\n- A item! B? 'C'",
                "end.\" Said she.)  [Note] ok", "no stop here at all", ""]


@pytest.mark.parametrize("text", OPENED_TEXTS)
def test_the_forward_search_for_openings_finds_what_start_asserts(text: str) -> None:
    asserted = [match.start() for match in re.finditer(START + r"(?=\S)", text)]
    found = sorted({place for match in re.finditer(OPENINGS, text) for place in match.span(1)})
    assert found == asserted


def test_a_pattern_opening_with_start_is_tried_where_sentences_open_only() -> None:
    kind = _demo("<start> <name> and <name> won {number:n}")
    assert kind.patterns[0].starts == frozenset({OPENING})
    text = 'Rome and Paris won 3 games. He said Oslo and Bern won 2. "Lima and Quito won 5," she said.'
    found, _ = _tried(kind, text)
    assert found == ["Rome and Paris won 3", "Lima and Quito won 5"]
    masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
    masked.scan(PatternSet([kind]).scanner())
    assert match_kind(masked, kind) == match_kind(masked, kind, brute=True)
    opened = [masked.masked[place:place + 4] for place in masked.at[OPENING]]
    assert opened == ["Rome", "He s", '"Lim', "Lima"]


def test_the_combined_search_is_built_once_per_set_of_starters() -> None:
    first, second = PatternSet([_demo("rose {number:n}")]), PatternSet([_demo("rose {number:n}")])
    assert first.scanner() is second.scanner()
    assert scanner(frozenset({"rose"}), frozenset(), False, frozenset({"rose"})) is first.scanner()


def test_a_need_is_checked_within_its_reach() -> None:
    """A need's reach counts the runs before it, not the whole window: the introducing word of a
    breakdown must stand right after its total, however long the list of parts may run."""
    kind = _demo("{number:n} [,] (including|comprising) (_|,|{number}){1,30}")
    compiled = kind.patterns[0]
    assert compiled.window == 33
    assert dict(zip(compiled.needs, compiled.reach, strict=True)) == {
        frozenset({("word", "including"), ("word", "comprising")}): 3}
    near = "The fleet of 12, including six frigates, sailed."
    assert _tried(kind, near) == (["12, including six frigates, sailed"], 1)
    far = "The fleet of 12 ships sailed, including six frigates."
    assert _tried(kind, far) == ([], 0)  # "including" is the fifth run from 12: beyond its reach of 3


def test_needs_before_an_unbounded_line_are_checked() -> None:
    kind = _demo("{number:n} (items|points) ':' <rest>")
    assert kind.patterns[0].window is None  # <rest> reads the rest of the line
    assert kind.patterns[0].needs == (
        frozenset({("word", "items"), ("word", "points")}), frozenset({("punct", ":")}))
    found, passed = _tried(kind, "The 3 items: bread, milk and eggs\nThe 4 of us left.")
    assert (found, passed) == (["3 items: bread, milk and eggs"], 1)


def test_a_pattern_that_reads_no_sentence_stop_is_not_tried_across_one() -> None:
    """Three figures a pattern needs must all stand before the next full stop when no element of
    it can read one; the dots of "U.S." or "3.5" are no stop."""
    kind = _demo("{number:n} (_|,){0,12} {number} (_|,){0,12} {number}")
    assert kind.patterns[0].before_stop == ((frozenset({("claim", "number")}), 3),)
    found, passed = _tried(kind, "There were 3 cats, 4 dogs. Then 5 birds came.")
    assert (found, passed) == ([], 0)
    found, _ = _tried(kind, "In 3 U.S. states, 4 towns, 5 villages voted.")
    assert found == ["3 U.S. states, 4 towns, 5"]
    for text in ("There were 3 cats, 4 dogs. Then 5 birds came.", "In 3 U.S. states, 4 towns, 5 villages.",
                 "Of 3 e.g. cases 4! Then 5, 6 or 7 too? 8, 9 and 10."):
        masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
        masked.scan(PatternSet([kind]).scanner())
        assert match_kind(masked, kind) == match_kind(masked, kind, brute=True), text
    # a literal full stop or a whole line may hold one: only the part before it is checked
    dotted = _demo("{number:n} (_|,){0,12} {number} '.' _{0,3} {number}").patterns[0]
    assert dotted.before_stop == ((frozenset({("claim", "number")}), 2),)
    assert _demo("{number:n} <rest>").patterns[0].before_stop == ((frozenset({("claim", "number")}), 1),)


def test_sentence_stops_are_the_dots_no_word_reads() -> None:
    text = "Sales rose 5 pct. The U.S. unit, e.g. its 3.5 mln arm, grew! Why? A. Smith said so."
    stops = [match.start() for match in re.finditer(STOP, text)]
    assert [text[max(0, i - 3):i + 1] for i in stops] == ["pct.", "rew!", "Why?", "? A.", " so."]


def test_least_counts_the_claims_every_match_holds() -> None:
    amount = frozenset({("claim", "money"), ("claim", "number")})
    assert least(parse_pattern("({money}|{number}) to ({money}|{number})")) == {amount: 2}
    assert least(parse_pattern("{percent} ({percent} _){2,4} [{number}]")) == {
        frozenset({("claim", "percent")}): 3}
    assert least(parse_pattern("({percent} {number}|{money})")) == {}
    assert crosses(parse_pattern("{number} '.' {number}")) and not crosses(parse_pattern("<name> , {age}"))


def test_punctuation_a_match_holds_is_needed_as_written() -> None:
    """A literal's punctuation ("':'" before a list) is a need like its words, found wherever it
    stands (inside a word or a run of dashes too); the commas, full stops and hyphens of prose are
    in nearly every window and are not."""
    kind = _demo("{number:n} _{0,3} ':' _{0,2} {number}")
    reaches = dict(zip(kind.patterns[0].needs, kind.patterns[0].reach, strict=True))
    assert reaches[frozenset({("punct", ":")})] == 5
    assert _tried(kind, "Of 12 items sold, 3 are left or so. Then: none.") == ([], 0)  # beyond its reach
    assert _tried(kind, "Of 12 items: 3 sold.")[0] == ["12 items: 3"]
    prose = _demo("{number:n} , _ '.' - {number}").patterns[0].needs
    assert not any(("punct", mark) in need for need in prose for mark in ",.-")
    dashes = _demo("{number:n} _{0,2} '--' {number}")
    texts = ("Of 12 items: 3 sold.", "Of 12 cats --- 4 dogs", "12 dogs --4 cats", "12 a-- 3", "12 --- -- 4")
    for text in texts:
        masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
        masked.scan(PatternSet([kind, dashes]).scanner())
        for demo in (kind, dashes):
            assert match_kind(masked, demo) == match_kind(masked, demo, brute=True), text


def test_an_alternation_sharing_only_a_function_word_needs_its_branches_rarer_words() -> None:
    found = needs(parse_pattern("{percent} (The remaining|The rest|The others) {percent}"))
    assert frozenset({("word", "remaining"), ("word", "rest"), ("word", "others")}) in found
    assert frozenset({("word", "the")}) in found


def test_the_rarest_need_is_read_from_its_side() -> None:
    """Places are sifted from the occurrences of the need a document holds fewest of: the same
    places as each place looked up among every need's occurrences."""
    kind = _demo("{number:n} _{0,4} (rose|fell) _{0,3} from {number}")
    compiled = kind.patterns[0]
    text = ("Sales of 5 units rose from 4. Of 3 and 7 and 9 things, 8 rose sharply from 2, "
            "and 6 fell. From 1 to 2 rose 3 from 4 fell 5 from 6.")
    masked = Masked(text, [c for c in extract_claims(text) if not c.fields])
    masked.scan(PatternSet([kind]).scanner())
    starts = masked.started(compiled.starts)
    one_by_one = [place for place in starts if masked.sift(compiled, [place])]
    assert masked.sift(compiled, starts) == one_by_one and 0 < len(one_by_one) < len(starts)
    assert match_kind(masked, kind) == match_kind(masked, kind, brute=True)


GUARDED = ["up", "Up", "UP", "take-up", "take-Up", "up-front", "Up-front", "x-up", "1-up", "_up", "up_",
           "-up", "up-", "--up", "up--", "- up -", "a-up-b", "rose", "A rose-tinted rose", "a", "A-a-a",
           "ups and downs", "it's up", "up's", "'up'", "kup", "upk", "ſup", "UPup", "up\u00a0up", "é-up"]


@pytest.mark.parametrize("words", [["up"], ["up", "rose", "a", "ups"], ["up", "went up", "a"]])
def test_the_guard_after_a_first_character_reads_what_the_guard_before_read(words: list[str]) -> None:
    """A word's hyphen guard is compiled after its first character (docs/patterns.md, "How
    matching works"): it matches exactly where the guard before the word did, at every place."""
    from factcheck.claims.lexicon import alternation, trie, with_capitals
    from factcheck.claims.patterns.compiler import _literal, _run, _words

    before, after = r"(?<![^\W_]-)\b", r"\b(?!-[^\W_])"
    pairs = [(_literal(word), rf"(?i:{before}{re.escape(word).replace(' ', '[ ]+')}{after})")
             for word in words]
    plain = [word for word in words if " " not in word]
    pairs.append((_words(plain), rf"{before}{trie(with_capitals(plain))}{after}"))
    pairs.append((_run(words, "any"), rf"(?i:{before}{alternation(words)}{after})"))
    for new, old in pairs:
        assert "(?<![^\\W_]-)\\b" not in new
        one, two = re.compile(new), re.compile(old)
        for text in GUARDED:
            for place in range(len(text) + 1):
                got, want = one.match(text, place), two.match(text, place)
                assert (got and got.span()) == (want and want.span()), (new, text, place)


def test_a_pattern_whose_need_a_document_lacks_is_ruled_out_before_its_needs_are_gathered() -> None:
    """After the scan, one pass over the document's words, claim kinds and marks says which patterns
    can match at all (``Needs``); the others are never taken to their needs' occurrences."""

    kinds = [_demo("rose _{0,10} from {number:n}"), _demo("{percent} of _{0,3} ':' {number:n}"),
             _demo("{number:n} (totalled|in total)")]
    _assert_ruled_out(kinds, (("Prices rose sharply to 12. The sun rose.", [False, False, False]),
                              ("Prices rose from 12 in total.", [True, False, True]),
                              ("It took 40% of the vote: 12 seats, 30 in total.", [False, True, True]),
                              ("Sales ROSE FROM 12; 40% of them: 7.", [True, True, False])), lacks=True)


def test_a_one_sentence_pattern_is_ruled_out_where_no_sentence_holds_all_it_needs() -> None:
    """A pattern that reads no sentence stop is kept only where one sentence holds one of its
    starters, each of its needs and as many claims as every match holds (``Needs``, columns of
    sentences); one that may read a stop (a literal full stop) is not judged by sentences."""

    kinds = [_demo("rose _{0,10} from {number:n}"), _demo("{number:n} _{0,12} and {number}"),
             _demo("{number:n} _{0,3} '.' Of these")]
    assert [kind.patterns[0].in_sentence for kind in kinds] == [True, True, False]
    _assert_ruled_out(kinds, (
        ("Prices rose sharply. Imports came from 12 ports and 3 airports.", [False, True, False]),
        ("Prices rose from 12 in May, the office said, and fell.", [True, False, False]),
        ("It hired 12 staff and more. Now it has 14. Of these, most stay.", [False, False, True]),
        ("Output rose.\nIt came from 12 mills and 4 farms. Of these, 3 closed.", [False, True, True]),
        ("Sales rose. From 12 to 14.", [False, False, False])))


def test_only_literals_whose_dots_may_end_a_sentence_cross_one() -> None:
    """A literal's full stop before a word character, or ending an abbreviation of single letters
    ("e.g.", "i.e."), is never a stop (see ``STOP``); any other, and "!" or "?", may be."""
    crossing = {text: crosses(parse_pattern(f"{{number}} '{text}'", 0)) for text in
                ("e.g.", "i.e.", "3.5", "U.N.", "U.S.", "b.", "St.", ".", "a.k.", "Go!", "why?")}
    assert crossing == {"e.g.": False, "i.e.": False, "3.5": False, "U.N.": False, "U.S.": True, "b.": True,
                        "St.": True, ".": True, "a.k.": True, "Go!": True, "why?": True}  # "s": also "ſ"
    text = "Funds went to 3 groups, i.e. 2 charities. The e.g. 4 cases."
    assert [m.start() for m in re.finditer(STOP, text)] == [40, len(text) - 1]


def test_a_spaced_dash_needs_a_dash_then_a_space_or_tab() -> None:
    """``<dash>`` holds a hyphen or dash followed by a space or a tab, a need found as written."""
    from factcheck.claims.patterns.starts import DASHES

    kind = _demo("{number:n} <dash> {number}")
    assert DASHES in kind.patterns[0].needs + kind.patterns[0].held
    patterns = PatternSet([kind])
    for text in ("Scores: 12 - 14.", "Scores: 12 -14.", "It was 12 –\t14.", "Both 12-14 and 3 — 4.",
                 "A 12 -- 14 draw.", "No dash 12 14 here."):
        atoms = [c for c in extract_claims(text) if not c.fields]
        assert patterns.extract(text, atoms) == patterns.extract(text, atoms, brute=True), text


def test_a_need_not_sought_per_place_still_rules_out_a_document() -> None:
    """A need far into a match and of many words is not sought at each candidate (``selective``),
    but a document, or a one-sentence pattern's sentence, without it holds no match (``held``)."""
    from factcheck.claims.patterns.matcher import Needs

    words = [f"zork{letter}" for letter in "abcdefghijklmnopqrs"]
    kind = _demo("{number:n} _{0,20} (" + "|".join(words) + ")")
    compiled = kind.patterns[0]
    assert not compiled.needs and compiled.held
    patterns = PatternSet([kind])
    needs = Needs([compiled])
    for text, viable in (("The 12 of them left.", False), ("The 12 of them zorkb.", True),
                         ("The 12 left. Then zorkc.", False)):
        atoms = [c for c in extract_claims(text) if not c.fields]
        masked = Masked(text, atoms)
        masked.scan(patterns.scanner())
        assert (id(compiled) in needs.viable(masked)) is viable, text
        assert patterns.extract(text, atoms) == patterns.extract(text, atoms, brute=True), text


def _assert_ruled_out(kinds: list, cases: tuple, lacks: bool = False) -> None:
    """For each text, ``Needs`` keeps exactly the patterns marked viable, and the matches and the
    composites are as the brute-force reading finds them (with ``lacks``, each pattern ruled out
    also reads as lacking its needs)."""
    from factcheck.claims.patterns.matcher import Needs

    patterns = PatternSet(kinds)
    compiled = [kind.patterns[0] for kind in kinds]
    needs = Needs(compiled)
    for text, viable in cases:
        atoms = [c for c in extract_claims(text) if not c.fields]
        masked = Masked(text, atoms)
        masked.scan(patterns.scanner())
        ruled = needs.viable(masked)
        assert [id(pattern) in ruled for pattern in compiled] == viable, text
        masked.viable = ruled
        for kind, pattern, kept in zip(kinds, compiled, viable, strict=True):
            assert match_kind(masked, kind) == match_kind(masked, kind, brute=True), text
            assert kept or not lacks or masked.lacks(pattern)
        assert patterns.extract(text, atoms) == patterns.extract(text, atoms, brute=True)
