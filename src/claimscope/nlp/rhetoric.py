"""`claimscope_rhetoric`: propaganda-technique spans (the 14 of SemEval-2020 Task 11).

Writes `doc.spans["techniques"]` (span labels are technique names; confidences in the
group's `attrs["scores"]`, aligned with the spans) and `doc._.techniques`
(`Technique` records). It reads the sentence encoder's pass that the claims component
may already have made (nlp/sentence_units.py); see runtime/rhetoric_model.py.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from claimscope.model.records import Technique
from claimscope.nlp.extensions import ensure_extensions, text_of
from claimscope.nlp.sentence_units import doc_sentence_ranges, sentence_units
from claimscope.runtime.rhetoric_model import RhetoricModel, load_rhetoric_model
from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR

SPAN_KEY = "techniques"


class RhetoricTagger:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        model_dir: str | None = None,
        threshold: float | None = None,
        min_score: float = 0.0,
    ):
        self.name = name
        self.model_dir = str(model_dir or SENTENCE_MODEL_DIR)
        self.threshold = threshold
        self.min_score = min_score
        self._model: RhetoricModel | None = None

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        self._load()

    def _load(self) -> RhetoricModel:
        if self._model is None:
            self._model = load_rhetoric_model(self.model_dir)
        return self._model

    @property
    def model_version(self) -> str:
        return str(self._load().config.get("version", "?"))

    def __call__(self, doc: Doc) -> Doc:
        model = self._load()
        ranges = doc_sentence_ranges(doc)
        units = sentence_units(doc, model)
        found = [
            t
            for t in model.analyze(text_of(doc), ranges, self.threshold, units=units)
            if t.score >= self.min_score
        ]
        spans, kept = [], []
        for t in found:
            span = doc.char_span(t.start, t.end, label=t.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
                kept.append(t)
        group = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        group.attrs["scores"] = [t.score for t in kept]
        doc.spans[SPAN_KEY] = group
        doc._.techniques = kept
        return doc


def technique_density(techniques: list[Technique], n_sentences: int) -> dict[str, float]:
    """Techniques per 100 sentences, by label (empty when there are no sentences)."""
    if n_sentences <= 0:
        return {}
    counts = Counter(t.label for t in techniques)
    return {label: round(100.0 * n / n_sentences, 2) for label, n in sorted(counts.items())}


@Language.factory(
    "claimscope_rhetoric",
    assigns=["doc.spans", "doc._.techniques"],
    default_config={"model_dir": None, "threshold": None, "min_score": 0.0},
)
def make_rhetoric(
    nlp: Language,
    name: str,
    model_dir: str | None,
    threshold: float | None,
    min_score: float,
):
    ensure_extensions()
    return RhetoricTagger(nlp, name, model_dir=model_dir, threshold=threshold, min_score=min_score)
