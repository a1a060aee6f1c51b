"""Tense cues: does the sentence around a year-less date point to the past or the future?"""

from __future__ import annotations

import re
from typing import Final, Literal

Tense = Literal["past", "future"]

# Words that put the phrase after them in the future ("will meet on Monday", "payable
# Jan. 2", "is scheduled to close Monday", "are expected to join in April"), or in the
# past ("was signed on Monday"). The closest cue before the phrase, within its clause,
# decides; with none, the caller's `prefer` does.
_FUTURE: Final = (
    r"will|wo|'ll|shall|would|must|going to|is to|are to|to be|next|upcoming|coming|"
    r"expected to|expects to|expect to|scheduled|schedules|plans to|plan to|planned|"
    r"planning|intends to|intend to|set to|is due|are due|due on|due by|payable|"
    r"of record|effective|takes? effect|reconvenes?|reconvening|resumes?|deadline|"
    r"between now and|from now until|extend|extends|extended|(?:is|are|'s|'re) \w+ing"
)
_PAST: Final = (
    r"was|were|had|did|ago|last|earlier|previously|already|yesterday|since|"
    r"said|says|told|reported|announced"
)
_CUE: Final = re.compile(rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b")
# A clause ends at punctuation or at a word that opens reported speech or a new clause
# (the context is one sentence, so a full stop is an abbreviation's: "Daniel P. Davison").
_BOUNDARY: Final = re.compile(
    r"[;:!?\"()]|\b(?:that|(?<!now )and|but|while|who|which)\b"
)
_WINDOW: Final = 80  # characters before the phrase that can hold its governing verb


def tense_of(phrase: str, context: str) -> Tense | None:
    """
    The tense a sentence gives a date phrase it contains, or None when it gives none.

    >>> tense_of("Monday", "The deal is scheduled to close Monday.")
    'future'
    >>> tense_of("Monday", "The deal closed Monday.") is None
    True
    """
    sentence = context.lower()
    where = sentence.find(phrase.lower())
    # A phrase not quoted verbatim is judged by the whole sentence.
    before = sentence if where < 0 else sentence[max(0, where - _WINDOW) : where]
    cut = 0
    for m in _BOUNDARY.finditer(before):
        cut = m.end()
    before = before[cut:]
    last: Tense | None = None
    for m in _CUE.finditer(before):
        last = "future" if m.group("future") else "past"
    return last
