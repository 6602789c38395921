"""The article date an article states itself: a dateline or a report title.

Takes an article's text and title; :func:`article_date` returns the date and where it came
from (``"dateline"`` or ``"title"``), or None. The pipeline asks only when ``--published`` and
the input's metadata gave nothing. Never guesses: a date without a year takes its year from
the article's own words, else the article stays undated.

- **Dateline**: the opening of the first paragraph, up to a dash, in capitals first ("KYIV,
  Oct 4 (Reuters) –", "MOSCOW/KYIV, 13 January 2023 (Eastern Europe Monitor) —",
  "BUCHA, Ukraine, April 4 —", "MOSCOW, 2022-09-10 —").
- **Title**: a date that ends the title after a comma, colon or dash ("Russian Offensive
  Campaign Assessment, September 14"), or opens it ("October 4, 2022: ..."). A date inside a
  headline ("vote on September 23") is not the article's.
- **Year from context**, when the dateline or title has none: the same day written with its
  year elsewhere in the text ("September 14, 2022"); else a full date (day, month, year) in
  the text that falls within the 92 days before it, all such dates agreeing (reports are
  written days after the events they date). Otherwise: no date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates.finder import default_finder
from frontwatch.pipeline.dates.rules import Candidate

__all__ = ["article_date"]

Basis = Literal["dateline", "title"]

_DATELINE = re.compile(
    r"\s*(?P<head>[A-Z][A-Z'’.\- ]+(?:/[A-Z][A-Z'’.\- ]+)*(?:,\s*[^,—–\n]{1,40}){0,3}?)"
    r"\s*(?P<rest>[^—–\n]{0,80}?)\s*(?:—|–|--|\s-\s)"
)
_TITLE_END = re.compile(r"[,:;|\-–—]\s*$")
_REACH = 92


def article_date(text: str, title: str | None) -> tuple[dt.date, Basis] | None:
    """The date a dateline or a report title states, with its basis (see the module)."""
    dateline = _dateline(text)
    if dateline is not None:
        date = _with_year(dateline, text)
        if date is not None:
            return date, "dateline"
    if title:
        stated = _title(title)
        if stated is not None:
            date = _with_year(stated, text)
            if date is not None:
                return date, "title"
    return None


def _day_of(candidate: Candidate) -> r.Calendar | None:
    """A candidate's day as a calendar reading (month and day known), else None."""
    reading = candidate.reading
    if isinstance(reading, r.Interval) and reading.relation == "until":
        reading = reading.end  # type: ignore[assignment]
    if isinstance(reading, r.Calendar) and reading.month and reading.day:
        return reading
    if isinstance(reading, r.Numeric) and reading.dotted:
        return r.valid(r.Calendar(reading.year, reading.second, reading.first))
    return None


def _dateline(text: str) -> r.Calendar | None:
    opening = text[:240].split("\n\n", 1)[0]
    match = _DATELINE.match(opening)
    if match is None or not match["head"].split(",")[0].strip().isupper():
        return None
    for candidate in default_finder().recognizer.scan(opening[: match.end()]):
        day = _day_of(candidate)
        if day is not None:
            return day
    return None


def _title(title: str) -> r.Calendar | None:
    candidates = default_finder().recognizer.scan(title)
    for candidate in candidates:
        day = _day_of(candidate)
        if day is None or candidate.prep is not None:
            continue
        before, after = title[: candidate.start], title[candidate.end :]
        at_end = not after.strip(" .") and (not before.strip() or _TITLE_END.search(before))
        at_start = not before.strip() and re.match(r"\s*[:|\-–—]", after)
        if at_end or at_start:
            return day
    return None


def _with_year(day: r.Calendar, text: str) -> dt.date | None:
    """The stated day with its year: its own, else one the text supports (see the module)."""
    assert day.month is not None
    assert day.day is not None
    if day.year is not None:
        return _date(day.year, day.month, day.day)
    explicit = [
        found
        for candidate in default_finder().recognizer.scan(text)
        if (found := _day_of(candidate)) is not None and found.year is not None
    ]
    same = {d.year for d in explicit if (d.month, d.day) == (day.month, day.day)}
    if len(same) == 1:
        return _date(same.pop(), day.month, day.day)  # type: ignore[arg-type]
    if same:
        return None
    guesses: set[dt.date] = set()
    for written in explicit:
        assert written.year is not None
        start = _date(written.year, written.month or 1, written.day or 1)
        for year in (written.year, written.year + 1):
            date = _date(year, day.month, day.day)
            if start is not None and date is not None and 0 <= (date - start).days <= _REACH:
                guesses.add(date)
    return guesses.pop() if len(guesses) == 1 else None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
