"""Which claim a question mark questions: only the sentence or clause it ends.

A "?" ends a question, and a question can stand beside a statement inside one claim: two
sentences that spaCy did not split ("The board met at 9 a.m. Was the mayor there?"), a
question coordinated after a statement ("Fares rose again, so who benefits?", "..., but will
it reopen?", "...; who paid?", "... -- why did he go?"). The question starts at the last such
boundary before the "?"; what stands before it is questioned only where it is part of the
question itself: no verb of its own ("Essentially, do they ...?"), an interrogative form ("Is
the quay safe and will it reopen?"), or a subordinate clause the question governs ("If the
board knew, why did it wait?"), or words that take the question as their object ("Voters keep
asking, will it reopen?"). A statement before the boundary is not questioned, nor one before a
verbless echo question ("They will cut taxes, but for whom?").

Read on token text and tags only, not on the parse: on such sentences the parser is what goes
wrong (it hangs "so who benefits" on "fares" as a relative clause, a tag question's statement
as its complement).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimscope.nlp.extensions import text_of

QUOTES = "\"'“”‘’ )]"
_SENTENCE_ENDS = {".", "!", "…"}
_SOFT_BREAKS = {",", "-", "--", "—", "–"}
_COORDINATORS = {"and", "but", "so", "or", "then", "yet"}
_WH = {"who", "whom", "whose", "what", "which", "why", "how", "where", "when"}
# Wh-words that open a question whatever follows ("..., why did he go?", "-- how so?");
# the others also open relative and temporal clauses (", when in fact ...", ", who said ..."),
# so after a bare comma they open a question only with an auxiliary right after them.
_WH_ALWAYS = {"why", "how"}
_AUX_LEMMAS = {"be", "do", "have"}
_SUBORDINATORS = {"if", "unless", "when", "whenever", "while", "whereas", "although", "though",
                  "because", "since", "as", "once", "after", "before", "until", "whether", "that",
                  "even"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
# Abbreviations before a name, never a sentence's end.
_TITLES = {"mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.",
           "adm.", "gov.", "sen.", "rep.", "rev.", "st.", "sr.", "jr.", "pres.", "supt.", "insp.",
           "sens.", "reps.", "gens.", "govs.", "drs.", "profs.", "messrs.", "mmes."}
# Verbs whose object can be a question put after a comma ("Voters keep asking, will it ...?").
_ASKING = {"ask", "wonder", "know", "think", "say", "tell", "question", "decide", "consider"}


# Concessive subordinators: the clause they open is granted, not asked ("Although the council
# approved it, is the quay really safe?" does not question the approval).
_CONCESSIVE = {"although", "though", "while", "whereas", "even"}


def question_mark(claim: Span) -> Span | None:
    """The "?" that questions the claim: the one that ends it (or its sentence right after it),
    where the question reaches the claim (see the module docstring). A claim that is only a
    subordinate clause of a question outside it ("Is the quay safe, [although the council
    approved it]?") is not asked: the "?" is its main clause's."""
    mark = _closing_mark(claim)
    if mark is None or _garbled_run(mark):
        return None
    if _subordinate_of_outside(claim):
        return None
    boundary = _question_start(claim, mark.start)
    if boundary is None or _part_of_question(claim.doc[claim.start:boundary]):
        return mark
    return None


def _garbled_run(mark: Span) -> bool:
    """"The mayor is back ????????????": a run of three or more question marks is what a page
    made of emoji it could not show, not a question."""
    text = text_of(mark.doc)
    lo, hi = mark.start_char, mark.end_char
    while lo > 0 and text[lo - 1] in "?\ufffd":
        lo -= 1
    while hi < len(text) and text[hi] in "?\ufffd":
        hi += 1
    return hi - lo >= 3


def question_split(claim: Span) -> int | None:
    """Where a question starts inside a claim that ends with "?" after a statement it does not
    question ("Fares rose again, so who benefits?") or after a concession it grants ("While the
    council approved it, who will pay?", which read whole is the question it ends on): the
    token index, or None when the claim is one question or none."""
    mark = _closing_mark(claim)
    if mark is None:
        return None
    boundary = _question_start(claim, mark.start)
    if boundary is None:
        return None
    head = claim.doc[claim.start:boundary]
    if _opens_concession(head):
        return boundary  # granted, not asked, though part of the question's sentence
    return None if _part_of_question(head) else boundary


def _opens_concession(head: Span) -> bool:
    words = [t for t in head if not t.is_punct and not t.is_space and t.text not in QUOTES]
    return bool(words) and words[0].lower_ in _CONCESSIVE


def _subordinate_of_outside(claim: Span) -> bool:
    root = claim.root
    return root.dep_ == "advcl" and not claim.start <= root.head.i < claim.end


def _closing_mark(claim: Span) -> Span | None:
    doc = claim.doc
    sentence = claim[-1].sent
    index = claim.end - 1
    while index >= claim.start and doc[index].text in QUOTES:
        index -= 1
    if index >= claim.start and doc[index].text == "?":
        return doc[index : index + 1]
    # "Is the quay really safe, although the council approved it?": a subordinate clause of
    # the claim's own verb may stand between the claim and its "?".
    trailing = {t.i for c in claim for t in _trailing_clauses(c, claim)}
    for token in doc[claim.end : sentence.end]:
        if token.text == "?":
            return doc[token.i : token.i + 1]
        if token.text not in QUOTES and not token.is_space and token.i not in trailing and not (
                token.is_punct and token.i + 1 in trailing):
            return None
    return None


def _trailing_clauses(token: Token, claim: Span) -> list[Token]:
    """The tokens of concessive clauses a word of the claim governs that lie after the claim
    ("..., although the council approved it?"); any other clause after the claim may be the
    question's own ("..., thinking that X, when in fact ...?" does not ask X)."""
    return [t for c in token.children if c.dep_ == "advcl" and c.i >= claim.end
            and any(m.dep_ == "mark" and m.lower_ in _CONCESSIVE for m in c.children)
            for t in c.subtree]


def _question_start(claim: Span, mark: int) -> int | None:
    """The token index where the question that ends at `mark` begins, if it begins after the
    claim's first word; None when the claim is the question from its start."""
    doc = claim.doc
    for i in range(min(mark, claim.end) - 1, claim.start, -1):
        token = doc[i]
        if token.i + 1 >= mark:
            continue
        if token.text == ";":
            return _skip_quotes(doc, i + 1, mark)
        start = _sentence_break(doc, i, mark)
        if start is not None:
            return start
        if token.text in _SOFT_BREAKS and (_opens_question(doc, i + 1, mark) or _echo_question(doc, i + 1, mark)):
            return i + 1
    return None


ECHO_WORDS = 5


def _echo_question(doc, start: int, stop: int) -> bool:
    """"..., but for whom?", "-- and at what cost?": a question of a few words with no verb,
    asked of the statement before it, which it does not question."""
    start = _skip_quotes(doc, start, stop)
    words = [t for t in doc[start:stop] if not t.is_punct and t.text not in QUOTES]
    while words and words[0].lower_ in _COORDINATORS:
        words = words[1:]
    return (0 < len(words) <= ECHO_WORDS and any(t.lower_ in _WH for t in words)
            and not any(t.pos_ in ("VERB", "AUX") for t in words))


def joined_sentence(claim: Span) -> int | None:
    """Where a second sentence starts inside the claim, after a first one that is a statement of
    its own (a finite verb): "The council voted at 10 p.m. Would the mayor sign it?", which
    spaCy keeps as one sentence. A cue there ("Would") is that sentence's, not the claim's."""
    doc = claim.doc
    for i in range(claim.start + 1, claim.end - 1):
        start = _sentence_break(doc, i, claim.end)
        if start is not None and any(t.tag_ in _FINITE for t in doc[claim.start:i]):
            return start
    return None


def _sentence_break(doc, i: int, stop: int) -> int | None:
    """The start of the sentence after token i, if token i ends one spaCy did not split: a full
    stop, "!" or "…" before a capital, or an abbreviation's full stop ("a.m.", "U.N.", "Co.")
    before a capital that is no name's ("the U.S. Navy", "Dr. Smith" go on)."""
    token = doc[i]
    abbreviation = len(token.text) > 1 and token.text.endswith(".")
    if token.text not in _SENTENCE_ENDS and not abbreviation:
        return None
    if abbreviation and token.lower_ in _TITLES:
        return None
    if token.text == "." and i > 0 and not doc[i - 1].whitespace_ and f"{doc[i - 1].lower_}." in _TITLES:
        return None  # "Sens. Kamala Harris": the tokenizer split the title from its full stop
    start = _skip_quotes(doc, i + 1, stop)
    if start >= stop or not doc[start].text[:1].isupper():
        return None
    if abbreviation and doc[start].pos_ == "PROPN":
        return None
    return start


def _skip_quotes(doc, start: int, stop: int) -> int:
    while start < stop and (doc[start].text in QUOTES or doc[start].is_space):
        start += 1
    return start


def _opens_question(doc, start: int, stop: int) -> bool:
    """", so who benefits", ", but will it", "-- why did he": a question of its own."""
    start = _skip_quotes(doc, start, stop)
    coordinated = start < stop and doc[start].lower_ in _COORDINATORS
    if coordinated:
        start += 1
    if start >= stop:
        return False
    first = doc[start]
    after = doc[start + 1] if start + 1 < stop else None
    if first.lower_ in _WH:
        return (coordinated or first.lower_ in _WH_ALWAYS
                or (after is not None and _auxiliary(after)))
    return _auxiliary(first) and after is not None and after.pos_ in ("PRON", "DET", "NOUN", "PROPN", "PART")


def _auxiliary(token: Token) -> bool:
    return token.tag_ == "MD" or (token.pos_ == "AUX" and token.lemma_.lower() in _AUX_LEMMAS)


def _part_of_question(head: Span) -> bool:
    """Whether what stands before the question's start belongs to the question (see above)."""
    words = [t for t in head if not t.is_punct and not t.is_space and t.text not in QUOTES]
    while words and words[0].lower_ in _COORDINATORS:
        words = words[1:]
    if not any(t.tag_ in _FINITE for t in words):
        return True  # "Essentially, ...", "Fares, wages, rents -- ...", a phrase fronted before the question
    first, last = words[0], words[-1]
    if last.tag_ in ("IN", "TO") or last.lemma_.lower() in _ASKING:
        return True  # "You think about, 'is this ...?'": the question is what it is about
    return first.lower_ in _WH or _auxiliary(first) or first.lower_ in _SUBORDINATORS
