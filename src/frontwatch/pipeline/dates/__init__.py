"""The dates stage: time expressions in war reporting, resolved to dated spans.

Public API:

- :func:`find_times`: every time expression of a text, resolved against the article date.
- :func:`article_date`: the article date a dateline or a report title states.
- :func:`governing_time`: the time expression that dates an event trigger, by the parse.
- :class:`DateTagger`: the pipeline stage (``frontwatch.dates.v1``).
- :class:`TimeFinder`: :func:`find_times` with its compiled patterns, to hold and reuse.

Importing this package does not import spaCy and compiles nothing: the word lists are read
and the patterns compiled when the first finder is built. The rules are documented where they
live: recognition in :mod:`.rules`, resolution in :mod:`.resolve`, the article date in
:mod:`.anchor`, the governing expression in :mod:`.govern`, tense in :mod:`.tense`.
"""

from frontwatch.pipeline.dates.anchor import article_date
from frontwatch.pipeline.dates.finder import TimeFinder, find_times
from frontwatch.pipeline.dates.govern import governing_time
from frontwatch.pipeline.dates.tagger import DateTagger

__all__ = ["DateTagger", "TimeFinder", "article_date", "find_times", "governing_time"]
