"""Alembic migrations of the event store (run by ``dyad.store``; no alembic.ini needed)."""
