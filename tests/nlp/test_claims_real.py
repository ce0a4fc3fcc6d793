"""Claims the real-text audit of issue 9 found to be fragments or to have lost their status,
on hand-written sentences (none from any corpus), through the full real pipeline."""

from __future__ import annotations

EXPLAINER = (
    "Harbour workers walk out over pay\n\n"
    "Dock workers in Westbrook stopped work on Monday after talks on pay broke down.\n\n"
    "What happened at the meeting?\n\n"
    "The union rejected an offer of three percent. Why would anyone accept less than "
    "inflation? The port has lost two contracts this year.\n\n"
    "Is the port still open?\n\n"
    "Ferries are running to the usual timetable.\n"
)


def test_a_question_crosshead_is_no_claim(analyze):
    texts = [c.text for c in analyze(EXPLAINER).claims]
    assert not any("happened at the meeting" in t for t in texts), texts
    assert not any("port still open" in t for t in texts), texts
    assert any("Ferries are running" in t for t in texts)


def test_a_question_inside_a_paragraph_stays_a_claim(analyze):
    claims = analyze(EXPLAINER).claims
    asked = [c for c in claims if "accept less than inflation" in c.text]
    assert asked and asked[0].status == "questioned"


def test_a_rank_abbreviation_does_not_end_the_sentence(analyze):
    texts = [c.text for c in analyze(
        "The patrol was led by Lance Cpl. Dana Whitfield of the second battalion. Staff Sgt. "
        "Omar Reyes joined the patrol later that night.\n").claims]
    assert any("Lance Cpl. Dana Whitfield of the second battalion" in t for t in texts), texts
    assert any(t.startswith("Staff Sgt. Omar Reyes joined") for t in texts), texts


def test_a_concessive_clause_is_a_claim_without_its_although(analyze):
    texts = [c.text for c in analyze(
        "Although the council approved the budget in March, the works have not started.\n\n"
        "Although the mayor signed the order in June. Nobody has seen it since.\n").claims]
    assert "the council approved the budget in March" in texts, texts
    assert "the mayor signed the order in June" in texts, texts
    assert not any(t.lower().startswith("although") for t in texts), texts


def test_a_quoted_sentence_left_out_of_its_attribution_is_still_the_speakers(analyze):
    a = analyze("Ada Pirrone posted a message on Friday that said, \"Thanks for the support, I don't "
                "want thanks, I want action. We must be quick!\"\n")
    quick = [c for c in a.claims if "We must be quick" in c.text]
    assert quick and quick[0].asserter_name == "Ada Pirrone", [(c.text, c.asserter_name) for c in a.claims]
    assert quick[0].status == "reported"


def test_a_title_that_asks_is_a_heading(analyze):
    texts = [c.text for c in analyze("How will the council solve the quay riddle?\n\n"
                                     "The council meets on Monday to decide the future of the quay.\n").claims]
    assert not any("quay riddle" in t for t in texts), texts
    assert any("council meets on Monday" in t for t in texts)


def test_what_a_source_did_not_say_is_not_their_claim(analyze):
    # A negated cue reports that the words were NOT said: the content is nobody's claim here
    # (the ledger would otherwise count the mayor as a second source of the inspectors' finding).
    a = analyze("The mayor did not mention the inspectors' report that the quay had been built "
                "with cheap steel. The harbour master never said that the port would close. "
                "The mayor said the quay would reopen in May.\n")
    unsaid = [c for c in a.claims if "cheap steel" in c.text or "port would close" in c.text]
    assert not any(c.status == "reported" for c in unsaid), \
        [(c.text, c.asserter_name, c.status) for c in a.claims]
    reopen = [c for c in a.claims if "reopen in May" in c.text]
    assert reopen and reopen[0].status == "reported"
