"""Epistemic status of a claim: how firmly the text puts it forward.

The decision reads cue words (lexicons/cues.json) around the claim and in its attribution cue,
then a learned probability that the sentence is uncertain (CoNLL-2010 style hedging). The
strongest signal wins, in this order: denied > questioned > speculative > hedged > reported >
asserted. Certainty is the degree to which the text presents the proposition as true, from
near 0 (denied) to near 1 (flatly asserted).

A cue word decides only where it means its status in context (`cue_counts`): not inside a
name or title ("Prime Minister's Questions"), not in a use of the wrong part of speech ("tax
claims"), not in another sense ("appeared on television"), not modifying a noun ("likely
nominee"), and not from another clause ("..., even if there is no link"). Every status other
than asserted and reported carries the cue that decided it; without one it is not given. A
question mark questions only the sentence or clause it ends (`question_scope`): "Fares rose,
so who benefits?" does not question that fares rose.

A hedge is an uncertainty marker over the claim (docs/audit.md). A verb of belief or
expectation hedges only as the writer's or speaker's own present view ("I think", "we
expect") or impersonally ("is believed to"); someone else's belief ("Many leaders believe
...") is that one's thought, reported, and "is expected to" predicts (speculative). Degree
words ("roughly", "almost", "partly") are no uncertainty. A verb cue speaks of its own
complement, not of a claim beside it, and a cue in an aside with a noun of its own ("— a
history prof, I think —") stays in the aside.

A "could" of ability or permission (set in the past: "As a child she could swim"; under a
rule: "Under the deal, Iran could enrich") is no speculation. A claim that holds its own verb
of asking, doubting or claiming with the one who does it ("Chaffetz questioned the memos")
reports that act: as with a denial in the claim's own text, the status is not the claim's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimscope.nlp.cues import lexicon
from claimscope.nlp.question_scope import joined_sentence, question_mark

BASE_CERTAINTY = {
    "asserted": 0.9,
    "reported": 0.7,
    "hedged": 0.45,
    "speculative": 0.3,
    "questioned": 0.25,
    "denied": 0.1,
}
STATUS_CATEGORIES = ("denial", "question", "speculation", "hedge", "weak_hedge")
# Dependency labels that open a clause of their own; conj, pcomp and xcomp only on verbs,
# since "Smith and Jones" is no clause. An infinitive after an object is a clause of its
# own: "requires us to believe it" does not hedge (see _transparent).
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"}
_VERBAL_CLAUSE_DEPS = {"conj", "pcomp", "xcomp"}
# A clause that is the complement of another is in that one's scope: "officials suspect
# [that ...]", "no evidence [that ...]", "asked [whether ...]". An adverbial, relative or
# coordinated clause is not: "..., even if there is no link" does not deny the main clause.
_COMPLEMENT_DEPS = {"ccomp", "csubj", "csubjpass", "xcomp", "acl", "pcomp"}
# Conditions scope over the clause they attach to ("If true, ...", "..., unless ...").
_CONDITION_WORDS = {"if", "unless"}
_NAME_TYPES = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PRODUCT", "GPE", "LOC",
               "NORP"}
_PERSONAL = {"i", "we", "you", "he", "she", "they"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# Where the parser puts a main verb it did not take for the root (see _misparsed_predicate).
_PREDICATE_DEPS = {"advcl", "pcomp", "parataxis"}
# Participles that name their subject ("a colonel identified only as K."): a reduced relative,
# never the main verb. "Man arrested as police allegedly seize ..." keeps its own root.
_NAMING = {"identify", "name", "know", "describe", "call", "list", "refer", "dub", "term",
           "label", "style", "designate", "nickname"}
# Weak cues that speculate rather than hedge when the learned head finds the sentence uncertain:
# a prediction ("would", "is expected to") is conjecture about what will be, no evidential.
PREDICTIONS = {"would", "expected", "expect", "expects", "predicted", "predicts"}
# People who put views forward, beside the unnamed sources of cues.json "anonymous".
_COMMENTATORS = {"commentator", "commentators", "critic", "analyst", "expert", "observer",
                 "scholar", "scholars", "researcher", "researchers", "scientist", "scientists",
                 "lawmaker", "lawmakers", "economist", "economists", "activist", "activists"}
# Adverbs that negate like "not": "can hardly be disputed", "could scarcely move".
_NEGATING_ADVERBS = {"hardly", "scarcely", "barely", "never"}
# First person: a belief verb hedges only as the writer's or the speaker's own view.
_FIRST_PERSON = {"i", "we"}
# Present forms: "I think" hedges; "I thought", "I would have thought" tell a former view.
_PRESENT_TAGS = {"VBP", "VBZ"}
# Complements through which a verb cue governs a clause ("denied [it was ...]", "appeared
# [ignorant of the situation]").
_CUE_COMPLEMENTS = {"ccomp", "xcomp", "dobj", "csubj", "acomp", "attr", "oprd"}


@dataclass
class EpistemicReading:
    status: str
    certainty: float
    cues: list[Span] = field(default_factory=list)


def clause_of(token: Token) -> Token:
    """The head of the clause a token belongs to."""
    while token.head.i != token.i:
        if token.dep_ in _CLAUSE_DEPS or (
            token.dep_ in _VERBAL_CLAUSE_DEPS and token.pos_ in ("VERB", "AUX")
            and not (token.dep_ == "xcomp" and _transparent(token) and not _marked(token))
            and not (token.dep_ == "conj" and not _has_subject(token))
        ):
            return token
        token = token.head
    return token


def _marked(verb: Token) -> bool:
    """"weighing [whether to try ...]": a clause opened by "whether" or "if" is a clause of its
    own, even as an infinitive: its question does not reach the clause above it."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)


def _has_subject(verb: Token) -> bool:
    """A conjunct verb with a subject of its own is a clause of its own ("..., and experts
    fear ..."); one without shares its subject and clause ("gives relief but may hurt")."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _transparent(infinitive: Token) -> bool:
    """An infinitive without an object in between shares its governor's clause ("continued
    to question", "was believed to be"); one with an object has its own ("requires us to
    believe", "expect them to hear")."""
    return not any(c.dep_ in ("dobj", "dative") and c.i < infinitive.i
                   for c in infinitive.head.children)


def claim_root(claim: Span) -> Token:
    """The claim's main word: spaCy's span root, unless that is a conjunction or punctuation
    hung on a verb outside ("[but it's also likely that ...]" after a first clause), when the
    verb of the claim that hangs outside it is."""
    root = claim.root
    if root.dep_ not in ("cc", "punct", "preconj"):
        return root
    outside = [t for t in claim if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
               and not claim.start <= t.head.i < claim.end]
    return outside[0] if outside else root


def governing_clauses(claim: Span) -> set[int]:
    """The claim's own clause (with its misparsed main verb, `_misparsed_predicate`) and the
    clauses it is the complement of (token indices)."""
    clause = clause_of(claim_root(claim))
    heads = {clause.i}
    predicate = _misparsed_predicate(claim, clause)
    if predicate is not None:
        heads.add(predicate.i)
    while clause.dep_ in _COMPLEMENT_DEPS and clause.head.i != clause.i:
        clause = clause_of(clause.head)
        heads.add(clause.i)
    return heads


def _misparsed_predicate(claim: Span, clause: Token) -> Token | None:
    """The main verb the parser hung below a participle it took for the root.

    "a colonel identified only as "K." allegedly discussed the plan": spaCy reads
    "identified" as the root and "discussed" as an adverbial or a preposition's complement
    under it, so the hedge on "discussed" seemed to be in another clause. A clause whose head
    is a bare participle of naming ("identified", "named", "known", "described as"), with no
    auxiliary, is a description of the subject, no main clause; the first finite
    verb hung on it (directly or through a preposition, not as its complement) in the claim,
    with a subject of its own and not opened by a subordinator other than that "as", is the
    claim's predicate.
    """
    if clause.tag_ in _FINITE_TAGS or clause.lemma_.lower() not in _NAMING or any(
        c.dep_ in ("aux", "auxpass") for c in clause.children
    ):
        return None
    for token in claim:
        if (token.tag_ in _FINITE_TAGS and token.pos_ in ("VERB", "AUX")
                and token.dep_ in _PREDICATE_DEPS
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
                and not any(c.dep_ == "mark" and c.lower_ != "as" for c in token.children)
                and (token.head.i == clause.i
                     or (token.head.dep_ == "prep" and token.head.head.i == clause.i))):
            return token
    return None


def in_name(token: Token) -> bool:
    """A token inside a name or title: "Questions" in "Prime Minister's Questions"."""
    if token.pos_ == "PROPN" or token.ent_type_ in _NAME_TYPES:
        return True
    if not token.is_title or token.is_sent_start:
        return False
    doc, sentence = token.doc, token.sent
    words = [t for t in sentence if t.is_alpha]
    if words and sum(t.is_title for t in words) >= 0.7 * len(words):
        return False  # a headline in title case: capitals say nothing here
    before = doc[token.i - 1] if token.i > sentence.start else None
    after = doc[token.i + 1] if token.i + 1 < sentence.end else None
    if before is not None and before.text in ("“", '"', ":", "‘"):
        return False  # a quote or a clause after a colon starts with a capital
    return any(n is not None and n.is_title and n.is_alpha for n in (before, after))


def cue_counts(cue: Span) -> bool:
    """Whether a cue phrase means its status where it stands (see the module docstring)."""
    root = cue.root
    if any(in_name(t) for t in cue):
        return False
    if root.dep_ in ("amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        return False  # "likely nominee", "alleged influence", "tax claims"
    if _modifies_noun_modifier(root):
        return False  # "some allegedly low-capacity states", "ideas apparently bandied about"
    if _modifies_listed_noun(root):
        return False  # "Despite the hype, slogans and perhaps even self-delusion, they ..."
    if _deontic(root):
        return False  # "should be considered a threat": what is required, not how sure
    senses = lexicon()["senses"]
    sense = senses.get(cue.text.lower()) or (senses.get(root.lemma_.lower()) if len(cue) == 1 else None)
    if not sense:
        return True
    doc = cue.doc
    previous = doc[cue.start - 1].lower_ if cue.start > 0 else ""
    if previous in sense.get("not_after", ()):
        return False
    following = doc[cue.end].lower_ if cue.end < len(doc) else ""
    if following in sense.get("not_before", ()):
        return False  # "rated likely Republican": a race rating, no hedge
    pos = sense.get("pos")
    if pos and root.pos_ not in pos:
        return False
    children = list(root.children)
    reach = sense.get("needs_within")
    if "needs" in sense and not any(
        c.dep_ in sense["needs"] and (reach is None or 0 < c.i - root.i <= reach)
        for c in children
    ):
        return False
    if "needs_complement" in sense and not any(
        c.dep_ in sense["needs_complement"] or (c.dep_ == "prep" and f"prep:{c.lower_}" in sense["needs_complement"])
        for c in children
    ):
        return False  # "will be considered by the committee": weighed, no view of it
    if sense.get("not_narrative") and _narrative_future(root):
        return False  # "would go on to post a 1.12 ERA": what happened next
    if sense.get("not_permission") and _permission(root):
        return False  # "By statute the board may only order repairs": what is allowed
    if sense.get("not_past_ability") and _past_ability(root):
        return False  # "As a child she could swim": what she was able to do, no conjecture
    if root.pos_ == "NOUN" and "noun_needs" in sense:
        under = {t.lower_ for c in children for t in [c, *c.children]}
        if not under & set(sense["noun_needs"]) and not _predicated_clause(root):
            return False
        governor = root.head.head if root.head.dep_ == "prep" else root.head
        if "noun_heads" in sense and governor.lemma_.lower() not in sense["noun_heads"]:
            return False
    if sense.get("not_negated"):
        verb = root.head if root.dep_ in ("aux", "auxpass") else root
        if root.pos_ == "ADJ" and root.dep_ in ("acomp", "attr"):
            verb = root.head  # "isn't possible": the copula carries the negation
        chain = [verb]
        while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
            chain.append(chain[-1].head)  # "not going to question": the negation governs it
        if any(is_negation(c) or (c.dep_ == "advmod" and c.lower_ in _NEGATING_ADVERBS)
               for v in chain for c in v.children):
            return False  # "could not vote": was unable; "can hardly be disputed": affirmed
        if _hard_to(verb):
            return False  # "it is difficult to deny that ...": affirmed, not denied
    if sense.get("not_subjunctive") and any(
        c.dep_ == "ccomp" and c.tag_ == "VB" and not any(a.dep_ == "aux" for a in c.children)
        for c in children
    ):
        return False  # "suggested that those interested call them": a proposal
    if set(sense.get("not_prep", ())) & {c.lower_ for c in children if c.dep_ == "prep"} and not any(
        c.dep_ in ("ccomp", "xcomp") for c in children
    ):
        return False  # "I believe in America": faith or support, no belief that
    if sense.get("belief") and not _own_or_impersonal(root):
        return False  # "Many leaders believe ...": their thought, reported, not a hedge
    if sense.get("not_personal_subject") and any(_personal(c) for c in _arguments(root, ("nsubj",))):
        return False
    if sense.get("not_personal_object") and any(_personal(t) for t in _arguments(root, ("dobj", "nsubjpass"))):
        return False  # "refused to be questioned": interrogated, not doubted
    cancelling = set(sense.get("not_subjects", ()))
    if cancelling and any(quantified_by(s, cancelling) for s in _arguments(root, ("nsubj",))):
        return False  # "Few would deny that ...": an affirmation
    if sense.get("claim_object"):
        nouns = set(lexicon()["claim_nouns"])
        if not any(c.dep_ in ("ccomp", "xcomp") or (
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in nouns
        ) for c in children):
            return False
    return True


def quantified_by(subject: Token, words: set[str]) -> bool:
    """Whether one of `words` ("no", "few", "none") quantifies the subject itself: a word of
    its subtree up to its head ("No one", "Few experts", "None of them"), not one in a phrase
    after it ("officials with no ties to X" are officials), and not "few" after "a" ("a few
    experts", "quite a few" are some experts, who do hold the view)."""
    doc = subject.doc
    return any(w.lower_ in words and w.i <= subject.i and not (
        w.lower_ == "few" and w.i > 0 and doc[w.i - 1].lower_ == "a") for w in subject.subtree)


# Adjectives that turn a verb of denial or doubt under them round: "hard to deny that ...".
_HARD = {"hard", "difficult", "impossible", "tough"}


def _hard_to(verb: Token) -> bool:
    """ "I find it hard to deny that X", "It is difficult to dispute that X": the infinitive
    under (or beside) an adjective of difficulty says the speaker cannot deny X, an
    affirmation of X."""
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return (head.pos_ == "ADJ" and head.lemma_.lower() in _HARD) or any(
        c.dep_ == "acomp" and c.lemma_.lower() in _HARD for c in head.children)


# Modals of obligation: "should be considered", "must be seen as", "ought to be regarded".
_DEONTIC = {"should", "must", "ought", "shall"}
# Verbs of obligation before an infinitive: "has to be considered", "needs to be seen as".
_DEONTIC_VERBS = {"have", "need"}
# Adverbs that make "would" tell what happened next, not what might be.
_NARRATIVE = {"later", "eventually", "subsequently"}


def _deontic(root: Token) -> bool:
    """Whether a verb cue stands under a modal of obligation: "The proposal should be
    considered a threat", "must be seen as a warning", "ought to be regarded as", "has to be
    considered": a deontic modal says what is required or right, not how sure the speaker is
    (docs/audit.md: a hedge is an uncertainty marker), so the cue under it hedges nothing."""
    if root.pos_ not in ("VERB", "AUX") or root.dep_ in ("aux", "auxpass"):
        return False
    verb = root
    while True:
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        # "must have been seen as", "should have suspected": a modal of the perfect infers
        # what was so, an uncertainty of its own (epistemic), no obligation
        if any(c.lower_ in _DEONTIC for c in auxiliaries) and not any(c.lemma_.lower() == "have"
                                                                      for c in auxiliaries):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        head = verb.head
        if head.lower_ in _DEONTIC or (head.lemma_.lower() in _DEONTIC_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
            return True  # "ought to be regarded" (ought the root), "has to be considered"
        verb = head


# Nouns of a rule that grants or limits a permission: "under the agreement", "by statute".
_RULES = {"law", "statute", "rule", "regulation", "agreement", "contract", "constitution",
          "policy", "deal", "term", "order", "treaty", "ordinance", "charter", "licence",
          "license", "permit", "code", "act", "bylaw"}
# Verbs of being and becoming: "may only be temporary" is a possibility, not a permission.
_STATIVE = {"be", "have", "seem", "become", "prove", "happen", "take", "last", "need", "mean"}


def _permission(modal: Token) -> bool:
    """ "By statute the board may only order repairs", "Under the agreement, the company may
    sell the land", "Residents may only park on the north side": a "may" of permission says
    what is allowed, no uncertainty (docs/audit.md: a cue in another sense does not count).
    Only where a rule frames the clause ("under"/"by" a law, contract or rule, "legally") or
    "only" restricts an action verb; "may only be temporary" stays a possibility."""
    verb = modal.head if modal.dep_ in ("aux", "auxpass") else modal
    if verb.i == modal.i:
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in ("legally", "lawfully"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("under", "by") and any(
                p.dep_ == "pobj" and p.lemma_.lower() in _RULES for p in c.children):
            return True
    restricted = any(c.dep_ == "advmod" and c.lower_ == "only" and modal.i < c.i < verb.i
                     for c in verb.children)
    return restricted and verb.lemma_.lower() not in _STATIVE and not any(
        c.dep_ == "auxpass" for c in verb.children)


# Adverbs that set a clause in the past: "could then vote", "could once buy".
_PAST_ADVERBS = {"then", "once", "formerly", "previously"}
# Words of a time before now inside a time phrase: "two years ago", "last year", "earlier".
_PAST_WORDS = {"ago", "last", "earlier"}
# What a person was as a child: "As a child she could swim".
_YOUTH = {"child", "boy", "girl", "kid", "teenager", "teen", "youngster", "student", "baby"}
# Subordinators of a time clause: "could swim when she was five", "could only watch as ...".
# Not "after" or "before": "warned that a larger quake could be in store after the first hit"
# looks ahead from a past moment.
_TIME_MARKS = {"when", "while", "as", "until", "whenever"}
# Words that make a span of time run on into the future: "for years to come", "next decade".
_AHEAD = {"come", "next", "coming", "future"}


def _past_ability(modal: Token) -> bool:
    """ "She could swim when she was five", "As a child he could ...", "For a long time the
    firms could shrug", "Back then, anyone could buy a ticket": a "could" set in the past by a
    time phrase or a past time clause tells what someone was able (or allowed) to do, no
    possibility (docs/audit.md: a word in another sense does not count). "could have ..."
    stays: it weighs what might have been. A "could" with no past frame stays a possibility
    ("The bridge could cut journey times")."""
    verb = modal.head if modal.dep_ in ("aux", "auxpass") else modal
    if verb.i == modal.i or any(c.lemma_.lower() == "have" and c.dep_ == "aux" for c in verb.children):
        return False
    if verb.lemma_.lower() == "be":
        return False  # "could be in store", "could be an underestimate": always a possibility
    return any(_past_frame(c, modal) for c in verb.children if c.i != modal.i)


def _past_frame(child: Token, modal: Token) -> bool:
    """Whether a verb's dependent sets the clause in the past (see _past_ability)."""
    words = {t.lower_ for t in child.subtree}
    if words & _AHEAD:
        return False
    if child.dep_ == "advmod":
        if child.lower_ == "then":
            # "Back then, anyone could ..." is the past; a bare "then" is the next step, as
            # often ahead as behind ("If the bill passes, the state could then raise taxes").
            return any(c.lower_ == "back" for c in child.children)
        # "Earlier this year, residents could ..." sets the scene; an "earlier" after the verb
        # compares times, whichever way ("The vote could come earlier than planned").
        return child.lower_ in _PAST_ADVERBS or (bool(words & _PAST_WORDS) and (
            child.i < modal.i or "earlier" not in words))
    if child.dep_ == "npadvmod":
        return bool(words & _PAST_WORDS)
    if child.dep_ == "prep":
        objects = [p for p in child.children if p.dep_ == "pobj"]
        if child.lower_ == "as":
            return any(p.lemma_.lower() in _YOUTH for p in objects)
        if child.lower_ == "at":
            return any(p.lower_ == "time" and any(d.lower_ == "the" for d in p.children) for p in objects)
        if child.lower_ == "for":
            # Only a span of time that opens the clause: "For years, anyone could buy one";
            # "could go on for years" is how long it might last.
            return child.i < modal.i and ("long" in words and "time" in words or any(
                p.lemma_.lower() in ("year", "decade", "century") and p.tag_ == "NNS" for p in objects))
        return bool(words & _PAST_WORDS) and child.lower_ in ("in", "during", "until")
    if child.dep_ == "advcl":
        # The parser hangs "when" as an adverb, "as" and "until" as marks.
        opening = [c for c in child.children if c.i < child.i and (
            c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in _TIME_MARKS))]
        return (bool(opening) and all(m.lower_ in _TIME_MARKS for m in opening) and child.tag_ == "VBD"
                and not any(c.tag_ == "MD" for c in child.children))
    return False


def _narrative_future(modal: Token) -> bool:
    """ "would go on to post a 1.12 ERA", "would later become president": a future in the past
    that tells what happened next, no conjecture."""
    verb = modal.head if modal.dep_ == "aux" else modal
    if verb.lemma_.lower() == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in _NARRATIVE for c in verb.children)


# Negation words, with the typographic apostrophe the tagger does not know ("isn’t" gives
# "n’t" tagged as a number and attached as punctuation).
NEGATIONS = {"not", "n't", "n’t", "never"}


def is_negation(token: Token) -> bool:
    return token.dep_ == "neg" or token.lower_ in NEGATIONS


def _predicated_clause(noun: Token) -> bool:
    """ "The speculation is that the mayor will resign", "The question is whether ...": the
    noun is the subject of a copula whose complement is the clause it is about."""
    head = noun.head
    return (noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be"
            and any(c.dep_ == "ccomp" for c in head.children))


def _modifies_listed_noun(root: Token) -> bool:
    """A hedge adverb on a noun in a list or a prepositional phrase qualifies that noun, not
    the clause: "Despite the hype, slogans and perhaps even self-delusion, they were not
    built ..." does not speculate that they were not built. A noun that is the predicate
    ("It is probably the best team") or the subject ("Possibly thousands died") is left to
    the clause."""
    head = root.head
    return (root.dep_ == "advmod" and head.i != root.i and head.pos_ in ("NOUN", "PROPN")
            and head.dep_ in ("conj", "pobj") and root.i < head.i)


def _modifies_noun_modifier(root: Token) -> bool:
    """A hedge adverb on an adjective or participle that describes a noun hedges that
    description, not the clause: "with some allegedly low-capacity states", "the ideas
    apparently bandied about by his aides". Only inside the noun phrase, after its first
    word: in "This doctrine is presumably common Buddhism" the adverb opens the predicate
    and hedges the clause."""
    head = root.head
    return (root.dep_ == "advmod" and head.i != root.i
            and head.dep_ in ("amod", "acl", "compound", "nmod")
            and head.head.pos_ in ("NOUN", "PROPN", "PRON")
            and head.head.left_edge.i < root.i)


def _own_or_impersonal(verb: Token) -> bool:
    """Whether a belief verb is the writer's or speaker's own present view ("I think", "we
    expect", "I don't believe") or impersonal ("is believed to", "it is estimated that", "a
    man thought to be"): only then is it a hedge. Someone else's belief ("Many Republican
    leaders believe ...", "she believes that ...", "these folks believe ...") is that one's
    thought, reported (docs/audit.md: reported is "someone's reported speech or thought"),
    and a past one ("I thought I had ...", "I would have thought ...") is a former view."""
    if verb.dep_ in ("acl", "amod") or any(c.dep_ == "auxpass" for c in verb.children):
        return True
    subjects = _arguments(verb, ("nsubj",))
    if not subjects:
        return verb.tag_ != "VBD"
    if not all(s.lower_ in _FIRST_PERSON for s in subjects):
        return False
    return _present(verb)


def _present(verb: Token) -> bool:
    """A view held now: "I think", "I don't think", "I have always believed", "I happen to
    think"; not "I thought", "I would have thought"."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ in _PRESENT_TAGS:
        return True
    if verb.tag_ == "VBN":  # present perfect: the view still held
        return bool(auxiliaries) and all(a.lemma_ == "have" and a.tag_ in _PRESENT_TAGS
                                         for a in auxiliaries)
    if verb.tag_ != "VB":
        return False
    if not auxiliaries or all(a.lower_ == "to" for a in auxiliaries):
        # an infinitive takes its governor's time: "I happen to think", "I tend to believe"
        return verb.dep_ == "xcomp" and verb.head.i != verb.i and _present(verb.head)
    # "I don't think", "I do believe": present through "do"; "didn't think", "would think" not.
    return all(a.lemma_ == "do" and a.tag_ in _PRESENT_TAGS for a in auxiliaries)


def _arguments(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    """The verb's arguments of these kinds; a controlled infinitive borrows its governor's
    ("he refused [to be questioned]": he is the one questioned), and a conjunct without a
    subject its first conjunct's ("Ryan leveled criticisms and suggested ...": Ryan
    suggested)."""
    found = [c for c in verb.children if c.dep_ in deps]
    if found or any(c.dep_.startswith("nsubj") for c in verb.children):
        return found
    if verb.dep_ == "xcomp":
        return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "conj":
        return [c for c in verb.head.children if c.dep_ in deps and c.dep_.startswith("nsubj")]
    return found


def _personal(token: Token) -> bool:
    # Role nouns that stand for a person ("the spokeswoman", "the senator") count too.
    # So do the nouns of unnamed sources ("commentators", "critics", "officials").
    lex = lexicon()
    return (token.ent_type_ == "PERSON" or token.lower_ in _PERSONAL
            or token.lower_ in ("him", "her", "me", "us", "them", "who", "whom")
            or token.lower_ in lex["person_nouns"] or token.lower_ in lex["anonymous"]
            or token.lower_ in _COMMENTATORS
            or lex["definite_sources"].get(token.lower_) == "PERSON"
            or _aged(token))


def _aged(token: Token) -> bool:
    """"the 24-year-old", however the tokenizer cut it: a person by age."""
    if token.lower_.endswith("year-old") or token.lower_.endswith("year-olds"):
        return True
    doc = token.doc
    return token.lower_ in ("old", "olds") and token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("year", "years")


def _within(cue: Span, outer: Span | None) -> bool:
    return outer is not None and outer.start <= cue.start and cue.end <= outer.end


def in_scope(cue: Span, claim: Span, attribution_cue: Span | None, governing: set[int]) -> bool:
    """Whether a cue reaches the claim: it is in the attribution cue, or in the claim's clause
    or a clause the claim is the complement of; a condition, where it attaches to one."""
    if _modal_of_saying(cue, claim):
        return False  # also inside the attribution cue: "Some might argue [that ...]"
    if _within(cue, attribution_cue):
        return True
    if _governs_another(cue, claim) or _aside_without(cue, claim):
        return False
    clause = clause_of(cue.root)
    if cue[0].lower_ in _CONDITION_WORDS:
        # "If true, ...": the condition hedges the clause it attaches to.
        return clause.dep_ == "advcl" and clause_of(clause.head).i in governing
    return clause.i in governing


def _governs_another(cue: Span, claim: Span) -> bool:
    """A verb cue with a complement of its own outside the claim speaks of that complement,
    not of the claim beside it: in "An official denied it was his call and asserted it was
    accurate", "denied" shares the clause of "asserted" but does not deny what was asserted."""
    root = cue.root
    if root.pos_ not in ("VERB", "AUX") or claim.start <= root.i < claim.end:
        return False
    complements = [c for c in root.children if c.dep_ in _CUE_COMPLEMENTS]
    if not complements:
        return False
    root = claim_root(claim)
    return not any(c.left_edge.i <= root.i <= c.right_edge.i for c in complements)


# Modals of possibility, and the verbs of saying or arguing whose ability or chance they speak
# of: "One could argue that ...", "Some might say ...".
_POSSIBILITY = {"could", "might", "may", "can"}
_ARGUING = {"argue", "say", "claim", "contend", "suggest", "assert", "maintain", "insist",
            "object", "counter", "reply", "respond"}


def _modal_of_saying(cue: Span, claim: Span) -> bool:
    """ "One could argue that the ferry service has never been better": the "could" speaks of
    the arguing (it is possible to argue), and the claim under "argue" is not in its scope
    (docs/audit.md: a cue in another clause than the claim does not count)."""
    root = cue.root
    if root.lower_ not in _POSSIBILITY or root.dep_ != "aux":
        return False
    verb = root.head
    if verb.lemma_.lower() not in _ARGUING or claim.start <= verb.i < claim.end:
        return False
    target = claim_root(claim)
    return any(c.dep_ in ("ccomp", "xcomp", "parataxis") and c.left_edge.i <= target.i <= c.right_edge.i
               for c in verb.children)


_ASIDES = {"—": "—", "–": "–", "--": "--", "-": "-", "(": ")"}


def _aside_mark(token: Token) -> str:
    """The token as an aside mark: a hyphen only with spaces around it ("the businesses -
    presumably unaware - paid"), never inside a word ("low-capacity")."""
    if token.text != "-":
        return token.text
    spaced = token.whitespace_ and token.i > 0 and token.doc[token.i - 1].whitespace_
    return "-" if spaced else ""


def _aside_without(cue: Span, claim: Span) -> bool:
    """A cue in an aside between dashes or brackets that does not hold the claim's verb
    hedges the aside only, where the aside says something of its own: in '"Dirt is dirtier
    ...," observes one of O'Hara's characters — a history prof, I think — ...', "I think" is
    unsure of the "history prof", not of the quotation (the parser may still hang the
    sentence on "think"); "— whether in January or before —" asks about the date only. An
    aside that is nothing but a comment ("It's possible — I'd say likely — that ...", "— I
    think —") has no noun of its own and comments on the clause around it."""
    sentence = cue.sent
    opening = next((t for t in reversed(sentence[: cue.start - sentence.start])
                    if _aside_mark(t) in _ASIDES or _aside_mark(t) in _ASIDES.values()), None)
    if opening is None or _aside_mark(opening) not in _ASIDES:
        return False
    closing = next((t for t in sentence[cue.end - sentence.start:]
                    if t.text == _ASIDES[_aside_mark(opening)] and (t.text != "-" or _aside_mark(t))),
                   None)
    if closing is None or opening.i < claim_root(claim).i < closing.i:
        return False
    return any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in cue.doc[opening.i + 1:closing.i])


def status_cues(cues: dict[str, list[Span]], claim: Span,
                attribution_cue: Span | None) -> dict[str, list[Span]]:
    """The cues, by category, that mean their status and reach the claim."""
    governing = governing_clauses(claim)
    # A sentence spaCy joined to the claim's first one keeps its cues to itself.
    second = joined_sentence(claim)
    out: dict[str, list[Span]] = {}
    for category in STATUS_CATEGORIES:
        kept = [c for c in cues.get(category, [])
                if cue_counts(c) and in_scope(c, claim, attribution_cue, governing) and not concessive_whether(c)
                and (second is None or c.start < second or _within(c, attribution_cue))]
        if category == "weak_hedge":
            # Weak cues only give the learned hedge its visible cue: they must be the claim's own.
            kept = [c for c in kept if c.start >= claim.start and c.end <= claim.end]
        if kept:
            out[category] = kept
    return out


def concessive_whether(cue: Span) -> bool:
    """"Whether voters like it or not, the tax rose", "The tax will rise, whether in January or
    in March": a "whether" opening a sentence or standing after a comma or dash, with its
    "or" before the next comma, sets alternatives aside and asks nothing (docs/audit.md,
    fresh4: a concessive "whether"). "The board asked whether it would rise or fall" and "The
    question is whether ..." are questions: their "whether" follows a word of the clause."""
    if cue.text.lower() != "whether":
        return False
    token = cue[0]
    sentence = token.sent
    before = token.doc[token.i - 1] if token.i > sentence.start else None
    if before is not None and before.text not in (",", "—", "–", "-", "(", ";"):
        return False
    for t in token.doc[token.i + 1 : sentence.end]:
        if t.lower_ == "or":
            return True
        if t.text in (",", "—", "–", ";", ")"):
            return False
    return False


# Verbs of saying whose question ("Remember when Keller said ...?", "Did he promise ...?") asks
# about the saying, not about what was said.
SAYING = {"say", "tell", "claim", "promise", "announce", "insist", "vow", "pledge", "declare",
          "state", "write", "tweet", "predict", "boast", "argue", "suggest", "assert", "add"}
_QUESTION_OPENERS = {"that", "\"", "“", "'", "‘"}


def _asks_about_the_report(claim: Span, attribution_cue: Span | None, mark: Span) -> bool:
    """'Remember when Keller said that the harbour would reopen by June?': the "?" ends the
    frame's question (the author's reminder, or "Did Keller say ...?"), and the reported
    content is no question of its own. Only where the verb of saying comes before the claim in
    the same sentence and the claim does not itself open as a question ('He said: "Why
    would anyone do that?"' is one)."""
    if attribution_cue is None or attribution_cue.end > claim.start or attribution_cue.sent != mark.sent:
        return False
    verbs = [t for t in attribution_cue if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return False
    # "Why do they oppose it, thinking that X, when ...?": a participle frames a circumstance
    # of the question, whatever its verb; what they think is not asked.
    participle = verbs[0].tag_ == "VBG" and verbs[0].dep_ in ("advcl", "xcomp", "conj")
    if verbs[0].lemma_.lower() not in SAYING and not participle:
        return False
    words = [t for t in claim if t.lower_ not in _QUESTION_OPENERS and not t.is_punct]
    return bool(words) and not (words[0].lower_ in ("who", "whom", "whose", "what", "which", "why", "how",
                                                    "where", "when", "whether", "if")
                                or words[0].tag_ == "MD" or (words[0].pos_ == "AUX" and words[0].i + 1 < claim.end
                                                             and claim.doc[words[0].i + 1].pos_ in ("PRON", "DET", "NOUN", "PROPN")))


def read_status(
    cues: dict[str, list[Span]],
    *,
    claim: Span,
    attribution_cue: Span | None,
    uncertain_probability: float,
    uncertain_threshold: float = 0.5,
) -> EpistemicReading:
    """Decide the status of one claim.

    `cues` are those found over the claim's extent (the claim, and for an attributed claim its
    source and cue); only those that mean their status and reach the claim's clause decide.
    """
    found = status_cues(cues, claim, attribution_cue)
    # "Chaffetz questioned the memos", "Critics wonder whether ...": a claim that holds its own
    # verb of asking, guessing or claiming, with the one who does it, reports that act; the
    # status is its complement's, not the claim's.
    found = {category: kept for category, kept in (
        (category, [c for c in spans if category == "denial" or not _reported_act(c, claim)])
        for category, spans in found.items()) if kept}
    # A denial inside the claim's own text makes it an assertion of a negative fact ("The
    # senator rejected the characterization"): only a denial from outside negates the claim.
    denial = [c for c in found.get("denial", []) if not (c.start >= claim.start and c.end <= claim.end)]
    if denial:
        return EpistemicReading("denied", BASE_CERTAINTY["denied"], denial)
    mark = question_mark(claim)
    if mark is not None and _asks_about_the_report(claim, attribution_cue, mark):
        mark = None
    question = [c for c in found.get("question", []) if not _raised_in_claim(c, claim)]
    question += [mark] if mark is not None else []
    if question:
        return EpistemicReading("questioned", BASE_CERTAINTY["questioned"], question)
    speculation = found.get("speculation")
    if speculation:
        return EpistemicReading("speculative", _soften("speculative", uncertain_probability),
                                speculation)
    condition = conditional_prediction(claim)
    if condition is not None:
        return EpistemicReading("speculative", _soften("speculative", uncertain_probability), [condition])
    hedge = found.get("hedge")
    # The learned signal alone never hedges: past the model's threshold (chosen on held-out
    # CoNLL-2010 data) it hedges a claim that has a weak cue of its own ("would", "if",
    # "considered"), which is then shown as the reason.
    if not hedge and uncertain_probability >= uncertain_threshold:
        weak = found.get("weak_hedge", [])
        # "would" is a prediction or a condition: conjecture, not an evidential hedge, also
        # beside another weak cue ("It would be considered precedent").
        predictions = [c for c in weak if c.text.lower() in PREDICTIONS]
        if predictions:
            return EpistemicReading("speculative", _soften("speculative", uncertain_probability),
                                    predictions)
        hedge = [c for c in weak if c.text.lower() not in PREDICTIONS]
    if hedge:
        return EpistemicReading("hedged", _soften("hedged", uncertain_probability), hedge)
    if attribution_cue is not None:
        certainty = BASE_CERTAINTY["reported"]
        confirming = cues.get("certain_report", [])
        if any(c.start >= attribution_cue.start and c.end <= attribution_cue.end for c in confirming):
            certainty = 0.8  # "revealed", "confirmed": the text vouches for the report
        return EpistemicReading("reported", _soften_value(certainty, uncertain_probability),
                                [attribution_cue])
    return EpistemicReading("asserted", _soften("asserted", uncertain_probability), [])


# A prediction's modal, and the words that open a condition of its own clause: "If the board
# finds money, the repairs will start", "Unless ..., there will be no repairs", "Should he
# decide ..., he will need ..." (an inverted condition opens with its auxiliary).
_PREDICTING = {"will", "would", "'ll", "’ll", "wo", "shall"}
_CONDITION_MARKS = {"if", "unless"}
_INVERTED_CONDITIONS = {"should", "had", "were"}


def conditional_prediction(claim: Span) -> Span | None:
    """The word that opens a condition of the claim's own main clause, where that clause
    predicts with "will" or "would": the claim is a conjecture on that condition, whatever
    the learned head says. A concessive "even if" or a comparison "as if" sets no condition;
    a condition of another clause, or a clause with no prediction ("If you look, it is
    there"), is left alone."""
    root = claim_root(claim)
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PREDICTING for c in root.children):
        return None
    for clause in root.children:
        if clause.dep_ != "advcl" or not (claim.start <= clause.i < claim.end):
            continue
        for mark in clause.children:
            if mark.dep_ == "mark" and mark.lower_ in _CONDITION_MARKS and mark.i >= claim.start:
                before = claim.doc[mark.i - 1].lower_ if mark.i > 0 else ""
                if before not in ("even", "as"):
                    return claim.doc[mark.i : mark.i + 1]
        first = clause.left_edge
        if (first.lower_ in _INVERTED_CONDITIONS and first.dep_ == "aux" and first.head.i == clause.i
                and first.i >= claim.start and any(c.dep_ == "nsubj" and c.i > first.i for c in clause.children)):
            return claim.doc[first.i : first.i + 1]
    return None


# Verbs of an act of asking, doubting, guessing or claiming that someone does.
_ACTS = {"question", "doubt", "wonder", "suspect", "speculate", "theorize", "claim", "allege",
         "ask", "dispute", "challenge", "query"}


def _reported_act(cue: Span, claim: Span) -> bool:
    """Whether the cue is the claim's own predicate, a verb whose subject in the claim is a
    person or people other than the writer or speaker ("Chaffetz questioned the validity of
    the memos", "Critics wonder whether ...", "He further claimed that ..."): the claim states
    that they asked, guessed or claimed, which the one who tells it puts forward flatly (as a
    denial in the claim's own text asserts a negative fact). "I suspect", "we wonder" stay the
    speaker's own doubt; "The data suggests ..." stays an evidential hedge."""
    root = cue.root
    if root.lemma_.lower() not in _ACTS or not (claim.start <= cue.start and cue.end <= claim.end):
        return False  # "The NFL appears ready": a raising verb hedges the claim it frames
    predicate = claim_root(claim)
    if root.i != predicate.i and not (root.dep_ == "conj" and root.head.i == predicate.i
                                      and not _has_subject(root)):
        return False
    subjects = _arguments(root, ("nsubj",))
    return bool(subjects) and all(
        claim.start <= s.i < claim.end and s.lower_ not in _FIRST_PERSON and (s.pos_ == "PROPN" or _personal(s))
        for s in subjects)


# Verbs that put a question or doubt forward: "raised questions about", "voiced doubts".
_RAISING = {"raise", "cast", "pose", "voice", "express", "prompt", "spark", "fuel"}


def _raised_in_claim(cue: Span, claim: Span) -> bool:
    """ "The report raised questions about the council's spending": where the question noun
    and the verb that raises it are both in the claim, the claim is the statement that
    questions were raised, itself not asked (only a proposition under "about whether ..."
    that is a claim of its own would be)."""
    root = cue.root
    if root.pos_ != "NOUN" or not (claim.start <= cue.start and cue.end <= claim.end):
        return False
    verb = root.head
    return (root.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _RAISING
            and claim.start <= verb.i < claim.end)


def _soften(status: str, uncertain_probability: float) -> float:
    return _soften_value(BASE_CERTAINTY[status], uncertain_probability)


def _soften_value(base: float, uncertain_probability: float) -> float:
    # The learned probability lowers certainty by at most 0.1: cues stay the main evidence and
    # the statuses keep their order (a hedged claim stays above any speculative one).
    return round(max(0.0, min(1.0, base - 0.1 * uncertain_probability)), 3)
