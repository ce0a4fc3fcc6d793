"""The corpus store: SQLAlchemy 2 tables on SQLite (default) or PostgreSQL; the only SQL lives here.

    from claimscope.store import open_store
    store = open_store("claimscope.db")                       # a SQLite file
    store = open_store("postgresql+psycopg://user@host/db")   # a PostgreSQL database

The store knows `claimscope.model` records and nothing of spaCy, the ledger or the renderers.
"""

from claimscope.store.repository import SaveOutcome, Store, open_store

__all__ = ["SaveOutcome", "Store", "open_store"]
