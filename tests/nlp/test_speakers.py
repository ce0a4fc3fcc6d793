"""claimscope_speakers on hand-written articles, through the full real pipeline."""

from __future__ import annotations

from claimscope.nlp.speakers import byline_spans, quote_runs


def _speaker(analysis, content_words):
    """(source text, resolved entity name or None, entity type) of the attribution whose
    content holds the words."""
    names = {e.id: (e.name, e.type) for e in analysis.entities}
    found = [a for a in analysis.attributions if a.content and content_words in a.content.text]
    assert found, [(a.source, a.cue.text, a.content) for a in analysis.attributions]
    a = found[0]
    name, kind = names.get(a.source_entity, (None, None))
    return a.source.text if a.source else None, name, kind


def test_a_pronoun_skips_the_name_of_the_other_gender(analyze):
    a = analyze("Tom Fennick thanked Anna Berridge at the harbour on Monday.\n\n"
                "She said the harbour would reopen in the spring.\n")
    assert _speaker(a, "harbour would reopen")[1] == "Anna Berridge"


def test_he_and_she_each_find_their_own_speaker(analyze):
    a = analyze("Mark Hollis, the chief executive of Westbrook Hospital Trust, said the trust had "
                "failed to fill 300 nursing posts. Anna Berridge, a union organiser, said nurses "
                "were leaving faster than they could be replaced.\n\n"
                "She said the trust had ignored warnings for two years. He said recruitment abroad "
                "would begin in March.\n")
    assert _speaker(a, "ignored warnings")[1] == "Anna Berridge"
    assert _speaker(a, "recruitment abroad")[1] == "Mark Hollis"


def test_a_spokeswoman_and_the_company_speak_for_the_organisation(analyze):
    a = analyze("A spokeswoman for Calder Holdings said the company would not comment on the sale.\n\n"
                "The company later said it had received three offers for the shipyard.\n")
    assert _speaker(a, "would not comment")[1:] == ("Calder Holdings", "ORG")
    assert _speaker(a, "three offers")[1:] == ("Calder Holdings", "ORG")


def test_the_head_of_an_apposition_with_sir_is_the_speaker(analyze):
    a = analyze("Iris director Sir Richard Eyre said the theatre would reopen in the spring.\n")
    source, name, kind = _speaker(a, "theatre would reopen")
    assert "Eyre" in name and kind == "PERSON"


def test_a_quote_over_two_paragraphs_keeps_its_speaker(analyze):
    a = analyze("\u201cWe are recruiting abroad,\u201d said Mark Hollis, the chief executive of the "
                "trust.\n\n\u201cThe first nurses arrive in March. More will follow in the summer,\u201d "
                "he said.\n")
    assert "Hollis" in _speaker(a, "recruiting abroad")[1]
    assert "Hollis" in _speaker(a, "More will follow")[1]


def test_a_byline_never_speaks(analyze):
    text = ("By Lauren Pelley / Harbour News\n\n"
            "The port will close for two weeks in May, she said.\n")
    a = analyze(text)
    names = {e.id: e.name for e in a.entities}
    assert all("Pelley" not in names.get(x.source_entity, "") for x in a.attributions)
    start = text.index("Lauren")
    assert any(s <= start < e for s, e in byline_spans_of(text))


def byline_spans_of(text):
    import spacy

    return byline_spans(spacy.blank("en")(text), None)


def test_two_men_and_a_he_stay_unresolved(analyze):
    a = analyze("Tom Fennick met Paul Ardley at the port on Tuesday. He said the deal was finished.\n")
    source, name, _ = _speaker(a, "deal was finished")
    assert source == "He" and name is None


def test_quote_runs_join_a_quotation_carried_into_the_next_paragraph():
    text = "\u201cFirst part.\n\n\u201cSecond part,\u201d she said. Then \u201cnew one\u201d."
    runs = quote_runs(text)
    assert runs[0] == (0, text.index("\u201d") + 1)
    assert text[runs[1][0]:runs[1][1]] == "\u201cnew one\u201d"


def test_source_entity_is_the_speaker_components_alone(workspace):
    nlp = workspace.nlp
    names = [name for name, _ in nlp.pipeline]
    assert names.index("claimscope_attribution") < names.index("claimscope_speakers") < names.index("claimscope_claims")
    doc = nlp.make_doc('"We will win," the mayor said, "and we will win big." Officials said the vote '
                       'was fair.\n')
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "claimscope_speakers":
            before = [(a.content, a.source, a.source_entity) for a in doc._.attributions]
    assert [(a.content, a.source, a.source_entity) for a in doc._.attributions] == before
    # The span groups hold exactly the records' spans; no content holds its own source or cue.
    contents = sorted((s.start_char, s.end_char) for s in doc.spans["attribution_content"])
    assert contents == sorted((a.content.start, a.content.end) for a in doc._.attributions if a.content)
    for a in doc._.attributions:
        if a.content is not None:
            assert not (a.content.start < a.cue.end and a.cue.start < a.content.end)
            if a.source is not None:
                assert not (a.content.start < a.source.end and a.source.start < a.content.end)


def test_a_surname_the_tagger_took_for_a_noun_is_still_the_person(analyze):
    a = analyze("Donald Trump spoke at the rally on Monday. More than a dozen women have leveled "
                "allegations against Trump. Trump has denied those allegations.\n")
    assert _speaker(a, "those allegations")[1] == "Donald Trump"


def test_the_president_is_the_one_person_given_that_title(analyze):
    a = analyze("President Donald Trump spoke to supporters in Southaven on Tuesday. Sen. Jeff Flake "
                "watched from Washington. \"I don't remember,\" the president said. \"It was not "
                "right,\" the senator said later.\n")
    assert _speaker(a, "remember")[1] == "Donald Trump"
    assert _speaker(a, "not right")[1] == "Jeff Flake"


def test_a_title_two_people_had_stays_unresolved(analyze):
    a = analyze("Senator Ann Kerr and Senator Tom Fennick met on Monday. \"We agreed on nothing,\" "
                "the senator said.\n")
    assert _speaker(a, "agreed on nothing")[1] is None
