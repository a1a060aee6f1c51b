"""Tense cues: does the sentence around a year-less date point to the past or the future?"""

from __future__ import annotations

import re
from typing import Final, Literal

import attrs

from .vocabulary import IRREGULAR_PAST

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


# -- the verb that governs the phrase ------------------------------------------------------
#
# The words right before a date (past its prepositions) are usually the verb group the
# date belongs to; their form gives the tense where the cue words say nothing.

_TOKEN: Final = re.compile(r"[^\s\"()\u201c\u201d]+")
_PREPOSITIONS: Final = frozenset(
    {
        "on",
        "in",
        "at",
        "by",
        "until",
        "till",
        "through",
        "from",
        "since",
        "during",
        "before",
        "after",
        "for",
        "to",
        "as",
        "of",
    }
)
# Words that lead a verb group: a participle after them is theirs to place.
_AUXILIARIES: Final = frozenset(
    {
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "am",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "get",
        "gets",
        "got",
        "'s",
        "'re",
        "it's",
    }
)
_DETERMINERS: Final = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "some",
        "any",
        "no",
        "each",
        "every",
        "both",
    }
)
# Words in -s that are no verbs.
_NOT_S_VERBS: Final = frozenset(
    {
        "is",
        "was",
        "has",
        "its",
        "his",
        "this",
        "us",
        "as",
        "news",
        "thus",
        "plus",
        "yes",
        "less",
        "unless",
        "across",
        "always",
        "perhaps",
        "sometimes",
        "whereas",
    }
)
_PRESENT_COPULAS: Final = frozenset(
    {
        "is",
        "are",
        "remain",
        "remains",
        "stay",
        "stays",
        "stand",
        "stands",
        "keep",
        "keeps",
    }
)
_PLANNING: Final = re.compile(rf"(?:{_FUTURE})")


@attrs.frozen
class _Governor:
    """The last three words before the phrase (past its prepositions), and those."""

    verb: str
    previous: str
    earlier: str
    prepositions: tuple[str, ...]

    @classmethod
    def of(cls, before: str) -> _Governor:
        words = [w.strip(",.;:'") for w in _TOKEN.findall(before[-_WINDOW:])]
        words = [w for w in words if w]
        preps: list[str] = []
        while words and words[-1].lower() in _PREPOSITIONS:
            preps.append(words.pop().lower())
        padded = ["", "", "", *words]
        return cls(padded[-1], padded[-2], padded[-3], tuple(preps))

    @property
    def until(self) -> bool:
        """Whether "until" or "till" leads the phrase."""
        return any(p in ("until", "till") for p in self.prepositions)

    @property
    def close(self) -> bool:
        """Whether the date follows the verb directly or after "on"."""
        return set(self.prepositions) <= {"on"}


def is_past_verb(word: str) -> bool:
    """
    A simple past or past participle: "signed", "met" (not a name: "United").

    >>> is_past_verb("signed"), is_past_verb("met"), is_past_verb("scheduled")
    (True, True, False)
    """
    if not word.isalpha() or not word.islower() or _PLANNING.fullmatch(word):
        return False
    return word in IRREGULAR_PAST or (
        len(word) > 4 and word.endswith("ed") and not word.endswith(("eed", "hundred"))
    )


def _noun(word: str) -> bool:
    low = word.lower()
    return (
        word.isalpha()
        and low not in _AUXILIARIES
        and low not in _PREPOSITIONS
        and low not in _DETERMINERS
        and not is_past_verb(low)
    )


def _reduced_relative(g: _Governor) -> bool:
    """A participle after a noun phrase: "the order signed Thursday"."""
    return (
        is_past_verb(g.verb)
        and g.close
        and _noun(g.previous)
        and g.earlier.lower() in _DETERMINERS
    )


def _present_tense(g: _Governor) -> bool:
    """
    A verb in the present after its subject: "the court reconvenes Monday", "Bush
    meets on Monday", "the envoys meet Monday", "the vote is March 3".
    """
    verb, previous = g.verb, g.previous
    if not g.close or not verb.isalpha() or not verb.islower():
        return False
    if verb in ("is", "are"):
        return True
    proper = previous[:1].isupper() and _noun(previous)  # "Bush", not "The"
    subject = proper or (_noun(previous) and g.earlier.lower() in _DETERMINERS)
    if not subject:
        return False
    if verb.endswith("s"):  # third person singular
        return not verb.endswith(("ss", "us", "is")) and verb not in _NOT_S_VERBS
    # a base form after a plural subject
    plural = (
        previous.islower() and previous.endswith("s") and not previous.endswith("ss")
    )
    return (
        plural
        and len(verb) > 2
        and not verb.endswith(("ed", "ing", "ly"))
        and _noun(verb)
    )


def tense_of(phrase: str, context: str) -> Tense | None:
    """
    The tense a sentence gives a date phrase it contains, or None when it gives none.

    >>> tense_of("Monday", "The deal is scheduled to close Monday.")
    'future'
    >>> tense_of("Monday", "The deal closed Monday.")
    'past'
    >>> tense_of("Monday", "Riots broke out in the capital on Monday.") is None
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
    governor = _Governor.of(before)
    if _reduced_relative(governor):
        return (
            "past"  # "the order signed Thursday": that order's date, whatever follows
        )
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
    if last is not None:
        return last
    if _present_tense(governor) or _until_ahead(governor):
        return "future"  # "the envoys meet Monday", "stay until May 9"
    return None


def _until_ahead(g: _Governor) -> bool:
    """
    "until" before a date points ahead ("stay until May 9", "remains closed until May
    9"), unless a verb in the past governs it ("rose until May 9").
    """
    if not g.until:
        return False
    if not is_past_verb(g.verb):
        return True
    # "remains closed", "is shut": a copula in the present makes the participle an
    # adjective of a state that lasts until then.
    return g.previous.lower() in _PRESENT_COPULAS


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


_PAST_AUX: Final = frozenset({"was", "were", "had", "did", "ago", "yesterday", "last"})


def tells_past(sentence: str) -> bool:
    """
    Whether a sentence has a verb in the past tense (or "ago", "last", "yesterday").

    >>> tells_past("The envoys met on Monday."), tells_past("Talks open March 3.")
    (True, False)
    """
    for token in _TOKEN.findall(sentence):
        word = token.strip(",.;:'")
        if word.lower() in _PAST_AUX:
            return True
        if (
            word.islower()
            and word.isalpha()
            and (
                word in IRREGULAR_PAST
                or (len(word) > 4 and word.endswith("ed") and not word.endswith("eed"))
            )
        ):
            return True  # "met", "signed", and "planned" too: the past of planning
    return False


def in_english(sentence: str) -> bool:
    """
    Whether most letters of a sentence are Latin: the English cues can be read in it.

    >>> in_english("Talks open March 3."), in_english("Переговоры 3 марта.")
    (True, False)
    """
    letters = [c for c in sentence if c.isalpha()]
    return 2 * sum(c.isascii() for c in letters) > len(letters)
