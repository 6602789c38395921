"""The store: analyzed articles, their sources, events and failures, in a database.

:func:`open_store` picks the backend from the ``database`` setting: a file path or a
``sqlite:///`` URL opens :class:`~frontwatch.store.sqlite.SQLiteStore` (the default,
``frontwatch.sqlite`` in the working directory); ``postgresql://`` is reserved for the
PostgreSQL backend. Every backend implements :class:`Store` (``store/base.py``) and is
migrated to the current schema when opened. Importing this package does not import
SQLAlchemy; opening a store does.
"""

from __future__ import annotations

from pathlib import Path

from frontwatch.config import Settings
from frontwatch.store.base import (
    AddResult,
    AddStatus,
    BBox,
    Counts,
    DateBasis,
    SearchHit,
    SourceKind,
    Store,
    StoredEvent,
    StoredFailure,
    StoredSource,
    StoreError,
    pipeline_signature,
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
    "open_store",
    "pipeline_signature",
]


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """Open the store named by ``settings.database`` (a path or URL), migrated to head.

    With ``create=False`` a missing SQLite file is an error instead of a new empty store
    (for commands that only read).
    """
    target = settings.database.strip()
    if not target:
        raise StoreError("setting 'database' is empty; give a file path or a database URL")
    if "://" not in target:
        return _sqlite(Path(target), create)
    backend, _, rest = target.partition("://")
    backend = backend.split("+", 1)[0].lower()
    if backend == "sqlite":
        # sqlite:///relative.sqlite and sqlite:////absolute/path.sqlite, as in SQLAlchemy.
        path = rest[1:] if rest.startswith("/") else rest
        if not path or path == ":memory:" or "?" in path:
            raise StoreError(
                f"database {target!r}: give a SQLite file, e.g. sqlite:///frontwatch.sqlite "
                "(in-memory databases and URL options are not supported)"
            )
        return _sqlite(Path(path), create)
    if backend in {"postgresql", "postgres"}:
        raise StoreError(
            f"database {_redact(target)!r}: the PostgreSQL backend is not available yet; "
            "use a SQLite file"
        )
    raise StoreError(
        f"database {_redact(target)!r}: unsupported database type {backend!r}; "
        "use a SQLite file path or sqlite:/// URL"
    )


def _sqlite(path: Path, create: bool) -> Store:
    from frontwatch.store.sqlite import SQLiteStore

    return SQLiteStore.open(path, create=create)


def _redact(url: str) -> str:
    """The URL without a password, for messages."""
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
