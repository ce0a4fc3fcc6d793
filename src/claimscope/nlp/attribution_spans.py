"""Pure attribution logic over character spans: windows, BIO decoding, grouping, quote kinds.

No spaCy here, so the evaluation and the tests can use it on plain strings. The spaCy
component (`claimscope.nlp.attribution`) feeds it sentence boundaries and the ONNX tagger.

Grouping rules (PolNeAR's shape: every attribution has a cue; a source and a content sit
next to it, in the same sentence or the neighbouring one):
- every predicted cue starts an attribution;
- a source joins the nearest cue in its own sentence, else in an adjacent sentence; one source
  per cue and one cue per source (PolNeAR is univocal: a token plays one role in one attribution);
- a content joins its nearest cue no more than one sentence away if that cue has no content
  yet (nearest pairs first); if it has one, the content takes a free cue of its own sentence,
  else it becomes one more fragment of its nearest cue's content (a quotation split by
  "he said"). On PolNeAR gold spans (train validation part) these rules
  rebuild 99.8 % of the attributions;
- a source or content that no cue claims is dropped: without a cue nothing says who is
  speaking (a model that missed the cue would otherwise invent an attribution). Before
  grouping, `recover_cues` may give such a sentence the cue the tagger nearly chose;
- after grouping, `drop_bare` may drop cues that got neither a source nor a content.
"Nearest" is the character gap between the spans; crossing a sentence boundary costs more
than any in-sentence gap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from claimscope.model.records import widen_to_words

ROLE_NAMES = ("source", "cue", "content")
_CROSS_SENTENCE = 100_000  # added to gaps that cross a sentence boundary


@dataclass(frozen=True)
class RoleSpan:
    role: str  # source | cue | content
    start: int
    end: int
    score: float = 1.0


@dataclass
class Group:
    cue: RoleSpan
    source: RoleSpan | None = None
    contents: list[RoleSpan] = field(default_factory=list)

    @property
    def content_extent(self) -> tuple[int, int] | None:
        if not self.contents:
            return None
        return min(c.start for c in self.contents), max(c.end for c in self.contents)


# ---------------------------------------------------------------- windows over sentences

def plan_windows(unit_pieces: Sequence[int], budget: int, overlap: int | None = None) -> list[tuple[int, int]]:
    """Windows [first, last) of consecutive units whose pieces fit `budget`.

    `overlap=None`: each next window starts at the unit where the previous one passes half its
    budget (every unit seen about twice). `overlap=k`: the next window starts k units before
    the previous one ends, so only the k units at each seam are seen twice (they give the
    neighbouring window context); k=0 tiles the text. Units must each fit the budget; every
    window advances by at least one unit.
    """
    n = len(unit_pieces)
    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        j, total = i, 0
        while j < n and total + unit_pieces[j] <= budget:
            total += unit_pieces[j]
            j += 1
        j = max(j, i + 1)
        out.append((i, j))
        if j >= n:
            break
        if overlap is not None:
            i = max(j - overlap, i + 1)
            continue
        # Next start: first unit after the window's midpoint (always advance by at least one).
        k, acc = i, 0
        while k < j and acc + unit_pieces[k] <= total // 2:
            acc += unit_pieces[k]
            k += 1
        i = max(k, i + 1)
    return out


# ---------------------------------------------------------------- decoding

def constrained_path(probs: np.ndarray, labels: Sequence[str]) -> np.ndarray:
    """The most probable label sequence in which every I-X follows a B-X or an I-X (Viterbi).

    Piece by piece argmax lets a lone I-CUE after an O become a cue of its own, and splits a
    content wherever one piece dips; the best *valid* sequence weighs each piece's labels
    against its neighbours'. `probs` may be weighted; rows are renormalised first.
    """
    n, k = probs.shape
    logp = np.log(np.clip(probs / probs.sum(axis=1, keepdims=True), 1e-9, None))
    inside = [lab[2:] if lab.startswith("I-") else None for lab in labels]
    allowed = np.ones((k, k), dtype=bool)  # allowed[previous, next]
    for j, role in enumerate(inside):
        if role is not None:
            allowed[:, j] = [lab in (f"B-{role}", f"I-{role}") for lab in labels]
    penalty = np.where(allowed, 0.0, -np.inf)
    score = np.where([role is None for role in inside], logp[0], -np.inf)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        candidates = score[:, None] + penalty
        back[t] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + logp[t]
    path = np.empty(n, dtype=np.int64)
    path[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def decode_bio(starts: np.ndarray, ends: np.ndarray, probs: np.ndarray, labels: Sequence[str],
               *, constrained: bool = False) -> list[RoleSpan]:
    """Piece probabilities -> role spans; an I- that does not continue its type starts a span.

    `constrained`: labels from `constrained_path` instead of each piece's argmax.
    """
    if len(probs) == 0:
        return []
    best = constrained_path(probs, labels) if constrained else probs.argmax(-1)
    spans: list[RoleSpan] = []
    current: list | None = None  # [role, start, end, scores]
    for k, lab in enumerate(best):
        tag = labels[int(lab)]
        if tag == "O":
            if current:
                spans.append(_close(current))
            current = None
            continue
        prefix, role = tag.split("-", 1)
        role = role.lower()
        if prefix == "I" and current and current[0] == role:
            current[2] = int(ends[k])
            current[3].append(float(probs[k, lab]))
            continue
        if current:
            spans.append(_close(current))
        current = [role, int(starts[k]), int(ends[k]), [float(probs[k, lab])]]
    if current:
        spans.append(_close(current))
    return spans


def snap_to_words(spans: Sequence[RoleSpan], text: str) -> list[RoleSpan]:
    """Widen every span to whole words (alphanumeric runs): "Dr" of "Dravon" becomes "Dravon".

    The tagger labels word pieces, so a span may start or end inside a word. A word split
    between two spans goes to the span of its first piece: the later span then starts after
    that word (and is dropped if nothing is left).
    """
    out: list[RoleSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = widen_to_words(text, span.start, span.end)
        if out and start < out[-1].end:
            start = out[-1].end  # the earlier span owns the shared word (ends on its boundary)
            if start >= end:
                continue
        out.append(RoleSpan(span.role, start, end, span.score))
    return out


def merge_adjacent(spans: Sequence[RoleSpan], text: str, roles=("source", "cue")) -> list[RoleSpan]:
    """Join neighbouring spans of one role separated by nothing but spaces ("The" + "DNC").

    PolNeAR never puts two sources (or two cues) of different attributions side by side, so a
    stray B- inside a name only splits it. Contents are left apart: they may belong to two
    attributions, and grouping joins fragments of one content anyway.
    """
    out: list[RoleSpan] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = out[-1] if out else None
        if (last is not None and span.role == last.role and span.role in roles
                and not text[last.end : span.start].strip()):
            out[-1] = RoleSpan(span.role, last.start, span.end, min(last.score, span.score))
        else:
            out.append(span)
    return out


def recover_cues(spans: Sequence[RoleSpan], starts: np.ndarray, ends: np.ndarray,
                 cue_prob: np.ndarray, sentence_starts: Sequence[int], threshold: float) -> list[RoleSpan]:
    """Cues for sentences that hold a source or content but no cue; `spans` must be decoded already.

    Without a cue, grouping drops the sentence's source and content, although the tagger often
    did see a cue there, only with less probability than another label. In every such sentence
    the piece with the highest cue probability (`cue_prob` = P(B-CUE) + P(I-CUE) per piece),
    outside every existing span, becomes a cue if that probability reaches `threshold`; it grows
    over neighbouring free pieces of the sentence that also reach it. Returns the new cues only
    (piece bounds: widen them to whole words like the other spans).
    """
    if len(starts) == 0:
        return []
    bounds = sorted(sentence_starts) or [0]

    def sentence_of(char: int) -> int:
        return bisect_right(bounds, char) - 1

    cued, wanted = set(), set()
    for span in spans:
        ends_in = {sentence_of(span.start), sentence_of(max(span.start, span.end - 1))}
        if span.role == "cue":
            cued |= ends_in
        elif span.role == "content":
            wanted |= ends_in  # a content's cue may sit before or after it
        elif span.role == "source":
            wanted.add(sentence_of(span.start))
    piece_starts = np.asarray(starts)
    piece_sentence = np.searchsorted(np.asarray(bounds), piece_starts, side="right") - 1
    # A piece is free when it starts inside no span: one mask per span, not a scan per piece.
    free = np.ones(len(piece_starts), dtype=bool)
    for span in spans:
        free &= ~((piece_starts >= span.start) & (piece_starts < span.end))
    found: list[RoleSpan] = []
    for sentence in sorted(wanted - cued):
        pieces = set(np.flatnonzero((piece_sentence == sentence) & free).tolist())
        if not pieces:
            continue
        best = max(sorted(pieces), key=lambda k: cue_prob[k])
        if cue_prob[best] < threshold:
            continue
        first = last = best
        while first - 1 in pieces and cue_prob[first - 1] >= threshold:
            first -= 1
        while last + 1 in pieces and cue_prob[last + 1] >= threshold:
            last += 1
        found.append(RoleSpan("cue", int(starts[first]), int(ends[last]), float(cue_prob[best])))
    return found


def _close(current) -> RoleSpan:
    return RoleSpan(current[0], current[1], current[2], float(np.mean(current[3])))


# ---------------------------------------------------------------- grouping

def _gap(a: RoleSpan, b: RoleSpan, sentence_of) -> int:
    gap = max(0, max(a.start, b.start) - min(a.end, b.end))
    # Sentences between the facing ends of the two spans.
    if a.end <= b.start:
        hops = sentence_of(b.start) - sentence_of(max(a.start, a.end - 1))
    elif b.end <= a.start:
        hops = sentence_of(a.start) - sentence_of(max(b.start, b.end - 1))
    else:
        hops = 0
    return gap + _CROSS_SENTENCE * abs(hops) if abs(hops) <= 1 else -1


class _CueIndex:
    """The cues `_gap` can pair with a span, found without looking at every cue.

    `_gap` pairs spans at most one sentence apart (facing ends), so a cue that pairs with a
    span either overlaps it, or ends in the span's first sentence or the one before, or starts
    in its last sentence or the one after. Each cue is filed under every sentence it touches;
    a span's candidates are the cues filed under those four sentences and the cues that start
    inside it. Candidates are a superset: `_gap` still decides, so grouping is unchanged, in
    time linear in the spans rather than spans times cues (a 960-paragraph text spent 14.7 of
    42 s pairing every span with every cue).
    """

    def __init__(self, cues: Sequence[RoleSpan], sentence_of):
        self.sentence_of = sentence_of
        self.starts = [c.start for c in cues]  # cues come sorted by start
        self.by_sentence: dict[int, list[int]] = {}
        for g, cue in enumerate(cues):
            for k in range(sentence_of(cue.start), sentence_of(max(cue.start, cue.end - 1)) + 1):
                self.by_sentence.setdefault(k, []).append(g)

    def candidates(self, span: RoleSpan) -> set[int]:
        first = self.sentence_of(span.start)
        last = self.sentence_of(max(span.start, span.end - 1))
        found = set(range(bisect_left(self.starts, span.start), bisect_left(self.starts, span.end)))
        for k in {first - 1, first, last, last + 1}:
            found.update(self.by_sentence.get(k, ()))
        return found


def group_spans(spans: Sequence[RoleSpan], sentence_starts: Sequence[int]) -> list[Group]:
    """Group role spans into attributions (rules in the module docstring), in cue order."""
    starts = sorted(sentence_starts) or [0]

    def sentence_of(char: int) -> int:
        return bisect_right(starts, char) - 1

    cues = sorted((s for s in spans if s.role == "cue"), key=lambda s: s.start)
    groups = [Group(cue=c) for c in cues]
    near = _CueIndex(cues, sentence_of)

    def pairs(role: str):
        found = []
        items = sorted((s for s in spans if s.role == role), key=lambda s: s.start)
        for i, item in enumerate(items):
            for g in near.candidates(item):
                d = _gap(item, groups[g].cue, sentence_of)
                if d >= 0:
                    found.append((d, i, g))
        return items, sorted(found)

    sources, source_pairs = pairs("source")
    taken: set[int] = set()
    for _, i, g in source_pairs:
        if i not in taken and groups[g].source is None:
            groups[g].source = sources[i]
            taken.add(i)

    contents, content_pairs = pairs("content")
    nearest: dict[int, int] = {}
    for _, i, g in content_pairs:
        nearest.setdefault(i, g)
    leftovers = []
    for _, i, g in content_pairs:  # first pass: a content takes its nearest cue if still free
        if nearest.get(i) != g:
            continue
        if not groups[g].contents:
            groups[g].contents.append(contents[i])
        else:
            leftovers.append(i)
    by_content: dict[int, list[tuple[int, int]]] = {}
    for d, i, g in content_pairs:
        by_content.setdefault(i, []).append((d, g))
    for i in leftovers:
        # A free cue in the same sentence wins; otherwise the content is one more fragment of
        # its nearest cue's content (a quotation split by "he said").
        free = [(d, g) for d, g in by_content[i] if d < _CROSS_SENTENCE and not groups[g].contents]
        g = min(free)[1] if free else nearest[i]
        groups[g].contents.append(contents[i])
    for group in groups:
        group.contents.sort(key=lambda s: s.start)
    return groups


def drop_bare(groups: Sequence[Group]) -> list[Group]:
    """Groups that have a source or a content: a cue alone says nobody said anything.

    Such cues are mostly ordinary verbs the tagger took for reporting ones. Dropping them
    after grouping equals grouping without them: a cue left bare took nothing from the others.
    """
    return [g for g in groups if g.source is not None or g.contents]


# ---------------------------------------------------------------- direct / mixed / indirect

_OPEN = {"“": "”", "«": "»"}
_CLOSE = {"”", "»"}


@lru_cache(maxsize=1)
def quoted_mask(text: str) -> np.ndarray:
    """True for characters inside double quotation marks; quotes never run past a line break.

    Read-only, and kept for the last text asked about: the junk, filter and governor rules ask
    for the whole document's mask once per group (`quote_kind` without a mask), which made the
    component quadratic in the text's length (25 of 35 s of the attribution component on a
    60,000-character text). One entry: the cache never holds more than one document.
    """
    mask = np.zeros(len(text), dtype=bool)
    open_at = -1
    for i, ch in enumerate(text):
        if ch == "\n":
            open_at = -1
        elif ch in _OPEN or (ch == '"' and open_at < 0):
            open_at = i
        elif (ch in _CLOSE or ch == '"') and open_at >= 0:
            mask[open_at : i + 1] = True
            open_at = -1
    mask.flags.writeable = False
    return mask


def quote_kind(text: str, fragments: Sequence[tuple[int, int]], mask: np.ndarray | None = None) -> str:
    """'direct' if every word character of the content is quoted, 'mixed' if some, else 'indirect'."""
    mask = quoted_mask(text) if mask is None else mask
    inside = outside = 0
    for start, end in fragments:
        for i in range(start, end):
            if text[i].isalnum():
                if mask[i]:
                    inside += 1
                else:
                    outside += 1
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"
