"""The export formats, on the demo corpus analysed by the real pipeline and checked by the
libraries that read them: followthemoney for FtM, networkx for GEXF, json/csv for the rest."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import model as ftm_model

from claimscope.errors import UnknownFormat
from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.model.corpus import Publication, StoredDocument
from claimscope.model.records import Attribution, Claim, Entity, Evidence, Structure, TextSpan
from claimscope.render.exporters import Exporter, exporter_class, exporter_names
from claimscope.render.exporters.claimreview import evidence_label, status_label
from claimscope.render.exporters.gexf import PRONOUNS

FORMATS = ("jsonl", "csv", "ftm", "claimreview", "gexf")
REPO = Path(__file__).resolve().parents[2]


def export(fmt: str, records, path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        exporter = exporter_class(fmt)(handle)
        for record in records:
            exporter.write(record)
        exporter.finalize()
    return path


def _first(record: StoredDocument) -> Publication:
    return min((p for p in record.publications if p.date), key=lambda p: p.date)


# -- the registry ------------------------------------------------------------------------------


def test_the_five_formats_are_registered_through_entry_points():
    assert set(FORMATS) <= set(exporter_names())
    for name in FORMATS:
        cls = exporter_class(name)
        assert issubclass(cls, Exporter) and cls.name == name and cls.suffix


def test_an_unknown_format_is_E304_naming_it_and_the_known_ones():
    with pytest.raises(UnknownFormat) as raised:
        exporter_class("pdf")
    assert raised.value.code == "E304" and raised.value.input == "pdf"
    assert all(name in raised.value.message for name in FORMATS)


PLUGIN = '''
from claimscope.render.exporters import Exporter


class ClaimCountExporter(Exporter):
    name = "claimcount"
    suffix = ".tsv"
    media_type = "text/tab-separated-values"

    def write(self, record):
        self.out.write(f"{record.id}\\t{len(record.analysis.claims)}\\n")


class NotAnExporter:
    pass
'''


def _install_plugin(folder: Path) -> None:
    """An outside distribution as pip leaves it: a module and a dist-info with entry points."""
    (folder / "cs_claimcount_plugin.py").write_text(PLUGIN, encoding="utf-8")
    dist = folder / "cs_claimcount_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: cs-claimcount-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "[claimscope.exporters]\n"
        "claimcount = cs_claimcount_plugin:ClaimCountExporter\n"
        "notone = cs_claimcount_plugin:NotAnExporter\n", encoding="utf-8")


def test_an_outside_package_adds_a_format_through_its_entry_point(tmp_path, monkeypatch, demo_records):
    _install_plugin(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "cs_claimcount_plugin", raising=False)
    assert "claimcount" in exporter_names()
    cls = exporter_class("claimcount")
    assert cls.__module__ == "cs_claimcount_plugin" and issubclass(cls, Exporter)
    out = export("claimcount", demo_records, tmp_path / "counts.tsv").read_text().splitlines()
    assert out == [f"{r.id}\t{len(r.analysis.claims)}" for r in demo_records]
    # An entry point that is not an Exporter is refused the same way as an unknown name.
    with pytest.raises(UnknownFormat) as raised:
        exporter_class("notone")
    assert raised.value.code == "E304" and "not a claimscope Exporter" in raised.value.message


def test_the_export_help_lists_an_outside_format_too(tmp_path):
    _install_plugin(tmp_path)
    env = {"PYTHONPATH": f"{tmp_path}:{REPO / 'src'}", "PATH": "/usr/bin:/bin", "COLUMNS": "200"}
    out = subprocess.run([sys.executable, "-m", "claimscope.cli.main", "export", "--help"],
                         capture_output=True, text=True, env=env, check=True).stdout
    assert "claimcount" in out and all(name in out for name in FORMATS)


# -- JSONL -------------------------------------------------------------------------------------


def test_jsonl_is_one_analysis_per_line_exactly_as_dict(demo_records, tmp_path):
    lines = export("jsonl", demo_records, tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(demo_records)
    for line, record in zip(lines, demo_records):
        data = json.loads(line)
        assert data == record.analysis.as_dict()
        assert Analysis.from_dict(data).as_dict() == data


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_has_one_row_per_claim_with_its_document_outlets_and_offsets(demo_records, tmp_path):
    path = export("csv", demo_records, tmp_path / "claims.csv")
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    claims = [(r, c) for r in demo_records for c in r.analysis.claims]
    assert len(rows) == len(claims) > 100
    for row, (record, claim) in zip(rows, claims):
        text = record.analysis.document.text
        assert row["document"] == record.id and row["claim_id"] == claim.id
        assert text[int(row["start"]):int(row["end"])] == row["text"] == claim.text
        assert (row["status"], float(row["certainty"])) == (claim.status, claim.certainty)
        assert (row["asserter"], row["asserter_entity"]) == (claim.asserter_name, claim.asserter_entity or "")
        assert (row["evidence_kind"], row["evidence_source"]) == (claim.evidence.kind, claim.evidence.source or "")
        assert row["check_worthy"] == ("true" if claim.check_worthy else "false")
        first = _first(record)
        assert (row["date"], row["title"]) == (first.date, first.title)
        outlets = [p.outlet for p in sorted(record.publications, key=lambda p: p.date)]
        assert row["outlet"] == "; ".join(outlets)
    # The wire copy printed a day earlier comes first: two outlets, its date.
    first_rows = [r for r in rows if r["document"] == demo_records[0].id]
    assert first_rows and {r["outlet"] for r in first_rows} == {"Harbour Wire Service; Coastline Wire"}
    assert {r["date"] for r in first_rows} == {"2025-03-02"}


# -- FollowTheMoney ----------------------------------------------------------------------------


def _ftm_entities(path: Path) -> dict[str, object]:
    """Every line parsed and validated by followthemoney itself; ids unique."""
    proxies = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        proxy = ftm_model.get_proxy(data, cleaned=False)
        proxy.schema.validate(data)
        # Cleaning drops any value its type rejects: nothing may be dropped.
        assert proxy.to_dict()["properties"] == data["properties"], data["schema"]
        for prop in proxy.schema.required:
            assert proxy.get(prop), (data["schema"], prop)
        assert proxy.id not in proxies
        proxies[proxy.id] = proxy
    return proxies


def _names(proxy) -> set[str]:
    """An FtM entity merged over documents: the first document's name, the others as aliases."""
    return set(proxy.get("name")) | set(proxy.get("alias"))


def test_ftm_lines_validate_and_every_link_resolves(demo_records, tmp_path):
    proxies = _ftm_entities(export("ftm", demo_records, tmp_path / "c.ftm.json"))
    links = 0
    for proxy in proxies.values():
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                links += 1
                assert value in proxies, (proxy.schema.name, prop.name, value)
                assert proxies[value].schema.is_a(prop.range), (prop.name, proxies[value].schema.name)
    assert links > 200


def test_ftm_articles_carry_every_publication(demo_records, tmp_path):
    proxies = _ftm_entities(export("ftm", demo_records, tmp_path / "c.ftm.json"))
    articles = {p.id: p for p in proxies.values() if p.schema.name == "Article"}
    assert set(articles) == {r.id for r in demo_records}
    for record in demo_records:
        article = articles[record.id]
        assert set(article.get("publisher")) == {p.outlet for p in record.publications}
        assert set(article.get("publishedAt")) == {p.date for p in record.publications}
        assert set(article.get("sourceUrl")) == {p.url for p in record.publications}
        assert set(article.get("title")) == {p.title for p in record.publications}
        # FtM trims surrounding whitespace of every value; the text itself is whole.
        assert article.get("bodyText") == [record.analysis.document.text.strip()]
        assert article.get("language") == ["eng"]


def test_ftm_maps_people_organisations_and_places_and_links_them_to_documents(demo_records, tmp_path):
    proxies = _ftm_entities(export("ftm", demo_records, tmp_path / "c.ftm.json"))
    by_schema = defaultdict(list)
    for proxy in proxies.values():
        by_schema[proxy.schema.name].append(proxy)
    expected = {"PERSON": "Person", "ORG": "Organization", "GPE": "Territory"}
    wanted = {(expected[e.type], e.id) for r in demo_records for e in r.analysis.entities if e.type in expected}
    for schema in expected.values():
        assert len(by_schema[schema]) == len({i for s, i in wanted if s == schema}) > 0
    mentions = {(m.first("document"), m.first("resolved")): m for m in by_schema["Mention"]}
    mentioned = {(d.first("document"), d.first("entity")) for d in by_schema["Documentation"]
                 if d.first("role") == "mentioned"}
    documents_of = defaultdict(set)
    for record in demo_records:
        for entity in record.analysis.entities:
            if entity.type in ("PERSON", "ORG"):
                seen = {entity.name} | {m.text for m in entity.mentions}
                found = [m for (doc, fid), m in mentions.items() if doc == record.id and fid
                         and set(m.get("name")) == seen and entity.name in _names(proxies[fid])
                         and proxies[fid].schema.name == expected[entity.type]]
                assert len(found) == 1, entity
                documents_of[found[0].first("resolved")].add(record.id)
            elif entity.type == "GPE":
                assert any(doc == record.id and entity.name in _names(proxies[fid])
                           and proxies[fid].schema.name == "Territory" for doc, fid in mentioned), entity
    # One entity across documents is one FtM entity, mentioned from each of them.
    assert max(len(docs) for docs in documents_of.values()) >= 3


def test_ftm_attributions_point_to_the_document_and_their_source(demo_records, tmp_path):
    proxies = _ftm_entities(export("ftm", demo_records, tmp_path / "c.ftm.json"))
    by_record = {p.first("recordId"): p for p in proxies.values() if p.schema.name == "Documentation"
                 and p.first("recordId")}
    notes = [p for p in proxies.values() if p.schema.name == "Note"]
    named = unnamed = 0
    for record in demo_records:
        types = {e.id: e for e in record.analysis.entities}
        for att in record.analysis.attributions:
            if att.source is None:
                continue
            entity = types.get(att.source_entity)
            if entity is not None and entity.type in ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"):
                link = by_record[att.id]
                assert link.first("document") == record.id
                assert entity.name in _names(proxies[link.first("entity")])
                assert link.first("summary") == (att.content.text if att.content else None)
                assert link.first("role") == f"source ({att.kind})"
                named += 1
            else:
                note = [n for n in notes if att.id in n.first("description")]
                assert len(note) == 1 and note[0].get("entity") == [record.id]
                unnamed += 1
    assert named > 20 and unnamed > 10
    assert len(by_record) == named and len(notes) == unnamed
    _check_offsets(proxies, demo_records)


def _check_offsets(proxies, records) -> None:
    """The offsets an attribution's description gives pick its spans out of the Article's bodyText."""
    checked = 0
    for record in records:
        body = proxies[record.id].first("bodyText")
        for att in record.analysis.attributions:
            if att.source is None:
                continue
            link = [p for p in proxies.values() if p.schema.name in ("Documentation", "Note")
                    and (att.id == p.first("recordId", quiet=True) or att.id in (p.first("description") or ""))]
            spans = [(int(a), int(b)) for a, b in re.findall(r" at (\d+)-(\d+)", link[0].first("description"))]
            wanted = [att.source, att.cue] + ([att.content] if att.content else [])
            assert [body[a:b] for a, b in spans] == [w.text for w in wanted]
            checked += 1
    assert checked


def test_ftm_offsets_hold_in_the_trimmed_body_text(tmp_path):
    text = "\n  Officials said the dam would hold.\n"
    att = Attribution("att-9", "indirect", TextSpan(13, 17, "said"), TextSpan(18, 36, "the dam would hold"),
                      TextSpan(3, 12, "Officials"))
    record = _hand_record(text, [], [], [att], "Daily Three")
    proxies = _ftm_entities(export("ftm", [record], tmp_path / "t.ftm.json"))
    assert proxies[record.id].first("bodyText") == text.strip()
    _check_offsets(proxies, [record])


# -- ClaimReview -------------------------------------------------------------------------------


def _keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner)


def test_claimreview_is_a_json_ld_array_of_the_check_worthy_claims(demo_records, tmp_path):
    reviews = json.loads(export("claimreview", demo_records, tmp_path / "cr.json").read_text(encoding="utf-8"))
    claims = {c.id: (r, c) for r in demo_records for c in r.analysis.claims if c.check_worthy}
    assert isinstance(reviews, list) and len(reviews) == len(claims) > 50
    assert {r["identifier"] for r in reviews} == set(claims)
    # No truth verdict anywhere: claimscope has made none.
    assert not {"ratingValue", "bestRating", "worstRating"} & set(_keys(reviews))
    for review in reviews:
        record, claim = claims[review["identifier"]]
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim.text
        assert review["datePublished"] == record.first_ingested[:10]
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["name"] == claim.asserter_name
        assert item["datePublished"] == _first(record).date
        pubs = sorted(record.publications, key=lambda p: p.date)
        assert [a["url"] for a in item["appearance"]] == [p.url for p in pubs]
        assert [a["publisher"]["name"] for a in item["appearance"]] == [p.outlet for p in pubs]
        assert item["firstAppearance"]["url"] == pubs[0].url
        name = review["reviewRating"]["alternateName"]
        ev = claim.evidence
        assert name.startswith({"anonymous": f"anonymous source: {ev.source}",
                                "named_person": f"named person: {ev.source}",
                                "named_organization": f"named organisation: {ev.source}",
                                "document": "document", "media_report": "media report",
                                "none": "no source given"}[ev.kind])
        if claim.status == "denied":
            assert f"denied by {claim.asserter_name}" in name
        if claim.status in ("hedged", "speculative"):
            assert claim.status in name and all(f"'{c.text}'" in name for c in claim.cues)


def _claim(status, evidence, cues=(), asserter="Ana Pell"):
    return Claim(id="clm-x", text="The bridge is unsafe", start=0, end=20, asserter_name=asserter,
                 asserter_entity=None, status=status, certainty=0.5, checkworthiness=0.9,
                 evidence=evidence, cues=[TextSpan(0, len(c), c) for c in cues])


def test_claimreview_labels_say_what_the_evidence_is():
    hedged = _claim("hedged", Evidence("anonymous", source="officials"), cues=["may"])
    assert f"{evidence_label(hedged)}; {status_label(hedged)}" == "anonymous source: officials; hedged ('may')"
    official = _claim("reported", Evidence("named_person", source="Ana Pell", role="transport minister"),
                      cues=["said"])
    assert evidence_label(official) == "named person: Ana Pell (transport minister)"
    denied = _claim("denied", Evidence("named_organization", source="the Port Authority"),
                    cues=["rejected"], asserter="the Port Authority")
    assert status_label(denied) == "denied by the Port Authority ('rejected')"
    assert evidence_label(_claim("asserted", Evidence("document", source="memo"))) == "document: memo"


def test_an_empty_claimreview_export_is_an_empty_array(tmp_path):
    assert json.loads(export("claimreview", [], tmp_path / "cr.json").read_text()) == []


# -- GEXF --------------------------------------------------------------------------------------


def _unnamed(att) -> bool:
    return att.source.text.strip().lower() not in PRONOUNS


def test_gexf_nodes_and_weighted_edges_match_the_analyses(demo_records, tmp_path):
    graph = nx.read_gexf(export("gexf", demo_records, tmp_path / "c.gexf"))
    analyses = [r.analysis for r in demo_records]
    entities = {e.id for a in analyses for e in a.entities}
    sources = set()
    co = Counter()
    said = Counter()
    for a in analyses:
        ids = {e.id for e in a.entities}
        for claim in a.claims:
            co.update(combinations(sorted(set(claim.entities)), 2))
        for att in a.attributions:
            if att.source is None:
                continue
            if att.source_entity in ids:
                origin = att.source_entity
            elif _unnamed(att):
                origin = (a.document.id, " ".join(att.source.text.lower().split()))
                sources.add(origin)
            else:
                continue
            targets = {e.id for e in a.entities if att.content and any(
                att.content.start <= m.start and m.end <= att.content.end for m in e.mentions)}
            for claim in a.claims:
                if claim.attribution == att.id:
                    targets.update(claim.entities)
            said.update((origin, t) for t in targets if t != origin)
    assert graph.number_of_nodes() == len(entities) + len(sources)
    kinds = Counter(d["kind"] for _, _, d in graph.edges(data=True))
    assert kinds == {"co_occurrence": len(co), "said_about": len(said)}
    got_co = {(u, v): d["weight"] for u, v, d in graph.edges(data=True) if d["kind"] == "co_occurrence"}
    assert got_co == {pair: float(n) for pair, n in co.items()}
    named_said = {k: n for k, n in said.items() if isinstance(k[0], str)}
    got_said = {(u, v): d["weight"] for u, v, d in graph.edges(data=True)
                if d["kind"] == "said_about" and not u.startswith("source:")}
    assert got_said == {pair: float(n) for pair, n in named_said.items()}
    assert sum(d["weight"] for u, _, d in graph.edges(data=True) if u.startswith("source:")) == \
        sum(n for k, n in said.items() if isinstance(k[0], tuple))
    mentions = Counter()
    for a in analyses:
        for e in a.entities:
            mentions[e.id] += len(e.mentions)
    for node in entities:
        assert graph.nodes[node]["kind"] == "entity" and graph.nodes[node]["mentions"] == mentions[node]
    assert all(graph.nodes[n]["kind"] == "source" for n in graph if n.startswith("source:"))


def _hand_record(text: str, entities, claims, attributions, outlet: str) -> StoredDocument:
    info = DocumentInfo(name=f"{outlet}.txt", text=text, meta={"outlet": outlet, "date": "2025-01-01"})
    analysis = Analysis(document=info, entities=entities, attributions=attributions, claims=claims,
                        techniques=[], structure=Structure(), sentences=1, components={})
    return StoredDocument(analysis=analysis, publications=[Publication.of(info)])


def test_gexf_counts_claims_and_attributions_across_documents(tmp_path):
    """Two hand-made documents: Rek and Lom named together in a claim of each; in the first,
    Rek says something about Lom, and unnamed officials say something about Rek."""
    text = "Rek said Lom lied. Officials said Rek fled."
    rek = Entity("rek", "Rek", "PERSON", mentions=[TextSpan(0, 3, "Rek"), TextSpan(34, 37, "Rek")])
    lom = Entity("lom", "Lom", "PERSON", mentions=[TextSpan(9, 12, "Lom")])
    said = Attribution("att-1", "indirect", TextSpan(4, 8, "said"), TextSpan(9, 17, "Lom lied"),
                       TextSpan(0, 3, "Rek"), source_entity="rek")
    officials = Attribution("att-2", "indirect", TextSpan(29, 33, "said"), TextSpan(34, 42, "Rek fled"),
                            TextSpan(19, 28, "Officials"))
    both = Claim(id="clm-1", text=text[:17], start=0, end=17, asserter_name="Rek", asserter_entity="rek",
                 status="reported", certainty=0.7, checkworthiness=0.9,
                 evidence=Evidence("named_person", source="Rek"), entities=["rek", "lom"],
                 attribution="att-1")
    first = _hand_record(text, [rek, lom], [both], [said, officials], "Daily One")
    text2 = "Lom and Rek met."
    second = _hand_record(text2, [Entity("lom", "Lom", "PERSON", mentions=[TextSpan(0, 3, "Lom")]),
                                  Entity("rek", "Rek", "PERSON", mentions=[TextSpan(8, 11, "Rek")])],
                          [Claim(id="clm-2", text=text2[:15], start=0, end=15, asserter_name="the author",
                                 asserter_entity=None, status="asserted", certainty=1.0,
                                 checkworthiness=0.5, evidence=Evidence("none"),
                                 entities=["lom", "rek"])], [], "Daily Two")
    graph = nx.read_gexf(export("gexf", [first, second], tmp_path / "g.gexf"))
    source = f"source:{first.id}:officials"
    assert set(graph) == {"rek", "lom", source}
    assert graph.nodes[source]["label"] == "Officials (Daily One)"
    assert graph.nodes["rek"]["mentions"] == 3 and graph.nodes["rek"]["documents"] == 2
    edges = {(u, v, d["kind"]): (d["weight"], d["documents"]) for u, v, d in graph.edges(data=True)}
    assert edges == {("lom", "rek", "co_occurrence"): (2.0, 2), ("rek", "lom", "said_about"): (1.0, 1),
                     (source, "rek", "said_about"): (1.0, 1)}


def test_every_shipped_format_is_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("### Exports", 1)[1].split("\n### ", 1)[0]
    doc = (REPO / "docs" / "exports.md").read_text(encoding="utf-8")
    for name in FORMATS:
        assert f"| `{name}` |" in readme and f"## `{name}`" in doc, name
