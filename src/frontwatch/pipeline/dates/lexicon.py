"""The word lists of the dates stage, read from ``frontwatch/data/dates/*.json``.

Takes nothing; :func:`load_lexicon` returns one immutable :class:`Lexicon` built from the
package data files (month and weekday names, seasons, holidays, the relative-expression
lexicon, numeric date orders by country). It reads the files once per process, when first
called, never at import time. A missing or malformed file is a packaging error: it raises
:class:`~frontwatch.errors.DataFileError` naming the file and the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from frontwatch.errors import FrontwatchError

__all__ = ["DataFileError", "DateOrder", "Lexicon", "Season", "Unit", "load_lexicon"]

DateOrder = Literal["MDY", "DMY"]
_PACKAGE = "frontwatch"
_FOLDER = ("data", "dates")


class DataFileError(FrontwatchError):
    """A package data file of the dates stage is missing or malformed (a packaging bug)."""


@dataclass(frozen=True)
class Unit:
    """A calendar unit: its TIMEX3 duration code and how many of it one word counts."""

    name: str
    code: str
    factor: int = 1
    time: bool = False
    """Hours and minutes: durations written ``PT..``; never a date."""


@dataclass(frozen=True)
class Season:
    """A season's TIMEX3 code (``SU``) and the first of its three months."""

    code: str
    first_month: int


@dataclass(frozen=True)
class Lexicon:
    """Everything the recognizer and the resolver look words up in."""

    months: dict[str, int]
    months_needing_context: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, Season]
    seasons_needing_context: frozenset[str]
    holidays: dict[str, tuple[int, int]]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    """Every spelling (``weeks``) → its unit."""
    deictic_days: dict[str, int]
    parts_of_day: dict[str, str]
    references: dict[str, str]
    """Phrase → ``PAST_REF``, ``PRESENT_REF`` or ``FUTURE_REF``."""
    relative_modifiers: dict[str, int]
    anaphoric_modifiers: frozenset[str]
    day_anaphors: dict[str, int]
    year_anaphors: dict[str, int]
    future_markers: tuple[str, ...]
    future_heads: frozenset[str]
    present_markers: tuple[str, ...]
    deadline_prepositions: frozenset[str]
    past_auxiliaries: frozenset[str]
    irregular_past: frozenset[str]
    decade_words: dict[str, int]
    """"nineties" → 90 (the 1990s)."""
    count_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    date_orders: dict[str, DateOrder]
    """Top-level domain (``uk``) → how numeric dates are written there."""


def _read(name: str) -> dict[str, Any]:
    path = resources.files(_PACKAGE).joinpath(*_FOLDER, name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{path}: data file of the dates stage is missing") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a JSON object at the top level")
    return data


def _get(data: dict[str, Any], key: str, name: str) -> Any:
    try:
        return data[key]
    except KeyError:
        raise DataFileError(f"data/dates/{name}: key {key!r} is missing") from None


@cache
def load_lexicon() -> Lexicon:
    """Read the data files (once per process) into a :class:`Lexicon`."""
    months = _read("months.json")
    weekdays = _read("weekdays.json")
    seasons = _read("seasons.json")
    holidays = _read("holidays.json")
    words = _read("lexicon.json")
    orders = _read("date_orders.json")

    units: dict[str, Unit] = {}
    for name, spec in _get(words, "units", "lexicon.json").items():
        unit = Unit(
            name=name,
            code=spec["code"],
            factor=int(spec.get("factor", 1)),
            time=bool(spec.get("time", False)),
        )
        units.update(dict.fromkeys(spec["forms"], unit))
    references = {
        phrase: value
        for value, phrases in _get(words, "references", "lexicon.json").items()
        for phrase in phrases
    }
    tense = _get(words, "tense", "lexicon.json")
    return Lexicon(
        months=dict(_get(months, "names", "months.json")),
        months_needing_context=frozenset(_get(months, "needs_context", "months.json")),
        weekdays=dict(_get(weekdays, "names", "weekdays.json")),
        seasons={
            name: Season(code=spec["code"], first_month=int(spec["first_month"]))
            for name, spec in _get(seasons, "names", "seasons.json").items()
        },
        seasons_needing_context=frozenset(_get(seasons, "needs_context", "seasons.json")),
        holidays={
            name: (int(day[0]), int(day[1]))
            for name, day in _get(holidays, "names", "holidays.json").items()
        },
        numbers={k: float(v) for k, v in _get(words, "numbers", "lexicon.json").items()},
        vague_numbers=tuple(_get(words, "vague_numbers", "lexicon.json")),
        ordinals=dict(_get(words, "ordinals", "lexicon.json")),
        units=units,
        deictic_days=dict(_get(words, "deictic_days", "lexicon.json")),
        parts_of_day=dict(_get(words, "parts_of_day", "lexicon.json")),
        references=references,
        relative_modifiers=dict(_get(words, "relative_modifiers", "lexicon.json")),
        anaphoric_modifiers=frozenset(_get(words, "anaphoric_modifiers", "lexicon.json")),
        day_anaphors=dict(_get(words, "day_anaphors", "lexicon.json")),
        year_anaphors=dict(_get(words, "year_anaphors", "lexicon.json")),
        future_markers=tuple(tense["future"]),
        future_heads=frozenset(tense["future_heads"]),
        present_markers=tuple(tense["present"]),
        deadline_prepositions=frozenset(_get(words, "deadline_prepositions", "lexicon.json")),
        past_auxiliaries=frozenset(tense["past_auxiliaries"]),
        irregular_past=frozenset(tense["irregular_past"]),
        decade_words=dict(_get(words, "decade_words", "lexicon.json")),
        count_nouns=frozenset(_get(words, "count_nouns", "lexicon.json")),
        reporting_verbs=frozenset(_get(words, "reporting_verbs", "lexicon.json")),
        date_orders=dict(_get(orders, "tld", "date_orders.json")),
    )
