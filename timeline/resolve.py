"""
`resolve()`: the words a reporter used for a date, as a `When` (the public face).

The rules live in the private package `timeline._words`; this module only names
what users may import. `timeline.resolve` is the function itself, and it carries its
cache controls:

>>> import timeline as tl
>>> tl.resolve("December 25", "2025-02-10")
When.day(2024, 12, 25, text='December 25')
>>> tl.resolve.cache_clear()
>>> tl.resolve.cache_info().currsize
0
"""

from ._words.resolving import MAX_LENGTH, cache_clear, cache_info, resolve

__all__ = ["MAX_LENGTH", "cache_clear", "cache_info", "resolve"]
