"""Recognition: where the time expressions of a text are and what each one says.

Takes a text; :meth:`Recognizer.scan` returns :class:`Candidate` objects (character span, the
preposition that introduces it, a :mod:`~frontwatch.pipeline.dates.readings` reading),
non-overlapping and in text order. Three readers find anchors and read the words around them
(:mod:`~frontwatch.pipeline.dates.absolute` for month and weekday names and numbers,
:mod:`~frontwatch.pipeline.dates.keywords` for keywords, which hands unit words to
:mod:`~frontwatch.pipeline.dates.units`). Then, in this order: overlaps go to the longest
candidate; each takes the preposition before it ("on", "since"); neighbours join into ranges
("between Sunday and Monday", "from October 9 to October 12"); "since"/"until"/"by"/
"before"/"after" make open intervals; "the night of ..." marks nights. Nothing here needs the
article date. The patterns are compiled once, in the constructor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates.absolute import CalendarReader
from frontwatch.pipeline.dates.keywords import KeywordReader
from frontwatch.pipeline.dates.lexicon import Lexicon
from frontwatch.pipeline.dates.patterns import Patterns, left
from frontwatch.pipeline.dates.units import UnitReader

__all__ = ["Candidate", "Recognizer"]

_OPEN: dict[str, r.Relation] = {
    "since": "since",
    "until": "until",
    "till": "until",
    "by": "until",
    "no later than": "until",
    "as late as": "until",
    "before": "before",
    "after": "after",
}
_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and|into)\s*", re.IGNORECASE)
_CLOSING = ("to", "until", "till", "through", "into")
_NIGHT = re.compile(r"(?:the\s+night\s+of|overnight(?:\s+on)?)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A recognized expression: its extent, its leading preposition and what it says."""

    start: int
    end: int
    reading: r.Reading
    rule: str
    prep: str | None = None
    core: int = 0
    """Where the time words begin (after the preposition)."""
    parts: tuple[Candidate, ...] = ()
    """The two ends of a range joined from two expressions."""


class Recognizer:
    """Finds time expressions in text. Build once (compiles the patterns), call many times."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.p = Patterns(lexicon)
        self.calendar = CalendarReader(lexicon, self.p)
        self.keywords = KeywordReader(lexicon, self.p, UnitReader(lexicon, self.p))

    def scan(self, text: str) -> list[Candidate]:
        """Every time expression in ``text``, non-overlapping, in order."""
        found = [*self.calendar.read(text), *self.keywords.read(text)]
        chosen = [self._with_preposition(text, *item) for item in _longest_first(found)]
        return [self._open(text, c) for c in _join(chosen, text)]

    def _with_preposition(
        self, text: str, start: int, end: int, reading: r.Reading, rule: str
    ) -> Candidate:
        # Adverbs ("recently", "now") and sets take no preposition: "in recently liberated".
        plain = isinstance(reading, r.Reference | r.Recurrence)
        plain = plain or self.p.r_preposition.match(text, start) is not None  # "for weeks"
        match = None if plain else left(self.p.l_preposition, text, start)
        if match is None:
            return Candidate(start, end, reading, rule, None, start)
        prep = " ".join(match["prep"].lower().split())
        return Candidate(match.start(), end, reading, rule, prep, start)

    def _open(self, text: str, candidate: Candidate) -> Candidate:
        """Wrap "since X" / "until X" / "before X" / "after X"; mark "the night of X"."""
        reading = candidate.reading
        relation = _OPEN.get(candidate.prep or "")
        if relation is not None and _is_date(reading):
            interval = (
                r.Interval(reading, None, relation)
                if relation in ("since", "after")
                else r.Interval(None, reading, relation)
            )
            return replace(candidate, reading=interval)
        night = _NIGHT.search(text, max(0, candidate.core - 24), candidate.core)
        if night is None:
            return candidate
        if isinstance(reading, r.Interval) and reading.relation == "range":
            reading = replace(reading, relation="night")
        elif isinstance(reading, r.WeekdayRef) or (
            isinstance(reading, r.Calendar) and reading.day is not None
        ):
            reading = r.Interval(reading, None, "night")
        else:
            return candidate
        return replace(candidate, start=min(candidate.start, night.start()), reading=reading)


def _is_date(reading: r.Reading) -> bool:
    """Readings that name days ("last year", "Saturday", "the summer"): they can open or close
    an interval ("since last year")."""
    return not isinstance(reading, r.Reference | r.Duration | r.Recurrence | r.Interval)


def _is_point(reading: r.Reading) -> bool:
    """Readings that can be one end of a range."""
    if isinstance(reading, r.Deictic):
        return reading.unit == "day"
    return isinstance(reading, r.Calendar | r.Numeric | r.WeekdayRef | r.Named)


def _join(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Join "between A and B", "from A to B", "A to B", "A - B" into one range."""
    result: list[Candidate] = []
    for candidate in candidates:
        previous = result[-1] if result else None
        if previous is not None and _joins(previous, candidate, text):
            reading = r.Interval(previous.reading, candidate.reading, "range")
            parts = (previous, candidate)
            result[-1] = replace(
                previous, end=candidate.end, reading=reading, rule="range", parts=parts
            )
        else:
            result.append(candidate)
    return result


def _joins(first: Candidate, second: Candidate, text: str) -> bool:
    """True when ``second`` closes a range that ``first`` opens.

    "between A and B" needs "and"; otherwise a dash, "to", "until" or "through" joins ("from
    A to B", "A - B"), never a bare "and" ("on Sunday and Monday" stays two days).
    """
    if not (_is_point(first.reading) and _is_point(second.reading)):
        return False
    if second.prep is None:
        gap = text[first.end : second.start]
        if not _JOIN.fullmatch(gap):
            return False
        joiner = gap.strip().lower()
    elif second.prep in _CLOSING and not text[first.end : second.start].strip():
        joiner = second.prep
    else:
        return False
    if first.prep == "between":
        return joiner == "and"
    return joiner != "and"


def _longest_first(
    found: Iterable[tuple[int, int, r.Reading, str]],
) -> list[tuple[int, int, r.Reading, str]]:
    """Keep the longest of overlapping expressions (ties: the earliest, then reader order)."""
    order = sorted(found, key=lambda item: (item[0] - item[1], item[0]))
    taken: list[tuple[int, int, r.Reading, str]] = []
    for item in order:
        if all(item[1] <= t[0] or item[0] >= t[1] for t in taken):
            taken.append(item)
    return sorted(taken, key=lambda item: item[0])
