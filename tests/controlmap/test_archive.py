from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from frontwatch.controlmap import ControlArchive, Flip
from frontwatch.errors import EmptyInputError, InputNotFoundError

from .conftest import FEATURES, KHARKIV, LYMAN, feature, square

D = dt.date.fromisoformat
# Day 3 adds an occupied square over Kharkiv; day 6 drops the Lyman square (recaptured).
KHARKIV_SQUARE = feature(square(36.1, 49.9, 36.4, 50.1), "Окуповано", "#a52714")


@pytest.fixture
def archive(write_snapshot: Callable[..., Path], tmp_path: Path) -> ControlArchive:
    write_snapshot("2022-06-01.geojson.gz")
    write_snapshot("2022-06-03.geojson.gz", [*FEATURES, KHARKIV_SQUARE])
    write_snapshot("2022-06-06.geojson", [*FEATURES[1:], KHARKIV_SQUARE])
    (tmp_path / "index.csv").write_text("date,source_file\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("notes\n", encoding="utf-8")
    return ControlArchive(tmp_path, max_gap=dt.timedelta(days=2))


def test_archive_days(archive: ControlArchive) -> None:
    assert archive.days == (D("2022-06-01"), D("2022-06-03"), D("2022-06-06"))
    assert archive.path(D("2022-06-06")).name == "2022-06-06.geojson"


@pytest.mark.parametrize(
    ("day", "lyman", "kharkiv"),
    [
        ("2022-05-31", "unknown", "unknown"),  # before the first snapshot
        ("2022-06-01", "RU", "UA"),
        ("2022-06-02", "RU", "UA"),  # carried forward one day
        ("2022-06-03", "RU", "RU"),
        ("2022-06-05", "RU", "RU"),  # carried forward two days = max_gap
        ("2022-06-06", "UA", "RU"),
        ("2022-06-08", "UA", "RU"),
        ("2022-06-09", "unknown", "unknown"),  # three days after the last snapshot
    ],
)
def test_archive_status_on_a_day(
    archive: ControlArchive, day: str, lyman: str, kharkiv: str
) -> None:
    assert archive.status(*LYMAN, D(day)) == lyman
    assert archive.statuses([LYMAN, KHARKIV], D(day)) == [lyman, kharkiv]


def test_archive_flips(archive: ControlArchive) -> None:
    points = {"lyman": LYMAN, "kharkiv": KHARKIV}
    assert archive.flips(points, D("2022-06-01"), D("2022-06-30")) == [
        Flip("kharkiv", D("2022-06-03"), "UA", "RU"),
        Flip("lyman", D("2022-06-06"), "RU", "UA"),
    ]
    # Starting from the snapshot in force on 06-04 (that of 06-03): only Lyman changes.
    assert archive.flips(points, D("2022-06-04"), D("2022-06-06")) == [
        Flip("lyman", D("2022-06-06"), "RU", "UA")
    ]
    # Starting before the first snapshot: the first one in range is the starting state.
    assert archive.flips(points, D("2022-05-01"), D("2022-06-03")) == [
        Flip("kharkiv", D("2022-06-03"), "UA", "RU")
    ]
    assert archive.flips(points, D("2022-05-01"), D("2022-05-30")) == []
    assert archive.flips({}, D("2022-06-01"), D("2022-06-30")) == []


def test_archive_caches_a_few_layers(archive: ControlArchive) -> None:
    archive.cache_size = 1
    first = archive.layer(D("2022-06-01"))
    assert archive.layer(D("2022-06-01")) is first
    archive.layer(D("2022-06-03"))
    assert archive.layer(D("2022-06-01")) is not first
    with pytest.raises(KeyError):
        archive.layer(D("2022-06-02"))


def test_archive_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="no such directory"):
        ControlArchive(tmp_path / "nowhere")


def test_archive_without_snapshots(tmp_path: Path) -> None:
    (tmp_path / "index.csv").write_text("date\n", encoding="utf-8")
    with pytest.raises(EmptyInputError, match="no snapshots"):
        ControlArchive(tmp_path)
