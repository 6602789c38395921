from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from frontwatch.controlmap import ControlLayer, snapshot_day
from frontwatch.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputNotFoundError,
    InputTooLargeError,
    UnsupportedInputError,
)

from .conftest import collection, feature, square


@pytest.mark.parametrize(
    ("content", "error", "reason"),
    [
        (b"", EmptyInputError, "empty"),
        (b"  \n", EmptyInputError, "empty"),
        (b"<html><body>not json</body></html>", UnsupportedInputError, "not JSON"),
        (b'{"type": "Feature", "geometry": null}', UnsupportedInputError, "FeatureCollection"),
        (b'{"type": "FeatureCollection"}', UnsupportedInputError, "'features'"),
        (b'{"type": "FeatureCollection", "features": []}', EmptyInputError, "no control polygons"),
        (b"\xff\xfe\x00garbage", EncodingError, "not UTF-8"),
    ],
)
def test_snapshot_bad_plain_input(
    tmp_path: Path, content: bytes, error: type[InputError], reason: str
) -> None:
    path = tmp_path / "broken.geojson"
    path.write_bytes(content)
    with pytest.raises(error, match=reason) as caught:
        ControlLayer.from_file(path)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)


def test_snapshot_named_gz_but_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "2022-06-15.geojson.gz"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(UnsupportedInputError, match=r"2022-06-15\.geojson\.gz: named \.gz"):
        ControlLayer.from_file(path)


def test_snapshot_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cut.geojson.gz"
    path.write_bytes(gzip.compress(b'{"type": "FeatureCollection", "features": []}' * 50)[:40])
    with pytest.raises(UnsupportedInputError, match="corrupt gzip"):
        ControlLayer.from_file(path)


def test_snapshot_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such file"):
        ControlLayer.from_file(tmp_path / "2022-01-01.geojson.gz")


def test_snapshot_decompressed_size_is_limited(write_snapshot: Callable[..., Path]) -> None:
    path = write_snapshot()
    with pytest.raises(InputTooLargeError, match="decompressed"):
        ControlLayer.from_file(path, max_bytes=path.stat().st_size + 10)


def test_snapshot_points_only_is_empty(write_snapshot: Callable[..., Path]) -> None:
    point = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.0, 48.0]}}
    path = write_snapshot("points.geojson", [point, point])
    with pytest.raises(EmptyInputError, match=r"points\.geojson: no control polygons.*2 not an"):
        ControlLayer.from_file(path)


def test_snapshot_broken_geometry_is_skipped_and_counted(
    write_snapshot: Callable[..., Path],
) -> None:
    broken = feature({"type": "Polygon", "coordinates": "nonsense"}, "Окуповано", "#a52714")
    good = feature(square(37.7, 48.9, 37.96, 49.1), "Окуповано", "#a52714")
    layer = ControlLayer.from_file(write_snapshot("mixed.geojson", [broken, good]))
    assert len(layer.areas) == 1
    assert layer.skipped == {"invalid geometry": 1}


def test_snapshot_self_intersecting_polygon_is_repaired() -> None:
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[37, 48], [38, 49], [38, 48], [37, 49], [37, 48]]],
    }
    layer = ControlLayer.from_geojson(collection([feature(bowtie, "Окуповано", "#a52714")]))
    assert layer.areas[0].geometry.is_valid
    assert layer.status(48.5, 37.2) == "RU"


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("2022-06-15.geojson.gz", "2022-06-15"),
        ("2022-06-15.geojson", "2022-06-15"),
        ("2022-06-15.json", "2022-06-15"),
        ("2022-13-40.geojson", None),
        ("index.csv", None),
        ("latest.geojson.gz", None),
    ],
)
def test_snapshot_day_from_name(name: str, day: str | None) -> None:
    found = snapshot_day(Path(name))
    assert (found.isoformat() if found else None) == day
