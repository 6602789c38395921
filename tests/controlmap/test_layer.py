from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from shapely.geometry import box

from frontwatch.controlmap import ControlLayer

from .conftest import (
    BELGOROD,
    CONTESTED,
    DONETSK,
    FEATURES,
    KHARKIV,
    LIBERATED,
    LYMAN,
    OVERLAP,
    TIRASPOL,
    collection,
)


@pytest.fixture
def layer(write_snapshot: Callable[..., Path]) -> ControlLayer:
    return ControlLayer.from_file(write_snapshot())


@pytest.mark.parametrize(
    ("point", "controller"),
    [
        (LYMAN, "RU"),
        (DONETSK, "RU"),
        (CONTESTED, "contested"),
        (LIBERATED, "UA"),
        (KHARKIV, "UA"),
        (OVERLAP, "contested"),
        (BELGOROD, "unknown"),
        (TIRASPOL, "unknown"),
        ((44.95, 34.10), "UA"),  # Simferopol: de jure Ukraine, and no Crimea polygon here
        ((46.6354, 32.6169), "UA"),  # Kherson: just outside NE's coarse coastline
    ],
)
def test_layer_status(layer: ControlLayer, point: tuple[float, float], controller: str) -> None:
    assert layer.status(*point) == controller


def test_layer_reads_day_source_counts_and_skips(layer: ControlLayer) -> None:
    assert layer.day is not None
    assert layer.day.isoformat() == "2022-06-15"
    assert layer.source == "2022-06-15.geojson.gz"
    assert layer.counts() == {
        "occupied": 1,
        "occupied_before_2022": 1,
        "contested": 1,
        "liberated": 1,
    }
    assert layer.skipped == {"outside Ukraine (Transnistria)": 1, "not an area (Point)": 1}


def test_layer_plain_and_gzip_agree(write_snapshot: Callable[..., Path]) -> None:
    plain = ControlLayer.from_file(write_snapshot("2022-06-15.geojson"))
    packed = ControlLayer.from_file(write_snapshot("2022-06-15.geojson.gz"))
    probes = [LYMAN, DONETSK, CONTESTED, LIBERATED, KHARKIV, BELGOROD]
    assert plain.statuses(probes) == packed.statuses(probes)
    assert plain.day == packed.day


def test_layer_statuses_match_status(layer: ControlLayer) -> None:
    rng = random.Random(7)
    points = [(rng.uniform(47.5, 50.5), rng.uniform(36.0, 39.0)) for _ in range(500)]
    assert layer.statuses(points) == [layer.status(lat, lon) for lat, lon in points]
    assert layer.statuses([]) == []


def test_layer_territory_none_means_everywhere() -> None:
    layer = ControlLayer.from_geojson(collection(FEATURES), territory=None)
    assert layer.status(*BELGOROD) == "UA"
    assert layer.status(*LYMAN) == "RU"


def test_layer_custom_territory() -> None:
    layer = ControlLayer.from_geojson(collection(FEATURES), territory=box(36.0, 49.5, 37.0, 50.5))
    assert layer.status(*KHARKIV) == "UA"
    assert layer.status(50.45, 30.52) == "unknown"  # Kyiv, outside that box


def test_layer_area_at_names_the_deciding_polygon(layer: ControlLayer) -> None:
    area = layer.area_at(*OVERLAP)
    assert area is not None
    assert area.kind == "contested"
    assert area.controller == "contested"
    assert area.rule == "fill #bcaaa4"
    assert layer.area_at(*KHARKIV) is None


def test_layer_edge_distance(layer: ControlLayer) -> None:
    inside = layer.edge_distance_km(49.0, 37.80)  # 0.1° west of the occupied square's edge
    assert inside is not None
    assert 6.0 < inside < 8.0
    far = layer.edge_distance_km(*KHARKIV)
    assert far is not None
    assert far > 50


def test_layer_is_fast(layer: ControlLayer) -> None:
    rng = random.Random(1)
    points = [(rng.uniform(44.5, 52.0), rng.uniform(22.5, 40.0)) for _ in range(5000)]
    started = time.perf_counter()
    statuses = layer.statuses(points)
    assert time.perf_counter() - started < 2.0  # measured: about 10 ms
    assert set(statuses) <= {"UA", "RU", "contested", "unknown"}
