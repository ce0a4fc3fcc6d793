"""The rule checks that veto claim matches, on sentences written for these tests."""

from claimscope.ledger.claim_checks import (
    entities_differ,
    figures,
    figures_differ,
    names,
    negated,
    numbers,
    polarity_differs,
    veto,
)


def test_numbers_read_digits_scales_and_number_words():
    assert numbers("Nine people were killed and 1,200 were hurt.") == [9.0, 1200.0]
    assert numbers("The port cost $2.5 billion, or 3.5m a year.") == [2.5e9, 3.5e6]
    assert numbers("twenty-one boats, three hundred and five crew") == [21.0, 305.0]
    assert numbers("Ten, two mobile homes burned.") == [10.0, 2.0]
    assert numbers("one of them left; No. 7 stayed") == [7.0]  # pronoun "one" is not a figure


def test_figure_kinds():
    kinds = [f.kind for f in figures("In 1998 prices rose 5% to $40 for 300 people.")]
    assert kinds == ["year", "percent", "money", "count"]


def test_different_figures_for_the_same_quantity_differ():
    assert figures_differ("Nine people were killed in the blast.", "Eleven people were killed in the blast.")
    assert figures_differ("The toll stood at nine.", "The death toll rose to eleven.")
    assert figures_differ("Prices rose 5 percent.", "Prices rose 7%.")


def test_extra_or_equal_figures_do_not_differ():
    assert not figures_differ("Nine people were killed.", "Nine people were killed on 3 May.")
    assert not figures_differ("Nine people died.", "The blast killed 9.")
    assert not figures_differ("Sales reached $2.5 billion.", "Sales reached $2.49 billion.")  # rounding
    assert not figures_differ("Sales rose 5%.", "The port was built in 1998.")  # other kinds


def test_negation_and_polarity():
    assert negated("The mayor was not involved.")
    assert negated("The mayor wasn't involved.")
    assert negated("The ministry denied the leak.")
    assert not negated("The No. 2 official resigned.")
    assert polarity_differs("The mayor was involved in the deal.", "The mayor was not involved in the deal.")
    # two negated wordings of one claim agree
    assert not polarity_differs("He denied taking part.", "He did not take part.")
    # a negation of something the other text does not mention is extra detail
    assert not polarity_differs("Ruud, who did not testify, was cleared of fraud.", "The jury cleared Ruud of fraud.")


def test_names_leave_out_sources_and_openers():
    assert names("Police said Ingrid Vos met the Harbour Authority.") >= {"ingrid", "vos", "harbour", "authority"}
    assert "police" not in names("Police said Ingrid Vos met the Harbour Authority.")
    assert names("According to the Courier, the dock was closed.") == set()
    assert "pm" in names("The Prime Minister left early.")


def test_entities_differ():
    assert entities_differ("Ingrid Vos signed the harbour contract.", "Minister Piet Lund signed the harbour contract.")
    assert not entities_differ("Minister Vos signed it.", "Vos's office said she signed it.")
    assert not entities_differ("The PM signed it.", "The Prime Minister signed it.")
    assert not entities_differ("He signed the contract.", "Vos signed the contract.")  # a pronoun side
    # entity ids from the ledger decide when both sides have them
    assert entities_differ("He signed.", "She signed.", ["Q1"], ["Q2"])
    assert not entities_differ("Vos signed.", "Lund signed.", ["Q1", "Q3"], ["Q3"])


def test_veto_names_the_first_failing_check():
    assert veto("Nine were killed.", "Eleven were killed.") == "figures"
    assert veto("The ferry was involved.", "The ferry was not involved.") == "polarity"
    assert veto("The blast killed nine dockers.", "Nine dockers died in the blast.") is None
