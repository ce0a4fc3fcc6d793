OPINION = """Why the treaty must go

There are several reasons to believe the treaty has failed.

First, the border incidents doubled after it was signed. Patrols reported forty incidents in May.

Second, the promised inspections never happened.

The final argument is cost. The treaty could cost taxpayers two billion a year.

In conclusion, parliament should withdraw from the treaty.
"""


def test_numbered_arguments_thesis_and_conclusion(analyze):
    a = analyze(OPINION)
    s = a.structure
    assert [arg.ordinal for arg in s.arguments] == [1, 2, 3]
    assert [arg.marker for arg in s.arguments] == ["First", "Second", "The final argument"]
    assert "several reasons" in s.thesis.text
    assert s.conclusion.text.startswith("In conclusion")
    first = s.arguments[0]
    texts = {c.id: c.text for c in a.claims}
    assert any("forty incidents" in texts[i] for i in first.claims)
    assert first.label == "arg1" and first.id.startswith("arg-")
    assert all(c.argument == first.id for c in a.claims if c.id in first.claims)


def test_a_single_first_is_no_enumeration(analyze):
    a = analyze("First, the police closed the road. Then the fire brigade arrived.\n")
    assert a.structure.arguments == []


LIST_OPINION = """Three fixes for the city buses

The council can repair the bus network this year. Here are the steps it should take.

First on the list should be a new night timetable. Riders now wait forty minutes after ten.

Second should be cheaper fares for students and pensioners.

Third must be a clear map at every stop in the city.

Last but not least, the council should publish monthly punctuality figures.
"""


def test_ordinal_lists_in_any_form_with_their_thesis(analyze):
    a = analyze(LIST_OPINION)
    s = a.structure
    assert [arg.marker for arg in s.arguments] == ["First", "Second", "Third", "Last but not least"]
    assert [arg.ordinal for arg in s.arguments] == [1, 2, 3, 4]
    assert s.thesis is not None and "steps" in s.thesis.text
    texts = {c.id: c.text for c in a.claims}
    assert any("forty minutes" in texts[i] for i in s.arguments[0].claims)
    assert any("cheaper fares" in texts[i] for i in s.arguments[1].claims)


def test_ordinals_that_modify_a_noun_are_no_markers(analyze):
    a = analyze("First responders reached the harbour at noon. Last week the port reopened. "
                "Second World War veterans laid wreaths.\n")
    assert a.structure.arguments == []


def test_adverb_ordinals_without_commas(analyze):
    a = analyze("The plan fails on two counts.\n\nFirstly the costs have doubled since May.\n\n"
                "Secondly the contractor has missed every deadline.\n")
    assert [arg.ordinal for arg in a.structure.arguments] == [1, 2]
