"""Administrative boundaries shipped with frontwatch: Ukraine's oblasts and the countries around.

Takes nothing: the geometries are read from package data (``frontwatch/data/boundaries/``,
Natural Earth, public domain) on first use and cached. Returns immutable :class:`Region`
records in WGS84 lon/lat. :func:`build_boundaries` regenerates those files from the Natural
Earth extracts in ``../shared/data/boundaries`` (and, for the countries beyond the seven
neighbours, the npm package ``world-atlas``), simplified so that they stay small (see the
README in that folder for the numbers).

Assumes the package data is present (it is part of the wheel); a missing or corrupt file is
a packaging error and raises :class:`FileNotFoundError` or :class:`ValueError` as is.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import shapely  # type: ignore[import-untyped,unused-ignore]  # shapely ships no type hints
from shapely.geometry import box, mapping, shape  # type: ignore[import-untyped,unused-ignore]
from shapely.geometry.base import BaseGeometry  # type: ignore[import-untyped,unused-ignore]

__all__ = [
    "ADMIN1_FILE",
    "NEIGHBOURS_FILE",
    "Region",
    "build_boundaries",
    "neighbours",
    "oblasts",
    "ukraine_outline",
]

ADMIN1_FILE = "ukraine_admin1.geojson"
NEIGHBOURS_FILE = "neighbours.geojson"

# Simplification tolerances in degrees (about 550 m and 1.1 km at 50° N): oblast borders are
# drawn at 1:500,000 to 1:5,000,000, where 500 m is less than a line width; neighbours are
# only grey background.
_ADMIN1_TOLERANCE = 0.005
_NEIGHBOUR_TOLERANCE = 0.01
# Coordinates are rounded to 4 decimals (about 10 m): finer digits only cost bytes.
_GRID = 0.0001
# Islands and slivers smaller than this (deg², about 0.5 km²) are dropped.
_MIN_PART_AREA = 0.00005
# Neighbours are clipped to this box (lon/lat) around Ukraine: Russia alone would be 100 KB.
_CLIP = (14.0, 40.0, 48.0, 58.0)
# Modern Ukrainian spellings and unambiguous names where Natural Earth's name_en differs.
_NAME_FIXES = {"UA-30": "Kyiv City", "UA-43": "Crimea", "UA-51": "Odesa"}


@dataclass(frozen=True)
class Region:
    """One boundary polygon: an oblast (``UA-14``) or a country (``RUS``)."""

    code: str
    """ISO 3166-2 code of an oblast; ISO 3166-1 alpha-3 code of a neighbour (numeric for
    the countries beyond the seven neighbours)."""
    name: str
    """English name (modern Ukrainian romanization for oblasts)."""
    geometry: BaseGeometry
    """Polygon or MultiPolygon, lon/lat."""
    name_uk: str | None = None
    """Ukrainian name, for oblasts."""


def _read(name: str) -> list[dict[str, Any]]:
    path = resources.files("frontwatch.data").joinpath("boundaries", name)
    features: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["features"]
    return features


@functools.cache
def oblasts() -> tuple[Region, ...]:
    """Ukraine's 27 first-level units (24 oblasts, Kyiv City, Crimea, Sevastopol), de jure."""
    return tuple(
        Region(
            code=f["properties"]["code"],
            name=f["properties"]["name"],
            name_uk=f["properties"]["name_uk"],
            geometry=shape(f["geometry"]),
        )
        for f in _read(ADMIN1_FILE)
    )


@functools.cache
def neighbours() -> tuple[Region, ...]:
    """The countries around Ukraine (its seven neighbours first), clipped to 14–48° E, 40–58° N.

    Crimea is not part of Russia here: the de jure oblasts cover it.
    """
    return tuple(
        Region(code=f["properties"]["code"], name=f["properties"]["name"], geometry=shape(g))
        for f in _read(NEIGHBOURS_FILE)
        if (g := f["geometry"]) is not None
    )


@functools.cache
def ukraine_outline() -> BaseGeometry:
    """Ukraine within its internationally recognised borders (Crimea included)."""
    return shapely.coverage_union_all([region.geometry for region in oblasts()])


def _drop_small_parts(geometry: BaseGeometry) -> BaseGeometry:
    parts = [p for p in shapely.get_parts(geometry) if p.area >= _MIN_PART_AREA]
    return shapely.union_all(parts) if parts else geometry


def _round(geometry: BaseGeometry) -> BaseGeometry:
    return shapely.set_precision(geometry, _GRID)


def _collection(features: Iterable[tuple[Mapping[str, str], BaseGeometry]]) -> str:
    body = [
        {"type": "Feature", "properties": dict(props), "geometry": mapping(geometry)}
        for props, geometry in features
    ]
    text = json.dumps(
        {"type": "FeatureCollection", "features": body}, ensure_ascii=False, separators=(",", ":")
    )
    return text + "\n"


def _topojson_countries(path: Path) -> list[tuple[str, str, BaseGeometry]]:
    """(ISO numeric id, name, geometry) of every country in a world-atlas TopoJSON file."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized positions
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        coords: list[tuple[float, float]] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            coords.extend(arc if not coords else arc[1:])
        return coords

    countries = []
    for item in topology["objects"]["countries"]["geometries"]:
        if item.get("type") == "Polygon":
            polygons = [item["arcs"]]
        elif item.get("type") == "MultiPolygon":
            polygons = item["arcs"]
        else:
            continue
        geometry = shapely.make_valid(
            shapely.MultiPolygon(
                [(ring(rings[0]), [ring(hole) for hole in rings[1:]]) for rings in polygons]
            )
        )
        countries.append((str(item.get("id", "")), item["properties"]["name"], geometry))
    return countries


def _outside(geometry: BaseGeometry, ukraine: BaseGeometry) -> BaseGeometry:
    """A neighbour without the parts that lie mostly in de jure Ukraine (NE's 1:50m Russia
    includes Crimea) and without any overlap with Ukraine."""
    parts = [p for p in shapely.get_parts(geometry) if p.intersection(ukraine).area < 0.5 * p.area]
    return shapely.union_all(parts).difference(ukraine)


def build_boundaries(
    source: Path, target: Path, *, world_atlas: Path | None = None
) -> dict[str, int]:
    """Write the two package files from the Natural Earth extracts in ``source``.

    ``source`` holds ``ukraine_admin1.geojson`` (1:10m) and
    ``admin0_ukraine_neighbours.geojson`` (1:50m) as described in its README.
    ``world_atlas`` is the ``countries-50m.json`` TopoJSON of the npm package
    ``world-atlas@2.0.2`` (Natural Earth 4.1.0, 1:50m); when given, the other countries in
    the clip box (Bulgaria, Turkey, Georgia, the Baltics, ...) are added so that no land
    shows as sea. Returns the size in bytes of each file written. The output is
    deterministic.
    """
    admin1 = json.loads((source / "ukraine_admin1.geojson").read_text(encoding="utf-8"))
    admin0 = json.loads((source / "admin0_ukraine_neighbours.geojson").read_text(encoding="utf-8"))
    features = sorted(admin1["features"], key=lambda f: f["properties"]["iso_3166_2"])
    geometries = [_drop_small_parts(shape(f["geometry"])) for f in features]
    simplified = [_round(g) for g in shapely.coverage_simplify(geometries, _ADMIN1_TOLERANCE)]
    oblast_rows = [
        (
            {
                "code": (code := f["properties"]["iso_3166_2"]),
                "name": _NAME_FIXES.get(code, f["properties"]["name_en"]),
                "name_uk": f["properties"]["name_uk"],
            },
            g,
        )
        for f, g in zip(features, simplified, strict=True)
    ]
    ukraine = shapely.union_all(simplified)
    clip = box(*_CLIP)
    countries = {
        f["properties"]["ADM0_A3"]: (
            f["properties"]["NAME"],
            shape(f["geometry"]).intersection(clip),
        )
        for f in admin0["features"]
    }
    # In 1:50m the countries share their borders exactly; what 1:50m land the 1:10m oblasts
    # and the 1:50m neighbours leave uncovered are slivers along the land borders. Each goes
    # to a neighbour it touches, so that no sea shows between Ukraine and its neighbours.
    land = shapely.union_all([geometry for _, geometry in countries.values()])
    others = {
        code: _outside(geometry, ukraine)
        for code, (_, geometry) in sorted(countries.items())
        if code != "UKR"
    }
    slivers = list(
        shapely.get_parts(
            land.difference(ukraine).difference(shapely.union_all(list(others.values())))
        )
    )
    neighbour_rows = []
    for code, raw in others.items():
        touching = [g for g in slivers if g.distance(raw) < 1e-9]
        slivers = [g for g in slivers if g.distance(raw) >= 1e-9]
        geometry = _drop_small_parts(shapely.union_all([raw, *touching]).difference(ukraine))
        geometry = _round(shapely.simplify(geometry, _NEIGHBOUR_TOLERANCE))
        neighbour_rows.append(({"code": code, "name": countries[code][0]}, geometry))
    known = {f["properties"]["ISO_N3"] for f in admin0["features"]}
    extra = sorted(_topojson_countries(world_atlas), key=lambda c: c[1]) if world_atlas else []
    for number, name, raw in extra:
        if number in known or not raw.intersects(clip):
            continue
        geometry = _drop_small_parts(raw.intersection(clip))
        geometry = _round(shapely.simplify(geometry, _NEIGHBOUR_TOLERANCE))
        if not geometry.is_empty:
            neighbour_rows.append(({"code": number, "name": name}, geometry))
    target.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, rows in ((ADMIN1_FILE, oblast_rows), (NEIGHBOURS_FILE, neighbour_rows)):
        data = _collection(rows).encode("utf-8")
        (target / name).write_bytes(data)
        sizes[name] = len(data)
    return sizes
