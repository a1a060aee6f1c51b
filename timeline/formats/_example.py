"""The example chronology shipped in timeline/data/, read with importlib.resources."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Final, Literal

from ._authoring import from_toml, from_yaml

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["EXAMPLE", "example", "example_text"]

EXAMPLE: Final = "aktau"
"""The file name (without extension) of the shipped example in timeline/data/."""


def example_text(kind: Literal["toml", "yaml"] = "toml") -> str:
    """The authoring text of the shipped example, as TOML (the default) or YAML."""
    resource = resources.files("timeline").joinpath("data", f"{EXAMPLE}.{kind}")
    return resource.read_text(encoding="utf-8")


def example(kind: Literal["toml", "yaml"] = "toml") -> Timeline:
    """
    The example chronology: Azerbaijan and Russia after the Aktau air crash of
    December 2024, as a news analysis of February 2025 tells it.

    The TOML copy needs nothing beyond the standard library; the YAML copy (the
    same events and links) needs the ``yaml`` extra.
    """
    text = example_text(kind)
    where = f"timeline/data/{EXAMPLE}.{kind}"
    return (
        from_toml(text, path=where) if kind == "toml" else from_yaml(text, path=where)
    )
