"""FollowTheMoney: documents, the people, organisations and places they name, and who said what.

One FtM entity per line (`ftm` tools, Aleph and OpenSanctions' loaders read it). The mapping,
chosen from the schemata of followthemoney 4:

- each document is an `Article` (id = claimscope's document id): title, publisher (outlet),
  author, publishedAt, sourceUrl for every publication; bodyText, language, contentHash, and
  the names it mentions (`peopleMentioned`, `companiesMentioned`, `locationMentioned`);
- PERSON -> `Person`, ORG -> `Organization`, GPE -> `Territory` (FtM 4 has no Country schema:
  Territory is "a country, subnational division or other administrative area", and a GPE
  may be a city; its `country` property takes ISO codes, which invented or unresolved places
  lack), LOC and FAC -> `Address` (a named location), EVENT -> `Event`. NORP, LAW and PRODUCT
  have no FtM schema and stay names on the Article (`namesMentioned`). An entity's id hashes
  its type and claimscope id, so the same entity in two documents is one FtM entity;
- each entity a document names is a `Mention` (document, the names seen, `detectedSchema`),
  `resolved` to the entity where FtM allows (its range is LegalEntity: people and
  organisations); a Territory, Address or Event is linked by a `Documentation` (role
  "mentioned"), whose range is any Thing;
- each attribution whose source resolves to an exported entity is a `Documentation` from the
  document to that entity (role "source (direct|indirect|mixed)", summary = what was said,
  recordId = claimscope's attribution id); one whose source is unnamed ("officials") is a `Note`
  on the Article, since FtM cannot point at an entity that is not there.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath

from followthemoney import model
from followthemoney.util import make_entity_id

from claimscope import __version__
from claimscope.model.corpus import StoredDocument
from claimscope.model.records import Entity
from claimscope.render.exporters.base import Exporter
from claimscope.render.exporters.common import distinct, publications

KEY_PREFIX = "claimscope"

SCHEMATA = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Territory",
    "LOC": "Address",
    "FAC": "Address",
    "EVENT": "Event",
}

# Analyzable's name properties on the Article, by claimscope entity type.
MENTIONED = {"PERSON": "peopleMentioned", "ORG": "companiesMentioned", "GPE": "locationMentioned",
             "LOC": "locationMentioned", "FAC": "locationMentioned"}


def entity_fid(entity: Entity) -> str:
    """The FtM id of a claimscope entity: the same in every document and every export."""
    return make_entity_id("entity", entity.type, entity.id, key_prefix=KEY_PREFIX)


class FtmExporter(Exporter):
    name = "ftm"
    suffix = ".ftm.json"
    media_type = "application/x-ndjson"

    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        # Entities are corpus-wide: merged over documents (names, aliases) and written once.
        self._entities: dict[str, object] = {}

    def _emit(self, proxy) -> None:
        self.out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")

    def write(self, record: StoredDocument) -> None:
        analysis = record.analysis
        doc = analysis.document
        pubs = publications(record)
        article = model.make_entity("Article")
        article.id = record.id
        article.add("title", distinct(p.title for p in pubs))
        article.add("name", distinct(p.title for p in pubs) or PurePath(doc.name).name)
        article.add("fileName", distinct(PurePath(p.name).name for p in pubs))
        article.add("publisher", distinct(p.outlet for p in pubs))
        article.add("author", distinct(p.author for p in pubs))
        article.add("publishedAt", distinct(p.date for p in pubs))
        article.add("sourceUrl", distinct(p.url for p in pubs))
        article.add("bodyText", doc.text)
        article.add("language", doc.language)
        article.add("encoding", doc.encoding)
        article.add("contentHash", hashlib.sha1(doc.text.encode("utf-8")).hexdigest())
        article.add("processingAgent", f"claimscope {__version__}")
        article.add("processedAt", record.first_ingested)

        exported: dict[str, str] = {}  # claimscope entity id -> FtM id, for this document
        links = []
        for entity in analysis.entities:
            names = distinct([entity.name, *(m.text for m in entity.mentions)])
            article.add("namesMentioned", names)
            if entity.type in MENTIONED:
                article.add(MENTIONED[entity.type], names)
            schema = SCHEMATA.get(entity.type)
            if schema is None:
                continue
            fid = entity_fid(entity)
            exported[entity.id] = fid
            self._merge_entity(fid, schema, entity, names)
            links.append(self._mention(record.id, fid, schema, names))
            if not model.get(schema).is_a("LegalEntity"):
                links.append(self._documentation(record.id, fid, "mentioned", pubs,
                                                 summary=f"{len(entity.mentions)} mentions"))
        # FtM trims the whitespace around every value, bodyText included: offsets given here
        # count into the trimmed text, so they hold for whoever reads the FtM file.
        shift = len(doc.text) - len(doc.text.lstrip())
        for att in analysis.attributions:
            if att.source is None:
                continue
            links.append(self._attribution(record.id, att, exported.get(att.source_entity), pubs, shift))
        self._emit(article)
        for proxy in links:
            self._emit(proxy)

    def _merge_entity(self, fid: str, schema: str, entity: Entity, names: list[str]) -> None:
        proxy = self._entities.get(fid)
        if proxy is None:
            proxy = model.make_entity(schema)
            proxy.id = fid
            proxy.add("name", entity.name)
            if schema == "Address":
                proxy.add("full", entity.name)
            self._entities[fid] = proxy
        # The first document's name stays the name; every other form (another document may
        # give a fuller or a noisier one) is an alias.
        primary = proxy.first("name")
        proxy.add("alias", [n for n in distinct([*names, *entity.aliases]) if n != primary])

    def _mention(self, doc_id: str, fid: str, schema: str, names: list[str]):
        mention = model.make_entity("Mention")
        mention.id = make_entity_id("mention", doc_id, fid, key_prefix=KEY_PREFIX)
        mention.add("document", doc_id)
        mention.add("name", names)
        mention.add("detectedSchema", schema)
        if model.get(schema).is_a("LegalEntity"):
            mention.add("resolved", fid)
        return mention

    def _documentation(self, doc_id: str, fid: str, role: str, pubs, *, summary: str | None = None,
                       key: str | None = None):
        link = model.make_entity("Documentation")
        link.id = make_entity_id("documentation", doc_id, fid, role, key, key_prefix=KEY_PREFIX)
        link.add("document", doc_id)
        link.add("entity", fid)
        link.add("role", role)
        link.add("summary", summary)
        link.add("date", pubs[0].date)
        link.add("publisher", distinct(p.outlet for p in pubs))
        link.add("sourceUrl", distinct(p.url for p in pubs))
        return link

    def _attribution(self, doc_id: str, att, fid: str | None, pubs, shift: int):
        content = att.content.text if att.content is not None else None

        def at(span) -> str:
            return f"{span.start - shift}-{span.end - shift}"

        where = f"source {att.source.text!r} at {at(att.source)}, cue {att.cue.text!r} at {at(att.cue)}"
        if att.content is not None:
            where += f", content at {at(att.content)}"
        where += " (characters of bodyText)"
        if fid is not None:
            link = self._documentation(doc_id, fid, f"source ({att.kind})", pubs, summary=content,
                                       key=att.id)
            link.add("recordId", att.id)
            link.add("description", where)
            return link
        note = model.make_entity("Note")
        note.id = make_entity_id("attribution", att.id, key_prefix=KEY_PREFIX)
        note.add("name", f"{att.source.text} {att.cue.text}")
        note.add("entity", doc_id)
        note.add("summary", content)
        note.add("description", f"unnamed source ({att.kind} attribution, {att.id}): {where}")
        note.add("publisher", distinct(p.outlet for p in pubs))
        note.add("sourceUrl", distinct(p.url for p in pubs))
        return note

    def finalize(self) -> None:
        for proxy in self._entities.values():
            self._emit(proxy)
