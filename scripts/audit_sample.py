"""Draw the real-text audit sample of issue 9 (protocol: docs/audit.md).

    PYTHONPATH=src python scripts/audit_sample.py --label before          # analyse + sample
    PYTHONPATH=src python scripts/audit_sample.py --set tuning --list     # ids to tune on

Pools are fixed by a rule anyone can apply, so developers can keep away from the audit
articles: an AllSides article is in the AUDIT pool iff sha1(id) % 20 == 0 and in the TUNING
pool iff sha1(id) % 20 == 1. The FRESH pool (sha1(id) % 20 == 2) is a second audit set, drawn
once the first had been read so often while fixing that it no longer gave an independent
estimate (docs/audit.md, "fresh"); nobody tunes on it or opens it outside an audit. The
FRESH2 pool (sha1(id) % 20 == 3) is a third, drawn when the fresh set's error kinds had been
written up and were being worked on (docs/audit.md, "fresh2"), and FRESH3 (== 4) a fourth, judged
once on the final code of a round whose second half had heard fresh2's error kinds. Everything
after that is drawn
by "permanent random numbers":
each unit (article, attribution, claim) gets a rank sha1(SALT | set | key) that does not depend
on the code being audited, and the lowest ranks are taken. The same code and label therefore
give the same items, and an "after" run draws a fresh sample of what the new code outputs that
still coincides with the "before" sample wherever the same fact (same article, same offsets)
exists in both, which is what makes before/after pairs comparable.

Writes out/audit/<label>/articles.jsonl (one analysis a line, with the article's text) and
out/audit/<label>/sample.jsonl (one item to judge a line; kind = attribution | claim | entity).
The output quotes the articles: it stays in out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path("../shared/data/allsides/allsides.jsonl.gz")
SALT = "claimscope-audit-v1"
POOLS = {"audit": 0, "tuning": 1, "fresh": 2, "fresh2": 3, "fresh3": 4, "fresh4": 5, "fresh5": 6, "fresh6": 7, "fresh7": 8, "fresh8": 9, "fresh9": 10}
N_ARTICLES = 30
MAX_PER_OUTLET = 3
MAX_PER_TOPIC = 3  # 30 articles at <= 3 a topic spans at least 10 topics
MIN_WORDS, MAX_WORDS = 300, 1500
N_ATTRIBUTIONS = 100
N_CLAIMS = 100
# Claim strata: the four statuses whose precision issue 9 targets get at least this many items
# each (all of them when fewer exist); the rest of the 100 goes to asserted and reported in
# proportion to their counts. Overall claim figures are weighted by stratum size (docs/audit.md).
MIN_PER_RARE_STATUS = 16
RARE_STATUSES = ("hedged", "speculative", "questioned", "denied")
N_ENTITY_ARTICLES = 6
CONTEXT_BEFORE = 700  # characters: enough to see whom a pronoun refers to
CONTEXT_AFTER = 300


def pool_of(article_id: str) -> int:
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 20


def rank(*parts) -> str:
    """A unit's permanent random number: independent of the code under audit."""
    return hashlib.sha1("|".join(str(p) for p in (SALT, *parts)).encode()).hexdigest()


def read_pool(set_name: str) -> list[dict]:
    wanted = POOLS[set_name]
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        return [row for row in map(json.loads, fh) if pool_of(row["id"]) == wanted]


def draw_articles(pool: list[dict], set_name: str) -> list[dict]:
    """Lowest-ranked articles of 300-1500 words, at most 3 per outlet and 3 per topic."""
    fit = [a for a in pool if MIN_WORDS <= len(a["text"].split()) <= MAX_WORDS]
    fit.sort(key=lambda a: rank(set_name, "article", a["id"]))
    outlets, topics, seen_titles, chosen = Counter(), Counter(), set(), []
    for a in fit:
        title = (a.get("title") or "").strip().lower()
        if outlets[a["outlet"]] >= MAX_PER_OUTLET or topics[a["topic"]] >= MAX_PER_TOPIC:
            continue
        if title in seen_titles:  # the corpus holds some articles twice under two ids
            continue
        chosen.append(a)
        outlets[a["outlet"]] += 1
        topics[a["topic"]] += 1
        seen_titles.add(title)
        if len(chosen) == N_ARTICLES:
            break
    return chosen


def context(text: str, start: int, end: int) -> dict:
    lo = max(0, start - CONTEXT_BEFORE)
    hi = min(len(text), end + CONTEXT_AFTER)
    # widen to whitespace so the window does not cut words
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return {"start": lo, "end": hi, "text": text[lo:hi]}


def attribution_items(analysis: dict, text: str, article: dict) -> list[dict]:
    names = {e["id"]: (e["name"], e["type"]) for e in analysis["entities"]}
    items = []
    for a in analysis["attributions"]:
        spans = [s for s in (a["source"], a["cue"], a["content"]) if s]
        start = min(s["start"] for s in spans)
        end = max(s["end"] for s in spans)
        cue = a["cue"]
        # 2.1 gives the speaker of a quotation that goes on with no tag of its own too
        entity = a.get("speaker_entity", a["source"]["entity"] if a["source"] else None)
        items.append({
            "kind": "attribution",
            "key": f"{article['id']}:attr:{cue['start']}-{cue['end']}",
            "article_id": article["id"], "outlet": article["outlet"],
            "fact": {
                "attribution_kind": a["kind"],
                "source": a["source"] and {k: a["source"][k] for k in ("text", "start", "end")},
                "entity": entity,
                "entity_name": names.get(entity, (None,))[0],
                "entity_type": names.get(entity, (None, None))[1],
                "cue": cue, "content": a["content"], "score": a["score"],
            },
            "context": context(text, start, end),
        })
    return items


def claim_items(analysis: dict, text: str, article: dict) -> list[dict]:
    names = {e["id"]: e["name"] for e in analysis["entities"]}
    items = []
    for c in analysis["claims"]:
        items.append({
            "kind": "claim",
            "key": f"{article['id']}:claim:{c['start']}-{c['end']}",
            "article_id": article["id"], "outlet": article["outlet"],
            "fact": {
                "text": c["text"], "start": c["start"], "end": c["end"],
                "asserter": c["asserter"]["name"], "asserter_entity": c["asserter"]["entity"],
                "asserter_entity_name": names.get(c["asserter"]["entity"]),
                "status": c["status"], "certainty": c["certainty"], "cues": c["cues"],
                "evidence": c["evidence"], "attribution": c["attribution"],
            },
            "context": context(text, c["start"], c["end"]),
        })
    return items


def entity_items(analysis: dict, text: str, article: dict) -> list[dict]:
    items = []
    for e in analysis["entities"]:
        mentions = [{"text": m["text"], "start": m["start"], "end": m["end"],
                     "around": text[max(0, m["start"] - 80):m["end"] + 80]}
                    for m in e["mentions"]]
        items.append({
            "kind": "entity",
            "key": f"{article['id']}:entity:{e['name']}:{e['type']}",
            "article_id": article["id"], "outlet": article["outlet"],
            "fact": {"id": e["id"], "name": e["name"], "type": e["type"],
                     "aliases": e["aliases"], "mentions": mentions},
        })
    return items


def take_lowest(items: list[dict], n: int, set_name: str) -> list[dict]:
    return sorted(items, key=lambda it: rank(set_name, it["key"]))[:n]


def stratified_claims(claims: list[dict], set_name: str) -> list[dict]:
    by_status = defaultdict(list)
    for c in claims:
        by_status[c["fact"]["status"]].append(c)
    take = {s: min(MIN_PER_RARE_STATUS, len(by_status[s])) for s in RARE_STATUSES}
    rest = N_CLAIMS - sum(take.values())
    common = [s for s in by_status if s not in RARE_STATUSES]
    common_total = sum(len(by_status[s]) for s in common)
    for s in sorted(common, key=lambda s: -len(by_status[s])):
        take[s] = min(len(by_status[s]), round(rest * len(by_status[s]) / common_total))
    # rounding can leave the total one off; settle it on the largest stratum
    if common:
        largest = max(common, key=lambda s: len(by_status[s]))
        take[largest] = max(0, min(len(by_status[largest]),
                                   take[largest] + N_CLAIMS - sum(take.values())))
    chosen = []
    for s, n in take.items():
        for it in take_lowest(by_status[s], n, set_name):
            it["stratum"] = {"status": s, "population": len(by_status[s]), "sampled": n}
            chosen.append(it)
    return chosen


def analyse(articles: list[dict]) -> list[dict]:
    from claimscope.model.analysis import DocumentInfo
    from claimscope.workspace import Workspace

    ws = Workspace()
    out = []
    for i, a in enumerate(articles, 1):
        meta = {k: a.get(k) for k in ("outlet", "author", "date", "title") if a.get(k)}
        t0 = time.time()
        analysis = ws.analyze_document(DocumentInfo(name=f"allsides/{a['id']}", text=a["text"],
                                                    meta=meta))
        row = analysis.as_dict()
        row["article"] = {k: a.get(k) for k in ("id", "outlet", "topic", "title", "date",
                                                 "author", "url")}
        row["text"] = a["text"]
        out.append(row)
        print(f"[{i}/{len(articles)}] {a['id']} {a['outlet']} {time.time() - t0:.1f}s",
              file=sys.stderr)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--label", default="before", help="before | after (names the output folder)")
    ap.add_argument("--set", dest="set_name", choices=sorted(POOLS), default="audit")
    ap.add_argument("--list", action="store_true", help="print the pool's ids, outlets, titles")
    ap.add_argument("--out", default="out/audit")
    args = ap.parse_args(argv)

    pool = read_pool(args.set_name)
    if args.list:
        try:
            for a in sorted(pool, key=lambda a: a["id"]):
                print(f"{a['id']}\t{a['outlet']}\t{a['topic']}\t{a.get('title') or ''}")
        except BrokenPipeError:  # `--list | head` closes the pipe early; that is not an error
            sys.stdout = open(os.devnull, "w")
        return 0

    articles = draw_articles(pool, args.set_name)
    analyses = analyse(articles)
    folder = Path(args.out) / args.label
    if args.set_name != "audit":
        folder = Path(args.out) / f"{args.set_name}-{args.label}"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as fh:
        for row in analyses:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    attributions, claims, entity_articles = [], [], []
    for row in analyses:
        attributions += attribution_items(row, row["text"], row["article"])
        claims += claim_items(row, row["text"], row["article"])
    for row in sorted(analyses, key=lambda r: rank(args.set_name, "entities",
                                                    r["article"]["id"]))[:N_ENTITY_ARTICLES]:
        entity_articles += entity_items(row, row["text"], row["article"])
    sample = (take_lowest(attributions, N_ATTRIBUTIONS, args.set_name)
              + stratified_claims(claims, args.set_name) + entity_articles)
    # population sizes travel with the sample so that the scorer can weight strata
    population = {"attributions": len(attributions), "claims": len(claims),
                  "claims_by_status": dict(Counter(c["fact"]["status"] for c in claims)),
                  "entity_articles": sorted({e["article_id"] for e in entity_articles})}
    with open(folder / "sample.jsonl", "w", encoding="utf-8") as fh:
        for n, item in enumerate(sample, 1):
            item["n"] = n
            item["population"] = population
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles; sample: {len(sample)} items "
          f"({sum(1 for s in sample if s['kind'] == 'attribution')} attributions, "
          f"{sum(1 for s in sample if s['kind'] == 'claim')} claims, "
          f"{len(entity_articles)} entities) -> {folder}", file=sys.stderr)
    print(json.dumps(population, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
