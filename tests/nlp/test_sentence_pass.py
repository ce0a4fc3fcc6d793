"""Claims and rhetoric read one encoder pass per sentence (the real pipeline, real ONNX)."""

from __future__ import annotations

from claimscope.runtime.onnx_model import OnnxModel
from claimscope.runtime.sentence_encoding import SENTENCE_MODEL_DIR

TEXT = (
    "The ministry said the dam was inspected in March.\n"
    "These reckless, corrupt officials have betrayed every family in the valley!\n"
    "Engineers may have known about the cracks for years."
)


def test_each_sentence_is_encoded_once_for_claims_and_rhetoric(workspace, monkeypatch):
    encoded: list[str] = []
    real_run = OnnxModel.run

    def counting_run(self, texts):
        if self.model_dir == SENTENCE_MODEL_DIR:
            encoded.extend(texts)
        return real_run(self, texts)

    monkeypatch.setattr(OnnxModel, "run", counting_run)
    nlp = workspace.nlp
    assert "claimscope_claims" in nlp.pipe_names and "claimscope_rhetoric" in nlp.pipe_names
    doc = nlp(TEXT)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sorted(encoded) == sorted(sentences)
    assert doc._.claims and all(0.0 <= c.checkworthiness <= 1.0 for c in doc._.claims)
    assert doc._.techniques is not None


def test_the_shared_pass_is_not_stored_on_the_doc(workspace):
    # The encoder pass is kept beside the Doc (freed with it), not in user_data, and the
    # span groups a Doc carries still serialise (records in doc._ are Python objects: exclude
    # user_data to store a Doc).
    from spacy.tokens import Doc

    from claimscope.runtime.sentence_encoding import EncodedUnit

    doc = workspace.nlp(TEXT)
    assert not any(
        isinstance(v, list) and v and isinstance(v[0], EncodedUnit) for v in doc.user_data.values()
    )
    restored = Doc(workspace.nlp.vocab).from_bytes(doc.to_bytes(exclude=["user_data"]))
    assert [s.label_ for s in restored.spans["techniques"]] == [s.label_ for s in doc.spans["techniques"]]
