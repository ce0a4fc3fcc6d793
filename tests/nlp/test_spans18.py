"""Content edges of issue 9 (round spans18, tuning pool): a quotation after a gerund or
participle cue in the sentence's subject ends the content ('Insisting "he is not our mayor" and
attacking anyone ... puts the city on a path'); what follows it is the writer's predicate. A
quotation after an ordinary cue keeps its tail. An unquoted content before its cue stays in the
cue's sentence (a full stop inside "U.S." ends none); one after "told" and its addressee keeps its subject ("told local radio | many
voters ... are"). Hand-written text, the real model."""

from __future__ import annotations

TEXT = ("The wrong kind of failure\n\n"
        "Insisting \"he is not our mayor\" and attacking anyone who works for him puts the city on a "
        "path to ruin.\n\n"
        "Critics insisting \"the plan is dead\" have been proved wrong.\n\n"
        "The mayor said \"the plan is alive\" and that the money was there.\n")


def _content_after(analysis, cue: str) -> str:
    found = [a.content.text for a in analysis.attributions if a.cue.text == cue and a.content is not None]
    assert found, [(a.cue.text, a.content and a.content.text) for a in analysis.attributions]
    return found[0]


def test_a_gerund_subjects_quotation_ends_the_content(analyze):
    analysis = analyze(TEXT)
    assert _content_after(analysis, "Insisting").rstrip('"') == '"he is not our mayor'
    assert _content_after(analysis, "insisting").rstrip('"') == '"the plan is dead'


def test_an_ordinary_cues_quotation_keeps_its_tail(analyze):
    assert "money was there" in _content_after(analyze(TEXT), "said")


def test_an_unquoted_content_before_its_cue_stays_in_its_sentence(analyze):
    analysis = analyze("Two men held\n\nPolice arrested two men on Monday. The men are brothers from Valtoria "
                       "and are his cousins, relatives said.\n")
    contents = [a.content.text for a in analysis.attributions if a.cue.text == "said" and a.content is not None]
    assert contents and all("Police arrested" not in c for c in contents), contents
    assert any("his cousins" in c for c in contents), contents


def test_a_content_after_told_and_its_addressee_keeps_its_subject(analyze):
    analysis = analyze("Virginia politics\n\nTom Gilby told local radio many voters in the valley are not happy with "
                       "the council's agenda.\n")
    contents = [a.content.text for a in analysis.attributions if a.cue.text == "told" and a.content is not None]
    assert contents and contents[0].startswith("many voters"), contents


def test_an_abbreviation_ends_no_sentence_for_a_content_before_its_cue(analyze):
    analysis = analyze("Primary results\n\nU.S. Senator Tom Reed, often maligned by opponents as an outsider, won the "
                       "primary, according to polling agency Edison Research.\n")
    contents = [a.content.text for a in analysis.attributions if a.cue.text == "according to" and a.content]
    assert contents and contents[0].startswith("U.S. Senator"), contents
