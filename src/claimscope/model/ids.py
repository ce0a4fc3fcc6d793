"""Ids that hold across documents: a hash over a fact's defining parts, never an ordinal.

Like FollowTheMoney's `make_entity_id`: the same document, kind and offsets always give the
same id, so storing an article twice is a no-op and two documents' facts never collide in a
store. The short ordinals (`a0`, `c1`, `arg1`) survive only as display labels.
"""

from __future__ import annotations

import hashlib

# The prefix makes an id readable on its own (a claim id is never mistaken for an attribution's).
PREFIXES = {
    "attribution": "att",
    "stance": "stn",
    "claim": "clm",
    "argument": "arg",
    "mention": "men",
    "technique": "tec",
    "publication": "pub",
    "cue": "cue",
    "entity": "ent",
    "structure": "stu",  # a thesis or conclusion span
}


def make_id(*parts: object) -> str:
    """40-bit-safe digest of the parts in order; None parts are skipped, as FtM does."""
    digest = hashlib.sha1()
    for part in parts:
        if part is None:
            continue
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\x1f")  # a separator, so ("ab", "c") and ("a", "bc") differ
    return digest.hexdigest()[:20]


def fact_id(kind: str, document_id: str, start: int, end: int, *extra: object) -> str:
    """The id of one fact of one document: kind, document and character offsets define it."""
    return f"{PREFIXES[kind]}-{make_id(document_id, kind, start, end, *extra)}"


def assign_ids(analysis) -> None:
    """Give every attribution, claim and argument of an Analysis its hash id, in place.

    The ordinal a component gave (`a0`, `c1`, `arg1`) becomes the record's `label`, and every
    reference (claim -> attribution, claim -> argument, argument -> claims) is rewritten. Calling
    it again after offsets changed (pieces of a long text merged) recomputes the ids.
    """
    doc_id = analysis.document.id
    seen: set[str] = set()

    def unique(kind: str, start: int, end: int, *extra) -> str:
        candidate = fact_id(kind, doc_id, start, end, *extra)
        bump = 0
        while candidate in seen:  # two facts on one span (rare): disambiguate deterministically
            bump += 1
            candidate = fact_id(kind, doc_id, start, end, *extra, bump)
        seen.add(candidate)
        return candidate

    attribution_ids: dict[str, str] = {}
    for a in analysis.attributions:
        a.label = a.label or a.id
        new = unique("attribution", a.cue.start, a.cue.end)
        attribution_ids[a.id] = new
        a.id = new
    for a in getattr(analysis, "stances", []):
        a.label = a.label or a.id
        a.id = unique("stance", a.cue.start, a.cue.end)
    argument_ids: dict[str, str] = {}
    for arg in analysis.structure.arguments:
        arg.label = arg.label or arg.id
        new = unique("argument", arg.start, arg.end)
        argument_ids[arg.id] = new
        arg.id = new
    claim_ids: dict[str, str] = {}
    for c in analysis.claims:
        c.label = c.label or c.id
        new = unique("claim", c.start, c.end)
        claim_ids[c.id] = new
        c.id = new
        c.attribution = attribution_ids.get(c.attribution, c.attribution)
        c.argument = argument_ids.get(c.argument, c.argument)
    for arg in analysis.structure.arguments:
        arg.claims = [claim_ids.get(x, x) for x in arg.claims]


def ordinal_ids(analysis) -> None:
    """Undo `assign_ids` in place: ids back to the components' ordinals, labels cleared.

    Merging the pieces of a long text renumbers ordinals across pieces and then hashes again
    over the whole text's document id (nlp/chunking.py).
    """
    attribution = {a.id: a.label or a.id for a in analysis.attributions}
    argument = {a.id: a.label or a.id for a in analysis.structure.arguments}
    claim = {c.id: c.label or c.id for c in analysis.claims}
    for a in analysis.attributions:
        a.id, a.label = attribution[a.id], None
    for arg in analysis.structure.arguments:
        arg.id, arg.label = argument[arg.id], None
        arg.claims = [claim.get(x, x) for x in arg.claims]
    for c in analysis.claims:
        c.id, c.label = claim[c.id], None
        c.attribution = attribution.get(c.attribution, c.attribution)
        c.argument = argument.get(c.argument, c.argument)
