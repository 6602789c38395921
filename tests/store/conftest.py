"""Store fixtures: an empty store in a temporary folder, hand-built articles and events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from frontwatch.model import (
    Actor,
    Article,
    ArticleAnalysis,
    Event,
    Evidence,
    NearDuplicate,
    Place,
    SourceRef,
    TimeSpan,
)
from frontwatch.pipeline.dedup import content_id
from frontwatch.store.sqlite import SQLiteStore

SIGNATURE = "frontwatch.ingest.v1,frontwatch.test.v1;model=none"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore.open(tmp_path / "store.sqlite") as opened:
        yield opened


def article(
    text: str,
    *,
    origin: str = "reports/a.txt",
    published: dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Article:
    return Article(
        id=content_id(text),
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        published_basis="option" if published else None,
        language="en",
        origin=origin,
    )


def event(
    source: Article,
    number: int,
    *,
    type: Any = "control.capture",
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
    place: tuple[str, float, float] | None = None,
) -> Event:
    time = None
    if earliest is not None:
        time = TimeSpan(text="then", earliest=earliest, latest=latest or earliest, precision="day")
    return Event(
        id=f"{source.id}-e{number}",
        type=type,
        modality="reported",
        evidence=(
            Evidence(
                article_id=source.id,
                start=0,
                end=min(5, len(source.text)),
                sentence=source.text,
                stage="frontwatch.test.v1",
            ),
        ),
        actor=Actor(id="ua.forces", name="Ukrainian forces", kind="force", side="UA"),
        place=(
            Place(name=place[0], gazetteer_id=f"test:{place[0]}", lat=place[1], lon=place[2])
            if place
            else None
        ),
        time=time,
        confidence=0.8,
    )


def analysis(
    source: Article,
    events: Sequence[Event] | None = None,
    *,
    duplicates: Sequence[SourceRef] = (),
    near: Sequence[NearDuplicate] = (),
) -> ArticleAnalysis:
    return ArticleAnalysis(
        article=source,
        stages=("frontwatch.ingest.v1", "frontwatch.test.v1"),
        duplicates=tuple(duplicates),
        near_duplicates=tuple(near),
        events=None if events is None else tuple(events),
    )
