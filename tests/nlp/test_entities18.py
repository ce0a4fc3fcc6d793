"""Entity rules of issue 9 (round entities18, tuning pool): a video button opening a line ("CLOSE
Donald Trump Jr. said ...", USA Today's caption lines) is no part of the name, and a video
player's line names no one ("... MUST WATCH Obama on the deal 03:39"); a name right after an
occupation in lower case ("GOP pollster Whit Ayres") is a person, and the surname alone then
speaks as that person, while a body's name after such a word stays a body; "Mrs. Harlan" beside
George Harlan is someone else; two names the tagger missed after a capitalised title ("Democratic
Whip Velny Horak") are a person; a headline's "Top Harlan Strategist" and a poll's "Reed 47" are
no names, nor is an "Op-Ed" label; "Harlan" alone is not the "Harlan Doctrine". Sentences written for the test, the real spaCy model."""

from entity_views import entities_of, shown


def test_a_video_button_is_no_part_of_a_name(entity_nlp):
    ents = entities_of(entity_nlp, "Budget deal splits Republicans\n\nCLOSE Donald Trump Jr. said on Monday "
                       "that the deal was a betrayal of voters. Trump Jr. added that he would campaign against it.")
    assert not [e for e in ents if "CLOSE" in e.name], shown(ents)
    assert [e for e in ents if e.name == "Donald Trump Jr." and e.type == "PERSON"], shown(ents)


def test_a_name_after_an_occupation_is_a_person(entity_nlp):
    ents = entities_of(entity_nlp, "GOP pollster Whit Ayres said the deal would help vulnerable members. "
                       "\"It gives them something to run on,\" Ayres told reporters.")
    assert [e for e in ents if e.name == "Whit Ayres" and e.type == "PERSON"], shown(ents)


def test_a_body_after_an_occupation_stays_a_body(entity_nlp):
    ents = entities_of(entity_nlp, "The figures came from pollster Public Policy Polling, which surveyed "
                       "voters in Ohio last week.")
    assert not [e for e in ents if "Policy" in e.name and e.type == "PERSON"], shown(ents)


def test_the_surname_after_an_occupation_speaks_as_the_person(analyze):
    analysis = analyze("Budget deal nears\n\nGOP pollster Whit Ayres said the deal would help vulnerable "
                       "members. \"It gives them something to run on,\" Ayres told reporters.\n")
    names = {e.id: e.name for e in analysis.entities}
    told = [a for a in analysis.attributions if a.cue.text == "told"]
    assert told and names.get(told[0].source_entity) == "Whit Ayres", [(a.cue.text, a.source_entity) for a in analysis.attributions]


def test_an_honorific_of_the_other_sex_is_someone_else(analyze):
    analysis = analyze("Former first lady speaks out\n\nFormer President George Harlan visited the clinic on "
                       "Monday with his wife.\n\nMrs. Harlan told reporters she was proud of the clinic. "
                       "\"It saved lives,\" she said.\n\nMr. Harlan said the clinic needed more money.\n")
    names = {e.id: e.name for e in analysis.entities}
    speakers = {a.content.text.strip('",'): names.get(a.source_entity) for a in analysis.attributions if a.content}
    assert speakers["It saved lives"] != "George Harlan", speakers
    assert speakers["she was proud of the clinic"] != "George Harlan", speakers
    assert speakers["the clinic needed more money"] == "George Harlan", speakers


def test_a_video_players_line_names_no_one(entity_nlp):
    ents = entities_of(entity_nlp, "Budget deal nears\n\nJUST WATCHED Obama on the budget deal Replay More Videos "
                       "... MUST WATCH Obama on the budget deal 03:39\n\nSenators met on Tuesday.")
    assert not [e for e in ents if "Obama" in e.name], shown(ents)


def test_two_names_after_a_title_are_a_person(analyze):
    analysis = analyze("Health law upheld\n\nHouse Democrats cheered the ruling on Thursday, according to a "
                       "Democratic aide.\n\nDemocratic Whip Velny Horak gave a glowing speech in honor of the "
                       "leader, saying she \"was the one that got this done.\"\n")
    names = {e.id: e.name for e in analysis.entities}
    saying = [a for a in analysis.attributions if a.cue.text == "saying"]
    assert saying and names.get(saying[0].source_entity) == "Velny Horak", [(e.name, e.type) for e in analysis.entities]


def test_a_headlines_description_and_a_polls_score_are_no_names(entity_nlp):
    ents = entities_of(entity_nlp, "Top Harlan Strategist Says Race Is Tight\n\nA top Harlan strategist said on Monday "
                       "that the race was tight. The poll gives Harlan 51 percent to Reed's 47 percent among likely "
                       "voters, Harlan 51, Reed 47. Drivers on Route 66 slowed down.")
    names = {e.name for e in ents}
    assert not [n for n in names if "Strategist" in n or n.endswith(" 47") or n.endswith(" 51")], shown(ents)
    assert "Route 66" in names, shown(ents)


def test_an_op_ed_label_is_no_one(entity_nlp):
    ents = entities_of(entity_nlp, "Op-Ed: The budget is a mess\n\nTom Reed writes that the council failed.")
    assert not [e for e in ents if e.name == "Op-Ed"], shown(ents)


def test_a_doctrine_named_after_someone_is_not_them(entity_nlp):
    ents = entities_of(entity_nlp, "The Harlan Doctrine shaped the policy. Harlan said he would not change it. "
                       "The Harlan Doctrine is popular.")
    doctrine = [e for e in ents if e.name == "Harlan Doctrine"]
    assert doctrine and [m.text for m in doctrine[0].mentions] == ["Harlan Doctrine"], shown(ents)
