"""The forms one entity's name takes in a text, as keys that make them meet.

A text names a group as "Buddhists" and "Buddhist", a country by its demonym ("Kenyan" beside
"Kenya"), a ministry as "Department of Agriculture" and "Agriculture Department", a company as
"Brennock Bank Holding Company" and then "Brennock", a person as "Marianne Okafor" and then
"Marianne". The entity linker (nlp/entities.py) asks this module for the keys under which a
later short form finds the fuller one; every key here is derived from the name itself, not
from a list of names.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).parent / "lexicons" / "entities.json"

# Endings of a demonym and what the country name ends with in their place: "Kenyan" -> "Kenya",
# "Iranian" -> "Iran", "Sudanese" -> "Sudan", "Iraqi" -> "Iraq", "Mexican" -> "Mexico",
# "Italian" -> "Italy", "Canadian" -> "Canada". Tried longest first.
_DEMONYM_ENDINGS = (("ians", ("", "a", "y")), ("ian", ("", "a", "y")), ("ans", ("", "a", "o")),
                    ("an", ("", "a", "o")), ("ese", ("", "a")), ("is", ("",)), ("i", ("",)),
                    ("ns", ("",)), ("n", ("",)))


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    """A given name in gender-guesser's offline table ("Oleksandr", "Marianne")."""
    if not word[:1].isupper() or not word.isalpha() or len(word) < 2 or not word[1:].islower():
        return False  # a given name is capitalised, not an acronym ("GE Power")
    if word.lower() in _not_given_names():
        return False  # the table also lists "General", "Major", "Bank" as given names
    return _detector().get_gender(word) != "unknown"


@lru_cache(maxsize=1)
def _fixed_genders() -> dict[str, str]:
    # the speaker resolver's corrections of the table ("Bernie" is mostly female there)
    path = Path(__file__).parent / "lexicons" / "speakers.json"
    return json.loads(path.read_text(encoding="utf-8")).get("first_name_genders", {})


def first_name_gender(word: str) -> str | None:
    """'m', 'f' or None from the first-name table of gender-guesser (offline data), where the
    speaker resolver's lexicon (`first_name_genders`) does not say otherwise; "" there leaves a
    name that news gives to men and women alike of unknown gender."""
    fixed = _fixed_genders().get(word.lower())
    if fixed is not None:
        return fixed or None
    guess = _detector().get_gender(word)
    return "m" if guess in ("male", "mostly_male") else "f" if guess in ("female", "mostly_female") else None


# Honorifics that say a person's sex: "Mrs. Bush" is no man of the text named Bush.
HONORIFIC_GENDERS = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "madam": "f"}


@lru_cache(maxsize=1)
def _not_given_names() -> frozenset[str]:
    """Titles and corporate words: in a name they are never the given name."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return frozenset(data.get("person_titles", [])) | corporate_words()


def group_key(name: str) -> str:
    """One key for the singular, plural and adjective of a group: "Buddhists", "Buddhist";
    "Jews", "Jewish"; "Native Americans", "Native American"."""
    key = name.lower().strip()
    if key.endswith("ish") and len(key) > 5:
        return key[:-3]
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


def demonym_countries(name: str) -> list[str]:
    """The country names a demonym can come from, lower-cased ("kenyans" -> "kenya", ...)."""
    word = name.lower()
    if " " in word:
        # "North Korean", "South African": a place's first words and the demonym of its last
        head, _, last = word.rpartition(" ")
        return [f"{head} {c}" for c in demonym_countries(last)]
    irregular = _irregular_demonyms().get(word)
    if irregular:
        return [irregular]
    if len(word) < 5:
        return []
    out = []
    for ending, replacements in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out += [stem + r for r in replacements]
    return out


@lru_cache(maxsize=1)
def _irregular_demonyms() -> dict[str, str]:
    """"danish" -> "denmark": the lexicon's `irregular_demonyms`, lower-cased."""
    data = json.loads(LEXICON.read_text(encoding="utf-8")).get("irregular_demonyms", {})
    return {k.lower(): v.lower() for k, v in data.items() if k != "about"}


def department_key(words: list[str]) -> str | None:
    """"Department of Agriculture" and "Agriculture Department" are one name: both give
    "agriculture department". The same for Ministry, Office, Bureau and Agency."""
    lowered = [w.lower() for w in words]
    if lowered and lowered[0] in ("u.s.", "us"):
        lowered = lowered[1:]  # "US Department of Housing" is the Department of Housing
    for head in _OFFICE_HEADS:
        if len(lowered) >= 3 and lowered[0] == head and lowered[1] == "of":
            return " ".join(lowered[2:]) + " " + head
        if len(lowered) >= 2 and lowered[-1] == head and "of" not in lowered:
            return " ".join(lowered)
    return None


_OFFICE_HEADS = ("department", "ministry", "office", "bureau", "agency")


@lru_cache(maxsize=1)
def corporate_words() -> frozenset[str]:
    """Words that follow a company's own name ("Bank", "Holding", "Labs"): the lexicon's
    `corporate_words`. A name made of one word and these is known by that word alone."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data.get("corporate_words", []))


def short_company_name(words: list[str]) -> str | None:
    """"Brennock Bank Holding Company" -> "brennock"; None where the rest is not generic."""
    rest = [w.lower().strip(".,") for w in words[1:]]
    if len(words) >= 2 and words[0][:1].isupper() and rest and all(w in corporate_words() for w in rest):
        return words[0].lower()
    return None


@lru_cache(maxsize=1)
def list_heads() -> dict[str, str]:
    """Lemma of a list's head noun -> the type of the names it lists ("company" -> ORG in
    "telecom companies including Verizon"), from the lexicon's `list_heads`."""
    data = json.loads(LEXICON.read_text(encoding="utf-8")).get("list_heads", {})
    return {word: kind for kind, words in data.items() if kind != "about" for word in words}


@lru_cache(maxsize=1)
def type_heads() -> dict[str, str]:
    """Head word -> type ("Base" -> FAC), from the lexicon's `type_heads`."""
    data = json.loads(LEXICON.read_text(encoding="utf-8")).get("type_heads", {})
    return {word: kind for kind, words in data.items() if kind != "about" for word in words}


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """Titles written short, lower case and without their dot ("gov", "sen", "lt. col";
    lexicon `title_abbreviations`)."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data.get("title_abbreviations", []))


@lru_cache(maxsize=1)
def us_state_codes() -> frozenset[str]:
    """The two-letter postal codes of US states and territories (lexicon `us_state_codes`)."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return frozenset(data.get("us_state_codes", []))


@lru_cache(maxsize=1)
def us_state_names() -> dict[str, str]:
    """Postal code -> state name (lexicon `us_state_names`): "TX" -> "Texas"."""
    data = json.loads(LEXICON.read_text(encoding="utf-8")).get("us_state_names", {})
    return {k: v for k, v in data.items() if k != "about"}


@lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """A state's news-style abbreviation -> its name (lexicon `us_state_abbreviations`):
    "Pa." -> "Pennsylvania", written after a town ("Harrisburg, Pa.")."""
    data = json.loads(LEXICON.read_text(encoding="utf-8")).get("us_state_abbreviations", {})
    return {k: v for k, v in data.items() if k != "about"}


@lru_cache(maxsize=1)
def _tribe_words() -> frozenset[str]:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return frozenset(data.get("tribe_words", []))


def tribe_words() -> frozenset[str]:
    """Words after a people's name ("Nation", "Tribe", "Band"): the lexicon's `tribe_words`."""
    return _tribe_words()


_FRONT_HEADS = {"Fort", "Camp"}
# Heads of a news outlet's name: without them the name is another body, the network or the
# owner ("NBC" is not "NBC News", "Fox" not "Fox News")
_OUTLET_HEADS = {"news", "times", "post", "journal", "live", "network", "channel", "radio", "press",
                 "media", "magazine", "digital"}


def short_forms(words: list[str], kind: str) -> list[str]:
    """The shorter names a text may use for an organisation, facility or people, lower-cased:
    the name without trailing head words ("Navajo Nation" -> "navajo", "Ways and Means
    Committee" -> "ways and means", "Luke Air Force Base" -> "luke air") and a base without
    "Fort" or "Camp" ("Fort Kellam" -> "kellam"), and a body "X of Y" by its first word.
    The caller keeps a key only when one name gives it ("House" for both the House of
    Commons and the House of Lords names neither)."""
    # (not a law's or an event's head: "Obama Doctrine" and "Iowa Caucus" give no "Obama", "Iowa")
    heads = {w for w, t in type_heads().items() if t not in ("LAW", "EVENT")}
    generic = ({w.lower() for w in _tribe_words() | heads} | corporate_words()) - _OUTLET_HEADS
    out = []
    for k in range(len(words) - 1, 0, -1):
        if not all(w.lower() in generic for w in words[k:]):
            break
        rest = words[:k]
        if rest[-1].lower() in ("of", "and", "the", "for", "&") or not rest[0][:1].isupper():
            break
        out.append(" ".join(rest).lower())
    if kind in ("FAC", "ORG") and len(words) >= 2 and words[0] in _FRONT_HEADS and words[1][:1].isupper():
        out.append(" ".join(words[1:]).lower())
    if kind == "ORG" and len(words) >= 3 and words[1] == "of" and words[0][:1].isupper():
        out.append(words[0].lower())  # "the House" for the House of Representatives
    return out
