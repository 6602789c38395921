"""Calendar arithmetic for the dates stage: the days a calendar unit covers, and its TIMEX3 value.

Takes plain ``datetime.date`` values and unit numbers; returns :class:`Period` objects (first
day, last day, precision, TIMEX3 value). Weeks are ISO weeks (Monday to Sunday, numbered by
ISO year); seasons are meteorological and northern (three whole months, winter from December);
quarters and halves are calendar ones. Pure functions, no state; dates outside
``datetime.date``'s range raise ``ValueError``, which callers turn into an unresolved span.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from frontwatch.model import TimePrecision

__all__ = [
    "Period",
    "add_months",
    "century",
    "day",
    "decade",
    "half",
    "month",
    "narrow",
    "quarter",
    "quarter_of",
    "season",
    "week",
    "weekend",
    "year",
]

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """A run of days with its granularity and TIMEX3 value."""

    earliest: dt.date
    latest: dt.date
    precision: TimePrecision
    value: str

    def clip(self, *, before: dt.date | None = None, after: dt.date | None = None) -> Period:
        """The same period cut so that it ends by ``before`` / starts at ``after`` at the latest.

        Used for past-tense clauses (an event reported as past cannot be after the article
        date) and future ones. The value is kept: it names the unit, not the cut.
        """
        earliest, latest = self.earliest, self.latest
        if before is not None and earliest <= before < latest:
            latest = before
        if after is not None and earliest < after <= latest:
            earliest = after
        return replace(self, earliest=earliest, latest=latest)


def add_months(year_: int, month_: int, months: int) -> tuple[int, int]:
    """(year, month) shifted by ``months``."""
    index = year_ * 12 + (month_ - 1) + months
    return index // 12, index % 12 + 1


def day(date: dt.date, suffix: str = "") -> Period:
    """One day; ``suffix`` is a TIMEX3 part of day (``TMO``) added to the value. A night
    (``TNI``) runs into the next day, so its span covers both."""
    last = date + _DAY if suffix == "TNI" else date
    return Period(date, last, "day", date.isoformat() + suffix)


def week(date: dt.date) -> Period:
    """The ISO week (Monday to Sunday) that contains ``date``."""
    start = date - dt.timedelta(days=date.weekday())
    iso_year, iso_week, _ = date.isocalendar()
    return Period(start, start + 6 * _DAY, "week", f"{iso_year}-W{iso_week:02d}")


def weekend(date: dt.date) -> Period:
    """Saturday and Sunday of the ISO week that contains ``date``."""
    saturday = date - dt.timedelta(days=date.weekday()) + 5 * _DAY
    iso_year, iso_week, _ = saturday.isocalendar()
    return Period(saturday, saturday + _DAY, "day", f"{iso_year}-W{iso_week:02d}-WE")


def month(year_: int, month_: int) -> Period:
    """A calendar month."""
    last = calendar.monthrange(year_, month_)[1]
    return Period(
        dt.date(year_, month_, 1),
        dt.date(year_, month_, last),
        "month",
        f"{year_:04d}-{month_:02d}",
    )


def quarter_of(date: dt.date) -> int:
    """The calendar quarter (1-4) of a date."""
    return (date.month - 1) // 3 + 1


def quarter(year_: int, number: int) -> Period:
    """A calendar quarter (1-4)."""
    first = month(year_, 3 * number - 2)
    last = month(year_, 3 * number)
    return Period(first.earliest, last.latest, "month", f"{year_:04d}-Q{number}")


def half(year_: int, number: int) -> Period:
    """A half year (1 or 2)."""
    first = month(year_, 6 * number - 5)
    last = month(year_, 6 * number)
    return Period(first.earliest, last.latest, "month", f"{year_:04d}-H{number}")


def season(year_: int, code: str, first_month: int) -> Period:
    """Three months from ``first_month`` of ``year_`` (winter runs into the next year)."""
    start = month(year_, first_month)
    end_year, end_month = add_months(year_, first_month, 2)
    return Period(start.earliest, month(end_year, end_month).latest, "month", f"{year_:04d}-{code}")


def year(year_: int) -> Period:
    """A calendar year."""
    return Period(dt.date(year_, 1, 1), dt.date(year_, 12, 31), "year", f"{year_:04d}")


def decade(first_year: int) -> Period:
    """A decade such as the 1980s (``first_year`` 1980): value ``198``."""
    return Period(
        dt.date(first_year, 1, 1),
        dt.date(first_year + 9, 12, 31),
        "year",
        f"{first_year // 10:03d}",
    )


def century(number: int) -> Period:
    """The ``number``-th century (the 20th: 1901-2000), TIMEX3 value ``19``."""
    first = (number - 1) * 100 + 1
    return Period(dt.date(first, 1, 1), dt.date(first + 99, 12, 31), "year", f"{number - 1:02d}")


def narrow(period: Period, part: str) -> Period:
    """The early, middle or late third of a period (``start``/``end``: its first/last tenth).

    The value is kept, as TIMEX3 does (it records the part in ``mod``); the days narrow.
    """
    days = (period.latest - period.earliest).days + 1
    if days < 3:
        return period
    third = days // 3
    if part == "early":
        return replace(period, latest=period.earliest + (third - 1) * _DAY)
    if part == "mid":
        return replace(
            period, earliest=period.earliest + third * _DAY, latest=period.latest - third * _DAY
        )
    if part == "late":
        return replace(period, earliest=period.latest - (third - 1) * _DAY)
    if part in ("w1", "w2", "w3", "w4"):
        first = period.earliest + 7 * (int(part[1]) - 1) * _DAY
        return replace(period, earliest=first, latest=min(first + 6 * _DAY, period.latest))
    if part == "w5":
        return replace(period, earliest=period.latest - 6 * _DAY)
    tenth = max(days // 10, 1)
    if part == "start":
        return replace(period, latest=period.earliest + (tenth - 1) * _DAY)
    if part == "end":
        return replace(period, earliest=period.latest - (tenth - 1) * _DAY)
    return period
