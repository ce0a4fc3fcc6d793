"""Whether a resolved speaker can be what a definite source names ("the department", "the
president"). The speaker component asks it before it sets `Attribution.source_entity`, so the
attribution and every claim read from it carry the same speaker (issue 9: one owner per fact).

A definite common noun for a kind of speaker resolved to another kind of thing is a guess: a
country for "the president", a party or a company for "the department". Such a source keeps its
words and gets no entity (a wrong speaker is worse than none). A spokesperson noun is left to
the speaker rules, which give "the spokesman" the body an earlier "spokesman for X" spoke for:
a spokesperson speaks for that body (issue 9's "a spokeswoman for X").
"""

from __future__ import annotations

from spacy.tokens import Span

from claimscope.model.records import Entity
from claimscope.nlp.cues import lexicon as cue_lexicon

# Nouns of a body that a definite source names by its kind ("the department said"): the
# entity it resolves to must be a body of that kind, which its name shows ("Labor Department",
# "Federal Aviation Administration"); a party or a company for "the department" is a guess.
BODY_NOUNS = {"department", "agency", "board", "ministry", "commission", "bureau", "committee",
              "office", "council", "court"}
# Words of a public body's name that "the agency" or "the department" may stand for.
BODY_NAME_WORDS = BODY_NOUNS | {"administration", "service", "authority", "trustees", "directorate",
                                "secretariat", "inspectorate", "tribunal", "panel"}


def source_fits(source: Span | None, entity: Entity, spokesperson_nouns: frozenset[str]) -> bool:
    """Whether `entity` can be what `source` names (module docstring)."""
    if source is None:
        return True
    head = source.root
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) or any(
            t.pos_ == "PROPN" for t in source):
        return True  # a name, a pronoun, or "the Justice Department": the text names it
    noun = head.lemma_.lower()
    if head.lower_ in spokesperson_nouns or noun in spokesperson_nouns:
        return True
    lex = cue_lexicon()
    if lex["definite_sources"].get(noun) == "PERSON" or noun in lex["person_nouns"]:
        return entity.type == "PERSON"
    if noun not in BODY_NOUNS:
        return True
    names = [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]
    words = {w.lower().strip(".,'’") for n in names for w in n.split()}
    return bool(words & BODY_NAME_WORDS)
