"""Junk of issue 9 (round junk18, tuning pool and invented text): a video player's line ("JUST
WATCHED ... Replay More Videos ... MUST WATCH ...") titles videos and reports nobody's words, and
is no claim either, nor is "Media playback is unsupported on your device"; a section's label
before a colon ("ANALYSIS/OPINION:") is no speaker; an exhortation in quotation marks ('exhorts
"younger politicians to gather ..."') is still an aim; "his supporters say | he can be" is a
copula without its complement; "are unsure | who is telling the truth" leaves it open; "chimed in
| tweeting, ..." is the shell of the tweet's attribution; a tally, results or history that
"show" or "suggest" are the writer's evidence, not a speaker (a poll still is). A
quotation that ends on a stranded preposition before its tag ("something to run on," she said)
is the speaker's claim, not a fragment handed to the author. Hand-written text, the real
model."""

from __future__ import annotations

from claim_views import claim_with

TEXT = ("Senators push budget deal before recess\n\n"
        "The Senate moved closer on Tuesday to a budget deal.\n\n"
        "JUST WATCHED Harlow: 'The bar is really low' for the governor Replay More Videos ... "
        "MUST WATCH Harlow: 'The bar is really low' for the governor 02:14\n\n"
        "JUST WATCHED Senator says the budget clock is running out Replay More Videos ... "
        "MUST WATCH Senator says the budget clock is running out 00:42\n\n"
        "JUST WATCHED Poll: Voters think the governor's plan is too costly Replay More Videos ... "
        "MUST WATCH Poll: Voters think the governor's plan is too costly 01:37\n\n"
        "Media playback is unsupported on your device Media caption The budget deal explained\n\n"
        "Mary Stone, a senator from Valtoria, backed the deal. "
        "\"It gives them something to run on,\" she told reporters.\n")


def test_a_video_players_line_gives_no_attribution(analyze):
    analysis = analyze(TEXT)
    assert not [a for a in analysis.attributions if a.content is not None and any(
        words in a.content.text for words in ("really low", "clock is running", "too costly"))], [
        a.content.text for a in analysis.attributions if a.content is not None]


def test_a_video_players_line_gives_no_claim(analyze):
    analysis = analyze(TEXT)
    assert not [c for c in analysis.claims if any(words in c.text for words in (
        "really low", "clock is running", "too costly", "Replay", "Media playback"))], [c.text for c in analysis.claims]


def test_a_quotation_ending_on_a_stranded_preposition_is_the_speakers_claim(analyze):
    claim = claim_with(analyze(TEXT), "something to run on")
    assert "told reporters" not in claim.text
    assert claim.asserter_name != "the author" and claim.status == "reported", claim


SECTIONS = ("ANALYSIS/OPINION:\n\n"
            "The long, hot summer of strikes we can expect as the numerous protests at the docks are "
            "accompanied by closures is bound to have an impact on the coming election.\n\n"
            "Mayor Jane Hale: \"We did it on time and on budget.\"\n")


def test_a_sections_label_is_no_speaker(analyze):
    analysis = analyze(SECTIONS)
    assert not [a for a in analysis.attributions if a.source is not None and "ANALYSIS" in a.source.text]


def test_a_speakers_label_still_frames_the_quotation(analyze):
    analysis = analyze(SECTIONS)
    assert [a for a in analysis.attributions if a.content is not None and "on time and on budget" in a.content.text]


def test_an_exhortation_is_an_aim_not_a_statement(analyze):
    analysis = analyze("Letter to the young\n\nIn his column, the editor exhorts \u201cyounger politicians to "
                       "gather themselves for the elections and the contest beyond.\u201d\n")
    assert not [a for a in analysis.attributions if a.content is not None and "gather themselves" in a.content.text]


def test_a_quoted_sentence_told_is_no_aim(analyze):
    analysis = analyze("Nuclear deal\n\nThe foreign minister argued the deal was vital.\n\n\u201cIt\u2019s essential to "
                       "maintain it to prevent a spiral of proliferation,\u201d the minister told journalists in New York.\n")
    assert [a for a in analysis.attributions if a.content is not None and "essential to maintain" in a.content.text]


def test_a_copula_without_its_complement_is_no_statement(analyze):
    analysis = analyze("The healer\n\nHe is not the kind of healer his supporters say he can be. Voters have noticed.\n")
    assert not [a for a in analysis.attributions if a.content is not None and a.content.text.strip() == "he can be"]


def test_unsure_who_asserts_nothing(analyze):
    analysis = analyze("Poll on the scandal\n\nMany voters are unsure who is telling the truth. Most voters are "
                       "sure that the mayor lied.\n")
    contents = [a.content.text for a in analysis.attributions if a.content is not None]
    assert not [c for c in contents if "telling the truth" in c], contents
    assert [c for c in contents if "the mayor lied" in c], contents


def test_a_content_that_opens_on_another_cue_is_that_ones(analyze):
    analysis = analyze("Senate rules\n\nThe mayor chimed in, tweeting, \"The council must go to a simple majority "
                       "vote. It is time.\"\n\nPublius famously argued in Federalist 51 that ambition must be made "
                       "to counteract ambition.\n")
    contents = [(a.cue.text, a.content.text) for a in analysis.attributions if a.content is not None]
    assert not [c for cue, c in contents if c.lstrip().startswith("tweeting")], contents
    assert [cue for cue, c in contents if "simple majority" in c and "tweeting" not in c], contents


EVIDENCE = ("Caucus night\n\nWith most precincts reporting, the preliminary tally shows that Reed has a narrow lead. "
            "The partial results from the valley showed Hale in third place.\n\nAnalyst Tom Gonzo says history "
            "suggests the party in power will lose seats. A poll last week showed that most voters backed the plan.\n")


def test_a_tally_and_history_show_nothing_to_anyone(analyze):
    analysis = analyze(EVIDENCE)
    sources = [a.source.text for a in analysis.attributions if a.source is not None]
    assert not [s for s in sources if "tally" in s or "results" in s or s == "history"], sources


def test_the_analyst_and_the_poll_still_speak(analyze):
    analysis = analyze(EVIDENCE)
    contents = [a.content.text for a in analysis.attributions if a.content is not None]
    assert [c for c in contents if "lose seats" in c] and [c for c in contents if "backed the plan" in c], contents
