"""The inflections of an English lemma, for the pattern language's ``~lemma`` element.

``~rise`` stands for rise, rises, rose, risen and rising; ``~increase`` for increase, increases,
increased and increasing; ``~'go up'`` inflects its first word: go up, goes up, went up, gone up,
going up. Nouns share the verb's ``-s`` form ("a rise", "rises"). Irregular verbs are listed (the
verbs of change, movement and counting news copy uses); every other verb follows the spelling rules
(doubling a final consonant after one short vowel: drop → dropped, slip → slipping; a final silent
``e`` dropped before ``-ed``/``-ing``: decline → declined; ``y`` after a consonant: multiply →
multiplied). A lemma is inflected at load time, so matching a form costs what matching a word costs.
"""

from __future__ import annotations

# base: (past, past participle); the -s and -ing forms follow the spelling rules
IRREGULAR = {
    "be": ("was were", "been"), "become": ("became", "become"), "begin": ("began", "begun"),
    "break": ("broke", "broken"), "bring": ("brought", "brought"), "buy": ("bought", "bought"),
    "come": ("came", "come"), "creep": ("crept", "crept"), "cut": ("cut", "cut"), "do": ("did", "done"),
    "dive": ("dived dove", "dived"), "draw": ("drew", "drawn"), "drive": ("drove", "driven"),
    "fall": ("fell", "fallen"), "fight": ("fought", "fought"),
    "find": ("found", "found"), "fly": ("flew", "flown"), "get": ("got", "got gotten"),
    "give": ("gave", "given"), "go": ("went", "gone"), "grow": ("grew", "grown"), "have": ("had", "had"),
    "hit": ("hit", "hit"), "hold": ("held", "held"), "keep": ("kept", "kept"),
    "leap": ("leapt leaped", "leapt leaped"),
    "lose": ("lost", "lost"), "make": ("made", "made"), "meet": ("met", "met"), "pay": ("paid", "paid"),
    "put": ("put", "put"), "rise": ("rose", "risen"), "run": ("ran", "run"), "see": ("saw", "seen"),
    "sell": ("sold", "sold"), "set": ("set", "set"), "shed": ("shed", "shed"), "shoot": ("shot", "shot"),
    "shrink": ("shrank shrunk", "shrunk shrunken"), "sink": ("sank sunk", "sunk"), "slide": ("slid", "slid"),
    "slip": ("slipped", "slipped"), "spend": ("spent", "spent"), "split": ("split", "split"),
    "spread": ("spread", "spread"), "stand": ("stood", "stood"), "swell": ("swelled", "swollen swelled"),
    "take": ("took", "taken"), "tell": ("told", "told"), "think": ("thought", "thought"),
    "win": ("won", "won"), "write": ("wrote", "written"), "say": ("said", "said"),
}
# the -s forms that no spelling rule gives
_THIRD_PERSON = {"have": "has"}
_VOWELS = set("aeiou")
_NO_DOUBLING = ("w", "x", "y")


def _stem_doubles(word: str) -> bool:
    """A one-syllable word ending consonant-vowel-consonant doubles its last letter: drop, dip, slip."""
    if len(word) < 3 or word[-1] in _VOWELS or word[-1] in _NO_DOUBLING:
        return False
    if word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    return sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS)) == 1


def third_person(word: str) -> str:
    if word in _THIRD_PERSON:
        return _THIRD_PERSON[word]
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _suffixed(word: str, suffix: str) -> str:
    """``word`` + ``-ed`` or ``-ing`` by the spelling rules."""
    if suffix == "ed" and word.endswith("e"):
        return word + "d"
    if word.endswith("ie") and suffix == "ing":
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + suffix
    if suffix == "ed" and word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ied"
    if _stem_doubles(word):
        return word + word[-1] + suffix
    return word + suffix


def inflections(lemma: str) -> list[str]:
    """Every form of ``lemma`` (its first word inflected, the rest kept), the lemma first."""
    head, _, rest = lemma.strip().partition(" ")
    word = head.lower()
    if word in IRREGULAR:
        past, participle = IRREGULAR[word]
        forms = [word, third_person(word), *past.split(), *participle.split(), _suffixed(word, "ing")]
    else:
        forms = [word, third_person(word), _suffixed(word, "ed"), _suffixed(word, "ing")]
    if word == "be":
        forms = ["be", "is", "are", "am", "was", "were", "been", "being"]
    unique = list(dict.fromkeys(forms))
    return [f"{form} {rest}".strip() for form in unique]
