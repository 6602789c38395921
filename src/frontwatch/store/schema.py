"""The store's tables as SQLAlchemy Core metadata, shared by every backend.

This is the schema the migrations in ``migrations/versions/`` build, at their head revision;
queries are written against it. A test compares it with a freshly migrated database, so a
change here needs a migration (and the other way round). Backend-specific objects (SQLite's
FTS5 index and R*Tree, PostgreSQL's tsvector and PostGIS columns) are created by the
migrations only and queried with backend SQL; they are not described here.

Dates are ``Date`` (ISO strings in SQLite, so comparisons are chronological); timestamps are
naive UTC. Structured values (an analysis, an event) are kept whole as frontwatch/1 JSON text
next to the columns queries filter on.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "analyses",
    "articles",
    "events",
    "failures",
    "metadata",
    "near_duplicates",
    "sources",
]

# Deterministic constraint names, so that later migrations can alter them on every backend.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING)

ARTICLE_ID = sa.String(20)
"""Article ids are 20 hex digits of SHA-256 (see ``Article.id``)."""

articles = sa.Table(
    "articles",
    metadata,
    # An integer key that never changes, for the full-text index (SQLite's own rowid of a
    # table without one may be renumbered by VACUUM).
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", ARTICLE_ID, nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("published_basis", sa.String(16)),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("origin", sa.Text),
    sa.Column("first_seen", sa.DateTime, nullable=False),
)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id",
        ARTICLE_ID,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("origin", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("seen", sa.DateTime, nullable=False),
    sa.UniqueConstraint("article_id", "origin"),
)

# One row per pair, ``article_id < other_id``. No foreign keys: a link may name an article of
# the same batch that is stored a moment later (or never, if it failed).
near_duplicates = sa.Table(
    "near_duplicates",
    metadata,
    sa.Column("article_id", ARTICLE_ID, primary_key=True),
    sa.Column("other_id", ARTICLE_ID, primary_key=True, index=True),
    sa.Column("similarity", sa.Float, nullable=False),
    sa.Column("seen", sa.DateTime, nullable=False),
)

analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id",
        ARTICLE_ID,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("signature", sa.Text, nullable=False),
    sa.Column("is_current", sa.Boolean, nullable=False),
    sa.Column("analysis", sa.Text, nullable=False),
    sa.Column("created", sa.DateTime, nullable=False),
    sa.UniqueConstraint("article_id", "signature"),
    sa.Index(
        "uq_analyses_current_article",
        "article_id",
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    ),
)

events = sa.Table(
    "events",
    metadata,
    # Integer key: the R*Tree over event points is keyed by it.
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id",
        ARTICLE_ID,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "analysis_id",
        sa.Integer,
        sa.ForeignKey("analyses.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("actor_id", sa.Text),
    sa.Column("actor_side", sa.String(8)),
    sa.Column("target_id", sa.Text),
    sa.Column("target_side", sa.String(8)),
    sa.Column("place_id", sa.Text, index=True),
    sa.Column("place_name", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("admin1", sa.Text),
    sa.Column("country", sa.String(8)),
    sa.Column("place_precision", sa.String(16)),
    sa.Column("time_earliest", sa.Date),
    sa.Column("time_latest", sa.Date),
    sa.Column("time_precision", sa.String(8)),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("event", sa.Text, nullable=False),
    sa.UniqueConstraint("analysis_id", "event_id"),
    sa.Index("ix_events_time", "time_earliest", "time_latest"),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("first_seen", sa.DateTime, nullable=False),
    sa.Column("last_seen", sa.DateTime, nullable=False),
    sa.UniqueConstraint("source", "error", "reason"),
)
