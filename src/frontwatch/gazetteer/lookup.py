"""Reading the gazetteer: candidates for a name, places by id.

Takes the path of a gazetteer SQLite file built by :mod:`frontwatch.gazetteer.build`, opened
read-only; returns :class:`Candidate` rows. :meth:`Gazetteer.from_settings` finds the file
(the ``gazetteer`` setting, else the user's cache directory) and builds it on first use or
when its schema version is out of date. Opening is cheap (no data is loaded into memory);
lookups are indexed and cached per key.

Fails with :class:`~frontwatch.errors.GazetteerError` naming the file when it is missing,
not a gazetteer, or of another schema version.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from frontwatch.config import Settings
from frontwatch.errors import GazetteerError
from frontwatch.gazetteer.names import name_key
from frontwatch.gazetteer.schema import SCHEMA_VERSION

__all__ = ["Candidate", "Gazetteer", "default_path"]

log = logging.getLogger(__name__)

_COLUMNS = (
    "p.rowid, p.id, p.name, p.kind, p.country, p.admin1, p.admin1_code, p.admin2, p.hromada, "
    "p.lat, p.lon, p.precision, p.population, p.prominence, p.source"
)


@dataclass(frozen=True)
class Candidate:
    """A gazetteer place, as a candidate for a toponym."""

    rowid: int
    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    hromada: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int
    prominence: int
    source: str
    matched: str = ""
    """The kind of name that matched (official, alternate, abbreviation, demonym, ...)."""


def default_path() -> Path:
    """Where the gazetteer is cached when the ``gazetteer`` setting is not set."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("frontwatch")) / "gazetteer-v2.sqlite"


class Gazetteer:
    """A read-only connection to a gazetteer file."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._lookup = lru_cache(maxsize=200_000)(self._candidates)

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        """Open an existing gazetteer file read-only, checking its schema version."""
        if not path.is_file():
            raise GazetteerError(f"{path}: gazetteer not found; run 'frontwatch gazetteer build'")
        try:
            connection = sqlite3.connect(
                f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"{path}: not a frontwatch gazetteer ({exc})") from None
        if row is None or row[0] != SCHEMA_VERSION:
            connection.close()
            found = row[0] if row else "none"
            raise GazetteerError(
                f"{path}: gazetteer schema {found!r}, expected {SCHEMA_VERSION!r}; "
                "rebuild it with 'frontwatch gazetteer build'"
            )
        return cls(connection, path)

    @classmethod
    def from_settings(cls, settings: Settings) -> Gazetteer:
        """Open the configured gazetteer, building it first when it is missing or outdated."""
        from frontwatch.gazetteer.build import GazetteerBuilder, fingerprint

        path = Path(settings.gazetteer) if settings.gazetteer else default_path()
        builder = GazetteerBuilder.from_settings(settings)
        try:
            gazetteer = cls.open(path)
        except GazetteerError as exc:
            if settings.gazetteer and path.exists():
                raise
            log.warning("%s; building it now (once, about 15 seconds)", exc)
        else:
            if gazetteer.stats().get("inputs") == fingerprint(builder.geonames_dump):
                return gazetteer
            gazetteer.close()
            log.warning("%s: built from other inputs; rebuilding it (about 15 seconds)", path)
        builder.build(path)
        return cls.open(path)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def candidates(self, name: str) -> list[Candidate]:
        """Places known by ``name`` (any spelling that normalizes to the same key)."""
        return list(self._lookup(name_key(name)))

    def candidates_for_key(self, key: str) -> list[Candidate]:
        """Places known by an already normalized key."""
        return list(self._lookup(key))

    def known(self, keys: Iterable[str]) -> set[str]:
        """The subset of ``keys`` that name at least one place (one query per 500 keys)."""
        return self._keys("SELECT DISTINCT key FROM names WHERE key IN ({marks})", keys)

    def named(self, keys: Iterable[str]) -> set[str]:
        """The subset of ``keys`` that are more than a GeoNames alternate name of some
        place: its official name, an English, old or curated spelling, an abbreviation, any
        name from frontwatch's own tables (GeoNames keeps many alternates that are common
        words: "Minister" for Minster, "No" for Ho)."""
        return self._keys(
            "SELECT DISTINCT n.key FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE n.key IN ({marks}) AND (n.kind != 'alternate' OR p.source != 'geonames')",
            keys,
        )

    def _keys(self, query: str, keys: Iterable[str]) -> set[str]:
        """The keys a query selects, asked for 500 keys at a time (``{marks}`` is their
        placeholder list)."""
        unique = sorted(set(keys))
        found: set[str] = set()
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            rows = self._db.execute(query.format(marks=",".join("?" * len(chunk))), chunk)
            found.update(row[0] for row in rows)
        return found

    def get(self, place_id: str) -> Candidate | None:
        """A place by its id."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (place_id,))
        found = row.fetchone()
        return Candidate(*found) if found else None

    def stats(self) -> dict[str, str]:
        """The meta table: schema, build inputs and counts."""
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def _candidates(self, key: str) -> tuple[Candidate, ...]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, n.kind FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE n.key = ?",
            (key,),
        ).fetchall()
        return tuple(Candidate(*row) for row in rows)
