"""Speakers and claims of issue 9 (round speakers18, tuning pool): a full name the tagger missed
where it opens a paragraph ("Michael Strong founded ...") is still a person when the text uses
the surname again alone; a line's two opening capitalised words stay in one sentence, so the
tagger finds the name ("Jane Hale, who ..."); a surname the parser called an adjective ('"...,"
Strong responds') still speaks as that person; what "is said" or "speculated" of someone is no
saying of theirs; "the report" right after "Bloomberg reported that ..." is Bloomberg's; "the
billionaire" right after the one person it describes is that person; "Nordling's email" and
"Reed's campaign" speak for them; "a statement" right after a sentence about one body is that
body's; "the Chronicle" is the San Francisco Chronicle and "New reporting from" a paper the
paper's; a "he" after a possessive name the tagger did not find ("In Harlan's call, he") is no
one; "the firm" is never a party; a whole quoted sentence the parser botched is the speaker's
claim, not the author's, unless it is a subordinate clause alone. Hand-written text, the real
model."""

from __future__ import annotations

from claim_views import claim_with


def _speakers(analysis, chosen) -> list:
    """The names of the entities the chosen attributions' sources resolve to (None where none)."""
    names = {e.id: e.name for e in analysis.entities}
    return [names.get(a.source_entity) for a in analysis.attributions if chosen(a)]


TEXT = ("A school for everyone\n\n"
        "Michael Strong founded the academy in 2009. He says most pupils arrive unhappy.\n\n"
        "\"The kind of kids that we get come from all walks of life,\" Strong responds.\n\n"
        "The academy now has 300 pupils. \"We had a student who could not sit still for a minute,\" "
        "Strong says.\n")


def test_a_full_name_the_tagger_missed_is_a_person(analyze):
    analysis = analyze(TEXT)
    assert [e for e in analysis.entities if e.name == "Michael Strong" and e.type == "PERSON"], \
        [(e.name, e.type) for e in analysis.entities]


def test_every_strong_speaks_as_michael_strong(analyze):
    analysis = analyze(TEXT)
    speakers = _speakers(analysis, lambda a: a.source and a.source.text == "Strong")
    assert speakers and all(s == "Michael Strong" for s in speakers), speakers


def test_a_botched_quoted_sentence_is_the_speakers_claim(analyze):
    claim = claim_with(analyze(TEXT), "kind of kids")
    assert "responds" not in claim.text and claim.status == "reported", (claim.text, claim.status)


def test_a_name_and_a_common_word_stay_apart(analyze):
    analysis = analyze("Harbour works begin\n\nWork began on Monday at the harbour. Mark Down the date, "
                       "the mayor said: the quay will open in May.\n")
    assert not [e for e in analysis.entities if e.name == "Mark Down"], [(e.name, e.type) for e in analysis.entities]


RACE = ("Race for governor\n\n"
        "Jane Hale, who is speculated to be considering a run for governor, visited the harbour on Monday. "
        "Tom Reed is said to favour a bid of his own.\n\n"
        "Hale said she had not decided.\n")


def test_a_name_opening_a_paragraph_stays_whole(analyze):
    analysis = analyze(RACE)
    assert [e for e in analysis.entities if e.name == "Jane Hale" and e.type == "PERSON"], \
        [(e.name, e.type) for e in analysis.entities]
    assert _speakers(analysis, lambda a: a.cue.text == "said") == ["Jane Hale"]


def test_what_is_said_of_someone_is_not_their_saying(analyze):
    analysis = analyze(RACE)
    said_of = [a for a in analysis.attributions if a.cue.text.startswith("is said")]
    assert said_of and all(a.source_entity is None for a in said_of), [(a.cue.text, a.source_entity) for a in said_of]


def test_a_quoted_subordinate_clause_alone_is_no_claim(analyze):
    analysis = analyze("Death row\n\nRobert Dunn has studied the cases for years. \"When you look at the "
                       "cases of people on death row,\" Dunn says. \"You see the same mistakes.\"\n")
    assert not [c for c in analysis.claims if c.text.strip('",\u201c\u201d ') ==
                "When you look at the cases of people on death row"], [c.text for c in analysis.claims]


def test_the_report_is_the_one_just_reported(analyze):
    analysis = analyze("Art prices soar\n\nBloomberg reported on Tuesday that buyers had paid record sums at the "
                       "spring sales. The report said some auction prices hit $1,000 a square inch.\n")
    report = _speakers(analysis, lambda a: a.source is not None and a.source.text == "The report")
    assert report and report[0] == "Bloomberg"


def test_the_report_after_someone_elses_act_is_not_theirs(analyze):
    analysis = analyze("Art prices soar\n\nBloomberg hired a new editor on Tuesday. The report said some "
                       "auction prices hit $1,000 a square inch.\n")
    report = [a for a in analysis.attributions if a.source is not None and a.source.text == "The report"]
    assert report and report[0].source_entity is None


def test_a_bare_epithet_is_the_one_person_just_named(analyze):
    analysis = analyze("Election news\n\nFormer Mayor Tom Varda has spent $20 million on ads this year. On "
                       "Tuesday, the billionaire announced he would not seek the White House.\n")
    found = _speakers(analysis, lambda a: a.cue.text == "announced")
    assert found == ["Tom Varda"], found


def test_a_bare_epithet_after_two_people_is_no_one(analyze):
    analysis = analyze("Election news\n\nFormer Mayor Tom Varda met Ann Kell on Monday. On Tuesday, the "
                       "billionaire announced he would not seek the White House.\n")
    found = [a.source_entity for a in analysis.attributions if a.cue.text == "announced"]
    assert found == [None], found


def test_someones_email_speaks_for_them(analyze):
    analysis = analyze("Embassy emails\n\nEric Nordling, a former security officer, testified on Tuesday before the "
                       "committee.\n\nThe committee released his emails on Monday. Nordling's email stated that the "
                       "embassy had asked for more guards in August.\n")
    found = _speakers(analysis, lambda a: a.cue.text == "stated")
    assert found == ["Eric Nordling"], found


STATEMENTS = ("Harbour union\n\nThe Harbour Workers Union signaled some unease with the deal on Friday. \"While the "
              "union has concerns about the pay, we have succeeded in raising the standard,\" a statement read.\n\n"
              "The mayor met Tom Reed and the Harbour Board on Monday. \"We are pleased,\" a statement said.\n\n"
              "Tom Reed's campaign said he had no regrets.\n")


def test_a_statement_is_the_body_the_sentence_before_was_about(analyze):
    analysis = analyze(STATEMENTS)
    read = _speakers(analysis, lambda a: a.cue.text == "read")
    assert read == ["Harbour Workers Union"], read


def test_a_statement_after_several_parties_is_no_ones(analyze):
    analysis = analyze(STATEMENTS)
    pleased = [a.source_entity for a in analysis.attributions if a.content is not None and "pleased" in a.content.text]
    assert pleased == [None], pleased


def test_someones_campaign_speaks_for_them(analyze):
    analysis = analyze(STATEMENTS)
    found = _speakers(analysis, lambda a: a.content is not None and "no regrets" in a.content.text)
    assert found == ["Tom Reed"], found


BODIES = ("Oakland budget\n\nThe San Francisco Chronicle first reported the cuts on Wednesday. The city will close "
          "two libraries, according to the Chronicle.\n\nNew reporting from The Valtoria Times shows the council "
          "knew of the deficit in March.\n")


def test_the_head_word_alone_is_the_one_body_named_with_it(analyze):
    analysis = analyze(BODIES)
    found = _speakers(analysis, lambda a: a.cue.text == "according to")
    assert found == ["San Francisco Chronicle"], found


def test_reporting_from_a_paper_is_the_papers(analyze):
    analysis = analyze(BODIES)
    found = _speakers(analysis, lambda a: a.cue.text == "shows")
    assert found == ["Valtoria Times"], found


def test_he_after_a_strangers_possessive_is_no_one(analyze):
    analysis = analyze("State budget\n\nBobby Hale signed the budget bill on Monday in Baton Rouge. The Republican "
                       "governor said the state would not raise taxes.\n\nIn Harlan's phone call with the prime "
                       "minister in November, he called the country a partner.\n")
    found = [a.source_entity for a in analysis.attributions if a.cue.text == "called"]
    assert found == [None], found


def test_the_firm_is_no_party(analyze):
    analysis = analyze("Straw donors\n\nThree lawyers at the firm gave $1.6 million to the Democratic Party and its "
                       "candidates, the Democratic Party said in filings. The Democratic Party returned the money on "
                       "Friday.\n\nThe firm is claiming the bonuses were legal.\n\nNorthwind posted record profits on "
                       "Monday. The company said demand was strong.\n")
    assert _speakers(analysis, lambda a: a.source is not None and a.source.text == "The firm") == [None]
    assert _speakers(analysis, lambda a: a.source is not None and a.source.text == "The company") == ["Northwind"]
