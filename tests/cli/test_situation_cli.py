"""``frontwatch situation`` and ``frontwatch export`` on a store built from reports written
for this test (real pipeline)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

pytestmark = pytest.mark.model

REPORTS = {
    "wire.jsonl": [
        {
            "text": "Ukrainian forces recaptured Lyman on Saturday, the Ukrainian General "
            "Staff said. Russian troops were forced to fall back from Lyman toward Kreminna.",
            "published": "2022-10-02",
            "outlet": "Wire One",
        },
        {
            "text": "Ukrainian troops liberated Lyman on Saturday after a week-long "
            "encirclement, according to local officials.",
            "published": "2022-10-03",
            "outlet": "Second Paper",
        },
        {
            "text": "Russian missiles struck an energy facility in Kremenchuk on Monday.",
            "published": "2022-10-04",
            "outlet": "Wire One",
        },
    ]
}


@pytest.fixture
def store(run_cli: Callable[..., Result], tmp_path: Path) -> Path:
    feed = tmp_path / "wire.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in REPORTS["wire.jsonl"]))
    db = tmp_path / "fw.sqlite"
    result = run_cli("ingest", str(feed), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_situation_lists_the_capture_with_sources_and_draws_the_map(
    run_cli: Callable[..., Result], store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "digest"
    result = run_cli(
        "situation", "--date", "2022-10-04", "--since", "2022-09-30", "--db", str(store),
        "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    markdown = (out / "situation-2022-10-04.md").read_text()
    assert "**Lyman (Donetsk Oblast)**: unknown → **Ukraine** from 2022-10-01" in markdown
    assert "Wire One" in markdown
    assert "Second Paper" in markdown
    assert "Kremenchuk" in markdown  # the strike section
    png = (out / "situation-2022-10-04.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    html = (out / "situation-2022-10-04.html").read_text()
    assert "<img src='situation-2022-10-04.png'" in html


def test_situation_rejects_bad_dates(run_cli: Callable[..., Result], store: Path) -> None:
    result = run_cli("situation", "--date", "2022-13-01", "--db", str(store))
    assert result.exit_code == 2
    result = run_cli(
        "situation", "--date", "2022-10-04", "--since", "2022-10-05", "--db", str(store)
    )
    assert result.exit_code == 2


def test_export_events_csv_has_acled_columns_then_ours(
    run_cli: Callable[..., Result], store: Path
) -> None:
    result = run_cli("export", "events", "--format", "csv", "--db", str(store))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = list(rows[0])
    assert header[:15] == [
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
        "notes", "fatalities",
    ]  # fmt: skip
    assert {"modality", "claimants", "corroboration", "evidence"} <= set(header)
    lyman = [
        r for r in rows if r["location"] == "Lyman" and r["frontwatch_type"] == "control.capture"
    ]
    assert len(lyman) == 1
    assert lyman[0]["event_date"] == "2022-10-01"
    assert int(lyman[0]["corroboration"]) >= 2


def test_export_timeline_geojson(run_cli: Callable[..., Result], store: Path) -> None:
    result = run_cli("export", "timeline", "--format", "geojson", "--db", str(store))
    assert result.exit_code == 0
    collection = json.loads(result.stdout)
    (feature,) = [f for f in collection["features"] if f["properties"]["place"] == "Lyman"]
    assert feature["properties"]["controller"] == "UA"
    assert feature["properties"]["valid_from"] == "2022-10-01"
    assert feature["geometry"]["type"] == "Point"
