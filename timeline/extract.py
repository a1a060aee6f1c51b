"""
`extract()`: the dated mentions in an article (the public face).

The patterns and the reading live in the private package `timeline._words`; this
module only names what users may import.

>>> import timeline as tl
>>> [m.text for m in tl.extract("Talks opened on January 27, 2025.")]
['January 27, 2025']
"""

from ._words.extracting import Mention, extract

__all__ = ["Mention", "extract"]
