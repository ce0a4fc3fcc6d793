"""Rule checks that veto a claim match: different figures, opposite polarity, other entities.

A sentence encoder puts "nine killed in the blast" next to "eleven killed in the blast" and
"X was involved" next to "X was not involved": the words are almost the same. These checks
read what the encoder blurs. Each returns True when the two texts cannot state the same
proposition; the claim matcher (`ledger.claim_match`) never matches such a pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
NUMBER_WORDS = frozenset(w[:6] for w in [*UNITS, *TENS, *SCALES])
# "one" is a number only before a noun-ish word it quantifies; as a pronoun ("one of them",
# "no one") it would give false figure conflicts, so it counts only next to another figure word.
WEAK_NUMBER_WORDS = {"one"}

NUMBER_TOKEN = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|[A-Za-z]+(?:-[A-Za-z]+)?", re.UNICODE
)
SCALE_AFTER = re.compile(r"\s*(hundred|thousand|million|billion|trillion|mln|bn|tn|m|b)\b", re.I)

NEGATION_CUES = frozenset(
    """not never no nobody none nothing neither nor cannot without deny denies denied denying
    nowhere""".split()
)
NEGATION = re.compile(r"\b(?:" + "|".join(sorted(NEGATION_CUES)) + r")\b|n't\b|n’t\b", re.I)
CLAUSE_END = re.compile(r"[,;:.!?()]|\s(?:but|and|while|although|because)\s")
# "no" before a figure or an abbreviation point ("No. 2", "no 10 Downing Street") is not a negation.
NOT_NEGATION = re.compile(r"\bno\.?\s*\d|\bNo\.", re.I)

# Capitalised words that start sentences or are generic, not names.
NOT_NAMES = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here
    but and or so if when while after before as at in on of for to by with from mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december however also yesterday today
    tomorrow last next new no not jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed
    thu fri sat sun""".split()
) | frozenset(UNITS) | frozenset(TENS)
_CAPS = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?[A-Z][\w.'’&-]*(?:\s+(?:of\s+)?[A-Z][\w.'’&-]*)*"
# Who says it is not what is said: "according to the BBC", "Byrne said", "said Williams" name
# the source of a claim, which the same claim may have from several.
ATTRIBUTION = re.compile(
    rf"\b[Aa]ccording\s+to\s+(?:the\s+)?{_CAPS}"
    rf"|{_CAPS}(?:,[^,]{{1,40}},)?\s+(?:said|says|told|reported|reports|added|stated|announced|noted|revealed)\b"
    rf"|\b(?:said|says|told|added)\s+(?:the\s+)?{_CAPS}(?=\s*(?:[,.;:]|$))"
)
INITIALS = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
NAME = re.compile(r"\b[A-Z][A-Za-z'’&.-]*[A-Za-z]\b|\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class Figure:
    value: float
    kind: str  # "percent", "money", "year" or "count"
    context: frozenset[str]  # content words just before and after it


def numbers(text: str) -> list[float]:
    """Figures in a text, as values: digits ("1,200", "2.5"), with scale words ("$2.5 billion",
    "3m"), and number words ("nine", "twenty-one", "three hundred"). Percent signs and
    currency symbols are dropped: "5%" and "5 percent" both give 5."""
    return [f.value for f in figures(text)]


def figures(text: str) -> list[Figure]:
    """The figures of `numbers`, each with its kind and the words around it."""
    spans: list[tuple[float, int, int]] = []
    words_run: list[str] = []
    run_span = [0, 0]

    def flush():
        if words_run and not (len(words_run) == 1 and words_run[0] in WEAK_NUMBER_WORDS):
            value = _words_value(words_run)
            if value is not None:
                spans.append((value, run_span[0], run_span[1]))
        words_run.clear()

    for m in NUMBER_TOKEN.finditer(text):
        if m.group(1):
            flush()
            value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
            end = m.end()
            scale = SCALE_AFTER.match(text, end)
            if scale:
                value *= SCALES[scale.group(1).lower()]
                end = scale.end()
            spans.append((value, m.start(), end))
            continue
        word = m.group(0).lower()
        parts = word.split("-")
        if all(p in UNITS or p in TENS or (p in SCALES and len(p) > 2) for p in parts) and (
            words_run or parts[0] in UNITS or parts[0] in TENS
        ):
            if words_run and not _continues(words_run[-1], parts[0]):
                flush()  # "ten, two homes" is two figures, "twenty-one" one
            if not words_run:
                run_span[0] = m.start()
            run_span[1] = m.end()
            words_run.extend(parts)
        elif word == "and" and words_run:
            continue  # "three hundred and twenty"
        else:
            flush()
    flush()
    return [Figure(value, _kind(text, start, end, value), _context(text, start, end))
            for value, start, end in spans]


def _kind(text: str, start: int, end: int, value: float) -> str:
    after = text[end : end + 9].lower()
    if after.startswith("%") or re.match(r"\s*(?:percent|per cent|pct)\b", after):
        return "percent"
    if re.search(r"[$£€¥]\s*$", text[max(0, start - 3) : start]) or re.match(
            r"\s*(?:dollars|euros|pounds|yen|cents)\b", after):
        return "money"
    digits = text[start:end]
    if digits.isdigit() and len(digits) == 4 and 1800 <= value <= 2100:
        return "year"
    return "count"


def _context(text: str, start: int, end: int) -> frozenset[str]:
    from claimscope.ledger.overlap import content_words

    before = [w for w in content_words(text[max(0, start - 40) : start]) if w not in NUMBER_WORDS and not w[0].isdigit()][-2:]
    after = [w for w in content_words(text[end : end + 50]) if w not in NUMBER_WORDS and not w[0].isdigit()][:3]
    return frozenset(before + after)


def _continues(previous: str, word: str) -> bool:
    """Whether `word` extends a number-word run ending in `previous` ("twenty" + "one",
    "three" + "hundred", "hundred" + "five"), rather than starting a new figure."""
    if word in SCALES:
        return True
    if previous in TENS:
        return word in UNITS
    return previous in SCALES and (word in UNITS or word in TENS)


def _words_value(words: list[str]) -> float | None:
    total, current = 0.0, 0.0
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        else:
            return None
    return total + current


def _same_figure(a: float, b: float) -> bool:
    # Rounding in reporting ("$2.5 billion" / "$2.48 billion") is not a different figure.
    return abs(a - b) <= 0.02 * max(abs(a), abs(b))


def figures_differ(a: str, b: str) -> bool:
    """True when the texts give different figures for what looks like the same quantity.

    A figure of each text that the other lacks, of the same kind (count, money, percent,
    year), either sharing a neighbouring word ("nine killed" / "eleven killed", "14,000
    customers" / "38,000 customers") or being the only figure of that kind on both sides
    ("a toll of nine" / "the toll rose to eleven"). A figure only one text gives ("nine killed"
    / "nine killed on 3 May") is extra detail, not a different claim.
    """
    fa, fb = figures(a), figures(b)
    only_a = [x for x in fa if not any(_same_figure(x.value, y.value) for y in fb)]
    only_b = [y for y in fb if not any(_same_figure(x.value, y.value) for x in fa)]
    for x in only_a:
        for y in only_b:
            if x.kind != y.kind:
                continue
            alone = sum(f.kind == x.kind for f in fa) == 1 and sum(f.kind == y.kind for f in fb) == 1
            if alone or x.context & y.context:
                return True
    return False


def negated(text: str) -> bool:
    """True when the text carries a negation cue: not, n't, never, no, nobody, none, nothing,
    neither, nor, cannot, without, deny/denies/denied, nowhere ("No. 2" is not one)."""
    cleaned = NOT_NEGATION.sub(" ", text)
    return bool(NEGATION.search(cleaned))


def negation_scopes(text: str) -> list[frozenset[str]]:
    """For each negation cue, the content words right after it (what is negated): "X was not
    involved in the attack" -> {involv, attack}."""
    from claimscope.ledger.overlap import content_words

    cleaned = NOT_NEGATION.sub(" ", text)
    # The scope ends with the clause: "who did not testify, was cleared" negates "testify" only.
    return [frozenset(content_words(CLAUSE_END.split(cleaned[m.end() : m.end() + 60])[0])[:3])
            for m in NEGATION.finditer(cleaned)]


def polarity_differs(a: str, b: str) -> bool:
    """True when one text negates what the other asserts ("X was involved" / "X was not
    involved"): one is negated, the other is not, and a word the negation governs (one of the
    three content words after the cue) occurs in the other text. Two negated wordings
    ("denied taking part" / "did not take part") agree, and a negation of something the other
    text does not mention ("Scruggs, who did not testify, was cleared") is extra detail."""
    from claimscope.ledger.overlap import content_words

    if negated(a) == negated(b):
        return False
    negative, positive = (a, b) if negated(a) else (b, a)
    other = set(content_words(positive))
    return any(scope & other for scope in negation_scopes(negative)) or not any(negation_scopes(negative))


def names(text: str, *, opening: bool = False) -> set[str]:
    """Capitalised words that look like names, normalised ("Amrozi", "Safeway", "NATO";
    "Spitzer's" -> "spitzer", "U.S." -> "us"), leaving out the source of an attribution
    ("according to the BBC", "Byrne said"). The text's first word is capitalised anyway, so it
    counts only when it is an acronym, or when `opening` is set."""
    out = set()
    first = len(text) - len(text.lstrip())
    text = ATTRIBUTION.sub(lambda m: " " * len(m.group(0)), text)  # same length: offsets hold
    for m in NAME.finditer(text):
        if not opening and m.start() == first and not m.group(0).isupper():
            continue
        word = re.sub(r"['’]s$", "", m.group(0).lower())
        word = re.sub(r"['’.]", "", word)
        if word in NOT_NAMES or len(word) < 2:
            continue
        out.update(w for w in word.split("-") if len(w) > 1 and w not in NOT_NAMES)
    # "Prime Minister" also answers to "PM", "United Nations" to "UN".
    for m in INITIALS.finditer(text):
        words = [w for w in m.group(0).split() if w.lower() not in NOT_NAMES]
        if len(words) > 1:
            out.add("".join(w[0] for w in words).lower())
    return out


def _related_names(a: set[str], b: set[str]) -> bool:
    # "Iraq" / "Iraqi", "BusinessWeek" / "Business": one name the start of the other.
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b if min(len(x), len(y)) >= 3) \
        or bool(a & b)


def entities_differ(a: str, b: str, entities_a: Iterable[str] | None = None,
                    entities_b: Iterable[str] | None = None) -> bool:
    """True when both texts name someone or something and share none of it.

    With entity ids (the ledger passes the resolved ids of each claim's entities) the ids are
    compared; otherwise the capitalised names (`names`), where a text's opening word may
    still be the name the other text gives ("Byrne says ..." / "..., Byrne said") and a name
    that begins another ("Iraq" / "Iraqi") counts as shared. A pair where one side names
    nobody ("he said the plant was closed") is not vetoed: the name may be a pronoun there.
    """
    if entities_a is not None and entities_b is not None:
        ea, eb = set(entities_a), set(entities_b)
        if ea and eb:
            return not (ea & eb)
    na, nb = names(a), names(b)
    if not na or not nb:
        return False
    return not _related_names(names(a, opening=True), names(b, opening=True))


def veto(a: str, b: str, entities_a: Iterable[str] | None = None,
         entities_b: Iterable[str] | None = None) -> str | None:
    """The first check that rules the pair out ("figures", "polarity", "entities"), or None."""
    if figures_differ(a, b):
        return "figures"
    if polarity_differs(a, b):
        return "polarity"
    if entities_differ(a, b, entities_a, entities_b):
        return "entities"
    return None
