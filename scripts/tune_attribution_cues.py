"""Choose the `polnear_cues` of lexicons/reporting.json on PolNeAR TRAIN (never dev).

    PYTHONPATH=src python scripts/tune_attribution_cues.py --docs 200            # print the table
    PYTHONPATH=src python scripts/tune_attribution_cues.py --docs 200 --write    # store the list

Runs the tagger once over the first N train articles (cached in out/cache/), then, for every cue
word (`attribution_filter.cue_keys`) of a tagger cue that the broad test keeps and the strict
test drops, counts how often that cue overlaps a gold cue. The list is the words whose share of
gold matches is at least --share; the table shows train overlap F1 for several shares. Train is
in-sample for the tagger, so its junk is rarer there than on unseen text.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.tokens import DocBin

import claimscope.nlp.attribution as A
import claimscope.nlp.attribution_filter as F
from claimscope.evaluation.attribution import score_corpus
from claimscope.evaluation.polnear_run import _scored_view, build_nlp, gold_as_dicts

TRAIN = Path("../shared/data/polnear/train")
CACHE = Path("out/cache")


def cached(n: int):
    """Parsed train docs and the tagger's groups before any filter."""
    bin_path, pkl = CACHE / f"train-{n}.spacy", CACHE / f"train-{n}.pkl"
    if not pkl.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        unfiltered = A.filter_groups
        A.filter_groups = lambda doc, groups, cues="strict": groups
        nlp = build_nlp()
        comp = nlp.get_pipe("claimscope_attribution")
        paths = sorted((TRAIN / "text").glob("*.txt"))[:n]
        db, groups = DocBin(store_user_data=False), {}
        with nlp.select_pipes(disable=["claimscope_attribution"]):
            for p, doc in zip(paths, nlp.pipe([p.read_text(encoding="utf-8") for p in paths], batch_size=8)):
                groups[p.stem] = comp.analyse(doc)[1]
                db.add(doc)
        A.filter_groups = unfiltered
        db.to_disk(bin_path)
        pkl.write_bytes(pickle.dumps(([p.stem for p in paths], groups)))
    names, groups = pickle.loads(pkl.read_bytes())
    docs = list(DocBin().from_disk(bin_path).get_docs(spacy.blank("en").vocab))
    return names, dict(zip(names, docs)), groups


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--share", type=float, default=0.5)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    names, docs, groups = cached(args.docs)
    gold = gold_as_dicts(TRAIN)
    stat, rows = defaultdict(lambda: [0, 0]), {}
    for n in names:
        doc, gold_cues = docs[n], [tuple(x) for a in gold.get(n, []) for x in a["cue"]]
        rows[n] = []
        for g in groups[n]:
            fr = [(c.start, c.end) for c in g.contents]
            direct = bool(fr) and F.quote_kind(doc.text, fr) == "direct"
            broad, strict = F.keeps(doc, g, direct, "broad"), F.keeps(doc, g, direct, "strict")
            keys = F.cue_keys(doc, g)
            rows[n].append((broad, strict, keys, F.filter_groups(doc, [g], "broad")))
            if broad and not strict:
                hit = any(s < g.cue.end and g.cue.start < e for s, e in gold_cues)
                for w in keys:
                    stat[w][0 if hit else 1] += 1

    def score(allow):
        pred = {n: A.groups_as_json([k for b, s, keys, kept in rows[n] if s or (b and keys & allow) for k in kept])
                for n in names}
        s = score_corpus(([_scored_view(a) for a in pred[n]], gold.get(n, [])) for n in names)
        return {r: round(c.f1, 4) for r, c in s.overlap.items()}

    print("broad ", score(set(stat)))
    for share in (0.9, 0.75, 0.6, 0.5, 0.25, 0.0):
        allow = {w for w, (a, b) in stat.items() if a and a / (a + b) >= share}
        print(f"share >= {share}: {len(allow)} words", score(allow))
    if args.write:
        path = F.REPORTING
        lex = json.loads(path.read_text(encoding="utf-8"))
        lex["polnear_cues"] = sorted(w for w, (a, b) in stat.items() if a and a / (a + b) >= args.share)
        path.write_text(json.dumps(lex, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
