"""Run the attribution component over a folder of texts; optionally score against PolNeAR gold.

The pipeline is the configured spaCy model (parser for sentences) plus
`claimscope_paragraphs` and `claimscope_attribution`, as in the full claimscope pipeline.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from claimscope.corpora.polnear import read_split
from claimscope.evaluation.attribution import AttributionScores, score_corpus


@dataclass
class RunResult:
    documents: int
    seconds: float
    scores: AttributionScores | None


def build_nlp(spacy_model: str | None = None, model_dir: str | None = None, cues: str | None = None):
    import spacy

    from claimscope.nlp import attribution, paragraphs  # noqa: F401  (register factories)
    from claimscope.settings import default_spacy_model

    nlp = spacy.load(spacy_model or default_spacy_model(), disable=["ner", "lemmatizer"])
    nlp.add_pipe("claimscope_paragraphs", before="parser")
    config = {"model_dir": model_dir} | ({"cues": cues} if cues else {})
    nlp.add_pipe("claimscope_attribution", config=config)
    return nlp


def predict_folder(texts_dir: Path, nlp, stances: bool = True) -> dict[str, list[dict]]:
    """File stem -> predicted attributions as JSON-ready dicts (see `groups_as_json`), each
    with its `kind`: "statement", or "stance" (scored too unless `stances` is False: PolNeAR
    annotates desires, positions and acts beside sayings)."""
    from claimscope.nlp.attribution import groups_as_json

    component = nlp.get_pipe("claimscope_attribution")
    paths = sorted(Path(texts_dir).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    out = {}
    with nlp.select_pipes(disable=["claimscope_attribution"]):
        for path, doc in zip(paths, nlp.pipe(texts, batch_size=8)):
            statements, stance_groups = component.output_groups(doc)
            out[path.stem] = [{**a, "kind": "statement"} for a in groups_as_json(statements)] + (
                [{**a, "kind": "stance"} for a in groups_as_json(stance_groups)] if stances else [])
    return out


def gold_as_dicts(split_dir: Path) -> dict[str, list[dict]]:
    return {
        d.name: [{"source": a.source, "cue": a.cue, "content": a.content} for a in d.attributions]
        for d in read_split(split_dir)
    }


def _scored_view(attribution: dict) -> dict:
    """Score contents by their fragments when we have them (PolNeAR contents may be split)."""
    view = dict(attribution)
    if attribution.get("content_fragments"):
        view["content"] = attribution["content_fragments"]
    return view


def run(texts_dir: Path, out_file: Path, gold_dir: Path | None = None, spacy_model: str | None = None,
        model_dir: str | None = None, cues: str | None = None, stances: bool = True) -> RunResult:
    texts_dir, gold_dir = Path(texts_dir), Path(gold_dir) if gold_dir else None
    if (texts_dir / "text").is_dir():  # a split folder was given
        texts_dir = texts_dir / "text"
    nlp = build_nlp(spacy_model, model_dir, cues)
    t0 = time.perf_counter()
    predictions = predict_folder(texts_dir, nlp, stances)
    seconds = time.perf_counter() - t0
    out_file = Path(out_file)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    with out_file.open("w", encoding="utf-8") as fh:
        for name, attributions in predictions.items():
            fh.write(json.dumps({"doc": name, "attributions": attributions}) + "\n")
    scores = None
    if gold_dir is not None:
        gold = gold_as_dicts(gold_dir)
        scores = score_corpus(
            ([_scored_view(a) for a in predictions.get(name, [])], gold_atts)
            for name, gold_atts in gold.items()
        )
    return RunResult(documents=len(predictions), seconds=seconds, scores=scores)
