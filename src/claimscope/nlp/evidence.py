"""What a claim rests on: a named person (with role), an organisation, a document, a media
report, an anonymous source, or nothing the text names."""

from __future__ import annotations

from spacy.tokens import Span

from claimscope.model.records import Entity, Evidence, TextSpan
from claimscope.nlp.cues import lexicon
from claimscope.nlp.extensions import text_of

# Forms of address say nothing about a person's role.
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mx"}


def classify_evidence(
    *,
    source: Span | None,
    entity: Entity | None,
    sentence_cues: dict[str, list[Span]],
) -> Evidence:
    lex = lexicon()
    anonymity = sentence_cues.get("anonymity_phrases", [])
    if source is None:
        documents = [c for c in sentence_cues.get("document", []) if _is_subject_side(c)]
        if documents:
            return Evidence("document", source=documents[0].text, cue=_text_span(documents[0]))
        return Evidence("none")
    words = {t.lower_ for t in source}
    head = source.root.lower_
    has_name = any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.pos_ == "PROPN" for t in source)
    if anonymity or (not has_name and entity is None and head in set(lex["anonymous"])):
        return Evidence("anonymous", source=source.text, cue=_text_span(anonymity[0] if anonymity else source))
    if head in set(lex["document"]) or (not has_name and words & set(lex["document"])):
        return Evidence("document", source=source.text, cue=_text_span(source))
    name = entity.name if entity is not None else source.text
    media_words = set(lex["media"])
    if entity is not None and entity.type != "PERSON" and _names_media(name, media_words):
        return Evidence("media_report", source=name, cue=_text_span(source))
    if entity is None and has_name and _names_media(source.text, media_words):
        return Evidence("media_report", source=source.text, cue=_text_span(source))
    if entity is not None and entity.type == "PERSON":
        return Evidence("named_person", source=name, role=_role_of(source), cue=_text_span(source))
    if entity is not None or has_name:
        return Evidence("named_organization", source=name, cue=_text_span(source))
    return Evidence("anonymous", source=source.text, cue=_text_span(source))


def _names_media(name: str, media_words: set[str]) -> bool:
    tokens = {w.strip(".,'’").lower() for w in name.split()}
    return bool(tokens & media_words) or name.lower() in media_words


def _is_subject_side(cue: Span) -> bool:
    # "The UN report found ..." rests on the report; "they deny the report" does not, and nor
    # does "the report has been widely discussed": a claim about a document is not one it makes,
    # so a subject counts only when its verb is one of reporting or finding.
    lex = lexicon()
    verbs = set(lex["report"]) | set(lex["certain_report"])
    for token in cue:
        if token.dep_ in ("nsubj", "nsubjpass") and (token.head.lower_ in verbs or token.head.lemma_ in verbs):
            return True
        # "in the memo, ...", "according to the report", "per the filing"; not "a report of a
        # leaked memo", whose memo is what the report is about.
        if token.dep_ == "pobj" and (token.head.lower_ in ("in", "per") or token.head.head.lower_ == "according"):
            return True
    return cue.root.head.lower_ == "according"


def _role_of(source: Span) -> str | None:
    """Titles before the name ("Defence Minister Varga") or an apposition after it."""
    doc = source.doc
    names = [t for t in source if t.ent_type_ == "PERSON"]
    if not names:
        return None
    head = names[-1]
    titles = [t for t in source if t.i < names[0].i and t.pos_ in ("PROPN", "NOUN", "ADJ")
              and t.ent_type_ != "PERSON" and t.lower_.rstrip(".") not in _HONORIFICS]
    if titles:
        return " ".join(t.text for t in titles)
    for child in head.children:
        if child.dep_ == "appos":
            subtree = list(child.subtree)
            return doc[subtree[0].i : subtree[-1].i + 1].text
    # "Varga, the foreign minister, said": the apposition may hang outside the source span.
    after = doc[head.i + 1 : min(len(doc), head.i + 12)]
    if len(after) > 2 and after[0].text == ",":
        for t in after[1:]:
            if t.dep_ == "appos" and t.head.i == head.i:
                subtree = list(t.subtree)
                return doc[subtree[0].i : subtree[-1].i + 1].text
    return None


def _text_span(span: Span) -> TextSpan:
    return TextSpan.cut(text_of(span.doc), span.start_char, span.end_char)
