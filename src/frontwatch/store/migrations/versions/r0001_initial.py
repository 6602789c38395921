"""Initial store: articles, sources, near-duplicate links, analyses, events, failures.

On SQLite also: an FTS5 index over article titles and texts, and an R*Tree over event points,
both kept up to date by triggers. (A PostgreSQL backend adds its own equivalents in its
branch of this revision: a tsvector index and PostGIS.)

This file is a frozen snapshot: it spells its tables and constraint names out instead of
importing ``frontwatch.store.schema``, which describes the head revision and moves on.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ARTICLE_ID = sa.String(20)

SQLITE_UPGRADE = (
    # External-content FTS5 table: the text lives once, in ``articles``; ``seq`` is the rowid.
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    # R*Tree of event points (a point is a degenerate box), keyed by events.seq.
    "CREATE VIRTUAL TABLE event_points USING rtree(id, min_lon, max_lon, min_lat, max_lat)",
    """CREATE TRIGGER event_points_insert AFTER INSERT ON events
        WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
        INSERT INTO event_points VALUES (new.seq, new.lon, new.lon, new.lat, new.lat);
    END""",
    """CREATE TRIGGER event_points_delete AFTER DELETE ON events BEGIN
        DELETE FROM event_points WHERE id = old.seq;
    END""",
    """CREATE TRIGGER event_points_update AFTER UPDATE OF lat, lon ON events BEGIN
        DELETE FROM event_points WHERE id = old.seq;
        INSERT INTO event_points SELECT new.seq, new.lon, new.lon, new.lat, new.lat
            WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
    END""",
)

SQLITE_DOWNGRADE = (
    "DROP TRIGGER IF EXISTS event_points_update",
    "DROP TRIGGER IF EXISTS event_points_delete",
    "DROP TRIGGER IF EXISTS event_points_insert",
    "DROP TABLE IF EXISTS event_points",
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TABLE IF EXISTS articles_fts",
)


def _article_fk(table: str) -> sa.Column[str]:
    return sa.Column(
        "article_id",
        ARTICLE_ID,
        sa.ForeignKey("articles.id", ondelete="CASCADE", name=f"fk_{table}_article_id_articles"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, autoincrement=True),
        sa.Column("id", ARTICLE_ID, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_basis", sa.String(16)),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_articles"),
        sa.UniqueConstraint("id", name="uq_articles_id"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, autoincrement=True),
        _article_fk("sources"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("seen", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("article_id", "origin", name="uq_sources_article_id_origin"),
    )
    op.create_table(
        "near_duplicates",
        sa.Column("article_id", ARTICLE_ID, nullable=False),
        sa.Column("other_id", ARTICLE_ID, nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("seen", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("article_id", "other_id", name="pk_near_duplicates"),
    )
    op.create_index("ix_near_duplicates_other_id", "near_duplicates", ["other_id"])
    op.create_table(
        "analyses",
        sa.Column("id", sa.Integer, autoincrement=True),
        _article_fk("analyses"),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("analysis", sa.Text, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_analyses"),
        sa.UniqueConstraint("article_id", "signature", name="uq_analyses_article_id_signature"),
    )
    op.create_index(
        "uq_analyses_current_article",
        "analyses",
        ["article_id"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer, autoincrement=True),
        _article_fk("events"),
        sa.Column(
            "analysis_id",
            sa.Integer,
            sa.ForeignKey("analyses.id", ondelete="CASCADE", name="fk_events_analysis_id_analyses"),
            nullable=False,
        ),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("actor_id", sa.Text),
        sa.Column("actor_side", sa.String(8)),
        sa.Column("target_id", sa.Text),
        sa.Column("target_side", sa.String(8)),
        sa.Column("place_id", sa.Text),
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
        sa.PrimaryKeyConstraint("seq", name="pk_events"),
        sa.UniqueConstraint("analysis_id", "event_id", name="uq_events_analysis_id_event_id"),
    )
    op.create_index("ix_events_article_id", "events", ["article_id"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_place_id", "events", ["place_id"])
    op.create_index("ix_events_time", "events", ["time_earliest", "time_latest"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("first_seen", sa.DateTime, nullable=False),
        sa.Column("last_seen", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_failures"),
        sa.UniqueConstraint("source", "error", "reason", name="uq_failures_source_error_reason"),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_DOWNGRADE:
            op.execute(statement)
    for table in ("failures", "events", "analyses", "near_duplicates", "sources", "articles"):
        op.drop_table(table)
