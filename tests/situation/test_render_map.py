"""The static situation map: valid, deterministic image files from hand-made inputs."""

from __future__ import annotations

import datetime as dt
import math
import struct
from pathlib import Path

import pytest
from matplotlib.text import Annotation

from frontwatch.controlmap import ControlLayer
from frontwatch.situation.render_map import (
    UKRAINE_EXTENT,
    MapChange,
    MapOptions,
    MapPoint,
    _auto_extent,
    _fit_extent,
    _Map,
    render_map,
)

DAY = dt.date(2022, 10, 1)
POINTS = [
    MapPoint("Lyman", 48.9861, 37.8111, "UA", priority=20_469),
    MapPoint("Izium", 49.2238, 37.2915, "UA", priority=45_884),
    MapPoint("Kreminna", 49.0484, 38.2176, "RU", priority=18_417),
    MapPoint("Torske", 49.0125, 37.9678, "contested"),
    MapPoint("Svatove", 49.4100, 38.1500, "RU", priority=16_000),
    MapPoint("Somewhere", 49.3, 37.6, "unknown"),
]
LYMAN = MapChange("Lyman", 48.9861, 37.8111, "RU", "UA", note="recaptured")
SMALL = MapOptions(width_in=6.0, height_in=4.5, dpi=80)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def square(west: float, south: float, east: float, north: float) -> dict[str, object]:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_render_map_png_header_and_size(tmp_path: Path) -> None:
    path = render_map(POINTS, [LYMAN], DAY, tmp_path / "map.png")
    assert path == tmp_path / "map.png"
    assert png_size(path) == (1500, 1200)
    assert png_size(render_map(POINTS, [LYMAN], DAY, tmp_path / "s.png", options=SMALL)) == (
        480,
        360,
    )


def test_render_map_zero_points(tmp_path: Path) -> None:
    path = render_map([], [], DAY, tmp_path / "empty.png", options=SMALL)
    assert png_size(path) == (480, 360)


def test_render_map_is_deterministic(tmp_path: Path) -> None:
    first = render_map(POINTS, [LYMAN], DAY, tmp_path / "a.png", options=SMALL).read_bytes()
    second = render_map(POINTS, [LYMAN], DAY, tmp_path / "b.png", options=SMALL).read_bytes()
    assert first == second
    assert b"Software" not in first
    assert b"tIME" not in first


def test_render_map_svg_by_suffix(tmp_path: Path) -> None:
    first = render_map(POINTS, [LYMAN], DAY, tmp_path / "a.svg", options=SMALL).read_bytes()
    second = render_map(POINTS, [LYMAN], DAY, tmp_path / "b.svg", options=SMALL).read_bytes()
    assert first.startswith(b"<?xml")
    assert b"<svg" in first
    assert first == second
    assert b"<dc:date>" not in first


def test_render_map_with_layer_and_flagged_change(tmp_path: Path) -> None:
    features = [
        {"type": "Feature", "geometry": square(*box), "properties": {"name": name, "fill": fill}}
        for box, name, fill in [
            ((38.1, 48.9, 38.6, 49.3), "Окуповано", "#a52714"),
            ((37.9, 48.9, 38.1, 49.1), "Під питанням", "#bcaaa4"),
            ((38.3, 47.9, 38.9, 48.4), "ОРДЛО", "#880e4f"),
            ((37.0, 49.5, 37.5, 49.8), "Звільнено", "#0f9d58"),
        ]
    ]
    layer = ControlLayer.from_geojson(
        {"type": "FeatureCollection", "features": features},
        source="2022-09-30.geojson",
        day=dt.date(2022, 9, 30),
    )
    flagged = [*POINTS[1:], MapPoint("Lyman", 48.9861, 37.8111, "UA", changed=True)]
    path = render_map(
        flagged, [], DAY, tmp_path / "layer.png", layer=layer, title="Lyman", options=SMALL
    )
    assert png_size(path) == (480, 360)


def test_render_map_rejects_other_formats(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"map\.jpg: the map is written as \.png or \.svg"):
        render_map(POINTS, [], DAY, tmp_path / "map.jpg")


def test_render_map_rejects_an_empty_extent(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty map extent"):
        render_map(POINTS, [], DAY, tmp_path / "map.png", extent=(38.0, 49.0, 37.0, 50.0))


def test_render_map_extent_auto_zoom() -> None:
    assert _auto_extent([], 0.15) == UKRAINE_EXTENT
    west, south, east, north = _auto_extent([(49.0, 37.0), (50.0, 39.0)], 0.1)
    assert (west, south, east, north) == pytest.approx((36.8, 48.9, 39.2, 50.1))
    # One point: padded, then widened to the minimum span and the map's proportions.
    fitted = _fit_extent(_auto_extent([(49.0, 37.8)], 0.15), 1.4, 120.0)
    west, south, east, north = fitted
    assert north - south == pytest.approx(120.0 / 111.195, rel=1e-3)
    width_km = (east - west) * math.cos(math.radians(49.0))
    assert width_km / (north - south) == pytest.approx(1.4, rel=1e-6)
    assert (west + east) / 2 == pytest.approx(37.8)
    assert (south + north) / 2 == pytest.approx(49.0)


def test_render_map_crowded_label_goes_on_a_leader_line() -> None:
    canvas = _Map(_fit_extent((37.0, 48.5, 39.0, 49.5), 1.4, 0.0), SMALL)
    canvas.marker(37.81, 48.99, "UA", ring=True)
    canvas.marker(38.0, 48.99, "RU")
    assert canvas.label(38.0, 48.99, "Plain")  # room beside the marker: no line
    canvas.block(38.0, 48.99, 20)  # now everything right beside it is taken
    assert canvas.label(38.0, 48.99, "Leader")
    texts = {t.get_text(): t for t in canvas.ax.texts if isinstance(t, Annotation)}
    assert texts["Plain"].arrow_patch is None
    assert texts["Leader"].arrow_patch is not None
    # the line never runs over the ringed marker to the west
    assert texts["Leader"].xyann[0] >= 0
