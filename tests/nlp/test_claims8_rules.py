"""Issue 9 (claims8): a "could" of past ability or permission is no speculation; a claim that
holds its own verb of asking, doubting or claiming reports that act; page furniture gives no
claim; a definite source resolved to the wrong kind of body leaves the asserter without an
entity. Sentences written for these tests."""

import pytest
from claim_views import claim_with as _claim

from claimscope.model.records import Entity, TextSpan
from claimscope.nlp.speaker_fit import source_fits


@pytest.mark.parametrize("text, words", [
    ("She could swim when she was five.\n", "could swim"),
    ("As a child she could swim across the lake.\n", "swim across"),
    ("Back then, anyone could buy a ticket at the door.\n", "buy a ticket"),
    ("For a long time, the big platforms could shrug off complaints about their content.\n", "shrug off"),
    ("Two years ago, residents could still park on the north side.\n", "park on the north"),
    ("Residents could only watch as the water rose.\n", "only watch"),
    ("Under the agreement, the company could sell the land after 2030.\n", "sell the land"),
])
def test_a_could_of_past_ability_or_permission_is_no_speculation(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "asserted", (claim.status, [c.text for c in claim.cues])


@pytest.mark.parametrize("text, words", [
    ("The new bridge could cut journey times by half.\n", "journey times"),
    ("If prices rose, the company could lose customers.\n", "lose customers"),
    ("For years to come, the city could face higher costs.\n", "higher costs"),
    ("The storm could hit the coast when the tide is high.\n", "hit the coast"),
    ("The company could have avoided the fine.\n", "avoided the fine"),
])
def test_a_could_of_possibility_still_speculates(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "speculative" and "could" in [c.text for c in claim.cues], claim.status


@pytest.mark.parametrize("text, words", [
    ("Councillor Abernethy also questioned the cost of the new ferry terminal.\n", "cost of the new ferry"),
    ("Critics wonder whether the harbour will ever reopen.\n", "Critics wonder"),
    ("Many economists doubt it.\n", "economists doubt"),
])
def test_a_claim_that_holds_its_own_act_of_asking_reports_the_act(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "asserted", (claim.status, [c.text for c in claim.cues])


@pytest.mark.parametrize("text, words, status", [
    ("I wonder whether the harbour will ever reopen.\n", "harbour will ever reopen", "speculative"),
    ("The harbour appears ready to reopen in May.\n", "ready to reopen", "hedged"),
    ("The data suggests the economy is slowing.\n", "economy is slowing", "hedged"),
])
def test_own_doubt_and_raising_hedges_keep_their_status(analyze, text, words, status):
    claim = _claim(analyze(text), words)
    assert claim.status == status, (claim.status, [c.text for c in claim.cues])


@pytest.mark.parametrize("furniture", [
    "Jane Roe and the Associated Press contributed to this report.",
    "This story has been updated with additional developments Thursday.",
    "Update: This post has been updated to include comment from the harbour police.",
    "Mark Roe can be reached at mark@example.com.",
    "You can follow him on Twitter @markroe.",
    "Fishermen unload their catch at the quay in Kestria, March 3, 2019.",
    "FILE--In this March 26, 2019, file photo, the harbour master speaks to reporters.",
    "This is a rush transcript. Copy may not be in its final form.",
])
def test_page_furniture_gives_no_claim(analyze, furniture):
    text = "The council approved the harbour budget on Monday.\n\n" + furniture + "\n"
    claims = analyze(text).claims
    assert [c.text for c in claims] == ["The council approved the harbour budget on Monday"]


def test_a_dated_sentence_in_the_past_is_no_caption(analyze):
    claims = analyze("The mayor met the fishermen at the quay on March 3, 2019.\n").claims
    assert [c.text for c in claims] == ["The mayor met the fishermen at the quay on March 3, 2019"]


def _source(parse, text, words):
    doc = parse(text)
    start = text.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.parametrize("text, words, name, kind, fits", [
    # A body noun: the entity must be a body of that kind by its name.
    ("The department said the fines would stand.", "The department", "Democratic Party", "ORG", False),
    ("The agency said the review would take weeks.", "The agency", "Acme Aircraft", "ORG", False),
    ("The agency said the review would take weeks.", "The agency", "Federal Aviation Administration",
     "ORG", True),
    ("The department said the fines would stand.", "The department", "Labor Department", "ORG", True),
    # A person noun resolves to a person only.
    ("The president said talks would resume.", "The president", "North Korea", "GPE", False),
    ("The president said talks would resume.", "The president", "Kim Roe", "PERSON", True),
    # A spokesperson is left to the speaker rules: "the spokesman" speaks for the body an
    # earlier "spokesman for X" spoke for.
    ("The spokesman said talks would resume.", "The spokesman", "Northwind Shipping", "ORG", True),
    # A name in the source: the text names it, left to the speaker component.
    ("The Justice Department said the fines would stand.", "The Justice Department",
     "Department of Justice", "ORG", True),
])
def test_a_definite_source_fits_only_its_kind_of_entity(parse, text, words, name, kind, fits):
    entity = Entity(id="e1", name=name, type=kind, mentions=[TextSpan(0, 1, name)])
    assert source_fits(_source(parse, text, words), entity, frozenset({"spokesman"})) is fits


@pytest.mark.parametrize("text", [
    "Nobody believes the ferry will sail again.\n",
    "No official has claimed that the ferry was sold.\n",
])
def test_what_nobody_says_is_nobodys_claim(analyze, text):
    claims = analyze(text).claims
    assert [(c.text, c.status, c.asserter_name) for c in claims] == [
        (text.strip().rstrip("."), "asserted", "the author")]


@pytest.mark.parametrize("text, words, status", [
    # The claim is the positive proposition the denial rejects: denied.
    ("The ministry denied that the ferry had been sold.\n", "ferry had been sold", "denied"),
    # The claim holds the negation itself: a negative fact, reported or asserted.
    ("The ministry said the ferry had not been sold.\n", "ferry had not been sold", "reported"),
    ("Officials did not dispute that the ferry had been sold.\n", "ferry had been sold", "asserted"),
])
def test_denied_only_where_the_claim_is_the_rejected_proposition(analyze, text, words, status):
    claim = _claim(analyze(text), words)
    assert claim.status == status, (claim.text, claim.status, [c.text for c in claim.cues])


@pytest.mark.parametrize("text, words", [
    # How long it might last, and a possibility looking ahead from a past moment.
    ("The mayor said the inquiry could go on for years.\n", "go on for years"),
    ("Experts had warned that a larger quake could be in store after the first one hit.\n", "in store"),
])
def test_a_could_looking_ahead_still_speculates(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "speculative" and "could" in [c.text for c in claim.cues], (
        claim.status, [c.text for c in claim.cues])
