"""Normalization: a reading plus the article date → the days it denotes and its TIMEX3 value.

Takes a :mod:`~frontwatch.pipeline.dates.readings` reading, a :class:`Context` (anchor date,
the clause's tense, the outlet's numeric date order) and the
:class:`~frontwatch.pipeline.dates.relative.Focus` of the text so far (the last dates it
mentioned, for "the next day" and "a year earlier"); returns an :class:`Outcome`. Rules:

- Without an anchor, anything relative stays unresolved with a note saying why; absolute
  expressions ("in 2014", "4 October 2022") resolve anyway. No today(), no default year.
- A weekday is the latest such day not after the anchor (the anchor day itself when they
  match), or the first one after it when the clause is future.
- A day or month without a year takes the anchor's year, the year before when a past-tense
  clause would put it after the anchor, the year after when a future one would put it before.
- A span never reaches past the anchor in a past-tense clause ("this week" reported in the
  past ends on the article date), nor before it in a future one.
- All-numeric dates with both readings valid and no known date order stay unresolved and are
  flagged ambiguous.
- Ranges resolve their end first and their start relative to the end, so "between Sunday and
  Monday" and "December 30 to January 2" come out in order. "Since X" runs from X to the
  anchor; "until X", "before X" and "after X" are open-ended and stay unresolved.
- Durations are not dates ("for three days"), unless anchored: "in the past 24 hours" is the
  days up to the anchor. Sets ("every night") and vague references ("recently") have a value
  but no days; "now" is the anchor day.

Values follow TIMEX3: days ``2022-10-01`` (with a part of day: ``2022-10-03TNI``), ISO weeks
``2022-W39``, weekends ``2022-W39-WE``, months ``2022-09``, quarters ``2022-Q3``, halves
``2022-H1``, seasons ``2022-WI`` (a winter is named by the year of its December), years
``2014``, decades ``198``, centuries ``19``, ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``,
durations ``P4D``/``PT24H``/``PXW``, sets ``P1D``/``XXXX-WXX-6``. Ranges are ISO 8601
intervals of their ends' values (``2022-10-02/2022-10-03``; "since": ``2022-02-24/`` plus the
anchor day; open ends: ``../2022-06``, ``2014/..``). The anchor-relative periods themselves are
computed in :mod:`~frontwatch.pipeline.dates.relative`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from frontwatch.model import TimeKind
from frontwatch.pipeline.dates import calendar as cal
from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates import relative as rel
from frontwatch.pipeline.dates.calendar import Period
from frontwatch.pipeline.dates.lexicon import DateOrder, Lexicon
from frontwatch.pipeline.dates.relative import Focus, Result, Tense, Unresolved

__all__ = ["Context", "Outcome", "Resolver"]

_DAY = dt.timedelta(days=1)
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class Context:
    """What resolution may use besides the reading itself."""

    anchor: dt.date | None
    tense: Tense | None = None
    date_order: DateOrder | None = None


@dataclass(frozen=True)
class Outcome:
    """A resolution: the kind of expression, its days (None: unresolved) and its value."""

    kind: TimeKind
    period: Period | None
    value: str | None
    note: str | None = None
    ambiguous: bool = False
    anchored: bool = False
    """True when the anchor date was used."""


def _missing(text: str) -> Unresolved:
    return Unresolved(f"no article date to anchor {text!r}")


@dataclass
class Resolver:
    """Resolves readings; stateless apart from the word lists."""

    lexicon: Lexicon

    def resolve(self, reading: r.Reading, text: str, ctx: Context, focus: Focus) -> Outcome:
        """Resolve one reading and update ``focus`` with it."""
        kind: TimeKind = "date"
        if isinstance(reading, r.Duration):
            return self._duration(reading, text, ctx)
        if isinstance(reading, r.Recurrence):
            return Outcome("set", None, reading.value, "a recurring time, not one date")
        if isinstance(reading, r.Reference):
            return self._reference(reading, text, ctx)
        if isinstance(reading, r.Interval):
            kind = "range"
            result = self._interval(reading, text, ctx, focus)
        else:
            try:
                result = self._point(reading, text, ctx, focus)
            except ValueError:
                # a reading outside the calendar ("Q6", "the 13th month"): not a date
                result = Unresolved(f"{text!r} names no calendar period")
        anchored = ctx.anchor is not None and _uses_anchor(reading)
        if isinstance(result, Unresolved):
            return Outcome(kind, None, result.value, result.note, result.ambiguous, False)
        self._remember(reading, result, focus, ctx.anchor)
        return Outcome(kind, result, result.value, anchored=anchored)

    # -- points ---------------------------------------------------------------------------

    def _point(self, reading: r.Reading, text: str, ctx: Context, focus: Focus) -> Result:
        if isinstance(reading, r.Calendar):
            return self._calendar(reading, text, ctx)
        if isinstance(reading, r.Numeric):
            return self._numeric(reading, text, ctx)
        if isinstance(reading, r.Era):
            period = cal.decade(reading.number) if reading.unit == "decade" else None
            period = period or cal.century(reading.number)
            return cal.narrow(period, reading.part) if reading.part else period
        if isinstance(reading, r.Named) and reading.year is not None:
            return rel.named(reading, None, ctx.tense)
        if ctx.anchor is None:
            return _missing(text)
        anchor = ctx.anchor
        if isinstance(reading, r.WeekdayRef):
            return rel.weekday(reading, anchor, ctx.tense)
        if isinstance(reading, r.Deictic):
            return rel.deictic(reading, text, anchor, ctx.tense, focus)
        if isinstance(reading, r.Anaphor):
            return rel.anaphor(reading, text, anchor, focus)
        if isinstance(reading, r.Named):
            return rel.named(reading, anchor, ctx.tense)
        if isinstance(reading, r.QuarterRef):
            return rel.quarter_ref(reading, anchor, focus)
        return Unresolved(f"{text!r} is not a date")

    def _calendar(self, reading: r.Calendar, text: str, ctx: Context) -> Result:
        anchor = ctx.anchor
        year = reading.year
        if year is None:
            if reading.month is None:
                return Unresolved(f"{text!r} names no year")
            if anchor is None:
                return Unresolved(f"no article date to give {text!r} a year")
            year = self._year_for(reading, anchor, ctx.tense)
            if reading.weekday is not None and reading.day is not None:
                year = _year_of_weekday(reading, year, anchor, ctx.tense)
        try:
            if reading.month is None:
                period = cal.year(year)
            elif reading.day is None:
                period = cal.month(year, reading.month)
            else:
                period = cal.day(dt.date(year, reading.month, reading.day), reading.suffix)
        except ValueError:
            return Unresolved(f"{text!r} is not a valid date")
        return rel.parted(period, reading.part, anchor)

    def _year_for(self, reading: r.Calendar, anchor: dt.date, tense: Tense | None) -> int:
        month = reading.month or 1
        if reading.year_shift is not None:
            return anchor.year + reading.year_shift
        if reading.month_shift == -1:
            return anchor.year if month < anchor.month else anchor.year - 1
        if reading.month_shift == 1:
            return anchor.year if month > anchor.month else anchor.year + 1
        if reading.month_shift == 0:
            return anchor.year
        here = (month, reading.day or 0)
        now = (anchor.month, anchor.day if reading.day else 0)
        if tense == "past" and here > now:
            return anchor.year - 1
        if tense == "future" and here < now:
            return anchor.year + 1
        return anchor.year

    def _numeric(self, reading: r.Numeric, text: str, ctx: Context) -> Result:
        first, second = reading.first, reading.second
        readings = {}
        if first <= 12:
            readings["MDY"] = (first, second)
        if second <= 12:
            readings["DMY"] = (second, first)
        order: str | None = "DMY" if reading.dotted else ctx.date_order
        if len(readings) == 1 or first == second:
            order = next(iter(readings))
        if order not in readings:
            month_first, day_first = (_iso(reading.year, *readings[key]) for key in ("MDY", "DMY"))
            return Unresolved(
                f"{text!r} reads as {month_first} (month first) or {day_first} (day first); "
                "the outlet's date order is unknown",
                ambiguous=True,
            )
        month, day = readings[order]
        try:
            return cal.day(dt.date(reading.year, month, day))
        except ValueError:
            return Unresolved(f"{text!r} is not a valid date")

    # -- other kinds ----------------------------------------------------------------------

    def _reference(self, reading: r.Reference, text: str, ctx: Context) -> Outcome:
        if reading.value == "PRESENT_REF" and ctx.anchor is not None:
            return Outcome("date", cal.day(ctx.anchor), "PRESENT_REF", anchored=True)
        when = {"PAST_REF": "past", "PRESENT_REF": "present", "FUTURE_REF": "future"}
        note = f"{text!r} refers vaguely to the {when[reading.value]}"
        if reading.value == "PRESENT_REF":
            note = f"no article date to anchor {text!r}"
        return Outcome("date", None, reading.value, note)

    def _duration(self, reading: r.Duration, text: str, ctx: Context) -> Outcome:
        amount = reading.amount
        number = "X" if amount is None else f"{amount:g}"
        value = f"PT{number}{reading.code}" if reading.time else f"P{number}{reading.code}"
        if reading.direction is None:
            return Outcome("duration", None, value, "a duration, not a date")
        if ctx.anchor is None:
            return Outcome("duration", None, value, f"no article date to anchor {text!r}")
        if amount is None or reading.code in ("DE", "CE"):
            return Outcome("duration", None, value, f"{text!r} does not say how long")
        try:
            other = _shifted(ctx.anchor, amount, reading.code, reading.time, reading.direction)
        except (ValueError, OverflowError):
            return Outcome("duration", None, value, f"{text!r} is out of range")
        first, last = sorted((ctx.anchor, other))
        return Outcome("duration", Period(first, last, "day", value), value, anchored=True)

    def _interval(self, reading: r.Interval, text: str, ctx: Context, focus: Focus) -> Result:
        if reading.relation == "night":
            assert reading.start is not None
            start = self._point(reading.start, text, ctx, focus)
            end = (
                self._point(reading.end, text, ctx, focus)
                if reading.end is not None
                else (
                    replace(start, latest=start.latest + _DAY)
                    if isinstance(start, Period)
                    else start
                )
            )
            if isinstance(start, Unresolved) or isinstance(end, Unresolved):
                return start if isinstance(start, Unresolved) else end
            value = start.earliest.isoformat() + "TNI"
            return Period(start.earliest, max(end.latest, start.earliest + _DAY), "day", value)
        if reading.relation == "range":
            assert reading.start is not None
            assert reading.end is not None
            end = self._point(reading.end, text, ctx, focus)
            if isinstance(end, Unresolved):
                return end
            # The start is read back from the end: its year, its week.
            relative = replace(ctx, anchor=end.latest, tense="past")
            start = self._point(reading.start, text, relative, focus)
            if isinstance(start, Unresolved):
                return start
            if start.earliest > end.latest:
                return Unresolved(f"{text!r} ends before it starts")
            precision = max(start.precision, end.precision, key=_RANK.__getitem__)
            return Period(start.earliest, end.latest, precision, f"{start.value}/{end.value}")
        known = reading.start if reading.start is not None else reading.end
        assert known is not None
        since = reading.relation == "since"
        bound = self._point(known, text, replace(ctx, tense="past") if since else ctx, focus)
        if isinstance(bound, Unresolved):
            return bound
        if reading.relation == "since":
            if ctx.anchor is None:
                return Unresolved(f"no article date to close {text!r}", value=f"{bound.value}/..")
            if bound.earliest > ctx.anchor:
                return Unresolved(f"{text!r} starts after the article date")
            value = f"{bound.value}/{ctx.anchor.isoformat()}"
            return Period(bound.earliest, ctx.anchor, bound.precision, value)
        if reading.relation == "after":
            return Unresolved(
                f"{text!r} is open-ended: it starts after {bound.latest}", value=f"{bound.value}/.."
            )
        limit = bound.latest if reading.relation == "until" else bound.earliest - _DAY
        return Unresolved(f"{text!r} is open-ended: it ends by {limit}", value=f"../{bound.value}")

    @staticmethod
    def _remember(reading: r.Reading, period: Period, focus: Focus, anchor: dt.date | None) -> None:
        """Make ``period`` the text's focus, unless the reading compares with it ("a year
        earlier", "the year-ago quarter"): comparisons do not move the story in time. A quarter
        that has not begun by the anchor does not become the quarter the text reports on."""
        if isinstance(reading, r.QuarterRef) or (
            isinstance(reading, r.Anaphor | r.Deictic)
            and reading.unit != "day"
            and (isinstance(reading, r.Anaphor) or reading.counted)
        ):
            return
        if isinstance(reading, r.Interval) and reading.relation == "since":
            period = replace(period, latest=period.earliest)
        focus.period = period
        if period.precision == "day" and (
            period.earliest == period.latest or period.value.endswith("TNI")
        ):
            focus.day = period.earliest
        focus.quarter_last = period.value[4:6] == "-Q"
        if focus.quarter_last and (anchor is None or period.earliest <= anchor):
            focus.quarter = (int(period.value[:4]), int(period.value[6]))


def _uses_anchor(reading: r.Reading) -> bool:
    if isinstance(reading, r.Calendar):
        return reading.year is None
    if isinstance(reading, r.Era | r.Numeric):
        return False
    if isinstance(reading, r.Interval):
        if reading.relation == "since":
            return True
        return any(_uses_anchor(end) for end in (reading.start, reading.end) if end is not None)
    if isinstance(reading, r.Named):
        return reading.year is None
    return True


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year_of_weekday(reading: r.Calendar, year: int, anchor: dt.date, tense: Tense | None) -> int:
    """The year, next to ``year``, in which the written weekday falls on the written day
    ("Saturday, April 25" was a Saturday in 1998, not 1997) and which the clause's tense
    allows (not after the anchor when past, not before it when future); else ``year``."""
    assert reading.month is not None
    assert reading.day is not None
    for candidate in (year, year + 1, year - 1):
        try:
            date = dt.date(candidate, reading.month, reading.day)
        except ValueError:
            continue
        if date.weekday() != reading.weekday:
            continue
        if (tense == "past" and date > anchor) or (tense == "future" and date < anchor):
            continue
        return candidate
    return year


def _shifted(anchor: dt.date, amount: float, code: str, time: bool, direction: str) -> dt.date:
    """The day ``amount`` units before (``past``) or after (``next``) the anchor."""
    sign = -1 if direction == "past" else 1
    if time:
        hours = amount if code == "H" else amount / 60
        return anchor + sign * dt.timedelta(days=max(1, round(hours / 24)))
    days = {"D": 1, "W": 7, "WE": 2}.get(code)
    if days is not None:
        return anchor + sign * dt.timedelta(days=round(amount * days))
    months = round(amount * {"M": 1, "Q": 3, "Y": 12}[code])
    year, month = cal.add_months(anchor.year, anchor.month, sign * months)
    day = min(anchor.day, cal.month(year, month).latest.day)
    return dt.date(year, month, day)
