"""`claimscope ingest` and `reanalyze` as a user runs them, and Workspace.ingest in process."""

from __future__ import annotations

import json
from pathlib import Path

from batch_articles import article, row
from helpers import run, summary


def test_ingest_reports_each_outcome_and_reingest_analyses_nothing(corpus, store_url, monkeypatch):
    from claimscope import jobs
    from claimscope.settings import Settings
    from claimscope.workspace import Workspace

    args = ("ingest", str(corpus["folder"]), str(corpus["rows"]), "--db", store_url, "--workers", "2")
    first = run(*args)
    assert first.returncode == 0, first.stderr
    assert summary(first.stdout) == {"stored": 34, "already_stored": 0, "publication_added": 1,
                                     "failed": 0}
    settings = Settings()
    settings.db = store_url
    ws = Workspace(settings)

    def no_analysis(payload):
        raise AssertionError(f"{payload['name']} was analysed again")

    monkeypatch.setattr(jobs, "analyze_job", no_analysis)
    try:
        results = list(ws.ingest([str(corpus["folder"]), str(corpus["rows"])], workers=1))
        assert {r.outcome.value for r in results} == {"already_stored"} and len(results) == 35
        assert ws._nlp is None  # no pipeline was even loaded
        doc = ws.store.load(results[-1].document)
        assert doc.publications[0].outlet == row(33)["outlet"]
        assert doc.publications[0].name == f"{corpus['rows']}#10"
    finally:
        ws.close()


def test_bad_rows_and_inputs_fail_alone_with_exit_1(tmp_path, store_url):
    rows = tmp_path / "feed.jsonl"
    rows.write_text(json.dumps(row(40)) + "\n{oops\n" + json.dumps({"title": "x"}) + "\n"
                    + json.dumps(row(41)) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = run("ingest", str(rows), str(empty), str(tmp_path / "missing.txt"), "--db", store_url,
                 "--workers", "1", "--no-rhetoric")
    assert result.returncode == 1, result.stderr
    assert summary(result.stdout) == {"stored": 2, "already_stored": 0, "publication_added": 0,
                                      "failed": 4}
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert any(f"{rows}#2: row 2 is not JSON" in line and "E100" in line for line in failed)
    assert any(f"{rows}#3: row 3 has no text" in line and "E102" in line for line in failed)
    assert any("empty.txt" in line and "E102" in line for line in failed)
    assert any("missing.txt" in line and "E101" in line for line in failed)


def test_columns_map_a_csv_of_other_names(tmp_path, store_url):
    import csv

    path = tmp_path / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["body", "source", "published"])
        w.writerow([article(50), "Harbour Post", "2025-04-01"])
    result = run("ingest", str(path), "--db", store_url, "--workers", "1", "--no-rhetoric",
                 "--columns", "text=body,outlet=source,date=published")
    assert result.returncode == 0, result.stderr
    from claimscope.store import open_store

    with open_store(store_url) as store:
        (doc_id,) = store.pipeline_versions()
        pub = store.load(doc_id).publications[0]
    assert (pub.outlet, pub.date, pub.name) == ("Harbour Post", "2025-04-01", f"{path}#1")
    bad = run("ingest", str(path), "--db", store_url, "--columns", "body=text")
    assert bad.returncode == 2 and "E301" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_an_unreachable_store_is_fatal_with_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(article(1))
    result = run("ingest", str(tmp_path / "a.txt"), "--db",
                 "postgresql+psycopg://nobody@127.0.0.1:9/nothing")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "E401" in lines[0] and "127.0.0.1" in lines[0]


def test_reanalyze_reruns_stale_or_all_documents_and_keeps_the_facts(corpus, store_url):
    from claimscope.store import open_store

    files = [str(corpus["folder"] / f"art-0{i}.txt") for i in range(3)]
    assert run("ingest", *files, "--db", store_url, "--workers", "1").returncode == 0
    with open_store(store_url) as store:
        before = {i: store.load(i).analysis.as_dict() for i in store.pipeline_versions()}
    stale = run("reanalyze", "--db", store_url, "--workers", "1")
    assert stale.returncode == 0 and summary(stale.stdout) == {"reanalysed": 0, "failed": 0}
    every = run("reanalyze", "--db", store_url, "--all", "--workers", "1")
    assert every.returncode == 0, every.stderr
    assert summary(every.stdout) == {"reanalysed": 3, "failed": 0}
    with open_store(store_url) as store:
        after = {i: store.load(i).analysis.as_dict() for i in store.pipeline_versions()}
    assert after == before  # the same pipeline gives the same facts, swapped in place


def test_a_missing_model_ends_the_batch_with_one_error(corpus, tmp_path):
    result = run("ingest", str(corpus["folder"]), "--db", str(tmp_path / "s.db"), "--workers", "1",
                 "--spacy-model", "no_such_model")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "E201" in lines[0] and "no_such_model" in lines[0]


def test_a_folder_manifest_gives_each_file_its_publication(tmp_path):
    import shutil

    from claimscope.store import open_store

    demo = Path(__file__).resolve().parents[2] / "demo" / "corpus"
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("manifest.json", "01-coastline-port-blast.txt", "02-essary-herald-port-blast.txt"):
        shutil.copy(demo / name, folder / name)
    manifest = {d["file"]: d for d in json.loads((demo / "manifest.json").read_text())["documents"]}
    db = str(tmp_path / "s.db")
    result = run("ingest", str(folder), "--db", db, "--workers", "1", "--no-rhetoric")
    assert result.returncode == 0 and summary(result.stdout)["stored"] == 2, result.stderr
    with open_store(db) as store:
        pubs = [p for i in store.pipeline_versions() for p in store.load(i).publications]
    for pub in pubs:
        entry = manifest[Path(pub.name).name]
        assert (pub.outlet, pub.author, pub.date, pub.title, pub.url) == (
            entry["outlet"], entry["author"], entry["date"], entry["title"], entry["url"])


def test_a_single_unreadable_input_exits_2_as_analyze_does(tmp_path, store_url):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    result = run("ingest", str(empty), "--db", store_url, "--workers", "1", "--no-rhetoric")
    assert result.returncode == 2, result.stderr
    assert "E102" in result.stderr and "empty.txt" in result.stderr


def test_no_ledger_stores_and_links_and_leaves_placing_to_the_next_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        (folder / f"a{i}.txt").write_text(article(i), encoding="utf-8")
    db = str(tmp_path / "claimscope.db")
    done = run("ingest", str(folder), "--db", db, "--workers", "1", "--no-ledger")
    assert done.returncode == 0, done.stderr
    from claimscope.store import open_store

    with open_store(db) as store:
        pending = store.ledger_pending()
        assert len(pending) == 2
        assert all(row["corpus_entity"] for row in store.document_entities())  # linked all the same
    clusters = run("clusters", "--db", db, "--format", "json")
    assert clusters.returncode == 0, clusters.stderr
    with open_store(db) as store:
        assert store.ledger_pending() == []
