from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from shapely.geometry import Point

from frontwatch.controlmap.boundaries import (
    ADMIN1_FILE,
    NEIGHBOURS_FILE,
    build_boundaries,
    neighbours,
    oblasts,
    ukraine_outline,
)

PACKAGE = resources.files("frontwatch.data").joinpath("boundaries")
NEIGHBOUR_CODES = {"BLR", "HUN", "MDA", "POL", "ROU", "RUS", "SVK"}


def test_boundaries_oblasts() -> None:
    regions = oblasts()
    assert len(regions) == 27
    assert len({r.code for r in regions}) == 27
    by_code = {r.code: r for r in regions}
    assert by_code["UA-14"].name == "Donetsk"
    assert by_code["UA-51"].name == "Odesa"
    assert by_code["UA-30"].name == "Kyiv City"
    assert by_code["UA-14"].geometry.contains(Point(37.81, 48.99))  # Lyman
    assert all(r.geometry.is_valid for r in regions)


def test_boundaries_neighbours_exclude_crimea() -> None:
    countries = {r.code: r for r in neighbours()}
    assert set(countries) >= NEIGHBOUR_CODES
    assert {"Bulgaria", "Turkey", "Georgia", "Lithuania"} <= {r.name for r in neighbours()}
    simferopol = Point(34.10, 44.95)
    assert not countries["RUS"].geometry.contains(simferopol)
    assert ukraine_outline().contains(simferopol)
    assert countries["RUS"].geometry.contains(Point(36.6, 50.6))  # Belgorod


def test_boundaries_files_stay_small() -> None:
    sizes = [len(PACKAGE.joinpath(name).read_bytes()) for name in (ADMIN1_FILE, NEIGHBOURS_FILE)]
    assert sum(sizes) < 400_000


@pytest.mark.shared
def test_boundaries_rebuild_matches_package_data(shared_data: Path, tmp_path: Path) -> None:
    sizes = build_boundaries(shared_data / "boundaries", tmp_path)
    assert set(sizes) == {ADMIN1_FILE, NEIGHBOURS_FILE}
    packaged = PACKAGE.joinpath(ADMIN1_FILE).read_bytes()
    assert (tmp_path / ADMIN1_FILE).read_bytes() == packaged
    # The other countries come from world-atlas (not in shared/); the seven neighbours match.
    rebuilt = json.loads((tmp_path / NEIGHBOURS_FILE).read_text(encoding="utf-8"))["features"]
    shipped = json.loads(PACKAGE.joinpath(NEIGHBOURS_FILE).read_text(encoding="utf-8"))
    by_code = {f["properties"]["code"]: f for f in shipped["features"]}
    assert [f["properties"]["code"] for f in rebuilt] == sorted(NEIGHBOUR_CODES)
    assert all(f == by_code[f["properties"]["code"]] for f in rebuilt)
