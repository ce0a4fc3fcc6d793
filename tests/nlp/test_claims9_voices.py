"""Issue 9 (claims9): who puts a claim forward on real pages. The one told is no asserter;
evidence ("The results suggest") draws no inference, its reader does; a transcript's turns and
an embedded post are their speakers' words; an aim ("her chance to show") is no report; a
concessive "whether" asks nothing; the headline, reader prompts and a sentence cut at "Sens."
give no claim. Sentences written for these tests."""

import pytest
from claim_views import claim_with as _claim


def test_the_one_told_is_not_the_asserter(analyze):
    text = ("Traders are wary, says Mara Quill in a column.\n"
            "The Harbour Exchange, however, told Quill that the trades did not come from a single source.\n")
    claim = _claim(analyze(text), "single source")
    assert "Quill" not in claim.asserter_name and "Exchange" in claim.asserter_name, claim.asserter_name


@pytest.mark.parametrize("text, words, asserter", [
    ("The results suggest that the new drug works.\n", "drug works", "the author"),
    ("My calculations suggest that the bridge will fail.\n", "bridge will fail", "the author"),
    ("To Mara Quill, all this suggests that pundits are wrong about the vote.\n", "pundits", "Mara Quill"),
])
def test_evidence_is_not_the_asserter(analyze, text, words, asserter):
    claim = _claim(analyze(text), words)
    assert claim.asserter_name == asserter, claim.asserter_name


def test_a_named_speaker_keeps_the_claim(analyze):
    claim = _claim(analyze("The mayor told reporters that the bridge would close.\n"), "bridge would close")
    assert claim.asserter_name.lower() == "the mayor", claim.asserter_name


def test_a_transcript_turn_is_its_speaker_s(analyze):
    text = ("HANNA VOLK: The vote is on Tuesday. What do you think, Mara?\n"
            "MARA QUILL: The bill is weak. It will fail in the Senate.\n"
            "The farmers in the valley want these rules changed.\n"
            "HANNA VOLK: Thank you, Mara Quill, and thank you, Hanna Volk.\n")
    analysis = analyze(text)
    for words in ("bill is weak", "farmers in the valley"):
        claim = _claim(analysis, words)
        assert "QUILL" in claim.asserter_name.upper() and claim.status == "reported", (claim.asserter_name,
                                                                                       claim.status)


def test_an_embedded_post_is_its_poster_s(analyze):
    text = ("Critics were quick to respond.\n"
            "The ferry plan cannot work in the winter. https://t.co/x1 — Tom Brink (@tbrink) October 17, 2019\n")
    claim = _claim(analyze(text, author="Jo Writer"), "ferry plan")
    assert claim.asserter_name == "Tom Brink" and claim.status == "reported", (claim.asserter_name, claim.status)


def test_a_chance_to_show_is_no_report(analyze):
    text = "Hanna Volk speaks on Monday. Monday is her chance to show she cares about the valley.\n"
    claim = _claim(analyze(text), "cares about the valley")
    assert claim.asserter_name == "the author" and claim.status == "asserted", (claim.asserter_name, claim.status)


@pytest.mark.parametrize("text, words", [
    ("Whether voters like it or not, the tax rose by 3 percent last year.\n", "tax rose"),
    ("The ferry ran every day, whether in rain or in sun.\n", "ferry ran"),
])
def test_a_concessive_whether_asks_nothing(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "asserted", (claim.status, [c.text for c in claim.cues])


def test_an_asking_whether_still_questions(analyze):
    claim = _claim(analyze("The board asked whether the tax would rise or fall.\n"), "tax would rise")
    assert claim.status == "questioned"


def test_reader_prompts_and_the_headline_give_no_claim(analyze):
    text = ("Voters split over the ferry. How will the council pay for the quay?\n\n"
            "The council met on Monday and agreed a budget for the quay.\n\n"
            "Share Your Thoughts Do you think the ferry can run in the winter? Join the conversation below.\n")
    analysis = analyze(text, title="How will the council pay for the quay?")
    texts = [c.text for c in analysis.claims]
    assert not any("Share Your" in t or "ferry can run" in t or "pay for the quay" in t for t in texts), texts
    assert any("agreed a budget" in t for t in texts), texts


def test_a_sentence_goes_on_after_sens(analyze):
    claim = _claim(analyze("The letter was also signed by GOP Sens. Tom Brink and Hanna Volk.\n"), "signed by")
    assert "Hanna Volk" in claim.text, claim.text
