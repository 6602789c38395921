"""Time expressions of a text, resolved against the article date: :func:`find_times`.

Takes a text, the article date (or None) and optionally its spaCy ``Doc`` (for sentence
indices and tense) and the outlet's numeric date order; returns one
:class:`~frontwatch.model.TimeExpression` per expression, in text order, with character
offsets into the text. :class:`TimeFinder` compiles its patterns once, in the constructor;
:func:`find_times` uses one shared finder built on first use. Pure: the same input always
gives the same output, and nothing is taken from the clock.

When the date order is not given, an unambiguous numeric date in the same text (25/09/2022)
settles it for the others. ``split_ranges`` reports a range by its two ends and an open
interval by its date alone, as TimeML annotates them (used by the evaluation).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from frontwatch.model import TimeExpression, TimeSpan
from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates.lexicon import DateOrder, Lexicon, load_lexicon
from frontwatch.pipeline.dates.relative import Focus
from frontwatch.pipeline.dates.resolve import Context, Outcome, Resolver
from frontwatch.pipeline.dates.rules import Candidate, Recognizer
from frontwatch.pipeline.dates.tense import TenseReader

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TimeFinder", "default_finder", "find_times"]


class TimeFinder:
    """Recognizes and resolves time expressions. Build once, call many times."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.recognizer = Recognizer(lexicon)
        self.resolver = Resolver(lexicon)
        self.tenses = TenseReader(lexicon)

    def find(
        self,
        text: str,
        anchor: dt.date | None,
        *,
        doc: Doc | None = None,
        date_order: DateOrder | None = None,
        sentence_starts: Sequence[int] | None = None,
        split_ranges: bool = False,
    ) -> list[TimeExpression]:
        """Every time expression in ``text``, resolved against ``anchor`` (see the module)."""
        candidates = self.recognizer.scan(text)
        if split_ranges:
            candidates = [part for c in candidates for part in _split(c)]
        order = date_order or _date_order(candidates)
        starts = list(sentence_starts) if sentence_starts is not None else _starts(doc)
        focus = Focus()
        found: list[TimeExpression] = []
        for candidate in candidates:
            phrase = text[candidate.start : candidate.end]
            tense = self.tenses.tense(text, candidate.core, candidate.end, doc)
            if tense == "past" and candidate.prep in self.lexicon.deadline_prepositions:
                tense = None  # "extended the offer to Nov. 20": a deadline, often still ahead
            context = Context(anchor, tense, order)
            outcome = self.resolver.resolve(candidate.reading, phrase, context, focus)
            sentence = max(bisect_right(starts, candidate.start) - 1, 0)
            found.append(_expression(candidate, phrase, outcome, anchor, sentence))
        return found


def _expression(
    candidate: Candidate, phrase: str, outcome: Outcome, anchor: dt.date | None, sentence: int
) -> TimeExpression:
    period = outcome.period
    span = (
        TimeSpan(
            text=phrase,
            earliest=period.earliest,
            latest=period.latest,
            precision=period.precision,
            anchor=anchor if outcome.anchored else None,
        )
        if period is not None
        else TimeSpan(text=phrase)
    )
    return TimeExpression(
        start=candidate.start,
        end=candidate.end,
        text=phrase,
        kind=outcome.kind,
        span=span,
        sentence=sentence,
        value=outcome.value,
        ambiguous=outcome.ambiguous,
        note=outcome.note,
    )


def _starts(doc: Doc | None) -> list[int]:
    """Sentence start offsets, numbered as the analyze stage numbers ``Sentence`` objects."""
    if doc is None:
        return [0]
    return [sent.start_char for sent in doc.sents if sent.text.strip()] or [0]


def _date_order(candidates: Sequence[Candidate]) -> DateOrder | None:
    """The order an unambiguous numeric date of the text shows (13/04/2022: day first)."""
    seen: set[DateOrder] = set()
    for candidate in candidates:
        reading = candidate.reading
        if isinstance(reading, r.Numeric) and not reading.dotted:
            if reading.first > 12 >= reading.second:
                seen.add("DMY")
            elif reading.second > 12 >= reading.first:
                seen.add("MDY")
    return next(iter(seen)) if len(seen) == 1 else None


def _split(candidate: Candidate) -> list[Candidate]:
    """A range as its two ends, an open interval as its date (TimeML's extents)."""
    reading = candidate.reading
    if not isinstance(reading, r.Interval):
        return [candidate]
    if reading.relation != "range" and reading.relation != "night":
        known = reading.start if reading.start is not None else reading.end
        assert known is not None
        return [
            Candidate(
                candidate.core, candidate.end, known, candidate.rule, candidate.prep, candidate.core
            )
        ]
    if candidate.parts:
        return list(candidate.parts)
    assert reading.start is not None
    return [
        Candidate(
            candidate.start, candidate.end, reading.start, candidate.rule, None, candidate.core
        )
    ]


@cache
def default_finder() -> TimeFinder:
    """The shared finder of :func:`find_times`, built (patterns compiled) on first use."""
    return TimeFinder(load_lexicon())


def find_times(
    text: str,
    anchor: dt.date | None,
    *,
    doc: Doc | None = None,
    date_order: DateOrder | None = None,
) -> list[TimeExpression]:
    """Every time expression of ``text`` with the days it denotes, anchored at ``anchor``.

    ``anchor`` is the article date; without it, relative expressions ("on Saturday", "4 days
    ago") are returned unresolved with a note. ``doc`` is the spaCy parse of ``text``, used for
    sentence indices and the tense of each clause (without it, sentence indices are 0 and the
    tense comes from nearby words). ``date_order`` says how the outlet writes numeric dates.
    """
    return default_finder().find(text, anchor, doc=doc, date_order=date_order)
