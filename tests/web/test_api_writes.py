"""The REST API's write routes with a real token and the real pipeline, on SQLite and PostgreSQL;
and paging that stays stable while documents are added between two pages."""

from __future__ import annotations

import pytest
from local_site import ARTICLE_HTML, LocalSite
from web_support import TOKEN, client_for, fill

from claimscope.model.analysis import document_id
from claimscope.store import open_store

AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Written for these tests (fictional people and places).
ARTICLE = (
    "Ministers in Orlanda approved a plan on Monday to close three coal plants by 2030, the energy "
    "ministry said in a statement. Critics warned that the plan could raise household bills. "
    '"We will not leave the miners behind," said energy minister Petra Kovalenko, who promised '
    "retraining for 4,000 workers. According to the national grid operator, the closures might "
    "cause shortages in winter. The opposition denied that it had been consulted."
)


@pytest.fixture(scope="module")
def half(module_store_url, demo_analyses):
    """A store holding the first half of the demo corpus (the rest is added by the tests)."""
    fill(module_store_url, demo_analyses[:7])
    return module_store_url


@pytest.fixture(scope="module")
def writer(half, workspace):
    with client_for(half, workspace, token=TOKEN, allow_private_urls=True, max_body_bytes=200_000) as client:
        yield client


def test_paging_is_stable_while_documents_are_added(writer, half, demo_analyses):
    clusters_before = writer.get("/api/v1/clusters", params={"limit": 500}).json()["items"]
    first = writer.get("/api/v1/documents", params={"limit": 3}).json()
    before = {a.document.id for a in demo_analyses[:7]}
    with open_store(half) as store:  # another writer stores the rest between two pages
        store.save_many([(a, None) for a in demo_analyses[7:]])
    seen = [d["id"] for d in first["items"]]
    cursor = first["next"]
    while cursor:
        body = writer.get("/api/v1/documents", params={"limit": 3, "cursor": cursor}).json()
        seen.extend(d["id"] for d in body["items"])
        cursor = body["next"]
    assert seen == sorted(seen) and len(seen) == len(set(seen))  # nothing twice, in order
    assert before <= set(seen)  # nothing that was there is skipped
    added_after_cursor = {a.document.id for a in demo_analyses[7:] if a.document.id > first["next"]}
    assert added_after_cursor <= set(seen)  # what was added past the cursor shows up too
    # The other writer did not update the ledger: the next read places its documents, and a
    # cached answer from before is not served again.
    clusters_after = writer.get("/api/v1/clusters", params={"limit": 500}).json()["items"]
    assert len(clusters_after) > len(clusters_before)
    mentioned = {m["document"] for c in clusters_after for m in c["mentions"]}
    assert {a.document.id for a in demo_analyses[7:] if a.claims} <= mentioned


def test_a_posted_text_is_analysed_stored_linked_and_placed(writer, half):
    answer = writer.post("/api/v1/documents", headers=AUTH, json={
        "text": ARTICLE, "title": "Orlanda to close coal plants", "outlet": "Orlanda Post", "date": "2025-04-07"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["outcome"] == "stored" and body["id"] == document_id(ARTICLE) and body["claims"] > 0
    stored = writer.get(f"/api/v1/documents/{body['id']}").json()
    assert stored["document"]["text"] == ARTICLE and len(stored["claims"]) == body["claims"]
    listed = writer.get("/api/v1/documents", params={"outlet": "orlanda post"}).json()["items"]
    assert [(d["id"], d["title"], d["date"]) for d in listed] == [
        (body["id"], "Orlanda to close coal plants", "2025-04-07")]
    with open_store(half) as store:
        assert store.ledger_pending() == []  # placed in the ledger before the answer
        linked = [r for r in store.document_entities(body["id"]) if r["corpus_entity"]]
        assert linked and len(linked) == len(store.document_entities(body["id"]))
    claims = writer.get("/api/v1/claims", params={"document": body["id"], "limit": 500}).json()["items"]
    assert len(claims) == body["claims"]
    clusters = writer.get("/api/v1/clusters", params={"entity": "Petra Kovalenko"}).json()["items"]
    assert clusters and all(any(m["document"] == body["id"] for m in c["mentions"]) for c in clusters)

    again = writer.post("/api/v1/documents", headers=AUTH, json={
        "text": ARTICLE, "title": "Orlanda to close coal plants", "outlet": "Orlanda Post", "date": "2025-04-07"})
    assert again.json()["outcome"] == "already_stored"
    elsewhere = writer.post("/api/v1/documents", headers=AUTH, json={"text": ARTICLE, "outlet": "Wire Weekly"})
    assert elsewhere.json()["outcome"] == "publication_added"
    outlets = [p["outlet"] for p in writer.get(f"/api/v1/documents/{body['id']}/publications").json()]
    assert outlets == ["Orlanda Post", "Wire Weekly"]


def test_a_url_is_fetched_analysed_and_stored(writer):
    with LocalSite() as site:
        answer = writer.post("/api/v1/documents", headers=AUTH, json={"url": site.url("/article"),
                                                                     "outlet": "Velmar Courier"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["outcome"] == "stored"
    stored = writer.get(f"/api/v1/documents/{body['id']}").json()
    assert stored["document"]["source_kind"] == "url"
    assert "Edda Moravec" in stored["document"]["text"] and "<p>" not in stored["document"]["text"]
    assert "<p>" in ARTICLE_HTML
    item = writer.get("/api/v1/documents", params={"outlet": "Velmar Courier"}).json()["items"][0]
    assert item["title"] == "Harbour council delays the Velmar bridge vote"  # from the page


def test_reanalysis_swaps_the_facts_and_places_them_again(writer, half, demo_analyses):
    target = demo_analyses[0].document.id
    answer = writer.post(f"/api/v1/documents/{target}/reanalyze", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json()["outcome"] == "reanalyzed"
    assert answer.json()["claims"] == len(demo_analyses[0].claims)  # same pipeline, same text
    with open_store(half) as store:
        assert store.ledger_pending() == []
    assert writer.post(f"/api/v1/documents/{target}/reanalyze").status_code == 401
    missing = writer.post("/api/v1/documents/doc-0000000000000000/reanalyze", headers=AUTH)
    assert missing.status_code == 404 and missing.json()["code"] == "E407"


def test_an_entity_alias_edit(writer):
    people = writer.get("/api/v1/entities", params={"type": "PERSON", "q": "varga"}).json()["items"]
    assert people
    varga = people[0]
    edit = {"aliases": [*varga["aliases"], "the Kestrian foreign minister", "  "]}
    answer = writer.patch(f"/api/v1/entities/{varga['id']}", headers=AUTH, json=edit)
    assert answer.status_code == 200, answer.text
    assert "the Kestrian foreign minister" in answer.json()["aliases"] and "  " not in answer.json()["aliases"]
    assert "the Kestrian foreign minister" in writer.get(f"/api/v1/entities/{varga['id']}").json()["aliases"]
    before = writer.get("/api/v1/dossier", params={"entity": varga["id"]}).json()["entities"]
    renamed = writer.patch(f"/api/v1/entities/{varga['id']}", headers=AUTH, json={"name": "Minister Varga"})
    assert renamed.json()["name"] == "Minister Varga"
    after = writer.get("/api/v1/dossier", params={"entity": varga["id"]}).json()["entities"]
    assert before != after and {"id": varga["id"], "name": "Minister Varga"} in after  # not a cached answer
    assert writer.patch(f"/api/v1/entities/{varga['id']}", json=edit).status_code == 401
    missing = writer.patch("/api/v1/entities/nobody", headers=AUTH, json=edit)
    assert missing.status_code == 404 and missing.json()["code"] == "E505"


@pytest.mark.parametrize("body, field", [
    ({}, "text"), ({"text": ARTICLE, "url": "http://example.org/"}, "text"),
    ({"text": ARTICLE, "date": "last week"}, "date"), ({"text": 17}, "text"),
])
def test_a_bad_body_is_a_422_naming_the_field(writer, body, field):
    answer = writer.post("/api/v1/documents", headers=AUTH, json=body)
    assert answer.status_code == 422 and answer.json()["message"].startswith(field), answer.text


def test_a_body_that_is_not_json_is_a_422(writer):
    answer = writer.post("/api/v1/documents", headers={**AUTH, "Content-Type": "application/json"},
                         content=b"{not json")
    assert answer.status_code == 422 and answer.json()["code"] == "E422"


def test_writes_need_the_token(writer):
    assert writer.post("/api/v1/documents", json={"text": ARTICLE}).json()["code"] == "E502"
    wrong = writer.post("/api/v1/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_bodies_are_capped_with_or_without_a_content_length(writer):
    big = b'{"text": "' + b"a" * 250_000 + b'"}'
    declared = writer.post("/api/v1/documents", headers=AUTH, content=big)
    assert declared.status_code == 413 and declared.json()["code"] == "E504"

    def chunks():  # chunked transfer: no Content-Length for the middleware to refuse early
        for i in range(0, len(big), 10_000):
            yield big[i:i + 10_000]

    streamed = writer.post("/api/v1/documents", headers={**AUTH, "Content-Type": "application/json"},
                           content=chunks())
    assert streamed.status_code == 413 and streamed.json()["code"] == "E504"


def test_a_chunked_body_is_cut_off_at_the_cap_on_any_route_before_the_token_check(writer):
    def chunks():  # no Content-Length: only counting what arrives can stop it
        for _ in range(40):
            yield b" " * 10_000

    answer = writer.patch("/api/v1/entities/anyone", content=chunks(),
                          headers={"Content-Type": "application/json"})
    assert answer.status_code == 413 and answer.json()["code"] == "E504"
