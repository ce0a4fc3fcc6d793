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
