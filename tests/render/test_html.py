from claimscope.model.analysis import Analysis, DocumentInfo
from claimscope.model.records import Attribution, Claim, Evidence, Structure, Technique, TextSpan
from claimscope.render import html, markdown


def _analysis():
    text = 'Officials said the <dam> "will hold". It may fail.'
    cue = TextSpan(10, 14, "said")
    source = TextSpan(0, 9, "Officials")
    content = TextSpan(15, 37, text[15:37])
    claims = [
        Claim(id="c1", text=text[15:37], start=15, end=37, asserter_name="Officials",
              asserter_entity=None, status="reported", certainty=0.7, checkworthiness=0.4,
              evidence=Evidence("anonymous", source="Officials"), attribution="a0"),
        Claim(id="c2", text="It may fail", start=39, end=50, asserter_name="the author",
              asserter_entity=None, status="speculative", certainty=0.3, checkworthiness=0.2,
              evidence=Evidence("none")),
    ]
    return Analysis(
        document=DocumentInfo(name="t.txt", text=text),
        entities=[], attributions=[Attribution("a0", "mixed", cue, content, source)],
        claims=claims, techniques=[Technique("Loaded_Language", 42, 50, 0.8, "may fail")],
        structure=Structure(), sentences=2, components={},
    )


def test_overlapping_spans_are_cut_at_every_boundary_and_escaped():
    page = html.highlighted_text(_analysis())
    assert "&lt;dam&gt;" in page and "<dam>" not in page
    # "fail" lies in a claim and a technique at once: one piece carries both classes.
    assert 'class="claim-speculative technique"' in page
    assert 'class="source"' in page and 'class="cue"' in page
    assert '<sup class="tlabel">Loaded_Language</sup>' in page


def test_markdown_lists_claims_with_status_and_evidence():
    text = markdown.render(_analysis())
    assert "**reported**" in text and "evidence: anonymous: Officials" in text
    assert "| Loaded_Language |" in text
