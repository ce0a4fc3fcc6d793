"""A status cue reaches only the clause it means, through the real pipeline (issue 9, the
fresh audit's status errors); sentences written for these tests."""

import pytest
from claim_views import claim_with as _claim
from claim_views import cue_texts as _cues


@pytest.mark.parametrize("text", [
    "Although the council approved the plan in March, is the harbour really safe?\n",
    "Even though the council approved the plan in March, is the harbour really safe?\n",
    "Is the harbour really safe, although the council approved the plan in March?\n",
    '"Although the council approved the plan in March, is the harbour really safe?" the mayor asked.\n',
])
def test_a_question_does_not_ask_the_clause_it_concedes(analyze, text):
    a = analyze(text)
    granted = _claim(a, "council approved the plan")
    assert granted.status != "questioned", (granted.text, _cues(granted))
    assert "harbour" not in granted.text
    asked = _claim(a, "harbour really safe")
    assert asked.status == "questioned" and _cues(asked) == ["?"]


def test_a_statement_and_the_question_after_it_are_two_claims(analyze):
    a = analyze("While the council approved the plan, who will pay for it?\n")
    granted = _claim(a, "council approved the plan")
    assert "pay" not in granted.text and granted.status == "asserted"
    assert _claim(a, "who will pay").status == "questioned"


@pytest.mark.parametrize("text, words", [
    ("The proposal should be considered a threat to the harbour.\n", "threat"),
    ("The new rules must be seen as a warning to landlords.\n", "warning"),
    ("Councillors ought to be regarded as servants of the town.\n", "servants"),
    ("The old quay has to be considered a risk to shipping.\n", "risk"),
])
def test_a_deontic_modal_is_no_hedge(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status == "asserted", (claim.status, _cues(claim))


def test_a_modal_of_the_perfect_infers_and_still_hedges(analyze):
    # "must have been seen as": an inference about what was so (epistemic), no obligation
    claim = _claim(analyze("The mayor must have been seen as a weak candidate.\n"), "weak candidate")
    assert claim.status == "hedged", (claim.status, _cues(claim))


def test_considered_as_a_view_still_hedges(analyze):
    claim = _claim(analyze("Among engineers the old quay is widely considered a risk to shipping.\n"), "risk")
    assert claim.status == "hedged" and _cues(claim) == ["considered"]


@pytest.mark.parametrize("text, words", [
    # Weighed by a committee, not a view of the bill.
    ("The harbour bill will be considered by the finance committee on April 14, so we'll get "
     "a better sense of things then.\n", "finance committee"),
    # A negated "possible" says it cannot be; it does not speculate.
    ("The harbour master said that kind of repair isn't possible during a short winter "
     "season.\n", "repair"),
    # The same with a typographic apostrophe, which the tagger reads as no negation.
    ("The harbour master said that kind of repair isn’t possible during a short winter "
     "season.\n", "repair"),
    # What a report does not suggest it does not hedge either: a negative, asserted.
    ("The harbour report does not suggest that the mayor lied about the repairs.\n", "harbour report"),
    # Thinking of something is no belief that anything is so.
    ("I think of the changes to the harbour just in my own lifetime.\n", "changes"),
    # The noun "potential" is no uncertainty of the clause.
    ('"Folks are not very excited about the potential of what might come from the mayor '
     'standing before the council," she said.\n', "Folks"),
    # Speculation someone downplayed is no speculation of the sentence.
    ("The governor downplayed speculation in an interview on Sunday evening.\n",
     "downplayed"),
    # An adverb on one noun of a list qualifies that noun, not the clause.
    ("Despite the hype, the slogans, and perhaps even some self-delusion, the platforms were "
     "not built to make the world better.\n", "platforms"),
])
def test_cue_words_that_do_not_mean_their_status_here(analyze, text, words):
    claim = _claim(analyze(text), words)
    assert claim.status in ("asserted", "reported"), (claim.status, _cues(claim))


def test_speculation_that_still_speculates(analyze):
    claim = _claim(analyze("The speculation is that the mayor will resign in May.\n"), "resign")
    assert claim.status == "speculative" and "speculation" in _cues(claim)


@pytest.mark.parametrize("text, counts", [
    # A future in the past that tells what happened next is no conjecture.
    ("Hale would go on to post a 1.12 ERA for the season.", False),
    ("Hale would later become the club's manager.", False),
    ("Hale would win the vote if the council met today.", True),
])
def test_would_of_what_happened_next(workspace, text, counts):
    from claimscope.nlp.epistemic import cue_counts

    doc = workspace.nlp(text)
    would = next(t for t in doc if t.lower_ == "would")
    assert cue_counts(doc[would.i:would.i + 1]) is counts


def test_a_question_does_not_ask_the_thought_inside_it(analyze):
    a = analyze("Why do idealistic young people oppose free trade and market reform, thinking "
                "that they're standing up for the poorest people in the world, when in fact "
                "they're doing the opposite?\n")
    thought = _claim(a, "standing up for the poorest")
    assert not thought.text.startswith("Why")
    assert thought.status != "questioned", (thought.text, _cues(thought))


def test_a_hedge_in_one_clause_does_not_reach_the_next(analyze):
    a = analyze("The board probably met on Monday, but the mayor signed the order on Tuesday.\n")
    hedged = _claim(a, "board probably met")
    assert hedged.status == "hedged" and "mayor" not in hedged.text
    assert _claim(a, "mayor signed the order").status == "asserted"


def test_a_report_or_denial_stops_where_the_author_s_clause_begins(analyze):
    a = analyze("Critics allege that the mayor took the money, and the council voted to censure "
                "her.\n", author="Jane Writer")
    alleged = _claim(a, "mayor took the money")
    assert alleged.status == "hedged" and "council" not in alleged.text
    own = _claim(a, "council voted")
    assert own.asserter_name == "Jane Writer" and own.status == "asserted"


def test_the_second_of_two_clauses_keeps_its_own_hedge(analyze):
    a = analyze("Of course, he can be forgiven, but it's increasingly unlikely that he can be "
                "elected.\n")
    second = _claim(a, "unlikely that he can be elected")
    assert second.status == "hedged" and _cues(second) == ["unlikely"]
    assert "unlikely" not in _claim(a, "forgiven").text
