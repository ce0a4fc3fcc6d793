"""Claim clusters: mentions of one proposition across (and within) documents.

A new claim is compared only with the clusters that share one of its block keys (`block_keys`:
the entities it is about, else its rarest content words), by the dot product of its embedding
with each cluster's centroid; the best candidate the matcher accepts (`same_claim`) takes it,
otherwise it founds a cluster. Incremental by construction: placing a claim reads a few
clusters and writes one, so the cost of a document does not grow with the corpus.

Two claims can look alike and still be different propositions: "nine killed" / "eleven killed",
"X was involved" / "X was not involved". `same_claim` refuses those, and `conflict_kind` names
the link the new cluster gets to the one it resembles (`figure` or `contradiction`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from claimscope.ledger.figures import conflicting_figures, same_count
from claimscope.ledger.matching import ClaimMatcher, _stem, content_words
from claimscope.model.ids import make_id

WORD_KEYS = 2  # block keys taken from content words when a claim names no entity
STORY_DAYS = 30
STORY_COSINE = 0.5
SHARED_WORDS = 0.2  # content-word Jaccard a contradiction needs besides the cosine
NEAREST = 8  # candidates (by cosine) the matcher decides on, and conflicts are looked for in


@dataclass
class ClaimItem:
    """One claim as the clusters see it."""

    id: str
    document: str
    text: str
    status: str
    keys: list[str]
    figures: list[dict]
    polarity: int
    date: str | None
    embedding: np.ndarray
    found_id: str | None = None  # the id of the cluster it founds, if it founds one


@dataclass
class ClusterState:
    """A cluster as placement needs it (loaded from the store, or made in this update)."""

    id: str
    representative: str
    text: str
    centroid: np.ndarray
    size: int
    keys: list[str]
    figures: list[dict]
    polarity: int
    first_seen: str | None = None
    last_seen: str | None = None
    new: bool = False
    changed: bool = False
    documents: int = 1  # documents with a mention in it (the update counts them)

    def as_row(self) -> dict:
        # A cluster founded by one claim is stored without its centroid: it is bitwise that
        # claim's stored vector, which the store reads in its place (migration 0006).
        founded_alone = self.new and self.size == 1
        return {"id": self.id, "representative": self.representative, "text": self.text,
                "centroid": b"" if founded_alone else np.asarray(self.centroid, dtype=np.float32).tobytes(),
                "size": self.size,
                "documents": self.documents,
                "keys": sorted(self.keys), "first_seen": self.first_seen, "last_seen": self.last_seen,
                "new": self.new}


@dataclass
class Placement:
    cluster: ClusterState
    score: float
    founded: bool
    conflicts: list[dict] = field(default_factory=list)


def block_keys(entity_keys: list[str], text: str, figures: list[dict] = ()) -> list[str]:
    """The keys a claim is blocked by: `e:<entity>` for each entity it is about (a claim about no
    entity gets `w:<stem>` keys of its longest content words instead), and `q:<quantity>` for
    each quantity it counts, so that two death tolls meet however differently they are told."""
    quantities = {f"q:{f['quantity']}" for f in figures}
    if entity_keys:
        return sorted({f"e:{k}" for k in entity_keys} | quantities)
    words = sorted({_stem(w) for w in content_words(text) if len(w) >= 5 and not w.isdigit()},
                   key=lambda w: (-len(w), w))
    return sorted({f"w:{w}" for w in words[:WORD_KEYS]} | quantities)


def cluster_id(claim_id: str) -> str:
    return "clu-" + make_id(claim_id)


def same_claim(matcher: ClaimMatcher, claim: ClaimItem, cluster: ClusterState) -> bool:
    """The matcher says same proposition, no figure of the same quantity differs, and both say
    it the same way round (affirmed or negated)."""
    # The cheap checks first: the matcher may run a cross-encoder (milliseconds a pair).
    return (claim.polarity == cluster.polarity
            and not conflicting_figures(claim.figures, cluster.figures)
            and matcher.accepts(claim.text, cluster.text, claim.embedding, cluster.centroid))


def conflict_kind(cosine: float, claim: ClaimItem, cluster: ClusterState,
                  matcher: ClaimMatcher) -> tuple[str, str] | None:
    """`figure`: alike claims counting the same quantity differently ("nine" / "seventeen dead");
    `contradiction`: alike claims, one affirmed and one negated or denied. With the reason.
    "Alike" is the embeddings' cosine at or above the matcher's conflict similarities."""
    pairs = conflicting_figures(claim.figures, cluster.figures)
    if pairs and cosine >= matcher.figure_similarity and _same_story(claim, cluster, cosine):
        x, y = pairs[0]
        return "figure", f"{x['quantity']}: {y['text']} vs {x['text']}"
    if (claim.polarity * cluster.polarity == -1 and cosine >= matcher.contradiction_similarity
            and _shared_entity(claim, cluster) and _shared_words(claim.text, cluster.text) >= SHARED_WORDS):
        return "contradiction", "one affirms what the other negates or denies"
    return None


def same_figure_claim(cosine: float, claim: ClaimItem, cluster: ClusterState, matcher: ClaimMatcher) -> bool:
    """Counts of one thing told two ways ("the death toll rose to 17" / "the bombing that killed
    17 people"): the same counts, alike enough, in one story, said the same way round."""
    return (same_count(claim.figures, cluster.figures) and cosine >= matcher.figure_similarity
            and claim.polarity == cluster.polarity and _same_story(claim, cluster, cosine))


def _shared_entity(claim: ClaimItem, cluster: ClusterState) -> bool:
    return bool({k for k in claim.keys if k.startswith("e:")} & set(cluster.keys))


def _shared_words(a: str, b: str) -> float:
    """Jaccard of stemmed content words: a denial and what it denies talk of the same things."""
    x = {_stem(w) for w in content_words(a)}
    y = {_stem(w) for w in content_words(b)}
    return len(x & y) / len(x | y) if x | y else 0.0


def place(claim: ClaimItem, candidates: list[ClusterState], matcher: ClaimMatcher) -> Placement:
    """Put a claim in the best accepting cluster, or found one; note conflicts with the clusters
    it resembles but must not join."""
    return place_ranked(claim, rank(claim, candidates), matcher)


def rank(claim: ClaimItem, candidates: list[ClusterState]) -> list[tuple[float, ClusterState]]:
    """(cosine, cluster), nearest first (ties by id): the order placement reads candidates in."""
    return sorted(((float(np.dot(claim.embedding, c.centroid)), c) for c in candidates),
                  key=lambda x: (-x[0], x[1].id))


def may_matter(cosine: float, claim: ClaimItem, cluster_figures: bool, cluster_polarity: int,
               matcher: ClaimMatcher, slack: float = 0.0) -> bool:
    """Can a candidate beyond the `NEAREST` change a placement? Only by `same_figure_claim` or
    `conflict_kind`, and both need figures on both sides at `figure_similarity`, or opposite
    polarities at `contradiction_similarity`. (The update's block index skips the rest.)"""
    if claim.figures and cluster_figures and cosine >= matcher.figure_similarity - slack:
        return True
    return claim.polarity * cluster_polarity == -1 and cosine >= matcher.contradiction_similarity - slack


def place_ranked(claim: ClaimItem, scored: list[tuple[float, ClusterState]], matcher: ClaimMatcher) -> Placement:
    """`place` over candidates already ranked by `rank`; any candidate left out must be one that
    is not among the `NEAREST` and for which `may_matter` is false (it would change nothing)."""
    # Nearest first by cosine; the matcher is asked only about the few nearest.
    chosen = None
    for cosine, cluster in scored[:NEAREST]:
        if cosine < matcher.min_cosine:
            break  # sorted: no nearer candidate is left to ask the matcher about
        if same_claim(matcher, claim, cluster):
            chosen = (matcher.score(claim.text, cluster.text, claim.embedding, cluster.centroid), cluster)
            break
    if chosen is None:
        chosen = next(((cosine, c) for cosine, c in scored if same_figure_claim(cosine, claim, c, matcher)), None)
    if chosen is not None:
        score, cluster = chosen
        _join(cluster, claim)
        placement = Placement(cluster, score, founded=False)
    else:
        cluster = ClusterState(id=claim.found_id or cluster_id(claim.id), representative=claim.id, text=claim.text,
                               centroid=claim.embedding.copy(), size=1, keys=list(claim.keys),
                               figures=claim.figures, polarity=claim.polarity, first_seen=claim.date,
                               last_seen=claim.date, new=True, changed=True)
        placement = Placement(cluster, 1.0, founded=True)
    for score, other in scored:
        if other.id == placement.cluster.id:
            continue
        kind = conflict_kind(score, claim, other, matcher)
        if kind:
            a, b = sorted((placement.cluster.id, other.id))
            placement.conflicts.append({"a": a, "b": b, "kind": kind[0], "score": round(float(score), 4),
                                        "reason": kind[1]})
    return placement


def _same_story(claim: ClaimItem, cluster: ClusterState, cosine: float) -> bool:
    """Two counts can be of one thing: they are dated within `STORY_DAYS` of each other (a death
    toll in another story is another death toll), and they name a common entity, or one names
    none, or they are told much alike (cosine `STORY_COSINE`: "Kestrian claims that only nine
    died" / "nine died, far fewer than Carvelian media say")."""
    mine = {k for k in claim.keys if k.startswith("e:")}
    theirs = {k for k in cluster.keys if k.startswith("e:")}
    if mine and theirs and not mine & theirs and cosine < STORY_COSINE:
        return False
    from claimscope.ledger.origins import within_days

    return within_days(claim.date, cluster.last_seen or cluster.first_seen, STORY_DAYS)


def _join(cluster: ClusterState, claim: ClaimItem) -> None:
    total = cluster.centroid * cluster.size + claim.embedding
    norm = np.linalg.norm(total)
    cluster.centroid = (total / norm if norm > 0 else total).astype(np.float32)
    cluster.size += 1
    cluster.keys = sorted(set(cluster.keys) | set(claim.keys))
    dates = [d for d in (cluster.first_seen, cluster.last_seen, claim.date) if d]
    cluster.first_seen = min(dates) if dates else None
    cluster.last_seen = max(dates) if dates else None
    cluster.changed = True
