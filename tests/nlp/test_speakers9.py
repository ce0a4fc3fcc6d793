"""Issue 9 speaker rules of this round (speakers9): documents and products of a named body speak
for their maker, "the paper" for the outlet that just reported, a spokesperson of someone's
office for that person, and the expletive "it" for no one. Hand-written sentences, the real
spaCy model."""

from __future__ import annotations

import pytest
from speaker_views import speaker_of


@pytest.mark.parametrize("text, words, maker", [
    ("The State Department's travel warning says Americans should avoid the region.",
     "should avoid the region", "State Department"),
    ("A CNN segment showed that the mayor had lied about the contract.", "had lied", "CNN"),
    ("A Washington Post investigation found that the agents had been moved.", "had been moved",
     "Washington Post"),
    ("A commentary published by the state-run Xinhua news agency warned that the talks could fail.",
     "could fail", "Xinhua news agency"),
    # the parse sets the name beside "libertarian" ("from the libertarian, Cato Institute")
    ("Data from the libertarian Cato Institute shows that nobody from the four nations killed anyone.",
     "killed anyone", "Cato Institute"),
])
def test_a_document_or_product_speaks_for_its_maker(analyze, text, words, maker):
    assert speaker_of(analyze(text), words) == maker



def test_the_paper_is_the_outlet_that_just_reported(analyze):
    a = analyze("The Washington Post, citing three officials, reported on Saturday that the guards "
                "were moved. The paper said that the guards were told to stay quiet.")
    assert speaker_of(a, "told to stay quiet") == "Washington Post"


def test_the_paper_after_an_organisation_that_did_no_reporting_is_no_one(analyze):
    a = analyze("Acme Corporation released its annual results on Monday. The paper said that sales fell.")
    assert speaker_of(a, "sales fell") is None


def test_a_spokesperson_from_someones_office_speaks_for_that_person(analyze):
    a = analyze("Rep. Jason Chaffetz wrote to the director last week. The letter was sent on Wednesday, "
                "a spokesperson from Chaffetz's office told reporters.")
    assert speaker_of(a, "The letter was sent") == "Jason Chaffetz"


@pytest.mark.parametrize("text, words", [
    ("The Acme Corporation cut jobs. It is said that Acme will close the plant.", "will close the plant"),
    ("The Acme Corporation cut jobs. It was reported that Acme lost money.", "lost money"),
])
def test_an_expletive_it_is_no_one(analyze, text, words):
    assert speaker_of(analyze(text), words) is None


@pytest.mark.parametrize("text, words, person", [
    ("Mark Fuller was arrested on Monday in Dayton. The 45-year-old said he was innocent.",
     "he was innocent", "Mark Fuller"),
    # the one person named is no main subject there ("according to"), so centering alone missed her
    ("If the party agrees, that should happen as part of a process, according to Rep. Diane Black. "
     "The Tennessee Republican said that type of process isn't possible.", "process isn't possible",
     "Diane Black"),
    ("The plan was approved on Monday by Ellen Whitcombe. The former governor said the port would stay open.",
     "would stay open", "Ellen Whitcombe"),
])
def test_an_epithet_is_the_one_person_named_just_before(analyze, text, words, person):
    assert speaker_of(analyze(text), words) == person


@pytest.mark.parametrize("text, words", [
    ("Mark Fuller and the sheriff met on Monday in Dayton. The 45-year-old said he was innocent.",
     "he was innocent"),
    ("Rep. Diane Black and Rep. Kevin Brady spoke on Monday. The Tennessee Republican said the "
     "process isn't possible.", "process isn't possible"),
    ("Mark Fuller's lawyer spoke on Monday in Dayton. The 45-year-old said he was innocent.",
     "he was innocent"),
])
def test_an_epithet_after_two_people_who_could_be_meant_is_no_one(analyze, text, words):
    assert speaker_of(analyze(text), words) is None


def test_a_shared_surname_is_the_one_who_dominates_the_passage(analyze):
    a = analyze("John Keller and Mary Keller both ran for office. Mary Keller won easily and Mary Keller "
                "gave a speech. Keller said the voters had spoken.")
    assert speaker_of(a, "voters had spoken") == "Mary Keller"


def test_a_shared_surname_where_no_one_dominates_is_no_one(analyze):
    # the entity tagger gives the bare "Keller" to John Keller by its own rule
    a = analyze("John Keller and Mary Keller both ran for office. John Keller lost and Mary Keller won. "
                "Keller said the voters had spoken.")
    assert speaker_of(a, "voters had spoken") is None


def test_a_shared_surname_is_the_one_the_whole_text_is_about_where_the_other_is_out_of_it(analyze):
    # Mark is named once in the last ten sentences, Peter not at all, and Mark four times to
    # Peter's once before: Mark dominates
    a = analyze("Mayor Mark Hollis opened his campaign in May. His cousin Peter Hollis stayed home.\n\n"
                "Mark Hollis toured the state. Mark Hollis spoke in Dayton.\n\n"
                "Mark Hollis met farmers. The tour went on for weeks. Crowds grew. The staff was tired. "
                "The buses broke down. The rain came. The roads flooded. The tour ended. The farmers "
                "cheered. Hollis said the voters had spoken.")
    assert speaker_of(a, "voters had spoken") == "Mark Hollis"
