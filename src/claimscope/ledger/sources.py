"""Independent sources: who originally stands behind a claim, counted once however often copied.

Each mention of a cluster has one source, keyed by `source_key`:

- a named person or organisation (the asserter resolved to an entity, or named evidence) is
  that entity, wherever it is quoted: the same spokesman quoted by three outlets is one source;
- a document the text relies on ("a memo seen by the Ledger", "the panel's report") is that
  document, and counts as a source like a person;
- an anonymous source ("a senior official") is one source per origin: the same official in two
  copies of one story is one source, while officials in two independent stories are two;
- a media report ("the Morning Ledger reported") is that outlet's reporting;
- the author's own statement is the origin's reporting: a wire story carried by five sites is
  one origin and one source.

A question ("whether Dravon knew") is nobody's claim and is not a source of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NOT_A_SOURCE = frozenset({"questioned"})
_DETERMINERS = re.compile(r"^(a|an|the|this|that|these|those|its|his|her|their|our)\s+", re.IGNORECASE)
_GENERIC = frozenset({"government", "republic", "ministry", "office", "state", "kingdom", "people",
                      "the", "of", "and", "for", "national", "federal", "department"})


@dataclass
class Source:
    key: str
    name: str
    kind: str  # named | document | anonymous | media_report | author
    entity: str | None = None
    documents: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


def _norm(text: str | None) -> str:
    text = " ".join((text or "").split()).strip(" ,.;:\"'")
    while _DETERMINERS.match(text):
        text = _DETERMINERS.sub("", text, count=1)
    return text.lower()


def document_key(evidence_source: str | None) -> str:
    """A document by its head word ('A confidential memo' -> memo, 'the UN report' -> report):
    two mentions of 'the memo' are one memo; distinct documents of one kind merge, which
    undercounts rather than inflating corroboration."""
    words = re.findall(r"[a-z]+", _norm(evidence_source))
    return words[-1] if words else "document"


def source_key(mention: dict) -> tuple[str, str, str, str | None]:
    """(key, display name, kind, entity) of a mention's source; see the module docstring."""
    kind = mention["evidence_kind"]
    asserter_key = mention.get("asserter_key")
    name = mention.get("asserter_name") or mention.get("evidence_source") or "unnamed source"
    if kind == "document":
        head = document_key(mention.get("evidence_source"))
        return f"document:{head}", (mention.get("evidence_source") or head).strip(), "document", None
    if asserter_key:
        return f"entity:{asserter_key}", name, "named", asserter_key
    if kind in ("named_person", "named_organization") and mention.get("evidence_source"):
        return f"name:{_norm(mention['evidence_source'])}", mention["evidence_source"], "named", None
    if kind == "anonymous":
        return f"anonymous:{mention['origin']}:{_norm(mention.get('evidence_source'))}", name, "anonymous", None
    if kind == "media_report":
        outlet = _norm(mention.get("evidence_source")) or "a media report"
        return f"media:{outlet}", mention.get("evidence_source") or outlet, "media_report", None
    outlet = mention.get("outlet") or "the author"
    return f"author:{mention['origin']}", f"{outlet} ({mention.get('asserter_name') or 'author'})", "author", None


def repeats(mentions: list[dict]) -> set[int]:
    """Mentions that only repeat their origin: a copy says what its origin says, whoever the
    analysis of the copy took the speaker to be. Within each origin group only the mentions of
    its earliest document that has any (the origin itself when it has one) name sources; the
    other copies' mentions of the claim add documents, not sources."""
    first: dict[str, tuple] = {}
    for m in mentions:
        rank = (m["document"] != m["origin"], m.get("date") or "9999", m["document"])
        if m["origin"] not in first or rank < first[m["origin"]]:
            first[m["origin"]] = rank
    return {i for i, m in enumerate(mentions) if m["document"] != first[m["origin"]][2]}


def independent_sources(mentions: list[dict]) -> list[Source]:
    """The distinct original sources of the mentions (questions left out), most documents first;
    copies count where their origin's mention is (`repeats`)."""
    found: dict[str, Source] = {}
    skip = repeats(mentions)
    for i, m in enumerate(mentions):
        if m["status"] in NOT_A_SOURCE:
            continue
        if i in skip:
            # The copy's document still carries the source its origin names.
            continue
        key, name, kind, entity = source_key(m)
        source = found.setdefault(key, Source(key=key, name=name, kind=kind, entity=entity))
        _add(source, m)
    # Each source carries the documents of the copies that repeat it.
    by_origin = {}
    for i, m in enumerate(mentions):
        if i not in skip and m["status"] not in NOT_A_SOURCE:
            by_origin.setdefault(m["origin"], []).append(found[source_key(m)[0]])
    for i in skip:
        for source in by_origin.get(mentions[i]["origin"], []):
            _add(source, mentions[i])
    return sorted(found.values(), key=lambda s: (-len(s.origins), -len(s.documents), s.name))


def _add(source: Source, m: dict) -> None:
    for attr, value in (("documents", m["document"]), ("origins", m["origin"]), ("outlets", m.get("outlet"))):
        values = getattr(source, attr)
        if value and value not in values:
            values.append(value)


def explain(mentions: list[dict], sources: list[Source]) -> str:
    """One paragraph: how many mentions, documents, origins and independent sources, and why."""
    documents = {m["document"] for m in mentions}
    origins = {m["origin"] for m in mentions}
    parts = [f"{len(mentions)} mention{'s' if len(mentions) != 1 else ''} in {len(documents)} "
             f"document{'s' if len(documents) != 1 else ''} from {len(origins)} "
             f"origin{'s' if len(origins) != 1 else ''}"]
    copies = len(documents) - len({m["document"] for m in mentions if m["document"] == m["origin"]})
    if copies:
        parts.append(f"{copies} document{'s are copies' if copies != 1 else ' is a copy'} of another here")
    described = []
    for s in sources:
        where = f"{len(s.documents)} document{'s' if len(s.documents) != 1 else ''}"
        if len(s.origins) != len(s.documents):
            where += f" of {len(s.origins)} origin{'s' if len(s.origins) != 1 else ''}"
        described.append(f"{s.name} ({s.kind}, {where})")
    parts.append(f"{len(sources)} independent source{'s' if len(sources) != 1 else ''}"
                 + (": " + "; ".join(described) if described else ""))
    return ". ".join(parts) + "."


def concerns(asserter_key: str | None, asserter_name: str | None, entity_keys: list[str],
             entity_names: list[str]) -> bool:
    """The asserter is a party the claim is about: one of its entities, or named after one
    ('Government of Kestria' for a claim about Kestria)."""
    if asserter_key and asserter_key in entity_keys:
        return True
    if not asserter_name:
        return False
    tokens = {t for t in re.findall(r"[a-z]{4,}", asserter_name.lower()) if t not in _GENERIC}
    for name in entity_names:
        if tokens & {t for t in re.findall(r"[a-z]{4,}", name.lower()) if t not in _GENERIC}:
            return True
    return False
