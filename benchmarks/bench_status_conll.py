"""The claim status rule against CoNLL-2010 Wikipedia sentence labels (one held-out split).

    python benchmarks/bench_status_conll.py [--split validation|test] [--data ../shared/data]

Each sentence is read as one whole-sentence claim without an attribution. A sentence counts
as uncertain when the rule gives it any status but "asserted". Prints precision, recall and F1
of three readings:

- head alone: the learned uncertainty head past its threshold (what `claimscope eval
  uncertainty` scores);
- cues alone: `epistemic.read_status` with the head's probability set to 0;
- status rule: `epistemic.read_status` as the pipeline runs it (strong cues in the claim's
  clause, or the head together with a weak cue of the claim's own).

The rule is built for news claims, not for CoNLL's labels: CoNLL marks a sentence uncertain
for a cue in any clause ("..., which may persist"), the rule only for one that reaches the
claim's own clause, and it never hedges without a visible cue. Expect lower recall than the
head. Denials and questions also count as "not asserted" here, which CoNLL does not label.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import spacy

from claimscope.corpora.uncertainty import read_uncertainty, split_uncertainty
from claimscope.evaluation.sentence_heads import UNCERTAINTY_FILE, prf
from claimscope.nlp.cues import CueMatcher
from claimscope.nlp.epistemic import read_status
from claimscope.runtime.sentence_heads import SentenceHeads
from claimscope.settings import Settings

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="validation", choices=("train", "validation", "test"))
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    rows = split_uncertainty(read_uncertainty(args.data / UNCERTAINTY_FILE))[args.split]
    heads = SentenceHeads(None)
    threshold = heads.thresholds["uncertain"]
    probs = np.array([r["uncertain"] for r in heads.predict([r.text for r in rows])])
    nlp = spacy.load(Settings().spacy_model)
    matcher = CueMatcher(nlp.vocab)
    rule, cues_only = [], []
    for p, doc in zip(probs, nlp.pipe([r.text for r in rows], batch_size=64)):
        end = len(doc)
        while end > 1 and doc[end - 1].is_punct and doc[end - 1].text != "?":
            end -= 1
        claim = doc[:end]
        if len(claim) == 0:
            rule.append(False)
            cues_only.append(False)
            continue
        found = matcher.find(claim)
        for out, probability in ((rule, float(p)), (cues_only, 0.0)):
            reading = read_status(found, claim=claim, attribution_cue=None,
                                  uncertain_probability=probability, uncertain_threshold=threshold)
            out.append(reading.status != "asserted")
    gold = [r.label for r in rows]
    for name, predicted in (("head alone", probs >= threshold), ("cues alone", cues_only),
                            ("status rule", rule)):
        s = prf(gold, predicted)
        print(f"{args.split} {name:12s} P {s['precision']:.3f} R {s['recall']:.3f} "
              f"F1 {s['f1']:.3f} (tp {s['tp']} fp {s['fp']} fn {s['fn']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
