"""Regex pieces every extractor spells the same way.

What counts as a space between two words, or as a capital letter, is decided here once, so an
extractor cannot drift from the others (a tab accepted by one and refused by the next). Each piece is
regex *source*, to be composed into larger patterns.
"""

from __future__ import annotations

# One horizontal space character: a space, a tab or a no-break space (never a line break).
HSPACE = r"[ \t\u00a0]"
# The space between two words on one line: a run of horizontal space.
GAP = HSPACE + "+"
# The space between two words that may wrap onto the next line (one line break, not a blank line).
# Possessive: what follows it starts with no space, so giving spaces back cannot help, and trying
# to would make each failing place cost the length of the blank lines after it.
LINE_GAP = rf"{HSPACE}*+(?:\n{HSPACE}*+)?"
# The capital letters a name may start with (Latin-1 included), for use inside a character class.
UPPER = "A-ZÀ-ÖØ-Þ"
# The words that open a clause of its own, whose figures belong to it and not to a change or a list
# before it: a contrast ("but", "while") and the participles of a consequence ("resulting in",
# "pushing exports up"). Alternation source; the frame gap and the attachment step each add their own.
CONTRAST = "but|while|whereas"
CONSEQUENCE = "resulting|pushing|bringing|taking|lifting|sending|leaving"
