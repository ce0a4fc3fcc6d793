"""The corpus store: SQLAlchemy 2 tables on SQLite (default) or PostgreSQL; the only SQL lives here.

    from claimscope.store import open_store
    store = open_store("claimscope.db")                       # a SQLite file
    store = open_store("postgresql+psycopg://user@host/db")   # a PostgreSQL database

The store knows `claimscope.model` records and nothing of spaCy, the ledger or the renderers.
"""

from claimscope.store.repository import DocumentSummary, SaveOutcome, Store, open_store


def upgrade_store(url: str) -> tuple[str, str]:
    """Migrate the store at `url` to this claimscope's schema: (revision before, revision now)."""
    from claimscope.store.schema import upgrade_store as upgrade

    return upgrade(url)


__all__ = ["DocumentSummary", "SaveOutcome", "Store", "open_store", "upgrade_store"]
