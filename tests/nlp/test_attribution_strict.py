"""The strict cue test for indirect attributions (issue 9, junk): hand-written sentences, real model."""

from __future__ import annotations

import pytest
from role_groups import role_group

from claimscope.nlp.attribution_filter import cue_reports, filter_groups, record_sides
from claimscope.nlp.attribution_spans import Group, RoleSpan


@pytest.mark.parametrize("text, source, cue, content", [
    ("Maria Lopez sued the city council over the new parking rules.", "Maria Lopez", "sued",
     "the city council over the new parking rules"),
    ("Senator Hale unveiled a plan to rebuild the northern bridge.", "Senator Hale", "unveiled",
     "a plan to rebuild the northern bridge"),
    ("The mayor threatened a fine of 500 dollars a day.", "The mayor", "threatened",
     "a fine of 500 dollars a day"),
    ("Councillor Brandt wants to close the old library by spring.", "Councillor Brandt", "wants",
     "to close the old library by spring"),
    ("The union is hoping to win back the members it lost.", "The union", "is hoping",
     "to win back the members it lost"),
    ("Her account appears to have changed twice since June.", "Her", "appears",
     "to have changed twice since June"),
    ("The governor called for the dam to be inspected again.", "The governor", "called for",
     "the dam to be inspected again"),
    ("You agree to receive occasional offers from our partners.", "You", "agree",
     "to receive occasional offers from our partners"),
    ("The new poll adds another twist to the race for the seat.", "The new poll", "adds",
     "another twist to the race for the seat"),
    ("The mayor proposes a modest cut in the parking fees.", "The mayor", "proposes",
     "a modest cut in the parking fees"),
])
def test_actions_desires_and_hedges_are_no_attribution(parse, text, source, cue, content):
    doc = parse(text)
    group = role_group(text, source, cue, content)
    assert not cue_reports(doc, group)
    assert filter_groups(doc, [group]) == []


@pytest.mark.parametrize("text, source, cue, content", [
    ("Maria Lopez said the city council had ignored the residents.", "Maria Lopez", "said",
     "the city council had ignored the residents"),
    ("According to the harbour authority, the port will reopen in May.", "the harbour authority",
     "According to", "the port will reopen in May"),
    ("Senator Hale told reporters that the bridge would be rebuilt.", "Senator Hale", "told reporters",
     "that the bridge would be rebuilt"),
    ("The mayor argued that the fine was too small to matter.", "The mayor", "argued",
     "that the fine was too small to matter"),
    ("In a statement, the ministry denied that any talks had taken place.", "the ministry",
     "In a statement", "that any talks had taken place"),
    ("One hopes the inspectors are paying attention.", "One", "hopes",
     "the inspectors are paying attention"),
    ("The report found that emissions fell by a fifth.", "The report", "found",
     "that emissions fell by a fifth"),
    ("The mayor added that the fees would stay as they are.", "The mayor", "added",
     "that the fees would stay as they are"),
    ("The minister rejected the notion that the talks had failed.", "The minister", "rejected",
     "the notion that the talks had failed"),
])
def test_sayings_thoughts_and_findings_stay(parse, text, source, cue, content):
    doc = parse(text)
    group = role_group(text, source, cue, content)
    assert cue_reports(doc, group)
    assert len(filter_groups(doc, [group])) == 1


def test_a_participle_modifying_a_noun_is_no_cue(parse):
    text = "In an attack claimed by the rebels, the depot was burned to the ground."
    doc = parse(text)
    assert not cue_reports(doc, role_group(text, "an attack", "claimed", "the depot was burned to the ground"))


def test_a_bare_reporting_noun_heading_a_clause_is_no_cue(parse):
    text = "Calls to close the mine grew louder after the flood."
    doc = parse(text)
    assert not cue_reports(doc, role_group(text, None, "Calls", "to close the mine grew louder after the flood"))


def test_an_indirect_cue_between_verbless_pieces_gives_no_record(parse):
    text = "The old harbour plan is seen as far too costly by most residents."
    doc = parse(text)
    group = role_group(text, None, "is seen", "The old harbour plan", "as far too costly by most residents")
    assert record_sides(doc, group) is None


def test_a_condition_before_the_cue_is_no_record_of_its_own(parse):
    text = "If the bill fails, the ministry says, families will be paid once a budget passes."
    doc = parse(text)
    group = role_group(text, "the ministry", "says", "If the bill fails",
                   "families will be paid once a budget passes")
    kept = record_sides(doc, group)
    assert [text[c.start:c.end] for c in kept.contents] == ["families will be paid once a budget passes"]


def test_a_verbless_piece_of_a_split_quote_is_no_record_of_its_own(parse):
    text = '"In the later spring," Kim notes, "we have had a period of rising discontent."'
    doc = parse(text)
    group = role_group(text, "Kim", "notes", '"In the later spring,"', '"we have had a period of rising discontent."')
    kept = record_sides(doc, group)
    assert len(kept.contents) == 1 and "discontent" in text[kept.contents[0].start:kept.contents[0].end]


def test_considering_an_action_is_no_attribution(parse):
    text = "Her group is also considering running ads in three more districts."
    doc = parse(text)
    assert not cue_reports(doc, role_group(text, "Her group", "is also considering",
                                       "running ads in three more districts"))


def test_a_bare_phrase_is_no_content_of_an_indirect_attribution(parse):
    text = "The figures are wrong, Ann Kerr wrote on Friday."
    doc = parse(text)
    kept = filter_groups(doc, [role_group(text, "Ann Kerr", "wrote", "on Friday")])
    assert len(kept) == 1 and kept[0].contents == []


def test_a_circumstance_after_the_cue_is_no_content(parse):
    from claimscope.nlp.attribution import _with_content_after_cue

    text = "Ann Kerr wrote on Friday."
    doc = parse(text)
    group = role_group(text, "Ann Kerr", "wrote")
    assert _with_content_after_cue(doc, group).contents == []
    text = "Patrols reported forty incidents near the border."
    doc = parse(text)
    assert _with_content_after_cue(doc, role_group(text, "Patrols", "reported")).contents


def test_desires_and_acts_are_stances_not_statements(parse):
    from claimscope.nlp.attribution_filter import split_groups

    text = "Councillor Brandt wants to close the old library by spring."
    doc = parse(text)
    want = role_group(text, "Councillor Brandt", "wants", "to close the old library by spring")
    said_text = "Maria Lopez said the city council had ignored the residents."
    statements, stances = split_groups(doc, [want])
    assert statements == [] and [g.cue for g in stances] == [want.cue]
    said_doc = parse(said_text)
    said = role_group(said_text, "Maria Lopez", "said", "the city council had ignored the residents")
    statements, stances = split_groups(said_doc, [said])
    assert len(statements) == 1 and stances == []
    # The broad mode counts everything as a statement: no stances left over.
    assert split_groups(doc, [want], "broad")[1] == []


def test_the_pipeline_reports_stances_apart_from_attributions(analyze):
    a = analyze("Councillor Brandt wants to close the old library by the spring.\n")
    assert not any("wants" in x.cue.text for x in a.attributions)
    assert [s.cue.text for s in a.stances] == ["wants"]
    data = a.as_dict()
    assert data["stances"][0]["id"].startswith("stn-") and data["stances"][0]["label"] == "s0"
    from claimscope.model.analysis import Analysis

    assert Analysis.from_dict(data).as_dict() == data


def test_an_infinitive_under_a_verb_of_action_is_no_statement(parse):
    text = "The mayor's office scrambled on Friday to explain the remark about the bridge."
    doc = parse(text)
    assert not cue_reports(doc, role_group(text, "The mayor's office", "to explain",
                                       "the remark about the bridge"))
    text = "Former colleagues have since stepped forward to say that the mayor was often late."
    doc = parse(text)
    assert cue_reports(doc, role_group(text, "Former colleagues", "have since stepped forward to say",
                                   "that the mayor was often late"))


@pytest.mark.parametrize("text, source, cue, kept", [
    ("Several lawmakers by then had been challenging the idea that the tolls were fair.",
     "Several lawmakers by", "had been challenging", "Several lawmakers"),
    ("Councillors who spoke on Monday pointed out that the budget had shrunk.",
     "Councillors who", "pointed out", "Councillors"),
])
def test_a_source_loses_the_words_it_cannot_end_on(parse, text, source, cue, kept):
    doc = parse(text)
    group = role_group(text, source, cue, text[text.index(cue) + len(cue) + 1 : -1])
    (out,) = filter_groups(doc, [group])
    assert text[out.source.start:out.source.end] == kept


@pytest.mark.parametrize("text, source, cue, content", [
    ("The harbour master has denied and dismissed the report.", "The harbour master", "has denied",
     "and dismissed"),
    ("Writing on the council blog, she said of the mayor that nothing had changed.", "she",
     "said of", "the mayor"),
])
def test_no_proposition_no_content(parse, text, source, cue, content):
    doc = parse(text)
    (out,) = filter_groups(doc, [role_group(text, source, cue, content)])
    assert out.contents == []


def test_a_source_and_cue_with_nothing_said_is_no_statement(parse):
    from claimscope.nlp.attribution import with_contents

    text = "The harbour master made the controversial statement in response to criticism from the port."
    doc = parse(text)
    group = role_group(text, "The harbour master", "made the controversial statement in response to")
    statements, stances = with_contents(doc, [group], [])
    assert statements == [] and [g.cue for g in stances] == [group.cue]
    text = "Patrols reported forty incidents near the border."
    doc = parse(text)
    statements, stances = with_contents(doc, [role_group(text, "Patrols", "reported")], [])
    assert len(statements) == 1 and statements[0].contents and stances == []


def test_a_content_inside_its_own_frame_gives_no_record():
    from claimscope.nlp.attribution import to_records

    text = "The names were not immediately disclosed by authorities on Friday."
    cue_at, source_at, by_at = text.index("were"), text.index("authorities"), text.index("by")
    group = Group(cue=RoleSpan("cue", cue_at, cue_at + len("were not immediately disclosed")),
                  source=RoleSpan("source", source_at, source_at + len("authorities")),
                  contents=[RoleSpan("content", by_at, by_at + 2)])
    assert to_records(text, [group]) == []


def test_cue_and_source_do_not_run_over_a_paragraph_break(parse):
    text = "Story Continued Below\n\nAsked whether the plan was stricter, Ann Kerr said it was not."
    doc = parse(text)
    cue_at = text.index("Continued")
    group = Group(cue=RoleSpan("cue", cue_at, text.index("Asked") + 5),
                  source=RoleSpan("source", 0, 5),
                  contents=[RoleSpan("content", text.index("whether"), text.index(","))])
    (out,) = filter_groups(doc, [group], "broad")
    assert text[out.cue.start:out.cue.end] == "Asked" and out.source is None
    text = "Base lockdown\n\nEarly Marine accounts said the alarm came late on Thursday."
    doc = parse(text)
    (out,) = filter_groups(doc, [role_group(text, "Base lockdown\n\nEarly Marine accounts", "said",
                                        "the alarm came late on Thursday")])
    assert text[out.source.start:out.source.end] == "Early Marine accounts"


def test_a_content_stays_in_its_cues_paragraph(parse):
    text = "Harbour officials point to Kestria\n\nThe Red Dawn Brigade has claimed the bombing."
    doc = parse(text)
    group = role_group(text, "Harbour officials", "point to", "Kestria\n\nThe Red Dawn Brigade has claimed the bombing")
    (out,) = filter_groups(doc, [group], "broad")
    assert [text[c.start:c.end] for c in out.contents] == ["Kestria"]
