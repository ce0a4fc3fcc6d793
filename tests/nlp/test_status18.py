"""Statuses of issue 9 (round status18): a run of question marks a page made of emoji it could not
show ("back on stage tonight ????????????") questions nothing; a question does. Hand-written text,
the real model."""

from __future__ import annotations

from claim_views import claim_with

TEXT = "Back on stage\n\nThe mayor is back on stage tonight ????????????\n\nIs the quay safe?\n"


def test_a_run_of_question_marks_is_no_question(analyze):
    assert claim_with(analyze(TEXT), "back on stage tonight").status == "asserted"


def test_a_question_is_still_one(analyze):
    assert claim_with(analyze(TEXT), "Is the quay safe").status == "questioned"
