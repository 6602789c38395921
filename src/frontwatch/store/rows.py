"""Model objects ↔ table rows, the same for every backend.

Takes the model's Article, SourceRef, Event and Failure and returns plain column dictionaries
for the tables of :mod:`frontwatch.store.schema`, and builds model objects back from result
rows. No I/O; a value that does not fit the model raises pydantic's ValidationError (only a
database edited by hand can hold one).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from frontwatch.model import Article, Event, SourceRef
from frontwatch.store.base import SourceKind, StoredFailure, StoredSource

__all__ = [
    "article_from_row",
    "article_row",
    "event_row",
    "failure_from_row",
    "source_from_row",
    "source_row",
    "utc_now",
]


def utc_now() -> dt.datetime:
    """The current time in UTC, without tzinfo (how timestamps are stored)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def article_row(article: Article, seen: dt.datetime) -> dict[str, Any]:
    """The ``articles`` row of an article first seen at ``seen``."""
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "published_basis": article.published_basis,
        "language": article.language,
        "text": article.text,
        "origin": article.origin,
        "first_seen": seen,
    }


def article_from_row(row: sa.Row[Any]) -> Article:
    """An Article from a row with the ``articles`` columns."""
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=row.outlet,
        published=row.published,
        published_basis=row.published_basis,
        language=row.language,
        origin=row.origin,
    )


def source_row(
    article_id: str,
    kind: SourceKind,
    ref: SourceRef,
    published: dt.date | None,
    seen: dt.datetime,
) -> dict[str, Any]:
    """A ``sources`` row: one input that produced the article."""
    return {
        "article_id": article_id,
        "kind": kind,
        "origin": ref.origin,
        "url": ref.url,
        "outlet": ref.outlet,
        "title": ref.title,
        "published": published,
        "seen": seen,
    }


def source_from_row(row: sa.Row[Any]) -> StoredSource:
    return StoredSource(
        article_id=row.article_id,
        kind=row.kind,
        origin=row.origin,
        url=row.url,
        outlet=row.outlet,
        title=row.title,
        published=row.published,
        seen=row.seen,
    )


def failure_from_row(row: sa.Row[Any]) -> StoredFailure:
    return StoredFailure(
        source=row.source,
        error=row.error,
        reason=row.reason,
        first_seen=row.first_seen,
        last_seen=row.last_seen,
    )


def event_row(event: Event, article_id: str, analysis_id: int) -> dict[str, Any]:
    """An ``events`` row: the columns queries filter on, and the whole event as JSON."""
    place = event.place
    time = event.time
    return {
        "article_id": article_id,
        "analysis_id": analysis_id,
        "event_id": event.id,
        "type": event.type,
        "modality": event.modality,
        "actor_id": event.actor.id if event.actor else None,
        "actor_side": event.actor.side if event.actor else None,
        "target_id": event.target.id if event.target else None,
        "target_side": event.target.side if event.target else None,
        "place_id": place.gazetteer_id if place else None,
        "place_name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "place_precision": place.precision if place else None,
        "time_earliest": time.earliest if time else None,
        "time_latest": time.latest if time else None,
        "time_precision": time.precision if time else None,
        "confidence": event.confidence,
        "event": event.model_dump_json(),
    }
