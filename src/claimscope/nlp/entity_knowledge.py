"""Offline world knowledge for entity typing: what a name is, whatever the tagger said.

The statistical tagger types a name from the words around it, and it gets names wrong that
any reader knows: "Al Jazeera" is a news channel, not a person; "the House" is a chamber, not a
place; "Islam" and "Islamic" are one religion; "Herculean" and "Trojan horse" name nobody;
"John Moore/Getty Images" under a photo is a credit, not a person of the story. Surface rules
alone could not fix these (issue 9, entities5), so this module reads a hand-written lexicon
(nlp/lexicons/world.json: places, news outlets, chambers, movements, religions and groups,
eponymous adjectives, idioms, caption and credit labels, diseases, events) and gender-guesser's
offline table of given names. The entity linker (nlp/entities.py) asks it three things: is
this mention no entity at all, which mentions does a headline in capitals or two names run
together stand for, and what type does an entity get, with which others it is one thing.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from claimscope.nlp.entity_forms import (
    corporate_words,
    demonym_countries,
    is_first_name,
    type_heads,
    us_state_abbreviations,
    us_state_codes,
    us_state_names,
)
from claimscope.nlp.entity_mentions import line_text

LEXICON = Path(__file__).parent / "lexicons" / "world.json"

# Last words of a place's name: "Virginia Beach", "Chester County" are no person.
_PLACE_HEADS = {"City", "County", "Beach", "Springs", "Falls", "Island", "Islands", "Bay", "Valley",
                "Heights", "Park", "Lake", "Mountain", "Mountains", "River", "Hills", "Harbor", "Point",
                "Bend", "Village", "Town", "Township", "Parish", "Creek", "Coast", "Gulf", "Sea",
                "Ocean", "Strait", "Canal", "Peninsula", "Desert", "Forest", "Square", "Street",
                "Avenue", "Road", "Boulevard", "Hall", "House", "Senate", "Court", "Memorial", "Garden",
                "Gardens", "Harbour", "Monument", "Scouts", "Flights", "Chance", "Flag", "Air", "Vista",
                "Hook", "Project", "Action", "Initiative", "Fund"}
# Given names in gender-guesser's table that are also common words or name parts of places
# and things ("Boy Scouts", "Sandy Hook", "Rose Garden", "San Juan"): no sign of a person.
_WORD_GIVEN_NAMES = {"The", "Boy", "Fair", "Honor", "Red", "Rose", "Bel", "Pen", "Jan", "San", "Santa",
                     "Liberty", "Pearl", "Cliff", "Prince", "Cato", "Sandy", "Isla", "Sierra", "Grace",
                     "Hope", "Faith", "Joy", "Star", "Sun", "Young", "Rich", "Major", "Art", "Guy", "Rocky",
                     "Sunny", "Royal", "King", "Golden", "Lucky", "Summer", "Autumn", "Winter", "Spring",
                     "Dawn", "Eve", "Forest", "River", "Hunter", "Chase", "Page", "Long", "Blue", "Gray",
                     "Grey", "Green", "Black", "White", "Brown", "Ivory", "Crystal", "Diamond", "Ruby",
                     "Jade", "Amber", "Coral", "Olive", "Iris", "Lily", "Daisy", "Holly", "Ivy", "Heather",
                     "Violet", "Van", "Del", "Los", "Las", "El", "La", "Le", "De", "Lafayette", "Viet",
                     "Justice", "Freedom", "Victory", "Unity", "Harmony", "Patience", "Constance", "Noble"}
# Words before a given name alone that say it is a person: "his daughter Ivanka".
_KIN_WORDS = {"daughter", "son", "wife", "husband", "brother", "sister", "mother", "father", "mom",
              "dad", "niece", "nephew", "cousin", "uncle", "aunt", "grandson", "granddaughter",
              "friend", "girlfriend", "boyfriend", "fiancé", "fiancee", "widow", "stepson",
              "stepdaughter"}
_PERSON_TYPES_FROM = ("GPE", "ORG", "NORP", "PRODUCT", "FAC", "LOC")
# Last words that make a place of a name the tagger called a person, when its first word is
# no plain given name ("Sandy Hook", "Lafayette Park") or the text reads it as a place ("flew to
# Victoria Falls"). Heads that are also common surnames ("Bay", "Lake", "Hall") are left out:
# "Michael Bay" is a person.
_PLACE_LAST = {"Falls", "Heights", "Square", "Springs", "County", "City", "Township", "Village", "Hook",
               "Park", "Beach", "Island", "Valley", "Creek", "Harbor", "Gardens"}
_SAFE_PLACE_LAST = {"Falls", "Heights", "Square", "Springs", "County", "City", "Township"}
# Last words of a school's name: "Georgia Tech", "Liberty University" are bodies, no persons.
_SCHOOL_LAST = {"Tech", "University", "College", "Institute", "Academy", "Polytechnic"}
# Words before a surname alone that say it is a person's: "Ms. Sanders", "Sen. Gabbard".
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "mr.", "mrs.", "ms.", "dr.", "sen.",
               "rep.", "gov."}
_STORM_WORDS = {"Cyclone", "Hurricane", "Typhoon", "Superstorm"}



@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(LEXICON.read_text(encoding="utf-8"))


def version() -> str:
    return lexicon()["version"]


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    data = lexicon()
    return frozenset(data["places"]) | frozenset(data["regions"])


@lru_cache(maxsize=1)
def _outlet_of() -> dict[str, str]:
    """Each written form of an outlet (lower case, without "the") -> the outlet's name."""
    out: dict[str, str] = {}
    for name, forms in lexicon()["outlets"].items():
        for form in [name, *forms]:
            out.setdefault(_bare(form), name)
    return out


@lru_cache(maxsize=1)
def _religion_of() -> dict[str, str]:
    return {form.lower(): name for name, forms in lexicon()["religions"].items() for form in forms}


@lru_cache(maxsize=1)
def _lowered(key: str) -> frozenset[str]:
    return frozenset(_bare(w) for w in lexicon()[key])


def _bare(name: str) -> str:
    low = name.lower().strip()
    return low[4:] if low.startswith("the ") else low


def is_place(name: str) -> bool:
    return name in _places()


def is_group_word(name: str) -> bool:
    """A people's, a faith's or a movement's name the lexicon knows ("Hispanics", "Catholics",
    "Liberals", "Proud Boys"), or a demonym of a place it knows ("Kenyans")."""
    bare = _bare(name)
    return bare in _religion_of() or bare in _lowered("groups") or bare in _lowered("movements") \
        or any(is_place(c.title()) for c in demonym_countries(name))


def outlet_of(name: str) -> str | None:
    bare = _bare(name)
    if bare.endswith(" news agency"):
        bare = bare[:-len(" news agency")]  # "AFP news agency", "Reuters News Agency": the agency
    return _outlet_of().get(bare)


# ---- mentions that are no entity ---------------------------------------------------------

def is_not_an_entity(span: Span) -> bool:
    """A mention that names nothing of the story: an eponymous adjective ("Herculean"), the
    name in an idiom ("Trojan" of "Trojan horse"), a caption or credit label ("Photo",
    "Getty Images", "AFP/Getty Images"), a disease ("COVID-19"), a name in a work's title."""
    data = lexicon()
    text = span.text
    if text in data["eponyms"] or (len(span) == 1 and text.lower().endswith("esque")):
        return True
    after = span.doc[span.end:span.end + 2]
    if "More Videos" in text or (span[-1].text == "Replay" and [t.text for t in after] == ["More", "Videos"]):
        return True  # "Tea Party Replay More Videos": a video player's buttons run into a name
    if "://" in text or text.lower().startswith("www.") or "t.co/" in text:
        return True  # a link the tagger took for a body
    if _bare(text) in _lowered("captions") or text in data["diseases"] or _bare(text) in _lowered("markings"):
        return True
    if _bare(text.strip("“”\"‘’")) in _lowered("epithets"):
        return True  # "Fake News Media", "the Gipper": a nickname or a slogan, no body of the story
    return _in_idiom(span) or _is_credit(span) or _in_work_title(span)


# Nouns before the title of a book, a film or a show ("the film Gone with the Wind").
_WORK_WORDS = {"book", "film", "movie", "novel", "memoir", "documentary", "sitcom", "song", "album",
               "musical", "bestseller", "episode", "podcast", "essay", "poem", "opera"}
_TITLE_SMALL = {"a", "an", "the", "of", "with", "to", "and", "in", "on", "for", "at", "from"}


def is_known_person(name: str) -> bool:
    """A surname the world lexicon knows as a person's (`persons`: "Trump", "Biden")."""
    return name in lexicon()["persons"]


def inside_outlet_name(span: Span) -> bool:
    """"USA" of "USA TODAY", "Russia" of "Russia Today", "America" of "Al Jazeera America": a
    name that is part of a news outlet's name, with the words around it, is no mention of the
    place or the body it names alone. A name that is itself the outlet ("NBC" before "News")
    stays a mention."""
    doc = span.doc
    own = outlet_of(span.text)
    for before in range(0, 3):
        for after in range(0, 3):
            if (before or after) and span.start - before >= 0 and span.end + after <= len(doc):
                longer = doc[span.start - before:span.end + after]
                if "\n" not in longer.text and not any(t.is_lower for t in longer) \
                        and outlet_of(longer.text) not in (None, own):
                    return True  # "CBS news program" is CBS: an outlet's name has no word in lower case
    return False


# What a byline line may hold beside the outlet's name: "Special to USA TODAY", "USA TODAY Sports"
_BYLINE_WORDS = {"", "special to", "sports", "staff", "for"}


def is_byline_outlet(span: Span) -> bool:
    """"BBC News", "USA TODAY" on a line of its own under the author's name: the byline says
    who published the article, it is no body the article is about (issue 9's audit: a byline's
    "BBC News" stood apart from the story's "BBC"; a network and its news division stay two
    bodies, docs/entity-linking.md)."""
    if outlet_of(span.text) is None:
        return False
    line = line_text(span)
    return span.text in line and line.replace(span.text, "", 1).strip().lower() in _BYLINE_WORDS


def _in_work_title(span: Span) -> bool:
    """"the film Gone with the Wind", "his book Fire and Fury": a name inside the title of a
    work, right after the noun for the work, is no person or body of the story (a work's title
    is not a kind kept). The title opens with a capital ("a series of Senate votes" is none)."""
    doc = span.doc
    i = span.start
    while i > 0 and span.start - i < 8 and (doc[i - 1].is_title or doc[i - 1].lower_ in _TITLE_SMALL):
        i -= 1
    while i < span.start and not doc[i].is_title:
        i += 1  # the title's first word is capitalised
    before = doc[i - 1] if i > 0 else None
    return before is not None and before.is_lower and (
        (before.lower_ in _WORK_WORDS and before.pos_ == "NOUN") or before.lower_ in ("titled", "entitled"))


def _in_idiom(span: Span) -> bool:
    rest = span.doc.text[span.start_char:]
    for idiom in lexicon()["idioms"]:
        if idiom.startswith(span.text) and rest[:len(idiom)].lower() == idiom.lower() and (
                len(rest) == len(idiom) or not rest[len(idiom)].isalpha()):
            return True
    return False


def _is_credit(span: Span) -> bool:
    """"AFP/Getty Images", "Reuters/File": an agency's name in a photo credit labels the
    photo, it is no body of the story. The photographer ("John Moore/Getty Images") is a
    person and stays one (entities5's rule)."""
    doc = span.doc
    agencies = set(lexicon()["credit_agencies"])
    if span.text not in agencies:
        return False
    after = doc[span.end:span.end + 2]
    before = doc[max(0, span.start - 2):span.start]
    return (len(after) == 2 and after[0].text == "/" and after[1].text in agencies) or (
        len(before) == 2 and before[1].text == "/" and before[0].text in agencies)


# ---- mentions a span stands for ------------------------------------------------------------

def headline_pieces(mentions, alias_of):
    """"MARK ZUCKERBERG TESTIFIES", "DEMS CONDEMN EL PASO MASS": a headline in capitals the
    tagger took for one name holds the names the body writes in mixed case. It becomes those
    names ("MARK ZUCKERBERG", "EL PASO"), or nothing when it is three words or more and none
    is a name of the text. `alias_of(span)` is the alias table's id for a span, if any."""
    known = {span.text.lower(): label for span, _, label in mentions if not span.text.isupper()}
    for span, _, label in mentions:  # a surname alone: "TRUMP" of "Donald Trump"
        if label == "PERSON" and len(span) >= 2 and not span.text.isupper() and span[-1].is_title:
            known.setdefault(span[-1].lower_, label)
    out = []
    for span, entry_id, label in mentions:
        words = [t for t in span if t.is_alpha]
        if entry_id is not None or len(words) < 2 or not span.text.isupper() or span.text.lower() in known:
            out.append((span, entry_id, label))
            continue
        pieces, i = [], span.start
        while i < span.end:
            for j in range(span.end, i, -1):
                piece = span.doc[i:j]
                found = alias_of(piece)
                if piece.text.lower() in known or (found and len(piece.text) > 2):
                    pieces.append((Span(span.doc, i, j, label=known.get(piece.text.lower(), label)), found,
                                   known.get(piece.text.lower(), label)))
                    i = j
                    break
            else:
                i += 1
        if pieces:
            out += pieces
        elif len(words) < 3:
            out.append((span, entry_id, label))
    return out


def run_together_names(mentions):
    """"Barletta Trump": two surnames the tagger ran into one name, each a person the text
    names elsewhere ("Lou Barletta", "Trump"), are two mentions. A given name first makes it
    one person's name ("Jordan Peterson")."""
    names: dict[str, int] = {}
    for span, _, label in mentions:
        if label == "PERSON" and span.text.replace(" ", "").isalpha():
            for t in (span[-1:] if len(span) >= 2 else span):
                names[t.text] = names.get(t.text, 0) + 1
    out = []
    for span, entry_id, label in mentions:
        if label == "PERSON" and entry_id is None and len(span) == 2 and span[0].is_title \
                and span[1].is_title and not is_first_name(span[0].text) \
                and names.get(span[0].text, 0) >= 1 and names.get(span[1].text, 0) >= 2:
            out += [(span[:1], None, "PERSON"), (span[1:], None, "PERSON")]
        else:
            out.append((span, entry_id, label))
    return out


# ---- the type of an entity, and forms of one thing ----------------------------------------

def _person_shaped(name: str) -> bool:
    """A given name and a surname: "Virginia Foxx", not "Virginia Beach" nor "Santa Fe"."""
    words = name.split()
    if not 2 <= len(words) <= 3 or is_place(name) or not is_first_name(words[0]) \
            or words[0] in _WORD_GIVEN_NAMES or is_place(words[0]):
        return False
    last = words[-1]
    if name in lexicon()["firms"]:
        return False  # "Morgan Stanley": a firm named after people
    return all(w.replace("-", "").replace("'", "").replace("’", "").isalpha() and w[:1].isupper() for w in words) \
        and last not in _PLACE_HEADS and last not in type_heads() and last.lower() not in corporate_words() \
        and not is_place(last) and outlet_of(name) is None


def _no_person(doc, entity) -> str | None:
    """The type of a tagger's two-word "person" that is a place or a body: a place's head last
    ("Sandy Hook", "Victoria Falls"), a school's ("Georgia Tech"), a team's nickname after a
    known place ("Orlando Magic")."""
    words = entity.name.split()
    if len(words) != 2 or not all(w.isalpha() and w[:1].isupper() for w in words):
        return None
    first, last = words
    plain_given = is_first_name(first) and first not in _WORD_GIVEN_NAMES and not is_place(first)
    if last in _PLACE_LAST and (not plain_given or (last in _SAFE_PLACE_LAST and read_as_place(doc, entity))):
        return "GPE"
    if last in _SCHOOL_LAST:
        return "ORG"
    if is_place(first) and last in lexicon()["team_nicknames"]:
        return "ORG"
    return None


def _state_word(token) -> bool:
    """A US state's name, postal code or news-style abbreviation ("Pennsylvania", "PA", "Pa.")."""
    return is_place(token.text) and token.text in us_state_names().values() \
        or token.text in us_state_codes() or token.text in us_state_abbreviations()


def _town_of_state(doc, entity) -> bool:
    """"Glen Vesey, N.J.", "in Marlow Creek, Pa.": a name written before a comma and a US
    state is the town, however the tagger typed it (issue 9, fresh4: small towns typed
    persons). Every mention is the whole name (a person's surname alone would join it), none
    follows a title or an honorific, and the state ends the name's phrase."""
    words = entity.name.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    # after a person's given name a postal code may be a degree ("Michael Hole, MD")
    given = is_first_name(words[0]) and words[0] not in _WORD_GIVEN_NAMES
    found = False
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.text != entity.name:
            return False
        if span.start > 0 and doc[span.start - 1].lower_.strip(".") in _HONORIFICS | {"president", "senator"}:
            return False
        after = doc[span.end:span.end + 3]
        if len(after) >= 2 and after[0].text == "," and _state_word(after[1]) \
                and not (given and after[1].text in us_state_codes()) \
                and (len(after) == 2 or after[2].text in _CLOSING or after[2].is_sent_start):
            # the state closes the phrase: "From Jimmy Carter to Barack Obama, Iowa's caucus"
            # goes on after the state, which is no town's
            found = True
    return found


_CLOSING = {",", ".", ";", ":", ")", "—", "–", "-", "?", "!"}


def _region_of_place(name: str) -> bool:
    """"Sierra Nevada", "Baja California": a word that is no plain given name before a known
    place names a region of it, not a person (a person's surname may be a place, "George
    Washington", but then his given name is a plain one)."""
    words = name.split()
    return len(words) == 2 and words[0].isalpha() and words[0][:1].isupper() and is_place(words[1]) \
        and (words[0] in _WORD_GIVEN_NAMES or not is_first_name(words[0])) and not is_known_person(name) \
        and not is_known_person(words[1])


def _word_before(doc, entity, words, *, lower: bool = False) -> bool:
    """Whether a mention follows one of `words`: "Cyclone Amphan" where the tagger kept only
    "Amphan" (a storm's name), "daughter Ivanka" (a person)."""
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.start > 0:
            before = doc[span.start - 1]
            if (before.lower_ if lower else before.text) in words:
                return True
    return False


def _lone_word_in_place(doc, entity) -> bool:
    """A one-word "person" that is no given name and that the text only ever puts after "in",
    "near" or "outside", never with a possessive ("in Dorchester", not "in Biden's plan"): a
    place."""
    if " " in entity.name or not entity.name.isalpha() or is_first_name(entity.name):
        return False
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start == 0 or doc[span.start - 1].lower_ not in ("in", "near", "outside") \
                or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
            return False
        prep = doc[span.start - 1]
        if prep.head.pos_ not in ("VERB", "AUX") or prep.head.lemma_ in _TRUST_VERBS:
            return False
    return True


# Verbs whose "in" takes a person: "believe in Vekstrom", "invest in Vekstrom".
_TRUST_VERBS = {"believe", "trust", "invest", "confide", "interest", "succeed", "join", "find", "see"}


def _two_word_name(name: str) -> bool:
    """Two capitalised words that could be a person's name and are no place, outlet or firm."""
    words = name.split()
    return len(words) == 2 and all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words) \
        and not is_place(name) and not is_place(words[0]) and not is_place(words[1]) \
        and words[1] not in _PLACE_HEADS and words[1] not in type_heads() \
        and words[1].lower() not in corporate_words() and outlet_of(name) is None \
        and name not in lexicon()["firms"] and words[1] not in _SCHOOL_LAST


def _person_signs(doc, entity, labels: list[str]) -> bool:
    """The text treats the name's surname alone as a person's: the tagger called a lone
    mention of it a person, or it follows "Mr."/"Ms."/"Sen.", or it is the subject of a verb
    whose clause goes on with he or she ("Gabbard said she would")."""
    surname = entity.name.split()[-1]
    for m, label in zip(entity.mentions, labels):
        if m.text != surname:
            continue
        if label == "PERSON":
            return True
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start > 0 and doc[span.start - 1].lower_ in _HONORIFICS:
            return True
        head = span.root.head
        if span.root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.dep_ in ("ccomp", "xcomp", "conj") and any(
                        t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") for t in child.subtree):
                    return True
    return False


# Words of a news outlet's work: "Bloomberg's report", "the Gallup poll"
_NEWS_WORK = {"report", "reports", "reporting", "reporter", "reporters", "story", "stories", "article",
              "articles", "analysis", "investigation", "interview", "poll", "polls", "survey", "data",
              "index", "calculations", "estimates", "review", "columnist", "editor", "editors",
              "editorial", "piece", "newsletter", "podcast", "journalist", "journalists", "coverage",
              "tally", "ranking", "rankings", "list", "headline", "terminal", "sources"}


def _read_as_outlet(doc, entity) -> bool:
    """A lone outlet's surname ("Bloomberg", "Forbes") the tagger called a person where the
    text reads it as the outlet: before a word of news work ("Bloomberg's report", "the
    Bloomberg story"), after "according to" or "reported by", before "reported", or after
    "told" (a source speaking to it), and never after an honorific ("Mr. Bloomberg"). The entity
    is named by the surname alone, so the text gives no person of that name in full, who would
    have taken these mentions (issue 9: the outlet typed a person)."""
    outlet = False
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
        after = doc[span.end:span.end + 2]
        if before and before[-1] in _HONORIFICS | {"mayor"}:
            return False
        if after and after[0].tag_ == "POS":
            after = after[1:]
        if (after and after[0].lower_ in _NEWS_WORK) or before[-2:] in (["according", "to"], ["reported", "by"]) \
                or (before and before[-1] == "told") \
                or (after and after[0].lower_ == "reported") or (len(after) > 1 and after[0].lower_ == "first"
                                                                  and after[1].lower_ == "reported"):
            outlet = True
    return outlet


# Prepositions of place: "gathered in Madison", "flew to Lincoln" read the name as a place.
_PLACE_PREPOSITIONS = {"in", "to", "from", "near", "outside", "across", "toward", "towards", "through",
                       "around", "into", "via"}


def read_as_place(doc, entity) -> bool:
    """A mention of the entity stands where a place stands: after a preposition of place or
    before ", <a known place>" ("Madison, Wisconsin"). Then a given name the tagger called a
    place ("protesters gathered in Madison") is the city, not the text's "Madison Cawthorn"."""
    for m in entity.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start > 0 and doc[span.start - 1].lower_ in _PLACE_PREPOSITIONS:
            return True
        after = doc[span.end:span.end + 3]
        if len(after) >= 2 and after[0].text == "," and (is_place(after[1].text) or is_place(after[1:].text)):
            return True
    return False


def knowledge_type(doc, entity, labels: list[str], lower_words: set[str]) -> str | None:
    """The type world knowledge gives an entity, or None where it knows nothing
    (`lower_words`: the words the text writes in lower case)."""
    name = entity.name
    data = lexicon()
    bare = _bare(name)
    # the lexicon's names first: a two-word "Al Jazeera" the tagger called a person is still an
    # outlet (an entity named by a person's full name, "Michael Bloomberg", is no outlet's name)
    if outlet_of(name) and not (entity.type == "PERSON" and name in data["outlet_surnames"]
                                and not _read_as_outlet(doc, entity)):
        return "ORG"  # a lone "Bloomberg" the tagger called a person may be the man
    if bare in _lowered("chambers") or bare in _lowered("movements") or name in data["bodies"] \
            or (name.count(".") >= 2 and name.replace(".", "") in data["bodies"]):
        return "ORG"  # "F.B.I." as the New York Times writes it is the FBI
    if bare in _religion_of() or bare in _lowered("groups"):
        return "NORP"
    if name in data["events"]:
        return "EVENT"
    if name in data["landmarks"]:
        return "FAC"  # "Walt Disney World", "the Oval Office": a place built, no person or body
    if name in data["firms"]:
        return "ORG"  # "Owens Corning": a company named after people
    words = name.split()
    if len(words) >= 2 and words[-1] in data["team_nicknames"] and is_place(" ".join(words[:-1])):
        return "ORG"  # "New York Jets": a team, no place
    if len(words) >= 2 and words[-1] in ("House", "Senate", "Assembly", "Legislature") and is_place(" ".join(words[:-1])):
        return "ORG"  # "North Carolina House": a state's chamber, no place
    if name.split()[0] in _STORM_WORDS or name.startswith("Tropical Storm ") or _word_before(doc, entity, _STORM_WORDS):
        return "EVENT"  # "Cyclone Amphan": a storm's name is no person
    full_name = "PERSON!" in labels
    if entity.type == "PERSON" and (_town_of_state(doc, entity) or _region_of_place(entity.name)):
        return "GPE"  # "Glen Vesey, N.J.", "the Sierra Nevada": a place, whatever the tagger said
    if entity.type == "PERSON":
        thing = _no_person(doc, entity)
        if thing:
            return thing  # "Sandy Hook", "Georgia Tech", "Orlando Magic": the tagger's person is a place or a body
    if entity.type == "ORG" and len(name.split()) >= 2 and name.split()[-1] in _PLACE_LAST | {"Hill", "Circle", "Plaza"} \
            and read_as_place(doc, entity):
        return "GPE"  # "arrested in Capitol Heights": a neighbourhood, not a body
    if entity.type == "PERSON" and _lone_word_in_place(doc, entity) and not is_known_person(name):
        return "GPE"  # "grew up in Dorchester"
    if full_name and entity.type == "PERSON":
        return None  # a full personal name decides
    if entity.type in ("GPE", "ORG", "NORP", "PRODUCT") and _two_word_name(name) and _person_signs(doc, entity, labels):
        return "PERSON"  # "Tulsi Gabbard ... Gabbard said she": a given name gender-guesser does not know
    if is_place(name) and not full_name and entity.type in ("PERSON", "ORG", "NORP", "PRODUCT", "FAC"):
        if entity.type == "PERSON" and any(is_first_name(w) for w in name.split()):
            return None  # "Jordan", "Georgia" alone may be the person the tagger saw
        return "GPE"
    if entity.type in _PERSON_TYPES_FROM and is_known_person(name):
        return "PERSON"  # "Trump" alone, tagged a body
    # a facility or a location the tagger saw in a full name is left alone: there the tagger
    # mostly reads a title or a place (a book's title that is its heroine's name)
    if entity.type in ("GPE", "ORG", "NORP", "PRODUCT") and _person_shaped(name) \
            and name.split()[-1].lower() not in lower_words:
        return "PERSON"  # "Nikki Haley" tagged a body; not "Boy Scouts" where "scouts" is a word of the text
    if entity.type in _PERSON_TYPES_FROM and " " not in name and is_first_name(name) and not is_place(name) \
            and (entity.type in ("PRODUCT", "NORP") or _word_before(doc, entity, _KIN_WORDS, lower=True)):
        return "PERSON"  # "the mayor's daughter Ivanka", tagged a product
    return None


def same_thing_key(entity) -> str | None:
    """A key that entities naming one thing share: an outlet's forms ("Breitbart",
    "Breitbart News"), a religion, its adjective and its believers ("Islam", "Islamic",
    "Muslims")."""
    outlet = outlet_of(entity.name)
    if outlet and entity.type != "PERSON":
        return f"outlet:{outlet}"
    religion = _religion_of().get(_bare(entity.name))
    return f"religion:{religion}" if religion else None


def initials_key(words: list[str]) -> str | None:
    """"J.D. Vance", "J. D. Vance" -> "vance:JD": a name whose given names are all initials;
    None for any other name."""
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    given = words[:-1]
    if not all(w.endswith(".") and w.replace(".", "").isalpha() and w.replace(".", "").isupper()
               and len(w.replace(".", "")) <= 3 for w in given):
        return None
    return f"{words[-1].lower()}:{''.join(w.replace('.', '') for w in given)}"


def full_name_keys(words: list[str]) -> list[str]:
    """"James David Vance" -> "vance:J", "vance:JD": the keys under which a name written with
    the initials of its first given names finds it. It must open with a given name."""
    given = [w for w in words[:-1] if w[:1].isupper()]
    if not given or not is_first_name(given[0]):
        return []
    return [f"{words[-1].lower()}:{''.join(w[0] for w in given[:k])}" for k in range(1, len(given) + 1)]
