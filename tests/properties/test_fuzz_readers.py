"""Fuzzing the readers: whatever the bytes, JSON, YAML and TOML raise nothing but TimelineErrors."""

from __future__ import annotations

import contextlib
import json

from hypothesis import given
from hypothesis import strategies as st

from timeline import formats
from timeline.errors import TimelineError
from timeline.timeline import Timeline

READERS = {
    "json": formats.from_json,
    "yaml": formats.from_yaml,
    "toml": formats.from_toml,
}

# Pieces a hostile file is made of: dates real and impossible, numbers huge and odd,
# keys of the format, YAML and TOML syntax, and long runs of spaces.
SCALARS = st.sampled_from(
    [
        "2025-02-10", "2025-02-30", "0000-01-01", "2025-13-01", "9999-12-31", "10000-01-01",
        "2025-01-01 10:00:00", "2025-01-01T10:00:00Z", "December 25", "a day earlier",
        "1" + "0" * 30, "1" + "0" * 400, "9" * 5000, "-9223372036854775808", "1e400", ".inf", ".nan", "nan",
        "true", "null", "~", "''", '""', "[]", "{}", "&a x", "*a", "!!python/object:os.system",
        "crash prompted protest", "a" + " " * 300 + "b", "a same day b", "\ufeff", "\x00",
    ]
)  # fmt: skip
KEYS = st.sampled_from(
    [
        "format", "version", "name", "reference", "events", "links", "id", "title", "when",
        "when_text", "ends", "relative_to", "actors", "sources", "tags", "from", "to",
        "source", "target", "relation", "min_days", "max_days", "confidence", "note", "<<",
    ]
)  # fmt: skip


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """Lines of YAML-ish text: keys (repeats included), nesting, flow collections."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        indent = "  " * draw(st.integers(0, 3))
        dash = draw(st.sampled_from(["", "- "]))
        key, value = draw(KEYS), draw(SCALARS | st.text(max_size=8))
        form = draw(
            st.sampled_from(["{k}: {v}", "{k}:", "{{{k}: {v}}}", "[{v}, {v}]", "{v}"])
        )
        lines.append(indent + dash + form.format(k=key, v=value))
    return "\n".join(lines) + "\n"


@st.composite
def toml_texts(draw: st.DrawFn) -> str:
    """Lines of TOML-ish text: tables, arrays of tables, keys with any values."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        key, value = draw(KEYS), draw(SCALARS | st.text(max_size=8))
        form = draw(
            st.sampled_from(
                ["[[{k}]]", "[{k}]", '{k} = "{v}"', "{k} = {v}", '{k} = ["{v}", "{v}"]']
            )
        )
        lines.append(form.format(k=key.strip("<"), v=value))
    return "\n".join(lines) + "\n"


def json_values() -> st.SearchStrategy[object]:
    leaves = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.integers(min_value=10**18, max_value=10**40)
        | st.integers(min_value=10**300, max_value=10**400)
        | st.floats(allow_nan=False)
        | SCALARS
        | st.text(max_size=8)
    )
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5)
        ),
        max_leaves=20,
    )


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    """Timeline-shaped JSON documents with any values, sometimes repeated keys or cut short."""
    doc = {"format": "timeline", "version": 1}
    doc.update(draw(st.dictionaries(KEYS, json_values(), max_size=6)))
    text = json.dumps(doc)
    if draw(st.booleans()):  # repeat a key inside the outer object
        text = text[:-1] + ', "format": "timeline"}'
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


def _reads_or_refuses(reader: str, data: str | bytes) -> None:
    try:
        result = READERS[reader](data)
    except TimelineError:
        return
    assert isinstance(result, Timeline)


@given(reader=st.sampled_from(sorted(READERS)), data=st.binary(max_size=200))
def test_any_bytes(reader: str, data: bytes) -> None:
    """Any bytes either read as a timeline or raise a TimelineError."""
    _reads_or_refuses(reader, data)


@given(
    reader=st.sampled_from(sorted(READERS)),
    text=st.text(max_size=200),
    bom=st.booleans(),
)
def test_any_text(reader: str, text: str, bom: bool) -> None:
    """Any text, with or without a byte order mark, reads or raises a TimelineError."""
    _reads_or_refuses(reader, ("\ufeff" if bom else "") + text)


@given(text=yaml_texts(), bom=st.booleans())
def test_yaml_shaped_text(text: str, bom: bool) -> None:
    """YAML built from the format's keys and hostile values raises only TimelineErrors."""
    _reads_or_refuses("yaml", ("\ufeff" if bom else "") + text)


@given(text=toml_texts(), as_bytes=st.booleans())
def test_toml_shaped_text(text: str, as_bytes: bool) -> None:
    """TOML built from the format's keys and hostile values raises only TimelineErrors."""
    _reads_or_refuses(
        "toml", text.encode("utf-8", "surrogatepass") if as_bytes else text
    )


@given(text=json_texts())
def test_json_shaped_text(text: str) -> None:
    """Timeline-shaped JSON with any values raises only TimelineErrors."""
    _reads_or_refuses("json", text)


@given(
    events=st.lists(
        st.fixed_dictionaries(
            {"id": st.sampled_from(["a", "b", "c"]), "title": st.just("T")},
            optional={"when": SCALARS, "relative_to": st.sampled_from(["a", "b", "x"])},
        ),
        max_size=4,
    ),
    links=st.lists(
        SCALARS | st.builds(" ".join, st.lists(KEYS | SCALARS, max_size=5)), max_size=4
    ),
)
def test_authoring_events_and_links(
    events: list[dict[str, str]], links: list[str]
) -> None:
    """Authoring documents with hostile dates and compact links raise only TimelineErrors."""
    with contextlib.suppress(TimelineError):
        formats.from_authoring(
            {"reference": "2025-02-10", "events": events, "links": links}
        )
