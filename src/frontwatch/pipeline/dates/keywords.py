"""Expressions built around a keyword: deictic words ("yesterday", "overnight"), vague
references ("recently", "now"), anaphors ("the next day", "that year"), seasons, holidays,
halves of a year, decades in words, years in words, "every ..." and "year-earlier".

Takes a text; :meth:`KeywordReader.read` finds the keywords with one trie pattern over the
lower-cased text and yields ``(start, end, reading, rule)`` for each expression the words
around a keyword support. Unit words ("days", "week", "quarter") go to
:class:`~frontwatch.pipeline.dates.units.UnitReader`. A season needs a modifier, a year or a
preposition ("in the spring"), and never "of" after it ("the fall of Mariupol"); "soon" in
"as soon as" and "soon after" is a relation, not a time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates.lexicon import Lexicon
from frontwatch.pipeline.dates.patterns import Found, Patterns, left
from frontwatch.pipeline.dates.readings import SHIFTS, part, words
from frontwatch.pipeline.dates.units import UnitReader

__all__ = ["KeywordReader"]

_SOON_AFTER = re.compile(r"\s+(?:after|afterwards|thereafter)\b", re.IGNORECASE)
_WEAK_LEADS = frozenset({"in", "during", "over", "by", "until", "since", "through", "into"})
_WEAK_LEADS |= {"throughout", "before", "after"}

Reader = Callable[[str, int, int, str], "Found | None"]


class KeywordReader:
    """Reads the words around keywords (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, patterns: Patterns, units: UnitReader) -> None:
        self.lexicon = lexicon
        self.p = patterns
        self.units = units
        self._holidays = {name.lower(): name for name in lexicon.holidays}
        readers: dict[str, Reader] = {}
        readers |= dict.fromkeys(lexicon.references, self._reference)
        readers |= dict.fromkeys([*lexicon.day_anaphors, *lexicon.year_anaphors], self._anaphor)
        deictic = [*lexicon.deictic_days, "overnight", "last night", "this morning"]
        readers |= dict.fromkeys([*deictic, "this afternoon", "this evening"], self._deictic)
        readers |= dict.fromkeys(lexicon.seasons, self._season)
        readers |= dict.fromkeys(self._holidays, self._holiday)
        readers |= dict.fromkeys(lexicon.decade_words, self._decade)
        readers |= dict.fromkeys(["nineteen", "two thousand", "twenty"], self._spelled)
        readers |= dict.fromkeys(["year-earlier", "year-ago"], self._comparison)
        readers |= dict.fromkeys(["year-end", "year end", "year's end", "year’s end"], self._end)
        readers |= {"half": self._half, "every": self._every, "each": self._every}
        self._readers = readers

    def read(self, text: str) -> Iterator[Found]:
        """Every expression anchored on a keyword of the lexicon."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few non-ASCII letters change length when lowered
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        for anchor in self.p.keyword.finditer(lowered):
            start, end = anchor.span()
            phrase = " ".join(anchor[0].split())
            if phrase in self.lexicon.units or phrase == "period":
                yield from self.units.read(text, start, end, phrase)
                continue
            reader = self._readers.get(phrase)
            found = reader(text, start, end, phrase) if reader else None
            if found is not None:
                yield found

    def _reference(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        if phrase.endswith("future") and self.p.r_of.match(text, end):
            return None  # "the future of Crimea"
        if phrase == "soon" and (
            text[max(0, start - 3) : start].lower() == "as " or _SOON_AFTER.match(text, end)
        ):
            return None  # "as soon as", "soon after": a relation, not a time
        value = self.lexicon.references[phrase]
        return start, end, r.Reference(value), "reference"  # type: ignore[arg-type]

    def _anaphor(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        if phrase.endswith((" before", " after")) and text[end:].lstrip()[:1].isalnum():
            return None  # "the day after the attack": counted from an event, not a date
        if phrase in self.lexicon.day_anaphors:
            suffix = "TMO" if phrase.endswith("morning") else ""
            reading = r.Anaphor("day", self.lexicon.day_anaphors[phrase], suffix)
            return start, end, reading, "anaphor"
        return start, end, r.Anaphor("year", self.lexicon.year_anaphors[phrase]), "anaphor"

    def _deictic(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        if phrase in ("overnight", "last night"):
            return start, end, r.Deictic("day", -1, suffix="TNI"), "deictic"
        if phrase == "tonight":
            return start, end, r.Deictic("day", 0, suffix="TNI"), "deictic"
        modifier = left(self.p.l_deictic, text, start)
        which = part(modifier["part"]) if modifier else None
        first = modifier.start() if modifier else start
        if phrase.startswith("this "):
            suffix = "T" + self.lexicon.parts_of_day[phrase.split()[1]]
            return first, end, r.Deictic("day", 0, which, suffix), "deictic"
        pod = self.p.r_part_of_day.match(text, end)
        suffix = "T" + self.lexicon.parts_of_day[pod["pod"].lower()] if pod else ""
        reading = r.Deictic("day", self.lexicon.deictic_days[phrase], which, suffix)
        return first, pod.end() if pod else end, reading, "deictic"

    def _season(self, text: str, start: int, end: int, name: str) -> Found | None:
        season = self.lexicon.seasons[name]
        modifier = left(self.p.l_season, text, start)
        mod = words(modifier["mod"]) if modifier else ""
        which = part(modifier["part"]) if modifier else None
        year = self.p.r_season_year.match(text, end)
        lead = left(self.p.l_preposition, text, modifier.start() if modifier else start)
        strong = bool((mod and mod != "the") or year or which)
        weak = lead is not None and words(lead["prep"]) in _WEAK_LEADS
        if not strong and not weak:
            return None
        if not strong and name in self.lexicon.seasons_needing_context and mod != "the":
            return None  # "to fall", "in spring water"
        if not year and self.p.r_of.match(text, end):
            return None  # "the fall of Mariupol"
        reading = r.Named(
            "season",
            season.first_month,
            season.code,
            year=int(year["year"]) if year else None,
            shift=SHIFTS.get(mod),
            part=which,
        )
        first = modifier.start() if modifier else start
        return first, year.end() if year else end, reading, "season"

    def _holiday(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        name = self._holidays[phrase]
        if not text[start:end].startswith(name[0]):
            return None  # holidays are proper names: "victory day" in lower case is not one
        month, day = self.lexicon.holidays[name]
        year = self.p.r_season_year.match(text, end)
        reading = r.Calendar(int(year["year"]) if year else None, month, day)
        return start, year.end() if year else end, reading, "holiday"

    def _half(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        before = left(self.p.l_half, text, start)
        after = self.p.r_half.match(text, end)
        if before is None or after is None:
            return None
        number = 1 if before["ord"].lower() == "first" else 2
        year = int(after["year"]) if after["year"] else None
        shift = SHIFTS.get(words(after["yshift"])) if after["yshift"] else 0
        reading = r.Named("half", number, year=year, year_shift=None if year else shift)
        return before.start(), after.end(), reading, "half"

    def _decade(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        era = left(self.p.l_era, text, start)
        decade = 1900 + self.lexicon.decade_words[phrase]
        reading = r.Era("decade", decade, part(era["part"]) if era else None)
        return era.start() if era else start, end, reading, "era"

    def _spelled(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        """A year in words: "nineteen ninety-six", "the year two thousand"."""
        match = self.p.spelled_year.match(text, start)
        if match is None:
            return None
        numbers = self.lexicon.numbers
        if match["century"]:
            century = 1900 if match["century"].lower() == "nineteen" else 2000
            year = century + sum(numbers[w] for w in words(match["rest"]).split())
        else:
            year = 2000 + sum(numbers[w] for w in words(match["small"]).split())
        lead = left(self.p.l_the_year, text, start)
        return lead.start() if lead else start, match.end(), r.Calendar(int(year)), "year"

    def _comparison(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        return start, end, r.QuarterRef("comparison"), "quarter"

    def _end(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        return start, end, r.Deictic("year", 0, "end"), "relative"

    def _every(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        after = self.p.r_recurrence.match(text, end)
        if after is None:
            return None
        if after["wd"]:
            value = f"XXXX-WXX-{self.lexicon.weekdays[after['wd'].title()] + 1}"
        else:
            unit = after["unit"].lower()
            value = {"week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H"}.get(unit, "")
            value = value or ("P3M" if unit == "quarter" else "P1D")
        return start, after.end(), r.Recurrence(value), "recurrence"
