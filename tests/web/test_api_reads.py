"""The REST API's read routes on a real store of the demo corpus (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimscope.model.vocabulary import terms
from claimscope.store import open_store


def pages(api, path: str, **params) -> list[dict]:
    """Every item of a list route, following `next` cursors."""
    items, cursor = [], None
    while True:
        answer = api.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert set(body) == {"items", "next"}
        items.extend(body["items"])
        cursor = body["next"]
        if cursor is None:
            return items


def test_documents_page_through_the_whole_store_in_id_order(api, demo_analyses):
    items = pages(api, "/api/v1/documents", limit=4)
    ids = [d["id"] for d in items]
    assert ids == sorted({a.document.id for a in demo_analyses})
    first = next(d for d in items if d["name"].endswith("01-coastline-port-blast.txt"))
    assert first["outlet"] == "Coastline Wire" and first["date"] == "2025-03-03"
    assert first["title"].startswith("Explosion at Port Essary")
    assert {"id", "name", "title", "outlet", "date"} <= set(first)


def test_document_filters(api, demo_analyses):
    herald = pages(api, "/api/v1/documents", outlet="the essary herald")
    assert {d["outlet"] for d in herald} == {"The Essary Herald"} and len(herald) == 3
    march_14_on = pages(api, "/api/v1/documents", since="2025-03-14")
    assert sorted(d["date"] for d in march_14_on) == ["2025-03-14", "2025-03-15", "2025-03-15", "2025-03-17"]
    assert all(d["date"] <= "2025-03-03" for d in pages(api, "/api/v1/documents", until="2025-03-03"))
    assert len(pages(api, "/api/v1/documents", language="en")) == len(demo_analyses)
    assert pages(api, "/api/v1/documents", language="fr") == []
    derail = pages(api, "/api/v1/documents", q="derail*")
    texts = {a.document.id: a.document.text.lower() for a in demo_analyses}
    assert derail and all("derail" in texts[d["id"]] for d in derail)
    assert {d["id"] for d in derail} == {i for i, t in texts.items() if "derail" in t}


@pytest.mark.parametrize("params, field", [
    ({"since": "2025-13-01"}, "since"), ({"until": "March"}, "until"), ({"limit": 0}, "limit"),
    ({"limit": 100000}, "limit"), ({"q": '"unclosed'}, "q"),
])
def test_a_bad_document_filter_is_a_422_naming_the_field(api, params, field):
    answer = api.get("/api/v1/documents", params=params)
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "E422" and body["message"].startswith(f"{field}:")


def test_one_document_is_its_stored_analysis_in_the_documented_schema(api, demo_analyses):
    analysis = demo_analyses[3]
    answer = api.get(f"/api/v1/documents/{analysis.document.id}")
    assert answer.status_code == 200
    assert answer.json() == json.loads(json.dumps(analysis.as_dict()))
    publications = api.get(f"/api/v1/documents/{analysis.document.id}/publications").json()
    assert [p["outlet"] for p in publications] == [analysis.document.meta["outlet"]]


def test_an_unknown_document_is_a_404_with_its_code(api):
    answer = api.get("/api/v1/documents/doc-0000000000000000")
    assert answer.status_code == 404
    assert answer.json()["code"] == "E407" and "doc-0000000000000000" in answer.json()["message"]


def test_entities_by_type_and_one_entity_with_its_mentions_in_context(api, demo_analyses):
    everyone = pages(api, "/api/v1/entities", limit=7)
    assert [e["id"] for e in everyone] == sorted(e["id"] for e in everyone)
    people = pages(api, "/api/v1/entities", type="person")
    assert people and {e["type"] for e in people} == {"PERSON"}
    kestria = next(e for e in everyone if e["name"] == "Republic of Kestria")
    detail = api.get(f"/api/v1/entities/{kestria['id']}").json()
    assert detail["documents"] == len(detail["in_documents"]["items"]) >= 5
    texts = {a.document.id: a.document.text for a in demo_analyses}
    assert detail["mention_spans"]
    for m in detail["mention_spans"]:  # every mention is a span of its document's text
        assert texts[m["document"]][m["start"]:m["end"]] == m["text"]
    assert sum(d["mentions"] for d in detail["in_documents"]["items"]) == detail["mentions"]
    second = api.get(f"/api/v1/entities/{kestria['id']}/documents", params={"limit": 2}).json()
    rest = pages(api, f"/api/v1/entities/{kestria['id']}/documents", limit=2, cursor=second["next"])
    assert [d["id"] for d in second["items"] + rest] == [d["id"] for d in detail["in_documents"]["items"]]
    missing = api.get("/api/v1/entities/no-such-entity")
    assert missing.status_code == 404 and missing.json()["code"] == "E505"


def test_claim_filters(api, demo_analyses):
    every = pages(api, "/api/v1/claims", limit=25)
    assert len(every) == sum(len(a.claims) for a in demo_analyses)
    assert [c["id"] for c in every] == sorted(c["id"] for c in every)
    hedged = pages(api, "/api/v1/claims", status=["hedged", "speculative"])
    assert hedged and {c["status"] for c in hedged} <= {"hedged", "speculative"}
    assert len(hedged) == sum(c["status"] in ("hedged", "speculative") for c in every)
    anonymous = pages(api, "/api/v1/claims", evidence="anonymous")
    assert anonymous and {c["evidence_kind"] for c in anonymous} == {"anonymous"}
    worthy = pages(api, "/api/v1/claims", check_worthy="true")
    assert len(worthy) == sum(c["check_worthy"] for c in every) and all(c["check_worthy"] for c in worthy)
    herald = pages(api, "/api/v1/claims", outlet="The Essary Herald", until="2025-03-14")
    assert herald and {c["outlet"] for c in herald} == {"The Essary Herald"}
    assert all(c["date"] <= "2025-03-14" for c in herald)
    toll = pages(api, "/api/v1/claims", q="killed OR dead")
    # Words are stemmed: "killed" finds "killing" too.
    assert toll and all(("kill" in c["text"].lower()) or ("dead" in c["text"].lower()) for c in toll)
    railways = pages(api, "/api/v1/claims", entity="Carvelian Railways")
    assert railways and len(railways) < len(every)
    texts = {a.document.id: a.document.text for a in demo_analyses}
    assert all(texts[c["document"]][c["start"]:c["end"]] == c["text"] for c in every)


@pytest.mark.parametrize("params, field", [
    ({"status": "sure"}, "status"), ({"evidence": "rumour"}, "evidence"),
    ({"check_worthy": "maybe"}, "check_worthy"), ({"since": "yesterday"}, "since"),
])
def test_a_bad_claim_filter_is_a_422_naming_the_field(api, params, field):
    answer = api.get("/api/v1/claims", params=params)
    assert answer.status_code == 422 and answer.json()["message"].startswith(field)


def test_openapi_lists_the_statuses_a_filter_accepts(api):
    schema = api.get("/openapi.json").json()
    status = next(p for p in schema["paths"]["/api/v1/claims"]["get"]["parameters"] if p["name"] == "status")
    assert terms("epistemic_status")[0] in json.dumps(status)


def test_clusters_page_and_one_cluster(api, demo_store_url):
    clusters = pages(api, "/api/v1/clusters", limit=10)
    assert clusters and [c["id"] for c in clusters] == sorted(c["id"] for c in clusters)
    with open_store(demo_store_url) as store:
        assert len(clusters) == len(store.ledger_cluster_ids())
    widest = max(clusters, key=lambda c: c["documents"])
    assert widest["documents"] >= 2  # the demo corpus repeats claims across outlets
    assert api.get(f"/api/v1/clusters/{widest['id']}").json() == widest
    about = pages(api, "/api/v1/clusters", entity="Mirvik")
    assert about and len(about) < len(clusters)
    missing = api.get("/api/v1/clusters/no-such-cluster")
    assert missing.status_code == 404 and missing.json()["code"] == "E505"


def test_the_dossier_is_the_ledgers(api, demo_store_url):
    from claimscope.ledger.facade import Ledger

    answer = api.get("/api/v1/dossier", params=[("entity", "Kestria"), ("entity", "Carvelia")])
    assert answer.status_code == 200
    with open_store(demo_store_url) as store:
        expected = Ledger(store).dossier(["Kestria", "Carvelia"])
    assert answer.json() == json.loads(json.dumps(expected))
    assert answer.json()["summary"]["clusters"] > 0
    assert api.get("/api/v1/dossier").status_code == 422  # entity is required
    unknown = api.get("/api/v1/dossier", params={"entity": "Atlantis"})
    assert unknown.status_code == 404 and unknown.json()["code"] == "E420"


def test_stats_are_the_stores(api, demo_store_url):
    with open_store(demo_store_url) as store:
        assert api.get("/api/v1/stats").json() == store.stats()


def test_exports_stream_every_format_as_a_download(api, demo_analyses):
    jsonl = api.get("/api/v1/exports/jsonl")
    assert jsonl.status_code == 200 and "attachment" in jsonl.headers["content-disposition"]
    lines = [json.loads(line) for line in jsonl.text.splitlines() if line.strip()]
    assert len(lines) == len(demo_analyses)
    claims_csv = api.get("/api/v1/exports/csv")
    rows = list(csv.DictReader(io.StringIO(claims_csv.text)))
    assert len(rows) == sum(len(a.claims) for a in demo_analyses)
    since = api.get("/api/v1/exports/jsonl", params={"since": "2025-03-15"})
    assert len([line for line in since.text.splitlines() if line.strip()]) == 3
    for fmt in ("ftm", "claimreview", "gexf"):
        answer = api.get(f"/api/v1/exports/{fmt}")
        assert answer.status_code == 200 and len(answer.content) > 100, fmt
    assert api.get("/api/v1/exports/gexf").text.lstrip().startswith("<?xml")
    unknown = api.get("/api/v1/exports/docx")
    assert unknown.status_code == 422 and unknown.json()["code"] == "E422"
    assert unknown.json()["message"].startswith("format")


def test_docs_page_uses_only_local_assets(api):
    page = api.get("/docs")
    assert page.status_code == 200 and "<script>" not in page.text  # no inline script (the CSP)
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("swagger-ui.css", "swagger-ui-bundle.js", "init.js", "LICENSE"):
        answer = api.get(f"/docs/assets/{asset}")
        assert answer.status_code == 200 and len(answer.content) > 100, asset
    assert "/openapi.json" in api.get("/docs/assets/init.js").text
    assert api.get("/docs/assets/..%2Fdocs.py").status_code == 404
