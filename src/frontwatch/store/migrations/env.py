"""Alembic's environment for the store: runs migrations on a connection or a URL.

:func:`frontwatch.store.migrate.upgrade` passes an open connection (in
``config.attributes["connection"]``) whose transaction it owns, so a migration and the
version bump commit together. Without one (Alembic's own command line, with
``sqlalchemy.url`` set) an engine is made from the URL; offline mode prints the SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from frontwatch.store.schema import metadata

config = context.config


def _online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as owned:
        context.configure(connection=owned, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def _offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _offline()
else:
    _online()
