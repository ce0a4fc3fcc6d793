"""The Markdown, HTML and terminal reports: what they show, and that article text stays text."""

import io
import re

from rich.console import Console

from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.model.records import (
    Argument,
    Attribution,
    Claim,
    Entity,
    Evidence,
    Mention,
    Structure,
    Technique,
    TextSpan,
)
from claimscope.render import html, markdown, terminal

HOSTILE = "<script>alert(1)</script>"
TEXT = (
    "Harbour inspector Mark Sollum <b>warned</b> the council. First, the quay is cracked, he said. "
    f"The mayor said the repairs {HOSTILE} would take a year and cost far more than the council "
    "had planned for the harbour."
)


def _span(text: str, part: str) -> TextSpan:
    start = text.index(part)
    return TextSpan(start, start + len(part), part)


def _analysis() -> Analysis:
    name = _span(TEXT, "Mark Sollum")
    he = _span(TEXT, "he said")
    he = TextSpan(he.start, he.start + 2, "he")
    said = TextSpan(he.end + 1, he.end + 5, "said")
    content = _span(TEXT, "the quay is cracked")
    mayor = _span(TEXT, "The mayor")
    mayor_said = TextSpan(mayor.end + 1, mayor.end + 5, "said")
    repairs = _span(TEXT, f"the repairs {HOSTILE} would take a year and cost far more than the council "
                          "had planned for the harbour")
    first = _span(TEXT, "First")
    claims = [
        Claim(id="c1", text=content.text, start=content.start, end=content.end, asserter_name="he",
              asserter_entity="mark-sollum", status="reported", certainty=0.7, checkworthiness=0.5,
              evidence=Evidence("named_person", source="Mark Sollum"), attribution="a0",
              argument="arg1"),
        Claim(id="c2", text=repairs.text, start=repairs.start, end=repairs.end,
              asserter_name="The mayor", asserter_entity=None, status="reported", certainty=0.7,
              checkworthiness=0.6, evidence=Evidence("anonymous", source=f"The mayor {HOSTILE}"),
              attribution="a1"),
    ]
    return Analysis(
        document=DocumentInfo(name="t.txt", text=TEXT, meta={
            "title": "Quay <img src=x onerror=alert(2)> cracked", "outlet": "The <i>Harbour</i> Post",
            "author": "Ilse Brandvold", "date": "2025-03-03"}),
        entities=[Entity("mark-sollum", "Mark Sollum", "PERSON", mentions=[Mention(name.start, name.end, name.text)]),
                  Entity("harbour-<council>", "Council <u>of</u> the Harbour", "ORG")],
        attributions=[Attribution("a0", "indirect", said, content, he, source_entity="mark-sollum"),
                      Attribution("a1", "indirect", mayor_said, repairs, mayor)],
        claims=claims,
        techniques=[Technique("Loaded_Language", repairs.start, repairs.end, 0.8, repairs.text)],
        structure=Structure(thesis=_span(TEXT, "Harbour inspector Mark Sollum <b>warned</b> the council"),
                            arguments=[Argument("arg1", first.text, first.start, content.end, 1, ["c1"])]),
        sentences=3, components={},
    )


def test_markdown_escapes_article_text_and_manifest_fields():
    page = markdown.render(_analysis())
    for raw in ("<script", "<img", "<i>", "<b>", "<u>"):
        assert raw not in page, raw
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "The &lt;i&gt;Harbour&lt;/i&gt; Post" in page


def test_markdown_names_who_a_pronoun_is_and_lists_entities():
    page = markdown.render(_analysis())
    assert "| he (Mark Sollum) | said |" in page
    assert "asserted by he (Mark Sollum)" in page
    assert "## Entities" in page and "| Mark Sollum | PERSON | 1 |" in page


def _visible_tags(page: str) -> set[str]:
    return {m.lower() for m in re.findall(r"<\s*/?\s*([a-zA-Z]+)", page)}


def test_html_report_escapes_everything_from_the_article():
    page = html.render(_analysis())
    # Only the page's own tags: none of the article's or the manifest's.
    assert not _visible_tags(page) & {"script", "img", "i", "b", "u"}
    assert "&lt;script&gt;" in page and "The &lt;i&gt;Harbour&lt;/i&gt; Post" in page


def test_html_report_has_byline_entities_arguments_and_resolved_pronouns():
    page = html.render(_analysis())
    assert "Ilse Brandvold" in page and "2025-03-03" in page
    assert "<h2>Entities</h2>" in page and "<td>Mark Sollum</td><td>PERSON</td><td>1</td>" in page
    assert "<h2>Argument structure</h2>" in page and "Argument 1: “First”" in page
    assert "<td>he (Mark Sollum)</td>" in page  # who says what
    assert '<sup class="who">Mark Sollum</sup>' in page  # in the highlighted text, after "he"


def _terminal(width: int) -> str:
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(terminal.build(_analysis()))
    return console.export_text()


def _who_says_what_rows(out: str) -> list[list[str]]:
    table = out.split("Who says what", 1)[1].split("Entities", 1)[0]
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in table.splitlines()
            if line.startswith("│")]


def test_terminal_who_says_what_gives_source_and_cue_room_at_80_and_120_columns():
    for width in (80, 120):
        rows = _who_says_what_rows(_terminal(width))
        sources = [r[0] for r in rows if r[0]]
        assert "he (Mark Sollum)" in sources and "The mayor" in sources, (width, rows)
        header = _terminal(width).split("Who says what", 1)[1].splitlines()[2]
        source, cue, kind, content = (len(cell) for cell in header.split("┃")[1:-1])
        assert source >= 16 and cue >= 10 and kind >= 10 and content >= 22, (width, header)


def test_terminal_summary_prints_counts_not_a_python_dict():
    out = _terminal(100)
    summary = out.split("Summary", 1)[1]
    assert "{" not in summary and "'" not in summary
    assert "attributions: 2 (2 indirect)" in summary
