"""Names as the entity-linking rules compare them: normalised keys, person-name parts, spellings.

Everything here is a pure function of strings, so each rule in `entity_links` reads as one line
over these. The word lists are small and written out, so a user can see exactly what is stripped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Leading words dropped from person names: honorifics and the office titles reporters put before
# a name ("Interior Minister Mirela Oskarsen"). Only leading, and never the last word left.
HONORIFICS = frozenset("""
mr mrs ms miss mx dr sir dame lord lady prof professor rev reverend fr father
president vice senator sen rep representative congressman congresswoman gov governor
gen general col colonel lt capt captain sgt adm admiral secretary minister prime deputy
interior foreign defence defense finance chancellor king queen prince princess judge justice
mayor chief ambassador former candidate nominee police director
""".split())
# Words that belong to the surname that follows them ("Bill de Blasio", "Ludwig van Beethoven").
PARTICLES = frozenset("de da di du del della dos van von der den ter la le al el bin ibn ben st".split())
# Generational suffixes: "Donald Trump Jr." is not Donald Trump, so a suffix must agree.
SUFFIXES = frozenset("jr sr ii iii iv".split())
# Short forms of given names that English news uses for the same person (Bill Clinton is
# William Jefferson Clinton). Each set is one name; a name may sit in only one set.
NICKNAMES = [
    {"william", "bill", "billy", "will"}, {"robert", "bob", "bobby", "rob"},
    {"michael", "mike"}, {"joseph", "joe"}, {"timothy", "tim"}, {"thomas", "tom"},
    {"james", "jim", "jimmy"}, {"richard", "dick", "rick"}, {"christopher", "chris"},
    {"daniel", "dan"}, {"david", "dave"}, {"edward", "ed", "ted"}, {"leonard", "len"},
    {"lawrence", "larry"}, {"charles", "chuck", "charlie"}, {"elizabeth", "liz", "beth"},
    {"katherine", "kate", "kathy"}, {"nicholas", "nick"}, {"anthony", "tony"},
    {"samuel", "sam"}, {"steven", "stephen", "steve"}, {"alexander", "alex"},
]
_NICK = {name: i for i, group in enumerate(NICKNAMES) for name in group}

# Transliteration spellings folded to one form, in this order (Zhirinovskiy -> zhirinovsky,
# Aleksei -> alexey, Khodorkovsky -> hodorkovsky, Sophia -> sofia). Double letters fold last.
_FOLDS = [
    (re.compile(r"ks"), "x"), (re.compile(r"ph"), "f"), (re.compile(r"kh"), "h"),
    (re.compile(r"ck"), "k"), (re.compile(r"(iy|ii|yi|yy)$"), "y"), (re.compile(r"ei$"), "ey"),
    (re.compile(r"(.)\1"), r"\1"),
]
# The letters transliterations disagree on (Belkovskiy/Belkovsky, Hezbollah/Hizbollah,
# Muammar/Moammar). A spelling variant differs from the other spelling only in one of these.
SOFT_LETTERS = frozenset("aeiouyjh")
MIN_VARIANT_LENGTH = 6  # "Jon" and "John" are two names; a one-letter slip needs a long word


# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                          "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th",
                          "ı": "i", "\u2019": "'", "\u2018": "'"})


def _ascii(text: str) -> str:
    text = text.translate(_LETTERS)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


# "Republic of Kestria" is Kestria, "State of Israel" Israel (GPE names only).
STATE_FORMS = frozenset({("republic", "of"), ("kingdom", "of"), ("state", "of"), ("commonwealth", "of")})
# Trailing words that do not change which organisation is meant ("Civic Renewal party").
ORG_DESIGNATORS = frozenset("party inc ltd llc plc corp corporation co".split())
# Words an acronym skips ("International Monetary Fund" is IMF, "Bank of England" BoE).
ACRONYM_SKIPS = frozenset("of the for and on in at de".split())
# Endings that make a nationality of a place name (Carvelia -> Carvelian, Iraq -> Iraqi).
DEMONYM_ENDINGS = ("ian", "an", "n", "ese", "i", "ish")


def acronym(name: str) -> str | None:
    """The acronym a name is written as (`IMF`, `U.N.`: capitals, 2 to 6 letters), else None."""
    letters = name.replace(".", "").replace(" ", "")
    return letters.lower() if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else None


def initials(parts: list[str]) -> str | None:
    """The initials of a name of at least two words that count ("democratic people republic
    korea" -> "dprk"), the form its acronym takes."""
    counted = [p for p in parts if p not in ACRONYM_SKIPS]
    return "".join(p[0] for p in counted) if len(counted) >= 2 else None


def demonym_places(key: str) -> list[str]:
    """The place names a nationality can be made from: "carvelian" -> "carvelia", "mexican" ->
    "mexico", "south korean" -> "south korea" (the last word changes, the others stay)."""
    *before, last = key.split()
    places = []
    for ending in DEMONYM_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            stem = last[: -len(ending)]
            places += [stem, stem + "a", stem + "ia", stem + "o"]
    return list(dict.fromkeys(" ".join([*before, p]) for p in places))


# Entity types that name places: NER gives one city GPE here, FAC or LOC there.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def type_family(type: str) -> str:
    """The type the rules compare: places are one family, every other type is its own."""
    return "PLACE" if type in PLACE_TYPES else type


@lru_cache(maxsize=1 << 18)  # a corpus repeats its names; the rules ask for each one many times
def words(name: str, type: str) -> tuple[str, ...]:
    """The words of a name as the rules compare them: lower case, no accents, no punctuation,
    no leading "the", no possessive "'s"; for people also no leading honorifics or titles.
    Hyphens inside a word stay ("Holtz-Eakin", however the tokenizer spaced it)."""
    text = _ascii(name)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    parts = [p.strip("-") for p in re.sub(r"[^a-z0-9\-]+", " ", text).split()]
    parts = [p for p in parts if p]
    while len(parts) > 1 and parts[0] == "the":
        parts = parts[1:]
    if type == "PERSON":
        while len(parts) > 1 and parts[0] in HONORIFICS:
            parts = parts[1:]
    elif type == "NORP":
        parts = [_group_word(p) for p in parts]
    elif type == "GPE" and len(parts) > 2 and tuple(parts[:2]) in STATE_FORMS:
        parts = parts[2:]
    elif type == "ORG" and len(parts) > 1 and parts[-1] in ORG_DESIGNATORS:
        parts = parts[:-1]
    return tuple(parts)


def _group_word(word: str) -> str:
    """One form for a group's name: "Democrats", "Democrat" and "Democratic" are one group."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 6 and word.endswith("ic"):
        word = word[:-2]
    return word


def name_key(name: str, type: str) -> str:
    """The normalised name: `words` joined by spaces ("The Morning Ledger" -> "morning ledger")."""
    return " ".join(words(name, type))


def fold_spelling(word: str) -> str:
    """One spelling for the transliterations of a word (the `_FOLDS` table, in order)."""
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


def skeleton(word: str) -> str:
    """The folded word without its soft letters: two spelling variants share it (an index key)."""
    return "".join(c for c in fold_spelling(word) if c not in SOFT_LETTERS)


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one word: equal once folded, or (both at least six letters) one soft
    letter added, dropped or swapped for another, never a change of first letter."""
    fa, fb = fold_spelling(a), fold_spelling(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < MIN_VARIANT_LENGTH or fa[0] != fb[0]:
        return False
    if len(fa) == len(fb):
        diff = [(x, y) for x, y in zip(fa, fb) if x != y]
        return len(diff) == 1 and diff[0][0] in SOFT_LETTERS and diff[0][1] in SOFT_LETTERS
    if abs(len(fa) - len(fb)) != 1:
        return False
    longer, shorter = (fa, fb) if len(fa) > len(fb) else (fb, fa)
    return any(longer[i] in SOFT_LETTERS and longer[:i] + longer[i + 1:] == shorter
               for i in range(len(longer)))


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts. `first` is None for a surname alone ("Varga")."""

    first: str | None
    middles: tuple[str, ...]
    surname: str
    suffix: str | None = None

    @property
    def is_full(self) -> bool:
        """A given name (or its initial) and a surname."""
        return self.first is not None


def is_initial(word: str | None) -> bool:
    return word is not None and len(word) == 1


@lru_cache(maxsize=1 << 18)
def parse_person(name: str) -> PersonName | None:
    """First word is the given name, last word (with its particles) the surname, the rest middle
    names; a generational suffix is kept apart. One word alone is a surname."""
    parts = words(name, "PERSON")
    suffix = None
    if len(parts) > 1 and parts[-1] in SUFFIXES:
        suffix, parts = parts[-1], parts[:-1]
    if not parts:
        return None
    if len(parts) == 1:
        return PersonName(None, (), parts[0], suffix)
    cut = len(parts) - 1
    while cut > 1 and parts[cut - 1] in PARTICLES:
        cut -= 1
    return PersonName(parts[0], tuple(parts[1:cut]), " ".join(parts[cut:]), suffix)


def given_names_agree(a: str, b: str) -> bool:
    """Two given names that can be one person's: the same name (up to spelling or a common short
    form: Bill / William, Len / Leonard), or an initial and a name it begins."""
    if is_initial(a) or is_initial(b):
        return a[0] == b[0]
    if spelling_variants(a, b):
        return True
    return a in _NICK and _NICK[a] == _NICK.get(b)


def surnames_agree(a: str, b: str) -> bool:
    """Two surnames that can be one person's: equal, or spelling variants word by word."""
    wa, wb = a.replace("-", " ").split(), b.replace("-", " ").split()
    return len(wa) == len(wb) and all(spelling_variants(x, y) for x, y in zip(wa, wb))


def persons_agree(a: PersonName, b: PersonName) -> bool:
    """Nothing in two person names contradicts one person: surnames agree, given names agree
    where both have one, and so do the first middle names; two full names need equal suffixes
    (a surname alone may mean the "Jr." as well)."""
    if not surnames_agree(a.surname, b.surname):
        return False
    if a.first and b.first and a.suffix != b.suffix:
        return False
    if a.first and b.first and not given_names_agree(a.first, b.first):
        return False
    if a.middles and b.middles and not given_names_agree(a.middles[0], b.middles[0]):
        return False
    return True


def names_are_variants(a: list[str], b: list[str]) -> bool:
    """Two multi-word names spelled two ways: as many words, each a spelling variant."""
    return len(a) == len(b) and a != b and all(spelling_variants(x, y) for x, y in zip(a, b))
