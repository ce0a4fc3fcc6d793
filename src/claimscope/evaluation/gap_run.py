"""Answer GAP rows with the pipeline's own pronoun resolver (`claimscope.nlp.speakers`).

Each passage is parsed by the configured spaCy model with `claimscope_entities`, as in the
full pipeline. The names A and B are the entities holding their mentions (an entity is made
for a name the NER missed, and A and B are people: GAP says so); the resolver is asked which
entity of the passage the pronoun stands for, with the page title as the article's title. The
answer is TRUE for the name that entity holds, FALSE for the other, FALSE for both when the
resolver chooses someone else or refuses.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from claimscope.corpora.gap import GapRow
from claimscope.model.records import Entity, Mention


@dataclass
class GapCase:
    """One row made ready for the resolver."""

    row: GapRow
    doc: object  # spacy Doc
    entities: list[Entity]
    a: str | None  # entity id holding name A
    b: str | None
    pronoun: object  # spacy Token


def build_nlp(spacy_model: str | None = None):
    import spacy

    from claimscope.nlp import entities, paragraphs  # noqa: F401  (register factories)
    from claimscope.settings import default_spacy_model

    nlp = spacy.load(spacy_model or default_spacy_model(), disable=["lemmatizer"])
    nlp.add_pipe("claimscope_paragraphs", before="parser")
    nlp.add_pipe("claimscope_entities")
    return nlp


def _holder(entities: list[Entity], start: int, end: int) -> Entity | None:
    for entity in entities:
        if any(m.start < end and m.end > start for m in entity.mentions):
            return entity
    return None


def _name_entity(entities: list[Entity], name: str, offset: int, key: str, other: str | None) -> str:
    """The entity of a GAP name: the one holding its mention, else a new one; always a PERSON."""
    end = offset + len(name)
    entity = _holder(entities, offset, end)
    if entity is not None and entity.id != other:
        entity.type = "PERSON"
        return entity.id
    if entity is not None:  # A and B merged by surname: give B its own entity back
        entity.mentions = [m for m in entity.mentions if not (m.start < end and m.end > offset)]
    else:
        # The NER missed this mention but found the name elsewhere: it is that entity.
        same = [e for e in entities if e.id != other and e.type == "PERSON"
                and name.lower() in [e.name.lower()] + [a.lower() for a in e.aliases]]
        if len(same) == 1:
            same[0].mentions.append(Mention(offset, end, name))
            same[0].mentions.sort(key=lambda m: m.start)
            return same[0].id
    new = Entity(id=f"gap-{key}", name=name, type="PERSON", mentions=[Mention(offset, end, name)])
    entities.append(new)
    return new.id


def prepare(rows: list[GapRow], nlp) -> Iterator[GapCase]:
    for row, doc in zip(rows, nlp.pipe((r.text for r in rows), batch_size=32)):
        entities = list(doc._.entities or [])
        a = _name_entity(entities, row.a, row.a_offset, "A", None)
        b = _name_entity(entities, row.b, row.b_offset, "B", a)
        span = doc.char_span(row.pronoun_offset, row.pronoun_offset + len(row.pronoun),
                             alignment_mode="expand")
        yield GapCase(row, doc, entities, a, b, span[0] if span is not None else None)


def answer(case: GapCase, *, among_names: bool = True, **resolver_options) -> tuple[bool, bool]:
    from claimscope.nlp.speakers import DocumentEntities, PronounResolver

    if case.pronoun is None:
        return False, False
    entities = DocumentEntities(case.doc, case.entities, title=case.row.title,
                                keep_apart={case.a, case.b})
    among = {case.a, case.b} if among_names else None
    chosen = PronounResolver(entities, **resolver_options).resolve(case.pronoun, among=among)
    if chosen is None:
        return False, False
    # The resolver answers with the person (a cluster of entities: "Monica" and "Monica Penders").
    return entities.cluster[case.a] == chosen, entities.cluster[case.b] == chosen


@dataclass
class GapRun:
    answers: dict[str, tuple[bool, bool]]  # GAP's setting: an answer on every row (margin 0)
    refusing: dict[str, tuple[bool, bool]]  # the pipeline's setting: close calls left open
    seconds: float


def run(rows: list[GapRow], spacy_model: str | None = None) -> GapRun:
    started = time.perf_counter()
    nlp = build_nlp(spacy_model)
    answers, refusing = {}, {}
    for case in prepare(rows, nlp):
        answers[case.row.id] = answer(case, margin=0.0, min_probability=0.0)
        refusing[case.row.id] = answer(case)
    return GapRun(answers, refusing, time.perf_counter() - started)
