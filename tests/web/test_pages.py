"""The workbench's pages over a real store (demo corpus + hostile articles): HTML and `.json`,
links to mentions in context, and nothing stored ever written into a page as markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from pages_store import dialect_settings, hostile_ids  # noqa: F401  (a fixture)

from claimscope.web.app import create_app
from claimscope.web.config import WebConfig


@pytest.fixture(scope="module")
def client(dialect_settings):  # noqa: F811
    with TestClient(create_app(dialect_settings, WebConfig(load_pipeline=False))) as c:
        yield c


@pytest.fixture(scope="module")
def overview(client):
    answer = client.get("/.json")
    assert answer.status_code == 200
    return answer.json()


class Markup(HTMLParser):
    """Every tag and attribute of a page, and the ids it defines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])


def parse(html: str) -> Markup:
    parser = Markup()
    parser.feed(html)
    return parser


# The page's own vocabulary: a tag or attribute outside it can only have come from stored text.
TAGS = {"html", "head", "meta", "title", "link", "script", "body", "header", "nav", "form", "input", "button",
        "main", "footer", "code", "h1", "h2", "h3", "p", "a", "span", "sup", "details", "summary", "ul", "ol",
        "li", "q", "div", "article", "aside", "section", "blockquote", "dl", "dt", "dd", "table", "tr", "th",
        "td", "small", "strong", "svg", "rect", "text", "line", "g", "mark", "label", "select", "option"}


def assert_no_injected_markup(html: str) -> None:
    for tag, attrs in parse(html).tags:
        assert tag in TAGS, f"unexpected <{tag}> in the page"
        assert not [a for a in attrs if a.startswith("on")], f"event attribute on <{tag}>: {attrs}"
        for name in ("href", "src", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:")), f"<{tag} {name}={value!r}>"
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
    for payload in ("<script>window", "<img src=x", "<iframe", "<svg onload"):
        assert payload not in html  # unescaped, these could only be stored text


def test_overview_counts_the_corpus_and_draws_its_charts(client, overview):
    assert overview["stats"]["documents"] == len(overview["documents"]) >= 13
    assert sum(o["documents"] for o in overview["outlets"]) == overview["stats"]["documents"]
    assert sum(r["claims"] for r in overview["claims_by_date"]) == overview["stats"]["claims"]
    assert sum(r["documents"] for r in overview["documents_by_date"]) == overview["stats"]["documents"]
    chart = overview["charts"]["claims_over_time"]
    assert {b["cls"] for b in chart["bars"]} <= {f"st-{s}" for s in overview["stats"]["by_status"]}
    html = client.get("/").text
    assert html.count('<rect class="st-') == len(chart["bars"]) + len(overview["charts"]["claims_by_status"]["bars"])
    assert 'action="/search"' in html
    top = overview["top_entities"][0]
    assert f'href="/entities/{top["id"]}"' in html


def test_every_page_is_also_json_with_the_dict_the_template_renders(client, overview):
    doc = overview["documents"][0]["id"]
    page = client.get(f"/documents/{doc}.json").json()
    assert page["document"]["id"] == doc
    html = client.get(f"/documents/{doc}").text
    for claim in page["claims"]:
        assert f'id="c-{claim["id"]}"' in html  # a panel per claim
    assert client.get("/index.json").json() == overview


def test_article_highlights_claims_by_status_with_well_nested_markup(client, overview):
    doc = next(d["id"] for d in overview["documents"] if not d["copy"])
    page = client.get(f"/documents/{doc}.json").json()
    events = page["markup"]
    # The events rebuild the text exactly, and every element closes in order.
    text = "".join(e["text"] for e in events if "text" in e)
    stack = []
    for e in events:
        if "open" in e:
            stack.append(e["tag"])
        elif "close" in e:
            assert stack.pop() == e["tag"]
    assert not stack
    assert len(text) == page["document"]["length"]
    markup = parse(client.get(f"/documents/{doc}").text)
    claims = [a for t, a in markup.tags if t == "a" and "claim" in (a.get("class") or "").split()]
    assert {c["status"] for c in page["claims"]} == {a["class"].split()[1][3:] for a in claims}
    for claim in page["claims"]:
        assert claim["anchor"] in markup.ids  # linkable in context
        if claim["cluster"]:
            assert ("a", {"class": "cluster-link", "href": f"/clusters/{claim['cluster']}"}) in markup.tags
    classes = " ".join(a.get("class") or "" for _, a in markup.tags)
    for kind in ("att-source", "att-cue", "att-content", "ent"):
        assert kind in classes


def test_dossier_items_link_every_mention_to_its_span_in_the_article(client):
    page = client.get("/dossier.json", params={"entity": "Kestria"}).json()
    assert page["summary"]["clusters"] > 0
    html = client.get("/dossier", params={"entity": "Kestria"}).text
    items = [r for s in page["sections"] for r in page[s]]
    mention = items[0]["mentions"][0]
    href = f'/documents/{mention["document"]}#m-{mention["start"]}-{mention["end"]}'
    assert f'href="{href}"' in html
    article = client.get(f'/documents/{mention["document"]}').text
    assert f'id="m-{mention["start"]}-{mention["end"]}"' in article
    assert len(page["timeline"]) == page["summary"]["clusters"]
    assert '<svg class="chart timeline"' in html


def test_cluster_page_groups_copies_under_their_original(client, overview):
    copy = next(d for d in overview["documents"] if d["copy"])
    page = client.get(f"/documents/{copy['id']}.json").json()
    claim = next(c for c in page["claims"] if c["cluster"])
    cluster = claim["cluster"]
    assert page["origin"]["copy_of"] == copy["origin"]
    assert f'href="/documents/{copy["origin"]}"' in client.get(f"/documents/{copy['id']}").text
    record = client.get(f"/clusters/{cluster}.json").json()
    # The article's panel says what the cluster page says.
    assert claim["across"]["assessment"] == record["assessment"] and claim["across"]["grade"] == record["grade"]
    assert sum(len(g["original"]) + len(g["copies"]) for g in record["groups"]) == len(record["mentions"])
    assert all(not m["copy"] for g in record["groups"] for m in g["original"])
    assert all(m["origin"] == g["origin"] for g in record["groups"] for m in g["copies"])
    assert record["independent_sources"] <= record["origins"] or record["independent_sources"] >= 1


def test_entity_page_lists_mentions_in_context(client, overview):
    entity = overview["top_entities"][0]
    page = client.get(f"/entities/{entity['id']}.json").json()
    assert sum(len(d["mentions"]) for d in page["documents"]) == entity["mentions"]
    html = client.get(f"/entities/{entity['id']}").text
    m = page["documents"][0]["mentions"][0]
    assert f'href="/documents/{page["documents"][0]["id"]}#m-{m["start"]}-{m["end"]}"' in html


def test_search_marks_the_matched_words_and_links_claims_in_context(client):
    page = client.get("/search.json", params={"q": "memo"}).json()
    assert page["hits"] and any(p["hit"] for h in page["hits"] for p in h["snippet"])
    html = client.get("/search", params={"q": "memo"}).text
    claim = next(h for h in page["hits"] if h["kind"] == "claim")
    assert f'href="/documents/{claim["document"]}#m-{claim["start"]}-{claim["end"]}"' in html
    assert "<mark>" in html


def test_graph_page_draws_from_the_gexf_data(client):
    page = client.get("/graph.json").json()
    ids = {n["id"] for n in page["nodes"]}
    assert page["edges"] and all(e["source"] in ids and e["target"] in ids for e in page["edges"])
    assert {e["kind"] for e in page["edges"]} <= {"co_occurrence", "said_about"}
    html = client.get("/graph").text
    assert 'src="/static/vendor/cytoscape/cytoscape.min.js"' in html
    assert client.get("/static/vendor/cytoscape/cytoscape.min.js").status_code == 200


@pytest.mark.parametrize("path, status, code", [
    ("/documents/doc-0000000000000000", 404, "E407"),
    ("/clusters/clu-nope", 404, "E505"),
    ("/entities/ent-nope", 404, "E420"),
    ("/dossier?entity=Nobody%20At%20All", 404, "E420"),
    ("/search?q=%22unbalanced", 400, "E405"),
])
def test_errors_are_html_pages_and_json_at_json_paths(client, path, status, code):
    html = client.get(path)
    assert html.status_code == status and "text/html" in html.headers["content-type"]
    assert code in html.text
    base, _, query = path.partition("?")
    answer = client.get(base + ".json" + (f"?{query}" if query else ""))
    assert answer.status_code == status and answer.json()["code"] == code


def test_hostile_text_and_manifest_are_never_markup(client, overview):
    ids = hostile_ids()
    assert len(ids) == 2
    pages = ["/", "/search?q=Kestria", "/search?q=harbour", "/dossier?entity=Kestria", "/graph"]
    for doc in ids.values():
        pages.append(f"/documents/{doc}")
        record = client.get(f"/documents/{doc}.json").json()
        pages += [f"/clusters/{c['cluster']}" for c in record["claims"] if c["cluster"]][:3]
        pages += [f"/entities/{e['id']}" for e in record["entities"] if e["id"]][:2]
    for path in pages:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert_no_injected_markup(answer.text)
    # What a request reflects back (a query, an entity name in an error) is text too.
    for path in ("/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "/dossier?entity=%3Cscript%3Ealert(1)%3C/script%3E",
                 "/documents/%3Ciframe%20src%3Djavascript:alert(1)%3E"):
        answer = client.get(path)
        assert answer.status_code in (200, 400, 404), path
        assert_no_injected_markup(answer.text)
    article = client.get(f"/documents/{ids['<script>window.__pwned=6</script>Port closed']}").text
    # The payloads are there, as text.
    assert "&lt;script&gt;window.__pwned = 1;" in article
    assert "&lt;img src=x onerror=" in article
    other = next(d for title, d in ids.items() if title.startswith("Cranes"))
    other = client.get(f"/documents/{other}").text
    assert "{{ 7*7 }}" in other  # stored text is data, never a template
    assert 'href="javascript:' not in article
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_dict_keys_named_like_dict_methods_render_their_values(client, overview):
    # In Jinja `m.copy` finds dict.copy (a method, always true) before the key: the dossier
    # once marked every mention a copy, and the entity page printed a method for `count`.
    dossier = client.get("/dossier.json", params={"entity": "Kestria"}).json()
    mentions = [m for s in dossier["sections"] for r in dossier[s] for m in r["mentions"][:20]]
    html = client.get("/dossier", params={"entity": "Kestria"}).text
    assert html.count('<span class="tag">copy</span>') == sum(1 for m in mentions if m["copy"])
    entity = overview["top_entities"][0]
    assert "built-in method" not in client.get(f"/entities/{entity['id']}").text
    front = client.get("/").text
    shown = sum(1 for d in overview["documents"] if d["copy"])
    assert front.count('<span class="tag">copy of') == shown


def test_a_kept_page_is_rebuilt_once_another_process_stores_a_document(tmp_path, demo_analyses):
    from fastapi.testclient import TestClient

    from claimscope.settings import Settings
    from claimscope.store import open_store
    from claimscope.web.app import create_app
    from claimscope.web.config import WebConfig

    settings = Settings()
    settings.db = str(tmp_path / "claimscope.db")
    with open_store(settings.db) as store:
        store.save(demo_analyses[0])
    with TestClient(create_app(settings, WebConfig(load_pipeline=False))) as client:
        assert client.get("/.json").json()["stats"]["documents"] == 1
        assert client.get("/.json").json()["stats"]["documents"] == 1  # kept
        with open_store(settings.db) as other:  # a second writer, as an ingest would be
            other.save(demo_analyses[1])
        assert client.get("/.json").json()["stats"]["documents"] == 2
        assert demo_analyses[1].document.id in client.get("/").text
