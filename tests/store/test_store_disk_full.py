"""A write that fails for want of space rolls that document back and leaves the store usable.

Real failures: a SQLite database capped by `max_page_count` (SQLITE_FULL, works anywhere), a
SQLite file on a tiny tmpfs, and a PostgreSQL tablespace on a tiny tmpfs (ENOSPC from the OS;
both need root to mount, so they are skipped where mounting is not allowed).
"""

from __future__ import annotations

import copy
import os
import secrets
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from claimscope.errors import StoreWriteFailed
from claimscope.model.analysis import Analysis
from claimscope.model.ids import assign_ids
from claimscope.store import open_store
from claimscope.store import tables as T


def _big(analysis: Analysis, kilobytes: int) -> Analysis:
    """The analysis with a long unbroken run of random hex appended (no word to index, little
    to compress), so its text needs real space."""
    data = copy.deepcopy(analysis.as_dict())
    data["document"]["text"] += "\n\n" + secrets.token_hex(kilobytes * 512)
    variant = Analysis.from_dict(data)
    assign_ids(variant)
    return variant


def _consistent(store) -> int:
    with store.engine.connect() as connection:
        documents = connection.execute(select(func.count()).select_from(T.documents)).scalar_one()
        analyses = connection.execute(select(func.count()).select_from(T.analyses)).scalar_one()
        orphans = connection.execute(select(func.count()).select_from(T.claims).where(
            T.claims.c.document.not_in(select(T.documents.c.id)))).scalar_one()
    assert documents == analyses and orphans == 0
    return documents


def _assert_rolled_back_and_usable(store, failed: Analysis, kept: Analysis, free_space) -> None:
    assert not store.has_document(failed.document.id)
    assert _consistent(store) == 1
    assert store.load(kept.document.id).analysis.as_dict() == kept.as_dict()
    assert store.search("explosion OR memo OR brigade")
    free_space()
    assert store.save(failed).value == "stored"
    assert store.load(failed.document.id).analysis.as_dict() == failed.as_dict()


def test_sqlite_full_database_rolls_back(tmp_path, demo_analyses):
    store = open_store(str(tmp_path / "claimscope.db"))
    kept = demo_analyses[0]
    store.save(kept)
    with store.engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar_one()
    cap = {"pages": pages + 3}

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {cap['pages']}")

    store.engine.dispose()  # new connections get the cap
    failed = _big(demo_analyses[1], 64)
    with pytest.raises(StoreWriteFailed) as info:
        store.save(failed)
    assert info.value.code == "E406" and "full" in info.value.message and "\n" not in info.value.message

    def free_space():
        cap["pages"] = 1_000_000
        store.engine.dispose()

    _assert_rolled_back_and_usable(store, failed, kept, free_space)
    store.close()


@contextmanager
def pg_admin(base: str):
    import psycopg
    from sqlalchemy.engine import make_url

    admin = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        yield connection


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(where)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")


def _fill(where: Path, leave_bytes: int) -> Path:
    """A ballast file taking all but `leave_bytes` of the filesystem; removing it frees space."""
    stat = os.statvfs(where)
    ballast = where / "ballast"
    with ballast.open("wb") as handle:
        handle.write(b"\0" * max(0, stat.f_bavail * stat.f_frsize - leave_bytes))
    return ballast


def test_sqlite_on_a_full_disk_rolls_back(tmp_path, demo_analyses):
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "4m")
    try:
        store = open_store(str(disk / "claimscope.db"))
        kept = demo_analyses[0]
        store.save(kept)
        ballast = _fill(disk, 64 * 1024)
        failed = _big(demo_analyses[1], 256)
        with pytest.raises(StoreWriteFailed, match="full"):
            store.save(failed)
        _assert_rolled_back_and_usable(store, failed, kept, ballast.unlink)
        store.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_postgresql_on_a_full_tablespace_rolls_back(tmp_path, demo_analyses):
    from claimscope.store.schema import parse_target

    base = os.environ.get("CLAIMSCOPE_TEST_PG")
    if not base:
        pytest.skip("CLAIMSCOPE_TEST_PG is not set")
    host = parse_target(base).url.host
    if host not in ("127.0.0.1", "localhost", "::1", None):
        pytest.skip("the tablespace must be on the server's machine")
    # Outside pytest's private tmp folders: the server (user postgres) must reach it.
    disk = Path(tempfile.mkdtemp(prefix="claimscope-pgdisk-"))
    disk.chmod(0o755)
    _mount_tmpfs(disk, "24m")
    space = disk / "space"
    space.mkdir()
    subprocess.run(["chown", "postgres", str(space)], check=False)
    name = f"cs_full_{secrets.token_hex(4)}"
    try:
        with pg_admin(base) as admin:
            admin.execute(f"CREATE TABLESPACE {name} LOCATION '{space}'")
            admin.execute(f"CREATE DATABASE {name} TABLESPACE {name}")
        url = parse_target(base).url.set(database=name).render_as_string(hide_password=False)
        store = open_store(url)
        kept = demo_analyses[0]
        store.save(kept)
        ballast = _fill(disk, 256 * 1024)
        failed = _big(demo_analyses[1], 2048)
        with pytest.raises(StoreWriteFailed) as info:
            store.save(failed)
        assert "No space left on device" in info.value.message and "\n" not in info.value.message
        _assert_rolled_back_and_usable(store, failed, kept, ballast.unlink)
        store.close()
    finally:
        with pg_admin(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f"DROP TABLESPACE IF EXISTS {name}")
        subprocess.run(["umount", "-l", str(disk)], check=False)
        disk.rmdir()
