"""Opening the wrong thing is a one-line error naming it: not a store, too new, too old,
unreachable, unwritable. Each on the real database, never a mock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from claimscope.errors import NotAStore, StoreNeedsUpgrade, StoreTooNew, StoreUnreachable
from claimscope.store import open_store, upgrade_store
from claimscope.store.schema import alembic_config, head_revision, parse_target


def _one_line(error) -> str:
    assert "\n" not in error.message and "Traceback" not in error.message
    return error.message


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(parse_target(url).url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def test_a_text_file_is_not_a_store(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a database\n" * 20)
    with pytest.raises(NotAStore) as info:
        open_store(str(path))
    assert info.value.code == "E402" and str(path) in _one_line(info.value)
    assert path.read_text() == "not a database\n" * 20  # untouched


def test_someone_elses_database_is_not_a_store(store_url):
    _execute(store_url, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    with pytest.raises(NotAStore, match="other tables \\(invoices\\)") as info:
        open_store(store_url)
    _one_line(info.value)


def test_a_missing_store_is_not_created_when_only_reading(tmp_path):
    path = tmp_path / "typo.db"
    with pytest.raises(NotAStore, match="no such file"):
        open_store(str(path), create=False)
    assert not path.exists()


def test_a_store_from_a_newer_claimscope(store_url):
    open_store(store_url).close()
    _execute(store_url, "UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(StoreTooNew, match="newer claimscope \\(schema 0099") as info:
        open_store(store_url)
    assert info.value.code == "E403"
    _one_line(info.value)


def test_an_older_store_needs_upgrade_and_upgrades_keeping_its_documents(store_url, demo_analyses):
    # A store as the first release made it: schema 0001, without the search tables.
    engine = create_engine(parse_target(store_url).url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    engine.dispose()
    with pytest.raises(StoreNeedsUpgrade, match="claimscope upgrade") as info:
        open_store(store_url)
    assert info.value.code == "E404"
    _one_line(info.value)
    # Facts written at 0001 must be searchable once migrated (the FTS tables are rebuilt).
    from claimscope.store.sql import SqlStore

    target = parse_target(store_url)
    from claimscope.store.schema import make_engine

    old = SqlStore(make_engine(target), target, "0001")
    old.save(demo_analyses[0])
    old.close()
    assert upgrade_store(store_url) == ("0001", head_revision())
    with open_store(store_url) as store:
        assert store.load(demo_analyses[0].document.id).analysis.as_dict() == demo_analyses[0].as_dict()
        assert store.search("explosion")
    assert upgrade_store(store_url) == (head_revision(), head_revision())


def test_open_store_upgrade_flag(store_url):
    engine = create_engine(parse_target(store_url).url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    engine.dispose()
    with open_store(store_url, upgrade=True) as store:
        assert store.revision == head_revision()


def test_an_unreachable_postgresql_names_the_host():
    with pytest.raises(StoreUnreachable) as info:
        open_store("postgresql+psycopg://claimscope@127.0.0.1:1/claimscope")
    message = _one_line(info.value)
    assert info.value.code == "E401" and "127.0.0.1:1" in message and "cannot be reached" in message


def test_an_unwritable_sqlite_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreUnreachable, match="is not a folder") as info:
        open_store(str(blocker / "claimscope.db"))
    _one_line(info.value)


def test_a_read_only_filesystem(tmp_path):
    """A path that exists but cannot be written (a read-only mount, as root cannot be refused
    by permissions): the store cannot be made there, and says so in one line."""
    mount = tmp_path / "ro"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a read-only tmpfs here (needs root)")
    try:
        with pytest.raises(StoreUnreachable) as info:
            open_store(str(mount / "claimscope.db"))
        assert str(mount / "claimscope.db") in _one_line(info.value)
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_the_cli_says_it_in_one_line(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    done = subprocess.run([sys.executable, "-m", "claimscope.cli.main", "stats", "--db", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "E402" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, "-m", "claimscope.cli.main", "search", '"open', "--db",
                           str(tmp_path / "x.db")], capture_output=True, text=True)
    assert done.returncode == 2 and "E402" in done.stderr  # no store there: nothing made
    assert not (tmp_path / "x.db").exists()


def test_a_corrupt_sqlite_header(tmp_path):
    path = tmp_path / "broken.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    data = bytearray(path.read_bytes())
    data[:16] = b"SQLite format 9\x00"
    path.write_bytes(bytes(data))
    with pytest.raises(NotAStore):
        open_store(str(path))
