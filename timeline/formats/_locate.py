"""Where a JSON path points in a JSON text: the line numbers that error messages give."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Final

__all__ = ["JsonIndex"]

_WS: Final = re.compile(r"[ \t\n\r]*")
_DECODER: Final = json.JSONDecoder()


class JsonIndex:
    """
    The offset of every value in a JSON text, by JSON path, and the keys repeated in an object.

    Only ever built when an error needs a line number, so it may be simple rather
    than fast. Text that is not JSON is indexed up to its first syntax error: a key
    repeated before that error is still found.

    >>> index = JsonIndex('{"events": [\\n  {"id": "a"}\\n]}')
    >>> index.line("$.events[0].id"), index.line("$.events[0].title")
    (2, 2)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets: dict[str, int] = {}
        self.duplicates: list[str] = []
        # Stop at a syntax error (JSONDecodeError) or a number of too many digits.
        with contextlib.suppress(ValueError):
            self._value(0, "$")

    def line(self, path: str | None) -> int | None:
        """The line of the value at *path*, or of its nearest enclosing value."""
        while path:
            if path in self.offsets:
                return self.text.count("\n", 0, self.offsets[path]) + 1
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else None
        return None

    def _ws(self, i: int) -> int:
        match = _WS.match(self.text, i)
        return i if match is None else match.end()

    def _value(self, i: int, path: str) -> int:
        text = self.text
        i = self._ws(i)
        self.offsets[path] = i
        if text.startswith("{", i):
            return self._object(i + 1, path)
        if text.startswith("[", i):
            return self._array(i + 1, path)
        _, end = _DECODER.raw_decode(text, i)
        return end

    def _object(self, i: int, path: str) -> int:
        text, seen = self.text, set()
        i = self._ws(i)
        if text.startswith("}", i):
            return i + 1
        while True:
            i = self._ws(i)
            key, i = _DECODER.raw_decode(text, i)
            i = self._ws(i) + 1  # the colon
            child = f"{path}.{key}"
            if key in seen:
                self.duplicates.append(child)
            seen.add(key)
            i = self._ws(self._value(i, child))
            if text.startswith(",", i):
                i += 1
                continue
            return i + 1

    def _array(self, i: int, path: str) -> int:
        text, n = self.text, 0
        i = self._ws(i)
        if text.startswith("]", i):
            return i + 1
        while True:
            i = self._ws(self._value(i, f"{path}[{n}]"))
            n += 1
            if text.startswith(",", i):
                i += 1
                continue
            return i + 1
