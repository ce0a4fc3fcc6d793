"""Worker processes: the same plain-data job in and out, and a killed worker loses nothing."""

from __future__ import annotations

import multiprocessing
import os
import signal

from batch_articles import article

from claimscope.batch import AnalysisPool, _Task, run_analyses
from claimscope.jobs import analyze_job, error_from_dict
from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.settings import Settings


def settings() -> Settings:
    s = Settings()
    s.rhetoric = False  # these tests are about processes, not techniques
    return s


def test_analyze_job_is_plain_data_in_and_out(workspace):
    import json

    from claimscope import jobs

    jobs.init_worker(settings())
    result = analyze_job({"name": "a.txt", "text": article(1), "meta": {"outlet": "X"}})
    json.dumps(result)  # crosses any process or machine boundary as JSON
    analysis = Analysis.from_dict(result)
    assert analysis.document.name == "a.txt" and analysis.document.meta == {"outlet": "X"}
    assert analysis.claims and all(article(1)[c.start:c.end] == c.text for c in analysis.claims)
    bad = analyze_job({"name": "b.txt"})  # no text: an error dict, never an exception
    assert set(bad) == {"error"} and error_from_dict(bad["error"]).input == "b.txt"


def test_two_worker_processes_give_what_one_process_gives():
    infos = [DocumentInfo(name=f"a{i}.txt", text=article(i)) for i in range(6)]
    with AnalysisPool(settings(), 1) as pool:
        one = {t.info.name: r for t, r in run_analyses([_Task(i) for i in infos], pool)}
    with AnalysisPool(settings(), 2) as pool:
        two = {t.info.name: r for t, r in run_analyses([_Task(i) for i in infos], pool)}
    assert one.keys() == two.keys() == {i.name for i in infos}
    assert one == two  # one ONNX thread per worker changes nothing in the results


def test_a_killed_worker_process_is_replaced_and_its_documents_retried():
    infos = [DocumentInfo(name=f"k{i}.txt", text=article(i)) for i in range(6)]
    results = {}
    with AnalysisPool(settings(), 2) as pool:
        for n, (task, result) in enumerate(run_analyses([_Task(i) for i in infos], pool)):
            results[task.info.name] = result
            if n == 0:  # SIGKILL every worker while the next documents are in flight
                for child in multiprocessing.active_children():
                    os.kill(child.pid, signal.SIGKILL)
        assert pool.restarts == 1
    assert set(results) == {i.name for i in infos}
    assert not [name for name, r in results.items() if "error" in r]
