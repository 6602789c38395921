"""``eval control`` on reports and control-map snapshots written for this test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontwatch.config import Settings
from frontwatch.evaluation.control import evaluate_control

pytestmark = pytest.mark.model

OCCUPIED = "#a52714"


def snapshot(folder: Path, day: str, occupied: bool) -> None:
    ring = [[37.7, 48.9, 0], [37.96, 48.9, 0], [37.96, 49.1, 0], [37.7, 49.1, 0], [37.7, 48.9, 0]]
    far = [[30.0, 46.0, 0], [30.1, 46.0, 0], [30.1, 46.1, 0], [30.0, 46.1, 0], [30.0, 46.0, 0]]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [ring if occupied else far]},
            "properties": {"name": "Occupied", "fill": OCCUPIED},
        }
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features})
    (folder / f"{day}.geojson").write_text(text)


def test_control_precision_and_recall(tmp_path: Path, pipeline: Any) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.jsonl").write_text(
        json.dumps(
            {
                "text": "Ukrainian forces recaptured Lyman in Donetsk Oblast on October 1.",
                "published": "2022-10-02",
                "outlet": "Test Wire",
            }
        )
        + "\n"
    )
    truth = tmp_path / "truth"
    truth.mkdir()
    for day in ("2022-09-28", "2022-09-29", "2022-09-30"):
        snapshot(truth, day, occupied=True)
    for day in ("2022-10-01", "2022-10-02", "2022-10-04", "2022-10-08"):
        snapshot(truth, day, occupied=False)
    result = evaluate_control(reports, truth, Settings(), pipeline=pipeline)
    assert result["changes"] == 1
    assert result["precision_3d"] == 1.0
    assert result["precision_7d"] == 1.0
    assert result["flips"] == 1
    assert result["recall"] == 1.0
