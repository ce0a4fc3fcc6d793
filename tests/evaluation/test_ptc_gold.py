"""PTC reader and the shipped rhetoric heads on real held-out articles; skipped without data."""

import json
from pathlib import Path

import pytest

from claimscope.corpora.ptc import load_corpus, merge_spans
from claimscope.evaluation.ptc import score_si, score_tc
from claimscope.runtime.rhetoric_model import RhetoricModel
from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PTC = SHARED / "ptc"
pytestmark = [
    pytest.mark.gold,
    pytest.mark.skipif(not PTC.is_dir(), reason="../shared/data is absent"),
]
VOCAB = Path(__file__).resolve().parents[2] / "src" / "claimscope" / "model" / "techniques.json"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(PTC, task="tc")


def test_reader_counts_and_offsets(corpus):
    assert len(corpus) == 371
    assert sum(len(a.spans) for a in corpus) == 6129
    labels = set(json.loads(VOCAB.read_text())["techniques"])
    for article in corpus:
        for span in article.spans:
            assert 0 <= span.start < span.end <= len(article.text)
            assert span.label in labels


def test_si_gold_equals_merged_tc_spans():
    si = {a.id: a for a in load_corpus(PTC, task="si")}
    for article in load_corpus(PTC, task="tc")[:50]:
        merged = merge_spans([(s.start, s.end) for s in article.spans])
        assert merged == merge_spans([(s.start, s.end) for s in si[article.id].spans])


def test_shipped_model_on_heldout_articles(corpus):
    heldout = set(json.loads((SENTENCE_MODEL_DIR / "config.json").read_text())["split"]["heldout"])
    articles = [a for a in corpus if a.id in heldout][:6]
    model = RhetoricModel()
    pred, gold, tc_pred, tc_gold = {}, {}, [], []
    for article in articles:
        units = model.encode(article.text)
        pred[article.id] = [(t.start, t.end) for t in model.analyze(article.text)]
        gold[article.id] = [(g.start, g.end) for g in article.spans]
        unique = sorted(set(gold[article.id]))
        probs = model.classify(article.text, unique, units)
        best = {span: model.labels[int(p.argmax())] for span, p in zip(unique, probs)}
        tc_pred += [(article.id, best[(g.start, g.end)], g.start, g.end) for g in article.spans]
        tc_gold += [(article.id, g.label, g.start, g.end) for g in article.spans]
    # Far below the reported figures (small sample) but far above chance and empty output.
    assert score_si(pred, gold).f1 > 0.25
    assert score_tc(tc_pred, tc_gold).micro_f1 > 0.35
