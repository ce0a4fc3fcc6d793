"""Issue 9 speaker rule of this round (speakers14): "the league said" is the one league the text
named, as "the union" is the one union. Hand-written sentences, the real spaCy model."""

from __future__ import annotations

import pytest
from speaker_views import speaker_of


@pytest.mark.parametrize("text, words, league", [
    ("The WNBA and its players reached a new labor deal on Tuesday. The league said there will be "
     "a 53% increase in total pay.", "increase in total pay", "WNBA"),
    ("The National Football League fined the club on Friday. The league said the penalty was final.",
     "the penalty was final", "National Football League"),
])
def test_the_league_is_the_league_the_text_named(analyze, text, words, league):
    assert speaker_of(analyze(text), words) == league


def test_the_league_with_two_leagues_named_is_no_one(analyze):
    a = analyze("The National Football League and the Canadian Football League met in Toronto. "
                "The league said the talks would go on.")
    assert speaker_of(a, "the talks would go on") is None
