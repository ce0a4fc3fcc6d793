"""The store commands as a user runs them: real processes, a real store, the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from claimscope.model.analysis import Analysis
from claimscope.store import open_store
from claimscope.store.schema import alembic_config, head_revision, parse_target

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "demo" / "corpus" / "05-ledger-leaked-memo.txt"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimscope.cli.main", *args], capture_output=True,
                          text=True, cwd=REPO)


def test_show_json_is_byte_for_byte_what_analyze_printed(store_url):
    analyzed = _cli("analyze", str(ARTICLE), "--format", "json")
    assert analyzed.returncode == 0, analyzed.stderr
    analysis = Analysis.from_dict(json.loads(analyzed.stdout))
    with open_store(store_url) as store:
        store.save(analysis)
    shown = _cli("show", analysis.document.id, "--db", store_url, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == analyzed.stdout
    for fmt in ("markdown", "html", "terminal"):
        rendered = _cli("show", analysis.document.id, "--db", store_url, "--format", fmt)
        assert rendered.returncode == 0 and "Leaked memo" in rendered.stdout
    missing = _cli("show", "doc-0000000000000000", "--db", store_url)
    assert missing.returncode == 2 and "E407" in missing.stderr


def test_search_and_stats_commands(filled, store_url):
    found = _cli("search", '"port essary"', "--db", store_url, "--status", "reported", "--format", "json")
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["filters"] == {"status": "reported"} and data["hits"]
    assert all(h["status"] == "reported" and "[" in h["snippet"] for h in data["hits"])
    terminal = _cli("search", "brigade", "--db", store_url, "--outlet", "Kestria Today", "--limit", "3")
    assert terminal.returncode == 0 and "Kestria Today" in terminal.stdout
    bad = _cli("search", "(brigade", "--db", store_url)
    assert bad.returncode == 2 and "E405" in bad.stderr and "parenthesis" in bad.stderr
    stats = _cli("stats", "--db", store_url, "--format", "json")
    assert json.loads(stats.stdout) == filled.stats()
    assert "by status" in _cli("stats", "--db", store_url).stdout


def test_upgrade_command(store_url):
    engine = create_engine(parse_target(store_url).url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
    engine.dispose()
    needs = _cli("stats", "--db", store_url)
    assert needs.returncode == 2 and "E404" in needs.stderr and "claimscope upgrade" in needs.stderr
    done = _cli("upgrade", "--db", store_url)
    assert done.returncode == 0 and f"0001 -> {head_revision()}" in done.stdout
    assert "already up to date" in _cli("upgrade", "--db", store_url).stdout
    assert _cli("stats", "--db", store_url).returncode == 0
