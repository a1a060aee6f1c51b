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
# An infinitive points ahead of the verb that governs it ("agreed to buy the company in
# January", "subpoenaed him to testify on Feb. 10", "likely to rise Monday"). "to" before
# a word that is no verb is a preposition ("rose to $5", "returned to his father",
# "to holders of record", "to Cuba"): determiners, pronouns, numbers, time words, plural
# nouns and capitalised names (checked on the original text) are not infinitives.
_NOT_A_VERB: Final = (
    r"the|a|an|this|that|these|those|his|her|its|their|our|my|your|him|them|me|us|it|"
    r"whom|which|what|who|some|any|all|each|every|no|other|another|such|more|most|less|"
    r"about|around|over|under|up|down|date|court|market|power|office|war|death|prison|"
    r"trial|jail|school|work|home|town|bed|church|press|mind|life|light|rest|zero|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|last|next|early|late|mid|"
    r"today|tomorrow|yesterday|day|week|month|year|quarter|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|stock|cash|debt|capital|form|par|"
    r"record|retirement|recession|inflation|total"
)
_INFINITIVE: Final = (
    rf"to (?!(?:{_NOT_A_VERB})\b)(?=[a-z])[a-z]+(?<!ing)(?<!ed)(?<![^su]s)\b"
)
# Words that make "to" part of a preposition: "due to", "according to", "close to".
_PREPOSITION_HEADS: Final = frozenset(
    [
        "due",
        "according",
        "compared",
        "close",
        "next",
        "prior",
        "thanks",
        "addition",
        "owing",
        "contrary",
        "relative",
        "similar",
        "related",
        "response",
        "opposed",
        "regard",
        "respect",
        "reference",
        "up",
        "back",
        "down",
        "return",
        "trip",
        "visit",
        "way",
        "approach",
        "as",
    ]
)
_FUTURE_WORD: Final = re.compile(rf"(?:{_FUTURE})")
_WORD_BEFORE: Final = re.compile(r"([A-Za-z']+)\s+$")
_PAST_HEAD: Final = re.compile(
    r"[a-z]+ed|had|was|were|did|used|went|came|got|began|sought|tried|agreed"
)
_CUE: Final = re.compile(
    rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?P<inf>{_INFINITIVE}))\b",
    re.IGNORECASE,
)
# A clause ends at punctuation or at a word that opens reported speech or a new clause
# (the context is one sentence, so a full stop is an abbreviation's: "Daniel P. Davison").
_BOUNDARY: Final = re.compile(
    r"[;:!?\"()]|\b(?:that|(?<!now )and|but|while|who|which)\b"
)
_WINDOW: Final = 80  # characters before the phrase that can hold its governing verb


# A date that names a deadline points ahead ("set Nov. 10 as the deadline", "a Jan. 14
# return date", "the Nov. 1 deadline"); one that modifies a noun inside a prepositional
# phrase ("is continuing under a June agreement", "since the Oct. 23 slaying") is that
# thing's date, which the verb's tense does not place. A verb's object keeps its tense
# ("will hold a March 3 vote").
_DEADLINE_AFTER: Final = re.compile(
    r"(?:'s)? (?:(?:as|is) (?:the|a|its) )?(?:[a-z]+[ -]){0,1}?"
    r"(?:deadline|due date|return date|target date|expiration date|closing date|cutoff)\b"
)
_DETERMINER_BEFORE: Final = re.compile(
    r"\b(?:under|in|of|for|since|after|before|from|with|by|at|on|over|despite|"
    r"following|during|amid|against|about|past)"
    r" (?:a|an|the|its|their|his|her|this|that|[a-z]+'s)\s$"
)
_NOUN_AFTER: Final = re.compile(
    r" (?!(?:and|or|to|in|on|at|of|for|by|with|as|from|is|was|were|are|will|would|that|which|when|after|before)\b)[a-z]+(?:[ -][a-z]+)?\b"
)


def tense_of(phrase: str, context: str) -> Tense | None:
    """
    The tense a sentence gives a date phrase it contains, or None when it gives none.

    >>> tense_of("Monday", "The deal is scheduled to close Monday.")
    'future'
    >>> tense_of("Monday", "The deal closed Monday.") is None
    True
    """
    lowered = context.lower()
    where = lowered.find(phrase.lower())
    if len(lowered) != len(context):  # lower() changed the length: no case checks
        context = lowered
    # A phrase not quoted verbatim is judged by the whole sentence.
    before = context if where < 0 else context[max(0, where - _WINDOW) : where]
    cut = 0
    for m in _BOUNDARY.finditer(before.lower()):
        cut = m.end()
    before = before[cut:]
    if where >= 0:
        after = lowered[where + len(phrase) : where + len(phrase) + 40]
        if _DEADLINE_AFTER.match(after):
            return "future"
        if _DETERMINER_BEFORE.search(before.lower()) and _NOUN_AFTER.match(after):
            return None
    last: Tense | None = None
    for m in _CUE.finditer(before):
        if m.group("inf") is not None:
            if m.group()[3].isupper():  # "to Cuba": a name, not a verb
                continue
            # "agreed to sell in October", "had to leave on Monday", "is said to
            # have met on Monday": after a verb in the past tense the date belongs to
            # that verb as often as to the infinitive, and a perfect infinitive is
            # past; the past decides.
            head = _WORD_BEFORE.search(before, 0, m.start())
            verb = m.group()[3:].lower()
            head_word = "" if head is None else head.group(1).lower()
            if head_word in _PREPOSITION_HEADS:  # "due to heavy rains": no verb
                continue
            past_head = _PAST_HEAD.fullmatch(head_word) and not _FUTURE_WORD.fullmatch(
                head_word
            )
            last = "past" if past_head or verb == "have" else "future"
        else:
            last = "future" if m.group("future") else "past"
    return last


# -- an anchor named by the sentence ----------------------------------------------------

_MONTH_WORD: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
# A date that names its year: "May 22, 1995", "22 May 1995", "May 1995", "1995" (a year
# from 1800 to 2199 that is no amount: not after "$" or "#", not before "%" or a digit
# group such as "1,439").
_DATED: Final = re.compile(
    rf"\b(?:(?:{_MONTH_WORD} \d{{1,2}},? |\d{{1,2}} {_MONTH_WORD} |{_MONTH_WORD},? )?"
    r"(?<![$#\d,.])(?:1[89]|2[01])\d{2})(?![\d%]|[,.]\d)",
    re.IGNORECASE,
)
# A comparison of a figure with an earlier one: "up 15% from 4 pence a year earlier",
# "higher than a year earlier", "compared with $48.7 million a year earlier".
_COMPARISON: Final = re.compile(
    r"\b(?:from|than|compared with|compared to|versus|vs|against)\b", re.IGNORECASE
)


def anchor_in(phrase: str, context: str) -> str | None:
    """
    The date an anaphoric phrase counts from, as the sentence gives it, or None.

    The latest date with a year that the sentence names before the phrase ("On May 22,
    1995, ... the following year"); else, when the phrase closes a comparison of
    figures ("up 15% from 4 pence a year earlier"), "today": the reference day.

    >>> anchor_in("the following year", "On May 22, 1995, he was promoted, and the following year he retired.")
    'May 22, 1995'
    >>> anchor_in("a year earlier", "Sales rose 5% from a year earlier.")
    'today'
    >>> anchor_in("a year earlier", "A year earlier, he retired.") is None
    True
    """
    where = context.lower().find(phrase.lower())
    if where < 0:
        return None
    before = context[:where]
    dates = list(_DATED.finditer(before))
    if dates:
        return dates[-1].group()
    window = before[-_WINDOW:]
    if _COMPARISON.search(window) and phrase.lower().endswith(("earlier", "before")):
        return "today"
    return None
