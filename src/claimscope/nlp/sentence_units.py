"""The sentence encoder's pass over a Doc, made once and shared by the components that read it.

`claimscope_claims` (check-worthiness, uncertainty) and `claimscope_rhetoric` (technique
spans) read the same encoded sentences; whichever runs first encodes, the other reuses.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

from claimscope.model.records import TextSpan
from claimscope.nlp.extensions import text_of
from claimscope.runtime.sentence_encoding import EncodedUnit

# Held beside the Doc, not in `doc.user_data`: that is serialised with the Doc (to_bytes,
# DocBin) and numpy-filled units cannot be; the entry goes when the Doc does.
_UNITS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of the Doc's sentences as spaCy gives them (a paragraph break stays with
    the sentence before it); without a parser, lines stand in for sentences. The one sentence
    split the components read: the attribution tagger windows these, the sentence encoder
    reads them trimmed (`doc_sentence_ranges`)."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    bounds, at = [], 0
    for line in text_of(doc).splitlines(keepends=True):
        bounds.append((at, at + len(line)))
        at += len(line)
    return bounds or [(0, 0)]


def doc_sentence_ranges(doc: Doc) -> list[tuple[int, int]] | None:
    """`sentence_bounds` without surrounding blanks, blank ones left out; None without a parser
    (the sentence encoder then reads lines, its training unit: runtime/sentence_encoding.py)."""
    if not doc.has_annotation("SENT_START"):
        return None
    text = text_of(doc)
    return [(s.start, s.end) for s in (TextSpan.cut(text, start, end, strip=True)
                                       for start, end in sentence_bounds(doc)) if s.end > s.start]


def sentence_units(doc: Doc, encoder) -> list[EncodedUnit]:
    """`encoder.encode(text, ranges)` once per Doc and model directory."""
    by_model = _UNITS.setdefault(doc, {})
    key = str(encoder.model_dir)
    if key not in by_model:
        by_model[key] = encoder.encode(text_of(doc), doc_sentence_ranges(doc))
    return by_model[key]
