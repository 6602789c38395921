"""Small DeepState-style snapshots written by hand: a few squares around Lyman and Donetsk."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# (lat, lon) probes and the controller a layer built from FEATURES must give them.
LYMAN = (48.99, 37.81)  # in the occupied square
DONETSK = (48.0, 37.8)  # in the pre-2022 (ORDLO) square
CONTESTED = (49.0, 38.1)  # in the contested square
LIBERATED = (49.6, 36.6)  # in the liberated square
KHARKIV = (49.99, 36.23)  # Ukraine, in no polygon
OVERLAP = (49.0, 37.95)  # in both the occupied and the contested square
BELGOROD = (50.6, 36.6)  # Russia, in no polygon
TIRASPOL = (46.84, 29.63)  # Moldova (Transnistria), whose polygon is ignored


def square(west: float, south: float, east: float, north: float) -> dict[str, Any]:
    """A GeoJSON polygon with DeepState's third coordinate z=0."""
    ring = [
        [west, south, 0],
        [east, south, 0],
        [east, north, 0],
        [west, north, 0],
        [west, south, 0],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(geometry: dict[str, Any], name: str, fill: str) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": {"name": name, "fill": fill}}


def collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


FEATURES = [
    feature(square(37.7, 48.9, 37.96, 49.1), "Окуповано /// Occupied", "#a52714"),
    feature(square(37.6, 47.8, 38.0, 48.2), "ОРДЛО /// CADR and CALR", "#880e4f"),
    feature(
        {"type": "GeometryCollection", "geometries": [square(37.94, 48.9, 38.2, 49.1)]},
        "Під питанням /// Contested\n",
        "#bcaaa4",
    ),
    feature(square(36.5, 49.5, 36.7, 49.7), "Звільнено 16.04 /// Taken back 16.04", "#0f9d58"),
    feature(square(29.0, 46.5, 30.0, 47.5), "Придністров'я", "#880e4f"),
    {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [37.5, 48.5, 0]},
        "properties": {"name": "Напрямок удару /// Direction of attack", "styleUrl": "#icon-ci-3"},
    },
]


@pytest.fixture
def write_snapshot(tmp_path: Path) -> Callable[..., Path]:
    """Write a FeatureCollection (default: FEATURES) as ``name`` under tmp_path; gzip if .gz."""

    def write(name: str = "2022-06-15.geojson.gz", features: list[Any] | None = None) -> Path:
        path = tmp_path / name
        data = json.dumps(collection(FEATURES if features is None else features)).encode()
        path.write_bytes(gzip.compress(data, mtime=0) if name.endswith(".gz") else data)
        return path

    return write
