"""Issue 9 speaker rules of this round (speakers10): a spokesperson for "the agency" speaks for
the body the noun names, a curly-apostrophe possessive office is its holder's, a players
association is "the union". Hand-written sentences, the real spaCy model."""

from __future__ import annotations

import pytest
from speaker_views import speaker_of


@pytest.mark.parametrize("text, words, body", [
    ("The Secret Service moved two agents on Friday. A spokesman for the agency told reporters "
     "that the agents were not part of the detail.", "were not part of the detail", "Secret Service"),
    ("The Acme Corporation cut jobs. A spokeswoman for the company said that more cuts would follow.",
     "more cuts would follow", "Acme Corporation"),
])
def test_a_spokesperson_for_the_body_noun_speaks_for_that_body(analyze, text, words, body):
    assert speaker_of(analyze(text), words) == body


def test_a_spokesperson_for_the_company_where_two_fit_is_no_one(analyze):
    a = analyze("Acme Corporation sued Northwind Corporation in March. Acme Corporation and Northwind "
                "Corporation met again on Monday. A spokeswoman for the company said that talks would go on.")
    assert speaker_of(a, "talks would go on") is None


def test_a_spokesperson_for_a_company_is_some_company(analyze):
    a = analyze("The Acme Corporation cut jobs. A spokeswoman for a company in Ohio said that "
                "more cuts would follow.")
    assert speaker_of(a, "more cuts would follow") is None


def test_a_spokesperson_from_someones_office_with_a_curly_apostrophe(analyze):
    a = analyze("Rep. Jason Chaffetz wrote to the director last week. The letter was sent to Comey "
                "Wednesday afternoon, a spokesperson from Chaffetz\u2019s office told reporters.")
    assert speaker_of(a, "The letter was sent") == "Jason Chaffetz"


def test_the_union_is_the_players_association(analyze):
    a = analyze("The Women's National Basketball Players Association voted on the deal. The bonus was "
                "not paid because, according to the union, the goals weren't met.")
    assert speaker_of(a, "the goals weren't met") == "Women's National Basketball Players Association"


def test_the_report_a_body_dropped_speaks_for_it(analyze):
    a = analyze("The Harbour Institute dropped a report on Tuesday showing that employers break laws. "
                "The report also shed light on consultants. The next year, the report notes, there "
                "was a drop in filings.")
    assert speaker_of(a, "there was a drop in filings") == "Harbour Institute"


@pytest.mark.parametrize("name, gender", [("Bashar al-Assad", "m"), ("Ursula von der Leyen", "f"),
                                          ("Ellen Whitcombe", "f")])
def test_a_lower_case_particle_keeps_the_first_name_gender(parse, name, gender):
    from claimscope.model.records import Entity, TextSpan
    from claimscope.nlp.speakers import DocumentEntities

    text = f"{name} spoke on Monday."
    person = Entity(id="p", name=name, type="PERSON", mentions=[TextSpan(0, len(name), name)])
    assert DocumentEntities(parse(text), [person]).genders["p"] == gender
