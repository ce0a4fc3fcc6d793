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
  one origin and one source;
- a pronoun the analysis could not resolve ("It notes that ...", "he said" with no entity) is
  listed as `unresolved_pronoun`, and is not counted beside another source: it may stand for
  any source already counted. A cluster whose only sources are such pronouns rests on one
  source nobody identified, and counts one.

An outlet or an author that only relays a document is not a source beside that document
(`relayed_document`, `relays`): "the Morning Ledger reported that a leaked memo described
meetings" rests on the memo, as the Ledger's own story ("a memo seen by the Morning Ledger") does;
a report by an outlet whose own story is in the cluster is that story's sources again. A document
known only through relays is one source, but second-hand: it does not make a claim known.

A question ("whether Dravon knew") is nobody's claim and is not a source of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NOT_A_SOURCE = frozenset({"questioned"})
_DETERMINERS = re.compile(r"^(a|an|the|this|that|these|those|its|his|her|their|our)\s+", re.IGNORECASE)
_GENERIC = frozenset({"government", "republic", "ministry", "office", "state", "kingdom", "people",
                      "the", "of", "and", "for", "national", "federal", "department"})
# A source that is only a pronoun: without its entity it names nobody.
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "him", "her", "them", "us",
                      "this", "that", "these", "those", "who", "one"})
UNRESOLVED = "unresolved_pronoun"
# What a document does when it tells something: "a leaked memo described meetings ...".
_DOCUMENT_NOUNS = ("memo|memorandum|report|document|documents|cable|cables|letter|email|emails|"
                   "dossier|file|files|transcript|minutes|filing|filings|indictment|study|assessment|"
                   "audit|survey|records|intercepts?")
_TELLING_VERBS = ("described|describes|describe|says|said|say|shows|showed|show|alleges|alleged|"
                  "states|stated|details|detailed|claims|claimed|records|recorded|reveals|revealed|"
                  "suggests|suggested|indicates|indicated|notes|noted|found|finds|concludes|concluded|"
                  "accuses|accused|names|named|lists|listed|outlines|outlined")
# The claim text opens with a document telling it: "(that) a leaked intelligence memo described",
# at most four words between the determiner and the document noun, the telling verb right after.
_RELAYED = re.compile(
    rf"^\W*(?:and|but|so)?\s*(?:that\s+)?(?P<phrase>(?:a|an|the|this|that|its|their|his|her)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?P<noun>{_DOCUMENT_NOUNS}))\s+(?:also\s+|reportedly\s+)?"
    rf"(?:{_TELLING_VERBS})\b", re.IGNORECASE)


@dataclass
class Source:
    key: str
    name: str
    kind: str  # named | document | anonymous | media_report | author | unresolved_pronoun
    entity: str | None = None
    documents: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    # False for a source that may be one already counted (an unresolved pronoun beside others).
    counted: bool = True
    # Who relays it without being a source of their own ("The Morning Ledger in Coastline Wire").
    relayed_by: list[str] = field(default_factory=list)
    # Known here only through relays: no mention rests on it directly. Such a document is one
    # source, but second-hand: it does not make a claim known (`has_document`) by itself.
    relayed_only: bool = False


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
    said_by = mention.get("evidence_source") or mention.get("asserter_name")
    if _norm(said_by) in PRONOUNS:
        return f"unresolved:{mention['origin']}:{_norm(said_by)}", said_by.strip(), UNRESOLVED, None
    if kind in ("named_person", "named_organization") and mention.get("evidence_source"):
        return f"name:{_norm(mention['evidence_source'])}", mention["evidence_source"], "named", None
    if kind == "anonymous":
        return f"anonymous:{mention['origin']}:{_norm(mention.get('evidence_source'))}", name, "anonymous", None
    if kind == "media_report":
        outlet = _norm(mention.get("evidence_source")) or "a media report"
        return f"media:{outlet}", mention.get("evidence_source") or outlet, "media_report", None
    outlet = mention.get("outlet") or "the author"
    return f"author:{mention['origin']}", f"{outlet} ({mention.get('asserter_name') or 'author'})", "author", None


def relayed_document(mention: dict) -> tuple[str, str] | None:
    """(key, name) of the document a mention's text says it comes from, for a mention whose
    source is an outlet's report or the author's own statement: "that a leaked intelligence memo
    described meetings ..." relays the memo. None when the text does not open that way."""
    found = _RELAYED.match(mention.get("text") or "")
    if found is None:
        return None
    phrase = " ".join(found.group("phrase").split())
    return f"document:{document_key(phrase)}", phrase[0].upper() + phrase[1:]


def relays(mentions: list[dict], counting: list[int]) -> dict[int, tuple[str, str, str, str | None]]:
    """Mentions (among `counting`) that only relay another source: index -> (key, name, kind,
    entity) of the source they relay.

    - an outlet's report ("the Morning Ledger reported that ...": a media report, or the outlet
      named as the speaker) or the author's own statement whose text opens with a document
      telling it (`relayed_document`) relays that document;
    - any other report by an outlet whose own story is among the mentions relays that story's
      source, its document first: the outlet's reporting is counted where its story is.
    """
    keys = {i: source_key(mentions[i]) for i in counting}
    by_outlet: dict[str, list[int]] = {}
    for i in counting:
        m = mentions[i]
        for outlet in dict.fromkeys([*(m.get("outlets") or []), m.get("outlet")]):
            if outlet:
                by_outlet.setdefault(_norm(outlet), []).append(i)

    def outlet_of(i: int) -> str | None:
        _, name, kind, _ = keys[i]
        if kind == "media_report" or mentions[i]["evidence_kind"] == "media_report":
            return _norm(mentions[i].get("evidence_source") or name)
        return _norm(name) if kind == "named" and _norm(name) in by_outlet else None

    out: dict[int, tuple[str, str, str, str | None]] = {}
    for i in counting:
        if keys[i][2] == "author" or outlet_of(i) is not None:
            document = relayed_document(mentions[i])
            if document is not None:
                out[i] = (*document, "document", None)
    resolved = {i: out.get(i, keys[i]) for i in counting}
    for i in counting:
        outlet = outlet_of(i)
        if i in out or outlet is None:
            continue
        # The outlet's own story: its mentions in another document (a story does not relay itself).
        own = [j for j in by_outlet.get(outlet, [])
               if mentions[j]["document"] != mentions[i]["document"] and resolved[j][2] != UNRESOLVED]
        if own:
            best = min(own, key=lambda j: (resolved[j][2] != "document", j))
            out[i] = resolved[best]
    return out


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


def mention_sources(mentions: list[dict]) -> dict[int, tuple[str, str, str, str | None]]:
    """The source (key, name, kind, entity) of each mention that names one: questions and
    copies' mentions left out (`repeats`), relays resolved to what they relay (`relays`)."""
    return _resolved(mentions)[0]


def _resolved(mentions: list[dict]) -> tuple[dict[int, tuple], dict[int, tuple]]:
    skip = repeats(mentions)
    counting = [i for i, m in enumerate(mentions) if m["status"] not in NOT_A_SOURCE and i not in skip]
    relayed = relays(mentions, counting)
    return {i: relayed.get(i) or source_key(mentions[i]) for i in counting}, relayed


def independent_sources(mentions: list[dict]) -> list[Source]:
    """The distinct original sources of the mentions (questions left out), counted ones first,
    then most origins and documents; copies count where their origin's mention is (`repeats`),
    relays where what they relay is (`relays`). Unresolved pronouns are listed, counted only in
    a cluster without any other source (the module docstring). `counted(sources)` is the count."""
    found: dict[str, Source] = {}
    skip = repeats(mentions)
    keys, relayed = _resolved(mentions)
    direct: set[str] = set()
    for i, (key, name, kind, entity) in keys.items():
        source = found.setdefault(key, Source(key=key, name=name, kind=kind, entity=entity))
        _add(source, mentions[i])
        if i not in relayed:
            direct.add(key)
        if i in relayed:
            m = mentions[i]
            _, by, by_kind, _ = source_key(m)
            label = by if by_kind == "author" or not m.get("outlet") else f"{by} in {m['outlet']}"
            if label not in source.relayed_by:
                source.relayed_by.append(label)
    for key, source in found.items():
        source.relayed_only = key not in direct
    # Each source carries the documents of the copies that repeat it.
    by_origin: dict[str, list[Source]] = {}
    for i, (key, *_) in keys.items():
        by_origin.setdefault(mentions[i]["origin"], []).append(found[key])
    for i in skip:
        for source in by_origin.get(mentions[i]["origin"], []):
            _add(source, mentions[i])
    ordered = sorted(found.values(), key=lambda s: (s.kind == UNRESOLVED, -len(s.origins), -len(s.documents), s.name))
    identified = any(s.kind != UNRESOLVED for s in ordered)
    for n, s in enumerate(x for x in ordered if x.kind == UNRESOLVED):
        s.counted = not identified and n == 0
    return sorted(ordered, key=lambda s: not s.counted)


def counted(sources: list[Source]) -> int:
    """How many of the sources count as independent (see `independent_sources`)."""
    return sum(1 for s in sources if s.counted)


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
    described, uncounted = [], []
    for s in sources:
        where = f"{len(s.documents)} document{'s' if len(s.documents) != 1 else ''}"
        if len(s.origins) != len(s.documents):
            where += f" of {len(s.origins)} origin{'s' if len(s.origins) != 1 else ''}"
        if s.relayed_by:
            where += f"; relayed by {', '.join(s.relayed_by)}, not a source of its own"
        if s.relayed_only:
            where += "; known here only through that relay"
        if s.kind == UNRESOLVED and s.counted:
            where += "; a pronoun nobody resolved, the only source"
        (described if s.counted else uncounted).append(f"{s.name} ({s.kind}, {where})")
    n = counted(sources)
    parts.append(f"{n} independent source{'s' if n != 1 else ''}"
                 + (": " + "; ".join(described) if described else ""))
    if uncounted:
        parts.append("Not counted: " + "; ".join(uncounted)
                     + (", a pronoun" if len(uncounted) == 1 else ", pronouns")
                     + " nobody resolved, which may stand for a source counted here")
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
