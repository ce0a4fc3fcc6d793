"""Opening a store: the engine per dialect, the schema revision check, and migrations.

SQLite gets WAL (readers never wait for the writer), a 30 s busy timeout, foreign keys, and
`BEGIN IMMEDIATE` for write transactions, so two processes writing at once queue for the write
lock instead of failing. PostgreSQL takes an advisory lock while it creates or migrates, so two
processes opening a new database at once never both create the tables.

Every failure here is a one-line `StoreError` naming the file or the host, never a traceback.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from claimscope.errors import NotAStore, StoreNeedsUpgrade, StoreTooNew, StoreUnreachable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
MMAP_BYTES = 2_147_418_112  # SQLite's default compiled maximum
PG_CONNECT_TIMEOUT_S = 10
_SQLITE_HEADER = b"SQLite format 3\x00"
_PG_MIGRATION_LOCK = 0x636C6D73  # "clms": one key for every claimscope store on a server
# Tables every claimscope store has; a database with an alembic_version but not these is
# someone else's.
_OUR_TABLES = {"documents", "claims", "publications"}
WRITE = "claimscope_write"  # execution option: this connection's transactions write


@dataclass(frozen=True)
class Target:
    url: URL
    display: str  # what errors name: the path, or host:port/database (never a password)

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()


def parse_target(target: str) -> Target:
    """A SQLite path, or a SQLAlchemy URL (`sqlite:///path`, `postgresql+psycopg://...`)."""
    if "://" not in target:
        path = Path(target).expanduser()
        return Target(URL.create("sqlite+pysqlite", database=str(path.absolute())), str(target))
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise StoreUnreachable(target, f"not a database URL ({exc})") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise StoreUnreachable(target, "a store needs a file: give a path, not an in-memory database")
        return Target(url.set(drivername="sqlite+pysqlite"), url.database)
    if backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        where = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"
        return Target(url, where)
    raise StoreUnreachable(target, f"claimscope stores live in SQLite or PostgreSQL, not {backend}")


def make_engine(target: Target, *, create: bool = True) -> Engine:
    if target.dialect == "sqlite":
        _check_sqlite_file(target, create)
        engine = create_engine(target.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(target.url, pool_pre_ping=True,
                             connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S})
    except NoSuchModuleError as exc:
        raise StoreUnreachable(target.display, f"no driver for this URL ({exc})") from None


def _check_sqlite_file(target: Target, create: bool) -> None:
    path = Path(target.url.database)
    if not create and not path.exists():
        # Opening would make an empty file: a command that only reads must not leave one behind.
        raise NotAStore(target.display, "no such file: there is no store here (ingest makes one)")
    if path.is_dir():
        raise NotAStore(target.display, "is a folder, not a claimscope store")
    if path.exists():
        try:
            with path.open("rb") as handle:
                head = handle.read(len(_SQLITE_HEADER))
        except OSError as exc:
            raise StoreUnreachable(target.display, f"cannot be read ({exc.strerror})") from None
        if head and head != _SQLITE_HEADER:
            raise NotAStore(target.display, "is not a SQLite database, so not a claimscope store")
    elif not path.parent.is_dir():
        raise StoreUnreachable(target.display, f"cannot be created: {path.parent} is not a folder")


def _sqlite_connect(dbapi_connection, _record) -> None:
    # The driver must not open transactions itself: `_sqlite_begin` decides their kind.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")  # with WAL: no loss on a process crash
    # Pages read from the mapped file, not copied by a read call each: a ledger update reads
    # some thousands of index pages a document (CPU -8% at 10k, docs/scale.md). SQLite caps the
    # map at its compiled maximum (2 GB here); the rest of a larger file is read as before.
    cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    # Checkpoints every 10,000 pages, not 1,000: a page that every placement rewrites (an
    # index's interior, a common key's newest leaf) goes to the database file once per checkpoint.
    cursor.execute("PRAGMA wal_autocheckpoint = 10000")
    cursor.close()


def _switch_to_wal(cursor) -> None:
    # Turning a new file to WAL needs the write lock while the pragma already holds a read
    # lock; when two processes create one store at once, SQLite answers "locked" at once instead
    # of calling the busy handler (it would be a deadlock), so the wait is ours to do.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(connection: Connection) -> None:
    # A write takes the write lock at BEGIN, waiting (busy_timeout) for another writer; a
    # deferred transaction that later wrote could fail instead of waiting when both collide.
    kind = "IMMEDIATE" if connection.get_execution_options().get(WRITE) else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {kind}")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return script().get_current_head()


@dataclass(frozen=True)
class State:
    revision: str | None  # None: an empty database
    tables: frozenset[str]


def read_state(connection: Connection, target: Target) -> State:
    tables = frozenset(inspect(connection).get_table_names())
    if not tables:
        return State(None, tables)
    if "alembic_version" not in tables or not _OUR_TABLES <= tables:
        shown = ", ".join(sorted(tables - {"alembic_version"})[:4]) or "alembic_version"
        raise NotAStore(target.display, f"holds other tables ({shown}), not a claimscope store")
    revision = MigrationContext.configure(connection).get_current_revision()
    return State(revision, tables)


def prepare(engine: Engine, target: Target, *, create: bool, upgrade: bool) -> str:
    """Check the store's revision, creating or migrating it when allowed; returns the revision."""
    head = head_revision()
    with engine.connect() as connection:
        state = read_state(connection, target)
        connection.rollback()
    if state.revision == head:
        return head
    _judge(state, target, head, create=create, upgrade=upgrade)
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            if target.dialect == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            state = read_state(connection, target)  # another process may have done it meanwhile
            if state.revision != head:
                _judge(state, target, head, create=create, upgrade=upgrade)
                command.upgrade(alembic_config(connection), "head")
    return head


def prepare_patiently(engine: Engine, target: Target, *, create: bool, upgrade: bool) -> str:
    """`prepare`, waiting out SQLite's "database is locked" while another process creates or
    migrates the same file: a lock taken on a path where SQLite skips the busy handler (a read
    lock held while asking for the write lock) fails at once, and only a retry can wait."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return prepare(engine, target, create=create, upgrade=upgrade)
        except DBAPIError as exc:
            locked = target.dialect == "sqlite" and "locked" in _first_line(exc).lower()
            if not locked or time.monotonic() > deadline:
                raise
            engine.dispose()  # start again from fresh connections, with no stale lock held
            time.sleep(0.05)


def _judge(state: State, target: Target, head: str, *, create: bool, upgrade: bool) -> None:
    if state.revision is None:
        if not state.tables and create:
            return
        if not state.tables:
            raise NotAStore(target.display, "is an empty database, not a claimscope store yet")
        raise NotAStore(target.display, "has no schema revision, so it is not a claimscope store")
    known = {rev.revision for rev in script().walk_revisions()}
    if state.revision not in known:
        raise StoreTooNew(target.display, f"was made by a newer claimscope (schema {state.revision}; "
                                          f"this one knows up to {head}): upgrade claimscope")
    if not upgrade:
        raise StoreNeedsUpgrade(target.display, f"has schema {state.revision}, this claimscope needs "
                                                f"{head}: run `claimscope upgrade --db {target.display}`")


def connection_error(target: Target, exc: DBAPIError) -> Exception:
    """The one-line error for a failure to reach or open the database."""
    reason = _first_line(exc)
    lowered = reason.lower()
    if target.dialect == "sqlite":
        if "not a database" in lowered or "malformed" in lowered:
            return NotAStore(target.display, "is not a SQLite database, so not a claimscope store")
        return StoreUnreachable(target.display, f"cannot be opened for writing ({reason})")
    return StoreUnreachable(target.display, f"PostgreSQL at {target.display} cannot be reached ({reason})")


def _first_line(exc: DBAPIError) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def upgrade_store(url: str) -> tuple[str, str]:
    """Migrate an existing store to this claimscope's schema: (revision before, revision now)."""
    target = parse_target(url)
    engine = make_engine(target, create=False)
    try:
        with engine.connect() as connection:
            before = read_state(connection, target).revision
        if before is None:
            raise NotAStore(target.display, "is an empty database, not a claimscope store yet")
        after = prepare(engine, target, create=False, upgrade=True)
        if target.dialect == "sqlite":
            rebuild_sqlite_search(engine)
        return before, after
    except DBAPIError as exc:
        raise connection_error(target, exc) from None
    finally:
        engine.dispose()


def rebuild_sqlite_search(engine: Engine) -> None:
    """Rebuild the FTS5 indexes from the tables. They point at rowids, which a `VACUUM` may
    renumber; `claimscope upgrade` runs this, so it is also the repair after a VACUUM."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            for fts in ("claims_fts", "documents_fts"):
                connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
