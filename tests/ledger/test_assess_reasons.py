"""Assessment reasons say why: a claim kept from `known` by a weaker contradiction says so."""

from claimscope.ledger import assess as A


def _values(n_sources: int, other_sources: int) -> dict:
    cluster = {"n_sources": n_sources, "text": "Kestrian officers met Brigade commanders",
               "conflict_links": [{"cluster": "clu-b", "kind": "contradiction"}]}
    other = {"n_sources": other_sources, "text": "no Kestrian officer ever met the Brigade",
             "conflict_links": []}
    values = {"independent_sources": n_sources, "has_document": False, "only_hedged": False,
              "denied_by_concerned": False, "deniers": "nobody", "sources": "A, B, C",
              "documents": "no identifiable source", "statuses": "reported"}
    values.update(A.conflict_features(cluster, {"clu-b": other}, A.assessment_rules()["comparable_support"]))
    return values


def test_weaker_contradiction_keeps_claim_from_known_and_names_it():
    assessment, reason = A.assess(_values(3, 1))
    assert assessment == "claimed"
    assert "not corroborated" not in reason
    assert "no Kestrian officer ever met the Brigade" in reason and "A, B, C" in reason


def test_comparable_contradiction_is_contested():
    assessment, reason = A.assess(_values(2, 2))
    assert assessment == "contested"
    assert "no Kestrian officer ever met the Brigade" in reason


def test_uncontradicted_single_source_is_not_corroborated():
    values = _values(1, 1)
    values.update(contradicted=False, contested=False)
    assert A.assess(values) == ("claimed", "stated by A, B, C, not corroborated by an independent source")
