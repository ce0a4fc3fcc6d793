"""Kept answers (web/cache.py) and the change watch under them (store/watch.py): bounded by bytes,
rebuilt after any commit by another process, read from the store only when something changed,
computed once for many waiting requests."""

from __future__ import annotations

import asyncio

import pytest
from web_support import client_for, fill, web_settings

from claimscope.model.corpus import Publication
from claimscope.store import open_store
from claimscope.store.watch import ChangeWatch
from claimscope.web.cache import ENTRY_OVERHEAD, Kept, ReadCache, StoreStamp


def test_the_watch_moves_when_another_connection_commits_and_only_then(store_url, demo_analyses):
    with open_store(store_url) as store:
        watch = ChangeWatch(store)
        try:
            first = watch.marker()
            store.documents()  # reads commit nothing
            assert watch.marker() == first
            with open_store(store_url) as other:  # another writer, as an ingest would be
                other.save(demo_analyses[0])
            moved = watch.marker()
            assert moved != first
            assert watch.marker() == moved
            store.save(demo_analyses[1])  # this store's own pool is another connection too
            assert watch.marker() != moved
        finally:
            watch.close()
    assert watch.exact is store_url.endswith(".db")


def test_the_stamp_is_read_again_only_after_a_commit(store_url, demo_analyses):
    with open_store(store_url) as store:
        store.save(demo_analyses[0])
        watch = ChangeWatch(store)
        stamp = StoreStamp(store, watch)
        try:
            first = stamp()
            assert stamp() is first  # the value kept, not the store's counts read again
            with open_store(store_url) as other:
                other.save(demo_analyses[1])
            second = stamp()
            assert second != first and stamp() is second
            # A commit that changes no count (a new publication of a stored text): SQLite's
            # watch sees every commit, so the stamp moves; PostgreSQL's TTL bounds it instead.
            with open_store(store_url) as other:
                other.add_publication(Publication(document=demo_analyses[1].document.id, name="again.txt",
                                                  outlet="Second Outlet"))
            assert store.browse_stamp() == (second[0] if watch.exact else second)
            assert (stamp() != second) is watch.exact
        finally:
            watch.close()


def test_kept_answers_are_bounded_by_their_bytes_least_recently_used_first():
    size = 1000 + ENTRY_OVERHEAD
    cache = ReadCache(max_bytes=2 * size + 10)
    for key in "abc"[:2]:
        cache.put(key, Kept(b"x" * 1000, 200, "text/html"))
    assert cache.lookup("a") is not None  # a is now the most recently used
    cache.put("c", Kept(b"y" * 1000, 200, "text/html"))
    assert cache.lookup("b") is None and cache.lookup("a") and cache.lookup("c")
    assert cache.bytes == 2 * size and len(cache) == 2
    cache.put("huge", Kept(b"z" * (3 * size), 200, "text/html"))  # larger than the whole cache
    assert cache.lookup("huge") is None and len(cache) == 2
    cache.clear()
    assert cache.bytes == 0 and len(cache) == 0


def test_a_page_is_kept_says_so_and_is_rebuilt_after_a_commit_that_changes_no_count(tmp_path, demo_analyses):
    url = str(tmp_path / "claimscope.db")
    fill(url, demo_analyses[:2])
    doc = demo_analyses[0].document.id
    with client_for(url) as client:
        first = client.get(f"/documents/{doc}")
        again = client.get(f"/documents/{doc}")
        assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
        assert again.content == first.content
        assert client.get(f"/documents/{doc}.json").headers["x-cache"] == "miss"  # its own key
        assert client.get("/search", params={"q": "minister"}).headers["x-cache"] == "miss"
        assert client.get("/search", params={"q": "minister"}).headers["x-cache"] == "hit"
        assert client.get("/search", params={"q": "harbour"}).headers["x-cache"] == "miss"
        with open_store(url) as other:  # no document, ledger or entity count changes
            other.add_publication(Publication(document=doc, name="reprint.txt", outlet="Reprint Weekly"))
        rebuilt = client.get(f"/documents/{doc}")
        assert rebuilt.headers["x-cache"] == "miss"
        assert "Reprint Weekly" in rebuilt.text and "Reprint Weekly" not in first.text
        cache = client.app.state.read_cache
        assert cache.made >= 5 and cache.hits >= 2 and 0 < cache.bytes <= cache.max_bytes


def test_with_no_room_nothing_is_kept(tmp_path, demo_analyses):
    url = str(tmp_path / "claimscope.db")
    fill(url, demo_analyses[:1])
    doc = demo_analyses[0].document.id
    with client_for(url, cache_bytes=0) as client:
        answers = [client.get(f"/documents/{doc}") for _ in range(3)]
        dossier = [client.get("/api/v1/dossier", params={"entity": "Kestria"}) for _ in range(2)]
    assert [a.headers["x-cache"] for a in answers + dossier] == ["miss"] * 5
    assert len({a.content for a in answers}) == 1


def test_many_requests_for_one_missing_answer_compute_it_once(tmp_path, demo_analyses):
    import httpx

    from claimscope.web.app import create_app
    from claimscope.web.config import WebConfig

    url = str(tmp_path / "claimscope.db")
    fill(url, demo_analyses)
    app = create_app(web_settings(url), WebConfig(load_pipeline=False))

    async def run():
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                answers = await asyncio.gather(*(client.get("/api/v1/dossier", params={"entity": "Kestria"})
                                                 for _ in range(8)))
                later = await client.get("/api/v1/dossier", params={"entity": "Kestria"})
            return answers, later, app.state.read_cache.made

    answers, later, made = asyncio.run(run())
    assert [a.status_code for a in answers] == [200] * 8
    assert len({a.content for a in answers}) == 1 and later.content == answers[0].content
    assert made == 1  # one dossier computed for the eight that asked at once
    assert later.headers["x-cache"] == "hit"


def test_an_error_is_given_to_every_waiter_and_never_kept(tmp_path, demo_analyses):
    url = str(tmp_path / "claimscope.db")
    fill(url, demo_analyses[:1])
    with client_for(url) as client:
        for _ in range(2):
            answer = client.get("/documents/doc-0000000000000000")
            assert answer.status_code == 404 and "x-cache" not in answer.headers
        assert client.app.state.read_cache.made == 0


@pytest.mark.parametrize("source, expected", [
    ("{{ d.copy }}|{{ d.count }}", "kept|3"),  # keys named like dict methods give their values
    ("{{ d.items() | list | length }}", "2"),  # a dict method with no key of its name still works
    ("{{ d.missing is defined }}|{{ o.real }}", "False|5"),  # a missing key; a non-dict's attribute
])
def test_page_templates_read_a_dicts_keys_first(source, expected):
    from claimscope.web.pages.common import ENV

    assert ENV.from_string(source).render(d={"copy": "kept", "count": 3}, o=5) == expected
