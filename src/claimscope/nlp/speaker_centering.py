"""A he or she that opens its sentence is the main subject of the sentence before.

"Governor Oakes said Keller's plan raises legal questions. He pointed to an earlier ruling":
"He" is Oakes. News prose keeps the person it is about as the subject of its main clauses and
picks them up with a pronoun at the start of the next sentence (centering: the backward-looking
center is the previous utterance's subject). The GAP-fitted ranking of `PronounResolver`
weighs every earlier name by salience, so a person mentioned often elsewhere ("Keller's
plan", "Keller's role") can keep it from choosing, and it refuses.

The rule (`previous_subject`) answers only where the frame is that clear:
- the pronoun is "he" or "she", the subject of its clause, outside quotation marks, and no
  person and no other subject comes before it in its sentence (outside quotation marks);
- the sentence before (a photo caption or a sentence whose main verb is quoted is skipped)
  has a person as the active subject of its main clause ("Although Hollis would not be
  charged, Berridge said ...": Berridge; a subordinate clause's subject is not the center), or
  as the passive subject of "asked" ("Ryan was asked whether ..." then '"No," he replied').
  Where that subject is the same pronoun, the sentence before that one is read, up to
  `MAX_HOPS` sentences ("He replied ... He transferred ... he said" back to the name);
- the person's gender, where known, is the pronoun's, and no other person of that gender (or
  of unknown gender) takes part in the main clause ("Fennick met Ardley. He said ...": either;
  a person inside a subordinate clause, the content or a possessive does not count). Where
  the gender is not known, no other such person is named in that sentence at all;
- except where the content is a quotation that speaks of a person of the pronoun's gender in
  the third person ('Trump mocked Kerry ... "He never walked away," he said'): a speaker calls
  himself "I", so the object of the sentence before is the one spoken of, and the subject
  speaks;
- the person is not named in the attribution's own content (`among`), unless they are the
  last speaker too ('"No," he replied ... "... whether Hollis is master," he said').
Anything else: None, and the resolver's ranking decides.

Three more rules of the same frame (`quoted_only`, `paragraph_person`, `addressee`):
- a person named so far only inside quotation marks is what someone said, not who the
  paragraph is about: '"Berridge has never understood this harbour," a dock worker shouted.
  He said ...' is not Berridge;
- a "he" or "she" whose paragraph, up to the pronoun, names exactly one person (outside
  quotation marks, as a subject or object, not a possessor and not a name modifying a noun
  such as "the Keller family"), of the pronoun's gender, is that person, where no subject of
  the paragraph before the pronoun is a person's common noun ("a dock worker", "the lawyer")
  or an unresolved name. Two people there, or a person of unknown gender: None.
- the one told is not the one who goes on speaking: "Trump told Fox News host Sean Hannity
  that ... He said ..." is not Hannity (`addressee`). A person last named as the object of
  "tell" (or of "to" after a verb of saying) whose teller is a name not known to be of the
  other gender is no antecedent of a pronoun speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimscope.nlp.extensions import text_of

MAX_HOPS = 4
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_POSSESSIVE = {"m": "his", "f": "her"}
# "Ryan was asked whether ... "No," he replied": the one asked is the one who answers next.
ASKED = {"ask", "question", "press"}
# Verbs of a speech tag after its content ("..., he said").
TAGS = {"say", "add", "tell", "write", "note", "warn", "explain", "argue", "insist", "continue"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# A caption's closing credit ("... October 15, 2019. REUTERS/Jo Lin"): the paragraph describes
# a photo, not what anyone said.
_CAPTION_CREDIT = re.compile(r"\b(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images)(?: Photo)?[ \t]*/[ \t]*[A-Z][\w.'’-]*"
                             r"(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]*$")


# A caption paragraph that opens with its label ("Media playback is unsupported on your device
# Media caption ...", "Image copyright ... Image caption ...").
_CAPTION_LABEL = re.compile(r"(?:Media playback is unsupported|Media caption|Image copyright|Image caption)\b")


def is_caption(sentence: Span) -> bool:
    """The sentence sits in a paragraph that ends in a photo credit or opens with a caption label."""
    text = text_of(sentence.doc)
    start = text.rfind("\n", 0, sentence.start_char) + 1
    end = text.find("\n", sentence.start_char)
    end = len(text) if end == -1 else end
    paragraph = text[start:end].strip()
    return bool(_CAPTION_CREDIT.search(paragraph) or _CAPTION_LABEL.match(paragraph))


def previous_subject(resolver, pronoun: Token, among: set[str] | None,
                     last_speaker: str | None = None, *, quote_speaks_of: bool = False) -> str | None:
    """The entity id of the main subject of the sentence before (rules in the module
    docstring), or None. `quote_speaks_of`: the attribution's content is a quotation that
    speaks of someone of the pronoun's gender in the third person."""
    gender = resolver.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
    if gender not in ("m", "f") or pronoun.dep_ != "nsubj":
        return None
    return _center(resolver, pronoun, gender, among, last_speaker, quote_speaks_of)


def described_subject(resolver, root: Token, gender: str | None, among: set[str] | None,
                      last_speaker: str | None = None, *, proper: bool = False) -> str | None:
    """"Mitt Romney cast the race as a choice ... The presumptive GOP nominee underlined ...":
    a definite description of a person with a modifier ("the presumptive nominee", "the former
    governor"; not a bare "the judge") opening its sentence as its subject is the main subject
    of the sentence before, by the same frame as
    a "he" or "she" (module docstring). Its gender is the noun's where it has one ("the
    actress"), else unknown: then no other person may be named in that sentence at all.
    `proper`: the noun may be tagged a proper noun ("the Wisconsin Republican")."""
    if root.dep_ != "nsubj" or root.tag_ not in (("NN", "NNP") if proper else ("NN",)):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in root.children) or any(
            c.dep_ == "poss" for c in root.children):
        return None  # "a senator", "Iran's foreign minister": someone else, or nobody in particular
    if any(c.dep_ in ("relcl", "acl", "prep") and c.i > root.i for c in root.children):
        return None  # "the senator who wrote it", "the governor of Ohio": picked out by its own words
    if not any(c.dep_ in ("amod", "compound", "nmod", "nummod") and c.i < root.i for c in root.children):
        # "Keller appeared in court. The judge said ...": a bare role noun brings in whoever holds
        # the role, most often someone new; an epithet with words of its own ("the presumptive
        # Labour nominee", "the former governor") is how news refers back to the one just named.
        # So is a bare noun that says what someone is rather than what office he holds ("Former
        # Mayor Tom Varda has spent ... On Tuesday, the billionaire announced"), where the
        # sentence before names that one person alone.
        if root.lower_ in _EPITHET_NOUNS:
            return named_just_before(resolver, root, gender, among)
        return None
    centered = _center(resolver, root, gender, among, last_speaker)
    return centered if centered is not None else named_just_before(resolver, root, gender, among)


# Nouns for what a person is, not an office others hold too (unlike "the senator", "the judge").
_EPITHET_NOUNS = {"billionaire", "businessman", "businesswoman", "actor", "actress", "singer",
                  "incumbent", "frontrunner", "front-runner", "monarch", "pontiff", "magnate",
                  "tycoon", "entrepreneur", "philanthropist", "comedian", "rapper", "novelist"}


def named_just_before(resolver, root: Token, gender: str | None, among: set[str] | None) -> str | None:
    """"..., according to Rep. Diane Black. The Tennessee Republican said ...", "Mark Fuller
    was arrested on Monday. The 45-year-old said ...": an epithet opening its sentence as its
    subject, where the sentence before names exactly one person outside quotation marks and
    no one else who could be meant (no other name, no person's noun, no one's possessive:
    "Keller's lawyer"), is that person, even where he is no main subject there (centering
    asks for one). Of the epithet's gender where it has one. None otherwise."""
    doc, ents = resolver.doc, resolver.entities
    def quoted(char: int) -> bool:
        return resolver.quote_run_at(char) is not None

    sentence = root.sent
    if root.dep_ != "nsubj" or quoted(root.idx) or sentence.start == 0:
        return None
    # (a quotation before the tag is what was said: '"The reality is ...," the former
    # candidate said' has no subject of the narrator's before the epithet)
    if any(t.dep_ in SUBJECTS and not quoted(t.idx) for t in doc[sentence.start : root.left_edge.i]) or any(
            m.entity.type == "PERSON" and sentence.start_char <= m.start < root.idx and not quoted(m.start)
            for m in ents.mentions):
        return None
    before = doc[sentence.start - 1].sent
    if is_caption(before):
        return None
    named = [m for m in ents.mentions if before.start_char <= m.start < before.end_char and not quoted(m.start)]
    people = {ents.key(m) for m in named if m.entity.type == "PERSON"}
    if len(people) != 1 or any(m.entity.type == "PERSON" and m.role == "possessor" for m in named):
        return None
    covered = {i for m in named for i in range(m.start, m.end)}
    person_nouns = resolver._person_nouns()
    depth, bracketed = 0, set()  # "Sen. Bernie Sanders (D-Vt.)": a party and state label, no one else
    for t in before:
        depth += t.text == "("
        if depth:
            bracketed.add(t.i)
        depth -= t.text == ")" and depth > 0
    for t in before:
        if quoted(t.idx) or t.idx in covered or (t.dep_ == "compound" and t.head.idx in covered) or t.i in bracketed:
            continue  # (the title of the name: "Rep. Diane Black")
        # (a plural name, "Republicans", is a group: no one person the epithet could mean)
        if (t.pos_ == "PROPN" and t.ent_type_ not in NOT_PEOPLE and t.tag_ != "NNPS") or (
                t.pos_ == "NOUN" and t.lower_ in person_nouns):
            return None  # "Fuller met the sheriff": either could be meant
    key = next(iter(people))
    if among is not None and key not in among:
        return None
    known = ents.genders.get(key)
    if gender is not None and known not in (None, gender):
        return None
    return key


def _center(resolver, pronoun: Token, gender: str | None, among: set[str] | None,
            last_speaker: str | None, quote_speaks_of: bool = False) -> str | None:
    """The main subject of the sentence before a sentence-opening subject (`previous_subject`)."""
    doc, ents = resolver.doc, resolver.entities
    def quoted(char: int) -> bool:
        return resolver.quote_run_at(char) is not None

    sentence = pronoun.sent
    if quoted(pronoun.idx):
        return None
    # '"The countdown has begun," he said' without the marks: a content put before its tag is
    # what he said, and its subjects are no subject before him.
    tag, said = pronoun.head, set()
    if tag.lemma_.lower() in TAGS and tag.i > pronoun.i and pronoun.i > sentence.start:
        if tag.dep_ == "ROOT":
            said = {t.i for c in tag.children if c.dep_ == "ccomp" and c.i < pronoun.i for t in c.subtree}
        elif tag.dep_ == "parataxis" and doc[pronoun.i - 1].text == ",":
            mine = {t.i for t in tag.subtree}  # the parse made the content the root, the tag its aside
            said = {t.i for t in doc[sentence.start : pronoun.i] if t.i not in mine}
    if any(t.dep_ in SUBJECTS and not quoted(t.idx) and t.i not in said
           for t in doc[sentence.start : pronoun.left_edge.i]):
        return None
    if any(m.entity.type == "PERSON" and sentence.start_char <= m.start < pronoun.idx and not quoted(m.start)
           for m in ents.mentions):
        return None
    current, hops = sentence, 0
    while hops < MAX_HOPS:
        if current.start == 0:
            return None
        current = doc[current.start - 1].sent
        root = current.root
        if is_caption(current) or quoted(root.idx):
            continue
        hops += 1
        subjects = [c for c in root.children if c.dep_ in SUBJECTS]
        # "Speaking to a crowd ..., Hollis cast": a fronted participle the parse took for a
        # clausal subject is not the sentence's subject; the name is.
        subjects = [c for c in subjects if c.dep_ == "nsubj"] or subjects
        if (pronoun.pos_ == "PRON" and subjects and not quoted(subjects[0].idx) and gender in _POSSESSIVE
                and any(c.dep_ == "poss" and c.lower_ == _POSSESSIVE[gender] for c in subjects[0].children)
                and not any(m.start <= subjects[0].idx < m.end for m in ents.mentions)):
            # "His speech resembled a greatest-hits package. He pledged ...": the center is the
            # possessor, the same "he"; read further back to his name.
            continue
        if pronoun.pos_ == "PRON" and subjects and not quoted(subjects[0].idx) and _inanimate(resolver, subjects[0]):
            # "Hollis criticized the plan. The plan would close the port. It was approved in
            # May. He said ...": a sentence about a thing keeps the center where it was; read
            # further back, unless it names someone who could be the pronoun.
            if any(m.entity.type == "PERSON" and current.start_char <= m.start < current.end_char
                   and not quoted(m.start) and ents.genders.get(ents.key(m)) in (None, gender)
                   for m in ents.mentions):
                return None
            continue
        if not subjects or quoted(subjects[0].idx) or not (
                subjects[0].dep_ == "nsubj" or (subjects[0].dep_ == "nsubjpass" and root.lemma_.lower() in ASKED)):
            return None
        subject = subjects[0]
        if subject.lower_ == pronoun.lower_ or (pronoun.pos_ == "NOUN" and subject.lower_ in ("he", "she")
                                                 and gender in (None, _PRONOUN_GENDER[subject.lower_])):
            # "He transferred ...": the same pronoun, so the same center; read further back
            # (a description after a "he" is the same man too: "He said ... The senator added")
            gender = gender or _PRONOUN_GENDER.get(subject.lower_)
            continue
        key = _person_at(resolver, subject) or _named_subject(resolver, subject, root)
        if key is None or (among is not None and key not in among and key != last_speaker):
            return None  # named in the content, unless they also spoke last (the same chain)
        known = ents.genders.get(key)
        if gender is not None and known is not None and known != gender:
            return None
        named = [m for m in ents.mentions if m.entity.type == "PERSON" and ents.key(m) != key
                 and current.start_char <= m.start < current.end_char and not quoted(m.start)
                 and (gender is None or ents.genders.get(ents.key(m)) in (None, gender))]
        if pronoun.pos_ == "NOUN" and _someone_else(resolver, current, root, subject, pronoun):
            return None  # "Keller met Hollis. The mayor said": either could be the mayor
        if quote_speaks_of:
            # "Trump mocked Kerry ... '"He never walked away from the table," he said': a
            # quotation that calls a man "he" is not his own, so the main clause's object, whom
            # it speaks of, is not the speaker.
            named = [m for m in named if not (m.head.dep_ == "dobj" and m.head.head.i == root.i)]
        if known is None or gender is None:
            return None if named else key
        # "Fennick met Ardley. He said ...": another man in the main clause leaves it open; one
        # inside a subordinate clause, a content or a possessive ("Keller's plan") does not.
        return None if any(_in_main_clause(m.head, root) for m in named) else key
    return None


EMBEDDING = {"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "pcomp", "poss"}
# Entity types of a proper noun that cannot be the person a description means.
NOT_PEOPLE = {"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "MONEY", "PERCENT", "QUANTITY",
              "CARDINAL", "ORDINAL", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"}


def _someone_else(resolver, sentence: Span, root: Token, subject: Token, description: Token) -> bool:
    """Whether the main clause before a description names anyone else it could mean: a proper
    noun that is no place or date (whatever type the tagger gave it: "met Hollis"), or a noun
    of the description's own kind ("met the governor")."""
    mine = {t.i for t in subject.subtree}
    for t in sentence:
        if t.i in mine or resolver.quote_run_at(t.idx) is not None or not _in_main_clause(t, root):
            continue
        if t.pos_ == "PROPN" and t.ent_type_ not in NOT_PEOPLE and t.dep_ != "compound":
            return True
        if t.pos_ == "NOUN" and t.lower_ == description.lower_:
            return True
    return False


def _in_main_clause(token: Token, root: Token) -> bool:
    """Whether a token is an argument of the main clause (an object, a conjunct, an
    apposition or a prepositional phrase of it), not inside an embedded clause or a possessive."""
    while token != root and token.head != token:
        if token.dep_ in EMBEDDING:
            return False
        token = token.head
    return token == root


INANIMATE_PRONOUNS = {"it", "this", "that"}


def _inanimate(resolver, subject: Token) -> bool:
    """A subject that is a thing, no one who could speak: "it", or a definite common noun
    that names no person and takes up a thing the text spoke of before, not as a subject
    ("praised the new quay. The quay cost ..."); no entity covers it. Without animacy
    data a new noun ("A witness saw ...") may be someone, so it is not skipped."""
    if any(m.start <= t.idx < m.end for m in resolver.entities.mentions for t in subject.subtree):
        return False
    if subject.lower_ in INANIMATE_PRONOUNS:
        return True
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lower_ in resolver._person_nouns():
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its") for c in subject.children):
        return False
    if any(t.pos_ == "PROPN" for t in subject.subtree):
        return False
    lemma = subject.lemma_.lower()
    return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.dep_ not in SUBJECTS
               for t in subject.doc[: subject.sent.start])


def _named_subject(resolver, subject: Token, root: Token) -> str | None:
    """The person a subject that is no name is said to be, in its own sentence: "Russia's
    ambassador to the EU, Vladimir Chizhov, told the BBC ..." (a name in apposition to it),
    "One of those was Mr. Alexander, who ..." (the name a "be" makes it). One name only."""
    names = [c for c in subject.children if c.dep_ == "appos"]
    if root.lemma_.lower() == "be":
        names += [c for c in root.children if c.dep_ == "attr"]
    found = {key for c in names if c.pos_ == "PROPN" for key in [_person_at(resolver, c)] if key is not None}
    return next(iter(found)) if len(found) == 1 else None


def _person_at(resolver, subject: Token) -> str | None:
    """The person the subject token names: a person mention at its head, or a surname the
    NER missed that one person of the text holds."""
    ents = resolver.entities
    for m in ents.mentions:
        if m.start <= subject.idx < m.end:
            return ents.key(m) if m.entity.type == "PERSON" else None
    if subject.pos_ != "PROPN":
        return None
    span = subject.doc[subject.left_edge.i : subject.i + 1]
    return resolver.surname(span)


# Verbs of telling: their object, or the object of their "to", is the one told.
TELLING = {"tell", "inform", "assure", "warn", "remind", "brief", "promise", "write", "say", "explain",
           "speak", "announce", "complain", "admit", "confide", "insist", "vow", "pledge"}
TOLD_OBJECT = {"tell", "inform", "assure", "warn", "remind", "brief", "promise"}


def addressee(resolver, pronoun: Token, key: str) -> str | None:
    """Who told `key`, where `key` was last named, before the pronoun, as the one told (module
    docstring): the teller's entity id, "" for a name no entity holds, None if not told."""
    gender = resolver.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
    ents = resolver.entities
    last = [m for m in ents.mentions if m.end <= pronoun.idx and ents.key(m) == key]
    if not last or gender not in ("m", "f"):
        return None
    head = last[-1].head
    if head.dep_ in ("dobj", "dative", "iobj"):
        verb = head.head
        if verb.lemma_.lower() not in TOLD_OBJECT:
            return None  # "praised Hannity": the one praised, not told
    elif head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.dep_ in ("prep", "dative"):
        verb = head.head.head
    else:
        return None
    if verb.lemma_.lower() not in TELLING or verb.pos_ not in ("VERB", "AUX"):
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        teller = _person_at(resolver, subject) or next(
            (ents.key(m) for m in ents.mentions if m.start <= subject.idx < m.end), None)
        if teller is not None and teller != key:
            return teller if ents.genders.get(teller) in (None, gender) else None
        return "" if subject.pos_ == "PROPN" and teller is None else None
    return None


QUOTED_NAME_WORDS = 4


def quoted_only(resolver, pronoun: Token) -> set[str]:
    """People every earlier mention of whom lies inside quotation marks (for a pronoun outside
    them): no antecedent of it (module docstring)."""
    def quoted(char: int) -> bool:
        return resolver.quote_run_at(char) is not None

    if quoted(pronoun.idx):
        return set()
    ents = resolver.entities
    text = text_of(resolver.doc)
    inside, outside = set(), set()
    for m in ents.mentions:
        if m.start >= pronoun.idx or m.entity.type != "PERSON":
            continue
        run = resolver.quote_run_at(m.start)
        # A quoted name or nickname ('his nom de guerre, "Bes"') is no quotation of speech.
        speech = run is not None and len(text[run[0]:run[1]].split()) > QUOTED_NAME_WORDS
        (inside if speech else outside).add(ents.key(m))
    return inside - outside


def paragraph_person(resolver, pronoun: Token, among: set[str] | None,
                     person_nouns: set[str]) -> str | None:
    """The one person of the pronoun's paragraph before it (module docstring), or None."""
    gender = resolver.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
    if gender not in ("m", "f") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    doc, ents = resolver.doc, resolver.entities
    def quoted(char: int) -> bool:
        return resolver.quote_run_at(char) is not None

    if quoted(pronoun.idx):
        return None
    text = text_of(doc)
    start = text.rfind("\n", 0, pronoun.idx) + 1
    people: set[str] = set()
    usable: set[str] = set()
    covered: set[int] = set()
    for m in ents.mentions:
        if not (start <= m.start < pronoun.idx) or quoted(m.start):
            continue
        covered |= set(range(m.start, m.end))
        if m.entity.type != "PERSON":
            continue
        key = ents.key(m)
        if m.head.dep_ == "compound" and m.head.head.pos_ == "NOUN":
            continue  # "the Keller family": a family, not Keller
        people.add(key)
        if m.role == "possessor":
            people.add("possessed:" + key)  # "Keller's lawyer": the lawyer may be meant
            continue
        usable.add(key)
    if len(people) != 1 or len(usable) != 1:
        return None
    key = next(iter(usable))
    if ents.genders.get(key) != gender or (among is not None and key not in among):
        return None
    # Anyone else the pronoun could mean: a person's noun or an unresolved name as a subject.
    for t in doc.char_span(start, pronoun.idx, alignment_mode="contract") or []:
        # (a relative "that" or "which" stands for a thing, never for another person)
        if t.dep_ not in ("nsubj", "nsubjpass") or quoted(t.idx) or t.idx in covered or t.tag_ == "WDT":
            continue
        if t.pos_ == "PROPN" or t.lower_ in person_nouns or (t.pos_ == "PRON" and t.lower_ not in (pronoun.lower_, "it", "they", "we", "i", "you")):
            return None
    return key
