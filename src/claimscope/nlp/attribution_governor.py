"""The source of a cue that has no subject of its own, read off the clause it hangs on.

"Velden said the harbour would reopen, adding that the cranes had arrived": "adding" has no
subject; who adds is the subject of "said", the clause the participle hangs on. The same holds
for a second verb of one subject ("The ministry said A but added B"), "by arguing", "despite
calling" and "while citing". The tagger leaves such cues without a source, and the audit of
issue 9 found most unresolved speakers to be these: the sentence names the speaker, only not
next to the cue.

Only an active participle (VBG) or a finite verb conjoined to another has its subject so
implied; a passive participle ("when asked whether ...") does not: the one asking is someone
else. A subject inside someone's content ("He said the plan failed and added ...": "the plan")
or inside a quotation is never taken: it is not the speaker.

Where the tagger lost a source the parse does give, the cue's own subject is the source
("Saslaw, who at one point had called for ..., described the proposal ..."), and so is the
noun after an inverting verb ('"...," read the letter'). Where a quotation broke the parse
("X criticized Y's "..." approach and said Z" with "said" hung on a noun), a finite verb after
"and" or "but" shares the subject of the verb before it in its sentence. Where the tagger took
an inverted subject for the content ('..., said the official, who asked not to be named' with
the list before it as the source), the cue's own subject is the source and the clause it
governs before it the content (`_inverted_speaker`); where it ran a content before the cue up
to the cue's own subject ("... and officials | said"), that subject is the source
(`_speaker_ending_content`).

A tagged source that cannot be a subjectless cue's speaker is dropped first, so that the
clause's subject is read instead (`_without_false_source`): the subject of the cue's own
complement ("but have argued | Trainor | is unqualified") or an object of the clause the cue is
conjoined to ("failed to disclose the contacts with | Kislyak | and then said").

A passive cue's "by" agent that can speak is its source ("Kemp was accused by prosecutors of
lying": prosecutors, not Kemp nor nobody), and leaves the content (`_passive_agent`). A relative
pronoun that is the subject of the cue's own relative clause ("Ruth Kemp, the senator, who said
...") is the source too: the speaker component gives it the noun the clause describes.

The same reading of the cue's clause keeps an addressee out of the content: "Berridge cautioned
Hollis that the strike would go ahead" says that the strike would go ahead (`without_addressee`),
and so does "raised their concern with Kerry and Holder that ..." and "asked Keller if ...".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimscope.nlp.attribution_filter import speaks, trim_source
from claimscope.nlp.attribution_spans import Group, RoleSpan, quoted_mask
from claimscope.nlp.extensions import text_of

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# The steps from a cue up to the clause whose subject it shares: "..., adding" (advcl), "went on
# to blast ..., arguing" (xcomp), "said ... but added" (conj), "by arguing" / "despite calling"
# (pcomp under a preposition), "cast doubt on A, argued that B" (dep: a verb list the parser left unlabelled).
CLIMB = {"advcl", "xcomp", "conj", "pcomp", "prep", "dep"}
MAX_STEPS = 4
FINITE = {"VBD", "VBZ", "VBP", "VB"}
LOOK_BACK = 40  # tokens an "and said" looks back for the verb whose subject it shares
NOT_SPEAKERS = {"who", "that", "which", "whom", "there", "what", "this"}


def _cue_verb(doc: Doc, group: Group) -> Token | None:
    span = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verbs = [t for t in span if t.pos_ == "VERB"]
    return verbs[0] if verbs else None


def _implies_subject(verb: Token) -> bool:
    """An active participle on a clause, or a finite verb conjoined to another."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    if verb.tag_ == "VBG":
        return verb.dep_ in ("advcl", "xcomp", "pcomp", "conj")
    if verb.dep_ == "xcomp" and verb.tag_ in ("VB", "VBP") and verb.head.pos_ == "VERB":
        # "Nuland and her aides tried to suggest that ...": the one who tried; but "Hollis urged
        # Keller to say ...": an object before the infinitive is the one who is to say it
        return not any(c.dep_ in ("dobj", "dative", "iobj") and c.i < verb.i for c in verb.head.children)
    if verb.dep_ == "dep" and verb.tag_ == "VBD" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
        # "His campaign had cast doubt on ..., argued that ...": a list of verbs the parser left
        # unlabelled, one subject for all of them
        return verb.i > 0 and verb.doc[verb.i - 1].text == ","
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children) and not any(
        c.dep_ == "auxpass" for c in verb.children)  # "did not sign ... but have argued"
    return verb.dep_ == "conj" and (verb.tag_ in FINITE or perfect) and verb.head.pos_ in ("VERB", "AUX")


DASHES = {"-", "—", "–", "--", ":"}


def _dash(token: Token) -> bool:
    """A dash between words ("Reuters) - Dock"), not a hyphen inside one ("well-intentioned")."""
    return token.text in DASHES and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _phrase_start(subject: Token) -> Token:
    """The first word of the subject phrase: after a dateline's dash ("WASHINGTON (Reuters) -
    Democratic hopefuls") and without a question's opening words the parse hung on it ("Why
    do young people")."""
    doc = subject.doc
    first = subject.left_edge
    for t in doc[first.i : subject.i]:
        if _dash(t):
            first = doc[t.i + 1]
    while first.i < subject.i and (first.tag_ in ("WRB", "WP", "WDT") or first.pos_ in ("AUX", "VERB", "PUNCT")):
        first = doc[first.i + 1]
    return first


def governing_subject(doc: Doc, group: Group, taken: list[tuple[int, int]],
                      mask=None) -> RoleSpan | None:
    """The source span a sourceless group's cue implies, or None.

    `taken`: character ranges of the statements' contents; a subject found inside one of them
    (or inside a quotation) is not the speaker. `mask`: `quoted_mask(doc.text)`, computed
    here when not given (once per document is enough)."""
    verb = _cue_verb(doc, group)
    if verb is None:
        return None
    own = [c for c in verb.children if c.dep_ in SUBJECTS]
    # A subject inside another statement's content is that statement's, not the cue's, unless
    # the cue is inside that content too: climbing goes on past it.
    def elsewhere(token: Token) -> bool:
        return any(s <= token.idx < e and not (s <= group.cue.start < e) for s, e in taken)

    # "Saslaw, who at one point had called for ..., described the proposal ...": the cue's own
    # subject, which the tagger lost over a long relative clause or an inversion ("read the letter").
    subject = own[0] if own else _inverted_subject(verb) or (
        _climbed_subject(verb, elsewhere) if _implies_subject(verb) else None)
    if subject is None:
        subject = _subject_before_and(verb, quoted_mask(text_of(doc)) if mask is None else mask)
    if subject is None and not own:
        subject = _series_subject(verb, elsewhere)
    if subject is None or _patient_passive(verb):
        return None  # "Kemp was told that ...": the one told is no speaker
    relative = subject.lower_ in ("who", "which") and subject.dep_ == "nsubj" and subject.head == verb and (
        verb.dep_ == "relcl")  # "Ruth Kemp, the senator, who said ...": the noun the clause describes
    if subject.dep_ not in ("nsubj", "dobj") or (subject.lower_ in NOT_SPEAKERS and not relative):
        return None  # a passive or an expletive clause, a pronoun of no clause of the cue's: nobody named
    if any(_dash(t) for t in subject.doc[subject.i + 1 : subject.right_edge.i + 1]):
        return None  # "WESTBROOK (Reuters) - Dock workers": the parse took the dateline
    first = _phrase_start(subject)
    start = first.idx
    last = subject.right_edge
    if any(t.dep_ == "amod" and t.tag_ in ("VBD", "VBZ", "VBP") for t in subject.subtree if t.i > subject.i):
        last = subject  # "Trump pestered Sessions for ..., slammed him": a verb parsed as a modifier
    end = last.idx + len(last)
    if any(s < end and start < e for s, e in taken) or (
            group.cue.start < end and start < group.cue.end):
        return None
    mask = quoted_mask(text_of(doc)) if mask is None else mask
    if mask[start:end].any():
        return None
    return trim_source(doc, RoleSpan("source", start, end, group.cue.score))


# Verbs news puts before their subject after a quotation: '"...," read the letter.'
INVERTING = {"read", "say", "state", "write", "add", "note", "declare"}


def _inverted_subject(verb: Token) -> Token | None:
    """'"We urge our neighbours to do the same," read the letter': the parser takes the
    subject after the verb for its object. Only after a quoted clause the verb governs, for a
    noun right after the verb."""
    if verb.lemma_.lower() not in INVERTING or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")]
    if not objects or objects[0].left_edge.i != verb.i + 1:
        return None
    return objects[0]


def _climbed_subject(verb: Token, elsewhere=lambda token: False) -> Token | None:
    """The subject of the first clause up the CLIMB path that has one. "Keller said he sees
    similarities, saying ...": where that subject is in another statement's content
    (`elsewhere`), the participle hangs on the content's verb only by the parse, and the one
    who says is the subject of the clause the content belongs to (one step up its ccomp)."""
    token = verb
    for _ in range(MAX_STEPS):
        if token.head == token or not (token.dep_ in CLIMB or (token.dep_ == "ccomp" and token != verb)):
            return None
        token = token.head
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects and not (elsewhere(subjects[0]) and token.dep_ == "ccomp"):
            return subjects[0]
    return None


# Adverbs between the comma or "and" of a series and its next verb: "..., then said ...".
SERIES_ADVERBS = {"then", "later", "also", "again", "further", "subsequently", "finally", "first"}


def _series_subject(verb: Token, elsewhere) -> Token | None:
    """"Bush first said A, then said B, then said C" and "Keller floated a lawsuit, stating ...":
    a verb of a series with no subject, after a comma (or "and", "but") and at most an adverb
    ("then"), which the parse hung on a word of the content before (as its complement, its
    subject or a loose dependent): who speaks is the subject of the nearest clause up the
    parse whose subject is outside every other statement's content."""
    doc = verb.doc
    if not (verb.tag_ in FINITE or verb.tag_ == "VBG") or verb.dep_ not in ("ccomp", "dep", "csubj", "parataxis",
                                                                             "conj", "ROOT"):
        return None
    i = verb.i - 1
    while i > verb.sent.start and doc[i].lower_ in SERIES_ADVERBS:
        i -= 1
    if i <= verb.sent.start or doc[i].text not in (",", ";", "and", "but"):
        return None
    if any(a.dep_ == "relcl" and a.right_edge.i in (i - 1, i) for a in [doc[i - 1], *doc[i - 1].ancestors]):
        # "Keller met Hollis, who said A, then said B": the series may go on in the relative
        # clause (Hollis) as well as in the main one (Keller): either could be the speaker
        return None
    token = verb
    for _ in range(MAX_STEPS):
        if token.head == token:
            break
        token = token.head
        if token.i > verb.i:
            continue  # "stating" as the subject of "give" after it: go on up to its clause
        subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < verb.i]
        if subjects and not elsewhere(subjects[0]):
            return subjects[0]
    # The parse may hang the series the other way round (the first verb under the last): the
    # nearest verb before the break, in the cue's own tree, whose subject is nobody's content.
    for before in reversed(doc[verb.sent.start : i]):
        if before.pos_ != "VERB" or not (before in verb.subtree or verb in before.subtree):
            continue
        subjects = [c for c in before.children if c.dep_ == "nsubj" and c.i < before.i]
        if subjects and not elsewhere(subjects[0]):
            return subjects[0]
    return None


def _subject_before_and(verb: Token, mask) -> Token | None:
    """'Buttigieg criticized Warren's "my way" approach and said ...': a finite verb right after
    "and" or "but" (and its adverbs: "and openly worry"), with no subject of its own, where a
    quotation broke the parse (the verb hangs on a noun) or a participle that modifies a noun
    did ("lament the damage caused by ... and openly worry"): the subject of the nearest verb
    before it in the sentence, outside quotation marks, past such participles."""
    doc = verb.doc
    if verb.tag_ not in FINITE or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    i = verb.i - 1
    while i > verb.sent.start and doc[i].pos_ == "ADV" and doc[i].dep_ == "advmod" and doc[i].head == verb:
        i -= 1  # "and openly worry", "but later said"
    before = doc[i] if i >= verb.sent.start else None
    if before is None or before.lower_ not in ("and", "but"):
        return None
    # The parser may have cut the sentence at the quotation too: read back to the last full stop
    # outside quotation marks, within the paragraph.
    for token in reversed(doc[max(0, verb.i - LOOK_BACK) : i]):
        if mask[token.idx]:
            continue
        if "\n" in token.text or token.whitespace_.count("\n") or token.text in (".", "?", "!"):
            return None
        if token.pos_ == "VERB" and _in_participle_modifier(token):
            continue  # "lament the damage | caused by the strike | to build ...": a modifier shares no subject
        if token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
            return subjects[0] if subjects else None
    return None


def _in_participle_modifier(token: Token) -> bool:
    """A verb that is, or hangs under, a participle modifying a noun or clause ("the damage
    caused by Trump's demand for billions to build a wall"): no clause of a subject's own."""
    return any(t.tag_ in ("VBN", "VBG") and t.dep_ in ("acl", "relcl", "advcl") for t in (token, *token.ancestors))


def with_governing_sources(doc: Doc, groups: list[Group]) -> list[Group]:
    """The groups, each sourceless one with content given the subject its cue implies, and
    each content without an addressee before it (`without_addressee`)."""
    if not doc.has_annotation("DEP"):
        return groups
    groups = [without_addressee(doc, _inverted_speaker(doc, g) or _speaker_ending_content(doc, g) or g)
              for g in groups]
    groups = [_passive_agent(doc, g) for g in groups]
    groups = [_without_false_source(doc, g) for g in groups]
    groups = [_subject_out_of_content(doc, g) if g.source is None else g for g in groups]
    taken = [(c.start, c.end) for g in groups for c in g.contents]
    mask = None
    out = []
    for group in groups:
        if group.source is None and group.contents:
            mask = quoted_mask(text_of(doc)) if mask is None else mask
            source = governing_subject(doc, group, taken, mask)
            if source is not None:
                group = Group(cue=group.cue, source=source, contents=group.contents)
        out.append(group)
    return out


OBJECTS = {"dobj", "pobj", "dative", "iobj"}


def _source_head(doc: Doc, source: RoleSpan):
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


def _without_false_source(doc: Doc, group: Group) -> Group:
    """A cue with no subject of its own whose tagged source cannot be its speaker loses it;
    the subject its clause implies is then read off the parse (`governing_subject`):
    - "... did not sign the letter but have argued | Trainor | is unqualified": the subject of
      the cue's own complement clause is what is said of, not who says; it goes back to the
      content when the content starts right after it;
    - "Sessions ... failed to disclose the contacts with | Kislyak | and then said ...": an
      object in the clause the cue is conjoined to is not the elided subject."""
    verb = _cue_verb(doc, group)
    if group.source is None or verb is None or any(c.dep_ in SUBJECTS for c in verb.children):
        return group
    head = _source_head(doc, group.source)
    if head is None:
        return group
    # What is said comes after such a cue; a content tagged before it belongs to another frame
    # ("he disputed accounts that X, saying | agency records indicated ..."), and the source is
    # left alone.
    after = all(c.start >= group.cue.end for c in group.contents)
    if after and group.source.start >= group.cue.end and head.dep_ in SUBJECTS and head.head.dep_ == "ccomp" and (
            head.head.head == verb):
        contents = group.contents
        text = text_of(doc)
        # Only a content that starts after the source, nothing but a comma between: a content
        # before the cue ("..., he disputed, saying | agency records ...") stays as it is.
        if contents and contents[0].start >= group.source.end and not text[group.source.end:contents[0].start].strip(" ,"):
            first = contents[0]
            contents = [RoleSpan(first.role, group.source.start, first.end, first.score), *contents[1:]]
        return Group(cue=group.cue, source=None, contents=contents)
    if verb.dep_ == "conj" and group.source.end <= group.cue.start and head.dep_ in OBJECTS and (
            head in verb.head.subtree and head.i < verb.i):
        return Group(cue=group.cue, source=None, contents=group.contents)
    return group


def _subject_out_of_content(doc: Doc, group: Group) -> Group:
    """'But he noted, "when ..."' tagged with "But he" as a piece of content before the cue: the
    cue's own subject, right before it, is who speaks, not what is said. The piece leaves the
    content (the source is then read off the parse like any lost subject)."""
    verb = _cue_verb(doc, group)
    if verb is None or len(group.contents) < 2:
        return group
    own = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not own:
        return group
    phrase = {t.i for t in own[0].subtree} | {c.i for c in verb.children if c.dep_ == "cc" and c.i < own[0].i}
    for piece in group.contents:
        if not (piece.start <= own[0].idx < piece.end and piece.end <= group.cue.start):
            continue
        if text_of(doc)[piece.end : group.cue.start].strip():
            return group
        words = doc.char_span(piece.start, piece.end, alignment_mode="expand")
        if words is None or any(t.i not in phrase for t in words if not t.is_punct):
            return group
        return Group(cue=group.cue, source=None, contents=[c for c in group.contents if c is not piece])
    return group


def _inverted_speaker(doc: Doc, group: Group) -> Group | None:
    """'The meeting will include groups supporting free media and others, said the official,
    who asked not to be named': the tagger took the list's end for the source and the official
    for the content. Where the cue's own subject follows it inside the group's content and the
    cue governs a clause before it, the subject is the source and that clause the content.
    None where that is not the case."""
    verb = _cue_verb(doc, group)
    if verb is None or not group.contents:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i and c.pos_ in ("NOUN", "PROPN")]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if not subjects or not clauses:
        return None
    subject, clause = subjects[0], clauses[0]
    if group.source is not None and group.source.start <= subject.idx < group.source.end:
        return None
    if not any(c.start <= subject.idx < c.end for c in group.contents):
        return None
    last = subject.right_edge
    while last.i > subject.i and last.is_punct:
        last = doc[last.i - 1]
    first = clause.left_edge
    while first.i < clause.i and (first.is_punct or first.dep_ == "cc"):
        first = doc[first.i + 1]
    end = clause.right_edge
    while end.i > clause.i and end.is_punct:
        end = doc[end.i - 1]
    if end.i >= verb.i or (group.source is not None and not (
            group.source.start >= first.idx and group.source.end <= end.idx + len(end))):
        return None  # a tagged source outside the clause may be right after all: leave it
    source = RoleSpan("source", subject.left_edge.idx, last.idx + len(last), group.cue.score)
    content = RoleSpan("content", first.idx, end.idx + len(end), group.cue.score)
    return Group(cue=group.cue, source=trim_source(doc, source), contents=[content])


def _speaker_ending_content(doc: Doc, group: Group) -> Group | None:
    """'... there was no confirmation that the fighting was over and officials | said | security
    forces were ...', with "A Twitter account" from the clause before as the source: the tagger
    ran a content up to the cue's own subject. Where a content fragment before the cue ends in
    the cue's subject (outside quotation marks) and the source span is not that subject, the
    subject is the source and the fragment, the clause before it, is dropped; only where the
    tagged source comes before that fragment (in an earlier clause). None otherwise."""
    verb = _cue_verb(doc, group)
    if verb is None or not group.contents:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if not subjects:
        return None
    subject = subjects[0]
    if group.source is None or group.source.start <= subject.idx < group.source.end:
        return None
    end = subject.idx + len(subject)
    holding = [c for c in group.contents if c.start <= subject.idx < c.end and c.end <= end + 1]
    if holding and group.source.end > holding[0].start:
        return None  # the tagged source is not in an earlier clause: it may well be right
    rest = [c for c in group.contents if c not in holding and c.start >= group.cue.end]
    if not holding or not rest or quoted_mask(text_of(doc))[subject.idx]:
        return None
    first = max(subject.left_edge, doc.char_span(holding[0].start, holding[0].end, alignment_mode="expand")[0],
                key=lambda t: t.i)
    while first.i < subject.i and (first.dep_ == "cc" or first.is_punct):
        first = doc[first.i + 1]
    source = RoleSpan("source", first.idx, end, group.cue.score)
    return Group(cue=group.cue, source=trim_source(doc, source), contents=rest)


# Verbs that take the addressee before what is said: "cautioned Hollis that ...".
ADDRESSEE_VERBS = {"warn", "caution", "tell", "remind", "assure", "inform", "advise", "notify",
                   "convince", "persuade", "promise", "alert", "reassure", "brief", "ask"}


def without_addressee(doc: Doc, group: Group) -> Group:
    """'Berridge cautioned Hollis that the strike would go ahead': the content is what she
    said, not "Hollis that ...": the addressee is neither content nor speaker. So too "asked
    the minister if the port would close"."""
    if group.contents:
        after = _after_prepositional_addressee(doc, group)
        if after is not None:
            return after
    verb = _cue_verb(doc, group)
    if verb is None or verb.lemma_.lower() not in ADDRESSEE_VERBS or not group.contents:
        return group
    extent = group.content_extent
    span = doc.char_span(extent[0], extent[1], alignment_mode="expand")
    if span is None or len(span) < 3:
        return group
    addressee = [t for t in verb.children if t.dep_ in ("dobj", "dative", "iobj")
                 and t.left_edge.i == span.start]
    # "asked Keller if he could ...": the parser may hang the question on "asked" as an adverbial
    clause = [t for t in verb.children if span.start < t.i < span.end and (t.dep_ == "ccomp" or (
        t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in t.children)))]
    if not addressee or not clause:
        return group
    start = clause[0].left_edge
    if start.i <= addressee[0].right_edge.i or start.i >= span.end:
        return group
    kept = [c for c in group.contents if c.end > start.idx]
    return Group(cue=group.cue, source=group.source,
                 contents=[RoleSpan(c.role, max(c.start, start.idx), c.end, c.score) for c in kept])


def _after_prepositional_addressee(doc: Doc, group: Group) -> Group | None:
    """'raised their concern with Kerry and Holder that the decision violates the law': a cue
    ending in "with" or "to" names whom it was said to; what was said is the that-clause."""
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    if cue is None or len(cue) == 0 or cue[-1].lower_ not in ("with", "to"):
        return None
    first, last = group.contents[0], group.contents[-1]
    span = doc.char_span(first.start, last.end, alignment_mode="expand")
    if span is None or len(span) < 3 or span.start != cue.end:
        return None
    for token in span[1:]:
        if token.pos_ in ("VERB", "AUX"):
            return None  # a clause before any "that": no addressee phrase
        if token.lower_ == "that" and token.dep_ == "mark":
            kept = [c for c in group.contents if c.end > token.idx]
            contents = [RoleSpan(c.role, max(c.start, token.idx), c.end, c.score) for c in kept]
            return Group(cue=group.cue, source=group.source, contents=contents)
    return None


def _passive_agent(doc: Doc, group: Group) -> Group:
    """'Kemp was accused by prosecutors of lying', 'The plan was criticized by Kemp': the one
    who accuses or criticizes is the passive's agent, not the subject (the accused) and not
    nobody. Where the cue's verb is passive with a "by" agent outside quotation marks and the
    source is missing or is the verb's passive subject, the agent is the source and leaves the
    content."""
    verb = _cue_verb(doc, group)
    if verb is None:
        return group
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return _without_patient(doc, group, verb)
    agents = [c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"]
    objects = [o for a in agents for o in a.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN", "PRON")]
    if not objects:
        return _without_patient(doc, group, verb)
    agent = objects[0]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if group.source is not None and not (subjects and group.source.start <= subjects[0].idx < group.source.end):
        return group
    start, last = agent.left_edge, agent.right_edge
    for right in agent.rights:
        if right.dep_ in ("prep", "relcl", "acl", "punct"):
            last = doc[right.left_edge.i - 1]  # "prosecutors | of lying", "Kemp | , who said ..."
            break
    while last.i > agent.i and last.is_punct:
        last = doc[last.i - 1]
    if quoted_mask(text_of(doc))[start.idx:last.idx + len(last)].any():
        return group
    source = RoleSpan("source", start.idx, last.idx + len(last), group.cue.score)
    if not speaks(doc, source):
        return group  # "A decision is expected by summer": a time, no one who speaks
    by = agents[0]
    before = [c for c in group.contents if c.start < by.idx]
    contents = []
    # "accused of misconduct by at least 20 women, whose allegations he has denied": what
    # follows the agent is about the agent; only where nothing comes before it is it the content
    for c in (before or group.contents):
        pieces = [(c.start, c.end)]
        cut_from, cut_to = by.idx, (c.end if before else last.idx + len(last))
        pieces = [(s, e) for s, e in ((c.start, min(c.end, cut_from)), (max(c.start, cut_to), c.end)) if e > s] if (
            c.start < cut_to and cut_from < c.end) else pieces
        for s, e in pieces:
            text = text_of(doc)
            while s < e and not text[s].isalnum() and text[s] not in "\"“":
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if any(ch.isalnum() for ch in text[s:e]):
                contents.append(RoleSpan(c.role, s, e, c.score))
    return Group(cue=group.cue, source=trim_source(doc, source), contents=contents)


# Verbs whose passive subject is the one told, asked, warned or accused, never the speaker.
PATIENT_VERBS = {"tell", "warn", "ask", "urge", "accuse", "charge", "blame", "inform", "advise", "remind",
                 "assure", "caution", "notify", "brief", "alert", "criticize", "criticise", "question"}


def _patient_passive(verb: Token) -> bool:
    """"Kemp was told that ...", "The mayor was warned that ...", a headline's "Boehner accused of
    ...": the subject is the addressee or the accused."""
    if verb.lemma_.lower() not in PATIENT_VERBS:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # a headline's "Holt accused of": the name right before a bare participle, which has no
    # object of its own (not "a clerk whom Keller later accused of ...")
    return (verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "dobj") for c in verb.children)
            and nxt is not None and nxt.lower_ == "of" and verb.lemma_.lower() in ("accuse", "charge", "suspect")
            and any(c.dep_ == "nsubj" and c.i == verb.i - 1 for c in verb.children))


def _without_patient(doc: Doc, group: Group, verb: Token) -> Group:
    """The group without a source that is the addressee or the accused of a passive cue
    (`_patient_passive`): who told or accused them the sentence does not say, so no one is."""
    if group.source is None or not _patient_passive(verb):
        return group
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if not subjects or not group.source.start <= subjects[0].idx < group.source.end:
        return group
    return Group(cue=group.cue, source=None, contents=group.contents)

