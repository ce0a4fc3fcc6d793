"""One owner per speaker (issue 9): the speaker component decides whether a definite source
("the department", "the spokeswoman") fits the entity it resolved to, and the attribution and
the claims read from it carry the same speaker."""

import pytest


def _pairs(analysis):
    """(source words, attribution's entity, entity of each claim read from it)."""
    claims = {}
    for c in analysis.claims:
        if c.attribution:
            claims.setdefault(c.attribution, set()).add(c.asserter_entity)
    return [(a.source.text if a.source else None, a.source_entity, claims.get(a.id, set()))
            for a in analysis.attributions]


@pytest.mark.parametrize("text, source, entity", [
    # A party is no department: a guess, so neither the attribution nor its claim has it.
    ("The Democratic Party criticised the harbour fines on Monday. The department said the fines "
     "would stand.\n", "The department", None),
    # "the spokeswoman" again speaks for the body the first one spoke for, in both places.
    ("A spokeswoman for Northwind Shipping said the ferry was safe. The spokeswoman said talks "
     "would resume on Friday.\n", "The spokeswoman", "northwind-shipping"),
])
def test_an_attribution_and_its_claims_have_one_speaker(analyze, text, source, entity):
    pairs = [p for p in _pairs(analyze(text)) if p[0] == source]
    assert pairs, f"no attribution with source {source!r}"
    for _, attribution_entity, claim_entities in pairs:
        assert attribution_entity == entity
        assert claim_entities == {entity}
