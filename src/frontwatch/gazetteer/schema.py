"""The gazetteer's records and its SQLite layout.

One :class:`Entry` per place (settlement, country, first-level region, raion, river, sea,
facility, ...) with its names. The SQLite file has three tables: ``places`` (one row per
entry), ``names`` (one row per distinct name key of a place, clustered by key so a lookup is
one index range scan) and ``meta`` (schema version, sources, counts).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DDL", "SCHEMA_VERSION", "Entry", "NameKind"]

SCHEMA_VERSION = "frontwatch-gazetteer/2"

NameKind = str
"""official | english | romanized | cyrillic | alternate | old | russian | misspelling |
abbreviation | demonym | adjective"""

DDL = """
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin1_code TEXT,
    admin2 TEXT,
    hromada TEXT,
    lat REAL,
    lon REAL,
    precision TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    prominence INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL,
    place INTEGER NOT NULL REFERENCES places(rowid),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Entry:
    """One place as the builder assembles it."""

    id: str
    """``gn:<geonameid>``, ``ua:<KATOTTG code>``, ``ne:<id>``, ``fw:<slug>``."""
    name: str
    kind: str
    """settlement, country, admin1, admin2, region, continent, river, sea, lake, island, spit,
    peninsula, strait, facility, ..."""
    lat: float | None
    lon: float | None
    precision: str
    """``exact``, ``near`` (hromada centre), ``region``, ``country``."""
    country: str | None = None
    population: int = 0
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    hromada: str | None = None
    source: str = ""
    prominence: int = 0
    """How many names (in every language) the source knows: a proxy for how well known."""
    names: tuple[tuple[str, NameKind], ...] = ()
    """Every name it is known by, with what kind of name it is (the first is preferred)."""
