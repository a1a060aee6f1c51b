"""
The words layer: how `resolve()` and `extract()` read dates in text (private).

- `vocabulary`: month, weekday and number words, in English and in the other
  languages read in text; every other module takes its words from there.
- `english`: the rules for English date phrases, each declaring its trigger words.
- `spans`: calendar arithmetic (units around a day, parts of spans, year inference).
- `context`: tense cues of the sentence around a phrase, and the anchor it names.
- `fallback`: dateparser, for other languages and forms.
- `resolving`: `resolve()` and its cache.
- `patterns`: where dates may be in article text, and sentence boundaries.
- `extracting`: `extract()` and `Mention`.
"""
