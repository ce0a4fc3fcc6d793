"""The accounting of one article, and its JSON form (schema `claimscope.analysis`, versioned).

docs/analysis-schema.md documents every key; tests check the two agree.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from claimscope.model.records import (
    Argument,
    Attribution,
    Claim,
    Entity,
    Evidence,
    Structure,
    Technique,
    TextSpan,
)
from claimscope.model.vocabulary import terms

SCHEMA = "claimscope.analysis"
# 2.0: ids are hashes over document, kind and offsets (model/ids.py), ordinals moved to `label`;
# the analysed text is part of the document block, so every offset can be checked.
# 2.1: `attributions[].speaker_entity`, the speaker also where the attribution has no source
# words of its own (a quotation going on from its speaker's), which `source.entity` cannot hold.
SCHEMA_VERSION = "2.1"


def document_id(text: str) -> str:
    """Same text, same id: re-analysing an article never creates a second one."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class DocumentInfo:
    name: str
    text: str
    source_kind: str = "text"
    language: str | None = "en"
    encoding: str | None = "utf-8"
    meta: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return document_id(self.text)


@dataclass
class Analysis:
    document: DocumentInfo
    entities: list[Entity]
    attributions: list[Attribution]
    claims: list[Claim]
    techniques: list[Technique]
    structure: Structure
    sentences: int
    components: dict[str, str]
    technique_density: dict[str, float] = field(default_factory=dict)
    # Desires, positions and acts beside the sayings (PolNeAR annotates both): shown, never
    # counted as statements (claims, the ledger and the store read `attributions` only).
    stances: list[Attribution] = field(default_factory=list)

    def summary(self) -> dict:
        statuses = Counter(c.status for c in self.claims)
        evidence = Counter(c.evidence.kind for c in self.claims)
        named = sum(evidence[k] for k in ("named_person", "named_organization"))
        with_evidence = sum(1 for c in self.claims if c.evidence.kind != "none")
        total = len(self.claims)
        return {
            "claims": total,
            "by_status": {s: statuses.get(s, 0) for s in terms("epistemic_status")},
            "by_evidence": {k: evidence.get(k, 0) for k in terms("evidence_kind")},
            "named_sources": named,
            "anonymous_sources": evidence.get("anonymous", 0),
            "share_with_evidence": round(with_evidence / total, 3) if total else 0.0,
            "attributions": len(self.attributions),
            "attributions_by_kind": dict(Counter(a.kind for a in self.attributions)),
            "arguments": len(self.structure.arguments),
            "techniques": len(self.techniques),
            "check_worthy": sum(1 for c in self.claims if c.check_worthy),
        }

    def as_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "document": {
                "id": self.document.id,
                "name": self.document.name,
                "source_kind": self.document.source_kind,
                "language": self.document.language,
                "encoding": self.document.encoding,
                "meta": self.document.meta,
                "length": len(self.document.text),
                "sentences": self.sentences,
                "text": self.document.text,
            },
            "components": self.components,
            "entities": [_entity(e) for e in self.entities],
            "attributions": [_attribution(a) for a in self.attributions],
            "stances": [_attribution(a) for a in self.stances],
            "claims": [_claim(c) for c in self.claims],
            "techniques": [
                {"label": t.label, "start": t.start, "end": t.end, "score": round(t.score, 3),
                 "text": t.text}
                for t in self.techniques
            ],
            "technique_density": self.technique_density,
            "structure": _structure(self.structure),
            "summary": self.summary(),
        }


    @classmethod
    def from_dict(cls, data: dict) -> Analysis:
        """The inverse of `as_dict`: `Analysis.from_dict(a.as_dict()).as_dict() == a.as_dict()`.

        The store, the JSON schema and later the API models all read this one definition.
        """
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} object (schema={data.get('schema')!r})")
        d = data["document"]
        info = DocumentInfo(name=d["name"], text=d["text"], source_kind=d["source_kind"],
                            language=d["language"], encoding=d["encoding"], meta=dict(d["meta"]))
        return cls(
            document=info,
            entities=[_entity_from(e) for e in data["entities"]],
            attributions=[_attribution_from(a) for a in data["attributions"]],
            claims=[_claim_from(c) for c in data["claims"]],
            techniques=[Technique(label=t["label"], start=t["start"], end=t["end"], score=t["score"],
                                  text=t["text"]) for t in data["techniques"]],
            structure=_structure_from(data["structure"]),
            sentences=d["sentences"],
            components=dict(data["components"]),
            technique_density=dict(data["technique_density"]),
            stances=[_attribution_from(a) for a in data.get("stances", [])],
        )


def _span(span: TextSpan | None) -> dict | None:
    return span.as_dict() if span is not None else None


def _entity(e: Entity) -> dict:
    return {
        "id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
    }


def _attribution(a: Attribution) -> dict:
    source = None
    if a.source is not None:
        source = {**a.source.as_dict(), "entity": a.source_entity}
    return {
        "id": a.id, "label": a.label, "kind": a.kind, "source": source, "cue": _span(a.cue),
        "content": _span(a.content), "speaker_entity": a.source_entity, "score": round(a.score, 3),
    }


def _claim(c: Claim) -> dict:
    return {
        "id": c.id, "label": c.label, "text": c.text, "start": c.start, "end": c.end,
        "asserter": {"name": c.asserter_name, "entity": c.asserter_entity},
        "status": c.status, "certainty": c.certainty, "cues": [_span(x) for x in c.cues],
        "checkworthiness": c.checkworthiness, "check_worthy": c.check_worthy,
        "evidence": {"kind": c.evidence.kind, "source": c.evidence.source, "role": c.evidence.role,
                     "cue": _span(c.evidence.cue)},
        "attribution": c.attribution, "subject": c.subject, "object": c.object,
        "entities": c.entities, "argument": c.argument, "sentence": c.sentence,
    }


def _structure(s: Structure) -> dict:
    return {
        "thesis": _span(s.thesis),
        "arguments": [
            {"id": a.id, "label": a.label, "marker": a.marker, "ordinal": a.ordinal, "start": a.start, "end": a.end,
             "claims": a.claims}
            for a in s.arguments
        ],
        "conclusion": _span(s.conclusion),
    }


def _entity_from(e: dict) -> Entity:
    return Entity(id=e["id"], name=e["name"], type=e["type"], aliases=list(e["aliases"]),
                  mentions=[TextSpan.from_dict(m) for m in e["mentions"]])


def _attribution_from(a: dict) -> Attribution:
    source = a["source"]
    return Attribution(
        id=a["id"], label=a.get("label"), kind=a["kind"], cue=TextSpan.from_dict(a["cue"]),
        content=TextSpan.from_dict(a["content"]), source=TextSpan.from_dict(source),
        source_entity=a["speaker_entity"] if "speaker_entity" in a else (source["entity"] if source else None),
        score=a["score"],
    )


def _claim_from(c: dict) -> Claim:
    ev = c["evidence"]
    return Claim(
        id=c["id"], label=c.get("label"), text=c["text"], start=c["start"], end=c["end"],
        asserter_name=c["asserter"]["name"], asserter_entity=c["asserter"]["entity"],
        status=c["status"], certainty=c["certainty"], checkworthiness=c["checkworthiness"],
        check_worthy=c["check_worthy"],
        evidence=Evidence(kind=ev["kind"], source=ev["source"], role=ev["role"],
                          cue=TextSpan.from_dict(ev["cue"])),
        cues=[TextSpan.from_dict(x) for x in c["cues"]], attribution=c["attribution"],
        subject=c["subject"], object=c["object"], entities=list(c["entities"]),
        argument=c["argument"], sentence=c["sentence"],
    )


def _structure_from(s: dict) -> Structure:
    return Structure(
        thesis=TextSpan.from_dict(s["thesis"]),
        arguments=[Argument(id=a["id"], label=a.get("label"), marker=a["marker"], start=a["start"],
                            end=a["end"], ordinal=a["ordinal"], claims=list(a["claims"]))
                   for a in s["arguments"]],
        conclusion=TextSpan.from_dict(s["conclusion"]),
    )

