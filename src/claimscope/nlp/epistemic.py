"""Epistemic status of a claim: how firmly the text puts it forward.

The decision reads cue words (lexicons/cues.json) around the claim and in its attribution cue,
then a learned probability that the sentence is uncertain (CoNLL-2010 style hedging). The
strongest signal wins, in this order: denied > questioned > speculative > hedged > reported >
asserted. Certainty is the degree to which the text presents the proposition as true, from
near 0 (denied) to near 1 (flatly asserted).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

BASE_CERTAINTY = {
    "asserted": 0.9,
    "reported": 0.7,
    "hedged": 0.45,
    "speculative": 0.3,
    "questioned": 0.25,
    "denied": 0.1,
}


@dataclass
class EpistemicReading:
    status: str
    certainty: float
    cues: list[Span] = field(default_factory=list)


def read_status(
    cues: dict[str, list[Span]],
    *,
    text: str,
    attribution_cue: Span | None,
    uncertain_probability: float,
    uncertain_threshold: float = 0.5,
) -> EpistemicReading:
    """Decide the status of one claim.

    `cues` are those found over the claim's own words and its attribution cue ("denied",
    "questioned whether"), not over the rest of the sentence, which may carry another claim.
    """

    def hits(category: str) -> list[Span]:
        return list(cues.get(category, []))

    denial = hits("denial")
    if denial:
        return EpistemicReading("denied", BASE_CERTAINTY["denied"], denial)
    question = hits("question")
    if text.rstrip().rstrip("\"'”’").endswith("?") or question:
        return EpistemicReading("questioned", BASE_CERTAINTY["questioned"], question)
    speculation = hits("speculation")
    if speculation:
        return EpistemicReading("speculative", _soften("speculative", uncertain_probability),
                                speculation)
    hedge = hits("hedge")
    # Without a cue, the learned signal alone hedges a claim only when it passes the model's
    # threshold (chosen on held-out CoNLL-2010 data).
    if hedge or uncertain_probability >= uncertain_threshold:
        return EpistemicReading("hedged", _soften("hedged", uncertain_probability), hedge)
    if attribution_cue is not None:
        certainty = BASE_CERTAINTY["reported"]
        confirming = cues.get("certain_report", [])
        if any(c.start >= attribution_cue.start and c.end <= attribution_cue.end for c in confirming):
            certainty = 0.8  # "revealed", "confirmed": the text vouches for the report
        return EpistemicReading("reported", _soften_value(certainty, uncertain_probability),
                                [attribution_cue])
    return EpistemicReading("asserted", _soften("asserted", uncertain_probability), [])


def _soften(status: str, uncertain_probability: float) -> float:
    return _soften_value(BASE_CERTAINTY[status], uncertain_probability)


def _soften_value(base: float, uncertain_probability: float) -> float:
    # The learned probability lowers certainty by at most 0.1: cues stay the main evidence and
    # the statuses keep their order (a hedged claim stays above any speculative one).
    return round(max(0.0, min(1.0, base - 0.1 * uncertain_probability)), 3)
