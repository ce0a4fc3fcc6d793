"""A full disk during ingest: the document being written rolls back, the store stays usable, a
store that keeps refusing writes stops the batch, and the same command later completes it."""

from __future__ import annotations

import os
import subprocess

import pytest
from helpers import check_store, run, summary


@pytest.fixture
def small_disk(tmp_path):
    """A 600 KB tmpfs (needs root, as in CI's container); skipped where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs",
                                            str(mount)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_stops_the_batch_cleanly_and_a_rerun_completes_it(corpus, small_disk):
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    db = str(small_disk / "store.db")
    args = ("ingest", str(corpus["folder"]), str(corpus["rows"]), "--db", db, "--workers", "1",
            "--no-rhetoric")
    full = run(*args)
    assert full.returncode == 2, full.stderr
    counts = summary(full.stdout)
    assert counts["failed"] >= 5 and counts["stored"] < len(corpus["texts"]), counts
    lines = full.stderr.strip().splitlines()
    assert "E406" in lines[-1] and "stopped" in lines[-1] and db in lines[-1]
    assert all("E406" in line and "rolled back" in line for line in lines[:-1] if "failed" in line)

    subprocess.run(["mount", "-o", "remount,size=50m", str(small_disk)], check=True)
    again = run(*args)
    assert again.returncode == 0, again.stderr
    assert summary(again.stdout)["stored"] == len(corpus["texts"]) - counts["stored"]
    settings = Settings()
    settings.rhetoric = False
    check_store(db, corpus["texts"], corpus["inputs"], Workspace(settings))
