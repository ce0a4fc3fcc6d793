"""claimscope_speakers: who each attribution's source is, as an entity of the document.

The single owner of `Attribution.source_entity`. A source that names someone is that entity,
by the head of the phrase: "Iris director Sir Richard Eyre" is Eyre, "Dravon Keelhaul, a
spokeswoman for Northwind" is Keelhaul, "a spokeswoman for Northwind" is Northwind. A pronoun
takes the main subject of the sentence before where it opens its sentence
(`claimscope.nlp.speaker_centering`), else the best-scored earlier entity of its gender and
number (`PronounResolver`, scored on GAP with `claimscope eval gap`), never someone named
only inside a quotation nor the one just told ("X told Y that ... He said" is not Y); "who" is
the person its clause modifies, but in "whom Smith called ..." the speaker is Smith, and a name
that is the subject of a relative clause inside the source ("the adviser, whom Trump praised")
is not the speaker; "the company", "the ministry", "the spokesman" take the one
organisation of the text that fits. A quotation that runs over several sentences keeps one
speaker, and a byline never speaks. A document speaks for its maker ("a Quinnipiac poll",
"the poll, conducted by Marist"; "the statement" after "X issued a statement" is X's), and a
transcript's label in capitals ("KELLER:") is the person of that name. No one entity is a
group: "Hollis and Berridge", "some Republicans" (not the party), a "they" after the people a
company hired (not the company); nor is the one told ("Hollis was told by aides"), nor does an
office the tagger typed as a person ("Office of Management and Budget under Trump") take a
person's surname. Where the text leaves two readings open, the source stays
unresolved (`source_entity` None): a wrong speaker is worse than none.

Rules and word lists are data in `lexicons/speakers.json`.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimscope.model.records import Attribution, Entity
from claimscope.nlp.entities import GENERATIONS
from claimscope.nlp.entity_forms import first_name_gender
from claimscope.nlp.entity_knowledge import is_place
from claimscope.nlp.extensions import ensure_extensions, text_of
from claimscope.nlp.speaker_centering import (
    TOLD_OBJECT,
    addressee,
    described_subject,
    named_just_before,
    paragraph_person,
    previous_subject,
    quoted_only,
)
from claimscope.nlp.speaker_fit import source_fits

LEXICON = Path(__file__).parent / "lexicons" / "speakers.json"
SPEAKING_TYPES = {"PERSON", "ORG", "GPE", "NORP"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "dative", "iobj", "attr", "oprd"}
# How far back a pronoun looks for its antecedent, and which entity types fit it.
PRONOUN_TYPES = {"m": {"PERSON"}, "f": {"PERSON"}, "n": {"ORG", "GPE", "NORP"},
                 "x": {"ORG", "NORP"}}
FEATURES = (
    "same_sentence", "previous_sentence", "distance", "subject", "object", "possessor",
    "prepositional", "parallel", "salience", "in_title", "first_person", "cataphora",
    "nearest", "nearest_subject", "main_subject", "gender_known", "modifier", "last_speaker",
    "governs", "same_clause", "intervening", "sentence_initial", "two_back", "subject_to_subject",
    "possessive_to_subject", "object_to_object", "subject_to_object", "embedded", "in_parentheses",
    "entity_subject_near", "poss_same_clause", "previous_main_subject", "title_subject",
    "mentions_all", "pronoun_sentence_initial",
)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(LEXICON.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _first_names():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@dataclass
class MentionInfo:
    start: int
    end: int
    entity: Entity
    sentence: int
    head: Token  # syntactic head of the mention

    @property
    def role(self) -> str:
        return _role(self.head)


def _role(token: Token) -> str:
    dep = token.dep_
    if dep in SUBJECT_DEPS:
        return "subject"
    if dep in OBJECT_DEPS:
        return "object"
    if dep == "poss":
        return "possessor"
    if dep == "pobj":
        return "prepositional"
    if dep in ("compound", "appos", "amod", "nmod"):
        return "modifier"
    return "other"


# Nouns for a business: "the company", "the firm" stand for no party, chamber or ministry.
_COMMERCIAL_NOUNS = {"company", "firm"}

# Passives that raise what is said of someone into the subject: "X is said to", "is believed to".
_RAISING_PASSIVES = {"say", "believe", "think", "speculate", "rumor", "rumour", "expect", "report",
                     "know", "consider", "suppose", "allege", "understand", "reckon", "presume"}


def _person_clusters(entities: list[Entity], honorifics: set[str], keep_apart: set[str],
                     genders: dict[str, str | None] | None = None) -> dict[str, str]:
    """Entity id -> the id of the person it names: a lone "Monica" or "Battistini" is the one
    person of the text whose name holds that word, when there is exactly one. Other entities
    are their own cluster. `keep_apart` ids are never merged with each other, nor a lone name
    with a person of the other sex by `genders` ("Mrs. Bush" beside George W. Bush)."""
    genders = genders or {}
    cluster = {e.id: e.id for e in entities}
    people = [e for e in entities if e.type == "PERSON"]

    def words(e: Entity) -> list[str]:
        return [w.lower() for w in e.name.replace(".", " ").split() if w.lower() not in honorifics]

    full = [e for e in people if len(words(e)) >= 2]
    for e in people:
        own = words(e)
        if len(own) >= 2:
            same = [f for f in full if f is not e and words(f) == own and f.id not in keep_apart]
            if same and e.id not in keep_apart:
                cluster[e.id] = cluster[same[0].id] if cluster[same[0].id] != e.id else same[0].id
            continue
        if not own:
            continue
        # A son's generation is no surname: "Donald Trump Jr." holds "Trump" as his father
        # "Donald Trump" does, so a lone "Trump" beside both is either and names neither.
        holders = {f.id for f in full if own[0] in (words(f)[0], _without_generation(words(f))[-1])}
        twins = [f for f in people if f is not e and words(f) == own]
        if len(holders) == 1:
            target = next(iter(holders))
        elif not holders and twins:
            target = twins[0].id
        else:
            continue
        if e.id in keep_apart and target in keep_apart:
            continue
        if None not in (genders.get(e.id), genders.get(target)) and genders[e.id] != genders[target]:
            continue
        cluster[e.id] = target
    # Follow chains once more so every member points at its cluster's head.
    return {k: cluster.get(v, v) for k, v in cluster.items()}


def _without_generation(words: list[str]) -> list[str]:
    """A name's words without a trailing "Jr", "Sr", "II" ... (never all of them)."""
    return words[:-1] if len(words) >= 2 and words[-1].strip(",") in GENERATIONS else words


def _clause(token: Token) -> Token:
    """The verb heading the clause a token sits in (the sentence root at the latest)."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head != head:
        head = head.head
    return head


def _left_width(m: MentionInfo) -> int:
    return m.head.i - m.head.left_edge.i if m.head.left_edge.i >= m.head.sent.start else 0


def _embedded(token: Token) -> bool:
    """Inside a relative or subordinate clause, or a noun's modifier ("the son of X")."""
    for ancestor in token.ancestors:
        if ancestor.dep_ in ("relcl", "acl", "advcl", "pcomp"):
            return True
    return token.dep_ == "pobj" and token.head.head.pos_ in ("NOUN", "PROPN")


def _in_clause_on(token: Token, root: Token) -> bool:
    """Whether the token stands in a clause that modifies the root ("a senior official
    accompanying Kerry on his stop", "an aide who worked for Ryan"): the name there is whom
    the clause is about, not who the phrase is (issue 9: such an official's words were given
    to Kerry)."""
    t = token
    while t.i != root.i and t.head.i != t.i:
        if t.dep_ in ("acl", "relcl", "advcl"):
            return True
        t = t.head
    return False


def _in_parentheses(token: Token) -> bool:
    sent = token.sent
    before = sent.doc[sent.start : token.i].text
    return before.count("(") > before.count(")")


class DocumentEntities:
    """The entity mentions of one Doc, in text order, with their genders and sentences."""

    def __init__(self, doc: Doc, entities: list[Entity], *, title: str | None = None,
                 excluded: list[tuple[int, int]] | None = None, keep_apart: set[str] | None = None):
        self.doc = doc
        self.lex = lexicon()
        own_genders = {e.id: self._gender(e) for e in entities if e.type == "PERSON"}
        self.cluster = _person_clusters(entities, set(self.lex["honorifics"]), keep_apart or set(), own_genders)
        self.sentence_starts = [s.start_char for s in doc.sents]
        excluded = excluded or []
        mentions = []
        for entity in entities:
            if entity.type not in SPEAKING_TYPES:
                continue
            for m in entity.mentions:
                if any(s <= m.start < e for s, e in excluded):
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                mentions.append(MentionInfo(m.start, m.end, entity, self.sentence_of(m.start),
                                            span.root))
        mentions.sort(key=lambda m: m.start)
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.genders: dict[str, str | None] = {}
        for entity in entities:
            if entity.type == "PERSON":
                key, gender = self.cluster[entity.id], own_genders[entity.id]
                if key not in self.genders:
                    self.genders[key] = gender
                elif gender is not None and self.genders[key] not in (None, gender):
                    self.genders[key] = None  # two genders in one cluster: say nothing
                elif gender is not None:
                    self.genders[key] = gender
        title_words = {w.lower().strip(".,:;'\"()") for w in (title or "").replace("_", " ").split()}
        self.in_title = {self.cluster[e.id] for e in entities
                         if title_words and any(w.lower() in title_words for w in e.name.split() if len(w) > 2)}
        people = [m for m in mentions if m.entity.type == "PERSON"]
        self.first_person = self.cluster[people[0].entity.id] if people else None

    def key(self, m: MentionInfo) -> str:
        return self.cluster.get(m.entity.id, m.entity.id)

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sentence_starts, char) - 1)

    def _gender(self, entity: Entity) -> str | None:
        """From honorifics before a mention, gendered nouns around it, else the first name."""
        votes = {"m": 0, "f": 0}
        honorifics, nouns = self.lex["honorifics"], self.lex["gendered_nouns"]
        for m in entity.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            before = self.doc[max(0, span.start - 1)] if span.start > 0 else None
            words = [t.lower_ for t in span] + ([before.lower_] if before is not None else [])
            for w in words:
                if honorifics.get(w) in votes:
                    votes[honorifics[w]] += 2
            # "the actress Jane Doe", "Doe, the spokeswoman": a gendered noun tied to the name.
            root = span.root
            related = [root.head] if root.dep_ in ("appos", "compound") else []
            related += [c for c in root.children if c.dep_ in ("appos", "compound")]
            related += [t for t in span if t.dep_ == "compound"]
            for t in related:
                if nouns.get(t.lower_) in votes:
                    votes[nouns[t.lower_]] += 2
        if votes["m"] != votes["f"]:
            return "m" if votes["m"] > votes["f"] else "f"
        for name in [entity.name] + [m.text for m in entity.mentions]:
            words = [w for w in name.replace(".", " ").split() if w.lower() not in honorifics]
            # "Bashar al-Assad", "Ursula von der Leyen": a lower-case particle is part of the
            # surname, so the capitalised word before it is still a first name.
            words = words if words and words[0][:1].isupper() else []
            if len(words) >= 2:
                found = first_name_gender(words[0])
                if found:
                    return found
        return None

    def before(self, char: int, lookback_sentences: int) -> list[MentionInfo]:
        first = self.sentence_of(char) - lookback_sentences
        index = bisect_right(self.starts, char)
        return [m for m in self.mentions[:index] if m.sentence >= first and m.end <= char]


_OPENING_QUOTES = ("\u201c", '"')
# Organisation nouns a place's name may stand for ("the Cypriot government" is Cyprus speaking);
# with any other ("court", "police", "university") the place only says where the body is.
_STATE_BODY_NOUNS = {"government", "administration", "ministry", "department", "agency", "army",
                     "military", "force", "country", "state", "regulator", "watchdog"}


class PronounResolver:
    """Ranks the entities a pronoun may stand for; answers None when no reading stands out.

    A candidate must agree with the pronoun in gender and number (a name of the other gender is
    skipped, never chosen) and must not be excluded by the clause ("Varga praised him": "him"
    is not Varga). The rest are scored by a linear model over recency, grammatical role,
    parallelism, salience and topic (FEATURES; weights in lexicons/speakers.json, fitted on GAP
    development). The best becomes the antecedent when it is more likely than "no one named",
    holds at least `min_probability` of the probability among the named candidates and beats
    the runner-up by `margin` (log-odds).
    """

    def __init__(self, entities: DocumentEntities, *, weights: dict[str, float] | None = None,
                 min_probability: float | None = None, margin: float | None = None,
                 require_gender: bool = False):
        self.entities = entities
        # Attributions: "she" goes only to someone known to be a woman (or to the last speaker).
        self.require_gender = require_gender
        lex = entities.lex
        self.pronouns = lex["pronouns"]
        self.reflexives = set(lex["reflexives"])
        self.weights = weights if weights is not None else lex["weights"]
        self.bias = float(self.weights.get("none", 0.0))
        self.min_probability = lex.get("min_probability", 0.0) if min_probability is None else min_probability
        self.margin = lex["ambiguity_margin"] if margin is None else margin
        self.lookback = lex["lookback_sentences"]

    def candidates(self, pronoun: Token, *, last_speaker: str | None = None) -> dict[str, dict[str, float]]:
        """Entity id -> feature values, for every entity the pronoun may stand for."""
        gender, number = self.pronouns.get(pronoun.lower_, (None, None))
        if gender is None:
            return {}
        types = PRONOUN_TYPES[gender]
        ents = self.entities
        at = pronoun.idx
        sentence = ents.sentence_of(at)
        # "They" most often means an unnamed group ("Some will say ... They are right"): only an
        # organisation of the same or the previous sentence will do.
        earlier = ents.before(at, self.lookback if gender != "x" else 1)
        # Cataphora: "In his first season, Varga ..." (a name after the pronoun, same sentence).
        # Not a name inside a quotation that opens after it: in '"We have won," he added,
        # "Sen. Cruz is eliminated"' the one quoted speaks of Cruz, and is not Cruz.
        text = text_of(pronoun.doc)
        later = [m for m in ents.mentions if m.start > at and m.sentence == sentence
                 and not any(q in text[at:m.start] for q in _OPENING_QUOTES)]
        found: dict[str, dict[str, float]] = {}
        counts: dict[str, int] = {}
        for m in ents.mentions:
            if m.start < at:
                counts[ents.key(m)] = counts.get(ents.key(m), 0) + 1
        nearest = nearest_subject = None
        for m in reversed(earlier):
            if not self._fits(m, gender, types, pronoun):
                continue
            nearest = nearest or ents.key(m)
            if m.role == "subject" and nearest_subject is None:
                nearest_subject = ents.key(m)
        pronoun_role = _role(pronoun)
        totals: dict[str, int] = {}
        for m in ents.mentions:
            totals[ents.key(m)] = totals.get(ents.key(m), 0) + 1
        # "He" or "His" opening its sentence (after at most a word or two: "Later, he").
        initial = pronoun.i - pronoun.sent.start <= 2
        for m in list(reversed(earlier)) + later:
            key = ents.key(m)
            if key in found or not self._fits(m, gender, types, pronoun):
                continue
            known = ents.genders.get(key)
            distance = abs(sentence - m.sentence)
            f = {
                "same_sentence": float(distance == 0),
                "previous_sentence": float(distance == 1),
                "distance": math.log1p(abs(at - m.start) / 20),
                "subject": float(m.role == "subject"),
                "object": float(m.role == "object"),
                "possessor": float(m.role == "possessor"),
                "prepositional": float(m.role == "prepositional"),
                "parallel": float(m.role == pronoun_role or (pronoun_role == "possessor" and m.role == "subject")),
                "salience": math.log1p(counts.get(key, 0)),
                "in_title": float(key in ents.in_title),
                "first_person": float(key == ents.first_person),
                "cataphora": float(m.start > at),
                "nearest": float(key == nearest),
                "nearest_subject": float(key == nearest_subject),
                "main_subject": float(m.role == "subject" and m.head.head.dep_ == "ROOT"),
                "gender_known": float(known is not None and known == gender),
                "modifier": float(m.role == "modifier"),
                "last_speaker": float(last_speaker is not None and key == ents.cluster.get(last_speaker)),
                "governs": float(m.head.head in list(pronoun.ancestors) and m.role == "subject"),
                "same_clause": float(_clause(m.head) == _clause(pronoun)),
                "intervening": math.log1p(sum(1 for o in earlier if o.start > m.end and ents.key(o) != key
                                              and self._fits(o, gender, types, pronoun))),
                "sentence_initial": float(m.head.sent.start <= m.head.i - _left_width(m) <= m.head.sent.start + 1),
                "two_back": float(distance >= 2),
                "subject_to_subject": float(pronoun_role == "subject" and m.role == "subject"),
                "possessive_to_subject": float(pronoun_role == "possessor" and m.role == "subject"),
                "object_to_object": float(pronoun_role in ("object", "prepositional") and m.role == "object"),
                "subject_to_object": float(pronoun_role == "subject" and m.role in ("object", "prepositional")),
                "embedded": float(_embedded(m.head)),
                "in_parentheses": float(_in_parentheses(m.head)),
                "entity_subject_near": float(any(ents.key(o) == key and o.role == "subject"
                                                 and sentence - o.sentence in (0, 1) for o in earlier)),
                "poss_same_clause": float(pronoun_role == "possessor" and m.role == "subject"
                                          and _clause(m.head) == _clause(pronoun)),
                "previous_main_subject": float(distance == 1 and m.role == "subject"
                                               and m.head.head.dep_ == "ROOT" and initial),
                "title_subject": float(key in ents.in_title and m.role == "subject"),
                "mentions_all": math.log1p(totals.get(key, 0)),
                "pronoun_sentence_initial": float(initial and key == nearest_subject),
            }
            found[key] = f
        return found

    def _fits(self, m: MentionInfo, gender: str, types: set[str], pronoun: Token) -> bool:
        if m.entity.type not in types:
            return False
        known = self.entities.genders.get(self.entities.key(m))
        if gender in ("m", "f") and known is not None and known != gender:
            return False
        if m.start <= pronoun.idx < m.end:
            return False
        lower = pronoun.lower_
        head = m.head
        if lower in self.reflexives:
            return True
        # Binding: a non-reflexive object is not its own clause's subject ("Varga praised him").
        if _role(pronoun) in ("object", "prepositional") and head.dep_ in SUBJECT_DEPS:
            verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
            if head.head == verb:
                return False
        # "his wife Ana": the possessed noun's own apposition is not the possessor.
        if pronoun.dep_ == "poss" and (head.head == pronoun.head or head == pronoun.head):
            return False
        return True

    def _coordinated(self, pronoun: Token, first: str, second: str) -> bool:
        """Whether the two best candidates were last named side by side ("X and Y")."""
        last: dict[str, MentionInfo] = {}
        for m in self.entities.before(pronoun.idx, self.lookback):
            last[self.entities.key(m)] = m
        a, b = last.get(first), last.get(second)
        if a is None or b is None:
            return False
        return a.head.head == b.head or b.head.head == a.head or (
            a.head.dep_ == b.head.dep_ == "conj" and a.head.head == b.head.head)

    def score(self, features: dict[str, float]) -> float:
        """Weights of single features ("subject") and of pairs ("subject*same_sentence")."""
        total = 0.0
        for key, weight in self.weights.items():
            if "*" in key:
                a, b = key.split("*", 1)
                total += weight * features.get(a, 0.0) * features.get(b, 0.0)
            elif key != "none":
                total += weight * features.get(key, 0.0)
        return total

    def ranking(self, pronoun: Token, *, last_speaker: str | None = None,
                among: set[str] | None = None) -> list[tuple[str, float]]:
        """(entity id, probability) best first; the probabilities include "no antecedent here".

        `among`: only these entities are in the running (GAP names the two candidates)."""
        found = self.candidates(pronoun, last_speaker=last_speaker)
        if among is not None:
            keep = {self.entities.cluster.get(e, e) for e in among}
            found = {k: v for k, v in found.items() if k in keep}
        if not found:
            return []
        scores = {e: self.score(f) for e, f in found.items()}
        top = max(list(scores.values()) + [self.bias])
        total = math.exp(self.bias - top) + sum(math.exp(s - top) for s in scores.values())
        ranked = sorted(((e, math.exp(s - top) / total) for e, s in scores.items()),
                        key=lambda x: -x[1])
        return ranked

    def resolve(self, pronoun: Token, *, last_speaker: str | None = None,
                among: set[str] | None = None) -> str | None:
        ranked = self.ranking(pronoun, last_speaker=last_speaker, among=among)
        if not ranked:
            return None
        if self.require_gender and len(ranked) > 1 and self._coordinated(pronoun, ranked[0][0], ranked[1][0]):
            return None  # "Fennick and Ardley met ... He said": either of them
        best, p = ranked[0]
        named = sum(q for _, q in ranked)
        # "No one named here" more likely than the best name; or the best holds too small a
        # share among the names in the running.
        if p <= 1.0 - named or p / named < self.min_probability:
            return None
        if len(ranked) > 1 and math.log(p) - math.log(max(ranked[1][1], 1e-12)) < self.margin:
            return None  # two readings stay open
        gender = self.pronouns[pronoun.lower_][0]
        if (self.require_gender and gender in ("m", "f") and self.entities.genders.get(best) is None
                and best != self.entities.cluster.get(last_speaker or "")):
            return None
        return best


def byline_spans(doc: Doc, author: str | None) -> list[tuple[int, int]]:
    """Character ranges of byline lines ("By Lauren Pelley", "Lauren Pelley / CBC News") among
    the first lines of the text, and of the author's own name anywhere: they never speak."""
    text = text_of(doc)
    marks = lexicon()["byline_marks"]
    spans, at = [], 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip().lower()
        if number < 6 and stripped and len(stripped) < 90 and (
            any(stripped.startswith(m + " ") for m in marks) or " / " in stripped or " | " in stripped
        ):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    if author:
        start = text.find(author)
        while start >= 0:
            spans.append((start, start + len(author)))
            start = text.find(author, start + 1)
    return spans


# A photo credit: a name joined to an agency by a slash ("Evan Harbour/AP", "AP Photo/Jo
# Lin"), or a caption line ("Image copyright Reuters", "Photo: ...").
_AGENCIES = r"(?:AP|AFP|Reuters|Getty Images|Getty|EPA|Bloomberg|Shutterstock|Alamy|PA|UPI|Xinhua|AAP)"
_NAME_WORD = r"[A-Z](?:\.|[\w'’-]*)"  # "Evan", "J." (an initial), never "Westbrook." ending a sentence
_CREDIT = re.compile(
    r"(?:\b" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,3}[ \t]*/[ \t]*" + _AGENCIES
    + r"\b(?:[ \t]+(?:Photo|Images))?"
    r"|\b" + _AGENCIES + r"[ \t]+Photo[ \t]*/[ \t]*" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,3}"
    # "Image copyright Getty Image caption Ms Daniels says ...": the credit runs to the caption,
    # whose words are the text's own (a caption can report what someone says).
    r"|^[ \t]*Image copyright[^\n]*?(?=[ \t]*Image caption|$)|\b(?:Image|Media) caption\b"
    r"|^[ \t]*(?:Photo:|Photograph:|Picture:)[^\n]*)",
    re.MULTILINE)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of photo credits and caption lines: what they name is no speaker,
    and their agency is no mention that makes "the agency" or "it" its own."""
    return [(m.start(), m.end()) for m in _CREDIT.finditer(text)]


def _as_office(entity: Entity, office_words: set[str]) -> Entity:
    """A "person" whose name holds an office's word ("Office of Management and Budget under
    Trump") is an office the tagger typed as a person: for the speaker rules it is an
    organisation, so no "Trump" nor "he" is given to it."""
    if entity.type != "PERSON":
        return entity
    words = entity.name.replace(",", " ").split()
    if "under" not in words and len(words) >= 2 and words[-1] in office_words and not any(
            w in office_words for w in words[:-1]) and _first_names().get_gender(words[0]) != "unknown" and not any(
            w.lower().strip(".") in GENERATIONS for w in words[:-1]):
        # "Margaret Court", "Jim House": a given name, then a surname that is also an office's
        # word, is a person (no court nor House of the text is she); not "Martin Luther King
        # Jr. Memorial", where a word after the "Jr." names a thing after him.
        return entity
    if any(w in office_words for w in words) or "under" in words:
        return replace(entity, type="ORG")
    return entity


class SpeakerResolver:
    """Resolves attribution sources of one Doc to its entities (rules in the module docstring)."""

    def __init__(self, doc: Doc, entities: list[Entity], *, title: str | None = None,
                 author: str | None = None, date: str | None = None):
        self.doc = doc
        self.lex = lexicon()
        self.date = date  # the document's date, "YYYY-MM-DD..." (who "the president" was)
        self._person_noun_set: frozenset[str] | None = None
        office_words = set(self.lex["office_words"])
        entities = [_as_office(e, office_words) for e in entities]
        self.byline = byline_spans(doc, author) + credit_spans(text_of(doc))
        self.entities = DocumentEntities(doc, entities, title=title, excluded=self.byline)
        self.pronouns = PronounResolver(self.entities, require_gender=True)
        self.by_id = {e.id: e for e in entities}
        self._quote_runs: list[tuple[int, int]] | None = None
        self._quote_starts: list[int] = []
        # a person mention's title words, by its offsets: `_titled_person` asks for every
        # earlier mention at every "the senator", so each is read once
        self._titles: dict[tuple[int, int], frozenset[str]] = {}

    def resolve(self, start: int, end: int, *, last_speaker: str | None = None,
                content: tuple[int, int] | None = None, since: int | None = None,
                previous: Attribution | None = None) -> str | None:
        """The entity id a source span stands for, or None.

        `since`: where the last speaker's attribution ended (its cue); a pronoun tagging a
        quotation that went on from there with no word of the narrator's between is the
        last speaker.
        `previous`: the attribution before, whose speaker a pronoun may go on with where the
        text left that speaker unnamed (`_unnamed_antecedent`).
        `content`: where the attribution's content is; a pronoun never stands for someone the
        content names ("He called Kerry's arrangement a slap" is not Kerry speaking)."""
        credits = [e for s, e in self.byline if s < end and start < e]
        if credits:
            # A byline or a photo credit ("Evan Harbour/AP") never speaks; a source the tagger
            # ran on from a credit into the caption ("copyright AFP Image caption Ms Daniels")
            # is the caption's words after it.
            text = text_of(self.doc)
            cut = max(credits)
            while cut < end and text[cut].isspace():
                cut += 1
            if cut >= end or cut <= start:
                return None
            return self.resolve(cut, end, last_speaker=last_speaker, content=content)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        root = span.root
        if root.lower_ in self.lex["pronouns"] and root.pos_ == "PRON":
            if root.lower_ in ("i", "we"):
                return None  # the speaker of a first person is the attribution's own frame
            among = None
            if content is not None:
                named = {self.entities.key(m) for m in self.entities.mentions
                         if content[0] <= m.start < content[1]}
                among = {self.entities.key(m) for m in self.entities.mentions} - named
            joined = self._coordinated_subject(root, among)
            if joined is not None:
                return joined
            if self._unnamed_antecedent(root, previous):
                return None
            if since is not None and self._quotation_goes_on(root, last_speaker, since):
                return self.entities.cluster.get(last_speaker, last_speaker)
            if self._last_speaker_goes_on(root, last_speaker, previous):
                going_on = self.entities.cluster.get(last_speaker, last_speaker)
                return None if self._unnamed_owner_before(root, going_on) else going_on
            found = self._pronoun(root, among, last_speaker, self._quote_speaks_of(root, content))
            if found is not None and (self._people_since(root, found) or self._unnamed_owner_before(root, found)):
                return None
            # '"Berridge never understood this," a dock worker said. He said ...': someone
            # named only inside quotation marks is not who the pronoun picks up.
            last = self.entities.cluster.get(last_speaker or "", last_speaker)
            if found is not None and found != last and found in quoted_only(self, root):
                return None  # not the one who spoke last either
            teller = addressee(self, root, found) if found is not None else None
            if teller is not None:
                # "Trump told Fox News host Sean Hannity that ... He said": not Hannity; Trump
                # where he is the last speaker too.
                return teller if teller and teller == last else None
            return found
        return self._not_pronoun(span, root, start, end, last_speaker, content)

    def _quote_speaks_of(self, pronoun: Token, content: tuple[int, int] | None) -> bool:
        """Whether the content is a quotation that calls someone of the pronoun's gender "he"
        or "she" (him, his, her): a quotation's third person is never its speaker."""
        forms = {"he": ("he", "him", "his", "himself"), "she": ("she", "her", "hers", "herself")}.get(pronoun.lower_)
        if content is None or forms is None or self.quote_run_at(content[0]) is None:
            return False
        inside = self.doc.char_span(content[0], content[1], alignment_mode="expand")
        return inside is not None and any(t.lower_ in forms and t.pos_ == "PRON" for t in inside)

    def _pronoun(self, root: Token, among: set[str] | None, last_speaker: str | None,
                 quote_speaks_of: bool = False) -> str | None:
        """A pronoun source: the speech tag's paragraph, the centre, the paragraph's one
        person, else the fitted ranking."""
        tagged = self._speech_tag_antecedent(root, among)
        if tagged is not None:
            return tagged
        centered = previous_subject(self, root, among, self.entities.cluster.get(last_speaker or "", last_speaker),
                                    quote_speaks_of=quote_speaks_of)
        if centered is not None:
            return centered
        alone = paragraph_person(self, root, among, self._person_nouns())
        if alone is not None:
            return alone
        return self.pronouns.resolve(root, last_speaker=last_speaker, among=among)

    def _quotation_goes_on(self, pronoun: Token, last_speaker: str | None, since: int) -> bool:
        """'"I never told Bolton ...," the president tweeted. "If Bolton said this ... no
        problems. [new paragraph] "Additionally, I met Zelensky," he continued.': the "he"
        tags a quotation that has run on from the last speaker's with nothing of the narrator's
        between (only quoted words, punctuation and paragraph breaks), so it is that speaker,
        whoever the quotation names. The last speaker must be known to be of the pronoun's
        gender."""
        gender = self.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
        if last_speaker is None or gender not in ("m", "f") or pronoun.dep_ != "nsubj":
            return False
        key = self.entities.cluster.get(last_speaker, last_speaker)
        if self.entities.genders.get(key) != gender or self.quote_run_at(pronoun.idx) is not None:
            return False
        sentence = pronoun.sent
        text = text_of(self.doc)
        if sentence.text.lstrip()[:1] not in '"“' or since > sentence.start_char:
            return False
        quoted_before = False
        for i in range(since, sentence.start_char):
            if text[i].isalnum():
                if self.quote_run_at(i) is None:
                    return False  # the narrator spoke in between
                quoted_before = True
        return quoted_before

    def _last_speaker_goes_on(self, pronoun: Token, last_speaker: str | None,
                              previous: Attribution | None) -> bool:
        """'Obama and Romney say ..., but Sadjadpour says voters are tired of wars.' then
        '"I think ...," he says.': the speaker of the sentence just before, named there as the
        source, is the "he" of the next one where no other person who could be a "he" was named
        since that source (its content and the words after it included). The names before the
        source, however prominent, were set aside when the text gave him the word."""
        gender = self.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
        if last_speaker is None or previous is None or previous.source is None or gender not in ("m", "f"):
            return False
        key = self.entities.cluster.get(last_speaker, last_speaker)
        if pronoun.dep_ != "nsubj" or self.entities.cluster.get(previous.source_entity or "", previous.source_entity) != key:
            return False
        if self.entities.genders.get(key) != gender or self.quote_run_at(pronoun.idx) is not None:
            return False
        if self.entities.sentence_of(pronoun.idx) - self.entities.sentence_of(previous.cue.start) != 1:
            return False
        cue = self.doc.char_span(previous.cue.start, previous.cue.end, alignment_mode="expand")
        if cue is None or cue.root.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"):
            return False  # "The plan, which Tom Berridge wrote, ...": no one was given the word
        return not any(m.entity.type == "PERSON" and previous.source.end <= m.start < pronoun.idx
                       and self.entities.key(m) != key and self.entities.genders.get(self.entities.key(m)) in (gender, None)
                       for m in self.entities.mentions)

    def _coordinated_subject(self, pronoun: Token, among: set[str] | None) -> str | None:
        """"The Freedom Caucus is even angrier ..., and it will insist that ...": the subject of
        a clause joined by "and" or "but" to the one before is that clause's subject, where it
        is an entity that fits the pronoun (an organisation for "it"; for "he" or "she" a person
        known to be of that gender)."""
        verb = pronoun.head
        if pronoun.dep_ != "nsubj" or verb.dep_ != "conj" or not any(
                c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i < pronoun.i for c in verb.head.children):
            return None
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.head.i]
        if not subjects or self.quote_run_at(subjects[0].idx) is not None:
            return None
        if any(c.dep_ == "conj" for c in subjects[0].children):
            return None  # "Keller and Hollis met ..., and he said": either of them
        gender = self.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
        at = [m for m in self.entities.mentions if m.start <= subjects[0].idx < m.end]
        if not at or at[0].entity.type not in PRONOUN_TYPES.get(gender, ()):
            return None
        key = self.entities.key(at[0])
        if among is not None and key not in among:
            return None
        if gender in ("m", "f") and self.entities.genders.get(key) != gender:
            return None  # "Keller praised Whitcombe, and she said": Keller only if known a woman
        return key

    def _not_pronoun(self, span: Span, root: Token, start: int, end: int, last_speaker: str | None,
                     content: tuple[int, int] | None) -> str | None:
        """A source that is no personal pronoun: a relative pronoun, a name, a description."""
        if self._group(span, root) or self._told(root):
            return None
        if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in TOLD_OBJECT and root.head.i >= span.end:
            return None  # "Hollis was told by aides that ...": the one told, not who told him
        if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in _RAISING_PASSIVES and root.head.i >= span.end \
                and any(c.dep_ == "xcomp" for c in root.head.children):
            # "Bush, who is speculated to be considering a run", "Hale is said to favour ...":
            # what is said is said of her, by someone the sentence does not name
            return None
        # "..., whom Smith called a fraud", "a clerk whom Keller accused of lying": the cue is
        # the relative clause's verb, so the subject of that clause is who spoke, not the noun
        # (or the "whom") the clause is about.
        subject = [t for t in span if t.dep_ in SUBJECT_DEPS and t.tag_ != "WP" and not (span.start <= t.head.i < span.end)
                   and t.head.dep_ == "relcl" and t != root]
        if subject:
            first = max(subject[0].left_edge.i, span.start)
            return self.resolve(self.doc[first].idx, subject[0].idx + len(subject[0]),
                                last_speaker=last_speaker, content=content)
        if root.tag_ == "WP" and root.lower_ in ("who", "whom") and root.dep_ not in SUBJECT_DEPS:
            return None  # the "whom" of "whom X called": never the one who called
        if root.dep_ == "relcl" and any(c.tag_ == "WP" and c.lower_ == "who" and c.dep_ in SUBJECT_DEPS
                                        and span.start <= c.i for c in root.children):
            # "Boehner, who smokes, has joked ...": the tagger took the relative clause for
            # the source; who speaks is the name it describes.
            root = next(c for c in root.children if c.tag_ == "WP" and c.lower_ == "who")
        if root.lower_ == "which" and root.dep_ in SUBJECT_DEPS and root.head.dep_ == "relcl":
            # "... the R.N.C., which issued a statement": an organisation the clause describes.
            antecedent = root.head.head
            for m in self.entities.mentions:
                if m.start <= antecedent.idx < m.end and m.entity.type in ("ORG", "GPE", "NORP"):
                    return self.entities.key(m)
            return None
        if root.tag_ == "WP" and root.lower_ in ("who", "whom") and root.head.dep_ == "relcl":
            # "... by Mark Hollis, who says ...": the relative pronoun is the noun its clause
            # modifies; a common noun there ("a mayor who believes") names no one.
            antecedent = root.head.head
            for m in self.entities.mentions:
                if m.start <= antecedent.idx < m.end and m.entity.type in ("PERSON", "ORG"):
                    return self.entities.key(m)
            return None
        # "Mark Hollis, the chief executive of X": the name the source phrase is in apposition to.
        # Not where the source names its own person: "with Fox News' Bret Baier, Attorney
        # General Bill Barr faulted ...", which the parse may hang on Baier, is Barr.
        if root.dep_ == "appos" and not (span.start <= root.head.i < span.end) and not any(
                m.entity.type == "PERSON" and m.start <= root.idx < m.end and span.start_char <= m.start
                for m in self.entities.mentions):
            for m in self.entities.mentions:
                if m.entity.type == "PERSON" and m.start <= root.head.idx < m.end:
                    return m.entity.id
        inside = [m for m in self.entities.mentions if m.start < span.end_char and m.end > span.start_char
                  and not _in_relative_clause(m.head, root)]
        if root.pos_ == "PROPN" and not any(m.start <= root.idx < m.end for m in inside):
            # "Booker, a senator from New Jersey and one of two dozen Democrats ...": the NER
            # missed the head name, and the places and groups of its apposition are no speaker;
            # the head is, as the one person of the text with that name.
            first = root.i
            while first > span.start and self.doc[first - 1].dep_ == "compound" and self.doc[first - 1].pos_ == "PROPN":
                first -= 1
            named = self._surname(self.doc[first : root.i + 1]) or self._short_body_name(span, root)
            if named is not None:
                return named
        if inside:
            return self._named(span, root, inside)
        # The names of a relative clause left out above are no surname of the speaker either
        if not any(m.start < span.end_char and m.end > span.start_char for m in self.entities.mentions):
            named = self._surname(span) or self._acronym(span)
            if named is not None:
                return named
        return self._described(span, root)

    def _unnamed_owner_before(self, pronoun: Token, key: str) -> bool:
        """"In Harlan's phone call with the prime minister, he called ...", where the tagger
        found no entity in "Harlan's": a possessive name before the pronoun in its sentence,
        outside every mention of the chosen antecedent, may be who "he" is."""
        mentions = self.entities.mentions
        for t in pronoun.sent:
            if t.i >= pronoun.i:
                break
            if not (t.pos_ == "PROPN" and t.is_title and t.i + 1 < len(self.doc) and self.doc[t.i + 1].tag_ == "POS") \
                    or self.quote_run_at(t.idx) is not None:
                continue
            at = [m for m in mentions if m.start <= t.idx < m.end]
            # (a person of the text, or a body or a place the world lexicon knows, is no stranger;
            # a one-word "place" the tagger guessed may be a surname)
            if not at or (at[0].entity.type == "GPE" and " " not in at[0].entity.name and not is_place(at[0].entity.name)):
                return True
        return False

    def _people_since(self, pronoun: Token, key: str) -> bool:
        """"Northwind hired two engineers, Hollis and Keller. They said ...": a "they" after
        people named (or a plural noun: "engineers", "workers") since the organisation it
        would stand for is those people, not the company they work for."""
        if self.pronouns.pronouns.get(pronoun.lower_, (None, None))[0] != "x":
            return False
        ents = self.entities
        last = [m for m in ents.mentions if m.end <= pronoun.idx and ents.key(m) == key]
        if not last or last[-1].entity.type == "PERSON":
            return False
        quantifiers = set(self.lex["group_quantifiers"])
        if any(c.lower_ in quantifiers for c in last[-1].head.children):
            return True  # "as many Democrats have asserted ... they said": some, not the party
        since = last[-1].end
        if any(m.entity.type == "PERSON" and since <= m.start and m.end <= pronoun.idx for m in ents.mentions):
            return True
        return any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "conj", "attr")
                   and since <= t.idx for t in self.doc[:pronoun.i] if self.quote_run_at(t.idx) is None)

    def _group(self, span: Span, root: Token) -> bool:
        """A source that is several people, or some of a group, never one entity:
        "Hollis and Berridge", "Senators Hollis and Berridge", "Keller and her lawyer" (two
        heads joined by "and"; not the "and" inside one name, "the Office of Management and
        Budget"); "some Republicans", "many Democrats", "other critics", "some of the
        Democrats" (a quantified plural is some members of the party, not the party)."""
        own = [m for m in self.entities.mentions if m.start <= root.idx < m.end]
        for c in root.children:
            if c.dep_ == "conj" and span.start <= c.i < span.end and c.pos_ in ("PROPN", "NOUN"):
                if any(m.start <= c.idx < m.end for m in own):
                    continue
                # "Newsmax CEO and Trump friend Chris Ruddy": titles joined before one name are
                # one person; a second name ("and Berridge") or someone's noun ("and his
                # lawyer", "and the company") is a second speaker.
                if c.pos_ == "PROPN" and root.pos_ == "PROPN":
                    return True
                if c.pos_ == "NOUN" and any(d.dep_ in ("det", "poss") for d in c.children):
                    return True
        quantifiers = set(self.lex["group_quantifiers"])
        if root.tag_ in ("NNS", "NNPS") and any(
                c.dep_ in ("det", "amod", "nummod", "quantmod", "advmod") and c.lower_ in quantifiers
                for c in root.children):
            return True
        if root.lower_ in quantifiers and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ in ("NNS", "NNPS") for g in c.children)
                for c in root.children):
            return True  # "some of the Democrats", "many of the senators"
        return False

    def _told(self, root: Token) -> bool:
        """The source is the one told ("... she told Smith that"): the object of "tell"."""
        return root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() in TOLD_OBJECT

    def _person_nouns(self) -> set[str]:
        """Common nouns that name a person ("lawyer", "spokeswoman", "senator"); built once per
        resolver (it was rebuilt for every pronoun and every attribution that asked)."""
        if self._person_noun_set is None:
            from claimscope.nlp.entities import person_titles

            self._person_noun_set = frozenset(
                set(self.lex["gendered_nouns"]) | set(self.lex["spokesperson_nouns"]) | set(person_titles()))
        return self._person_noun_set

    def quote_runs(self) -> list[tuple[int, int]]:
        """`quote_runs` of the text, computed once per document."""
        if self._quote_runs is None:
            self._quote_runs = quote_runs(text_of(self.doc))
            self._quote_starts = [a for a, _ in self._quote_runs]
        return self._quote_runs

    def quote_run_at(self, char: int) -> tuple[int, int] | None:
        """The quotation holding `char`, or None: a binary search over the runs (they are in
        text order and do not overlap), as the rules ask this for every mention they read."""
        runs = self.quote_runs()
        i = bisect_right(self._quote_starts, char) - 1
        return runs[i] if i >= 0 and char < runs[i][1] else None

    def surname(self, span: Span) -> str | None:
        return self._surname(span)

    def _unnamed_antecedent(self, pronoun: Token, previous: Attribution | None = None) -> bool:
        """Whether a pronoun's likeliest antecedent is someone or something the text describes
        but never names, so no entity of ours (the pronoun then stays unresolved):

        - "The council said it would appeal. It added ...": the nearest subject before an "it"
          or "they" (same or previous sentence) is a common noun of its number that no entity
          covers, not the last organisation the text did name;
        - "Hollis's deputy praised the work. He said ...": the nearest subject before a "he" or
          "she" (outside quotation marks) is a person's noun of its gender that is someone
          else's ("Hollis's deputy", "a lawyer for Keller") or someone new ("a dock worker"),
          with no name of its own, not Hollis;
        - '"Comey was never an investigator," the second agent said. [...] He added, "..."':
          the attribution before is that unnamed person's (`_goes_on_from_unnamed`)."""
        gender = self.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
        if gender in ("n", "x"):
            nearest = self._nearest_subject(pronoun, quoted=True)
            return (nearest is not None and nearest.pos_ == "NOUN"
                    and nearest.tag_ == ("NN" if gender == "n" else "NNS")
                    and not any(m.start <= t.idx < m.end for m in self.entities.mentions for t in nearest.subtree))
        if gender not in ("m", "f") or pronoun.dep_ != "nsubj":
            return False
        nearest = self._nearest_subject(pronoun, quoted=False)
        if nearest is not None and self._unnamed_person(nearest, gender):
            someone_elses = any(c.dep_ == "poss" for c in nearest.children) or any(
                c.dep_ == "prep" and c.lower_ in ("for", "to", "of") for c in nearest.children)
            new = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in nearest.children)
            if someone_elses or new:
                return True
        return self._goes_on_from_unnamed(pronoun, gender, previous)

    def _nearest_subject(self, pronoun: Token, *, quoted: bool) -> Token | None:
        """The last subject that is no pronoun before `pronoun`, in its sentence or the one
        before; `quoted`: one inside quotation marks counts too."""
        doc, sentence = self.doc, pronoun.sent
        first = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        subjects = [t for t in doc[first : pronoun.i] if t.dep_ in SUBJECT_DEPS and t.pos_ != "PRON"
                    and (quoted or self.quote_run_at(t.idx) is None)]
        return subjects[-1] if subjects else None

    def _unnamed_person(self, noun: Token, gender: str) -> bool:
        """A singular common noun for a person ("the deputy", "an official") that a "he" or
        "she" of `gender` can stand for (not "a spokesman" for a "she": review8a), and that no
        name is given in apposition or compound ("the harbour's director, Mark Hollis,")."""
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.lower_ not in self._unnamed_nouns():
            return False
        if self.lex["gendered_nouns"].get(noun.lower_, gender) != gender:
            return False
        return not any(m.start <= t.idx < m.end for m in self.entities.mentions for t in noun.subtree
                       if t.dep_ == "appos" or (t.head == noun and t.dep_ == "compound"))

    def _unnamed_nouns(self) -> set[str]:
        """Nouns for a person the text may leave unnamed: the person nouns and the lexicon's
        'unnamed_person_nouns' ("agent", "official", "man")."""
        return self._person_nouns() | set(self.lex["unnamed_person_nouns"])

    def _goes_on_from_unnamed(self, pronoun: Token, gender: str, previous: Attribution | None) -> bool:
        """A he or she right after an attribution whose speaker is a person the text describes
        but never names ("an FBI special agent", "the official") is that person, unless the
        narrator brings in someone else the pronoun could be in between (outside quotation
        marks: a person named, or another person's noun as a subject). Without this, the pronoun
        went to the most salient named man, often the one the unnamed speaker talked about."""
        if previous is None or previous.source is None or previous.source_entity is not None:
            return False
        doc = self.doc
        before = doc.char_span(previous.source.start, previous.source.end, alignment_mode="expand")
        if before is None or len(before) == 0 or not self._unnamed_person(before.root, gender):
            return False
        noun = before.root
        end = _frame_end(previous)
        between = text_of(doc)[end : pronoun.idx]
        if pronoun.idx - end > 800 or between.count("\n\n") > 2:
            return False
        nouns = self._unnamed_nouns()
        for t in doc.char_span(end, pronoun.idx, alignment_mode="contract") or ():
            if (t.dep_ in SUBJECT_DEPS and t.lower_ in nouns and t.lemma_ != noun.lemma_
                    and self.quote_run_at(t.idx) is None):
                return False  # "The senator was surprised ...": someone else the narrator brings in
        ents = self.entities
        for m in ents.mentions:
            if end <= m.start < pronoun.idx and m.entity.type == "PERSON" and self.quote_run_at(m.start) is None:
                key = ents.cluster.get(ents.key(m), ents.key(m))
                if ents.genders.get(key) in (None, gender):
                    return False  # the narrator named someone the pronoun could be
        return True

    def _speech_tag_antecedent(self, pronoun: Token, among: set[str] | None) -> str | None:
        """'"...," he said.' after a paragraph about one man: that man.

        News style tags a quotation with "he said" or "she said" when the paragraph before
        it (or the same paragraph, before the quotation) names exactly one person of that
        gender outside quotation marks, as the subject of a clause. The GAP-fitted model
        cannot see that frame and often refuses or prefers a more salient name of the
        article. Two people of the gender there, or none as a subject: the model decides."""
        gender = self.pronouns.pronouns.get(pronoun.lower_, (None, None))[0]
        if gender not in ("m", "f") or pronoun.dep_ != "nsubj":
            return None
        text = text_of(self.doc)
        sentence = pronoun.sent
        opening = sentence.text.lstrip()[:1]
        if opening not in '"“' :
            return None  # the frame is a quotation first, then its tag
        line_start = text.rfind("\n", 0, sentence.start_char) + 1
        window = (line_start, sentence.start_char)
        if not text[line_start:sentence.start_char].strip():
            end = line_start - 1
            while end > 0 and text[end - 1] == "\n":
                end -= 1
            window = (text.rfind("\n", 0, end) + 1, end)
        if window[0] >= window[1]:
            return None
        quoted = self.quote_runs()  # once per document, not per pronoun
        ents = self.entities
        people: dict[str, list[MentionInfo]] = {}
        for m in ents.mentions:
            if not (window[0] <= m.start < window[1]) or m.entity.type != "PERSON":
                continue
            if any(a <= m.start < b for a, b in quoted):
                continue
            people.setdefault(ents.key(m), []).append(m)
        subjects = {k for k, ms in people.items() if any(m.head.dep_ in ("nsubj", "nsubjpass") for m in ms)}
        # A surname the NER missed ("Trump went on to blast ..."): the one person of the text
        # with that name, as a subject.
        covered = {i for ms in people.values() for m in ms for i in range(m.start, m.end)}
        for t in self.doc.char_span(window[0], window[1], alignment_mode="expand") or []:
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.idx not in covered and not any(
                    a <= t.idx < b for a, b in quoted):
                named = {ents.key(m) for m in ents.mentions if m.entity.type == "PERSON"
                         and t.lower_ in {w.lower() for w in m.entity.name.split()}}
                if len(named) == 1:
                    people.setdefault(next(iter(named)), [])
                    subjects |= named
        fitting = [k for k in people if ents.genders.get(k) == gender]
        unknown = [k for k in people if ents.genders.get(k) is None]
        if len(fitting) != 1 or unknown:
            return None
        key = fitting[0]
        if (among is not None and key not in among) or key not in subjects:
            return None
        return key

    def _acronym(self, span: Span) -> str | None:
        """"According to BLS" where the tagger missed it: the one organisation of the text whose
        name's initials ("Bureau of Labor Statistics") or whose other mention it is."""
        words = [t.text for t in span if t.lower_ != "the"]
        if len(words) != 1 or not (2 <= len(words[0]) <= 6 and words[0].isalpha() and words[0].isupper()):
            return None
        short = words[0]
        found = set()
        for m in self.entities.mentions:
            if m.entity.type not in ("ORG", "GPE", "NORP"):
                continue
            initials = "".join(w[0] for w in m.entity.name.replace("-", " ").split()
                               if w[:1].isupper() and w.lower() not in ("of", "and", "the", "for"))
            if initials == short or short in m.entity.aliases or self.doc.text[m.start:m.end] == short:
                found.add(self.entities.key(m))
        return next(iter(found)) if len(found) == 1 else None

    def _surname(self, span: Span) -> str | None:
        """"Mr Hollis" where the NER missed it: the one person of the text with that name."""
        # A capitalised word the tagger took for a common noun ("Reade has also said" opening a
        # sentence) is a name too where it is one of a person's names.
        if span.root.pos_ == "NOUN" and not span.root.is_title and not span.root.is_upper:
            return None  # "the Velden administration": the name only modifies who speaks
        # "KELLER: Will you ...": a transcript's speaker label in capitals, whatever the tagger
        # made of it (an adjective, a noun), is a name.
        names = {t.lower_ for t in span if t.pos_ == "PROPN" or (t.is_title and t.pos_ == "NOUN")
                 or (t.is_upper and t.is_alpha and len(t) > 2)}
        words = {w for w in names if w not in self.lex["honorifics"]}
        if not words:
            # "King asked": a surname that is also a title ("King", "Bishop") is the surname of
            # the person whose name ends in it.
            words = {w for w in names if any(m.entity.type == "PERSON" and m.entity.name.split()[-1].lower() == w
                                             for m in self.entities.mentions)}
        if not words:
            return None
        # The phrase's head must be one of the person's names: "General Terrence O'Shaughnessy",
        # a name the tagger missed, is not "Terrence Oakes" for the first name they share.
        head = span.root.lower_
        people = {self.entities.key(m) for m in self.entities.mentions if m.entity.type == "PERSON"
                  and words & {w.lower() for w in m.entity.name.split()}
                  and (head not in words or head in {w.lower() for w in m.entity.name.split()})}
        if len(people) > 1 and len(words) == 1:
            return self._one_of_namesakes(people, span)  # "Hollis" of Mark and Peter Hollis
        return next(iter(people)) if len(people) == 1 else None

    def _short_body_name(self, span: Span, root: Token) -> str | None:
        """"according to the Chronicle" after "The San Francisco Chronicle first reported": a
        capitalised head word after "the", which the tagger left untagged, is the one
        organisation of the text whose name ends with it."""
        if span.start != root.i - 1 or span[0].lower_ != "the" or not root.is_title:
            return None
        bodies = {self.entities.key(m) for m in self.entities.mentions if m.entity.type == "ORG"
                  and m.entity.name.split()[-1] == root.text and len(m.entity.name.split()) >= 2}
        return next(iter(bodies)) if len(bodies) == 1 else None

    def _named(self, span: Span, root: Token, inside: list[MentionInfo]) -> str | None:
        # "both Senator Biden and Senator Hagel": two speakers, not one of them.
        heads = [root] + [c for c in root.children if c.dep_ == "conj"]
        people_at_heads = {self.entities.key(m) for t in heads for m in inside
                           if m.entity.type == "PERSON" and m.start <= t.idx < m.end}
        if len(people_at_heads) > 1:
            return None
        # "President Barack Obama and Secretary Kathleen Sebelius", however the parse hung it:
        # two people joined right after the first name by "and" (then a few title words, no
        # comma) are two speakers; not "Wade, a Kerry adviser and advisor to X".
        people_in = sorted((m for m in inside if m.entity.type == "PERSON"), key=lambda m: m.start)
        text = text_of(self.doc)
        for a, b in zip(people_in, people_in[1:]):
            between = text[a.end:b.start].split()
            joined = [i for i, w in enumerate(between) if w in ("and", "&")]
            # Before the "and" only a home ("Feinstein of California and Sen. Grassley").
            home = bool(joined) and all(w in ("of", "from") or w[:1].isupper() for w in between[:joined[0]])
            if (self.entities.key(a) != self.entities.key(b) and home
                    and not any("," in w for w in between) and len(between) <= 9):
                return None
        titled = self._titled_by_modifier(span, root, inside)
        if titled is not None:
            return titled
        # Demonyms and other adjectives inside a name are not the speaker ("The American Civil
        # Liberties Union" is not the United States).
        # (The phrase's own head, a person's name the parser called an adjective ('"...,"
        # Strong responds'), stays.)
        inside = [m for m in inside if not (m.head.dep_ == "amod" or m.head.pos_ == "ADJ")
                  or (m.entity.type == "PERSON" and m.start <= root.idx < m.end)]
        if not inside:
            # "The Republican lawmaker said" after "Rep. Ken Buck voted ...": with the adjective
            # set aside no name is left, so the phrase is a description of a person, resolved as
            # one (`_description`: the one just named, or no one).
            return self._description(root)
        # The phrase's head is the speaker: "Iris director Sir Richard Eyre" is Eyre.
        for m in inside:
            if m.start <= root.idx < m.end:
                if m.entity.type == "GPE" and root.tag_ in ("NNPS", "NNS"):
                    return None  # "Americans who ...": people of a country, not its state
                if (m.entity.type in ("ORG", "NORP") and root.lower_ in self.lex["member_nouns"]
                        and root.tag_ in ("NN", "NNP") and any(c.dep_ == "det" for c in root.children)):
                    # "the Wisconsin Republican": one member of the party, not the party; the
                    # one the sentence before was about, by centering, else no one named.
                    return described_subject(self, root, None, None, proper=True)
                return self._owner_of_name(m)
        people = [m for m in inside if m.entity.type == "PERSON"]
        # "the company's chief executive, John Smith": the person in apposition.
        # A person compounded to a noun is the speaker only where the noun names a person's
        # role, not an organisation ("the Velden administration", "the Biden campaign").
        organisation_words = {w for words in self.lex["organisation_nouns"].values() for w in words}
        organisation_words |= set(self.lex["organisation_nouns"])
        from claimscope.nlp.entities import person_titles

        if root.pos_ == "PROPN" and root.lower_ in person_titles() and not any(c.dep_ == "det" for c in root.children):
            # "Mayor of Westbrook Ellen Whitcombe": a capitalised title whose "of" holds the name
            # (the tagger ran the place into it); not "the lawyer of Smith".
            titled = {self.entities.key(m) for m in people if m.head.dep_ == "pobj"
                      and m.head.head.lower_ == "of" and m.head.head.head == root}
            if len(titled) == 1:
                return next(iter(titled))
        if root.pos_ == "NOUN" or (root.pos_ == "PROPN" and not any(m.start <= root.idx < m.end for m in inside)):
            named_holder = self._holder_after_of_phrase(root, people)
            if named_holder is not None:
                return named_holder
        for m in people:
            if m.head.head == root and (m.head.dep_ == "appos" or (
                    m.head.dep_ == "compound" and root.lower_ not in organisation_words)):
                return self.entities.key(m)
        # "A senior London surgeon, Prof Karim Brohi": the name in apposition to a common noun
        # is who the noun is, whatever type the tagger gave the name.
        named_apposition = {self.entities.key(m) for m in inside
                            if m.head.dep_ == "appos" and m.head.head == root and root.pos_ == "NOUN"}
        if len(named_apposition) == 1:
            return next(iter(named_apposition))
        noun = root.lower_
        if noun in self.lex["spokesperson_nouns"]:
            # "a spokeswoman for Northwind" / "a Northwind spokeswoman" speaks for Northwind.
            office = self._office_holder(root, people)
            if office is not None:
                return office
            for m in inside:
                if m.head.head == root or (m.head.head.dep_ == "prep" and m.head.head.head == root):
                    return self.entities.key(m)
            return None
        if noun in self.lex["personal_offices"]:
            holder = self._office_holder(root, people)
            if holder is not None:
                return holder
        if noun in self.lex["organisation_nouns"] or noun in self.lex["country_nouns"]:
            # "the Ministry of Defence" tagged partly; "the Cypriot government".
            organisations = [m for m in inside if m.entity.type != "PERSON"]
            if noun not in _STATE_BODY_NOUNS:
                # "the Arizona high court", "the Phoenix police": a place that says where the
                # body is, not the body; "the Cypriot government" is the state speaking
                organisations = [m for m in organisations if m.entity.type not in ("GPE", "LOC", "NORP")]
            if len({m.entity.id for m in organisations}) == 1:
                return self.entities.key(organisations[0])
            return None
        if noun in self.lex.get("document_nouns", []):
            # "Data from the Cato Institute shows", "a Harbour Trust report says", "a study by
            # the ministry": a document speaks for the one who made it.
            makers = self._makers(root, inside)
            return next(iter(makers)) if len(makers) == 1 else None
        # "Republican candidate and Florida Sen. Marco Rubio": the one person of the phrase,
        # unless the phrase is about someone else ("Trump's lawyer", "a lawyer for Trump").
        # "The Trump administration", "the Biden campaign": a name modifying a noun that is no
        # person is not the speaker either.
        speaking = [m for m in people if m.role not in ("possessor", "prepositional")
                    and not (m.role == "modifier" and m.head.head == root)
                    # "A Clinton family advisor": a name that modifies another modifier is
                    # whose family, not who advises
                    and not (m.head.dep_ == "compound" and m.head.head.dep_ in ("compound", "amod", "nmod"))
                    and not _in_clause_on(m.head, root)]
        if len({self.entities.key(m) for m in speaking}) == 1 and len(speaking) == len(people):
            return self.entities.key(speaking[0])
        if not people:
            # "The presumptive GOP nominee" after a sentence about Romney: the description
            # picks up the sentence before's main subject (`described_subject`).
            return self._description(root)
        # "Iran's foreign minister": a person we cannot name.
        return None

    def _owner_of_name(self, m: MentionInfo) -> str | None:
        """The person a mention names; a bare surname that two people of the text share ("John
        Keller and Mary Keller ... Keller said") is the one a "Mr." or "Ms." before it fits,
        else the one who clearly dominates the passage before it (`_dominant_in_passage`), else
        no one: the entity tagger gave it to one of them by its own rule."""
        ents = self.entities
        key = ents.key(m)
        if m.entity.type != "PERSON":
            return key
        honorifics = self.lex["honorifics"]
        words = [w for w in text_of(self.doc)[m.start:m.end].replace(".", " ").split() if w.lower() not in honorifics]
        if len(words) != 1:
            return key
        surname = words[0].lower()
        holders = {ents.key(o) for o in ents.mentions if o.entity.type == "PERSON"
                   and len(o.entity.name.split()) >= 2 and o.entity.name.split()[-1].lower() == surname}
        if len(holders) < 2:
            return key
        return self._one_of_namesakes(holders, self.doc.char_span(m.start, m.end, alignment_mode="expand"))

    def _one_of_namesakes(self, holders: set[str], span: Span) -> str | None:
        """Which of several people with the surname `span` names it is: the one a "Mr." or
        "Ms." before it fits, else the one who dominates the passage, else None."""
        ents, honorifics = self.entities, self.lex["honorifics"]
        titles = [t.lower_ for t in span] + ([self.doc[span.start - 1].lower_] if span.start > 0 else [])
        gender = next((honorifics[w] for w in titles if honorifics.get(w) in ("m", "f")), None)
        if gender is not None:
            holders = {h for h in holders if ents.genders.get(h) in (None, gender)}
            if len(holders) == 1 and ents.genders.get(next(iter(holders))) == gender:
                return next(iter(holders))
        return self._dominant_in_passage(holders, span.start_char) if len(holders) > 1 else None

    def _dominant_in_passage(self, holders: set[str], char: int) -> str | None:
        """Of people who share a surname, the one who clearly dominates the text before `char`
        (each mention counted as the entity tagger gave it): named at least twice in the ten
        sentences before and three times as often as any other there; or the only one of them
        named there, and three times as often as any other before that. None otherwise."""
        ents = self.entities

        def ranked(mentions: list[MentionInfo]) -> list[tuple[int, str]]:
            counts = dict.fromkeys(holders, 0)
            for o in mentions:
                if ents.key(o) in counts:
                    counts[ents.key(o)] += 1
            return sorted(((n, k) for k, n in counts.items()), reverse=True)

        near = ranked(ents.before(char, 10))
        if near[0][0] >= 2 and near[0][0] >= 3 * near[1][0]:
            return near[0][1]
        whole = ranked([o for o in ents.mentions if o.end <= char])
        if near[0][0] >= 1 and near[1][0] == 0 and whole[0][1] == near[0][1] and whole[0][0] >= 3 * whole[1][0]:
            return near[0][1]
        return None

    def _office_holder(self, root: Token, people: list[MentionInfo]) -> str | None:
        """"Mr. Walker's office said", "the office of Gov. Walker": the staff of one person speak
        for that person; so does a spokesperson for or from that office ("a spokesperson from
        Chaffetz's office"). The one person of the source, else None."""
        office = root
        if root.lower_ not in self.lex["personal_offices"]:
            offices = [g for p in root.children if p.dep_ == "prep" and p.lower_ in ("for", "from", "of", "in")
                       for g in p.children if g.dep_ == "pobj" and g.lower_ in self.lex["personal_offices"]]
            if not offices:
                return None
            office = offices[0]
        holders = {self.entities.key(m) for m in people if (_possessor(m.head) and m.head.head == office) or (
            m.head.dep_ == "pobj" and m.head.head.lower_ == "of" and m.head.head.head == office)}
        if len(holders) == 1 and len({self.entities.key(m) for m in people}) == 1:
            return next(iter(holders))
        return None

    def _makers(self, root: Token, inside: list[MentionInfo]) -> set[str]:
        """Who made a document ("Data from the Cato Institute", "a Harbour Trust report", "a
        study by the ministry", "the poll, conducted by Marist College"): the entity ids."""
        makes = set(self.lex["issuing_verbs"]) | set(self.lex["making_verbs"])

        def made(m: MentionInfo) -> bool:
            head = m.head
            while head.dep_ == "appos" and head.head != root:
                # "Data from the libertarian Cato Institute" parsed as "from the libertarian,
                # Cato Institute": the name stands where the noun it is set beside stands
                head = head.head
            if head.dep_ in ("compound", "poss") and head.head == root:
                return True
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in ("from", "by", "of"):
                return head.head.head == root
            # "the poll, conducted by Marist College": the agent of a participle on the document
            # that makes it ("the report, criticized by Hollis" is no report of his: review8a)
            return (head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.dep_ == "acl"
                    and head.head.head.head == root and head.head.head.lemma_.lower() in makes)

        makers = {self.entities.key(m) for m in inside if made(m)}
        if not makers:
            makers = self._maker_by_first_word(root, inside)
        # "a report by Calder and the Harbour Trust": two makers, no one speaker.
        makers |= {self.entities.key(m) for m in inside if m.head.dep_ == "conj"
                   and any(self.entities.key(o) in makers and o.head == m.head.head for o in inside)}
        return makers

    def _maker_by_first_word(self, root: Token, inside: list[MentionInfo]) -> set[str]:
        """"A 2018 Pew survey" after "the Pew Research Center", where the tagger left "Pew"
        alone untagged: a capitalised word compounded to the document noun, in no mention,
        that opens the name of exactly one organisation of the text."""
        # (or one the tagger made a common noun but still tagged a body: "Unacast data" opening
        # a sentence, which else went to the last data named, another firm's)
        words = [c for c in root.children if c.dep_ == "compound"
                 and (c.pos_ == "PROPN" or (c.text[:1].isupper() and c.ent_type_ == "ORG"))
                 and not any(m.start <= c.idx < m.end for m in inside)]
        if len(words) != 1:
            return set()
        found = {self.entities.key(m) for m in self.entities.mentions if m.entity.type == "ORG"
                 and m.entity.name.split()[0].lower() == words[0].lower_}
        return found if len(found) == 1 else set()

    def _earlier_document(self, span: Span, root: Token) -> str | None:
        """"Northwind issued a statement on Monday. The statement said ...", "The Harbour
        Trust published its annual report ... The report concluded ...": a definite document
        noun is the last document of its kind the text spoke of, and speaks for whoever made
        it there (`_makers`), or for the subject that issued or published it. None where the
        last such document has no maker the text names: another one, earlier, is not it."""
        kinds = self.lex["document_kinds"]
        kind = kinds.get(root.lemma_.lower(), root.lemma_.lower())
        before = self.doc[: span.start]
        if kind == "report" and not any(
                t.pos_ == "NOUN" and kinds.get(t.lemma_.lower(), t.lemma_.lower()) == "report" for t in before):
            # "X published its annual survey ... The report found": with no report before it,
            # the report is the survey's (a poll is reported; a report is no poll)
            kind = "poll"
        for t in reversed(before):
            if t.pos_ != "NOUN" or kinds.get(t.lemma_.lower(), t.lemma_.lower()) != kind:
                continue
            if self.quote_run_at(t.idx) is not None:
                continue
            inside = [m for m in self.entities.mentions if t.left_edge.idx <= m.start < t.right_edge.idx + len(t.right_edge)]
            makers = self._makers(t, inside)
            if makers:
                return next(iter(makers)) if len(makers) == 1 else None
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children):
                continue  # "according to the document": the same document again, read further back
            verb = t.head if t.dep_ == "dobj" else (
                t.head.head if t.dep_ == "pobj" and t.head.lower_ == "in" else None)
            if verb is None or verb.pos_ not in ("VERB", "AUX"):
                return None
            if t.dep_ == "dobj" and verb.lemma_.lower() not in self.lex["issuing_verbs"]:
                return None
            if t.dep_ == "pobj" and verb.lemma_.lower() not in (
                    set(self.lex["issuing_verbs"]) | set(self.lex["in_document_verbs"])):
                return None  # "Keller appeared in a report": named in it, not its maker (review8a)
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                at = [m for m in self.entities.mentions if m.start <= subject.idx < m.end]
                return self.entities.key(at[0]) if at and at[0].entity.type in SPEAKING_TYPES else None
            return None
        return None

    def _body_just_before(self, span: Span) -> str | None:
        """The organisation that is the main subject of the sentence before, where that sentence
        names no other organisation or person outside quotation marks; else None."""
        found = self._body_subject_before(span, ("nsubj", "nsubjpass"))
        if found is None:
            return None
        previous, key = found
        others = {self.entities.key(m) for m in self.entities.mentions
                  if previous.start_char <= m.start < previous.end_char and m.entity.type in ("ORG", "PERSON")
                  and self.quote_run_at(m.start) is None}
        return key if others == {key} else None

    def _body_subject_before(self, span: Span, deps) -> tuple[Span, str] | None:
        """The sentence before the span's and the organisation that is its main verb's first
        subject (`deps`), or None."""
        if span.sent.start == 0:
            return None
        previous = self.doc[span.sent.start - 1].sent
        subjects = [c for c in previous.root.children if c.dep_ in deps]
        at = [m for m in self.entities.mentions if subjects and m.start <= subjects[0].idx < m.end]
        return (previous, self.entities.key(at[0])) if at and at[0].entity.type == "ORG" else None

    def _reporter_just_before(self, span: Span, root: Token) -> str | None:
        """"Bloomberg reported that ... . The report said ...": "the report", with no report
        named before it, is the one the sentence just before had an organisation report (its
        main verb "report", its subject that organisation's name); None otherwise."""
        if root.lemma_.lower() != "report" or root.tag_ != "NN":
            return None
        if any(t.lemma_.lower() == "report" and t.pos_ == "NOUN" for t in self.doc[: span.start]):
            return None  # a report the text named: `_earlier_document` read it
        found = self._body_subject_before(span, ("nsubj",))
        return found[1] if found is not None and found[0].root.lemma_.lower() == "report" else None

    def _earlier_outlet(self, span: Span, root: Token) -> str | None:
        """"The Washington Post, citing three people, reported ... The paper said ...": "the
        paper" is the organisation that was the main subject of a publishing verb ('outlet_verbs':
        "The Justice Department said ..." makes it no paper) in a sentence
        shortly before (the nearest sentence whose main subject is an organisation; "The paper
        said" again reads further back), or of any verb where its name is a newspaper's ("The
        Times tracked down another doctor ... The paper added"). None where that organisation did no reporting: a
        paper of its own ("the company ... the paper") is nothing we know."""
        if root.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
            return None
        doc, current = self.doc, span.sent
        for _ in range(3):
            if current.start == 0:
                return None
            current = doc[current.start - 1].sent
            verb = current.root
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].lower_ == root.lower_:
                continue  # the same paper again
            at = [m for m in self.entities.mentions if subjects and m.start <= subjects[0].idx < m.end]
            if not at or at[0].entity.type != "ORG" or self.quote_run_at(subjects[0].idx) is not None:
                # "But as CNN pointed out, it did not publish ... The network said": a known
                # outlet that is the subject of a clause of its own there, where the main
                # subject is no organisation, is the one outlet the sentence had speak.
                outlets = self._outlet_subjects(current)
                if len(outlets) == 1:
                    return next(iter(outlets))
                continue
            outlet = verb.lemma_.lower() in self.lex["outlet_verbs"] or any(
                w in self.lex["outlet_name_words"] for w in at[0].entity.name.split())
            return self.entities.key(at[0]) if outlet else None
        return None

    def _outlet_subjects(self, sentence: Span) -> set[str]:
        """The news outlets (`outlet_of`) that are the subject of some clause of the sentence,
        outside quotation marks."""
        from claimscope.nlp.entity_knowledge import outlet_of

        found = set()
        for t in sentence:
            if t.dep_ != "nsubj" or self.quote_run_at(t.idx) is not None:
                continue
            for m in self.entities.mentions:
                if m.start <= t.idx < m.end and m.entity.type == "ORG" and outlet_of(m.entity.name):
                    found.add(self.entities.key(m))
        return found

    def _holder_after_of_phrase(self, root: Token, people: list[MentionInfo]) -> str | None:
        """The name that holds a role "N for X" / "N to X", whatever the parse hung it on:
        "A lawyer for Ms Daniels, Michael Avenatti," (a second person in apposition to X is no
        other name of X: the lawyer), "Counselor to President Donald Trump Kellyanne Conway"
        (a name right after X's, with nothing between them, is the counselor's)."""
        text = text_of(self.doc)
        ents = self.entities
        objects = [g for p in root.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "of")
                   for g in p.children if g.dep_ == "pobj"]
        for obj in objects:
            at = [m for m in people if m.start <= obj.idx < m.end]
            if not at:
                continue
            x = at[0]
            for m in people:
                if ents.key(m) == ents.key(x) or m is x:
                    continue
                if m.head.dep_ == "appos" and m.head.head == obj and m.start > x.end:
                    return ents.key(m)  # "for Ms Daniels, Michael Avenatti,"
                first, second = (m, x) if m.start < x.start else (x, m)
                if first.end <= second.start and not text[first.end:second.start].strip():
                    return ents.key(second)  # "to President Donald Trump Kellyanne Conway": back to back
        return None

    def _description(self, root: Token) -> str | None:
        """A definite description of a person ("the former governor", "the Tennessee
        Republican"), resolved by centering."""
        if root.lower_ in self.lex["member_nouns"]:
            return described_subject(self, root, None, None, proper=True)
        if root.lower_ not in self.lex["description_nouns"]:
            return None
        gender = self.lex["gendered_nouns"].get(root.lower_)
        return described_subject(self, root, gender if gender in ("m", "f") else None, None)

    def _described(self, span: Span, root: Token) -> str | None:
        """"the company", "the ministry", "the spokesman": the one fitting organisation."""
        if root.lower_ in self.lex["document_nouns"] or root.lower_ in self.lex["spokesperson_nouns"]:
            # "Ms. Murkowski, in her statement Friday explaining ...": a document's possessive
            # pronoun is its maker, by the pronoun rules; "Sessions ... his spokeswoman has
            # said": a person's own spokesperson speaks for that person, as his office does.
            owner = [c for c in root.children if c.dep_ == "poss" and c.pos_ == "PRON"
                     and c.lower_ in self.lex["pronouns"] and c.lower_ not in ("my", "our", "your")]
            if owner:
                return self.resolve(owner[0].idx, owner[0].idx + len(owner[0]))
        if root.lower_ in self.lex["document_nouns"]:
            makers = self._maker_by_first_word(root, [])  # "a Pew survey": no mention in the source
            if makers:
                return next(iter(makers))
        age = self._age_epithet(root)
        if age is not None:
            return age
        if root.lower_ in self.lex["spokesperson_nouns"]:
            body = self._spoken_for_body(root)
            if body is not None:
                return self.resolve(body.left_edge.idx, body.idx + len(body))
        if root.lemma_.lower() == "statement" and not any(c.dep_ in ("poss", "compound", "prep") for c in root.children):
            # '"While the Guild has concerns ...," a statement read', right after "The Guild
            # signaled some unease": the statement of the body the sentence before was about
            found = self._body_just_before(span)
            if found is not None:
                return found
        if not any(t.lower_ in ("the", "this", "that") for t in span if t.i < root.i) and root.tag_ != "NNS":
            if not (root.lower_ == "police"):
                return None  # "a company" is some company, not the one in the text
        noun = root.lower_
        orgs = self.lex["organisation_nouns"]
        if noun in self.lex["spokesperson_nouns"]:
            return self._previous_spokesperson(span)
        titled = self._titled_person(span, root)
        if titled is not None:
            return titled
        if noun in self.lex["document_nouns"]:
            found = self._earlier_document(span, root) or self._reporter_just_before(span, root)
            if found is not None or noun not in self.lex["outlet_nouns"]:
                return found
        if noun in self.lex["outlet_nouns"]:
            return self._earlier_outlet(span, root)
        described = self._description(root)
        if described is not None:
            return described
        if any(c.dep_ in ("compound", "amod") and c.lower_ in self.lex["local_modifiers"] for c in root.children):
            return None  # "the city administration" (in Donetsk) is no government the text named
        if noun in self.lex["country_nouns"]:
            types, keywords = {"GPE"}, []
        elif noun in orgs:
            types, keywords = {"ORG", "NORP"} if noun != "government" else {"ORG", "GPE"}, orgs[noun]
        else:
            return None
        earlier = [m for m in self.entities.mentions if m.end <= span.start_char and m.entity.type in types]
        if not earlier:
            return None
        # "Acme, the company that ...": an apposition says which directly.
        for m in reversed(earlier):
            if m.head.dep_ == "appos" or any(c.dep_ == "appos" and c.lower_ == noun for c in m.head.children):
                if any(c.lower_ == noun for c in m.head.children) or m.head.head.lower_ == noun:
                    return self.entities.key(m)
        if keywords:
            matching = [m for m in earlier if _has_keyword(m.entity, keywords)]
            if noun in ("administration", "government"):
                # "the Obama administration" is no "House Oversight and Government Reform
                # Committee": "Government" there only says what the committee oversees; a
                # government is a body whose name's head is one of the words.
                matching = [m for m in matching if _keyword_heads(m.entity, keywords)]
            # "the union said" after "the European Union": a trade union, not a union of states
            # (review8a); the bodies named here are no referent of the lower-case noun.
            unlike = set(self.lex["not_the_body"].get(noun, []))
            matching = [m for m in matching if m.entity.name.lower() not in unlike]
            # "Margaret Court ... The court said": a person the tagger typed ORG because her
            # surname is the keyword; a first name and the keyword alone is no court.
            matching = [m for m in matching if not _first_name_and_keyword(
                m.entity, [k for k in keywords if k in self.lex["surname_keywords"]])]
            if matching and noun == "government" and any(
                    m.entity.type == "GPE" and m.start >= matching[-1].end
                    and self.entities.key(m) not in {self.entities.key(x) for x in matching}
                    and m.sentence >= self.entities.sentence_of(span.start_char) - 1 for m in earlier):
                return None  # "China also signaled ... The government announced": China's, not the one named before
            if matching:
                return _dominant(matching) or self._body_just_speaking(span, matching)
            if noun in self.lex.get("named_bodies", []):
                return None  # "police said" after a BMW: only a police force of the text will do
        if noun in _COMMERCIAL_NOUNS:
            # "The firm is claiming ..." where the firm is not named as one: never a body the
            # text names as another kind ("the Democratic Party", "the Senate")
            other_kinds = [k for n, ks in orgs.items() if n not in _COMMERCIAL_NOUNS for k in ks]
            earlier = [m for m in earlier if not _has_keyword(m.entity, other_kinds)]
        return _dominant(earlier) if earlier else None

    def _body_just_speaking(self, span: Span, matching: list[MentionInfo]) -> str | None:
        """"Ukraine's ministry ... the Russian Defense Ministry claimed X. The ministry said Y":
        where the text has named several fitting bodies, the one that was the subject of this
        sentence or one of the two before ("The ministry said ... The troops ..., the ministry
        added"), with no other fitting body named since, goes on speaking."""
        last = matching[-1]
        here = self.entities.sentence_of(span.start_char)
        if last.role != "subject" or last.sentence < here - 2:
            return None
        if any(m.entity.id != last.entity.id and m.sentence >= last.sentence for m in matching):
            return None
        return last.entity.id

    def _age_epithet(self, root: Token) -> str | None:
        """"the 45-year-old said": a person's age as the epithet ("old" with "year" before it)
        is the one person the sentence before named (`named_just_before`)."""
        if root.lower_ != "old" or not any(c.lower_ in ("year", "years") for c in root.children) or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in root.children):
            return None
        return named_just_before(self, root, None, None)

    def _titled_by_modifier(self, span: Span, root: Token, inside: list[MentionInfo]) -> str | None:
        """"The CIA director said" after "CIA Director Mike Pompeo", "the Israeli leader" after
        "Israeli Prime Minister Benjamin Netanyahu": a definite title whose name is only its
        modifier is the one person the text introduced with that modifier before the name (and
        with the same title, but for "leader", which any head of a state or party is). None
        when no one or several were so introduced, or when the modifier is the speaker's own
        name ("the Obama adviser" is not Obama, `_named`)."""
        from claimscope.nlp.entities import person_titles

        if root.lower_ not in person_titles() or root.tag_ in ("NNS", "NNPS") or any(
                m.start <= root.idx < m.end for m in inside):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in root.children):
            return None
        modifiers = [c for c in root.children if c.dep_ in ("compound", "amod") and c.i < root.i
                     and any(m.start <= c.idx < m.end and m.entity.type in ("ORG", "GPE", "NORP") for m in inside)]
        if not modifiers or any(m.entity.type == "PERSON" for m in inside):
            return None
        words = {t.lower_.strip(".") for c in modifiers for t in c.subtree if t.i < root.i and t.is_alpha}
        holders = set()
        for m in self.entities.mentions:
            if m.entity.type != "PERSON" or m.end > span.start_char:
                continue
            first = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if first is None:
                continue
            before = {t.lower_.strip(".") for t in self.doc[max(first.start - 4, 0):first.start]
                      if t.sent == first.sent}
            if words <= before and (root.lower_ in before or root.lower_ == "leader") and not self._formerly(m):
                holders.add(self.entities.key(m))
        return next(iter(holders)) if len(holders) == 1 else None

    def _titled_person(self, span: Span, root: Token) -> str | None:
        """"the president", "the senator": the one person the text gave that title before
        ("President Donald Trump", "Sen. Jeff Flake"); None when none or several had it."""
        from claimscope.nlp.entities import person_titles

        noun = root.lower_
        if noun not in person_titles() or root.pos_ not in ("NOUN", "PROPN") or root.tag_ in ("NNS", "NNPS"):
            return None
        forms = {noun, *self.lex.get("title_abbreviations", {}).get(noun, [])}
        people: dict[str, MentionInfo] = {}  # holder -> the last mention giving the title
        former: dict[str, MentionInfo] = {}
        for m in self.entities.mentions:
            if m.entity.type != "PERSON" or m.end > span.start_char:
                continue
            if forms & self._titles_of(m):
                if self._formerly(m):
                    former[self.entities.key(m)] = m  # "Former President Barack Obama"
                else:
                    people[self.entities.key(m)] = m
        if len(people) == 1:
            # ("President Bill Clinton" in 1995, then "Former President Barack Obama ... the
            # president said": the title last given was a former one, so who holds it now is open)
            only = next(iter(people.values()))
            if any(f.start > only.start for f in former.values()):
                return None
            return next(iter(people))
        if not people:
            return self._sitting_president(span, former) if noun == "president" else None
        # "President Bill Clinton" in captions about 1995, then "President Barack Obama weighed
        # in ... the president said": the one the text gave the title last, where the others
        # were out of the text for a while before that and were not its subject or object
        # since ("the Clinton administration" is no talk of him).
        last = max(people.values(), key=lambda m: m.start)
        first = self.doc.char_span(last.start, last.end, alignment_mode="expand")
        if first is not None and any(t.lower_ in ("former", "ex", "late", "then")
                                     for t in self.doc[max(first.start - 3, 0) : first.start]):
            return None  # "former President Obama": the president now may be another
        others = set(people) - {self.entities.key(last)}
        gap = self.lex["title_holder_gap_sentences"]
        for m in self.entities.mentions:
            if self.entities.key(m) not in others or m.end > span.start_char:
                continue
            if m.sentence > last.sentence - gap and (m.start < last.start or m.role in ("subject", "object")):
                return None
        return self.entities.key(last)

    def _formerly(self, m: MentionInfo) -> bool:
        """Whether a title mention says the title was held before ("former President X")."""
        first = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return first is not None and any(t.lower_ in ("former", "ex", "late", "then")
                                         for t in self.doc[max(first.start - 3, 0): first.start])

    def _sitting_president(self, span: Span, former: dict[str, MentionInfo]) -> str | None:
        """"Donald Trump signed the order ... The president said": with no one given the title,
        "the president" of a text dated while a US president held office (`us_presidents`) is
        that president, where the text named him before as the one person by that surname,
        and not as a former president."""
        date = self.date or ""
        sitting = [name for name, start, end in self.lex.get("us_presidents", []) if start <= date[:10] < end]
        if len(date) < 10 or len(sitting) != 1:
            return None
        surname = sitting[0].split()[-1].lower()
        holders = {self.entities.key(m) for m in self.entities.mentions if m.entity.type == "PERSON"
                   and m.end <= span.start_char and m.entity.name.split()[-1].lower() == surname}
        names = {self.entities.cluster.get(h, h) for h in holders}
        if len(names) != 1 or holders & set(former):
            return None
        holder = next(iter(holders))
        entity = next(m.entity for m in self.entities.mentions if self.entities.key(m) == holder)
        given = entity.name.split()[0].lower()
        if len(entity.name.split()) > 1 and given != sitting[0].split()[0].lower():
            return None  # "Eric Trump", "Laura Bush": another of the name
        return holder

    def _titles_of(self, m: MentionInfo) -> frozenset[str]:
        """The title words a person mention is given: the word right before it and those the
        parse hangs on it (`_parse_titles`)."""
        key = (m.start, m.end)
        if key not in self._titles:
            doc = self.doc
            first = doc.char_span(m.start, m.end, alignment_mode="expand")
            if first is None or first.start == 0:
                self._titles[key] = frozenset()
            else:
                self._titles[key] = frozenset({doc[first.start - 1].lower_.strip(".")} | _parse_titles(first))
        return self._titles[key]

    def _spoken_for_body(self, root: Token) -> Token | None:
        """"A spokesman for the agency", "a spokeswoman from the ministry": the definite
        organisation noun a spokesperson speaks for, which names the body as "the agency said"
        would (whatever article the spokesperson has); None for "a spokesman for a company"."""
        for p in root.children:
            if p.dep_ == "prep" and p.lower_ in ("for", "from", "of", "at"):
                for g in p.children:
                    if (g.dep_ == "pobj" and g.lower_ in self.lex["organisation_nouns"]
                            and any(c.dep_ == "det" and c.lower_ == "the" for c in g.children)):
                        return g
        return None

    def _holder_of(self, noun: Token) -> str | None:
        """The person a role noun is in apposition with ("Hollis, a spokesman for X")."""
        near = [noun.head] if noun.dep_ == "appos" else []
        near += [c for c in noun.children if c.dep_ == "appos"]
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            # "Tom Keller is a spokesman for Northwind": the subject of the copula is the holder
            near += [c for c in noun.head.children if c.dep_ == "nsubj"]
        for t in near:
            for m in self.entities.mentions:
                if m.entity.type == "PERSON" and m.start <= t.idx < m.end:
                    return self.entities.key(m)
        return None

    def _previous_spokesperson(self, span: Span) -> str | None:
        """"the spokesman" again: the one an earlier spokesman was, where the text named him
        ("Mark Hollis, a spokesman for Northwind", "Northwind spokesman Mark Hollis"), else
        the organisation an earlier "spokesman for X" spoke for."""
        nouns = set(self.lex["spokesperson_nouns"])
        genders = self.lex["gendered_nouns"]
        wanted = genders.get(span.root.lower_)

        def fits(key: str, noun: str) -> bool:
            # "Mark Hollis, a spokesman for Northwind ... the spokeswoman said": someone else
            # (review8a); the organisation she speaks for still fits.
            if wanted is None:
                return True
            known = self.entities.genders.get(self.entities.cluster.get(key, key))
            return genders.get(noun, wanted) == wanted and known in (None, wanted)

        def another_since(m: MentionInfo) -> bool:
            # "Jane Keller, a spokeswoman for X ... another spokeswoman said ... The spokeswoman
            # said": the last one the text brought in, whom it did not name (review8a)
            sentence = self.doc[self.doc.char_span(m.start, m.end, alignment_mode="expand").start].sent
            return any(t.lower_ in nouns and t.idx >= sentence.end_char and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children)
                for t in self.doc[sentence.end : span.start])

        for m in reversed([m for m in self.entities.mentions if m.end <= span.start_char]):
            if m.entity.type == "PERSON" and fits(self.entities.key(m), "") and (any(c.dep_ in ("appos", "compound") and c.lower_ in nouns
                                                  for c in m.head.children)
                                              or (m.head.dep_ == "appos" and m.head.head.lower_ in nouns)
                                              or (m.head.dep_ == "nsubj" and m.head.head.lemma_ == "be" and any(
                                                  c.dep_ == "attr" and c.lower_ in nouns for c in m.head.head.children))):
                # "Keelhaul is a spokeswoman for Northwind" too
                return None if another_since(m) else self.entities.key(m)
            head = m.head.head
            if head.dep_ == "prep":
                head = head.head
            if head.lower_ in nouns:
                holder = self._holder_of(head)
                if holder is not None and not fits(holder, head.lower_):
                    holder = None
                if holder is not None and another_since(m):
                    return None
                return holder if holder is not None else self.entities.key(m)
        orgs = [m for m in self.entities.mentions if m.end <= span.start_char and m.entity.type == "ORG"]
        return _dominant(orgs) if orgs else None


TITLE_WINDOW = 4  # tokens between a title and the name it is given ("Mayor of Berkeley Jesse A.")


def _parse_titles(name: Span) -> set[str]:
    """The nouns the parse gives the name as a title, a few words from it:
    "Mayor of Berkeley Jesse Arreguin" (the title modifies the name), "the mayor of Berkeley,
    Jesse Arreguin" (the name in apposition to the title), "Arreguin, the mayor". The words
    around the name only count where they hang on it, so "the senator met Jo Keller" does not
    make Keller a senator."""
    doc, root = name.doc, name.root
    sentence = root.sent
    lo = max(sentence.start, name.start - TITLE_WINDOW)
    hi = min(sentence.end, name.end + TITLE_WINDOW)
    found = set()
    for t in list(doc[lo : name.start]) + list(doc[name.end : hi]):
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if (t.head == root and t.dep_ in ("compound", "nmod", "appos")) or (
                root.head == t and root.dep_ == "appos") or (
                root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head == t and t.i < name.start):
            found.add(t.lower_.strip("."))  # the last: "Mayor of Westbrook Ellen Whitcombe" parsed as the mayor of her
    return found


def _possessor(token: Token) -> bool:
    """"Chaffetz's office": a possessor, however the parse hung it; with a curly apostrophe
    ("Chaffetz’s office") the parser makes the name an "nmod" of the noun, its "’s" a "case"."""
    return token.dep_ == "poss" or (token.dep_ == "nmod" and any(
        c.dep_ == "case" and c.tag_ == "POS" for c in token.children))


def _in_relative_clause(token: Token, root: Token) -> bool:
    """"The adviser, whom Trump praised": Trump, the subject of a clause that only describes
    the speaker, is someone else. A name the clause gives the speaker himself stays ("the
    commander, who identified himself as Bes"). Nor is an object of the clause ("Hollis, a lawyer
    who represents Keller," is not Keller), except a name it gives "as"."""
    objects = token.dep_ in ("dobj", "dative") or (token.dep_ == "pobj" and token.head.lower_ != "as")
    if (token.dep_ not in SUBJECT_DEPS and not objects) or token == root:
        return False
    for ancestor in token.ancestors:
        if ancestor == root:
            return False  # the clause is above the source's head: the head itself is no part of it
        if ancestor.dep_ == "relcl":
            return True
    return False


def _first_name_and_keyword(entity: Entity, keywords: list[str]) -> bool:
    """"Margaret Court": two words, a first name gender-guesser knows and then a keyword (only
    those of `surname_keywords`: "Stanford University", "Victoria Police" are bodies)."""
    words = entity.name.split()
    return (len(words) == 2 and words[1].lower() in keywords and words[0][:1].isupper()
            and first_name_gender(words[0]) is not None)


def _has_keyword(entity: Entity, keywords: list[str]) -> bool:
    names = [entity.name.lower()] + [a.lower() for a in entity.aliases]
    return any(k in name.replace(".", " ").split() or (" " in k and k in name)
               for k in keywords for name in names)


def _keyword_heads(entity: Entity, keywords: list[str]) -> bool:
    """Whether a keyword is the head of one of the entity's names: the last word before any
    "of" ("Government of the United States", "the Biden administration"), or a keyword of
    several words in it ("White House")."""
    for name in [entity.name] + list(entity.aliases):
        lowered = name.lower().replace(".", " ")
        words = lowered.split(" of ")[0].split()
        if (words and words[-1] in keywords) or any(" " in k and k in lowered for k in keywords):
            return True
    return False


def _dominant(mentions: list[MentionInfo]) -> str | None:
    """The one entity the mentions are about: the only one, or one with at least twice the
    mentions of any other; otherwise the text has not said which (None)."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.entity.id] = counts.get(m.entity.id, 0) + 1
    ranked = sorted(counts.items(), key=lambda x: -x[1])
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def quote_runs(text: str) -> list[tuple[int, int]]:
    """Character ranges of quotations; a quotation carried over paragraphs counts as one.

    News style leaves a paragraph's closing mark out when the quote goes on in the next
    paragraph, which opens with a new mark: the two paragraphs are one quotation.
    """
    runs: list[tuple[int, int]] = []
    carried: int | None = None  # start of a quotation left open at the last paragraph end
    at = 0
    for line in text.split("\n"):
        open_at: int | None = None
        if carried is not None and line.strip() and line.lstrip()[0] not in '"“':
            runs.append((carried, at - 1))  # the next paragraph does not go on quoting
            carried = None
        for i, ch in enumerate(line):
            if ch == "“" or (ch == '"' and open_at is None):
                open_at = at + i if open_at is None else open_at
            elif ch in '”"' and open_at is not None:
                start = carried if carried is not None else open_at
                runs.append((start, at + i + 1))
                carried = None
                open_at = None
        if open_at is not None:
            carried = carried if carried is not None else open_at
        at += len(line) + 1
    if carried is not None:
        runs.append((carried, len(text)))
    return runs


class SpeakerLinker:
    def __init__(self, name: str = "claimscope_speakers"):
        self.name = name

    @property
    def model_version(self) -> str:
        return lexicon()["version"]

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        lexicon()
        _first_names()

    def __call__(self, doc: Doc) -> Doc:
        attributions: list[Attribution] = doc._.attributions or []
        if not attributions:
            return doc
        resolver = SpeakerResolver(doc, doc._.entities or [], title=doc.user_data.get("title"),
                                   author=doc.user_data.get("author"), date=doc.user_data.get("date"))
        link_speakers(doc, attributions, resolver)
        return doc


def link_speakers(doc: Doc, attributions: list[Attribution], resolver: SpeakerResolver) -> None:
    """Set `source_entity` on every attribution, in text order, carrying speakers along quotes."""
    text = text_of(doc)
    runs = quote_runs(text)

    def run_of(a: Attribution) -> int | None:
        # A quotation the tagger called indirect ('"They refuse ... going on.' left open at a
        # paragraph end) still opens the run the next paragraph's quotation goes on with.
        if a.content is None or (a.kind == "indirect" and text[a.content.start : a.content.start + 1] not in "\"“"):
            return None
        for index, (s, e) in enumerate(runs):
            if s <= a.content.start < e or s < a.content.end <= e:
                return index
        return None

    last_speaker: str | None = None
    last_end = -1
    named_in_run: dict[int, str] = {}
    previous: Attribution | None = None
    entities = {e.id: e for e in doc._.entities or []}
    spokesperson_nouns = frozenset(resolver.lex["spokesperson_nouns"])
    for a in sorted(attributions, key=lambda a: a.cue.start):
        entity = None
        if (a.source is not None and previous is not None and previous.source == a.source
                and previous.cue == a.cue and previous.source_entity is not None):
            # the other side of a quote split around its cue: the same tag, the same speaker
            entity = previous.source_entity
        elif a.source is not None:
            recent = last_speaker if a.cue.start - last_end < 1500 else None
            content = (a.content.start, a.content.end) if a.content else None
            entity = resolver.resolve(a.source.start, a.source.end, last_speaker=recent, content=content,
                                      since=last_end if recent is not None else None, previous=previous)
            if entity is not None and entity in entities and not source_fits(
                    doc.char_span(a.source.start, a.source.end, alignment_mode="expand"), entities[entity],
                    spokesperson_nouns):
                entity = None  # "the department" resolved to a party: a guess (speaker_fit)
        elif (previous is not None and previous.kind != "indirect" and a.kind == "direct"
              and text[a.cue.start : a.cue.end] in "\"“" and previous.content is not None
              and "\n" in text[previous.content.end : a.cue.start]
              and text[previous.content.end : a.cue.start].count("\n\n") <= 1):
            # A quotation paragraph of its own goes on with the speaker of the quote before it.
            entity = previous.source_entity
        elif (previous is not None and previous.kind == "direct" and a.kind == "direct"
              and a.source is None and text[a.cue.start : a.cue.end] in "\"“"
              and "\n" not in text[previous.cue.start : a.cue.start]
              and _tag_tail(text[_frame_end(previous) : a.cue.start])):
            # '"A," said Hollis. "B."', '"A," Hollis wrote in his blog. "B."': the next
            # quotation of the paragraph goes on with him.
            entity = previous.source_entity
        run = run_of(a)
        if run is not None:
            if entity is None and a.source is None and run in named_in_run:
                entity = named_in_run[run]  # the rest of a quotation whose speaker was named
            elif entity is not None:
                named_in_run.setdefault(run, entity)
        a.source_entity = entity
        previous = a
        # "If Berridge said this ..." inside someone's quotation is what the quoted speaker
        # says; it does not make Berridge the one who speaks next.
        nested = text[a.cue.start : a.cue.end] not in "\"“" and resolver.quote_run_at(a.cue.start) is not None
        if entity is not None and not nested:
            last_speaker, last_end = entity, a.cue.end


def _tag_tail(between: str) -> bool:
    """Whether the words between a tag and the next quotation only finish the tag's sentence:
    nothing, or where and when ("in his last blog post.", "on Monday."), unquoted and short."""
    rest = between.strip(" .,;")
    if not rest:
        return True
    return (len(rest) <= 80 and between.rstrip().endswith(".") and rest[:1].islower()
            and not any(q in rest for q in "\"“”") and "." not in rest)


def _frame_end(a: Attribution) -> int:
    return max(p.end for p in (a.source, a.cue, a.content) if p is not None)


@Language.factory(
    "claimscope_speakers",
    assigns=["doc._.attributions"],
    requires=["doc._.entities", "doc._.attributions"],
    default_config={},
)
def make_speakers(nlp: Language, name: str):
    ensure_extensions()
    return SpeakerLinker(name)
