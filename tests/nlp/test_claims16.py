"""Claims of issue 9 (round claims16, tuning pool): a parenthetical tag inside a sentence ("The
mayor, they say, has lost the council's trust") makes the sentence the tag's speaker's claim,
not the author's; a sentence with no tag stays the author's. Hand-written text, the real
spaCy model."""

from __future__ import annotations

from claim_views import claim_with


def test_a_parenthetical_tag_makes_the_sentence_reported(analyze):
    a = analyze("The harbour levy will not pass this year. The mayor, they say, has lost the council's trust.")
    claim = claim_with(a, "lost the council's trust")
    assert claim.status == "reported" and claim.asserter_name == "they"


def test_a_named_parenthetical_speaker_asserts_the_sentence(analyze):
    a = analyze("Ada Brenner chairs the harbour board. The ferry, Brenner said, will sail again in spring.")
    claim = claim_with(a, "sail again in spring")
    assert claim.status == "reported" and "Brenner" in claim.asserter_name


def test_a_sentence_without_a_tag_stays_the_authors(analyze):
    a = analyze("The harbour levy will not pass this year. The mayor has lost the council's trust.")
    claim = claim_with(a, "lost the council's trust")
    assert claim.status == "asserted"


def test_a_hover_cards_headlines_are_no_claim(analyze):
    a = analyze("Mayor Ada Brenner Ada Louise BrennerValtoria council votes on budget Kemp says the harbour "
                "levy is fair MORE criticized the harbour board on Monday. The board meets again in May.")
    assert not [c.text for c in a.claims if "levy is fair" in c.text or "votes on budget" in c.text]
    assert [c for c in a.claims if "meets again in May" in c.text]
