"""A hedge is an uncertainty marker over the claim (docs/audit.md, "Claims"): someone else's
belief is reported thought, a past belief is a former view, a degree word is no uncertainty,
a prediction speculates, and a verb cue or an aside keeps to what it governs. Sentences
written for these tests."""

import pytest
from claim_views import claim_with as _claim

from claimscope.nlp.cues import CueMatcher
from claimscope.nlp.epistemic import cue_counts, read_status


@pytest.fixture(scope="module")
def cues_of(parse):
    matcher = CueMatcher(parse.vocab)

    def run(text: str) -> dict[str, bool]:
        found = matcher.find(parse(text))
        return {c.text.lower(): cue_counts(c) for category in ("hedge", "weak_hedge")
                for c in found.get(category, [])}

    return run


@pytest.mark.parametrize("text, cue, counts", [
    # The writer's or the speaker's own present view hedges.
    ("I believe the party must change its course.", "believe", True),
    ("I don't think the new bridge is safe.", "think", True),
    ("We think the ferries will return in May.", "we think", True),
    ("I happen to think the ferries will return in May.", "think", True),
    ("I have always believed that the quay was unsafe.", "believed", True),
    # Impersonal: nobody owns the belief, the text distances itself.
    ("The bridge is believed to be unsafe.", "believed", True),
    ("It is estimated that five hundred people attended.", "estimated", True),
    # Someone else's belief is that one's thought, reported.
    ("Many Republican leaders believe the party must change its course.", "believe", False),
    ("She believes that the ferry will return.", "believes", False),
    ("Some experts expect the plant to close next year.", "expect", False),
    ("The harbour master seems to believe that the quay is safe.", "believe", False),
    # ... but "seems" still hedges that belief.
    ("The harbour master seems to believe that the quay is safe.", "seems", True),
    # A former view, no hedge.
    ("I thought the shop was closed on Sundays.", "thought", False),
    ("We didn't think it was right to close the shop.", "think", False),
    ("I would have thought he had more support in the city.", "thought", False),
    # Belief verbs in another sense: an action done, a burden taken on.
    ("The researchers estimated the needs of each state.", "estimated", False),
    ("The researchers assumed this burden themselves.", "assumed", False),
    # A hedge adverb on a noun's modifier hedges the description only.
    ("The allegedly corrupt officials resigned on Monday.", "allegedly", False),
    # ... but one that opens the predicate hedges the clause.
    ("This old doctrine is presumably common teaching of the period.", "presumably", True),
    # "almost" is a degree word, "almost certainly" a hedge.
    ("The fire was almost certainly started by the old boiler.", "almost certainly", True),
    # A person who suggests says something (reported); a conjunct shares its subject.
    ("The spokeswoman suggested that the mayor had misled voters.", "suggested", False),
    ("The senator criticised the plan and suggested that the mayor had misled voters.",
     "suggested", False),
    ("The report suggests that the mayor misled voters.", "suggests", True),
    ("It undercuts the mayor's defenders, who have suggested that she was not involved.",
     "suggested", False),
    ("Some commentators suggest that the council is complicit in its own problems.",
     "suggest", False),
    # Faith or support, no belief that.
    ("I believe in a smarter kind of leadership.", "believe", False),
])
def test_a_belief_verb_hedges_only_as_ones_own_present_view(cues_of, text, cue, counts):
    assert cues_of(text).get(cue) is counts, cues_of(text)


def test_degree_words_are_no_uncertainty_markers(cues_of):
    assert cues_of("The project took roughly four years, almost ten million pounds and was "
                   "partly paid by approximately forty donors.") == {}


def test_someone_elses_belief_is_reported_and_ones_own_is_hedged(analyze):
    a = analyze("Many harbour engineers believe that the old quay must be rebuilt. "
                '"I believe the new quay is unsafe," the harbour master said on Monday.\n')
    theirs = _claim(a, "must be rebuilt")
    assert theirs.status in ("reported", "asserted"), (theirs.status, [c.text for c in theirs.cues])
    own = _claim(a, "new quay is unsafe")
    assert own.status == "hedged" and "believe" in [c.text for c in own.cues]


def test_a_denial_verb_does_not_deny_its_coordinated_verbs_complement(analyze):
    a = analyze("A council spokesman denied that the delay was the mayor's decision and "
                "insisted that the budget was sound.\n")
    assert _claim(a, "delay was the mayor's decision").status == "denied"
    sound = _claim(a, "budget was sound")
    assert sound.status == "reported", (sound.status, [c.text for c in sound.cues])


def test_a_hedge_in_an_aside_hedges_only_the_aside(analyze):
    claim = _claim(analyze("The new library was opened by its architect — a former teacher, I "
                           "think — on a wet Monday in March.\n"), "library was opened")
    assert claim.status == "asserted", (claim.status, [c.text for c in claim.cues])


def test_an_aside_of_pure_comment_hedges_the_clause_around_it(analyze):
    claim = _claim(analyze("The ferry was late again — I think — because of the storm on the "
                           "coast.\n"), "ferry was late")
    assert claim.status == "hedged" and "I think" in [c.text for c in claim.cues]


@pytest.mark.parametrize("text, counts", [
    ("The ministry denied that it armed the militia.", True),
    # A negated denial affirms: "not", and the adverbs that negate like it.
    ("The ministry did not deny that it armed the militia.", False),
    ("That the officials broke the rules can hardly be disputed.", False),
    ("The council never disputed that the quay was unsafe.", False),
])
def test_a_negated_denial_verb_denies_nothing(parse, text, counts):
    found = CueMatcher(parse.vocab).find(parse(text)).get("denial", [])
    assert found and all(cue_counts(c) is counts for c in found), [c.text for c in found]


@pytest.mark.parametrize("text, words, status", [
    # A spaced hyphen opens an aside as a dash does; a hyphen inside a word does not.
    ("The firm charged the shops - presumably unaware who ran the account - fifty dollars a "
     "post.\n", "charged the shops", "asserted"),
    # The parser hangs this sentence on "think"; the aside still keeps it.
    ('"The harbour is dirtier than the river is clean," observes one of the old characters — a '
     'history teacher, I think — remarking on the grime.\n', "dirtier than the river", "reported"),
])
def test_a_cue_keeps_to_its_aside(analyze, text, words, status):
    claim = _claim(analyze(text), words)
    assert claim.status == status, (claim.status, [c.text for c in claim.cues])


@pytest.mark.parametrize("text", [
    # "appeared ignorant" is said of him, not of what he said next.
    "The mayor appeared ignorant of the plan and said that the budget was sound.",
    "A council spokesman denied that the delay was his decision and insisted that the budget "
    "was sound.",
])
def test_a_verb_cue_keeps_to_its_own_complement(parse, text):
    doc = parse(text)
    start = text.index("the budget was sound")
    claim = doc.char_span(start, start + len("the budget was sound"))
    reading = read_status(CueMatcher(parse.vocab).find(doc), claim=claim, attribution_cue=None,
                          uncertain_probability=0.0)
    assert reading.status == "asserted", (reading.status, [c.text for c in reading.cues])
