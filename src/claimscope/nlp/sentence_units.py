"""The sentence encoder's pass over a Doc, made once and shared by the components that read it.

`claimscope_claims` (check-worthiness, uncertainty) and `claimscope_rhetoric` (technique
spans) read the same encoded sentences; whichever runs first encodes, the other reuses.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

from claimscope.nlp.extensions import text_of
from claimscope.runtime.sentence_encoding import EncodedUnit

# Held beside the Doc, not in `doc.user_data`: that is serialised with the Doc (to_bytes,
# DocBin) and numpy-filled units cannot be; the entry goes when the Doc does.
_UNITS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def doc_sentence_ranges(doc: Doc) -> list[tuple[int, int]] | None:
    """Sentence character ranges without surrounding blanks; None without a parser (→ lines)."""
    if not doc.has_annotation("SENT_START"):
        return None
    text = text_of(doc)
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def sentence_units(doc: Doc, encoder) -> list[EncodedUnit]:
    """`encoder.encode(text, ranges)` once per Doc and model directory."""
    by_model = _UNITS.setdefault(doc, {})
    key = str(encoder.model_dir)
    if key not in by_model:
        by_model[key] = encoder.encode(text_of(doc), doc_sentence_ranges(doc))
    return by_model[key]
