"""Figures and polarity of a claim: what keeps "nine killed" from "eleven killed", and "X was
involved" from "X was not involved", and what names the conflict when two such claims meet.

A figure is a number (digits or words, "at least 14", "seventeen") with the quantity it counts,
read from the words beside it through `QUANTITIES` (death tolls, the wounded, money, ...). Two
figures of the same quantity with different values are a `figure` conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "dozens": 24,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Quantity -> words that name it near a number. The first match within the window decides.
QUANTITIES = {
    "dead": ("killed", "killing", "dead", "died", "deaths", "death toll", "lives", "victims", "bodies",
             "fatalities", "people died"),
    "wounded": ("wounded", "wounding", "injured", "injuring", "hurt", "casualties"),
    "arrested": ("arrested", "detained", "held"),
    "displaced": ("evacuated", "displaced", "homeless", "fled"),
    "money": ("dollars", "euros", "pounds", "$", "€", "£"),
    "percent": ("percent", "per cent", "%"),
    "ships": ("ships", "vessels"),
    "attacks": ("attacks", "bombings", "strikes"),
}
NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without",
                       "n't", "cannot", "denied", "denies", "deny", "rejected", "rejects", "false"})
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million|billion))?(?![\w.])"
    r"|\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?:[- ](one|two|three|four|five|six|"
    r"seven|eight|nine))?\b", re.IGNORECASE)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_MONTH = re.compile(r"\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_UNIT = re.compile(r"[\s-]+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|p\.?m|a\.?m|"
                   r"o'clock|km|kilomet|miles?|metres?|meters?|kg|tons?|tonnes?)\b")
WINDOW = 48  # characters either side of a number where its quantity's word may be


@dataclass(frozen=True)
class Figure:
    quantity: str
    value: float
    text: str
    rising: bool = False  # "rose to", "has climbed to", "now": the text reports a change
    at_least: bool = False  # "at least", "more than": a lower bound, which a larger figure updates

    def as_dict(self) -> dict:
        return {"quantity": self.quantity, "value": self.value, "text": self.text, "rising": self.rising,
                "at_least": self.at_least}


_RISING = re.compile(r"(rose|risen|rising|climbed|increased|jumped|grew|now|updated|revised)(\s+\w+){0,2}\s*$")
_AT_LEAST = re.compile(r"(at least|more than|over|upwards of|no fewer than)\s*$")


def _value(match: re.Match) -> float | None:
    if match.group(1):
        digits = match.group(1).replace(",", "")
        if _YEAR.match(digits) and not match.group(2):
            return None  # "since 2021" is a date, not a count
        value = float(digits)
        return value * MULTIPLIERS.get((match.group(2) or "").lower(), 1)
    word = match.group(3).lower()
    value = NUMBER_WORDS[word]
    if match.group(4):
        value += NUMBER_WORDS[match.group(4).lower()]
    return float(value)


def figures(text: str) -> list[Figure]:
    """The counted figures of a claim: number + the quantity named beside it ("at least 14
    people ... killing" -> dead 14); numbers with no known quantity nearby are left out."""
    found = []
    lowered = text.lower()
    for match in _NUMBER.finditer(text):
        value = _value(match)
        if value is None or match.group(3) and match.group(3).lower() == "one" and not match.group(4):
            continue  # "one" is too often a pronoun ("one of them") to count
        if _MONTH.match(lowered[match.end():]) or _UNIT.match(lowered[match.end():]):
            continue  # "on 2 March" is a date, "twelve days after" a time
        quantity = _quantity(lowered[max(0, match.start() - WINDOW): match.start()],
                             lowered[match.end(): match.end() + WINDOW])
        if quantity:
            before = lowered[max(0, match.start() - 30): match.start()]
            found.append(Figure(quantity, value, match.group(0), rising=bool(_RISING.search(before)),
                                at_least=bool(_AT_LEAST.search(before))))
    return found


def _quantity(before: str, after: str) -> str | None:
    """The quantity whose word is nearest the number, on either side (within the window)."""
    best = None
    for quantity, words in QUANTITIES.items():
        for w in words:
            at = after.find(w)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, quantity)
            at = before.rfind(w)
            if at >= 0:
                distance = len(before) - at - len(w)
                if best is None or distance < best[0]:
                    best = (distance, quantity)
    return best[1] if best else None


def polarity(text: str, status: str) -> int:
    """-1 when the claim is negated in its own words or denied by its asserter, 0 for a
    question, else 1.

    A denied claim whose text keeps its own negation ("had nothing to do with it", denied) is
    still negative: the text says the negative thing, the status only says someone said it.
    """
    words = {w.lower() for w in re.findall(r"[\w']+|n't", text)}
    negated = bool(words & NEGATIONS)
    if status == "questioned" or text.rstrip().endswith("?"):
        return 0  # a question affirms nothing and negates nothing
    if status == "denied":
        return -1
    return -1 if negated else 1


def conflicting_figures(a: list[dict], b: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of figures of the same quantity with different values."""
    return [(x, y) for x in a for y in b if x["quantity"] == y["quantity"] and x["value"] != y["value"]]


def compatible_figures(a: list[dict], b: list[dict]) -> bool:
    return not conflicting_figures(a, b)


def is_update(earlier: dict, later: dict) -> bool:
    """The later figure updates the earlier rather than disputing it: its text reports a rise
    ("rose to 17"), or the earlier was a lower bound ("at least 14") that the later exceeds."""
    if later.get("rising"):
        return True
    return bool(earlier.get("at_least")) and later["value"] > earlier["value"]


def same_count(a: list[dict], b: list[dict]) -> bool:
    """Both count something, and every count of one is a count of the other (same quantity,
    same value): "the death toll rose to 17" and "the bombing that killed 17 people"."""
    if not a or not b:
        return False
    pairs_a = {(x["quantity"], x["value"]) for x in a}
    pairs_b = {(x["quantity"], x["value"]) for x in b}
    return pairs_a == pairs_b
