"""Which tagged spans are mentions of a name, and where the name in them starts and ends.

The statistical NER tags spans that are not names (a lone initial "R.", a heading's common noun
"Labels", an adjective "pro-Russian"), runs names together ("Fox News' Greg Palkot",
"Democrats Doug Jones", "Kharkiv, Poltava"), and takes in words that are not part of the name
(the imperative "Tell" of a headline, the agency of a photo credit "Dana Whitcombe/Reuters").
Each rule here reads the span and the words around it; none names a particular entity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimscope.nlp.entity_forms import (
    is_first_name,
    title_abbreviations,
    tribe_words,
    type_heads,
    us_state_codes,
)
from claimscope.nlp.extensions import text_of
from claimscope.nlp.paragraphs import is_video_player_line

# Prefixes that make an adjective of a name: "pro-Russian", "anti-Muslim", "non-Kenyan".
_HYPHEN_PREFIXES = {"pro", "anti", "non", "post", "pre", "neo", "ex", "un"}
# ... and written in lower case only ("inter-Korean talks"; "Pan-Am", "Trans-Canada" are names)
_LOWER_PREFIXES = {"inter", "intra", "trans", "pan", "cross", "mid", "sub", "transatlantic"}
# Words before a name that say it names a place: "near Horodyshche", "the village of Zaborivka".
_PLACE_BEFORE = {"near", "outside", "around", "across", "towards", "toward"}
_PLACE_NOUNS = {"village", "town", "city", "region", "province", "district", "suburb", "port",
                "capital", "county", "state", "oblast", "republic", "island", "valley", "outskirts"}
_PLACE_NOUNS_AFTER = {"village", "town", "city", "region", "province", "district", "county", "oblast",
                      "villages", "towns", "cities", "regions", "provinces", "districts", "counties"}


def split_parts(span: Span, is_alias) -> list[Span]:
    """Cut a tagged span where it holds more than one name: at a comma ("Kharkiv, Poltava"),
    before a slash (a photo credit "Dana Whitcombe/Reuters" is the photographer; a tribe's
    native name after its English one is dropped), and before a
    person's name that follows a possessive or a known name ("Channel Nine's Gregory Fallon",
    "Democrats Doug Halvey"). `is_alias(span)` says whether words form a known name."""
    doc = span.doc
    cuts: list[tuple[int, int]] = []  # (end of one part, start of the next)
    for t in span[1:]:
        prev = doc[t.i - 1]
        if "/" in t.text and span.label_ == "PERSON":
            # the credit after the slash is no part of any name; a slash inside a word
            # ("Ostrander/2019") takes the word with it, and a given name left alone is dropped
            end = t.i if t.text == "/" else t.i
            if end - span.start < 2 and t.text != "/":
                return []
            cuts.append((end, span.end))
            break
        if t.text == "(":
            # "Federal Bureau of Investigation (FBI": the tagger ran a name into the acronym the
            # text gives it in brackets; the two are two mentions (the acronym joins the name
            # later, by its initials)
            cuts.append((t.i, t.i + 1))
            continue
        if prev.tag_ == "POS" and prev.i > span.start and span.label_ == "PERSON" and not is_first_name(t.text) \
                and not any(is_first_name(w.text) for w in doc[t.i:span.end]):
            # "Robert Mueller's Special Counsel": the owner is the person, what he owns is no
            # part of his name ("Channel Nine's Gregory Fallon", a given name after it, is cut
            # below)
            cuts.append((prev.i, span.end))
            break
        if t.text == "/" and span.label_ != "PERSON" and prev.text in tribe_words():
            # "Rosebud Sioux Tribe/Sicangu Oyate": a people's own name after the slash is
            # the same body under its native name, no second body
            cuts.append((t.i, span.end))
            break
        if t.text == "/" and span.label_ != "PERSON":
            # "AP Photo/Evan Marlow", "AFP/Getty Images": a credit names the agency and the
            # photographer, two names
            cuts.append((t.i, t.i + 1))
            continue
        if prev.text == "," and prev.i > span.start and not any(w.lower_ == "of" for w in doc[span.start:prev.i]):
            # "Kharkiv, Poltava" is two places; "Bureau of Alcohol, Tobacco and Firearms" one name
            cuts.append((prev.i, t.i))
        elif prev.tag_ == "POS" and prev.i > span.start and t.is_title and not is_first_name(t.text) \
                and span.label_ != "PERSON" and (doc[prev.i - 1].text in type_heads() or is_alias(doc[span.start:prev.i])):
            # "the Labor Department's Wage and Hour Division": the owner is a name of its
            # own; what follows it is cut off, and dropped below when it is one word
            cuts.append((prev.i, t.i))
        elif t.i + 1 < span.end and is_first_name(t.text) and _capitalised(doc[t.i + 1]):
            if prev.tag_ == "POS" or prev.text in ("’", "'", "’s", "'s"):
                cuts.append((prev.i, t.i))
            elif is_alias(doc[span.start:t.i]):
                cuts.append((t.i, t.i))
    if not cuts:
        return [span]
    parts, start = [], span.start
    for end, nxt in cuts:
        if end > start:
            parts.append(Span(doc, start, end, label=span.label_))
        start = nxt
    if start < span.end:
        parts.append(Span(doc, start, span.end, label=span.label_))
    if any(doc[nxt - 1].text == "/" for _, nxt in cuts if nxt > 0):
        parts = [p for p in (_without_credit_words(p) for p in parts) if p is not None]
        if not parts:
            return []
    if any(doc[a - 1].tag_ == "POS" for a in (p.start for p in parts[1:]) if a > 0):
        parts = [p for p in parts if p is parts[0] or len(p) >= 2 or doc[p.start - 1].tag_ != "POS"]
    if span.label_ == "PERSON" and len(parts) >= 2 and doc[parts[1].start - 1].tag_ == "POS" \
            and not is_first_name(parts[0][0].text):
        # "Carlow Petroleum's Wayne LaPierre": the owner of a person is no person
        parts[0] = Span(doc, parts[0].start, parts[0].end, label="ORG")
    # a part that starts with a given name and has a surname is a person's name
    return [Span(doc, p.start, p.end, label="PERSON") if p is not parts[0] and len(p) >= 2
            and is_first_name(p[0].text) else p for p in parts]


# Words of a photo credit that name no one: "REUTERS/Lucas Jackson/File Photo", "Handout"
_CREDIT_WORDS = {"file", "photo", "photos", "handout", "pool", ":"}


def _without_credit_words(part: Span) -> Span | None:
    """"AP Photo" is AP, "File: Bikas Das" is Bikas Das, "File Photo" is no one."""
    a, b = part.start, part.end
    while a < b and part.doc[a].lower_ in _CREDIT_WORDS:
        a += 1
    while b > a and part.doc[b - 1].lower_ in _CREDIT_WORDS:
        b -= 1
    return Span(part.doc, a, b, label=part.label_) if a < b else None


def without_post_box(span: Span) -> Span:
    """"North Dakota P.O. Box", "Montana P.O. 44": an address runs the place into the box; the
    name is the place before "P.O." (the box itself is dropped as page furniture)."""
    for t in span[1:]:
        if t.text in ("P.O.", "PO") and (t.i + 1 >= span.end or span.doc[t.i + 1].lower_ == "box"
                                         or span.doc[t.i + 1].like_num):
            return Span(span.doc, span.start, t.i, label="GPE")
    return span


def _capitalised(token) -> bool:
    """A surname's capitals: "Hale", "LaPierre", "McKendrick", "O'Rourke"."""
    return token.text[:1].isupper() and any(c.islower() for c in token.text)


def without_leading_verb(span: Span) -> Span:
    """"Tell Obama" in a headline is a verb and a name: the name is "Obama". A given name that
    is also a verb ("Mark", "Will") is kept. A video player's button opening a line ("CLOSE
    Donald Trump Jr. said ...", USA Today's caption lines) is no part of the name either."""
    first = span[0]
    if len(span) >= 2 and first.text == "CLOSE" and span[1].is_title and _line_start(first):
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    if len(span) >= 2 and first.tag_ == "VB" and span[1].is_title and (
            first.dep_ == "ROOT" or not is_first_name(first.text)):
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    rest = span[1:] if len(span) >= 2 else None
    if rest is not None and first.tag_ in ("VB", "VBP") and span[1].is_title and _line_start(first) \
            and rest.root.head == first and rest.root.dep_ in ("dobj", "dative"):
        # "Tell Obama to stop ..." opening a line: a verb whose object is the name is an
        # imperative, even where the verb is also a given name (the tagger may read it as a
        # present tense after the line before)
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    if len(span) >= 2 and first.tag_ in _NOT_NAME_TAGS and span[1].is_title and first.is_sent_start \
            and not (first.tag_ == "MD" and is_first_name(first.text) and not _question(first)):
        # "Later Okafor left": an adverb capitalised at the start of a sentence; "Will" opens a
        # question ("Will Obama sign?") but outside one it is a given name ("Will Smith agreed")
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _question(token) -> bool:
    return token.sent[-1].text == "?" or (len(token.sent) > 1 and token.sent[-2].text == "?")


def _line_start(token) -> bool:
    """The token opens a line, or opens it after an opening quote (a slogan “Tell Obama: ...")."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text in _OPENING_QUOTES:
        token = doc[token.i - 1]
    return token.i == 0 or "\n" in doc[token.i - 1].text_with_ws


_OPENING_QUOTES = {"“", "\"", "‘", "'", "«"}


def acronym_after_owner(span: Span, defined: set[str]) -> Span:
    """"the Obama DOJ", "Comey FBI": a person's name before an acronym the text uses for a body
    is the body of his time, not a second name; the mention is the acronym alone. `defined`
    holds the acronyms the text gives a body in brackets ("the Department of Justice (DOJ)")
    and those of the alias table, so that a name that ends with a common acronym ("Super
    PAC") stays whole."""
    last = span[-1]
    letters = last.text
    if len(span) < 2 or len(span) > 3 or not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()) \
            or span.label_ in ("GPE", "LOC") or last.text in us_state_codes():
        return span  # "Washington DC", "Portland, OR": a place and its state, no body
    owner = span[:-1]
    if last.text not in defined or not all(t.is_title and t.pos_ == "PROPN" for t in owner):
        return span
    return Span(span.doc, last.i, span.end, label="ORG")


# Parts of speech a sentence's first word may have that no name starts with
_NOT_NAME_TAGS = {"RB", "RBR", "RBS", "WRB", "IN", "CC", "PRP", "PRP$", "WP", "MD"}


def is_hyphen_compound(span: Span) -> bool:
    """A name inside a hyphenated word is a modifier, not a mention: "pro-Kenyan",
    "Marilyn Monroe-style", "Kenyan-Somali" (an adjective of two names). Hyphenated personal
    names ("Ocasio-Cortez") are names."""
    doc = span.doc
    tokens = list(span)
    for t in tokens:
        if t.text not in ("-", "–") or t.whitespace_ or t.i == 0 or doc[t.i - 1].whitespace_:
            continue
        left, right = doc[t.i - 1], doc[t.i + 1] if t.i + 1 < len(doc) else None
        if left.lower_ in _HYPHEN_PREFIXES:
            return True
        if right is not None and right.is_lower and not _name_syllables(span, left, right):
            return True
        if span.label_ == "NORP" and left.is_title and right is not None and right.is_title:
            return True
    first = span[0]
    if (first.lower_ in _HYPHEN_PREFIXES or first.text in _LOWER_PREFIXES) and len(span) >= 2 \
            and span[1].text in ("-", "–"):
        return True
    if _after_capitalised_hyphen(span) or _before_place_compound(span):
        return True
    after = span.end
    return after + 1 < len(doc) and doc[after].text in ("-", "–") and not doc[after - 1].whitespace_ \
        and not doc[after].whitespace_ and doc[after + 1].is_lower


# "Ill.-based", "Calif.-born": a state's abbreviation glued to a participle by a hyphen
_STATE_COMPOUND = re.compile(r"^[A-Z][a-z]{1,5}\.?[-–][a-z]+$")


def _before_place_compound(span: Span) -> bool:
    """"the Oak Brook, Ill.-based corporation": a place before ", <state>.-based" is the first
    half of a modifier, as "Washington-based" is, no mention of the place."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    word = doc[span.end + 1].text
    # "In Ohio, Gov.-elect Mike DeWine": a title's abbreviation before "-elect" is no state's
    return bool(_STATE_COMPOUND.match(word)) and re.split(r"[-–]", word)[0].strip(".").lower() not in title_abbreviations()


def _after_capitalised_hyphen(span: Span) -> bool:
    """"the Franco-German plan", "Sino-American trade": a country's name or demonym after a
    capitalised word and a hyphen, before a lower-case noun, is the second half of an
    adjective of two countries. A person's name after a hyphen ("Ocasio-Cortez") is left,
    and so is a place ("Minneapolis-St. Paul that ..."): the name must be an adjective."""
    doc = span.doc
    if span.label_ == "PERSON" or span.start < 2 or span.end >= len(doc):
        return False
    if span.label_ != "NORP" and span[-1].tag_ != "JJ":
        return False
    hyphen, left, nxt = doc[span.start - 1], doc[span.start - 2], doc[span.end]
    return hyphen.text in ("-", "–") and not hyphen.whitespace_ and not left.whitespace_ \
        and left.text[:1].isupper() and left.is_alpha and nxt.is_lower and nxt.is_alpha \
        and not nxt.tag_.startswith(("VB", "MD"))


def _name_syllables(span: Span, left, right) -> bool:
    """Hyphens inside a name: "Ban Ki-moon", "Park Geun-hye" (short syllables of a given
    name), "Lashkar-e-Taiba" (a particle between two capitalised words)."""
    doc = span.doc
    if span.label_ == "PERSON" and len(left) <= 4 and len(right) <= 4 and right.is_alpha:
        return True
    nxt = right.i + 2
    return right.i + 1 < len(doc) and doc[right.i + 1].text in ("-", "–") and nxt < len(doc) \
        and doc[nxt].is_title and not doc[right.i].whitespace_


_OPENING_QUOTES = {"“": "”", '"': '"', "‘": "’"}
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"}


def in_quoted_title(span: Span) -> bool:
    """"A Short History of Kenya" in quotation marks is a title: a place or name in it is no
    mention of that place. A quoted run counts as a title when it has three words or more,
    all capitalised but the small ones, and stays on one line."""
    doc = span.doc
    lo = span.start - 1
    while lo >= 0 and doc[lo].text not in _OPENING_QUOTES and "\n" not in doc[lo].text_with_ws \
            and span.start - lo < 15:
        lo -= 1
    if lo < 0 or doc[lo].text not in _OPENING_QUOTES:
        return False
    closing = _OPENING_QUOTES[doc[lo].text]
    hi = span.end
    while hi < len(doc) and doc[hi].text != closing and "\n" not in doc[hi].text_with_ws \
            and hi - span.end < 15:
        hi += 1
    if hi >= len(doc) or doc[hi].text != closing:
        return False
    words = [t for t in doc[lo + 1:hi] if t.is_alpha]
    # a quoted name alone (the group calling itself "Red Dawn Brigade") is still a name
    others = [t for t in words if not span.start <= t.i < span.end and t.lower_ not in _SMALL_WORDS]
    return len(words) >= 3 and len(others) >= 2 and all(
        t.is_title or t.is_upper or t.lower_ in _SMALL_WORDS for t in words)


def is_lone_initial(span: Span) -> bool:
    """"R." or "J.": one letter and a dot is an initial or a party label, no name."""
    text = span.text.strip()
    return len(text) <= 2 and text.rstrip(".").isalpha() and len(text.rstrip(".")) == 1


def is_heading_common_word(span: Span, lower_words: set[str]) -> bool:
    """A one-word "name" that the text also writes in lower case, and that stands capitalised
    only where every word is (a heading, a sentence start): "Why Labels Matter" beside "the
    labels on food". A name keeps its capitals mid-sentence."""
    word = span[0].lower_ if len(span) == 1 else ""
    if not word or not (word in lower_words or (word.endswith("s") and word[:-1] in lower_words)):
        return False  # "Partisans always seem ..." beside "partisan unilateralism"
    t = span[0]
    at_start = t.is_sent_start or t.i == 0 or "\n" in t.doc[t.i - 1].whitespace_ + t.doc[t.i - 1].text
    return at_start or _in_title_case_line(t)


def is_heading_phrase(span: Span, lower_words: set[str]) -> bool:
    """"Factory Output Falls, Jobless Rate Steady": words of a headline in
    title case the tagger took for a body's name, each of which the text also writes in lower
    case ("the jobless rate"). A name keeps some word of its own ("Labor" of
    "Bureau of Labor Statistics" is written so everywhere)."""
    words = [t for t in span if t.is_alpha]
    if len(words) < 2 or span.label_ == "PERSON" or not _in_title_case_line(span[0]):
        return False
    return all(t.lower_ in lower_words or (t.lower_.endswith("s") and t.lower_[:-1] in lower_words)
               for t in words)


def _in_title_case_line(token) -> bool:
    doc = token.doc
    lo = token.i
    while lo > 0 and "\n" not in doc[lo - 1].whitespace_ and "\n" not in doc[lo - 1].text:
        lo -= 1
    hi = token.i
    while hi + 1 < len(doc) and "\n" not in doc[hi].whitespace_ and "\n" not in doc[hi + 1].text:
        hi += 1
    words = [t for t in doc[lo:hi + 1] if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(t.is_title or t.is_upper for t in words)


def lower_case_words(doc: Doc) -> set[str]:
    return {t.text for t in doc if t.is_lower and t.is_alpha}


def is_state_code(span: Span) -> bool:
    """"MN" in "Duluth, MN": a US state's postal code is a place."""
    return len(span) == 1 and span.text in us_state_codes()


def place_cue(span: Span) -> bool:
    """The words around the name say it is a place: "near X", "the village of X", "the X
    region", and for names listed together, the words around the list ("the Belgorod,
    Bryansk and Rostov regions")."""
    doc = span.doc
    root = span.root
    chain = sorted([root, *root.conjuncts] if root.dep_ != "conj" else [root.head, *root.head.conjuncts],
                   key=lambda t: t.i)
    if len(chain) > 1:
        first, last = chain[0], chain[-1]
        span = Span(doc, min(first.i, span.start), max(last.i + 1, span.end))
    before = doc[span.start - 1] if span.start >= 1 else None
    if before is not None and before.lower_ in _PLACE_BEFORE:
        return True
    if before is not None and before.lower_ == "of" and span.start >= 2 \
            and doc[span.start - 2].lower_ in _PLACE_NOUNS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in _PLACE_NOUNS_AFTER


_FURNITURE_HEADS = {"newsletter", "newsletters"}
_GALLERY_WORDS = {"images", "photos", "videos", "pictures"}


def is_page_furniture(span: Span) -> bool:
    """Words of the page around the article, not of the article: a newsletter box ("Sign up for
    Daily Opinion Newsletter"), a gallery button ("Slideshow (9 Images)"), a post-office box
    ("P.O. Box 1200"), a section label line in capitals ("ANALYSIS/OPINION:"), a promotion line
    in capitals ("CLICK HERE TO DOWNLOAD THE ... APP")."""
    doc = span.doc
    if span[-1].lower_ in _FURNITURE_HEADS or span[0].text == "ARTICLE":
        return True  # a newsletter box; "ARTICLE 6:34" labels a video player
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    if before[-3:] == ["sign", "up", "for"] or before[-2:] == ["subscribe", "to"]:
        return True
    after = doc[span.end:span.end + 3]
    if len(after) == 3 and after[0].text == "(" and after[1].like_num and after[2].lower_ in _GALLERY_WORDS:
        return True
    if span[0].text in ("P.O.", "PO") and (len(span) == 1 or span[1].lower_ == "box"):
        return True
    line = line_text(span)
    if line.upper().startswith(("CLICK HERE", "CLICK TO ", "DOWNLOAD THE ", "GET THE ")) and line.isupper():
        return True  # "CLICK HERE TO DOWNLOAD THE ... APP": a promotion line of the page
    return line.endswith(":") and not any(c.islower() for c in line) and len(line.split()) <= 3


_GLUED = re.compile(r"^([A-Z][a-z]{2,})([A-Z][A-Za-z]+)$")
_BOX_END = {"MORE"}
_BOX_SPAN = 80  # tokens: a box of linked headlines is a few lines long


def link_box_tokens(doc: Doc) -> set[int]:
    """The tokens of a box of linked headlines a news page puts after a person's name: "President
    Trump Donald John TrumpGOP senators balk at ... veterans' votes MORE". The box opens with
    the person's full name, whose surname is glued to the first headline ("TrumpGOP"), and ends
    with "MORE". Names inside it are the page's, not the article's. The full name starts after
    the text's own mention of the surname ("Trump", "Mike Pompeo") or, without one, at the first
    capitalised word of the run before the glued word."""
    words = {t.text for t in doc}
    box: set[int] = set()
    for t in doc:
        m = _GLUED.match(t.text)
        if not m or m.group(1) not in words:
            continue
        end = next((u.i + 1 for u in doc[t.i:min(len(doc), t.i + _BOX_SPAN)] if u.text in _BOX_END), None)
        if end is None:
            continue  # no "MORE" closes it: a name of its own ("BlackRock" beside "Black voters")
        start = t.i
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].text in ("(", ")")) \
                and doc[start - 1].text != m.group(1) and "\n" not in doc[start - 1].whitespace_:
            start -= 1
        box.update(range(start, end))
    return box


# Words of a caption or player label: "Photo", "Watch Video", "Gallery" alone name nothing
_CAPTION_WORDS = {"video", "videos", "watch", "photo", "photos", "gallery", "listen", "audio",
                  "slideshow", "play"}


def is_caption_label(span: Span) -> bool:
    """A label of the page's media and link boxes, not of the article: "Photo", "Watch Video",
    and a line of links headed "More Stories", "Related Stories", "Fox News Stories" (a
    name's last word "Stories" on a line of its own)."""
    if all(t.lower_ in _CAPTION_WORDS for t in span):
        return True
    return span[-1].lower_ == "stories" and line_text(span) == span.text


def line_text(span: Span) -> str:
    text = text_of(span.doc)
    lo = text.rfind("\n", 0, span.start_char) + 1
    hi = text.find("\n", span.end_char)
    return text[lo:hi if hi >= 0 else len(text)].strip()


# A line of the page that links to another story opens with one of these labels: "Related:
# ...", "More: ...", "Read more: ...", "See also: ...", "Watch: ...", "Click for more from ...".
_LINK_LINE = re.compile(
    r"^\W{0,3}(?:(?:related|more|read more|see also|also read|watch|recommended|trending)\s*:"
    r"|click (?:here|for more)\b)", re.IGNORECASE)


def link_line_tokens(doc: Doc) -> set[int]:
    """The tokens of the lines that link to other stories ("Related: Trump signs ...",
    "Read more: How Trump could ...", "Click for more from Reuters."): the names in such a
    line are the page's link text, not the article's, so none of them is a mention. The label
    must end with a colon ("Read more There's a saying ..." runs a button into the article's
    own first line, which is kept) or be a click prompt."""
    text = text_of(doc)
    out: set[int] = set()
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        # (a video player's line too: its titles would give entities like "Obama 03:39")
        if _LINK_LINE.match(line.strip()) or is_video_player_line(line):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        start = end + 1
    return out


# What a person's name stands before when it names the government of his time, not him
_GOVERNMENT_AFTER = {"administration", "administrations", "administration's", "administration’s"}


def names_an_administration(span: Span) -> bool:
    """"the Trump administration", "an Obama administration official": a president's name
    before "administration" names the government he led, not the person (issue 9's rule:
    an administration is the government). The name is a modifier there, no mention of him; a
    possessive ("Trump's administration") is his and stays a mention."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _GOVERNMENT_AFTER and span[-1].tag_ != "POS" \
        and not span.text.endswith(("'s", "’s"))


# The day's change a market story writes after a stock symbol carries its sign ("-1.57",
# "+0.39") or is "0.00": an unsigned figure after "FBI, " is a poll's share ("the FBI, 41%")
_CHANGE = re.compile(r"^(?:[-+−]\d+(?:\.\d+)?|0\.00)$")


def _is_ticker(token) -> bool:
    """"TWTR" in "Twitter TWTR, -1.57%": a stock symbol, which a market story writes after a
    company's name with the day's change."""
    doc = token.doc
    return token.is_upper and token.is_alpha and len(token) <= 5 and token.i + 3 < len(doc) \
        and doc[token.i + 1].text == "," and bool(_CHANGE.match(doc[token.i + 2].text)) \
        and doc[token.i + 3].text == "%"


def without_ticker(span: Span) -> Span | None:
    """The name without the stock symbol after it ("Twitter TWTR, -1.57%" is Twitter), or
    None where the span is the symbol alone ("the S&P 500 index SPX, -0.39%")."""
    if not _is_ticker(span[-1]):
        return span
    return Span(span.doc, span.start, span.end - 1, label=span.label_) if len(span) > 1 else None


def with_institution_head(span: Span, heads: dict[str, str]) -> Span:
    """"Albert Einstein" + "Medical Center": the tagger's person before capitalised words that
    end with the head of a body or a building (`heads`: type_heads, "Center", "Hospital",
    "Institute") is the start of an institution named after him; the mention is the whole
    name, typed by its head."""
    doc = span.doc
    if span.label_ != "PERSON":
        return span
    end = span.end
    while end < len(doc) and end - span.end < 3 and doc[end].is_title and doc[end].ent_iob_ == "O" \
            and "\n" not in doc[end - 1].whitespace_:
        end += 1
        if doc[end - 1].text in heads and heads[doc[end - 1].text] in ("ORG", "FAC"):
            return Span(doc, span.start, end, label=heads[doc[end - 1].text])
    return span


# Nouns for animals a text names: "her cat, Timofey", "their dog Rex".
_PET_NOUNS = {"cat", "dog", "kitten", "puppy", "pet", "horse", "pony", "parrot", "rabbit", "hamster", "cow",
              "goat", "pig", "bird", "tortoise", "turtle", "ferret"}
# The name of a language a word is glossed in: "Bes, Russian for 'demon'".
_QUOTE_MARKS = {'"', "“", "‘", "'", "«"}


def is_pet_name(span: Span) -> bool:
    """"her cat, Timofey", "the dog Rex": a name in apposition to, or right after, a word for
    an animal names the animal, no person, body or place (claimscope has no type for it)."""
    if len(span) > 2:
        return False
    root = span.root
    if root.dep_ in ("appos", "npadvmod") and root.head.lemma_.lower() in _PET_NOUNS and root.head.i < span.start:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lemma_.lower() in _PET_NOUNS and before.is_lower \
        and span.start >= 2 and span.doc[span.start - 2].pos_ in ("PRON", "DET")


def is_language_gloss(span: Span) -> bool:
    """"Bes, Russian for 'demon'": a people's word followed by "for" and a quoted word names
    the language the word is glossed in, not the country or its people."""
    doc = span.doc
    if len(span) != 1 or not span[0].is_title or span.end + 1 >= len(doc):
        return False
    return doc[span.end].lower_ == "for" and doc[span.end + 1].text in _QUOTE_MARKS
