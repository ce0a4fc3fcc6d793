"""Content spans of issue 9 (round spans16, tuning pool): in a list whose lines have no full
stops, a cue that closes its line ("..., they say") reports the clause its line opens with,
not the next line the tagger sometimes gave it. Hand-written text, the real spaCy model."""

from __future__ import annotations

from role_groups import role_group

from claimscope.nlp.attribution_edges import complete_contents

LIST = ("Reporters found several problems in the city of Valtoria:\n\n"
        "Anyone could vote in any polling station simply by writing their name on a piece of paper, they say\n\n"
        "The reporters filmed a woman casting two ballots\n")


def _content(doc, group) -> str:
    (done,) = complete_contents(doc, [group])
    return " | ".join(doc.text[c.start:c.end] for c in done.contents)


def test_a_cue_closing_its_line_reports_the_line_it_closes(parse):
    doc = parse(LIST)
    group = role_group(LIST, "they", "say", "The reporters filmed a woman casting two ballots")
    assert _content(doc, group) == ("Anyone could vote in any polling station simply by writing their name "
                                    "on a piece of paper")


def test_a_cue_with_words_after_it_on_its_line_keeps_its_content(parse):
    text = "Anyone could vote, they say, and then:\n\nThe reporters filmed a woman casting two ballots\n"
    group = role_group(text, "they", "say", "The reporters filmed a woman casting two ballots")
    assert _content(parse(text), group) == "The reporters filmed a woman casting two ballots"


def test_a_colon_frame_keeps_the_next_line(parse):
    text = "The mayor of Valtoria said:\n\nThe harbour will reopen in May after the repairs\n"
    group = role_group(text, "The mayor of Valtoria", "said", "The harbour will reopen in May after the repairs")
    assert _content(parse(text), group) == "The harbour will reopen in May after the repairs"
