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
    "denial", "question", "speculation", "hedge", "weak_hedge", "report", "certain_report",
    "anonymous", "anonymity_phrases", "document", "media", "thesis", "conclusion",
    "argument_nouns",
)
# Modal verbs only speculate as modals: "May" the month or "may" in a title is no cue.
MODALS = {"could", "might", "may", "would"}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(CUES_FILE.read_text(encoding="utf-8"))


class CueMatcher:
    """One phrase matcher over the cue lexicons for one vocabulary.

    Each component that reads cues holds its own (built on first use), so the matcher lives
    and dies with the pipeline: no process-wide cache to grow in a long-running server, and
    no stale entry when a freed vocabulary's id is reused.
    """

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

