"""Issue 9 speaker rules of round speakers16 (tuning pool): a description whose only name is an
adjective ("The Republican lawmaker") is resolved as a description of a person, to the one just
named, or to no one where two could be meant. Hand-written sentences, the real spaCy model."""

from __future__ import annotations

from speaker_views import speaker_of


def test_an_epithet_with_a_party_adjective_is_the_one_just_named(analyze):
    a = analyze("Rep. Ken Buck voted against the bill. The Republican lawmaker said the bill was a "
                "giveaway to banks.")
    assert speaker_of(a, "giveaway to banks") == "Ken Buck"


def test_an_epithet_with_a_party_adjective_after_two_people_is_no_one(analyze):
    a = analyze("Rep. Ken Buck and Rep. Ada Brenner voted against the bill. The Republican lawmaker "
                "said the bill was a giveaway to banks.")
    assert speaker_of(a, "giveaway to banks") is None


def test_a_body_with_a_demonym_is_not_the_country(analyze):
    a = analyze("France sent a delegation to the harbour talks. The French company said the levy "
                "would cost jobs.")
    assert speaker_of(a, "cost jobs") != "France"
