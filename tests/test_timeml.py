"""Tests for timeline.formats._timeml: reading TimeML documents into timelines."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from timeline.cli import main
from timeline.errors import ChronologyConflict, FormatError
from timeline.formats import from_timeml, parts_from_timeml, tlink_ids
from timeline.formats._timeml_relations import (
    RELATION_TYPES,
    Side,
    Span,
    Term,
    point_constraints,
)
from timeline.formats._timeml_values import timex_days
from timeline.link import Point, Relation
from timeline.timeline import Timeline
from timeline.when import When

D = pendulum.Date


def doc(body: str, *, dct: str = "1998-01-14", doc_id: str = "DOC1") -> str:
    """A small TimeML document of our own around *body* (timexes, events, links)."""
    return f"""<?xml version="1.0" ?>
<TimeML>
<DOCID>{doc_id}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
<TEXT>
{body}
</TEXT>
</TimeML>
"""


TWO_EVENTS = """The talks <EVENT eid="e1" class="OCCURRENCE">opened</EVENT> and the envoys
<EVENT eid="e2" class="REPORTING">said</EVENT> little.
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eiid="ei2" eventID="e2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
"""


def two_events(*tlinks: str) -> str:
    return doc(TWO_EVENTS + "\n".join(tlinks))


class TestTimexValues:
    @pytest.mark.parametrize(
        ("value", "first", "last"),
        [
            ("1998-01-14", D(1998, 1, 14), D(1998, 1, 14)),
            ("1998-01-14T10:30", D(1998, 1, 14), D(1998, 1, 14)),
            ("1998-02-06TEV", D(1998, 2, 6), D(1998, 2, 6)),
            ("1998-02-06TNI", D(1998, 2, 6), D(1998, 2, 7)),
            ("1998-02", D(1998, 2, 1), D(1998, 2, 28)),
            ("1998", D(1998, 1, 1), D(1998, 12, 31)),
            ("1998-W05", D(1998, 1, 26), D(1998, 2, 1)),
            ("1998-W05-WE", D(1998, 1, 31), D(1998, 2, 1)),
            ("1998-W05-3", D(1998, 1, 28), D(1998, 1, 28)),
            ("1998-Q3", D(1998, 7, 1), D(1998, 9, 30)),
            ("1998-H1", D(1998, 1, 1), D(1998, 6, 30)),
            ("199", D(1990, 1, 1), D(1999, 12, 31)),
            ("199X", D(1990, 1, 1), D(1999, 12, 31)),
            ("19", D(1900, 1, 1), D(1999, 12, 31)),
        ],
    )
    def test_calendar_values(self, value: str, first: D, last: D):
        """Calendar values give their first and last day."""

        assert (first, last) == timex_days(value)

    @pytest.mark.parametrize(
        "value",
        ["P3D", "PT2H", "PAST_REF", "PRESENT_REF", "FUTURE_REF", "1998-SU", "1998-XX-XX",
         "XXXX-WXX", "1998-13", "1998-02-30", "1998-W60", "", "tomorrow"],
    )  # fmt: skip
    def test_other_values(self, value: str):
        """Durations, references, seasons, unknown digits and impossible dates are no span."""

        assert timex_days(value) is None


# -- the relation table ------------------------------------------------------------------

SLOTS = 4  # parts of a day: enough to tell midnight from the rest of a day
DAYS = 3


def day_of_start(s: int) -> int:
    return s // SLOTS


def day_of_end(s: int, e: int) -> int:
    """The day of an interval's last moment: an end at midnight belongs to the day before."""
    return e // SLOTS - 1 if e % SLOTS == 0 else e // SLOTS


Interval = tuple[int, int]

# What each relation type means between two intervals of positive length (Allen's
# intervals), with containment not necessarily strict and DURING read as "within".
MEANING: dict[str, Callable[[Interval, Interval], bool]] = {
    "BEFORE": lambda a, b: a[1] < b[0],
    "AFTER": lambda a, b: b[1] < a[0],
    "IBEFORE": lambda a, b: a[1] == b[0],
    "IAFTER": lambda a, b: b[1] == a[0],
    "INCLUDES": lambda a, b: a[0] <= b[0] and b[1] <= a[1],
    "IS_INCLUDED": lambda a, b: b[0] <= a[0] and a[1] <= b[1],
    "DURING": lambda a, b: b[0] <= a[0] and a[1] <= b[1],
    "DURING_INV": lambda a, b: a[0] <= b[0] and b[1] <= a[1],
    "SIMULTANEOUS": lambda a, b: a == b,
    "IDENTITY": lambda a, b: a == b,
    "BEGINS": lambda a, b: a[0] == b[0] and a[1] < b[1],
    "BEGUN_BY": lambda a, b: a[0] == b[0] and b[1] < a[1],
    "ENDS": lambda a, b: a[1] == b[1] and b[0] < a[0],
    "ENDED_BY": lambda a, b: a[1] == b[1] and a[0] < b[0],
    "OVERLAP": lambda a, b: a[0] < b[1] and b[0] < a[1],
    "OVERLAPS": lambda a, b: a[0] < b[0] < a[1] < b[1],
    "OVERLAPPED_BY": lambda a, b: b[0] < a[0] < b[1] < a[1],
}

INTERVALS = [
    (s, e) for s in range(SLOTS * DAYS + 1) for e in range(s + 1, SLOTS * DAYS + 1)
]

Days = dict[tuple[Side, Span], int]


def holds(terms: tuple[Term, ...], days: Days) -> bool:
    for t in terms:
        gap = days[t.to_side, t.to_point] - days[t.frm_side, t.frm_point]
        if gap < t.lo or (t.hi is not None and gap > t.hi):
            return False
    return True


def as_days(sa: int, ea: int, sb: int, eb: int) -> Days:
    return {
        (Side.SOURCE, Span.START): sa,
        (Side.SOURCE, Span.END): ea,
        (Side.TARGET, Span.START): sb,
        (Side.TARGET, Span.END): eb,
    }


class TestRelationTable:
    def test_every_relation_type_has_a_meaning(self):
        """The table and the meanings tested here cover the same relation types."""

        assert set(MEANING) | {"VAGUE", "NONE", "UNKNOWN"} == RELATION_TYPES

    @pytest.mark.parametrize("rel_type", sorted(MEANING))
    def test_never_stronger_and_as_strict_as_days_allow(self, rel_type: str):
        """
        Over every pair of intervals on a quarter-day grid, the relation's day
        constraints hold whenever the relation does (never stronger), and every
        assignment of days they allow comes from some pair in that relation (strict).
        """
        terms = point_constraints(rel_type)
        meaning = MEANING[rel_type]
        reached = set()
        for a, b in itertools.product(INTERVALS, repeat=2):
            if meaning(a, b):
                days = (
                    day_of_start(a[0]),
                    day_of_end(*a),
                    day_of_start(b[0]),
                    day_of_end(*b),
                )
                assert holds(terms, as_days(*days)), (a, b, days)
                reached.add(days)
        allowed = {
            d
            for d in itertools.product(range(DAYS), repeat=4)
            if d[0] <= d[1] and d[2] <= d[3] and holds(terms, as_days(*d))
        }

        assert allowed <= reached

    def test_before_is_on_or_before(self):
        """A TimeML BEFORE only says the first ends on or before the day the second starts."""

        assert point_constraints("BEFORE") == (
            Term(Side.SOURCE, Span.END, Side.TARGET, Span.START, 0, None),
        )

    def test_spelling(self):
        """Case and hyphens do not matter; VAGUE says nothing."""

        assert point_constraints("is-included") == point_constraints("IS_INCLUDED")
        assert point_constraints("vague") == ()

    def test_unknown(self):
        """An unknown relation type is a KeyError."""
        with pytest.raises(KeyError):
            point_constraints("CAUSES")


# -- reading -----------------------------------------------------------------------------


class TestReading:
    def test_dct_and_name(self):
        """The DCT is the reference and a dated event; DOCID is the name."""
        parts = parts_from_timeml(doc(""))

        assert D(1998, 1, 14) == parts.reference
        assert parts.name == "DOC1"
        (dct,) = parts.events
        assert (dct.id, dct.when, dct.ends) == ("t0", When.day(1998, 1, 14), None)
        assert dct.kind == "timex3:date"

    def test_no_dct(self):
        """A document without a DCT has no reference."""
        text = '<TimeML><TEXT><TIMEX3 tid="t1" type="DATE" value="1998">1998</TIMEX3></TEXT></TimeML>'

        parts = parts_from_timeml(text)

        assert parts.reference is None
        assert parts.name is None

    def test_timex_spans(self):
        """A calendar TIMEX3 starts on its value's first day and ends on its last."""
        parts = parts_from_timeml(
            doc(
                'in <TIMEX3 tid="t1" type="DATE" value="1997-Q4">the fourth quarter</TIMEX3>'
            )
        )
        t1 = next(e for e in parts.events if e.id == "t1")

        assert t1.title == "the fourth quarter"
        assert (t1.when, t1.ends) == (When.day(1997, 10, 1), When.day(1997, 12, 31))
        assert "1997-Q4" in (t1.description or "")

    def test_mod_within(self):
        """START, MID and END put the timex somewhere inside the value's span."""
        parts = parts_from_timeml(
            doc(
                '<TIMEX3 tid="t1" type="DATE" value="1997" mod="START">early 1997</TIMEX3>'
            )
        )
        t1 = parts.events[1]

        assert t1.when == t1.ends == When.year(1997)

    @pytest.mark.parametrize(
        ("kind", "value", "mod"),
        [
            ("DATE", "1997", "APPROX"),
            ("DATE", "1997", "BEFORE"),
            ("DATE", "1997", "ON_OR_AFTER"),
            ("DURATION", "P3D", ""),
            ("DATE", "PAST_REF", ""),
            ("DATE", "1997-SU", ""),
            ("SET", "1997", ""),
        ],
    )
    def test_undated_timexes(self, kind: str, value: str, mod: str):
        """Durations, references, seasons, sets, approximate or open mods stay undated."""
        mod_attr = f' mod="{mod}"' if mod else ""
        parts = parts_from_timeml(
            doc(f'<TIMEX3 tid="t1" type="{kind}" value="{value}"{mod_attr}>x</TIMEX3>')
        )
        t1 = parts.events[1]

        assert t1.when.is_unknown
        assert t1.ends is not None
        assert t1.ends.is_unknown

    def test_instances(self):
        """Each MAKEINSTANCE is an undated event titled by its EVENT's words, that lasts."""
        parts = parts_from_timeml(two_events())
        ei1 = next(e for e in parts.events if e.id == "ei1")

        assert ei1.title == "opened"
        assert ei1.kind == "event:occurrence"
        assert ei1.when.is_unknown
        assert ei1.ends == When.unknown()

    def test_two_instances_of_one_event(self):
        """Two instances of one EVENT are two library events."""
        text = doc(
            '<EVENT eid="e1" class="OCCURRENCE">met</EVENT>'
            '<MAKEINSTANCE eiid="ei1" eventID="e1"/><MAKEINSTANCE eiid="ei2" eventID="e1"/>'
        )

        ids = [e.id for e in parts_from_timeml(text).events]

        assert ids == ["t0", "ei1", "ei2"]

    def test_tlink_before(self):
        """BEFORE is one link: the source ends on or before the day the target starts."""
        parts = parts_from_timeml(
            two_events(
                '<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>'
            )
        )
        (link,) = parts.links

        assert (link.source, link.target, link.relation) == (
            "ei1",
            "ei2",
            Relation.BEFORE,
        )
        assert link.points == (Point.END, Point.START)
        assert link.gap == (0, None)
        assert link.note == "TimeML TLINK l1: ei1 BEFORE ei2"

    def test_tlink_to_time(self):
        """An event IS_INCLUDED in a time starts and ends within the time's days."""
        parts = parts_from_timeml(
            two_events(
                '<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>'
            )
        )

        got = {
            (k.source, k.source_point, k.target, k.target_point, k.gap)
            for k in parts.links
        }

        assert got == {
            ("t0", Point.START, "ei1", Point.START, (0, None)),
            ("ei1", Point.END, "t0", Point.END, (0, None)),
        }

    def test_simultaneous_is_same_day(self):
        """SIMULTANEOUS gives SAME_DAY links between the starts and between the ends."""
        parts = parts_from_timeml(
            two_events(
                '<TLINK lid="l2" relType="SIMULTANEOUS" timeID="t0" relatedToEventInstance="ei2"/>'
            )
        )

        assert {(k.relation, k.points) for k in parts.links} == {
            (Relation.SAME_DAY, (Point.START, Point.START)),
            (Relation.SAME_DAY, (Point.END, Point.END)),
        }

    def test_several_tlinks_one_pair(self):
        """Several TLINKs between the same pair are all kept, each with its lid."""
        parts = parts_from_timeml(
            two_events(
                '<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>',
                '<TLINK lid="l2" relType="IBEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>',
            )
        )

        assert [k.note.split(":")[0] for k in parts.links if k.note] == [
            "TimeML TLINK l1",
            "TimeML TLINK l2",
        ]

    def test_vague(self):
        """A VAGUE TLINK adds no link."""
        parts = parts_from_timeml(
            two_events(
                '<TLINK lid="l1" relType="VAGUE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>'
            )
        )

        assert parts.links == ()

    def test_bytes_and_entities(self):
        """Bytes are read with their declared encoding; the five XML entities work."""
        text = doc(
            '<TIMEX3 tid="t1" type="DATE" value="1997">l\'ann\u00e9e &amp; co</TIMEX3>'
        )
        parts = parts_from_timeml(
            text.replace(
                '<?xml version="1.0" ?>', '<?xml version="1.0" encoding="latin-1"?>'
            ).encode("latin-1")
        )

        assert parts.events[1].title == "l'ann\u00e9e & co"


class TestBadDocuments:
    def test_malformed_xml_names_the_line(self):
        """Malformed XML is a FormatError with the line of the mistake."""
        text = doc('<EVENT eid="e1">opened</TIMEX3>')

        with pytest.raises(FormatError) as info:
            parts_from_timeml(text, path="bad.tml")

        assert info.value.line == 6
        assert info.value.path == "bad.tml"
        assert "malformed XML: mismatched tag" in str(info.value)

    def test_truncated(self):
        """A truncated document is a FormatError."""
        with pytest.raises(FormatError, match="malformed XML"):
            parts_from_timeml(doc("")[:-20])

    def test_doctype_refused(self):
        """A DOCTYPE declaration is refused before anything is expanded."""
        text = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "timeml.dtd">\n<TimeML/>'

        with pytest.raises(FormatError, match="DOCTYPE and ENTITY") as info:
            parts_from_timeml(text)

        assert info.value.line == 2

    def test_entity_refused(self):
        """Entity declarations (the billion laughs) are refused."""
        text = (
            '<?xml version="1.0"?>\n<!DOCTYPE TimeML [\n<!ENTITY a "aaaaaaaaaa">\n'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<TimeML>&b;</TimeML>'
        )

        with pytest.raises(FormatError, match="DOCTYPE and ENTITY"):
            parts_from_timeml(text)

    def test_undefined_entity(self):
        """An entity that is not one of XML's own is malformed XML."""
        with pytest.raises(FormatError, match="undefined entity") as info:
            parts_from_timeml(doc("&nbsp;"))

        assert info.value.line == 6

    def test_not_timeml(self):
        """A document whose root is not TimeML is refused."""
        with pytest.raises(FormatError, match="root element is <html>"):
            parts_from_timeml("<html><body/></html>")

    @pytest.mark.parametrize(
        ("tlink", "message"),
        [
            ('<TLINK lid="l9" relType="CAUSES" eventInstanceID="ei1" relatedToEventInstance="ei2"/>',
             "TLINK l9 has an unknown relType 'CAUSES'"),
            ('<TLINK lid="l9" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei7"/>',
             "TLINK l9 names 'ei7'"),
            ('<TLINK lid="l9" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei1"/>',
             "TLINK l9 links 'ei1' to itself"),
            ('<TLINK lid="l9" relType="BEFORE" eventInstanceID="ei1"/>',
             "TLINK l9 needs exactly one of relatedToEventInstance or relatedToTime"),
            ('<TLINK lid="l9" relType="BEFORE" eventInstanceID="ei1" timeID="t0" relatedToTime="t0"/>',
             "TLINK l9 needs exactly one of eventInstanceID or timeID"),
            ('<TLINK relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>',
             "<TLINK> has no lid"),
            ('<MAKEINSTANCE eiid="ei1" eventID="e2"/>', "the id 'ei1' is used twice"),
        ],
    )  # fmt: skip
    def test_bad_tlinks(self, tlink: str, message: str):
        """A TLINK the reader cannot use is a FormatError naming it, with its line."""
        with pytest.raises(FormatError, match=message) as info:
            parts_from_timeml(two_events(tlink))

        assert info.value.line == 10


# -- timelines ----------------------------------------------------------------------------

JANUARY = '<TIMEX3 tid="t1" type="DATE" value="1998-01">January</TIMEX3>'
AN_EVENT = '<EVENT eid="e1" class="OCCURRENCE">met</EVENT><MAKEINSTANCE eiid="ei1" eventID="e1"/>'
JAN, DEC = D(1998, 1, 1), D(1997, 12, 31)
JAN31, FEB = D(1998, 1, 31), D(1998, 2, 1)


def event_and_january(rel_type: str) -> str:
    tlink = f'<TLINK lid="l1" relType="{rel_type}" eventInstanceID="ei1" relatedToTime="t1"/>'
    return doc(JANUARY + AN_EVENT + tlink)


def span(w: When) -> tuple[D | None, D | None]:
    return (w.earliest, w.latest)


class TestTimelines:
    @pytest.mark.parametrize(
        ("rel_type", "start", "end"),
        [
            ("BEFORE", (None, JAN), (None, JAN)),
            ("AFTER", (JAN31, None), (JAN31, None)),
            ("IBEFORE", (None, JAN), (DEC, JAN)),
            ("IAFTER", (JAN31, FEB), (JAN31, None)),
            ("INCLUDES", (None, JAN), (JAN31, None)),
            ("DURING_INV", (None, JAN), (JAN31, None)),
            ("IS_INCLUDED", (JAN, JAN31), (JAN, JAN31)),
            ("DURING", (JAN, JAN31), (JAN, JAN31)),
            ("SIMULTANEOUS", (JAN, JAN), (JAN31, JAN31)),
            ("IDENTITY", (JAN, JAN), (JAN31, JAN31)),
            ("BEGINS", (JAN, JAN), (JAN, JAN31)),
            ("BEGUN_BY", (JAN, JAN), (JAN31, None)),
            ("ENDS", (JAN, JAN31), (JAN31, JAN31)),
            ("ENDED_BY", (None, JAN), (JAN31, JAN31)),
            ("OVERLAP", (None, JAN31), (JAN, None)),
            ("OVERLAPS", (None, JAN), (JAN, JAN31)),
            ("OVERLAPPED_BY", (JAN, JAN31), (JAN31, None)),
        ],
    )
    def test_each_relation_type(self, rel_type: str, start: tuple, end: tuple):
        """An event related to January gets the start and end days the table gives."""
        t = from_timeml(event_and_january(rel_type))

        assert (start, end) == (span(t.bounds("ei1")), span(t.end_bounds("ei1")))

    def test_before_on_the_same_day(self):
        """Two events of one day may be in a BEFORE: at day level it is 'on or before'."""
        t = from_timeml(
            two_events(
                '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>',
                '<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t0"/>',
                '<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>',
            )
        )

        assert t.bounds("ei2") == When.day(1998, 1, 14)

    def test_reference_and_name(self):
        """The timeline's reference is the DCT and its name the DOCID."""
        t = from_timeml(two_events())

        assert (t.reference, t.name, len(t)) == (D(1998, 1, 14), "DOC1", 3)

    def test_contradiction_names_the_tlinks(self):
        """A contradiction raises ChronologyConflict naming the TLINKs, and only those."""
        text = two_events(
            '<TIMEX3 tid="t1" type="DATE" value="1998-01-10">Saturday</TIMEX3>',
            '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>',
            '<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei2" relatedToEventInstance="ei1"/>',
            '<TLINK lid="l3" relType="AFTER" eventInstanceID="ei1" relatedToTime="t0"/>',
        )

        with pytest.raises(ChronologyConflict) as info:
            from_timeml(text, path="talks.tml")

        lids = tlink_ids(info.value.links)
        assert sorted(lids) == ["l1", "l3"]
        assert str(info.value).endswith(f"(TimeML TLINKs {', '.join(lids)})")
        assert info.value.__notes__ == ["while reading talks.tml"]

    def test_diagnose_lists_every_contradiction(self):
        """parts.diagnose() lists each contradiction, each naming its TLINKs."""
        text = doc(
            TWO_EVENTS
            + '<TIMEX3 tid="t1" type="DATE" value="1998-01-10">Saturday</TIMEX3>'
            + '<TIMEX3 tid="t2" type="DATE" value="1997">last year</TIMEX3>'
            + '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>'
            + '<TLINK lid="l2" relType="AFTER" eventInstanceID="ei1" relatedToTime="t0"/>'
            + '<TLINK lid="l3" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t2"/>'
            + '<TLINK lid="l4" relType="SIMULTANEOUS" eventInstanceID="ei2" relatedToTime="t0"/>'
        )

        conflicts = parts_from_timeml(text).diagnose()

        # Each contradiction is listed; SIMULTANEOUS's two links may each make one.
        assert {frozenset(tlink_ids(c.links)) for c in conflicts} == {
            frozenset({"l1", "l2"}),
            frozenset({"l3", "l4"}),
        }
        assert all("TimeML TLINK" in str(c) for c in conflicts)

    def test_json_round_trip(self):
        """A timeline read from TimeML saves to canonical JSON and loads back equal."""
        t = from_timeml(event_and_january("IBEFORE"))

        assert Timeline.from_json(t.to_json()) == t

    def test_timex_against_dct(self):
        """A timex dated after the DCT but annotated BEFORE it is a contradiction."""
        text = doc(
            '<TIMEX3 tid="t1" type="DATE" value="1998-02-03">Feb. 3</TIMEX3>'
            '<TLINK lid="l7" relType="BEFORE" timeID="t1" relatedToTime="t0"/>'
        )

        with pytest.raises(ChronologyConflict, match=r"\(TimeML TLINK l7\)"):
            from_timeml(text)


class TestCommandLine:
    @pytest.fixture
    def tml(self, tmp_path: Path) -> Path:
        path = tmp_path / "talks.tml"
        path.write_text(
            two_events(
                '<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2"/>',
                '<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t0"/>',
            ),
            encoding="utf-8",
        )
        return path

    def test_check(self, tml: Path, capsys: pytest.CaptureFixture[str]):
        """timeline check FILE.tml says the annotation is consistent."""

        assert main(["check", str(tml)]) == 0
        assert "consistent (3 events, 3 links)" in capsys.readouterr().out

    def test_check_conflict(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        """timeline check exits 1 and names the TLINKs of each contradiction."""
        path = tmp_path / "bad.tml"
        path.write_text(
            two_events(
                '<TIMEX3 tid="t1" type="DATE" value="1998-01-10">Saturday</TIMEX3>',
                '<TLINK lid="l5" relType="AFTER" eventInstanceID="ei1" relatedToTime="t0"/>',
                '<TLINK lid="l6" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>',
            )
        )

        assert main(["check", str(path)]) == 1
        err = capsys.readouterr().err
        assert "1 conflict" in err
        assert "l5" in err
        assert "l6" in err

    def test_show(self, tml: Path, capsys: pytest.CaptureFixture[str]):
        """timeline show FILE.tml prints the chronology with the TLINK notes."""

        assert main(["show", str(tml)]) == 0
        out = capsys.readouterr().out
        assert "DOC1" in out
        assert (
            "the end of ei1 came before ei2 (0 to ? days): TimeML TLINK l1: ei1 BEFORE ei2"
            in out
        )

    def test_export(self, tml: Path, capsys: pytest.CaptureFixture[str]):
        """timeline export FILE.tml --to json writes the canonical JSON."""

        assert main(["export", str(tml), "--to", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert {e["id"] for e in data["events"]} == {"t0", "ei1", "ei2"}

    def test_malformed(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        """A malformed .tml file exits 1 with its line, no traceback."""
        path = tmp_path / "broken.tml"
        path.write_text("<TimeML>\n<TEXT>\n</TimeML>\n")

        assert main(["check", str(path)]) == 1
        err = capsys.readouterr().err
        assert "broken.tml, line 3: malformed XML: mismatched tag" in err
