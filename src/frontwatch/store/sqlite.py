"""The SQLite store: one file, WAL mode, foreign keys on, FTS5 search, R*Tree over events.

:meth:`SQLiteStore.open` takes a file path, creates the file (and its folder) unless told not
to, and migrates it to the head schema. Every connection runs in WAL mode (readers never block
the writer, and a killed writer leaves the last committed state), with foreign keys enforced,
``synchronous=NORMAL`` (durable across a crash of the process; a power cut may lose the last
transactions, never corrupt the file) and a busy timeout, so concurrent writers wait instead
of failing. Write transactions begin ``IMMEDIATE`` so that two writers never deadlock on a
lock upgrade.

Assumes SQLite ≥ 3.35 built with FTS5 and R*Tree (Python's own builds are). Fails with
:class:`~frontwatch.store.base.StoreError` naming the file: not a database, unreadable,
written by a newer frontwatch, locked for longer than the timeout.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from frontwatch.model import (
    Article,
    ArticleAnalysis,
    Event,
    EventType,
    Failure,
    NearDuplicate,
    SourceRef,
)
from frontwatch.store import migrate
from frontwatch.store.base import (
    AddResult,
    BBox,
    Counts,
    DateBasis,
    SearchHit,
    SourceKind,
    StoredEvent,
    StoredFailure,
    StoredSource,
    StoreError,
)
from frontwatch.store.rows import (
    article_from_row,
    article_row,
    event_row,
    failure_from_row,
    source_from_row,
    source_row,
    utc_now,
)
from frontwatch.store.schema import (
    analyses,
    articles,
    events,
    failures,
    near_duplicates,
    sources,
)

__all__ = ["BUSY_TIMEOUT", "SQLiteStore"]

BUSY_TIMEOUT = 30.0
"""Seconds a connection waits for another process's write lock before failing."""

_CHUNK = 500
"""Ids per ``IN (...)`` list, well below SQLite's limit on bound parameters."""
_TERM = re.compile(r'"([^"]*)"(\*?)|([^\s"]+)')
_WORD = re.compile(r"\w+")
_SNIPPET_WORDS = 24
_TITLE_WEIGHT = 3.0

_event_points = sa.table(
    "event_points",
    sa.column("id", sa.Integer),
    sa.column("min_lon", sa.Float),
    sa.column("max_lon", sa.Float),
    sa.column("min_lat", sa.Float),
    sa.column("max_lat", sa.Float),
)

_SEARCH = sa.text(
    f"""
    SELECT a.id AS article_id, a.title AS title, a.published AS published,
           snippet(articles_fts, -1, '[', ']', '…', {_SNIPPET_WORDS}) AS snippet,
           bm25(articles_fts, {_TITLE_WEIGHT}, 1.0) AS score
    FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid
    WHERE articles_fts MATCH :query
    ORDER BY score
    LIMIT :limit
    """
).columns(
    sa.column("article_id", sa.String),
    sa.column("title", sa.Text),
    sa.column("published", sa.Date),
    sa.column("snippet", sa.Text),
    sa.column("score", sa.Float),
)


class SQLiteStore:
    """A frontwatch store in one SQLite file. Implements :class:`~frontwatch.store.Store`."""

    def __init__(self, engine: sa.Engine, path: Path) -> None:
        """Wrap an engine made by :meth:`open` (which sets up connections and migrates)."""
        self._engine = engine
        self._path = path

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> SQLiteStore:
        """Open (and unless ``create`` is false, create) the store at ``path``; migrate it."""
        path = Path(path).expanduser()
        if path.is_dir():
            raise StoreError(f"{path}: is a directory; the database must be a file")
        if not path.exists():
            if not create:
                raise StoreError(f"{path}: no database here; run 'frontwatch ingest' first")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create its folder ({exc.strerror})") from None
        engine = _engine(path)
        try:
            migrate.upgrade(engine, str(path))
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"{path}: cannot open the database ({_cause(exc)})") from None
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, path)

    @property
    def location(self) -> str:
        return str(self._path)

    def __repr__(self) -> str:
        return f"SQLiteStore({self.location!r})"

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def revision(self) -> str | None:
        with self._read() as connection:
            return migrate.current_revision(connection)

    # Writing.

    def add_article(self, analysis: ArticleAnalysis, *, signature: str) -> AddResult:
        article = analysis.article
        now = utc_now()
        where = f"article {article.id} from {article.origin or 'an unknown input'}"
        with self._write(where) as connection:
            known = _exists(connection, articles.c.id == article.id)
            if not known:
                connection.execute(sa.insert(articles).values(article_row(article, now)))
            own: tuple[SourceKind, SourceRef, dt.date | None] = (
                "duplicate" if known else "original",
                SourceRef(
                    origin=article.origin,
                    url=article.url,
                    outlet=article.outlet,
                    title=article.title,
                ),
                article.published,
            )
            refs = [own, *(("duplicate", ref, None) for ref in analysis.duplicates)]
            added = _add_sources(connection, article.id, refs, now)
            _resolve_failures(connection, [ref.origin for _, ref, _ in refs])
            _add_links(connection, article.id, analysis.near_duplicates, now)
            if _exists(
                connection,
                (analyses.c.article_id == article.id) & (analyses.c.signature == signature),
            ):
                return AddResult(article.id, "duplicate", added, 0)
            stored = _replace_analysis(connection, analysis, signature, now)
        return AddResult(article.id, "reanalyzed" if known else "new", added, stored)

    def add_sources(self, article_id: str, sources: Sequence[SourceRef]) -> int:
        now = utc_now()
        with self._write(f"sources of article {article_id}") as connection:
            if not _exists(connection, articles.c.id == article_id):
                raise StoreError(f"{self.location}: no article {article_id} to add sources to")
            _resolve_failures(connection, [ref.origin for ref in sources])
            return _add_sources(
                connection, article_id, [("duplicate", ref, None) for ref in sources], now
            )

    def add_failures(self, failures_: Sequence[Failure]) -> int:
        now = utc_now()
        new = 0
        with self._write("failures") as connection:
            for failure in failures_:
                key = (
                    (failures.c.source == failure.source)
                    & (failures.c.error == failure.error)
                    & (failures.c.reason == failure.reason)
                )
                result = connection.execute(sa.update(failures).where(key).values(last_seen=now))
                if result.rowcount == 0:
                    connection.execute(
                        sa.insert(failures).values(
                            source=failure.source,
                            error=failure.error,
                            reason=failure.reason,
                            first_seen=now,
                            last_seen=now,
                        )
                    )
                    new += 1
        return new

    # Reading.

    def has_article(self, article_id: str) -> bool:
        with self._read() as connection:
            return _exists(connection, articles.c.id == article_id)

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def articles(self, ids: Iterable[str]) -> list[Article]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Article] = {}
        with self._read() as connection:
            for chunk in _chunks(wanted):
                rows = connection.execute(sa.select(articles).where(articles.c.id.in_(chunk)))
                found.update((row.id, article_from_row(row)) for row in rows)
        return [found[i] for i in wanted if i in found]

    def analyzed(self, ids: Iterable[str], signature: str) -> set[str]:
        done: set[str] = set()
        with self._read() as connection:
            for chunk in _chunks(list(dict.fromkeys(ids))):
                query = sa.select(analyses.c.article_id).where(
                    analyses.c.signature == signature, analyses.c.article_id.in_(chunk)
                )
                done.update(connection.scalars(query))
        return done

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        query = sa.select(analyses.c.analysis).where(
            analyses.c.article_id == article_id, analyses.c.is_current
        )
        with self._read() as connection:
            text = connection.scalar(query)
        return None if text is None else ArticleAnalysis.model_validate_json(text)

    def analyses(
        self, since: dt.date | None = None, until: dt.date | None = None
    ) -> Iterator[ArticleAnalysis]:
        query = (
            sa.select(analyses.c.analysis)
            .join(articles, articles.c.id == analyses.c.article_id)
            .where(analyses.c.is_current)
            .order_by(articles.c.published.is_(None), articles.c.published, articles.c.seq)
        )
        if since is not None:
            query = query.where(articles.c.published >= since)
        if until is not None:
            query = query.where(articles.c.published <= until)
        with self._read() as connection:
            rows = connection.execution_options(yield_per=64).scalars(query)
            for text in rows:
                yield ArticleAnalysis.model_validate_json(text)

    def events(
        self,
        since: dt.date | None = None,
        until: dt.date | None = None,
        types: Iterable[EventType] | None = None,
        *,
        within: BBox | None = None,
        basis: DateBasis = "event",
    ) -> list[StoredEvent]:
        first: sa.ColumnElement[Any]
        last: sa.ColumnElement[Any]
        if basis == "event":
            first = sa.func.coalesce(events.c.time_earliest, articles.c.published)
            last = sa.func.coalesce(events.c.time_latest, articles.c.published)
        else:
            first = last = articles.c.published
        query = (
            sa.select(events.c.article_id, articles.c.published, events.c.event)
            .join(articles, articles.c.id == events.c.article_id)
            .order_by(first.is_(None), first, articles.c.seq, events.c.seq)
        )
        if since is not None:
            query = query.where(last >= since)
        if until is not None:
            query = query.where(first <= until)
        if types is not None:
            query = query.where(events.c.type.in_(list(types)))
        if within is not None:
            query = query.where(*_inside(within))
        with self._read() as connection:
            rows = connection.execute(query).all()
        return [
            StoredEvent(row.article_id, row.published, Event.model_validate_json(row.event))
            for row in rows
        ]

    def sources(self, article_id: str) -> list[StoredSource]:
        query = (
            sa.select(sources)
            .where(sources.c.article_id == article_id)
            .order_by(sources.c.kind != "original", sources.c.id)
        )
        with self._read() as connection:
            return [source_from_row(row) for row in connection.execute(query)]

    def near_duplicates(self, article_id: str) -> list[NearDuplicate]:
        links = near_duplicates.c
        other = sa.case((links.article_id == article_id, links.other_id), else_=links.article_id)
        query = (
            sa.select(other.label("other"), links.similarity)
            .where((links.article_id == article_id) | (links.other_id == article_id))
            .order_by(links.similarity.desc(), other)
        )
        with self._read() as connection:
            return [
                NearDuplicate(article_id=row.other, similarity=row.similarity)
                for row in connection.execute(query)
            ]

    def failures(self) -> list[StoredFailure]:
        query = sa.select(failures).order_by(failures.c.last_seen.desc(), failures.c.id.desc())
        with self._read() as connection:
            return [failure_from_row(row) for row in connection.execute(query)]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        expression = match_expression(query)
        if not expression or limit < 1:
            return []
        with self._read() as connection:
            rows = connection.execute(_SEARCH, {"query": expression, "limit": limit})
            return [
                SearchHit(row.article_id, row.title, row.published, row.snippet, -row.score)
                for row in rows
            ]

    def counts(self) -> Counts:
        tables = (articles, sources, near_duplicates, analyses, events, failures)
        query = sa.select(
            *(sa.select(sa.func.count()).select_from(t).scalar_subquery() for t in tables)
        )
        with self._read() as connection:
            row = connection.execute(query).one()
        return Counts(*row)

    # Connections.

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as connection:
                yield connection
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.location}: cannot read the database ({_cause(exc)})") from None

    @contextmanager
    def _write(self, what: str) -> Iterator[sa.Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        try:
            with self._engine.connect() as connection:
                connection.execution_options(frontwatch_write=True)
                with connection.begin():
                    yield connection
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{self.location}: cannot store {what} ({_cause(exc)})") from None


def match_expression(query: str) -> str:
    """An FTS5 expression for a plain query: every word or "quoted phrase" must occur.

    Words inside one whitespace-separated term (``Kherson-based``) form a phrase; a trailing
    ``*`` asks for a prefix. Everything else is quoted, so no input is a syntax error.
    """
    parts: list[str] = []
    for match in _TERM.finditer(query):
        phrase, phrase_star, term = match.groups()
        text = phrase if phrase is not None else term
        words = _WORD.findall(text)
        if not words:
            continue
        star = phrase_star if phrase is not None else "*" if term.endswith("*") else ""
        parts.append('"' + " ".join(words) + '"' + star)
    return " ".join(parts)


def _engine(path: Path) -> sa.Engine:
    url = sa.URL.create("sqlite", database=str(path))
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT})

    @sa.event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the sqlite3 module (see "begin" below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        write = connection.get_execution_options().get("frontwatch_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _cause(exc: sa.exc.SQLAlchemyError) -> str:
    """The driver's message, without SQLAlchemy's statement dump and links."""
    original = getattr(exc, "orig", None)
    return str(original) if original is not None else str(exc).split("\n", 1)[0]


def _exists(connection: sa.Connection, condition: sa.ColumnElement[bool]) -> bool:
    return connection.scalar(sa.select(sa.literal(1)).where(condition).limit(1)) is not None


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, _CHUNK)):
        yield chunk


def _add_sources(
    connection: sa.Connection,
    article_id: str,
    refs: Iterable[tuple[SourceKind, SourceRef, dt.date | None]],
    now: dt.datetime,
) -> int:
    """Insert the sources whose origin the article does not have yet; return how many."""
    known = set(
        connection.scalars(sa.select(sources.c.origin).where(sources.c.article_id == article_id))
    )
    rows = []
    for kind, ref, published in refs:
        if ref.origin in known:
            continue
        known.add(ref.origin)
        rows.append(source_row(article_id, kind, ref, published, now))
    if rows:
        connection.execute(sa.insert(sources), rows)
    return len(rows)


def _resolve_failures(connection: sa.Connection, origins: Sequence[str | None]) -> None:
    """Forget the failures of inputs that have now been stored (a file fixed since)."""
    known = [origin for origin in origins if origin is not None]
    if known:
        connection.execute(sa.delete(failures).where(failures.c.source.in_(known)))


def _add_links(
    connection: sa.Connection,
    article_id: str,
    links: Sequence[NearDuplicate],
    now: dt.datetime,
) -> None:
    rows = []
    for link in links:
        first, second = sorted((article_id, link.article_id))
        rows.append(
            {"article_id": first, "other_id": second, "similarity": link.similarity, "seen": now}
        )
    if rows:
        connection.execute(sqlite_insert(near_duplicates).on_conflict_do_nothing(), rows)


def _replace_analysis(
    connection: sa.Connection, analysis: ArticleAnalysis, signature: str, now: dt.datetime
) -> int:
    """Store ``analysis`` as the article's current one, with its events; return the count."""
    article_id = analysis.article.id
    connection.execute(
        sa.update(analyses)
        .where(analyses.c.article_id == article_id, analyses.c.is_current)
        .values(is_current=False)
    )
    connection.execute(sa.delete(events).where(events.c.article_id == article_id))
    analysis_id = connection.execute(
        sa.insert(analyses)
        .values(
            article_id=article_id,
            signature=signature,
            is_current=True,
            analysis=analysis.model_dump_json(),
            created=now,
        )
        .returning(analyses.c.id)
    ).scalar_one()
    rows = [event_row(event, article_id, analysis_id) for event in analysis.events or ()]
    if rows:
        connection.execute(sa.insert(events), rows)
    return len(rows)


def _inside(box: BBox) -> tuple[sa.ColumnElement[bool], ...]:
    """Conditions for an event point inside ``box``: the R*Tree narrows, the columns decide."""
    if box.west > box.east or box.south > box.north:
        raise ValueError(f"bounding box {tuple(box)} is not west, south, east, north")
    points = _event_points.c
    candidates = sa.select(points.id).where(
        points.min_lon <= box.east,
        points.max_lon >= box.west,
        points.min_lat <= box.north,
        points.max_lat >= box.south,
    )
    return (
        events.c.seq.in_(candidates),
        events.c.lon.between(box.west, box.east),
        events.c.lat.between(box.south, box.north),
    )
