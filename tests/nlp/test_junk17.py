"""Junk of issue 9 (round junk17, tuning pool and invented text): a happening that "shows"
something is the writer's argument, not a statement; "was shown examples" shows things to
someone. A poll's finding and a person's "told that" stay. Hand-written text, the real model."""

from __future__ import annotations

TEXT = ("The harbour of Valtoria reopened on Monday after a year of repairs.\n\n"
        "Events last year showed that the board had lost control of the budget. "
        "The board was shown examples of the damage by engineers.\n\n"
        "A poll last week showed that most residents backed the repairs. "
        "The mayor was told that the money had run out.\n")


def _contents(analysis):
    return [a.content.text for a in analysis.attributions if a.content is not None]


def test_a_happening_that_shows_is_no_statement(analyze):
    assert not [c for c in _contents(analyze(TEXT)) if "lost control" in c]


def test_things_shown_to_someone_are_no_statement(analyze):
    assert not [c for c in _contents(analyze(TEXT)) if "examples of the damage" in c]


def test_a_polls_finding_and_a_passive_told_stay(analyze):
    contents = _contents(analyze(TEXT))
    assert [c for c in contents if "backed the repairs" in c]
    assert [c for c in contents if "money had run out" in c]
