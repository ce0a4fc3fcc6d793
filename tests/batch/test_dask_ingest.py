"""`ingest --scheduler` on a real Dask LocalCluster of two worker processes, into SQLite and
PostgreSQL: every text stored once and as a local ingest stores it, a worker killed with SIGKILL
mid-run loses nothing and doubles nothing, and a rerun changes nothing."""

from __future__ import annotations

import json
import os
import signal
import threading
import time

import pytest
from helpers import run, summary

# Ten short articles written for this test (no gold data); each a different text.
TEXTS = [
    "Harbour officials in Port Essary said on Monday that a crane collapse had closed the east "
    "quay. \"Nobody was hurt,\" the port director Lena Hoff told reporters.",
    "The council of Valdmark voted to raise bus fares by ten percent, according to minutes "
    "published on Friday. Critics say the rise may hit students hardest.",
    "Police in Kelsford arrested two men after a break-in at the town museum, a spokesman said. "
    "Investigators believe the thieves were after a collection of silver coins.",
    "Farmers near Norholm warned that the dry spring could halve this year's wheat harvest. The "
    "agriculture ministry has not yet commented on the forecast.",
    "Nadia Karim, the mayor of Oster Bay, announced a new ferry link to the islands. She said the "
    "service would start in June if the budget is approved.",
    "A report by the Coastline Institute found that rents in Brightwater rose faster than wages "
    "for the fifth year in a row. Landlords dispute the figures.",
    "The hospital in Castellane will open a second emergency ward next month, its director Owen "
    "Pryce confirmed. Staff unions claim the ward is still short of nurses.",
    "Striking rail workers in Duneby returned to work on Thursday after a pay deal, the union "
    "said. Trains are expected to run normally from the weekend.",
    "Scientists at the Valdmark observatory reported a bright comet visible to the naked eye. "
    "It will probably be seen best just before dawn, they said.",
    "The energy regulator fined Northgrid Power two million euros for repeated blackouts, "
    "a statement said. The company allegedly ignored earlier warnings.",
]


@pytest.fixture(scope="module")
def cluster():
    """A real Dask cluster on this machine: a scheduler and two worker processes (nannies)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                      silence_logs=50) as local, Client(local, set_as_default=False) as client:
        yield local, client


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Eight files, one copy of a file under another name, and a feed of two rows and a bad one."""
    root = tmp_path_factory.mktemp("inputs")
    folder = root / "articles"
    folder.mkdir()
    for i, text in enumerate(TEXTS[:8]):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    (folder / "copy-of-a3.txt").write_text(TEXTS[3], encoding="utf-8")
    rows = [{"text": TEXTS[8], "outlet": "Coastline Wire"}, {"title": "no text"},
            {"text": TEXTS[9], "outlet": "The Morning Ledger"}]
    (root / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [str(folder), str(root / "feed.jsonl")]


@pytest.fixture(scope="module")
def local_analyses(inputs, tmp_path_factory):
    """What a local ingest (one process) stores for each text: document id -> analysis dict."""
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    settings = Settings()
    settings.db = str(tmp_path_factory.mktemp("local") / "local.db")
    ws = Workspace(settings)
    try:
        list(ws.ingest(inputs, workers=1))
        return {doc_id: ws.store.load(doc_id).analysis.as_dict() for doc_id in ws.store.pipeline_versions()}
    finally:
        ws.close()


def _row_counts(url: str) -> dict[str, int]:
    import sqlalchemy as sa

    from claimscope.store import tables as T

    engine = sa.create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.connect() as conn:
            return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for t in T.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(cluster, inputs, store_url, local_analyses):
    from claimscope.settings import Settings
    from claimscope.store import open_store
    from claimscope.workspace import Workspace

    local, client = cluster
    client.wait_for_workers(2, timeout=120)  # a worker killed by the previous run is back
    targets = inputs
    settings = Settings()
    settings.db = store_url
    killed: list[int] = []
    stop = threading.Event()

    def kill_a_busy_worker() -> None:
        # SIGKILL the first worker seen with a task of ours assigned: it dies mid-analysis.
        pids = client.run(os.getpid)
        while not stop.is_set():
            busy = [w for w, keys in client.processing().items()
                    if w in pids and any(str(k).startswith("claimscope-analyze") for k in keys)]
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])
                return
            time.sleep(0.01)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    ws = Workspace(settings)
    try:
        results = list(ws.ingest(targets, scheduler=local.scheduler_address))
    finally:
        stop.set()
        killer.join()
        ws.close()
    assert killed, "no worker was busy to kill"
    deadline = time.monotonic() + 60
    while killed[0] in client.run(os.getpid).values() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert killed[0] not in client.run(os.getpid).values(), "the worker did not die"
    outcomes = sorted(r.outcome.value for r in results)
    assert outcomes == sorted(["stored"] * 10 + ["publication_added"] + ["failed"]), outcomes
    assert [r.error.code for r in results if r.error] == ["E102"]

    with open_store(store_url) as store:
        stored = {doc_id: store.load(doc_id) for doc_id in store.pipeline_versions()}
    assert {d.analysis.document.text for d in stored.values()} == set(TEXTS)
    assert stored.keys() == local_analyses.keys()
    for doc_id, doc in stored.items():  # exactly what a local ingest stores, fact for fact
        assert doc.analysis.as_dict() == local_analyses[doc_id], doc.analysis.document.name
    assert sum(len(d.publications) for d in stored.values()) == 11
    counts = _row_counts(store_url)
    assert counts["documents"] == counts["analyses"] == 10 and counts["publications"] == 11

    ws = Workspace(settings)
    try:  # the same command again: every input known, nothing written
        again = list(ws.ingest(targets, scheduler=local.scheduler_address))
    finally:
        ws.close()
    assert sorted(r.outcome.value for r in again) == sorted(["already_stored"] * 11 + ["failed"])
    assert _row_counts(store_url) == counts


def test_cli_ingest_on_the_cluster_prints_the_local_summary_and_exit_code(cluster, inputs, tmp_path):
    local, client = cluster
    client.wait_for_workers(2, timeout=120)
    result = run("ingest", *inputs, "--db", str(tmp_path / "cli.db"), "--scheduler", local.scheduler_address)
    assert result.returncode == 1, result.stderr  # the bad row fails alone, as in a local batch
    assert summary(result.stdout) == {"stored": 10, "already_stored": 0, "publication_added": 1,
                                      "failed": 1}
    assert "E102" in result.stderr and "feed.jsonl#2" in result.stderr


def test_an_unreachable_scheduler_is_one_coded_line_and_exit_2(tmp_path):
    import socket
    import subprocess

    from helpers import command

    from claimscope.dask_pool import DaskAnalysisPool
    from claimscope.errors import SchedulerUnreachable
    from claimscope.settings import Settings

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    env = {**os.environ, "CLAIMSCOPE_SCHEDULER_TIMEOUT": "1"}
    result = subprocess.run(command("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"),
                                    "--scheduler", address), capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error E601 {address}: "), result.stderr
    assert "dask scheduler" in lines[0]
    with pytest.raises(SchedulerUnreachable, match="nowhere: not a Dask scheduler address"):
        DaskAnalysisPool(Settings(), "nowhere")


def test_a_scheduler_without_workers_says_to_start_some():
    from distributed import LocalCluster

    from claimscope.dask_pool import DaskAnalysisPool
    from claimscope.errors import ClusterWorkersFailed
    from claimscope.settings import Settings

    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", dashboard_address=None,
                      silence_logs=50) as empty:
        with pytest.raises(ClusterWorkersFailed, match="no worker joined .* `dask worker tcp://"):
            DaskAnalysisPool(Settings(), empty.scheduler_address, worker_timeout=1)


def test_a_worker_that_cannot_load_the_pipeline_is_one_coded_error():
    from distributed import LocalCluster

    from claimscope.dask_pool import DaskAnalysisPool
    from claimscope.errors import ClusterWorkersFailed
    from claimscope.settings import Settings

    # A worker of its own: the module's cluster keeps its working plugin.
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None, silence_logs=50) as one:
        with pytest.raises(ClusterWorkersFailed, match=r"could not set claimscope up .*E201 no_such_model"):
            DaskAnalysisPool(Settings(spacy_model="no_such_model"), one.scheduler_address)
