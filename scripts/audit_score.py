"""Score a judged audit sample: the figures of issue 9 (protocol: docs/audit.md).

    python scripts/audit_score.py --label before
    python scripts/audit_score.py --label after --second out/audit/after/judged-lead.jsonl

Reads out/audit/<label>/judged.jsonl (the rows of sample.jsonl with the judgment fields the
protocol defines) and prints each figure with its n and a 95% Wilson interval. Claim figures
over all statuses are weighted by stratum size (the sample is stratified by status); the
unweighted share is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from pathlib import Path

ATTRIBUTION_FIELDS = ("real", "source", "cue", "content", "speaker")
CLAIM_FIELDS = ("proposition", "asserter", "status")
SPAN = ("ok", "minor", "wrong")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def check(item: dict) -> None:
    """A judged row must carry every field its kind needs, with a value the protocol allows."""
    j = item.get("judgment")
    if not isinstance(j, dict):
        raise SystemExit(f"item {item['n']} ({item['key']}): no judgment")
    if item["kind"] == "attribution":
        if not isinstance(j.get("real"), bool):
            raise SystemExit(f"item {item['n']}: attribution needs real true/false")
        if j["real"]:
            for f in ("source", "cue", "content"):
                if j.get(f) not in SPAN:
                    raise SystemExit(f"item {item['n']}: {f} must be one of {SPAN}")
            if j.get("speaker") not in ("right", "wrong"):
                raise SystemExit(f"item {item['n']}: speaker must be right or wrong")
    elif item["kind"] == "claim":
        if not isinstance(j.get("proposition"), bool):
            raise SystemExit(f"item {item['n']}: claim needs proposition true/false")
        for f in ("asserter", "status"):
            if j.get(f) not in ("right", "wrong"):
                raise SystemExit(f"item {item['n']}: {f} must be right or wrong")
    elif item["kind"] == "entity":
        if j.get("entity") not in ("ok", "type", "modifier", "merge", "split", "junk"):
            raise SystemExit(f"item {item['n']}: entity must be ok or an error kind")


def attribution_flags(j: dict) -> dict:
    real = j["real"]
    spans = [j.get(f) for f in ("source", "cue", "content")]
    speaker = real and j["speaker"] == "right"
    null_missed = real and j["speaker"] == "wrong" and j.get("note", "").startswith("null-missed")
    return {
        "junk": not real,
        "strict": real and all(s == "ok" for s in spans) and speaker,
        "forgiving": real and all(s in ("ok", "minor") for s in spans) and speaker,
        "speaker": speaker,
        "speaker_null_ok": speaker or null_missed,
    }


def claim_flags(item: dict) -> dict:
    j = item["judgment"]
    ok = j["proposition"] and j["asserter"] == "right" and j["status"] == "right"
    return {"fully": ok, "fragment": not j["proposition"], "status": j["status"] == "right"}


def weighted(rows: list[dict], flag: str) -> tuple[float, float, int]:
    """Stratum-weighted share (by status population) and the plain share."""
    by = defaultdict(list)
    for r in rows:
        by[r["stratum"]["status"]].append(claim_flags(r)[flag])
    pops = {r["stratum"]["status"]: r["stratum"]["population"] for r in rows}
    total = sum(pops.values())
    w = sum(pops[s] / total * (sum(v) / len(v)) for s, v in by.items())
    plain = sum(sum(v) for v in by.values()) / len(rows)
    return w, plain, len(rows)


def line(name: str, k: int, n: int, extra: str = "") -> str:
    if n == 0:
        return f"| {name} | – | 0 | | {extra} |"
    lo, hi = wilson(k, n)
    return f"| {name} | {k / n:.0%} ({k}/{n}) | {n} | {lo:.0%}–{hi:.0%} | {extra} |"


def agreement(first: list[dict], second_path: Path) -> None:
    # Match on the item number within the label, not the key: one cue can carry two records
    # (a quote split around "X said" gives one per side), and they share a key.
    mine = {(r["n"], r["key"]): r for r in first}
    theirs = [json.loads(x) for x in second_path.read_text().splitlines() if x.strip()]
    fields = defaultdict(lambda: [0, 0])
    print(f"\nSecond judge ({second_path}): agreement per field")
    for r in theirs:
        a = mine.get((r["n"], r["key"]))
        if a is None:
            continue
        names = {"attribution": ATTRIBUTION_FIELDS, "claim": CLAIM_FIELDS,
                 "entity": ("entity",)}[r["kind"]]
        for f in names:
            x, y = a["judgment"].get(f), r["judgment"].get(f)
            fields[f][1] += 1
            if x == y:
                fields[f][0] += 1
            else:
                print(f"  differ: item {a['n']} {r['key']} {f}: {x!r} vs {y!r}")
    for f, (same, n) in fields.items():
        print(f"  {f}: {same}/{n}")


def _pair_key(row: dict) -> tuple:
    """A sampled attribution's key with its content's start: a quote split around its cue
    ('"X," she said. "Y."') gives two attributions with one cue, so one key; each half is its
    own fact."""
    content = (row.get("fact") or {}).get("content") or {}
    return (row["key"], content.get("start"))


def compare(rows: list[dict], earlier: list[dict], label: str) -> None:
    """Attributions both audits sampled: on an unchanged fact the two judgings should agree (how
    far they do says how much the figures move by judging alone); on a changed fact, how the
    strict call moved."""
    before = {_pair_key(r): r for r in earlier if r["kind"] == "attribution"}
    moved: dict[tuple, int] = defaultdict(int)
    for r in rows:
        b = before.get(_pair_key(r)) if r["kind"] == "attribution" else None
        if b is None:
            continue
        fact = "unchanged" if b["fact"] == r["fact"] else "changed"
        moved[(fact, attribution_flags(b["judgment"])["strict"], attribution_flags(r["judgment"])["strict"])] += 1
    print(f"\nAgainst '{label}': attributions in both samples, strict then -> now")
    for fact in ("unchanged", "changed"):
        counts = {k[1:]: v for k, v in moved.items() if k[0] == fact}
        n = sum(counts.values())
        print(f"  {fact} facts: {n}; same call {counts.get((True, True), 0) + counts.get((False, False), 0)}, "
              f"wrong -> right {counts.get((False, True), 0)}, right -> wrong {counts.get((True, False), 0)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--label", default="before")
    ap.add_argument("--out", default="out/audit")
    ap.add_argument("--file", help="a judged file other than out/audit/<label>/judged.jsonl")
    ap.add_argument("--second", help="a second judge's file: print agreement")
    ap.add_argument("--against", help="an earlier audit's label: compare the attributions the two "
                                      "samples share (same key), unchanged facts and changed ones")
    args = ap.parse_args(argv)
    path = Path(args.file) if args.file else Path(args.out) / args.label / "judged.jsonl"
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    # A re-audit may carry over the calls for unchanged items and leave the rest of a kind it
    # does not re-judge marked {"unjudged": true}: those rows are counted and skipped, so a
    # figure is over judged items only (its n says how many).
    unjudged = defaultdict(int)
    for r in rows:
        if isinstance(r.get("judgment"), dict) and r["judgment"].get("unjudged"):
            unjudged[r["kind"]] += 1
    rows = [r for r in rows if not (isinstance(r.get("judgment"), dict) and r["judgment"].get("unjudged"))]
    for r in rows:
        check(r)
    if args.against:
        earlier_path = Path(args.out) / args.against / "judged.jsonl"
        compare(rows, [json.loads(x) for x in earlier_path.read_text(encoding="utf-8").splitlines()
                       if x.strip()], args.against)
    attrs = [r for r in rows if r["kind"] == "attribution"]
    claims = [r for r in rows if r["kind"] == "claim"]
    ents = [r for r in rows if r["kind"] == "entity"]
    af = [attribution_flags(r["judgment"]) for r in attrs]
    real = [f for f in af if not f["junk"]]

    print(f"Audit '{args.label}' ({path}): {len(attrs)} attributions, {len(claims)} claims, "
          f"{len(ents)} entities; in doubt: "
          f"{sum(1 for r in rows if r['judgment'].get('doubt'))}")
    if unjudged:
        print("Skipped as unjudged: " + ", ".join(f"{v} {k}" for k, v in sorted(unjudged.items())))
    print("\n| figure | value | n | 95% CI | note |\n|---|---|---|---|---|")
    print(line("attributions fully right (strict)", sum(f["strict"] for f in af), len(af)))
    print(line("attributions fully right (forgiving)", sum(f["forgiving"] for f in af),
               len(af)))
    print(line("speaker right, real attributions", sum(f["speaker"] for f in real), len(real)))
    print(line("  (null where named counted right)", sum(f["speaker_null_ok"] for f in real),
               len(real)))
    print(line("junk attributions", sum(f["junk"] for f in af), len(af)))
    if claims:
        for flag, name in (("fully", "claims fully right"), ("fragment", "claim fragments")):
            w, plain, n = weighted(claims, flag)
            k = sum(claim_flags(r)[flag] for r in claims)
            lo, hi = wilson(k, n)
            print(f"| {name} (weighted by status) | {w:.0%} | {n} | | unweighted "
                  f"{plain:.0%} ({k}/{n}), CI {lo:.0%}–{hi:.0%} |")
        by = defaultdict(list)
        for r in claims:
            by[r["fact"]["status"]].append(claim_flags(r)["status"])
        pops = {r["stratum"]["status"]: r["stratum"]["population"] for r in claims}
        for s in ("asserted", "reported", "hedged", "speculative", "questioned", "denied"):
            v = by.get(s, [])
            print(line(f"status precision: {s}", sum(v), len(v),
                       f"{pops.get(s, 0)} in the 30 articles"))
    if ents:
        bad = [r for r in ents if r["judgment"]["entity"] != "ok"]
        kinds = defaultdict(int)
        for r in bad:
            kinds[r["judgment"]["entity"]] += 1
        detail = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
        print(line("entity type or merge errors", len(bad), len(ents), detail))
    if args.second:
        agreement(rows, Path(args.second))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
