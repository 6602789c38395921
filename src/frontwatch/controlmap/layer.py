"""A control-map layer: classified polygons and a fast point lookup of who holds a place.

Takes a GeoJSON FeatureCollection (a DeepStateMap snapshot or any file in its style) and
returns a :class:`ControlLayer` whose :meth:`~ControlLayer.status` answers ``UA``, ``RU``,
``contested`` or ``unknown`` for a latitude and longitude. Lookups go through a shapely
``STRtree`` over the polygon parts and are vectorized in :meth:`~ControlLayer.statuses`.

The rule for a point:

1. Inside one or more control polygons: the strongest claim wins, ``contested`` over ``RU``
   (occupied, before or since 2022) over ``UA`` (liberated). DeepState's layers barely
   overlap; the order makes the answer cautious where they do.
2. Inside no polygon but within the territory (by default Ukraine's internationally
   recognised borders, Crimea included, widened by :data:`TERRITORY_TOLERANCE_DEG` so that
   coastal and riverside points count): ``UA``. DeepState draws what Russia holds; the rest
   of Ukraine is Ukrainian-held.
3. Elsewhere (Russia, Belarus, Transnistria, the sea): ``unknown``. The layer does not say.

Fails with an :class:`~frontwatch.errors.InputError` subclass naming the file when it is
unreadable (see :mod:`frontwatch.controlmap.snapshot`) or holds no control polygon
(:class:`~frontwatch.errors.EmptyInputError`). Single features with broken geometry are
skipped and counted in :attr:`ControlLayer.skipped`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias

import numpy as np
import shapely  # type: ignore[import-untyped,unused-ignore]  # shapely ships no type hints
from shapely.errors import GeometryTypeError, ShapelyError  # type: ignore[import-untyped,unused-ignore]
from shapely.geometry import Point, shape  # type: ignore[import-untyped,unused-ignore]
from shapely.geometry.base import BaseGeometry  # type: ignore[import-untyped,unused-ignore]

from frontwatch.controlmap.boundaries import ukraine_outline
from frontwatch.controlmap.snapshot import MAX_SNAPSHOT_BYTES, read_feature_collection, snapshot_day
from frontwatch.controlmap.styles import AREA_CONTROLLER, AreaKind, classify_feature
from frontwatch.errors import EmptyInputError
from frontwatch.gazetteer.geo import distance_km
from frontwatch.model import Controller

__all__ = ["TERRITORY_TOLERANCE_DEG", "ControlArea", "ControlLayer", "Territory"]

TERRITORY_TOLERANCE_DEG: Final = 0.02
"""How far (degrees, about 2 km) outside the simplified de jure border a point still counts as
in Ukraine: Kherson city lies about 300 m outside Natural Earth's Kherson polygon."""

Territory: TypeAlias = BaseGeometry | Literal["ukraine"] | None
"""Where a point in no polygon is ``UA``: ``"ukraine"`` (the packaged de jure outline), any
polygon, or None for everywhere."""

# Higher wins when a point lies in several polygons; 0 means in none.
_RANK: Final[Mapping[AreaKind, int]] = {
    "liberated": 1,
    "occupied": 2,
    "occupied_before_2022": 2,
    "contested": 3,
}
_CONTROLLER_OF_RANK: Final[tuple[Controller, ...]] = ("unknown", "UA", "RU", "contested")


@dataclass(frozen=True)
class ControlArea:
    """One classified polygon feature of a snapshot."""

    kind: AreaKind
    geometry: BaseGeometry
    """Polygon or MultiPolygon, 2-D lon/lat, valid."""
    name: str = ""
    """The feature's name as the source gives it (free text, often Ukrainian /// English)."""
    rule: str = ""
    """The classification rule that fired, e.g. ``fill #a52714``."""
    feature: int = -1
    """Index of the feature in the source file."""

    @property
    def controller(self) -> Controller:
        """``RU`` for occupied areas, ``contested``, ``UA`` for liberated areas."""
        return AREA_CONTROLLER[self.kind]


@functools.cache
def _ukraine_territory() -> BaseGeometry:
    territory = ukraine_outline().buffer(TERRITORY_TOLERANCE_DEG)
    shapely.prepare(territory)
    return territory


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    """The valid 2-D polygonal part of a geometry, None when it has none."""
    flat = shapely.force_2d(geometry)
    if not flat.is_valid:
        flat = shapely.make_valid(flat)
    parts = [p for p in shapely.get_parts(flat) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        # make_valid keeps GeometryCollections nested; look one level down.
        parts = [
            q
            for p in shapely.get_parts(flat)
            for q in shapely.get_parts(p)
            if q.geom_type == "Polygon"
        ]
    polygons = [q for p in parts for q in shapely.get_parts(p) if not q.is_empty and q.area > 0]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def _areas_from_features(
    features: Sequence[Any],
) -> tuple[list[ControlArea], Counter[str]]:
    areas: list[ControlArea] = []
    skipped: Counter[str] = Counter()
    for index, feature in enumerate(features):
        if not isinstance(feature, dict) or not isinstance(feature.get("geometry"), dict):
            skipped["no geometry"] += 1
            continue
        geometry_type = feature["geometry"].get("type")
        properties = feature.get("properties")
        kind, rule = classify_feature(
            properties if isinstance(properties, dict) else None, geometry_type
        )
        if kind is None:
            skipped[rule] += 1
            continue
        try:
            geometry = _polygonal(shape(feature["geometry"]))
        except (GeometryTypeError, ShapelyError, ValueError, TypeError, KeyError, IndexError):
            geometry = None
        if geometry is None:
            skipped["invalid geometry"] += 1
            continue
        name = str((properties or {}).get("name") or "").strip()
        areas.append(ControlArea(kind, geometry, name=name, rule=rule, feature=index))
    return areas, skipped


@dataclass(frozen=True, eq=False)
class _Index:
    """STRtrees over the polygon parts and over the front edges (RU and contested)."""

    parts: shapely.STRtree
    rank: np.ndarray[Any, np.dtype[np.int8]]
    owner: np.ndarray[Any, np.dtype[np.intp]]
    edges: shapely.STRtree | None


def _build_index(areas: Sequence[ControlArea]) -> _Index:
    parts: list[BaseGeometry] = []
    rank: list[int] = []
    owner: list[int] = []
    edges: list[BaseGeometry] = []
    for number, area in enumerate(areas):
        for part in shapely.get_parts(area.geometry):
            parts.append(part)
            rank.append(_RANK[area.kind])
            owner.append(number)
            if area.kind != "liberated":
                edges.append(part.boundary)
    return _Index(
        parts=shapely.STRtree(parts),
        rank=np.asarray(rank, dtype=np.int8),
        owner=np.asarray(owner, dtype=np.intp),
        edges=shapely.STRtree(edges) if edges else None,
    )


@dataclass(frozen=True, eq=False)
class ControlLayer:
    """Classified control areas of one snapshot and point lookups against them."""

    areas: tuple[ControlArea, ...]
    day: dt.date | None = None
    """The snapshot's day (from its file name), None when unknown."""
    source: str = "<memory>"
    """The file name the layer was read from (used in ``basis`` and attributions)."""
    territory: Territory = "ukraine"
    skipped: Mapping[str, int] = field(default_factory=dict)
    """Features that are not control areas, counted by reason (points, Transnistria, ...)."""
    _index: _Index = field(init=False, repr=False, compare=False)
    _territory: BaseGeometry | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _build_index(self.areas))
        territory = self.territory
        if territory == "ukraine":
            territory = _ukraine_territory()
        elif isinstance(territory, BaseGeometry):
            shapely.prepare(territory)
        object.__setattr__(self, "_territory", territory)

    @classmethod
    def from_geojson(
        cls,
        document: Mapping[str, Any],
        *,
        source: str = "<memory>",
        day: dt.date | None = None,
        territory: Territory = "ukraine",
    ) -> ControlLayer:
        """Build a layer from a parsed FeatureCollection; ``source`` names it in errors."""
        features = document.get("features")
        if not isinstance(features, list):
            raise EmptyInputError(source, "no 'features' list")
        areas, skipped = _areas_from_features(features)
        if not areas:
            found = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items()))
            raise EmptyInputError(
                source, f"no control polygons among {len(features)} features ({found or 'none'})"
            )
        return cls(tuple(areas), day=day, source=source, territory=territory, skipped=skipped)

    @classmethod
    def from_file(
        cls,
        path: Path,
        *,
        day: dt.date | None = None,
        territory: Territory = "ukraine",
        max_bytes: int = MAX_SNAPSHOT_BYTES,
    ) -> ControlLayer:
        """Read a snapshot; ``day`` defaults to the date in a ``YYYY-MM-DD.geojson.gz`` name."""
        document = read_feature_collection(path, max_bytes=max_bytes)
        areas, skipped = _areas_from_features(document["features"])
        if not areas:
            found = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items()))
            raise EmptyInputError(
                str(path), f"no control polygons (Polygon features) ({found or 'no features'})"
            )
        return cls(
            tuple(areas),
            day=day or snapshot_day(path),
            source=path.name,
            territory=territory,
            skipped=skipped,
        )

    def counts(self) -> dict[AreaKind, int]:
        """Number of areas of each kind."""
        return dict(Counter(area.kind for area in self.areas))

    def _ranks(self, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray[Any, Any]:
        points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        rank = np.zeros(len(points), dtype=np.int8)
        if len(points):
            hit, part = self._index.parts.query(points, predicate="intersects")
            np.maximum.at(rank, hit, self._index.rank[part])
        return rank

    def statuses(self, points: Iterable[tuple[float, float]]) -> list[Controller]:
        """The controller at each ``(lat, lon)``, in order (vectorized; see the module rules)."""
        pairs = list(points)
        if not pairs:
            return []
        lats = [lat for lat, _ in pairs]
        lons = [lon for _, lon in pairs]
        rank = self._ranks(lats, lons)
        free = rank == 0
        if self._territory is None:
            rank[free] = 1
        elif free.any():
            x = np.asarray(lons, dtype=float)[free]
            y = np.asarray(lats, dtype=float)[free]
            inside = shapely.intersects_xy(self._territory, x, y)
            rank[np.flatnonzero(free)[inside]] = 1
        return [_CONTROLLER_OF_RANK[r] for r in rank.tolist()]

    def status(self, lat: float, lon: float) -> Controller:
        """The controller at one point: ``UA``, ``RU``, ``contested`` or ``unknown``."""
        return self.statuses([(lat, lon)])[0]

    def area_at(self, lat: float, lon: float) -> ControlArea | None:
        """The polygon that decides the status at a point (None when in no polygon)."""
        point = Point(lon, lat)
        found = self._index.parts.query(point, predicate="intersects")
        if not len(found):
            return None
        best = max(found.tolist(), key=lambda i: (int(self._index.rank[i]), -i))
        return self.areas[int(self._index.owner[best])]

    def edge_distance_km(self, lat: float, lon: float) -> float | None:
        """Distance to the nearest edge of an occupied or contested area (None if none).

        The edges include stretches of the state border where an occupied area meets Russia,
        so a small distance means "near a line on the map", not necessarily the front.
        """
        edges = self._index.edges
        if edges is None:
            return None
        point = Point(lon, lat)
        nearest = edges.query_nearest(point, all_matches=False)
        line = shapely.shortest_line(edges.geometries[int(nearest[0])], point)
        (lon1, lat1), (lon2, lat2) = line.coords
        return distance_km(lat1, lon1, lat2, lon2)
