"""Who puts a claim forward (issue 9, the fresh audit's asserter errors): a quoted sentence is
somebody's words, never the author's; a quotation that goes on over paragraphs stays with its
named speaker. Through the real pipeline; sentences written for these tests."""

from claim_views import claim_with as _claim


def test_a_quotation_standing_alone_is_not_the_author_s(analyze):
    a = analyze("Critics repeat the same lines every year.\n\n"
                "\"The rich are getting richer and the poor are getting poorer.\"\n\n"
                "\"Capitalism is on its last legs.\"\n\n"
                "Really? The truth is that poverty is falling.\n", author="Jane Writer")
    quoted = _claim(a, "Capitalism is on its last legs")
    assert quoted.asserter_name != "Jane Writer" and quoted.attribution is None
    assert quoted.status == "reported" and quoted.cues == []
    # The author's own sentences stay the author's.
    assert _claim(a, "poverty is falling").asserter_name == "Jane Writer"


def test_a_quoted_sentence_after_an_unattributed_frame_is_not_the_author_s(analyze):
    a = analyze("Her response was, \"Look at how the board reacted to the flood. These are not "
                "signs of a plan.\"\n", author="Jane Writer")
    assert _claim(a, "These are not signs of a plan").asserter_name != "Jane Writer"


def test_a_phrase_the_author_quotes_stays_the_author_s(analyze):
    a = analyze("The mayor called the harbour plan \"a promise the town cannot keep.\"\n",
                author="Jane Writer")
    assert _claim(a, "harbour plan").asserter_name == "Jane Writer"


def test_a_quotation_carried_over_a_paragraph_keeps_its_named_speaker(analyze):
    a = analyze("Mayor Anna Kowalski spoke to reporters on Friday. \"The Gazette is the true "
                "enemy of the town!\" she said. \"They refuse to cover the real story. But the "
                "people know what is going on.\n\n"
                "\"Now the new story is that I built the harbour with borrowed money. I built a "
                "great business and never needed banks.\"\n")
    carried = _claim(a, "built a great business")
    assert carried.asserter_name == "Anna Kowalski"
    attribution = next(x for x in a.attributions if x.id == carried.attribution)
    # One owner per fact: the claim's asserter is its attribution's speaker.
    assert carried.asserter_entity == attribution.source_entity


def test_words_the_author_names_inside_a_sentence_stay_the_author_s(analyze):
    a = analyze("The pupils must copy \"The harbour is not the town. The harbour is not the town. "
                "The harbour is not the town\" on the board.\n", author="Jane Writer")
    assert all(c.asserter_name == "Jane Writer" for c in a.claims), [(c.text, c.asserter_name) for c in a.claims]


def test_a_quotation_after_a_tag_that_runs_on_goes_on_with_its_speaker(analyze):
    a = analyze("\"We will rebuild the pier,\" Mayor Anna Kowalski told the Gazette, referring to "
                "the storm. \"It will take two years.\"\n", author="Jane Writer")
    later = _claim(a, "It will take two years")
    assert later.asserter_name == "Anna Kowalski" and later.attribution is not None


def test_a_quotation_carried_into_its_own_paragraph_is_not_hedged_by_the_frame_s_verb(analyze):
    # "allege" hedges what the critics allege, not the quotation of the next paragraph, which
    # is their words: reported, as any quotation of a speaker
    a = analyze("Critics allege that the mayor took the money.\n\n"
                "\"The harbour plan will fail. Nobody believes the figures.\"\n")
    assert _claim(a, "mayor took the money").status == "hedged"
    carried = _claim(a, "harbour plan will fail")
    assert carried.asserter_name == "Critics" and carried.status == "reported", (carried.status, carried.cues)
