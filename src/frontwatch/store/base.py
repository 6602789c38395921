"""The store's contract: what every backend (SQLite today, PostgreSQL later) offers.

Takes :class:`~frontwatch.model.ArticleAnalysis` records (with their article, exact duplicates,
near-duplicate links and events) and :class:`~frontwatch.model.Failure` records; gives back the
model's own classes plus the small read-only records defined here (a stored event with its
article, a search hit, row counts). Backends implement :class:`Store`; code above the store
(the CLI, merge, API) depends on this module only and gets a backend from
:func:`frontwatch.store.open_store`.

Guarantees every backend keeps:

- One article is written in one transaction: its row, its sources, its analysis and its
  events are all stored, or none of them is (:meth:`Store.add_article`).
- Writing is idempotent: articles are keyed by content hash, sources by (article, origin),
  analyses by (article, pipeline signature), failures by (source, error, reason). Adding the
  same thing twice adds no rows.
- The events of an article are those of its *current* analysis (the last one stored); an
  older analysis stays as history but its events are replaced.

Failures of the database itself (unreadable file, newer schema, locked for too long) raise
:class:`StoreError` with a message naming the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Literal, NamedTuple, Protocol, Self

from frontwatch.errors import FrontwatchError
from frontwatch.model import (
    Article,
    ArticleAnalysis,
    Event,
    EventType,
    Failure,
    NearDuplicate,
    SourceRef,
)

__all__ = [
    "AddResult",
    "AddStatus",
    "BBox",
    "Counts",
    "DateBasis",
    "SearchHit",
    "SourceKind",
    "Store",
    "StoreError",
    "StoredEvent",
    "StoredFailure",
    "StoredSource",
    "pipeline_signature",
]

AddStatus = Literal["new", "duplicate", "reanalyzed"]
"""What :meth:`Store.add_article` did: stored a new article; found it stored already with an
analysis of the same pipeline (only new sources were recorded); or stored a new analysis of
an article it had (the pipeline changed)."""

DateBasis = Literal["event", "published"]
"""How :meth:`Store.events` dates an event: by its own time span (falling back to the
article's publication date when the span is unresolved), or by the publication date only."""

SourceKind = Literal["original", "duplicate"]
"""A source is the input an article was first stored from, or a later exact duplicate."""


class StoreError(FrontwatchError):
    """The database cannot be opened, migrated, read or written; the message names it."""


class BBox(NamedTuple):
    """A longitude/latitude box in GeoJSON order: west, south, east, north (degrees)."""

    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class AddResult:
    """The outcome of :meth:`Store.add_article` for one article."""

    article_id: str
    status: AddStatus
    sources: int
    """Sources (origins) recorded by this call."""
    events: int
    """Events stored by this call (0 unless the analysis was stored)."""


@dataclass(frozen=True)
class StoredEvent:
    """An event of an article's current analysis, with the article it comes from."""

    article_id: str
    published: dt.date | None
    """The article's publication date (null when the article is undated)."""
    event: Event


@dataclass(frozen=True)
class StoredSource:
    """One input that produced an article: the first one, or a later exact duplicate."""

    article_id: str
    kind: SourceKind
    origin: str | None
    url: str | None
    outlet: str | None
    title: str | None
    published: dt.date | None
    seen: dt.datetime
    """When it was recorded (UTC, naive)."""


@dataclass(frozen=True)
class StoredFailure:
    """An input that failed, first and last time it was seen (UTC, naive)."""

    source: str
    error: str
    reason: str
    first_seen: dt.datetime
    last_seen: dt.datetime


@dataclass(frozen=True)
class SearchHit:
    """One full-text search result, best first."""

    article_id: str
    title: str | None
    published: dt.date | None
    snippet: str
    """A passage of the title or text around the matches, matches marked ``[like this]``."""
    score: float
    """Relevance (BM25; higher is better)."""


@dataclass(frozen=True)
class Counts:
    """Rows per table."""

    articles: int
    sources: int
    near_duplicates: int
    analyses: int
    events: int
    failures: int


def pipeline_signature(stages: Sequence[str], model: str) -> str:
    """The identity of a pipeline: its versioned stage names and the spaCy model.

    Two runs with the same signature produce the same analysis of the same text, so an
    article already analyzed under it is not analyzed again.
    """
    return f"{','.join(stages)};model={model}"


class Store(Protocol):
    """A frontwatch store. Open one with :func:`frontwatch.store.open_store`; close it after."""

    @property
    def location(self) -> str:
        """Where the data lives (a file path or a URL without password), for messages."""
        ...

    def close(self) -> None:
        """Release connections. The store cannot be used afterwards."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

    def revision(self) -> str | None:
        """The schema migration the database is at."""
        ...

    # Writing.

    def add_article(self, analysis: ArticleAnalysis, *, signature: str) -> AddResult:
        """Store an analyzed article in one transaction; see :data:`AddStatus`.

        Records the article's origin and its ``duplicates`` as sources, its
        ``near_duplicates`` as links, and, unless an analysis with ``signature`` is stored
        already, the analysis (now current) and its ``events`` (replacing the article's
        previous events). An existing article row is never changed.
        """
        ...

    def add_sources(self, article_id: str, sources: Sequence[SourceRef]) -> int:
        """Record further origins of a stored article; returns how many were new."""
        ...

    def add_failures(self, failures: Sequence[Failure]) -> int:
        """Record failed inputs (known ones get a new ``last_seen``); returns how many were new.

        A failure is forgotten when an article from the same input is stored later
        (:meth:`add_article`, :meth:`add_sources`): the table lists what still fails.
        """
        ...

    # Reading.

    def has_article(self, article_id: str) -> bool:
        """True when an article with this content hash is stored."""
        ...

    def article(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        ...

    def articles(self, ids: Iterable[str]) -> list[Article]:
        """The stored articles among ``ids``, in the order given; unknown ids are left out."""
        ...

    def analyzed(self, ids: Iterable[str], signature: str) -> set[str]:
        """The ids among ``ids`` that have an analysis made by the pipeline ``signature``."""
        ...

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        """The article's current analysis, exactly as it was stored, or None."""
        ...

    def analyses(
        self, since: dt.date | None = None, until: dt.date | None = None
    ) -> Iterator[ArticleAnalysis]:
        """Current analyses of articles published in [since, until] (inclusive), oldest first.

        With neither bound every analysis is returned, undated articles last; with a bound,
        undated articles are left out.
        """
        ...

    def events(
        self,
        since: dt.date | None = None,
        until: dt.date | None = None,
        types: Iterable[EventType] | None = None,
        *,
        within: BBox | None = None,
        basis: DateBasis = "event",
    ) -> list[StoredEvent]:
        """Events of current analyses dated within [since, until], of ``types``, in ``within``.

        With ``basis="event"`` an event matches when its time span overlaps the range; an
        event whose time is unresolved is dated by its article's publication date; an event
        with neither is left out when a bound is given. ``basis="published"`` uses the
        publication date only. Ordered by date, then by article and event order.
        """
        ...

    def sources(self, article_id: str) -> list[StoredSource]:
        """Every input that produced the article, the original first."""
        ...

    def near_duplicates(self, article_id: str) -> list[NearDuplicate]:
        """Stored articles linked to this one as near-duplicates, most similar first."""
        ...

    def failures(self) -> list[StoredFailure]:
        """Every recorded failure, most recent first."""
        ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article titles and texts, best first.

        ``query`` is words and "quoted phrases" (all must occur; ``word*`` matches a prefix);
        punctuation is ignored. An empty query finds nothing.
        """
        ...

    def counts(self) -> Counts:
        """How many rows each table has."""
        ...
