"""Word overlap between a claim (headline) and a text (article body): cheap, no model.

Two uses in stance detection: choose the body sentences a cross-encoder reads (the ones that
share most content words with the headline, plus the lead), and tell clearly unrelated pairs
apart before any model runs (an article about another story shares almost no content words
with the headline). Words are lowercased, stop words dropped, and cut to their first six
letters so that "killed" / "killing" and "protest" / "protesters" meet.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not of off on once only or other our ours ourselves
    out over own same she should so some such than that the their theirs them themselves then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say
    new one two after year years like get got told reports report reported according""".split()
)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and an
# upper-case letter, a digit or a quote; also at a newline.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(A-Z0-9])|\n+")


def content_words(text: str) -> list[str]:
    """Lowercased content words cut to six letters, in text order (repeats kept)."""
    out = []
    for w in WORD.findall(text.lower()):
        w = w.replace("’", "'").split("'")[0]
        if len(w) > 1 and w not in STOP_WORDS:
            out.append(w[:6])
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of the sentences of `text`, blanks skipped."""
    out, at = [], 0
    for m in SENTENCE_END.finditer(text):
        if text[at : m.start()].strip():
            out.append(_strip(text, at, m.start()))
        at = m.end()
    if text[at:].strip():
        out.append(_strip(text, at, len(text)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=2048)
def _profile(body: str) -> tuple[tuple[tuple[int, int], ...], tuple[frozenset[str], ...], tuple[str, ...]]:
    """Sentence ranges, their content-word sets and the body's content words, computed once
    per body (one body is compared with many headlines)."""
    ranges = tuple(sentences(body))
    return ranges, tuple(frozenset(content_words(body[s:e])) for s, e in ranges), tuple(content_words(body))


def excerpt(headline: str, body: str, *, max_chars: int = 700, lead: int = 1) -> str:
    """The body sentences that share most content words with the headline, in body order.

    The first `lead` sentences always come first (a news lead usually states the story's
    stance); the others are ranked by the number of distinct headline words they contain
    (earlier first on ties) and added while they fit in `max_chars`. Sentences are joined
    with " … " so the reader sees where text was skipped.
    """
    ranges, sentence_words, _ = _profile(body)
    if not ranges:
        return ""
    head = set(content_words(headline))
    scored = [(-len(head & words), k) for k, words in enumerate(sentence_words)]
    chosen: list[int] = []
    used = 0
    for k in range(min(lead, len(ranges))):
        chosen.append(k)
        used += ranges[k][1] - ranges[k][0] + 3
    for neg_shared, k in sorted(scored):
        if k in chosen or neg_shared == 0:
            continue
        length = ranges[k][1] - ranges[k][0] + 3
        if used + length > max_chars:
            continue
        chosen.append(k)
        used += length
    parts = [body[ranges[k][0] : ranges[k][1]] for k in sorted(chosen)]
    return " … ".join(parts)[: max_chars * 2]


def relatedness_features(headline: str, body: str) -> list[float]:
    """Features of how much a body is about a headline (inputs of the unrelated pre-filter).

    [share of distinct headline words found in the body, best share found in one body sentence,
    share of headline word bigrams found in the body, log(1 + number of distinct shared words),
    share of headline words in the body's first 3 sentences]
    """
    head = content_words(headline)
    head_set = set(head)
    if not head_set:
        return [0.0, 0.0, 0.0, 0.0, 0.0]
    _, sentence_words, words = _profile(body)
    body_set = set(words)
    best = 0.0
    lead_words: set[str] = set()
    for k, sent in enumerate(sentence_words):
        best = max(best, len(head_set & sent) / len(head_set))
        if k < 3:
            lead_words |= sent
    head_bigrams = set(zip(head, head[1:]))
    body_bigrams = set(zip(words, words[1:]))
    bigram_share = len(head_bigrams & body_bigrams) / len(head_bigrams) if head_bigrams else 0.0
    shared = head_set & body_set
    return [
        len(shared) / len(head_set),
        best,
        bigram_share,
        math.log1p(len(shared)),
        len(head_set & lead_words) / len(head_set),
    ]
