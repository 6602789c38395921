"""Schema migrations: bring a database to the head revision (``alembic upgrade head``).

Takes a SQLAlchemy engine; runs the Alembic scripts shipped in ``migrations/`` inside one
transaction that the caller's engine begins (on SQLite an immediate one, so two processes
opening a new database at once migrate it once). A database already at head costs one query.

Fails with :class:`~frontwatch.store.base.StoreError` when the database carries a revision
these scripts do not know (it was written by a newer frontwatch) or a migration fails.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from frontwatch.store.base import StoreError

__all__ = ["MIGRATIONS", "alembic_config", "current_revision", "head_revision", "upgrade"]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration for the shipped scripts (and ``url``, for Alembic's commands).

    For developers adding a revision::

        command.revision(alembic_config("sqlite:///dev.sqlite"), message="...", rev_id="0002")
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url)
    return config


def head_revision() -> str | None:
    """The newest revision of the shipped scripts."""
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def current_revision(connection: sa.Connection) -> str | None:
    """The revision the database is at; None for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine, where: str) -> str | None:
    """Migrate the database behind ``engine`` to head; ``where`` names it in errors.

    Returns the revision it is at afterwards.
    """
    head = head_revision()
    with engine.connect() as connection:
        if current_revision(connection) == head:
            return head
        connection.rollback()
    config = alembic_config()
    try:
        with engine.connect() as connection:
            connection.execution_options(frontwatch_write=True)
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except CommandError as exc:
        raise StoreError(
            f"{where}: cannot migrate the database to schema revision {head} ({exc}); "
            "was it written by a newer frontwatch?"
        ) from None
    return head
