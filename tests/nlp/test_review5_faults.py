"""Faults a second reading of session 5's rules found, each on a sentence written for the test
(none from any corpus), with the real spaCy model."""

from __future__ import annotations

from entity_views import entities_of, shown
from speaker_views import speaker_of, speakers_of


def test_a_glued_name_without_a_closing_more_is_no_box(entity_nlp):
    """"BlackRock" with "Black" elsewhere in the text looks like a surname glued to a headline;
    only a "MORE" after it makes it a box of linked headlines."""
    ents = entities_of(entity_nlp, "Black voters rallied on Monday. BlackRock said it would invest $5 billion "
                       "in the port.")
    assert "BlackRock" in {e.name for e in ents}, shown(ents)



def test_a_pronoun_after_two_joined_subjects_names_neither(analyze):
    a = analyze("Tom Keller and John Hollis met the board on Monday, and he said the port would close.\n")
    assert speaker_of(a, "port would close") is None


def test_a_description_with_words_of_its_own_is_not_the_previous_subject(analyze):
    """"The senator who wrote it" and "the governor of Ohio" pick someone out by their own
    words; only a bare description ("the senator") continues the sentence before's subject."""
    a = analyze("Mitt Romney criticized the bill on Monday. The senator who wrote it said the criticism "
                "was unfair.\n\nMitt Romney criticized the plan on Tuesday. The governor of Ohio said the "
                "plan was sound.\n")
    assert speaker_of(a, "criticism was unfair") is None
    assert speaker_of(a, "plan was sound") is None


def test_a_bare_role_noun_is_not_the_previous_subject(analyze):
    """"The judge" after the defendant, "the mayor" after a teacher: a bare role noun brings in
    whoever holds the role, not the one the sentence before is about."""
    a = analyze("Tom Keller appeared in court on Monday. The judge said he would be held without bail.\n\n"
                "Mary Keller lost her teaching job last week. The mayor said the cuts were needed.\n")
    assert speaker_of(a, "held without bail") is None
    assert speaker_of(a, "cuts were needed") is None


def test_an_infinitive_after_an_object_is_not_the_subjects_saying(parse):
    """"Hollis urged Keller to say that ...": Keller is the one who is to say it, so Hollis is no
    source of "say"; "Nuland and her aides tried to suggest that ..." keeps its subject."""
    from role_groups import role_group

    from claimscope.nlp.attribution_governor import with_governing_sources

    for text, cue, content, source in (
            ("Mary Hollis urged Tom Keller to say that the port was closing.", "say", "the port was closing", None),
            ("The union asked Keller to confirm that the port would close.", "confirm", "the port would close", None),
            ("Nuland and her aides tried to suggest that the talks had failed.", "suggest", "the talks had failed",
             "Nuland and her aides")):
        (done,) = with_governing_sources(parse(text), [role_group(text, None, cue, content)])
        assert (done.source and text[done.source.start:done.source.end]) == source, text


def test_a_series_verb_after_a_relative_clause_names_neither(analyze):
    """"Keller met Hollis, who said A, then said B": B may be Hollis's (the relative clause goes
    on) or Keller's; "Keller first said A, then said B" stays Keller's."""
    a = analyze("Tom Keller met Mary Hollis, who said the port would close, then said the budget was "
                "balanced.\n\nTom Keller first said the port would close, then said the budget was fine.\n")
    assert speaker_of(a, "budget was balanced") is None
    assert speaker_of(a, "budget was fine") == "Tom Keller"


def test_the_object_of_a_relative_clause_in_the_source_is_not_the_speaker(analyze):
    """"Hollis, a lawyer who represents Keller, said ...": Keller is whom she represents."""
    a = analyze("Hollis, a lawyer who represents Tom Keller, said the port would close.\n\n"
                "Hollis, an aide who worked for Tom Keller, said the budget was balanced.\n")
    assert speaker_of(a, "port would close") != "Tom Keller"
    assert speaker_of(a, "budget was balanced") != "Tom Keller"


def test_a_lone_surname_of_a_father_and_son_names_neither_in_either_order(entity_nlp):
    """"Tom Keller Jr." before his father "Tom Keller": a lone "Keller" may be either, as it
    is when the father comes first."""
    for text in ("Tom Keller Jr. and his father Tom Keller met the board. Keller said the port would close.",
                 "Tom Keller and his son Tom Keller Jr. met the board. Keller said the port would close."):
        ents = entities_of(entity_nlp, text)
        assert all(len(e.mentions) == 1 for e in ents if "Keller" in e.name), shown(ents)


def test_the_judge_after_a_defendant_is_not_the_defendant(analyze):
    a = analyze("Tom Keller appeared in court on Monday. The federal judge said he would be held without bail.\n")
    assert speaker_of(a, "held without bail") is None


def test_a_lone_surname_of_a_father_and_son_is_no_speaker_of_the_father(analyze):
    """"Trump" beside "Donald Trump Jr." and "Donald Trump" may be either: the speaker resolver
    must not take the son's generation for his surname and give the quote to the father."""
    a = analyze("Donald Trump Jr. has written a book. The younger Trump said the press had been "
                "unfair to his father, President Donald Trump.\n\n"
                "In the book, Trump wrote that the campaign was a family affair.\n")
    assert "Donald Trump" not in speakers_of(a, "unfair to his father")
    assert "Donald Trump" not in speakers_of(a, "family affair")
