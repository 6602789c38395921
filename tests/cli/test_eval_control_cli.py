"""``frontwatch eval control --db``: score a store built by hand against snapshots written here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from frontwatch.model import (
    Actor,
    Article,
    ArticleAnalysis,
    Event,
    Evidence,
    Place,
    PlaceMention,
    TimeSpan,
)
from frontwatch.pipeline.dedup import content_id
from frontwatch.store.sqlite import SQLiteStore

Invoke = Callable[..., Result]

TEXT = "Ukrainian forces recaptured Lyman on October 1."
LYMAN = Place(
    name="Lyman", gazetteer_id="test:lyman", kind="settlement", country="UA",
    lat=48.99, lon=37.81, precision="exact", confidence=0.9,
)  # fmt: skip
OCCUPIED = "#a52714"


def snapshot(folder: Path, day: str, occupied: bool) -> None:
    ring = [[37.7, 48.9], [37.96, 48.9], [37.96, 49.1], [37.7, 49.1], [37.7, 48.9]]
    far = [[30.0, 46.0], [30.1, 46.0], [30.1, 46.1], [30.0, 46.1], [30.0, 46.0]]
    feature = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring if occupied else far]},
        "properties": {"name": "Occupied", "fill": OCCUPIED},
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    (folder / f"{day}.geojson").write_text(text)


@pytest.fixture
def truth(tmp_path: Path) -> Path:
    folder = tmp_path / "truth"
    folder.mkdir()
    for day in ("2022-09-28", "2022-09-29", "2022-09-30"):
        snapshot(folder, day, occupied=True)
    for day in ("2022-10-01", "2022-10-02", "2022-10-04", "2022-10-08"):
        snapshot(folder, day, occupied=False)
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Path:
    article = Article(
        id=content_id(TEXT), text=TEXT, published=dt.date(2022, 10, 2),
        published_basis="option", language="en", outlet="Test Wire",
    )  # fmt: skip
    start = TEXT.index("Lyman")
    event = Event(
        id=f"{article.id}-e0",
        type="control.capture",
        modality="reported",
        evidence=(
            Evidence(article_id=article.id, start=0, end=len(TEXT), sentence=TEXT, stage="t.v1"),
        ),
        actor=Actor(id="side:ua", name="Ukrainian forces", kind="side", side="UA"),
        place=LYMAN,
        time=TimeSpan(
            text="on October 1",
            earliest=dt.date(2022, 10, 1),
            latest=dt.date(2022, 10, 1),
            precision="day",
        ),
        confidence=0.9,
        trigger="recaptured",
    )
    mention = PlaceMention(start=start, end=start + 5, text="Lyman", sentence=0, place=LYMAN)
    analysis = ArticleAnalysis(
        article=article, stages=("t.v1",), places=(mention,), events=(event,)
    )
    path = tmp_path / "fw.sqlite"
    with SQLiteStore.open(path) as store:
        store.add_article(analysis, signature="t.v1;model=none")
    return path


def test_eval_control_scores_an_existing_store(run_cli: Invoke, db: Path, truth: Path) -> None:
    result = run_cli("eval", "control", "--db", str(db), "--truth", str(truth))
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["reports"] == 1
    assert scores["changes"] == 1
    assert scores["precision_3d"] == 1.0
    assert scores["judged_7d"] == 1
    assert scores["flips"] == 1
    assert scores["recall"] == 1.0


@pytest.mark.parametrize("given", ["neither", "both"])
def test_eval_control_needs_reports_or_db(
    run_cli: Invoke, db: Path, truth: Path, given: str
) -> None:
    extra = ["--db", str(db), "--reports", str(truth)] if given == "both" else []
    result = run_cli("eval", "control", "--truth", str(truth), *extra)
    assert result.exit_code == 2
    assert "either --reports or --db" in result.output


def test_eval_control_names_a_missing_store(run_cli: Invoke, tmp_path: Path, truth: Path) -> None:
    missing = tmp_path / "nothing.sqlite"
    result = run_cli("eval", "control", "--db", str(missing), "--truth", str(truth))
    assert result.exit_code == 2
    assert "nothing.sqlite: store not found" in result.output
    assert not missing.exists()
