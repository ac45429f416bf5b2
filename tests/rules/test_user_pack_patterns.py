"""A user pack's ``patterns/`` folder: its composite kinds are loaded before its rules are compiled,
documents are extracted with them, and a broken pattern file stops the run (exit 2) with a position.

Loading returns a value and registers nothing: a kind one pack declares is unknown to every other
pack loaded in the same process, and to the default extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.claims import extract_claims
from factcheck.claims.kinds import BUILTIN_KINDS
from factcheck.claims.patterns import PatternLoadError, default_kinds
from factcheck.cli.main import main
from factcheck.errors import RuleLoadError
from factcheck.rules.loader import load_packs

TALLY = """\
kind: vote_tally
description: A vote and its tally, "passed the bill by 52 votes to 48".
value: votes_for
fields:
  outcome: string
  votes_for: claim<number>
  votes_against: claim<number>
patterns:
  - "(passed|approved|carried|rejected|defeated):outcome _{0,4} by {number:votes_for} votes? (to|against)
    {number:votes_against}"
normalize:
  outcome: {passed: passed, approved: passed, carried: passed, rejected: failed, defeated: failed}
examples:
  - text: "The Senate passed the bill by 52 votes to 48."
    claims: [{text: "passed the bill by 52 votes to 48", outcome: passed}]
negatives:
  - "The bill passed by a wide margin."
"""

RULE = """\
id: tally-majority
title: A motion that passed had more votes for than against
severity: error
for: t in claims.vote_tally
where: t.outcome == "passed"
assert: t.votes_for > t.votes_against
message: "a motion cannot pass with {t.votes_for.value} votes for and {t.votes_against.value} against"
examples:
  - text: The Senate passed the bill by 52 votes to 48.
    expect: []
  - text: The motion was carried by 40 votes to 60.
    expect:
      - at: carried by 40 votes to 60
"""


def _pack(root: Path, patterns: dict[str, str], rules: dict[str, str]) -> Path:
    (root / "patterns").mkdir(parents=True)
    for name, text in patterns.items():
        (root / "patterns" / name).write_text(text, encoding="utf-8")
    for name, text in rules.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _pack(tmp_path_factory.mktemp("tally-pack"), {"vote_tally.yaml": TALLY},
                 {"tally-majority.yaml": RULE})


def test_factcheck_test_runs_the_packs_examples(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(pack)]) == 0
    examples = TALLY.count("- text:") + TALLY.split("negatives:")[1].count("\n  - ")
    assert capsys.readouterr().out.strip().endswith(f"{2 + examples} passed, 0 failed")


def test_run_extracts_documents_with_the_packs_kinds(pack: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("The Senate passed the bill by 52 votes to 48.\n"
                   "Later the motion was carried by 40 votes to 60.\n", encoding="utf-8")
    assert main(["run", str(doc), "--rules", str(pack), "--format", "json"]) == 1
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    (finding,) = [f for f in document["findings"] if f["rule"] == "tally-majority"]
    assert (finding["span"]["line"], finding["span"]["column"]) == (2, 22)  # "carried by 40 votes to 60"
    assert "40 votes for and 60 against" in finding["message"]
    rejected = "It was rejected by 10 votes to 90."
    (tally,) = load_packs([pack]).extractor().extract(rejected).of_kind("vote_tally")
    assert tally["outcome"] == "failed" and tally.value == 10
    assert extract_claims(rejected).of_kind("vote_tally") == []  # the default extractor: not this pack's


def test_loading_a_pack_twice_gives_equal_independent_values(pack: Path) -> None:
    first = load_packs([pack])
    again = load_packs([pack, pack / "patterns" / ".."])  # the same directory twice, spelled two ways
    assert [r.id for r in first.rules] == [r.id for r in again.rules] == ["tally-majority"]
    assert [k.kind.name for k in first.patterns] == [k.kind.name for k in again.patterns]
    assert first.kinds["vote_tally"].composite and first.rules[0] is not again.rules[0]
    assert "vote_tally" not in BUILTIN_KINDS
    assert "vote_tally" not in {kind.kind.name for kind in default_kinds()}


SEATS = """\
kind: seat_count
description: Seats won, "won 12 seats".
value: seats
fields:
  seats: claim<number>
patterns:
  - "won {number:seats} seats"
"""

SEATS_RULE = """\
id: seats-positive
title: A party wins at least one seat
severity: warning
for: s in claims.seat_count
assert: s.seats > 0
message: "{s.seats.value} seats"
"""


def test_two_packs_side_by_side_do_not_see_each_others_kinds(pack: Path, tmp_path: Path) -> None:
    seats = _pack(tmp_path / "seats", {"seat_count.yaml": SEATS}, {"seats-positive.yaml": SEATS_RULE})
    tally_pack, seats_pack = load_packs([pack]), load_packs([seats])
    assert "vote_tally" in tally_pack.kinds and "seat_count" not in tally_pack.kinds
    assert "seat_count" in seats_pack.kinds and "vote_tally" not in seats_pack.kinds
    text = "The Senate passed the bill by 52 votes to 48 and the greens won 0 seats."
    found = {pack_: {c.kind for c in p.extractor().extract(text)} for pack_, p in
             (("tally", tally_pack), ("seats", seats_pack))}
    assert "vote_tally" in found["tally"] and "seat_count" not in found["tally"]
    assert "seat_count" in found["seats"] and "vote_tally" not in found["seats"]
    # a rule of one pack does not type-check in the other: the kind is unknown there
    (tmp_path / "cross").mkdir()
    (tmp_path / "cross" / "r.yaml").write_text(SEATS_RULE, encoding="utf-8")
    with pytest.raises(RuleLoadError) as info:
        load_packs([pack, tmp_path / "cross"])
    assert "seat_count" in info.value.message
    assert [r.id for r in load_packs([seats, pack]).rules] == ["seats-positive", "tally-majority"]


def test_rules_type_check_against_the_packs_kinds(pack: Path, tmp_path: Path) -> None:
    (tmp_path / "typo.yaml").write_text(RULE.replace("tally-majority", "typo").replace(
        "t.votes_for > t.votes_against", "t.votes_fro > t.votes_against"), encoding="utf-8")
    with pytest.raises(RuleLoadError) as info:
        load_packs([pack, tmp_path])
    assert "votes_fro" in str(info.value) and "votes_for" in (info.value.hint or "")


def _broken(tmp_path: Path, capsys: pytest.CaptureFixture[str], pattern: str) -> str:
    root = _pack(tmp_path / "broken", {"tally.yaml": pattern}, {})
    doc = tmp_path / "doc.txt"
    doc.write_text("The Senate passed the bill by 52 votes to 48.\n", encoding="utf-8")
    assert main(["run", str(doc), "--rules", str(root)]) == 2
    assert main(["test", str(root)]) == 2
    return capsys.readouterr().err


def test_unknown_claim_kind_exits_2_with_position(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _broken(tmp_path, capsys, TALLY.replace("vote_tally", "tally_unknown").replace(
        "{number:votes_against}", "{numbr:votes_against}"))
    assert "patterns/tally.yaml:10:6: unknown claim kind 'numbr'" in err
    assert "^^^^^" in err and "did you mean 'number'?" in err


def test_pattern_syntax_error_exits_2_with_position(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    err = _broken(tmp_path, capsys, TALLY.replace("vote_tally", "tally_syntax").replace(
        "(to|against)", "(to|against"))
    assert "patterns/tally.yaml:10:27: unexpected end of pattern" in err


def test_redeclared_kind_exits_2_at_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _broken(tmp_path, capsys, TALLY.replace("vote_tally", "change"))
    assert "patterns/tally.yaml:1:7: claim kind 'change' is already declared" in err


def test_a_kind_declared_twice_in_one_pack_registers_neither(tmp_path: Path) -> None:
    twin = TALLY.replace("vote_tally", "twin_tally")
    root = _pack(tmp_path / "twins", {"a.yaml": twin, "b.yaml": twin}, {})
    with pytest.raises(PatternLoadError) as info:
        load_packs([root])
    assert "'twin_tally' is already declared" in info.value.message
    assert info.value.location is not None and info.value.location.path.endswith("b.yaml")
    assert info.value.hint is not None and "a.yaml" in info.value.hint


def test_claims_lists_the_packs_kinds(pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "vote.txt"
    doc.write_text("The Senate passed the bill by 52 votes to 48.\n", encoding="utf-8")
    assert main(["claims", str(doc), "--rules", str(pack), "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
    (tally,) = [c for c in claims if c["kind"] == "vote_tally"]
    assert tally["text"] == "passed the bill by 52 votes to 48" and tally["outcome"] == "passed"


def test_factcheck_test_reports_a_failing_pattern_example(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    broken = TALLY.replace("vote_tally", "vote_split").replace(
        "examples:",
        "examples:\n  - text: The bill passed by 3 votes to 1.\n    claims: [{text: passed by 3 votes}]",
        1,
    )
    pack = _pack(tmp_path / "split-pack", {"vote_split.yaml": broken}, {})
    assert main(["test", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "pattern example 'The bill passed by 3 votes to 1.'" in out
    assert "expected claims ['passed by 3 votes'], found ['passed by 3 votes to 1']" in out
