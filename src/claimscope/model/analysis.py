"""The accounting of one article, and its JSON form (schema `claimscope.analysis`, versioned).

docs/analysis-schema.md documents every key; tests check the two agree.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from claimscope.model.records import (
    Attribution,
    Claim,
    Entity,
    Structure,
    Technique,
    TextSpan,
)
from claimscope.model.vocabulary import terms

SCHEMA = "claimscope.analysis"
SCHEMA_VERSION = "1.0"


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
            },
            "components": self.components,
            "entities": [_entity(e) for e in self.entities],
            "attributions": [_attribution(a) for a in self.attributions],
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
        "id": a.id, "kind": a.kind, "source": source, "cue": _span(a.cue),
        "content": _span(a.content), "score": round(a.score, 3),
    }


def _claim(c: Claim) -> dict:
    return {
        "id": c.id, "text": c.text, "start": c.start, "end": c.end,
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
            {"id": a.id, "marker": a.marker, "ordinal": a.ordinal, "start": a.start, "end": a.end,
             "claims": a.claims}
            for a in s.arguments
        ],
        "conclusion": _span(s.conclusion),
    }
