"""The pattern language's constructs for reading prose: lemmas, macros and word files, frames,
attached statements with their binding, carried units, stages, lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.extract import Extractor
from factcheck.claims.kinds import BUILTIN_KINDS
from factcheck.claims.model import Binding
from factcheck.claims.patterns import PatternLoadError, PatternSet, load_directory, load_pattern_text
from factcheck.claims.patterns.inflect import inflections


def test_lemmas_inflect_regular_and_irregular_verbs_and_phrases() -> None:
    assert inflections("rise") == ["rise", "rises", "rose", "risen", "rising"]
    assert inflections("drop") == ["drop", "drops", "dropped", "dropping"]
    assert inflections("decline") == ["decline", "declines", "declined", "declining"]
    assert inflections("total") == ["total", "totals", "totaled", "totaling"]
    assert inflections("multiply")[2] == "multiplied"
    assert inflections("go up") == ["go up", "goes up", "went up", "gone up", "going up"]
    assert inflections("lengthen") == ["lengthen", "lengthens", "lengthened", "lengthening"]
    assert inflections("creep up") == ["creep up", "creeps up", "crept up", "creeping up"]
    assert inflections("dive") == ["dive", "dives", "dived", "dove", "diving"]
    assert inflections("have") == ["have", "has", "had", "having"]  # no spelling rule gives "has"


def _kind(body: str, fields: str = "  to: claim<number>?\n  from: claim<number>?\n"):
    text = f"kind: demo_kind\ndescription: d\nfields:\n{fields}{body}"
    return load_pattern_text("demo.yaml", text, BUILTIN_KINDS)


def _found(kind, text: str):
    return PatternSet([kind]).extract(text, [c for c in extract_claims(text) if not c.fields])


def test_a_frame_reads_its_slots_in_either_order() -> None:
    kind = _kind('patterns:\n  - "~climb (to {number:to} & from {number:from})"\n')
    for text in ("It climbed to 10 from 8.", "It has climbed from 8 this year to 10."):
        (claim,) = _found(kind, text)
        assert (claim["from"].text, claim["to"].text) == ("8", "10"), text


def test_a_frame_gap_is_bounded() -> None:
    kind = _kind('patterns:\n  - "~climb (to {number:to} &{2} from {number:from})"\n')
    assert _found(kind, "It climbed to 10 from 8.")
    assert not _found(kind, "It climbed to 10 in the very long meantime from 8.")


def test_macros_are_defined_once_and_an_unknown_one_is_an_error_at_its_position() -> None:
    only_to = "  to: claim<number>\n"
    kind = _kind('define:\n  up: "(~rise|~\'go up\')"\npatterns:\n  - "@up to {number:to}"\n', only_to)
    assert [c.text for c in _found(kind, "Prices went up to 10.")] == ["went up to 10"]
    with pytest.raises(PatternLoadError) as info:
        _kind('patterns:\n  - "@upp to {number:to}"\n', "  to: claim<number>\n")
    assert "unknown macro @upp" in str(info.value)


def test_a_word_file_serves_the_directory_and_normalize_names_a_macro(tmp_path: Path) -> None:
    (tmp_path / "words.yaml").write_text('define:\n  up: "(~rise|~be up)"\n', encoding="utf-8")
    (tmp_path / "moves.yaml").write_text(
        'kind: move\ndescription: d\nfields:\n  way: string\n  to: claim<number>\n'
        'patterns:\n  - "@up:way to {number:to}"\nnormalize:\n  way: {"@up": up}\n', encoding="utf-8")
    (kind,) = load_directory(tmp_path, BUILTIN_KINDS)
    assert [c["way"] for c in _found(kind, "Sales were up to 10 and rose to 12.")] == ["up", "up"]


ATTACHED = """\
patterns:
  - "~rise from {number:from} to {number:to}"
attach:
  - pattern: "[a|an|that] {percent:change} (increase|rise)"
    within: next_sentence
"""


@pytest.mark.parametrize("text,binding", [
    ("It rose from 8 to 10, a 25% increase.", Binding.PHRASE),
    ("It rose from 8 to 10 last year, a 25% increase.", Binding.CLAUSE),
    ("It rose from 8 to 10 in May, which officials called a 25% increase.", Binding.SENTENCE),
    # "after" and "before" are prepositions before a noun phrase, and open a clause before a verb
    ("It rose from 8 to 10 after promotion, a 25% increase.", Binding.CLAUSE),
    ("It rose from 8 to 10 before the holidays, a 25% increase.", Binding.CLAUSE),
    ("It rose from 8 to 10 after the firm was sold, a 25% increase.", Binding.SENTENCE),
    ("It rose from 8 to 10 before prices fell, a 25% increase.", Binding.SENTENCE),
    ("It rose from 8 to 10. That 25% rise surprised everyone.", Binding.NEXT_SENTENCE),
])
def test_a_statement_joins_the_nearest_frame_with_its_binding(text: str, binding: Binding) -> None:
    kind = _kind(ATTACHED, "  to: claim<number>\n  from: claim<number>\n  change: claim<percent>?\n")
    (claim,) = _found(kind, text)
    assert claim["change"].text == "25%" and claim.binding is binding and claim.certain


def test_a_statement_two_sentences_away_does_not_join() -> None:
    kind = _kind(ATTACHED, "  to: claim<number>\n  from: claim<number>\n  change: claim<percent>?\n")
    (claim,) = _found(kind, "It rose from 8 to 10. Nobody knew. That 25% rise surprised everyone.")
    assert claim["change"] is None


def test_an_attached_field_must_be_nullable() -> None:
    with pytest.raises(PatternLoadError) as info:
        _kind(ATTACHED, "  to: claim<number>\n  from: claim<number>\n  change: claim<percent>\n")
    assert "declare it 'claim<percent>?'" in str(info.value)


def test_units_and_scales_are_carried_across_a_frame() -> None:
    (change,) = extract_claims("Output fell 11.4 pct to 6.5 mln tonnes from 7.1 mln.").of_kind("change")
    assert (change["from"].kind, change["from"].unit) == ("quantity", "tonne")
    (change,) = extract_claims("Output fell from 7.1 to 6.5 mln tonnes, a drop of 8.5 pct.").of_kind("change")
    assert change["from"].value == 7_100_000


@pytest.mark.parametrize(("text", "field", "kind", "unit", "value"), [
    ("Revenue fell from $1.2bn to 900m, a 25% decline.", "to", "money", "USD", 900_000_000),
    ("Sales rose from 900m to $1.2bn, a 33% rise.", "from", "money", "USD", 900_000_000),
    ("Output rose from 1.5 million tonnes to 1.9m, a 27% increase.", "to", "quantity", "tonne", 1_900_000),
])
def test_a_figure_in_m_beside_millions_is_millions(text, field, kind, unit, value) -> None:
    (change,) = extract_claims(text).of_kind("change")
    figure = change[field]
    assert (figure.kind, figure.unit) == (kind, unit)
    assert (figure.value.amount if kind == "money" else figure.value) == value


def test_a_figure_in_m_beside_metres_stays_metres() -> None:
    (change,) = extract_claims("The river rose from 2.5m to 4m, a 60% rise.").of_kind("change")
    assert (change["from"].unit, change["to"].unit) == ("metre", "metre")


def test_a_later_stage_reads_earlier_composites_and_splices_their_lists(tmp_path: Path) -> None:
    (tmp_path / "a_items.yaml").write_text(
        'kind: figures\ndescription: d\nfields:\n  items: list<claim<number>>\n'
        'patterns:\n  - "{number:items[]} (, {number:items[]}){1,8} [,] and {number:items[]}"\n',
        encoding="utf-8")
    (tmp_path / "b_total.yaml").write_text(
        'kind: summed\ndescription: d\nstage: 2\nfields:\n  total: claim<number>\n'
        '  parts: list<claim<number>>\n'
        'patterns:\n  - "totals {number:total} \':\' {figures.items:parts[]}"\n',
        encoding="utf-8")
    kinds = load_directory(tmp_path, BUILTIN_KINDS)
    assert [k.stage for k in kinds] == [1, 2]
    claims = Extractor(PatternSet(kinds)).extract("The bill totals 60: 10, 20 and 30.")
    (summed,) = claims.of_kind("summed")
    assert [p.text for p in summed["parts"]] == ["10", "20", "30"]


def test_a_composite_of_the_same_stage_is_unknown_there(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        'kind: figures\ndescription: d\nfields:\n  n: claim<number>\npatterns:\n  - "{number:n}"\n',
        encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        'kind: again\ndescription: d\nfields:\n  f: claim<figures>\npatterns:\n  - "x {figures:f}"\n',
        encoding="utf-8")
    with pytest.raises(PatternLoadError) as info:
        load_directory(tmp_path, BUILTIN_KINDS)
    assert "unknown claim kind 'figures'" in str(info.value) and "b.yaml:6:" in str(info.value)


def test_bullet_lists_are_read_with_or_without_markers() -> None:
    for text in ("It has three parts:\n\n- roads\n- rail\n- ports\n",
                 "It has three parts:\n\nroads\nrail\nports\n\nThat is all."):
        (claim,) = extract_claims(text).of_kind("enumeration")
        assert claim["items"] == ["roads", "rail", "ports"], text


def test_lines_of_spaces_before_a_list_change_no_claim() -> None:
    """Lines holding only spaces (a blanked section of an annotated file, text cut from a layout)
    are blank lines: a list after them, and a share in prose, are read as without them."""
    text = ("Support by party:\n- Labour 37%\n- Greens 8%\n\n"
            "The union put a 3.5% pay offer to its members. Stewards said the 5% offer fell short.\n")
    padding = (" " * 60 + "\n") * 80
    plain, padded = extract_claims(text), extract_claims(padding + text)
    assert [(c.kind, c.span.start + len(padding), c.value) for c in plain] == \
        [(c.kind, c.span.start, c.value) for c in padded]



@pytest.mark.parametrize(("text", "items"), [
    ("The review sets out three priorities:\n\n1. Shorter queues\n2. More staff\n3. New buses\n", 3),
    ("Four steps follow:\n1) consult residents\n2) publish a draft\n3) hold a vote\n4) adopt it\n", 4),
])
def test_an_ordered_list_marker_is_a_bullet_never_a_figure(text: str, items: int) -> None:
    """The figure of "1." opening a list item is its marker: it is no part of a breakdown."""
    claims = extract_claims(text)
    assert not claims.of_kind("breakdown"), text
    (claim,) = claims.of_kind("enumeration")
    assert len(claim["items"]) == items


@pytest.mark.parametrize("between", ["(<word>{0,3}|_{4,8})", "(<word>{0,3}):gap", "(<word>{0,2} [the])"])
def test_an_element_that_may_match_nothing_never_lets_a_match_cross_a_blank_line(between: str) -> None:
    """Two separators stood side by side around an element that matched nothing, each allowing a
    line break: a group whose first branch may be empty read "Revs 31.4 mln\\n\\nNote: 1986 ..." as
    one statement."""
    fields = "  to: claim<number>?\n  from: claim<number>?\n"
    fields += "  gap: string?\n" if ":gap" in between else ""
    kind = _kind(f'patterns:\n  - "{{number:from}} {between} {{number:to}}"\n', fields)
    assert [c.text for c in _found(kind, "Sales were 40 to 50 in all.")] == ["40 to 50"]
    assert [c.text for c in _found(kind, "Sales were 40\n50 in all.")] == ["40\n50"]
    assert not _found(kind, "Sales were 40\n\n50 in all.")
    assert not _found(kind, "Sales were 40 \n \n 50 in all.")


def test_a_spaced_dash_is_an_aside_never_the_hyphen_of_a_score() -> None:
    kind = _kind('patterns:\n  - "{number:from} <dash> {number:to}"\n')
    for text in ("Twelve - five", "Twelve – five", "Twelve — five", "Twelve -- five"):
        assert [c.text for c in _found(kind, f"They said {text} more.")] == [text], text
    for text in ("They won 52-3 on Saturday.", "They won 21–14 on Saturday.", "They won 21 –14 then."):
        assert not _found(kind, text), text


def test_a_list_item_to_the_end_of_its_line_is_atomic_and_a_list_is_still_read() -> None:
    """Each item of a repetition of whole lines keeps the first way it matched, so a pattern that
    fails after a long list (no total line) does not try every split of every item."""
    fields = "  to: claim<number>?\n  parts: list<claim<number>>\n"
    pattern = "(<bullet> {number:parts[]} <word> <rest>){2,12} <bullet> total {number:to}"
    kind = _kind(f'patterns:\n  - "{pattern}"\n', fields)
    assert "(?>" in kind.patterns[0].source
    items = "".join(f"\n- {n} residents of the town" for n in range(10, 22))
    assert not _found(kind, "Complaints came from:" + items + "\n\nThe end.")
    (claim,) = _found(kind, "Complaints came from:" + items[:81] + "\n- total 90")
    assert [p.text for p in claim["parts"]] == ["10", "11", "12"]
    assert claim["to"].text == "90"


def test_what_follows_a_bullet_stays_on_its_line() -> None:
    """A ``<bullet>`` takes the line break and at most one blank line before an item; the element
    after it is on the item's line, so a list never takes a block two blank lines on (a heading)."""
    fields = "  to: claim<number>?\n  parts: list<claim<number>>\n"
    pattern = "total {number:to} ':' (<bullet> _{0,3} ':' {number:parts[]}){2,4}"
    kind = _kind(f'patterns:\n  - "{pattern}"\n', fields)
    (claim,) = _found(kind, "The total 30:\n\nParks: 10\n\nRoads: 20\n\n\nNext year: 40\n")
    assert [p.text for p in claim["parts"]] == ["10", "20"]


@pytest.mark.parametrize("text, found", [
    ("Sales were up 12% from 300.", True),
    ("Take-up 12% from 300 was slow.", False),          # "up" of a compound noun
    ("The start-up, up 12% from 300, grew.", True),     # the compound's "up" is skipped, not the word
    ("It paid up-front 12% from 300.", False),          # "up" joined to the word after it
    ("Sales - up 12% from 300 - grew.", True),           # a dash between words joins nothing
])
def test_a_word_is_never_read_inside_a_hyphenated_compound(text: str, found: bool) -> None:
    kind = _kind('patterns:\n  - "up {percent} from {number:from}"\n', "  from: claim<number>\n")
    assert bool(_found(kind, text)) is found, text


def test_a_literal_with_an_apostrophe_matches_either_apostrophe() -> None:
    """"don't know" once compiled to a broken class (``don['['’]]t``) and matched nothing."""
    kind = _kind('''patterns:\n  - "{number:to} (\\"don't know\\"|\\"'s\\" total)"\n''',
                 "  to: claim<number>\n")
    assert [c.text for c in _found(kind, "Of the rest, 18 don't know.")] == ["18 don't know"]
    assert [c.text for c in _found(kind, "Of the rest, 18 don’t know.")] == ["18 don’t know"]
    # a possessive right after a claim: "this year's prize", "1987's total"
    assert [c.text for c in _found(kind, "It was 1987's total.")] == ["1987's total"]
