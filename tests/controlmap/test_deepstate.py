"""The real DeepStateMap archive in ../shared/data/deepstate (skipped when absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwatch.controlmap import ControlArchive, ControlLayer

pytestmark = pytest.mark.shared

LYMAN = (48.99, 37.81)
KHARKIV = (49.9935, 36.2304)
MARIUPOL = (47.0951, 37.5413)
DONETSK = (48.0159, 37.8028)
SIMFEROPOL = (44.95, 34.10)
BUCHA = (50.5436, 30.2124)
TIRASPOL = (46.84, 29.63)


@pytest.fixture(scope="module")
def archive(shared_data: Path) -> ControlArchive:
    folder = shared_data / "deepstate"
    if not folder.is_dir():
        pytest.skip(f"DeepState snapshots not available at {folder}")
    return ControlArchive(folder, cache_size=2)


def test_deepstate_archive_covers_april_to_august(archive: ControlArchive) -> None:
    assert len(archive.days) == 138
    assert archive.days[0] == dt.date(2022, 4, 3)
    assert archive.days[-1] == dt.date(2022, 8, 31)


@pytest.mark.parametrize("day", [f"2022-06-{d:02d}" for d in range(10, 21)])
def test_deepstate_lyman_russian_held_mid_june(archive: ControlArchive, day: str) -> None:
    when = dt.date.fromisoformat(day)
    assert archive.status(*LYMAN, when) == "RU"
    assert archive.status(*KHARKIV, when) == "UA"


def test_deepstate_mariupol_russian_held_from_may(archive: ControlArchive) -> None:
    days = [d for d in archive.days if d >= dt.date(2022, 5, 1)]
    statuses = {archive.status(*MARIUPOL, d) for d in days}
    assert statuses == {"RU"}


def test_deepstate_kharkiv_ukrainian_throughout(archive: ControlArchive) -> None:
    assert {archive.status(*KHARKIV, d) for d in archive.days} == {"UA"}


def test_deepstate_snapshot_classes(archive: ControlArchive) -> None:
    layer = archive.layer(dt.date(2022, 6, 25))
    assert set(layer.counts()) == {"occupied", "occupied_before_2022", "contested", "liberated"}
    assert layer.skipped.get("outside Ukraine (Transnistria)", 0) >= 1
    assert layer.status(*DONETSK) == "RU"
    assert layer.status(*SIMFEROPOL) == "RU"
    assert layer.status(*BUCHA) == "UA"
    assert layer.status(*TIRASPOL) == "unknown"
    area = layer.area_at(*DONETSK)
    assert area is not None
    assert area.kind == "occupied_before_2022"


def test_deepstate_flips_lyman_and_sievierodonetsk(archive: ControlArchive) -> None:
    points = {"lyman": LYMAN, "sievierodonetsk": (48.9482, 38.4935), "kharkiv": KHARKIV}
    flips = archive.flips(points, dt.date(2022, 5, 1), dt.date(2022, 6, 30))
    lyman = [f for f in flips if f.point_id == "lyman"]
    assert lyman[-1].after == "RU"
    assert dt.date(2022, 5, 20) <= lyman[-1].day <= dt.date(2022, 5, 31)
    assert any(f.point_id == "sievierodonetsk" and f.after == "RU" for f in flips)
    assert not any(f.point_id == "kharkiv" for f in flips)


def test_deepstate_single_layer_from_file(shared_data: Path) -> None:
    path = shared_data / "deepstate" / "2022-06-15.geojson.gz"
    if not path.is_file():
        pytest.skip(f"{path} not available")
    layer = ControlLayer.from_file(path)
    assert layer.day == dt.date(2022, 6, 15)
    assert layer.status(*LYMAN) == "RU"
