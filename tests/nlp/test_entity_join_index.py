"""The indexed joins of short names and acronyms (nlp/entities.py) give what the pairwise rule
gives, on random entity sets built to make the rule fire (their cost at thousands of
entities is measured by benchmarks/bench_entity_joins.py, not here)."""

from __future__ import annotations

import copy
import random

from claimscope.model.records import Entity, Mention
from claimscope.nlp import entities as ent


def _pairwise(entities, labels) -> None:
    """The rule written pairwise, as it was before the index: every entity against every other."""
    def kind(e):
        return ent._join_kind(e.name, e.type)

    for entity_id, entity in list(entities.items()):
        words = entity.name.split()
        if kind(entity) is None or not (len(words) >= 2 or ("-" in entity.name and entity.name[:1].isupper())):
            continue
        if len(words) == 1:
            longer = [i for i, e in entities.items() if i != entity_id and e.type == "PERSON"
                      and len(e.name.split()) >= 2 and e.name.split()[-1] == entity.name]
            if not longer and kind(entity) == "ORG":
                longer = [i for i, e in entities.items() if i != entity_id and kind(e) == "ORG"
                          and e.name.endswith(" " + entity.name)]
        else:
            longer = [i for i, e in entities.items() if i != entity_id and kind(e) == kind(entity)
                      and e.name.endswith(" " + entity.name)]
            if not longer and kind(entity) == "ORG":
                longer = [i for i, e in entities.items() if i != entity_id and kind(e) == "ORG"
                          and e.name.startswith(entity.name + " ")
                          and e.name[len(entity.name) + 1:].split()[0] in ("of", "for", "and")]
        if len(longer) == 1:
            ent._merge_into(entities, labels, entity_id, longer[0])

    def initials(name, keep=()):
        return "".join(w[0] for w in name.split() if (w.lower() not in ent._SMALL_WORDS or w.lower() in keep)
                       and w[:1].isalpha()).upper()

    for entity_id, entity in list(entities.items()):
        letters = entity.name.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            continue
        bodies = [(i, e) for i, e in entities.items() if i != entity_id and len(e.name.split()) >= 2
                  and e.type in ("ORG", "FAC", "LAW", "EVENT", "PRODUCT")]
        longer = [i for i, e in bodies if letters in (initials(e.name), initials(e.name, keep=("of",)))]
        if not longer and len(letters) >= 4:
            # one letter more or less than a name's initials, the first letter the same
            longer = [i for i, e in bodies if any(
                len(key) >= 4 and key[0] == letters[0] and abs(len(key) - len(letters)) == 1
                and any(a[:j] + a[j + 1:] == b for a, b in ((key, letters), (letters, key)) if len(a) > len(b)
                        for j in range(1, len(a)))
                for key in (initials(e.name), initials(e.name, keep=("of",))))]
        if len(longer) == 1:
            ent._merge_into(entities, labels, entity_id, longer[0])


def _random_entities(n: int, seed: int):
    rnd = random.Random(seed)
    words = [f"W{i}x" for i in range(max(8, n // 8))]
    out: dict[str, Entity] = {}
    for i in range(n):
        r = rnd.random()
        if out and r < 0.3:  # a shorter form or the acronym of an earlier name
            w = rnd.choice(list(out.values())).name.split()
            name = " ".join(w[rnd.randint(1, len(w) - 1):]) if len(w) >= 2 and r < 0.2 else \
                "".join(x[0] for x in w if x not in ("of", "and") or r < 0.25).upper()
            typ = rnd.choice(["PERSON", "ORG", "FAC"])
        elif r < 0.5:
            name, typ = f"{rnd.choice(['Mary', 'John'])} {rnd.choice(words)}-{rnd.choice(words)}", "PERSON"
        elif r < 0.6:
            name, typ = f"{rnd.choice(words)}-{rnd.choice(words)}", rnd.choice(["PERSON", "ORG"])
        elif r < 0.8:
            name = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 3))) + " Committee"
            typ = rnd.choice(["ORG", "FAC", "LAW"])
        else:
            name = f"{rnd.choice(words)} {rnd.choice(['of', 'for', 'and'])} {rnd.choice(words)}"
            typ = "ORG"
        out[f"e{i}"] = Entity(id=f"e{i}", name=name, type=typ, mentions=[Mention(i, i + 1, name)])
    return out, {k: [e.type] for k, e in out.items()}


def _state(entities, labels):
    return [(k, e.name, e.type, e.aliases, [(m.start, m.end) for m in e.mentions]) for k, e in entities.items()], labels


def test_indexed_joins_equal_the_pairwise_rule():
    merged = 0
    for seed in range(12):
        entities, labels = _random_entities(300, seed)
        ref_e, ref_l = copy.deepcopy(entities), copy.deepcopy(labels)
        _pairwise(ref_e, ref_l)
        ent._join_shorter_names(entities, labels, {})
        ent._join_acronyms(entities, labels, {})
        assert _state(entities, labels) == _state(ref_e, ref_l), seed
        merged += 300 - len(entities)
    assert merged > 100  # the sets exercise the joins, not only the misses

