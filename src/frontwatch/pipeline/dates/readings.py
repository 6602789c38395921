"""What a recognized time expression says, before it is anchored: the stage's intermediate form.

:mod:`~frontwatch.pipeline.dates.rules` turns matched text into one of these readings;
:mod:`~frontwatch.pipeline.dates.resolve` turns a reading plus an anchor date into days. A
reading holds only what the words state (a month, an offset, a unit), never a guessed value.
All classes are frozen dataclasses; :data:`Reading` is their union.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "PARTS",
    "SHIFTS",
    "Anaphor",
    "Calendar",
    "Deictic",
    "Direction",
    "Duration",
    "Era",
    "Interval",
    "Named",
    "Numeric",
    "Part",
    "QuarterRef",
    "Reading",
    "Recurrence",
    "Reference",
    "Relation",
    "WeekdayRef",
    "part",
    "valid",
    "words",
]

Part = Literal[
    "early", "mid", "late", "start", "end", "before", "after", "w1", "w2", "w3", "w4", "w5"
]
"""A part of a period: its early/middle/late third, its first/last tenth (``start``/``end``),
the part before/after the anchor ("earlier this year", "later this month"), or a week of a
month (``w1`` to ``w4``: days 1-7 to 22-28; ``w5``: the last seven days)."""

Relation = Literal["range", "since", "until", "before", "after", "night"]
"""How an :class:`Interval` relates its ends: both given (``range``, ``night``) or one open."""

Direction = Literal["past", "next"]
"""An anchored duration runs up to the anchor (``past``) or from it (``next``)."""


SHIFTS: dict[str, int] = {"this past": -1, "past": -1, "last": -1, "previous": -1, "this": 0}
SHIFTS |= {"next": 1, "coming": 1, "this coming": 1}
"""Modifier → offset in units from the anchor's ("last April": -1)."""

PARTS: dict[str, Part] = {
    "early": "early",
    "earlier": "before",
    "late": "late",
    "later": "after",
    "mid": "mid",
    "middle of": "mid",
    "the middle of": "mid",
    "end of": "end",
    "the end of": "end",
    "beginning of": "start",
    "the beginning of": "start",
    "start of": "start",
    "the start of": "start",
    "earlier in": "before",
    "later in": "after",
    "the first week of": "w1",
    "the second week of": "w2",
    "the third week of": "w3",
    "the fourth week of": "w4",
    "the last week of": "w5",
    "the final week of": "w5",
}
"""Modifier → the part of a period it names."""


def words(text: str | None) -> str:
    """Lower case, hyphens as spaces, single spaces: the key form of a modifier."""
    return " ".join((text or "").lower().replace("-", " ").split())


def part(text: str | None) -> Part | None:
    """The :data:`Part` a modifier names ("the end of" → ``end``), or None."""
    return PARTS.get(words(text))


@dataclass(frozen=True)
class Calendar:
    """Calendar fields as written: "4 October 2022", "Oct. 4", "September", "2014"."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    """A weekday written next to the date ("Saturday, April 25"); informative only."""
    year_shift: int | None = None
    """Year relative to the anchor's: "June last year" (-1), "January this year" (0)."""
    month_shift: int | None = None
    """"last April" (-1): the latest April before the anchor's month; "next April" (+1)."""
    part: Part | None = None
    suffix: str = ""
    """TIMEX3 part of day (``TNI``) for "the night of October 9"."""
    fiscal: bool = False


@dataclass(frozen=True)
class Numeric:
    """An all-numeric date ("10/04/2022"): which number is the month depends on the outlet."""

    first: int
    second: int
    year: int
    dotted: bool
    """Dots (04.10.2022) are only used day first."""


@dataclass(frozen=True)
class WeekdayRef:
    """A weekday: "on Saturday", "last Friday", "next Monday", "Sunday night"."""

    weekday: int
    shift: int | None = None
    """None for a bare weekday (tense decides), -1 "last", 0 "this", +1 "next"."""
    suffix: str = ""
    part: Part | None = None


@dataclass(frozen=True)
class Deictic:
    """A unit counted from the anchor: "yesterday", "4 days ago", "last week", "this year"."""

    unit: Literal["day", "week", "weekend", "month", "quarter", "half", "year", "decade"]
    offset: int | None
    """Units from the anchor's (negative: past); None when the count is vague ("days ago")."""
    part: Part | None = None
    suffix: str = ""
    approximate: bool = False
    counted: bool = False
    """Counted back from the anchor ("a year ago") rather than named ("last year")."""


@dataclass(frozen=True)
class Anaphor:
    """A unit counted from the last date the text mentioned: "the next day", "a year earlier",
    "that year", "the following month"."""

    unit: Literal["day", "week", "month", "quarter", "year"]
    offset: int
    suffix: str = ""


@dataclass(frozen=True)
class Named:
    """A quarter, half year or season: "the third quarter", "this winter", "the 1988 second
    quarter", "the first half of 2022", "last spring"."""

    unit: Literal["quarter", "half", "season"]
    number: int
    """Quarter 1-4, half 1-2, or the season's first month."""
    code: str = ""
    """TIMEX3 season code (``SU``)."""
    year: int | None = None
    year_shift: int | None = None
    """"last year's third quarter" (-1), "next year's first quarter" (+1)."""
    shift: int | None = None
    """"last winter" (-1), "this winter" (0), "next spring" (+1); None: tense decides."""
    part: Part | None = None


@dataclass(frozen=True)
class QuarterRef:
    """A quarter named by reference: "the quarter" (the one the text is about, else the last
    complete one), "the latest quarter" (the last complete one), "the current quarter", "the
    year-ago quarter"; and "year-earlier" results (the year-ago quarter when the text is about a
    quarter, else the year before the anchor's)."""

    which: Literal["focus", "latest", "current", "year_ago", "comparison"]
    year: int | None = None
    """A year written with it: "the 1988 quarter" (the quarter in focus, in 1988)."""


@dataclass(frozen=True)
class Era:
    """A decade ("the 1980s": number 1980) or century ("the 20th century": number 20)."""

    unit: Literal["decade", "century"]
    number: int
    part: Part | None = None


@dataclass(frozen=True)
class Reference:
    """A vague reference: ``PAST_REF`` ("recently"), ``PRESENT_REF`` ("now"), ``FUTURE_REF``."""

    value: Literal["PAST_REF", "PRESENT_REF", "FUTURE_REF"]


@dataclass(frozen=True)
class Duration:
    """An amount of time: "four days", "for weeks", "the past 24 hours", "the next two weeks"."""

    amount: float | None
    """None when vague ("several days", "for weeks")."""
    code: str
    """TIMEX3 unit code: D, W, M, Q, Y, DE, CE, or H / M with ``time``."""
    time: bool = False
    direction: Direction | None = None
    """Anchored at the article date: "the past 24 hours", "the next two weeks"."""


@dataclass(frozen=True)
class Recurrence:
    """A set of times: "every day", "daily", "each week", "every Saturday"."""

    value: str


@dataclass(frozen=True)
class Interval:
    """Two readings as one span ("between Sunday and Monday", "October 9-10", "from 1 to 3
    October", "the night of October 9 to 10") or an open one ("since February 24",
    "until Monday", "before 2014")."""

    start: Reading | None
    end: Reading | None
    relation: Relation = "range"


Reading = (
    Calendar
    | Numeric
    | WeekdayRef
    | Deictic
    | Anaphor
    | Named
    | QuarterRef
    | Era
    | Reference
    | Duration
    | Recurrence
    | Interval
)


def valid(reading: Calendar) -> Calendar | None:
    """The reading when its day exists (February 30 does not), else None."""
    if reading.month is None or reading.day is None:
        return reading
    try:
        dt.date(reading.year or 2000, reading.month, reading.day)  # 2000: a leap year
    except ValueError:
        return None
    return reading
