"""One module per schema revision, applied in order by Alembic (see ``docs/store.md``)."""
