"""Assessment (known / claimed / speculated / denied / contested) and Admiralty credibility of a
claim cluster, from rules kept as data (`assessment.json`, `grades.json`).

`features` computes what the rules may test, each by a small named function below; `first_rule`
applies a rule list. The reason of the rule that fired is filled in with the cluster's own
sources, so every assessment names who stands behind it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from claimscope.ledger.figures import is_update
from claimscope.ledger.sources import UNRESOLVED, Source, concerns, counted, mention_sources

HEDGED = frozenset({"hedged", "speculative", "questioned"})
STATED = frozenset({"asserted", "reported"})


@lru_cache(maxsize=1)
def assessment_rules() -> dict:
    return json.loads(Path(__file__).with_name("assessment.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def grade_rules() -> dict:
    return json.loads(Path(__file__).with_name("grades.json").read_text(encoding="utf-8"))


def only_hedged(mentions: list[dict]) -> bool:
    """Every mention is hedged, speculative or questioned: nobody states it outright."""
    return bool(mentions) and all(m["status"] in HEDGED for m in mentions)


def deniers(mentions: list[dict], entity_keys: list[str], entity_names: list[str]) -> list[str]:
    """Who denies it among the parties it concerns (or the author): the asserters of denied
    mentions that `concerns` the claim's entities, that are named (a named person or
    organisation denying a claim is taken to speak for a party to it: the analysis does not know
    whose spokesman someone is, and an unnamed denier does not count), or the author's own."""
    out = []
    for m in mentions:
        if m["status"] != "denied":
            continue
        author = m["evidence_kind"] == "none" and not m.get("asserter_key")
        named = bool(m.get("asserter_key")) and m["evidence_kind"] in ("named_person", "named_organization")
        if author or named or concerns(m.get("asserter_key"), m.get("asserter_name"), entity_keys, entity_names):
            name = m.get("asserter_name") or "the author"
            if name not in out:
                out.append(name)
    return out


def stated_sources(mentions: list[dict], sources: list[Source]) -> int:
    """Independent sources that assert or report the claim (not only hedge it); a relay states
    what it relays."""
    stated = {key for i, (key, *_) in mention_sources(mentions).items() if mentions[i]["status"] in STATED}
    return sum(1 for s in sources if s.counted and s.key in stated)


def comparable(a: int, b: int, share: float) -> bool:
    """Support of comparable size: the smaller at least `share` of the larger."""
    return min(a, b) >= share * max(a, b) and max(a, b) > 0


def conflict_features(cluster: dict, neighbours: dict[str, dict], share: float) -> dict:
    """contested / contradicted / weaker_than_conflict, the comparable conflicting clusters' names
    (`conflicting`) and every contradicting cluster's (`contradicting`).

    A figure conflict that is an update (a later "rose to 17" after "at least 14") contests
    nothing: the dossier shows it as an update, newest last."""
    contested, contradicted, weaker, names, against = False, False, False, [], []
    for conflict in cluster["conflict_links"]:
        other = neighbours.get(conflict["cluster"])
        if other is None:
            continue
        if conflict["kind"] == "figure" and _figure_update(cluster, other):
            continue
        if conflict["kind"] == "contradiction":
            contradicted = True
            against.append(f"\"{_short(other['text'])}\"")
        if comparable(cluster["n_sources"], other["n_sources"], share):
            contested = True
            names.append(f"\"{_short(other['text'])}\" ({other['n_sources']} source"
                         f"{'s' if other['n_sources'] != 1 else ''})")
        if conflict["kind"] == "contradiction" and other["n_sources"] > cluster["n_sources"]:
            weaker = True
    return {"contested": contested, "contradicted": contradicted, "weaker_than_conflict": weaker,
            "conflicting": "; ".join(names) or "nothing",
            # Every contradiction, comparable or not: a claim that is not corroborated for that
            # reason must say so, not "not corroborated by an independent source".
            "contradicting": "; ".join(against) or "nothing"}


def _figure_update(a: dict, b: dict) -> bool:
    """The later cluster's figure updates the earlier's; figures first seen the same day (or
    undated) dispute each other rather than update."""
    first, second = sorted((a, b), key=lambda c: (c.get("first_seen") or "", c["id"]))
    if not first.get("first_seen") or not second.get("first_seen") or first["first_seen"] == second["first_seen"]:
        return False
    return any(is_update(x, y) for x in first["figures"] for y in second["figures"]
               if x["quantity"] == y["quantity"])


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def features(cluster: dict, sources: list[Source], neighbours: dict[str, dict]) -> dict:
    mentions = cluster["mentions_raw"]
    names = list(cluster["entity_names"].values())
    keys = list(cluster["entity_names"])
    who_denies = deniers(mentions, keys, names)
    for link in cluster["conflict_links"]:  # a conflicting cluster that denies this one
        other = neighbours.get(link["cluster"])
        if other and link["kind"] == "contradiction":
            who_denies += [d for d in deniers(other["mentions_raw"], keys, names) if d not in who_denies]
    share = assessment_rules()["comparable_support"]
    named = [s for s in sources if s.counted]
    result = {
        "independent_sources": counted(sources),
        "stated_sources": stated_sources(mentions, sources),
        # A document at first hand: one only relayed ("X reported that a memo said") is a
        # source, not documentary evidence in the store.
        "has_document": any(s.kind == "document" and not s.relayed_only for s in named),
        "only_hedged": only_hedged(mentions),
        "denied_by_concerned": bool(who_denies),
        "deniers": ", ".join(who_denies) or "nobody",
        "sources": _names(named),
        "documents": _names([s for s in named if s.kind == "document" and not s.relayed_only]),
        "statuses": ", ".join(sorted({m["status"] for m in mentions})),
    }
    result.update(conflict_features(cluster, neighbours, share))
    return result


def _names(sources: list[Source], n: int = 4) -> str:
    if not sources:
        return "no identifiable source"
    # A pronoun nobody resolved is named as what it is: "It" names nobody.
    names = [f'"{s.name}" (unresolved pronoun)' if s.kind == UNRESOLVED
             else f"{s.name} (as relayed by {s.relayed_by[0]})" if s.relayed_only and s.relayed_by
             else s.name for s in sources[:n]]
    if len(sources) > n:
        names.append(f"{len(sources) - n} more")
    return ", ".join(names)


def holds(when: dict, values: dict) -> bool:
    for name, wanted in when.items():
        if name.startswith("min_"):
            if values[name[4:]] < wanted:
                return False
        elif values[name] != wanted:
            return False
    return True


def first_rule(rules: list[dict], values: dict) -> dict:
    for rule in rules:
        if holds(rule["when"], values):
            return rule
    raise ValueError("no rule applies: the last rule of a rule file must have no conditions")


def assess(values: dict) -> tuple[str, str]:
    rule = first_rule(assessment_rules()["rules"], values)
    return rule["assessment"], rule["reason"].format(**values)


def credibility(values: dict) -> tuple[int, str]:
    rule = first_rule(grade_rules()["rules"], values)
    return rule["grade"], rule["reason"]


def reliability(sources: list[Source], table: dict) -> tuple[str, str]:
    """The best reliability among the sources: a source's own entry (entity id or name), else
    the outlet that carries it; F when the user's file says nothing of any of them."""
    best, why = "F", "no source or outlet graded in the reliability file"
    for s in (s for s in sources if s.counted):
        for name, where in ((s.entity, "sources"), (s.name, "sources")):
            grade = table.get(where, {}).get((name or "").lower())
            if grade and grade < best:
                best, why = grade, f"{s.name} is graded {grade}"
        for outlet in s.outlets:
            grade = table.get("outlets", {}).get(outlet.lower())
            if grade and grade < best:
                best, why = grade, f"{outlet} (carrying {s.name}) is graded {grade}"
    return best, why
