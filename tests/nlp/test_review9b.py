"""Review 9b of this round's claim, status and speaker rules: sentences written for these tests
where a rule over-reached ("a few experts" read as nobody, a bare "then" or "earlier than" read
as the past, "the paper" read as any body that said something)."""

from __future__ import annotations

import pytest
from claim_views import claim_with
from speaker_views import speaker_of


def test_a_few_who_say_something_are_its_speakers(analyze):
    claim = claim_with(analyze("A few lawmakers said that the bill would pass easily.\n"), "would pass easily")
    assert claim.asserter_name == "A few lawmakers" and claim.status == "reported", (
        claim.asserter_name, claim.status)


def test_a_few_who_dispute_something_deny_it(analyze):
    claim = claim_with(analyze("A few experts disputed that the vaccine was safe.\n"), "vaccine was safe")
    assert claim.asserter_name == "A few experts" and claim.status == "denied", (
        claim.asserter_name, claim.status)


def test_few_who_would_deny_something_still_affirm_it(analyze):
    claim = claim_with(analyze("Few experts would deny that the vaccine was safe.\n"), "vaccine was safe")
    assert claim.status == "asserted" and claim.asserter_entity is None, (claim.asserter_name, claim.status)


def test_a_no_after_the_subjects_head_is_no_nobody(analyze):
    claim = claim_with(analyze("Officials with no ties to the campaign disputed that the vote was rigged.\n"),
                       "vote was rigged")
    assert claim.status == "denied" and "disputed" in [c.text for c in claim.cues], (
        claim.status, [c.text for c in claim.cues])


@pytest.mark.parametrize("text, words", [
    ("If the bill passes, the state could then raise taxes on fuel.\n", "raise taxes"),
    ("The committee could then vote on the measure next week.\n", "vote on the measure"),
    ("The vote on the measure could come earlier than planned.\n", "come earlier"),
])
def test_a_bare_then_or_an_earlier_than_sets_no_past(analyze, text, words):
    claim = claim_with(analyze(text), words)
    assert claim.status == "speculative" and "could" in [c.text for c in claim.cues], (
        claim.status, [c.text for c in claim.cues])


def test_the_paper_after_a_body_that_only_said_something_is_no_one(analyze):
    a = analyze("The New York Times reported on Sunday that the mayor had resigned.\n\n"
                "The Justice Department said on Monday that it had opened an inquiry.\n\n"
                "The paper said the inquiry began in May.\n")
    assert speaker_of(a, "inquiry began in May") is None


@pytest.mark.parametrize("text, words", [
    ("Gov. Greg Abbott (R) signed the bill on Friday.\n", "signed the bill"),
    ("The court struck down section 4(c) of the voting law on Tuesday.\n", "struck down section"),
    ("The new rule takes effect January 1, 2020.\n", "takes effect"),
])
def test_a_party_mark_a_clause_of_a_law_or_a_date_is_no_page_furniture(analyze, text, words):
    assert claim_with(analyze(text), words).asserter_name == "the author"


@pytest.mark.parametrize("text", [
    "Migrants approach the border fence in Tijuana, Mexico, December 26, 2018.\n",
    "President Trump (L) shakes hands with Chancellor Merkel at the summit.\n",
    "A man walks past the damaged school in Kestria, Sunday, April 22, 2018.\n",
])
def test_a_photo_caption_is_still_page_furniture(analyze, text):
    assert analyze(text).claims == []


def test_a_weekday_before_the_date_is_no_captions_place(analyze):
    claim = claim_with(analyze("The trial opens Tuesday, March 3, 2021.\n"), "trial opens")
    assert claim.asserter_name == "the author"
