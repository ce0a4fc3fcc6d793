"""Long texts are analysed in pieces and read back as one analysis; one document's fault never
stops a folder."""

import json
import re
import resource
import subprocess
import sys
from pathlib import Path

from long_text import long_article
from spacy.language import Language

from claimscope.nlp.chunking import plan_pieces
from claimscope.settings import MODELS_DIR
from claimscope.workspace import Workspace


def _spans(value):
    """Every {"start", "end", "text"} object in the JSON form, however deep."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for inner in value.values():
            yield from _spans(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _spans(inner)


def _check_one_analysis(data: dict, text: str) -> None:
    spans = list(_spans(data))
    assert spans and all(text[s["start"]:s["end"]] == s["text"] for s in spans)
    for kind in ("entities", "attributions", "claims"):
        ids = [x["id"] for x in data[kind]]
        assert len(ids) == len(set(ids)), kind
    attributions = {a["id"] for a in data["attributions"]}
    assert all(c["attribution"] in attributions for c in data["claims"] if c["attribution"])
    arguments = [a["id"] for a in data["structure"]["arguments"]]
    assert len(arguments) == len(set(arguments))
    sentences = [c["sentence"] for c in data["claims"]]
    assert sentences == sorted(sentences) and sentences[-1] < data["document"]["sentences"]


def test_pieces_cover_the_text_and_end_at_breaks():
    text = "One two three. Four five six.\n\nSeven eight nine ten. Eleven twelve.\nThirteen fourteen."
    pieces = plan_pieces(text, 40)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(0 < end - start <= 40 for start, end in pieces)
    assert text[: pieces[0][1]] == "One two three. Four five six.\n\n"  # at the paragraph break
    # No break but sentence ends, then spaces, then none at all.
    assert plan_pieces("Aa bb. Cc dd. Ee ff.", 10) == [(0, 7), (7, 14), (14, 20)]
    assert plan_pieces("aaa bbb ccc ddd", 8) == [(0, 8), (8, 15)]
    assert plan_pieces("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    assert plan_pieces("short", 10) == [(0, 5)]


def test_a_text_in_pieces_reads_as_one_analysis(workspace: Workspace):
    text = long_article(6_000)
    whole = workspace.analyze_text(text, name="whole.txt")
    workspace.piece_chars = 1_500
    try:
        pieces = workspace.analyze_text(text, name="pieces.txt")
    finally:
        workspace.piece_chars = None
    assert len(plan_pieces(text, 1_500)) >= 4
    data = pieces.as_dict()
    _check_one_analysis(data, text)
    assert data["document"]["id"] == whole.document.id and data["document"]["length"] == len(text)
    # Cut at paragraph breaks, paragraphs that do not lean on each other come out nearly the
    # same (the attribution tagger reads windows of several sentences, so its context differs
    # near a cut).
    assert pieces.sentences == whole.sentences
    assert [c.start for c in pieces.claims] == [c.start for c in whole.claims]
    same = {(c.start, c.end, c.status) for c in pieces.claims} & {(c.start, c.end, c.status)
                                                                   for c in whole.claims}
    assert len(same) >= 0.9 * len(whole.claims)
    assert [a.cue.start for a in pieces.attributions] == [a.cue.start for a in whole.attributions]
    # Entities merge across pieces by id, with every mention.
    lindqvist = [e for e in pieces.entities if e.name == "Mara Lindqvist"]
    assert len(lindqvist) == 1 and len(lindqvist[0].mentions) == text.count("Mara Lindqvist")


@Language.component("test_fault_on_marker")
def _fault_on_marker(doc):
    # A real fault inside the real pipeline: any exception a component might raise.
    if "FAULT-MARKER" in doc.text:
        raise RuntimeError("component broke on this document")
    return doc


def test_one_documents_exception_is_its_failure_and_the_folder_goes_on(workspace, tmp_path):
    good = "The council approved the budget on Tuesday, officials said. The mayor said it was fair.\n"
    (tmp_path / "a.txt").write_text(good)
    (tmp_path / "b.txt").write_text(good.replace("Tuesday", "Tuesday FAULT-MARKER"))
    (tmp_path / "c.txt").write_text(good.replace("Tuesday", "Friday"))
    workspace.nlp.add_pipe("test_fault_on_marker", last=True)
    try:
        results = list(workspace.analyze(str(tmp_path)))
    finally:
        workspace.nlp.remove_pipe("test_fault_on_marker")
    kinds = [(Path(getattr(r, "name", None) or r.document.name).name, type(r).__name__) for r in results]
    assert kinds == [("a.txt", "Analysis"), ("b.txt", "InputFailure"), ("c.txt", "Analysis")]
    failure = results[1].error
    assert failure.code == "E202" and "RuntimeError: component broke on this document" in failure.message


def test_components_name_the_attribution_models_version(analyze):
    config = json.loads((MODELS_DIR / "attribution" / "config.json").read_text(encoding="utf-8"))
    analysis = analyze("The minister said the port would reopen on Monday.\n")
    # the tagger's version, then the rules' ("1.3.0+rules-1.1")
    model, rules = analysis.components["claimscope_attribution"].split("+")
    assert model == config["version"] and rules.startswith("rules-")


def test_a_text_over_spacys_limit_is_analysed_in_a_folder_run(tmp_path):
    """1.2 MB (spaCy refuses 1,000,000 characters at once): analysed, offsets into the whole
    text, memory bounded (a 0.9 MB text took 3.2 GB whole). Takes minutes: it is 1.2 MB."""
    text = long_article(1_200_000)
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "long.txt").write_text(text, encoding="utf-8")
    (corpus / "short.txt").write_text("The mayor said the harbour would reopen on Friday.\n")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "claimscope.cli.main", "analyze", str(corpus), "--format", "json",
         "--output", str(out), "--no-rhetoric"], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr
    assert re.search(r"2 analysed,\s+0\s+failed", result.stderr)
    data = json.loads((out / "long.txt.json").read_text(encoding="utf-8"))
    assert data["document"]["length"] == len(text)
    _check_one_analysis(data, text)
    last = text.rindex("Mara Lindqvist")
    assert any(m["start"] == last for e in data["entities"] for m in e["mentions"])
    # Peak RSS of the largest child process this test run has waited for, this one included.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mib < 2048, f"peak RSS {peak_mib:.0f} MiB"
