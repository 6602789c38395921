"""Expressions built around a month name, a weekday name or digits.

Takes a text; :class:`CalendarReader` yields ``(start, end, reading, rule)`` for "Oct. 4",
"4 October 2022", "October 9-10", "from 1 to 3 October", "September 2022", "in September",
"last April", "June last year", "Saturday", "last Friday", "Sunday night", "Saturday, April 25",
"2022-10-04", "10/04/2022", "2014", "mid-1996", "fiscal 1989", "2014-2016", "the 1980s", "the
'80s", "the 20th century" and "Q3". A month name alone needs a preposition or modifier next to
it when it is also a common word ("in May", but not "may"); a bare four-digit number is not a
year before a count noun ("2014 tanks") or a percent sign.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates.lexicon import Lexicon
from frontwatch.pipeline.dates.patterns import Found, Patterns, left
from frontwatch.pipeline.dates.readings import SHIFTS, part, valid, words

__all__ = ["CalendarReader"]


def _day_number(text: str) -> int:
    """``"4th"`` → 4."""
    return int(re.sub(r"\D", "", text))


def _before(text: str, index: int) -> str:
    """The character before ``index`` (a space at the start of the text)."""
    return text[index - 1] if index > 0 else " "


def _day(
    year: int | None, month: int, day: int, day2: str | None, weekday: int | None
) -> r.Reading | None:
    """One day, or a range of days of one month ("October 9-10")."""
    start = valid(r.Calendar(year, month, day, weekday=weekday))
    if start is None or not day2:
        return start
    end = valid(r.Calendar(year, month, _day_number(day2)))
    if end is None or (end.day or 0) <= day:
        return None
    return r.Interval(start, end, "range")


class CalendarReader:
    """Reads month names, weekday names and numbers (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, patterns: Patterns) -> None:
        self.lexicon = lexicon
        self.p = patterns

    def read(self, text: str) -> Iterator[Found]:
        """Every expression anchored on a month name, a weekday name or a number."""
        for anchor in self.p.month.finditer(text):
            found = self._month(text, anchor)
            if found is not None:
                yield found
        for anchor in self.p.weekday.finditer(text):
            yield self._weekday(text, anchor)
        for anchor in self.p.digits.finditer(text):
            found = self._number(text, anchor)
            if found is not None:
                yield found

    # -- names ----------------------------------------------------------------------------

    def _month(self, text: str, anchor: re.Match[str]) -> Found | None:
        word = anchor[0]
        month = self.lexicon.months.get(word) or self.lexicon.months.get(word.title())
        if month is None:
            return None
        start, end = anchor.span()
        right = self.p.r_month_day.match(text, end)
        if right is not None:  # "Oct. 4", "Saturday, April 25", "October 9-10, 2022"
            weekday = left(self.p.l_weekday, text, start)
            written = int(right["year"]) if right["year"] else None
            wd = self.lexicon.weekdays.get(weekday["wd"].title()) if weekday else None
            day = _day(written, month, _day_number(right["day"]), right["day2"], wd)
            first = weekday.start() if weekday else start
            return None if day is None else (first, right.end(), day, "month_day")
        before = left(self.p.l_day, text, start)
        if before is not None:  # "4 October 2022", "from 1 to 3 October"
            after = self.p.r_year.match(text, end)
            written = int(after["year"]) if after else None
            wd = self.lexicon.weekdays.get(before["wd"].title()) if before["wd"] else None
            day = _day(written, month, _day_number(before["day"]), before["day2"], wd)
            last = after.end() if after else end
            return None if day is None else (before.start(), last, day, "day_month")
        modifier = left(self.p.l_modifier, text, start)
        first = modifier.start() if modifier else start
        which = part(modifier["part"]) if modifier else None
        after = self.p.r_year.match(text, end)
        if after is not None:  # "September 2022", "mid-March 2022"
            return first, after.end(), r.Calendar(int(after["year"]), month, part=which), "month"
        shift = modifier["shift"] if modifier else None
        year_shift = self.p.r_year_shift.match(text, end)
        context = which or shift or year_shift or left(self.p.l_preposition, text, first)
        if not context and (word in self.lexicon.months_needing_context or word.isupper()):
            return None  # "may", "March on Kyiv", "MAY"
        reading = r.Calendar(
            month=month,
            part=which,
            month_shift=SHIFTS.get(words(shift)) if shift else None,
            year_shift=SHIFTS.get(words(year_shift["yshift"])) if year_shift else None,
        )
        return first, year_shift.end() if year_shift else end, reading, "month"

    def _weekday(self, text: str, anchor: re.Match[str]) -> Found:
        start, end = anchor.span()
        modifier = left(self.p.l_weekday_modifier, text, start)
        pod = self.p.r_part_of_day.match(text, end)
        suffix = "T" + self.lexicon.parts_of_day[pod["pod"].lower()] if pod else ""
        shift = modifier["shift"] if modifier else None
        reading = r.WeekdayRef(
            self.lexicon.weekdays[anchor[0].title()],
            SHIFTS.get(words(shift)) if shift else None,
            suffix,
            part(modifier["part"]) if modifier else None,
        )
        first = modifier.start() if modifier else start
        return first, pod.end() if pod else end, reading, "weekday"

    # -- numbers --------------------------------------------------------------------------

    def _number(self, text: str, anchor: re.Match[str]) -> Found | None:
        start, end = anchor.span()
        digits = anchor[0]
        before = _before(text, start)
        if before in "'’" and len(digits) == 2:
            return self._short_decade(text, start, end, int(digits))
        if before in "Qq" and len(digits) == 1 and not _before(text, start - 1).isalnum():
            year = self.p.r_quarter_year.match(text, end)
            quarter = r.Named("quarter", int(digits), year=int(year["year"]) if year else None)
            return start - 1, year.end() if year else end, quarter, "quarter"
        if before == "-" and text[max(0, start - 4) : start].lower() == "mid-":
            before = " "  # "mid-1996"
        if before.isalnum() or before in "$€£#./-,":
            return None
        if len(digits) in (1, 2):
            return self._short_number(text, anchor)
        if len(digits) == 4:
            return self._year(text, anchor)
        return None

    def _short_decade(self, text: str, start: int, end: int, short: int) -> Found | None:
        """ "the '80s"."""
        decade = self.p.r_decade.match(text, end)
        if decade is None or short % 10:
            return None
        era = left(self.p.l_era, text, start - 1)
        reading = r.Era(
            "decade", (1900 if short >= 30 else 2000) + short, part(era["part"]) if era else None
        )
        return era.start() if era else start - 1, decade.end(), reading, "era"

    def _short_number(self, text: str, anchor: re.Match[str]) -> Found | None:
        """ "10/04/2022", "04.10.2022", "the 20th century"."""
        start, end = anchor.span()
        numeric = self.p.r_numeric.match(text, end)
        if numeric is not None:
            year = int(numeric["year"])
            if len(numeric["year"]) == 2:
                if numeric["sep"] == ".":
                    return None  # "1.5.22" is a version number more often than a date
                year += 1900 if year >= 50 else 2000
            first, second = int(anchor[0]), int(numeric["b"])
            if not (1 <= first <= 31 and 1 <= second <= 31) or (first > 12 and second > 12):
                return None
            reading = r.Numeric(first, second, year, dotted=numeric["sep"] == ".")
            return start, numeric.end(), reading, "numeric"
        century = self.p.r_century.match(text, end)
        if century is None:
            return None
        era = left(self.p.l_era, text, start)
        reading_ = r.Era("century", int(anchor[0]), part(era["part"]) if era else None)
        return era.start() if era else start, century.end(), reading_, "era"

    def _year(self, text: str, anchor: re.Match[str]) -> Found | None:
        """ "2014", "in 2014", "mid-1996", "fiscal 1989", "2014-2016", "2022-10-04", "1980s"."""
        start, end = anchor.span()
        year = int(anchor[0])
        if not 1600 <= year <= 2099:
            return None
        iso = self.p.r_iso.match(text, end)
        if iso is not None:
            day = valid(r.Calendar(year, int(iso["month"]), int(iso["day"])))
            return None if day is None else (start, iso.end(), day, "iso")
        if text[end : end + 1] == "." and text[end + 1 : end + 2].isdigit():
            return None
        decade = self.p.r_decade.match(text, end)
        if decade is not None:
            if year % 10:
                return None
            era = left(self.p.l_era, text, start)
            reading = r.Era("decade", year, part(era["part"]) if era else None)
            return era.start() if era else start, decade.end(), reading, "era"
        modifier = left(self.p.l_year, text, start)
        first = modifier.start() if modifier else start
        which = part(modifier["part"]) if modifier else None
        span = self.p.r_year_range.match(text, end)
        if span is not None:
            second = int(span["year2"])
            if second < 100:
                second += year - year % 100 + (100 if second < year % 100 else 0)
            if year < second <= year + 30:
                interval = r.Interval(r.Calendar(year), r.Calendar(second), "range")
                return first, span.end(), interval, "year"
        fiscal = bool(modifier and modifier["fiscal"])
        if not (which or fiscal or left(self.p.l_preposition, text, first)):
            following = text[end : end + 30].lower().split()
            noun = following[0].strip(".,;:)") if following else ""
            if year < 1900 or noun in self.lexicon.count_nouns:
                return None  # "2014 tanks": a count
            if text[end : end + 2].lstrip().startswith(("%", "-")):
                return None
        return first, end, r.Calendar(year, part=which, fiscal=fiscal), "year"
