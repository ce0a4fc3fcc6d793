"""Cue lexicons (data in lexicons/cues.json) matched as phrases over token boundaries."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

CUES_FILE = Path(__file__).parent / "lexicons" / "cues.json"
PHRASE_CATEGORIES = (
    "denial", "question", "speculation", "hedge", "report", "certain_report", "anonymous",
    "anonymity_phrases", "document", "media", "thesis", "conclusion", "argument_nouns",
)
# Modal verbs only speculate as modals: "May" the month or "may" in a title is no cue.
MODALS = {"could", "might", "may"}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(CUES_FILE.read_text(encoding="utf-8"))


class CueMatcher:
    """One phrase matcher per vocabulary, shared by every component that reads cues."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        lex = lexicon()
        tokenizer_doc = lambda text: Doc(vocab, words=text.split())  # noqa: E731
        for category in PHRASE_CATEGORIES:
            self.matcher.add(category, [tokenizer_doc(p) for p in lex[category]])

    def find(self, span: Span | Doc) -> dict[str, list[Span]]:
        """All cues in a span, by category; a modal counts only when tagged as one."""
        doc = span if isinstance(span, Doc) else span.doc
        found: dict[str, list[Span]] = {}
        # Matching a Span returns Doc-level token indices.
        for match_id, start, end in self.matcher(span):
            cue = doc[start:end]
            if cue.text.lower() in MODALS and cue[0].tag_ != "MD":
                continue
            found.setdefault(self.vocab.strings[match_id], []).append(cue)
        return found


_MATCHERS: dict[int, CueMatcher] = {}


def cue_matcher(vocab: Vocab) -> CueMatcher:
    key = id(vocab)
    if key not in _MATCHERS:
        _MATCHERS[key] = CueMatcher(vocab)
    return _MATCHERS[key]
