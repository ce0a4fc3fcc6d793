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


@pytest.mark.parametrize("text, words, person", [
    # the participle's own subject ("with X saying"), not the main clause's
    ("Senator Tom Hale criticized the plan on Monday, with Governor Ellen Whitcombe saying it would "
     "close the port.", "would close the port", "Ellen Whitcombe"),
    # a fronted participle naming someone else leaves the main subject the speaker
    ("Speaking to reporters after meeting Governor Ellen Whitcombe, Senator Tom Hale said the plan "
     "would close the port.", "would close the port", "Tom Hale"),
    ("Senator Tom Hale praised Governor Ellen Whitcombe for signing the bill, calling it a victory "
     "for workers.", "a victory for workers", "Tom Hale"),
])
def test_a_participle_clause_is_its_own_subjects(analyze, text, words, person):
    assert speaker_of(analyze(text), words) == person


@pytest.mark.parametrize("text, words", [
    ("Senator Tom Hale spoke on Monday. His campaign said he would skip the debate.", "skip the debate"),
    ("The Hale campaign said on Monday that Senator Tom Hale would skip the debate.", "skip the debate"),
])
def test_a_campaign_is_not_its_candidate(analyze, text, words):
    assert speaker_of(analyze(text), words) is None


def test_the_title_right_after_the_titled_name_is_that_person(analyze):
    a = analyze("Sen. Jane Roe of Ohio voted against the bill on Tuesday. The senator said the measure "
                "would raise costs.")
    assert speaker_of(a, "would raise costs") == "Jane Roe"


def test_a_document_named_by_the_first_word_of_one_organisation_is_its(analyze):
    a = analyze("Support for the plan rose, according to the Pew Research Center. A 2018 Pew survey found "
                "that 54% of Americans favor it.")
    assert speaker_of(a, "54% of Americans") == "Pew Research Center"


def test_a_first_word_two_organisations_open_is_no_maker(analyze):
    a = analyze("Support for the plan rose, according to the Pew Research Center and the Pew Charitable "
                "Trusts. A 2018 Pew survey found that 54% of Americans favor it.")
    assert speaker_of(a, "54% of Americans") is None


def test_the_paper_after_a_newspaper_that_did_anything_is_that_newspaper(analyze):
    a = analyze("The New York Times tracked down another doctor last week. The paper added that it "
                "began the investigation in May.")
    assert speaker_of(a, "began the investigation") == "New York Times"


def test_a_persons_own_spokeswoman_speaks_for_that_person(analyze):
    a = analyze("Senator Jeff Sessions met the ambassador twice. His spokeswoman has said that he met "
                "many ambassadors.")
    assert speaker_of(a, "many ambassadors") == "Jeff Sessions"
