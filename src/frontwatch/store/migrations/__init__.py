"""Alembic migrations of the store (``env.py`` and ``versions/``); run by ``store.migrate``."""
