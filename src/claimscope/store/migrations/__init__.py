"""Alembic migrations of the store, shipped in the package and run by `store/schema.py`."""
