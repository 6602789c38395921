"""Expressions built around a unit word: "4 days ago", "last week", "earlier this year",
"the third quarter", "the year-ago period", "the past 24 hours", "for weeks", "two-year".

Takes the text and the span of one unit word (``day``, ``weeks``, ``quarter``, ``period``...);
:meth:`UnitReader.read` returns every reading the words around it support, each with its
extent, as ``(start, end, reading, rule)``. The recognizer keeps the longest. Durations need a
number, a determiner or a preposition ("for weeks"): a bare "day" or "year" is not one.
"""

from __future__ import annotations

from frontwatch.pipeline.dates import readings as r
from frontwatch.pipeline.dates.lexicon import Lexicon, Unit
from frontwatch.pipeline.dates.patterns import Found, Patterns, left
from frontwatch.pipeline.dates.readings import SHIFTS, part, words

__all__ = ["UnitReader"]

_CALENDAR_UNITS = ("week", "weekend", "month", "quarter", "year", "decade")
_ANAPHORIC_UNITS = ("day", "week", "month", "quarter", "year")


class UnitReader:
    """Reads the words around a unit word (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, patterns: Patterns) -> None:
        self.lexicon = lexicon
        self.p = patterns

    def read(self, text: str, start: int, end: int, word: str) -> list[Found]:
        """Every reading around the unit word at ``text[start:end]``."""
        if word == "period":
            return self._period(text, start, end)
        unit = self.lexicon.units[word]
        found: list[Found] = []
        counted = self._counted(text, start, end, unit)
        if counted is not None:
            found.append(counted)
        if unit.name in _CALENDAR_UNITS and not word.endswith("s"):
            relative = self._relative(text, start, end, unit)
            if relative is not None:
                found.append(relative)
        if word == "quarter":
            found.extend(self._quarter(text, start, end))
        duration = self._duration(text, start, end, unit, word)
        if duration is not None:
            found.append(duration)
        return found

    def _amount(self, word: str | None) -> float | None:
        """The number a numeral or number word states; None when vague or unknown."""
        text = words(word)
        if not text or text in self.lexicon.vague_numbers:
            return None
        try:
            return float(text.replace(",", ""))
        except ValueError:
            pass
        if text in self.lexicon.numbers:
            return self.lexicon.numbers[text]
        pieces = text.split(" ")
        if all(piece in self.lexicon.numbers for piece in pieces):
            return sum(self.lexicon.numbers[piece] for piece in pieces)
        return None

    def _counted(self, text: str, start: int, end: int, unit: Unit) -> Found | None:
        """ "4 days ago", "two weeks earlier", "a year later", "24 hours ago"."""
        direction = self.p.r_ago.match(text, end)
        count = left(self.p.l_count, text, start)
        if direction is None or count is None:
            return None
        relation = words(direction["dir"])
        if relation in ("before", "after") and text[direction.end() :].lstrip()[:1].isalnum():
            return None  # "two days after the attack": counted from an event, not a date
        amount = self._amount(count["num"])
        name = "week" if unit.name == "fortnight" else unit.name
        if unit.time:
            if unit.code != "H" or amount is None or amount < 24:
                return None
            amount, name = float(round(amount / 24)), "day"
        elif amount is not None:
            amount *= unit.factor
        if name == "century" or (amount is not None and amount != int(amount)):
            return None
        sign = -1 if relation in ("ago", "earlier", "before", "previously") else 1
        offset = None if amount is None else sign * int(amount)
        if relation in ("ago", "from now", "hence"):
            reading: r.Reading = r.Deictic(
                name,  # type: ignore[arg-type]
                offset,
                approximate=bool(count["approx"]),
                counted=True,
            )
        elif offset is not None and name in _ANAPHORIC_UNITS:
            reading = r.Anaphor(name, offset)  # type: ignore[arg-type]
        else:
            return None
        return count.start(), direction.end(), reading, "ago"

    def _relative(self, text: str, start: int, end: int, unit: Unit) -> Found | None:
        """ "last week", "this year", "earlier this month", "the past week", "the weekend"."""
        match = left(self.p.l_relative, text, start)
        if match is None:
            return None
        modifier = words(match["mod"])
        name = unit.name
        which = part(match["part"])
        reading: r.Reading
        if modifier == "this past":
            reading = r.Deictic(name, -1, which)  # type: ignore[arg-type]
        elif modifier in ("the past", "the last", "the next", "the coming"):
            forward = modifier in ("the next", "the coming")
            if name == "weekend":
                reading = r.Deictic("weekend", 1 if forward else -1)
            else:
                reading = r.Duration(1, unit.code, direction="next" if forward else "past")
        elif modifier in ("the following", "the previous", "the preceding", "the same"):
            if name not in _ANAPHORIC_UNITS:
                return None
            offset = {"the following": 1, "the previous": -1, "the preceding": -1}.get(modifier, 0)
            reading = r.Anaphor(name, offset)  # type: ignore[arg-type]
        elif modifier == "the full" or (modifier == "the" and match["fiscal"]):
            if name != "year":
                return None
            reading = r.Deictic("year", 0, which)
        elif modifier == "the":
            if name == "weekend":
                reading = r.Deictic("weekend", None, which)
            elif which is not None and name in ("week", "month", "year"):
                reading = r.Deictic(name, 0, which)  # type: ignore[arg-type]  # the end of the year
            else:
                return None
        else:
            shift = self.lexicon.relative_modifiers.get(modifier.removeprefix("the "))
            if shift is None:
                return None
            reading = r.Deictic(name, shift, which)  # type: ignore[arg-type]
        return match.start(), end, reading, "relative"

    def _quarter(self, text: str, start: int, end: int) -> list[Found]:
        """ "the third quarter", "the 1988 second quarter", "Q3", "the latest quarter"."""
        found: list[Found] = []
        ordinal = left(self.p.l_quarter, text, start)
        if ordinal is not None:
            number = self.lexicon.ordinals.get(words(ordinal["ord"]), 0)
            after = self.p.r_quarter_year.match(text, end)
            written = ordinal["year"] or (after["year"] if after else None)
            year_shift = SHIFTS.get(words(ordinal["yshift"])) if ordinal["yshift"] else None
            year_shift = -1 if ordinal["ago"] else year_shift
            if 1 <= number <= 4:
                reading = r.Named(
                    "quarter",
                    number,
                    year=int(written) if written else None,
                    year_shift=year_shift,
                )
                found.append((ordinal.start(), after.end() if after else end, reading, "quarter"))
        if text[end : end + 1] == "-":
            return found  # "quarter-to-quarter"
        dated = left(self.p.l_year_quarter, text, start)
        if dated is not None:
            found.append((dated.start(), end, r.QuarterRef("focus", int(dated["year"])), "quarter"))
        reference = left(self.p.l_quarter_ref, text, start)
        if reference is not None:
            ref = words(reference["ref"])
            ago = self.p.r_quarter_ago.match(text, end)
            if "year ago" in ref or "year earlier" in ref or "last year" in ref or ago:
                which = r.QuarterRef("year_ago")
            elif "current" in ref or ref == "this":
                which = r.QuarterRef("current")
            elif "latest" in ref or "most recent" in ref:
                which = r.QuarterRef("latest")
            else:
                which = r.QuarterRef("focus")
            found.append((reference.start(), ago.end() if ago else end, which, "quarter"))
        return found

    def _period(self, text: str, start: int, end: int) -> list[Found]:
        """ "the latest period", "the year-ago period", "the corresponding period last year"."""
        written = left(self.p.l_year_quarter, text, start)
        if written is not None:
            return [(written.start(), end, r.QuarterRef("focus", int(written["year"])), "quarter")]
        reference = left(self.p.l_period_ref, text, start)
        if reference is None:
            return []
        ref = words(reference["ref"])
        after = self.p.r_last_year.match(text, end)
        if "corresponding" in ref or "comparable" in ref:
            if after is None:
                return []
            return [(reference.start(), after.end(), r.QuarterRef("year_ago"), "quarter")]
        which = r.QuarterRef("year_ago" if "year" in ref else "latest")
        return [(reference.start(), end, which, "quarter")]

    def _duration(self, text: str, start: int, end: int, unit: Unit, word: str) -> Found | None:
        """ "four days", "the past 24 hours", "for weeks", "two-year", "the next two weeks"."""
        if unit.name == "weekend" or self.p.r_age.match(text, end):
            return None  # "52 years old"
        if unit.name == "quarter" and self.p.r_of.match(text, end):
            return None  # "three-quarters of its food"
        match = left(self.p.l_duration, text, start)
        number = match["num"] if match else None
        anchored = words(match["dir"]) if match else ""
        lead = match["lead"] if match else None
        if match is None or number is None:
            # "for weeks", "the past months": vague; "the past day": one; a bare "day" or
            # "year" is not a duration.
            if anchored in ("past", "last", "next") and match is not None and match["det"]:
                number = "one" if not word.endswith("s") else None
            elif not (word.endswith("s") and lead):
                return None
        elif words(number) in ("a", "an", "one") and not (lead or anchored or match["det"]):
            return None
        amount = self._amount(number) if number else None
        if number and amount is None and words(number) not in self.lexicon.vague_numbers:
            return None
        if amount is not None:
            amount *= unit.factor
        direction: r.Direction | None = None
        if anchored in ("past", "last", "previous"):
            direction = "past"
        elif anchored in ("next", "coming"):
            direction = "next"
        reading = r.Duration(amount, unit.code, unit.time, direction)
        return (match.start() if match else start), end, reading, "duration"
