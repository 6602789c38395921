"""Periods counted from the article date or from the text's focus.

Takes a reading that needs an anchor (a weekday, "last week", "the next day", "this winter",
"the third quarter", "the quarter") with the anchor date, the clause's tense and the text's
:class:`Focus`; returns a :class:`~frontwatch.pipeline.dates.calendar.Period`, or an
:class:`Unresolved` with the reason. The rules are listed in
:mod:`~frontwatch.pipeline.dates.resolve`; the choices specific to these readings:

- "the weekend" is the last one, or the one under way; "last weekend" the one before the
  anchor's week's; "next weekend" the coming one.
- A bare season is the last one begun (past tense), the one under way, or the coming one
  (future tense); "last winter" the last one ended; "this winter" the one under way or the
  anchor year's.
- Counted anaphors ("a year earlier") keep the granularity of the quarter or month in focus.
- "The quarter" is the quarter the text reports on, else the last complete one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from frontwatch.pipeline.dates import calendar as cal
from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates.calendar import Period

__all__ = [
    "Focus",
    "Result",
    "Tense",
    "Unresolved",
    "anaphor",
    "by_tense",
    "contains",
    "deictic",
    "named",
    "parted",
    "quarter_ref",
    "season",
    "weekday",
    "weekend",
]

Tense = Literal["past", "present", "future"]
_DAY = dt.timedelta(days=1)


@dataclass
class Focus:
    """The dates the text mentioned last (mutable; one per text)."""

    period: Period | None = None
    day: dt.date | None = None
    """The last single day mentioned, for "the same day", "the next day"."""
    quarter: tuple[int, int] | None = None
    quarter_last: bool = False
    """True when the last date mentioned was a quarter."""


@dataclass(frozen=True)
class Unresolved:
    """Why a reading has no days; ``value`` when it has one all the same ("PAST_REF")."""

    note: str
    ambiguous: bool = False
    value: str | None = None


Result = Period | Unresolved


def weekday(reading: r.WeekdayRef, anchor: dt.date, tense: Tense | None) -> Result:
    """The latest such day not after the anchor; "last": before it; "this": in its week;
    "next" or a future clause: the first one after it."""
    back = (anchor.weekday() - reading.weekday) % 7
    if reading.shift == -1:
        date = anchor - dt.timedelta(days=back or 7)
    elif reading.shift == 0:
        date = anchor - dt.timedelta(days=anchor.weekday() - reading.weekday)
    elif reading.shift == 1 or tense == "future":
        date = anchor + dt.timedelta(days=(reading.weekday - anchor.weekday()) % 7 or 7)
    else:
        date = anchor - dt.timedelta(days=back)
    return cal.day(date, reading.suffix)


def deictic(
    reading: r.Deictic, text: str, anchor: dt.date, tense: Tense | None, focus: Focus
) -> Result:
    """ "Yesterday", "4 days ago", "last week", "this year": counted from the anchor. "A year
    ago" in a text about a quarter is that quarter a year before."""
    offset = reading.offset
    unit = reading.unit
    if unit == "weekend":
        return weekend(offset, anchor, tense)
    if offset is None:
        return Unresolved(
            f"{text!r} does not say how many {unit}s",
            value="FUTURE_REF" if reading.counted and "now" in text else "PAST_REF",
        )
    if unit == "year" and reading.counted and focus.quarter_last and focus.quarter:
        return cal.quarter(anchor.year + offset, focus.quarter[1])
    if unit == "day":
        return cal.day(anchor + offset * _DAY, reading.suffix)
    if unit == "week":
        period = cal.week(anchor + dt.timedelta(weeks=offset))
    elif unit == "month":
        period = cal.month(*cal.add_months(anchor.year, anchor.month, offset))
    elif unit == "quarter":
        year, month = cal.add_months(anchor.year, anchor.month, 3 * offset)
        period = cal.quarter(year, (month - 1) // 3 + 1)
    elif unit == "half":
        year, month = cal.add_months(anchor.year, anchor.month, 6 * offset)
        period = cal.half(year, 1 if month <= 6 else 2)
    elif unit == "decade":
        period = cal.decade(anchor.year - anchor.year % 10 + 10 * offset)
    else:
        period = cal.year(anchor.year + offset)
    if offset == 0:
        period = by_tense(period, anchor, tense)
    return parted(period, reading.part, anchor)


def weekend(offset: int | None, anchor: dt.date, tense: Tense | None) -> Result:
    """Saturday and Sunday: "the weekend" is the last one (or the one under way), "this
    weekend" the anchor's week's, "last weekend" the one before, "next weekend" the coming
    one; a bare weekend in a future clause is the coming one."""
    this = cal.weekend(anchor)
    if offset == 0:
        return by_tense(this, anchor, tense)
    if offset == -1:
        return cal.weekend(anchor - dt.timedelta(days=7))
    if offset == 1:
        return this if anchor < this.earliest else cal.weekend(anchor + dt.timedelta(days=7))
    if tense == "future":
        return this.clip(after=anchor)
    if anchor >= this.earliest:
        return this.clip(before=anchor)
    return cal.weekend(anchor - dt.timedelta(days=7))


def anaphor(reading: r.Anaphor, text: str, anchor: dt.date, focus: Focus) -> Result:
    """ "The next day", "a year earlier", "that year": counted from the text's focus."""
    last = focus.period
    unit, offset = reading.unit, reading.offset
    if unit == "day":
        if focus.day is None:
            return Unresolved(f"no earlier day in the text for {text!r} to count from")
        return cal.day(focus.day + offset * _DAY, reading.suffix)
    base = last.earliest if last is not None else anchor
    if unit == "week":
        return cal.week(base + dt.timedelta(weeks=offset))
    if unit == "month":
        return cal.month(*cal.add_months(base.year, base.month, offset))
    if unit == "quarter" or (unit == "year" and focus.quarter_last and focus.quarter):
        year, number = focus.quarter or (base.year, cal.quarter_of(base))
        step = offset * (4 if unit == "year" else 1)
        index = year * 4 + number - 1 + step
        return cal.quarter(index // 4, index % 4 + 1)
    if unit == "year" and last is not None and last.precision == "month":
        return cal.month(base.year + offset, base.month)
    return cal.year(base.year + offset)


def named(reading: r.Named, anchor: dt.date | None, tense: Tense | None) -> Result:
    """A quarter, half year or season, in its written year or the anchor's."""
    year = reading.year
    if year is None:
        assert anchor is not None  # callers resolve unanchored Named readings by year only
        year = anchor.year + (reading.year_shift or 0)
    if reading.unit == "quarter":
        period = cal.quarter(year, reading.number)
    elif reading.unit == "half":
        period = cal.half(year, reading.number)
    elif reading.year is not None:
        period = cal.season(year, reading.code, reading.number)
    else:
        assert anchor is not None
        period = season(reading, anchor, tense)
    if anchor is not None and reading.year is None and reading.unit != "season":
        period = by_tense(period, anchor, tense) if contains(period, anchor) else period
    return parted(period, reading.part, anchor)


def season(reading: r.Named, anchor: dt.date, tense: Tense | None) -> Period:
    """A season without a year, by its modifier or the clause's tense (see the module)."""

    def instance(year: int) -> Period:
        return cal.season(year, reading.code, reading.number)

    around = [instance(anchor.year + step) for step in (-2, -1, 0, 1)]
    current = next((p for p in around if contains(p, anchor)), None)
    ended = [p for p in around if p.latest < anchor]
    coming = [p for p in around if p.earliest > anchor]
    shift = reading.shift
    if shift == -1 or (shift is None and tense == "past" and current is None):
        return ended[-1]
    if shift == 1:
        return coming[0]
    if current is not None:
        return by_tense(current, anchor, tense)
    if shift is None and tense == "future":
        return coming[0]
    return instance(anchor.year)


def quarter_ref(reading: r.QuarterRef, anchor: dt.date, focus: Focus) -> Result:
    """ "The quarter", "the latest quarter", "the year-ago period", "year-earlier"."""
    which = reading.which
    if which == "current":
        return cal.quarter(anchor.year, cal.quarter_of(anchor))
    if which == "comparison" and focus.quarter is None:
        return cal.year(anchor.year - 1)
    index = anchor.year * 4 + cal.quarter_of(anchor) - 2  # the last complete quarter
    year, number = index // 4, index % 4 + 1
    if focus.quarter is not None and which != "latest":
        year, number = focus.quarter
    if reading.year is not None:
        if focus.quarter is None:
            return cal.year(reading.year)
        year = reading.year
    return cal.quarter(year - (which in ("year_ago", "comparison")), number)


def contains(period: Period, date: dt.date) -> bool:
    """True when ``date`` is one of the period's days."""
    return period.earliest <= date <= period.latest


def by_tense(period: Period, anchor: dt.date, tense: Tense | None) -> Period:
    """Cut a period that contains the anchor to its past or future side, by the clause's tense."""
    if tense == "past":
        return period.clip(before=anchor)
    if tense == "future":
        return period.clip(after=anchor)
    return period


def parted(period: Period, part: r.Part | None, anchor: dt.date | None) -> Result:
    """The part of a period a modifier names ("late", "earlier this ...")."""
    if part is None:
        return period
    if part in ("before", "after"):
        if anchor is None or not contains(period, anchor):
            return period
        return period.clip(before=anchor) if part == "before" else period.clip(after=anchor)
    return cal.narrow(period, part)
