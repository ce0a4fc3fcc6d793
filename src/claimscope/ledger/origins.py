"""Origins: which documents are copies of which, and which one is the original.

A syndicated or lightly edited copy is not a confirmation: a wire story printed by five sites is
one origin. Copies are found two ways, each a small named rule below:

- `near_duplicate`: the two texts share most of their word 4-grams (shingles). Candidates come
  from MinHash signatures (datasketch, 128 permutations) cut into LSH bands, so a new document is
  compared only with the few stored documents that share a band, never with the whole corpus;
  each candidate is then checked on the real shingles (`containment`).
- `credited_copy`: the text credits an agency or outlet ("Reporting by Coastline Wire", "(Reuters)
  —", "AP —", a byline "Jane Roe (Coastline Wire)") and shares a smaller part of its shingles with
  a text of that outlet, or with another text crediting it.

Copies form groups (transitively: a copy of a copy is in the group); a group's origin is its
earliest publication (`origin_rank`); a document that copies nothing is its own origin.

The rules work on `OriginDoc` records and a `Backend` that finds candidates and remembers groups,
so the same code runs on the store (`ledger/update.py`) and in memory (`claimscope eval origins`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 4  # word 4-grams: a light edit breaks few of them, two stories share almost none
NUM_PERM = 128
LSH_THRESHOLD = 0.3  # candidates from an estimated Jaccard of about this; checked exactly after
NEAR_DUPLICATE_CONTAINMENT = 0.5  # share of the shorter text's shingles found in the other
CREDITED_CONTAINMENT = 0.2  # enough when the text credits the other's outlet
CREDIT_WINDOW_DAYS = 3  # a credited outlet's texts this close in date are candidates too
MAX_CREDIT_CANDIDATES = 200  # of those, the nearest in date (a wire prints hundreds a day)
SEED = 1

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_DASH = r"[—–-]{1,2}"


@dataclass(frozen=True)
class OriginDoc:
    """What the origin rules read of one document."""

    id: str
    text: str
    outlet: str | None = None
    date: str | None = None  # ISO 8601; the earliest publication's
    author: str | None = None
    first_ingested: str | None = None


@dataclass
class OriginLink:
    """Why a document is in its group: the rule, the document it matched, and how much they share."""

    document: str
    copy_of: str | None  # None: it copies nothing stored (its own origin so far)
    rule: str  # near_duplicate | credited_copy | original
    containment: float = 0.0
    credits: list[str] = field(default_factory=list)


# -- shingles and signatures -------------------------------------------------------------------

def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The text's word k-grams, lowercased; a text shorter than k words is one shingle."""
    tokens = words(text)
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def signature(shingle_set: Iterable[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in shingle_set])
    return m


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    # datasketch's own choice of b bands of r rows for this threshold (false pos/neg weighted).
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(m: MinHash) -> list[str]:
    """One key per LSH band: two documents sharing any key are candidate copies."""
    b, r = _bands()
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(b):
        digest = hashlib.blake2b(values[band * r:(band + 1) * r].tobytes(), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller shingle set found in the other: a copy that cut or added paragraphs
    still scores high, where Jaccard would fall with the length difference."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# -- credit lines ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Spelling (lowercased) -> agency name, from ledger/agencies.json."""
    data = json.loads((Path(__file__).with_name("agencies.json")).read_text(encoding="utf-8"))
    table = {}
    for entry in data["agencies"]:
        for alias in entry["aliases"] + [entry["name"]]:
            table[alias.lower()] = entry["name"]
    return table


def normalise_outlet(name: str) -> str:
    """'The Essary Herald' and 'Essary Herald' are one outlet; an agency alias is its agency."""
    name = " ".join(name.split()).strip(" .,;:")
    known = agencies().get(name.lower())
    if known:
        return known.lower()
    return re.sub(r"^the\s+", "", name.lower())


def dateline_credit(text: str) -> list[str]:
    """'PORT ESSARY, Carvelia (Coastline Wire) —' or 'LONDON (Reuters) -': an agency in
    parentheses before the dash that opens the story, in its first lines."""
    head = text[:600]
    return [m.group(1) for m in re.finditer(rf"\(([A-Z][\w.&' -]{{1,40}}?)\)\s*{_DASH}\s", head)]


def agency_lead_credit(text: str) -> list[str]:
    """'AP — ...' or 'Reuters - ...' at the start of a paragraph: a known agency only (an
    all-capitals place name opens datelines the same way)."""
    found = []
    for m in re.finditer(rf"(?m)^\s*([A-Z][\w.&'-]{{1,30}}(?: [A-Z][\w.&'-]+){{0,3}})\s*{_DASH}\s", text):
        if m.group(1).lower() in agencies():
            found.append(m.group(1))
    return found


def reporting_by_credit(text: str) -> list[str]:
    """'Reporting by Coastline Wire', '(Additional) reporting by Reuters', 'Distributed by AP':
    the named reporter, when it is an organisation (checked against the known names by
    `credits`); a person's name here names no outlet."""
    pattern = r"(?i:(?:additional\s+)?reporting\s+by|distributed\s+by|courtesy\s+of|source:)\s+" \
              r"((?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})"
    return [m.group(1) for m in re.finditer(pattern, text)]


def byline_credit(author: str | None) -> list[str]:
    """A byline naming an agency: 'Ilse Brandvold (Coastline Wire)', 'By Jane Roe, Associated
    Press', or just 'Reuters'."""
    if not author:
        return []
    found = re.findall(r"\(([^()]{2,40})\)", author)
    for part in re.split(r",|;|\band\b|\bfor\b", author):
        part = part.strip()
        if part.lower() in agencies():
            found.append(part)
    return found


def credits(text: str, author: str | None, own_outlet: str | None = None) -> list[str]:
    """Every name the document credits (dateline, lead, 'reporting by', byline), normalised.

    Kept as found: whether a name is an outlet is only known when its texts are stored, so the
    copy rules compare these names with outlets when they compare two documents, and
    `is_credit` decides which count as crediting a wire. A wire crediting itself ('(Coastline
    Wire) —' on Coastline Wire) credits nobody."""
    names = [normalise_outlet(raw) for raw in dateline_credit(text) + reporting_by_credit(text)
             + byline_credit(author) + agency_lead_credit(text)]
    own = normalise_outlet(own_outlet) if own_outlet else None
    return sorted(set(names) - {own})


def is_credit(name: str, outlets: Iterable[str]) -> bool:
    """A credited name that names a wire: a known agency or an outlet of the corpus."""
    known = {a.lower() for a in agencies().values()}
    return name in known or name in {normalise_outlet(o) for o in outlets if o}


# -- copy rules --------------------------------------------------------------------------------

def near_duplicate(shared: float) -> bool:
    """Most of the shorter text's shingles are in the other: a copy, lightly edited at most."""
    return shared >= NEAR_DUPLICATE_CONTAINMENT


def credited_copy(shared: float, a_outlet: str | None, a_credits: list[str], b_outlet: str | None,
                  b_credits: list[str]) -> bool:
    """One text credits the other's outlet (or both credit the same one) and they share a real
    part of their wording: wire copy rewritten more than lightly."""
    if shared < CREDITED_CONTAINMENT:
        return False
    a, b = set(a_credits), set(b_credits)
    a_home = {normalise_outlet(a_outlet)} if a_outlet else set()
    b_home = {normalise_outlet(b_outlet)} if b_outlet else set()
    return bool(a & (b_home | b)) or bool(b & a_home)


def origin_rank(doc: OriginDoc, credited: list[str]) -> tuple:
    """How a group picks its origin: the earliest date; on the same day, a text that credits
    nobody before one that credits a wire; then the first ingested; then the id."""
    return (doc.date or "9999", 1 if credited else 0, doc.first_ingested or "", doc.id)


# -- the algorithm, over any backend -----------------------------------------------------------

class Backend(Protocol):
    """What `assign` needs from where the documents live (the store, or memory for the eval)."""

    def band_candidates(self, keys: list[str], exclude: str) -> list[str]: ...
    def outlet_candidates(self, outlets: list[str], date: str | None, exclude: str,
                          crediting_only: bool = False) -> list[str]:
        """Documents near `date` from one of `outlets` or crediting one of them (only the
        crediting ones with `crediting_only`), at most MAX_CREDIT_CANDIDATES."""
    def shingles_of(self, document_id: str) -> set[str]: ...
    def doc_of(self, document_id: str) -> OriginDoc: ...
    def credits_of(self, document_id: str) -> list[str]: ...
    def group_of(self, document_id: str) -> str | None: ...  # the origin id of a known document
    def members(self, origin: str) -> list[str]: ...
    def outlets(self) -> list[str]: ...


@dataclass
class Assignment:
    """The outcome of adding one document: its link and the origin of every group it touched."""

    link: OriginLink
    keys: list[str]
    credits: list[str]
    origin: str
    regrouped: dict[str, str]  # document id -> new origin, for every member whose origin changed
    # Matched documents that are copies of the new one (it is earlier): document -> its new link.
    relinked: dict[str, OriginLink] = field(default_factory=dict)


def assign(doc: OriginDoc, backend: Backend, doc_shingles: set[str] | None = None) -> Assignment:
    """Find what a new document copies and the origin of its (possibly merged) group."""
    sh = doc_shingles if doc_shingles is not None else shingles(doc.text)
    keys = band_keys(signature(sh))
    own_credits = credits(doc.text, doc.author, doc.outlet)
    candidates = dict.fromkeys(backend.band_candidates(keys, doc.id))
    # Texts of the outlets this one credits (or crediting them too), and texts that credit this
    # one's outlet; the nearest in date first, at most MAX_CREDIT_CANDIDATES of each.
    if own_credits:
        candidates.update(dict.fromkeys(backend.outlet_candidates(own_credits, doc.date, doc.id)))
    if doc.outlet:
        candidates.update(dict.fromkeys(backend.outlet_candidates([normalise_outlet(doc.outlet)], doc.date,
                                                                  doc.id, crediting_only=True)))
    best: OriginLink | None = None
    matched: list[str] = []
    shares: dict[str, tuple[str, float]] = {}
    for other in candidates:
        shared = containment(sh, backend.shingles_of(other))
        other_doc = backend.doc_of(other)
        rule = None
        if near_duplicate(shared):
            rule = "near_duplicate"
        elif credited_copy(shared, doc.outlet, own_credits, other_doc.outlet, backend.credits_of(other)):
            rule = "credited_copy"
        if rule is None:
            continue
        matched.append(other)
        shares[other] = (rule, round(shared, 4))
        if best is None or shared > best.containment:
            best = OriginLink(doc.id, other, rule, round(shared, 4), own_credits)
    link = best or OriginLink(doc.id, None, "original", 0.0, own_credits)
    # The new group: the new document, and every member of the groups it matched.
    groups = {backend.group_of(m) or m for m in matched}
    members = {doc.id}
    for g in groups:
        members.update(backend.members(g) or [g])
    ranked = []
    outlets = backend.outlets() + ([doc.outlet] if doc.outlet else [])
    for m in members:
        d = doc if m == doc.id else backend.doc_of(m)
        c = own_credits if m == doc.id else backend.credits_of(m)
        ranked.append((origin_rank(d, [x for x in c if is_credit(x, outlets)]), m))
    origin = min(ranked)[1]
    regrouped = {m: origin for m in members if m != doc.id and backend.group_of(m) != origin}
    relinked = {}
    if origin == doc.id and matched:
        # The new document is the original of what it matched: those are its copies now.
        link = OriginLink(doc.id, None, "original", 0.0, own_credits)
        for m in matched:
            if backend.group_of(m) in (m, None) or m in regrouped:
                relinked[m] = OriginLink(m, doc.id, shares[m][0], shares[m][1], backend.credits_of(m))
    return Assignment(link=link, keys=keys, credits=own_credits, origin=origin, regrouped=regrouped,
                      relinked=relinked)


class MemoryBackend:
    """Documents held in memory: what `claimscope eval origins` and the unit tests run on."""

    def __init__(self) -> None:
        self.docs: dict[str, OriginDoc] = {}
        self.sh: dict[str, set[str]] = {}
        self.bands: dict[str, set[str]] = {}
        self.credit: dict[str, list[str]] = {}
        self.origin: dict[str, str] = {}
        self.links: dict[str, OriginLink] = {}

    def add(self, doc: OriginDoc) -> Assignment:
        sh = shingles(doc.text)
        result = assign(doc, self, sh)
        self.docs[doc.id] = doc
        self.sh[doc.id] = sh
        self.credit[doc.id] = result.credits
        self.links[doc.id] = result.link
        for key in result.keys:
            self.bands.setdefault(key, set()).add(doc.id)
        self.origin[doc.id] = result.origin
        self.origin.update(result.regrouped)
        self.links.update(result.relinked)
        return result

    def band_candidates(self, keys, exclude):
        found: set[str] = set()
        for key in keys:
            found |= self.bands.get(key, set())
        found.discard(exclude)
        return sorted(found)

    def outlet_candidates(self, outlets, date, exclude, crediting_only=False):
        wanted = set(outlets)
        return sorted(d.id for d in self.docs.values()
                      if d.id != exclude and ((not crediting_only and d.outlet and normalise_outlet(d.outlet) in wanted)
                                              or wanted & set(self.credit.get(d.id, [])))
                      and within_days(d.date, date, CREDIT_WINDOW_DAYS))[:MAX_CREDIT_CANDIDATES]

    def shingles_of(self, document_id):
        return self.sh[document_id]

    def doc_of(self, document_id):
        return self.docs[document_id]

    def credits_of(self, document_id):
        return self.credit.get(document_id, [])

    def group_of(self, document_id):
        return self.origin.get(document_id)

    def members(self, origin):
        return [d for d, o in self.origin.items() if o == origin]

    def outlets(self):
        return sorted({d.outlet for d in self.docs.values() if d.outlet})


def within_days(a: str | None, b: str | None, days: int) -> bool:
    """Two ISO dates at most `days` apart; an unknown date is never excluded."""
    from datetime import date

    if not a or not b:
        return True
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days
    except ValueError:
        return True
