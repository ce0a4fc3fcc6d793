"""A content's right edge where the clause it reports ends, not where the tagger stopped.

The tagger often stops a content one or a few words short of its clause's end, the more so in
long sentences: "they have admitted it will be impossible ... death threats from the | rebels",
"say tax increases should happen only as part of ..., a policy | dream that won't be realized",
"reported that the agents were sent to ... in what | was known as Operation Moonlight". The audit
of issue 9 counts these as content edge errors. And it sometimes runs one word over, into the
next clause: "called the investigation "unacceptable" and | encouraged ...".

`complete_contents` reads the parse of a content that follows its cue:
- the content is widened to the right edge of the phrases it holds: every token of the
  content whose head lies outside it heads a phrase (the complement clause of "said", the
  object of "called"), and the content ends where the last of those phrases ends. The
  widening stays in the cue's sentence and line, never takes in another attribution's source,
  cue or content, nor this one's own, and leaves out trailing punctuation;
- a content that still ends in a coordinating conjunction or a relative pronoun whose
  clause it does not hold loses that word ("... "unacceptable" and" -> "... "unacceptable"").
- a content that runs into the writer's rebuttal (", when in fact ...") ends before it.
- the widening stops before a second speech act of the cue's subject: "said the harbour would
  reopen, and once again called for an inquiry", "said the budget was balanced and urged
  lawmakers to ...": a reporting verb without a subject of its own, conjoined to a content
  clause it cannot share a subject with (a modal or passive clause, or a comma before the
  "and"); "said the council had approved the plan and announced a tender" keeps it. Any verb
  conjoined to the cue itself ("argued that ..., opposed a stadium") is the speaker's next act,
  and a past or present verb conjoined to a clause under a modal ("should commit crimes,
  advocated ...") cannot share that modal: both end the content;
- a content of a cue inside a relative or subordinate clause ("Snowden, who came forward to
  say he is the source, was among ...", "when they said "burn it down," they meant ...") ends
  before the predicate that clause hangs on, unless the content holds that predicate's subject
  (then the parser hung the content's own verb above the cue); an unquoted content ends with
  the cue's sentence ("... are saying that he should be banned. I agree with them.");
- a content fragment wholly inside a clause conjoined to the cue's with a subject of its own
  ("said A but there was no word that ... and officials | said ...") is not the cue's (the
  cue's own clause is, where nothing else is left); a content stops at a semicolon that opens
  a frame of its own ("...; I don't think anybody ...");
- a content that ran into another attribution's source or cue after "and", "but", "while" (or a
  comma and a participle) ends before it ("believes the strike will end soon | while Hollis ...
  said"), and one that ran past a closed quotation into the next sentence ends with the
  quotation, unless that sentence is a quotation no other frame claims (`_next_sentence_cut`);
- the widening stops at a comma before a participle clause: "say it is time to ..., underscoring
  how far apart the parties remain" is the writer's comment on what they say.
- a quotation after a gerund or participle cue in the sentence's subject ends the content
  ('Insisting "he is not our mayor" and attacking ... puts the city on a path'): what follows
  it is the writer's predicate.
A content before its cue ('"...," he said'), one that already ends its clause, and one with
no parse are left as they are, except that an unquoted content before its cue stays in the cue's
sentence ("... on Monday. The men are his cousins, relatives said"), a content whose first words end a clause begun
before it ('... what Snowden says | he did, "the programs were known," he said') starts at its
quotation, and one the tagger began after its first clause's conjunction ("Since | she has been
in prison, ...") starts at that conjunction.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache, partial
from itertools import accumulate

from spacy.tokens import Doc, Span

from claimscope.nlp.attribution_filter import REPORTING
from claimscope.nlp.attribution_filter import lexicon as filter_lexicon
from claimscope.nlp.attribution_spans import Group, RoleSpan, quoted_mask
from claimscope.nlp.extensions import text_of

CLOSING_QUOTES = "\"”’'"
TRAILING_POS = {"CCONJ"}
RELATIVES = {"that", "which", "who", "whom", "whose"}


def complete_contents(doc: Doc, groups: list[Group]) -> list[Group]:
    """The groups, each content after its cue completed to its clause's end (module docstring)."""
    if not doc.has_annotation("DEP"):
        return groups
    occupied = _Occupied([(p.start, p.end) for g in groups
                          for p in [g.source, g.cue, *g.contents] if p is not None])
    contents_at = {(c.start, c.end) for g in groups for c in g.contents}
    # the sources and cues of the attributions: a content running into another one's ends
    frames = _Frames([(p.start, p.end, i) for i, g in enumerate(groups) for p in (g.source, g.cue)
                      if p is not None and (p.start, p.end) not in contents_at])
    out = []
    for i, group in enumerate(groups):
        group = without_signatures(text_of(doc), group)
        group = _postposed_on_its_line(text_of(doc), group)
        if group.contents:
            first = (_without_outside_tail(doc, group.contents[0], group.cue) or _with_leading_mark(doc, group.contents[0])
                     or _with_own_subject(doc, group))
            if first is not None:
                group = Group(cue=group.cue, source=group.source, contents=[first, *group.contents[1:]])
        if not group.contents or group.contents[0].start < group.cue.end:
            out.append(_preposed_content(doc, group) if group.contents else group)
            continue
        cut = _writers_rebuttal(text_of(doc), group.contents[-1])
        if cut is not None:
            group = Group(cue=group.cue, source=group.source, contents=group.contents[:-1] + [cut])
        group = _within_relative_clause(doc, _within_embedded_cue(doc, _without_next_conjunct(doc, group)))
        # The other attributions' frames the cuts below can meet: those from the cue or the
        # content on, to the end of the sentence the content ends in (cuts only shorten it).
        near = frames.others_within(i, min(group.cue.start, group.contents[0].start),
                                    _sentence_end(doc, group.contents[-1]))
        for step in (_second_act_cut, partial(_next_sentence_cut, frames=near), _semicolon_frame_cut, _consequence_cut,
                     partial(_before_other_frame, others=near)):
            cut = step(doc, group)
            if cut is not None:
                group = Group(cue=group.cue, source=group.source, contents=group.contents[:-1] + [cut])
        last = group.contents[-1]
        # Every span of the text's groups bounds the widening. This content itself never stops
        # it (a bound must end after the content's end); where a rebuttal or second act was cut
        # off, the content as tagged does: the widening must not run back into the part just cut.
        end = _completed_end(doc, group, last, occupied)
        if end != last.end:
            contents = group.contents[:-1] + [RoleSpan(last.role, last.start, end, last.score)]
            group = Group(cue=group.cue, source=group.source, contents=contents)
        cut = _question_put_cut(text_of(doc), group.contents[-1])
        if cut is not None:
            group = Group(cue=group.cue, source=group.source, contents=group.contents[:-1] + [cut])
        # (after the widening, which follows the parse past the quotation into a conjunct)
        cut = _quoted_subject_cut(doc, group)
        if cut is not None:
            group = Group(cue=group.cue, source=group.source, contents=group.contents[:-1] + [cut])
        out.append(group)
    return out


def _postposed_on_its_line(text: str, group: Group) -> Group:
    """"Anyone could vote ... on a piece of paper, they say" ending its line, in a list with no
    full stops: the cue closes a clause its line opens with, so that clause is what was said,
    not the next line, which the parser hung on the cue for want of a full stop. Only where
    the content was found wholly on a later line and the cue's line holds nothing after it."""
    if not group.contents or group.contents[0].start < group.cue.end:
        return group
    line_end = text.find("\n", group.cue.end)
    if line_end < 0 or line_end >= group.contents[0].start or text[group.cue.end:line_end].strip(" .,;"):
        return group
    cue = text[group.cue.start:group.cue.end].rstrip()
    if cue.endswith(":") or cue.lower().endswith(" that") or cue.lower() == "that":
        return group  # "the Gazette writes that:" frames the next paragraph
    frame_start = group.source.start if group.source is not None and group.source.start < group.cue.start else group.cue.start
    line_start = text.rfind("\n", 0, frame_start) + 1
    front = text[line_start:frame_start].rstrip()
    if not front.endswith(",") or len(front.split()) < 3 or any(q in front for q in "\"“”"):
        return group
    start = line_start + (len(text[line_start:frame_start]) - len(text[line_start:frame_start].lstrip()))
    content = RoleSpan("content", start, line_start + len(front) - 1, group.contents[0].score)
    return Group(cue=group.cue, source=group.source, contents=[content])


def _preposed_content(doc: Doc, group: Group) -> Group:
    """A content before its cue, unquoted, stays in the cue's own sentence: "Police arrested
    two men on Monday. The men are his cousins, relatives said" reports the second sentence
    only (a quotation may run over several)."""
    text = text_of(doc)
    if group.contents[-1].end > group.cue.start or any(
            q in text[c.start:c.end] for c in group.contents for q in "\"“”"):
        return group
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    if cue is None or not len(cue):
        return group
    sentence = cue[0].sent
    if sentence.start == 0 or doc[sentence.start - 1].text not in (".", "?", "!", '"', "”", "’", "'") and not (
            doc[sentence.start - 1].is_space and "\n" in doc[sentence.start - 1].text):
        return group  # a boundary the parser set after an abbreviation ("U.S. | Senator ...") is none
    begin = sentence.start_char
    begin += len(text[begin:]) - len(text[begin:].lstrip())
    # (the tagger may give the earlier sentence as fragments of their own)
    contents = [c if c.start >= begin else RoleSpan(c.role, begin, c.end, c.score)
                for c in group.contents if c.end > begin]
    if not contents:
        return group
    if contents == list(group.contents):
        return group
    return Group(cue=group.cue, source=group.source, contents=contents)


class _Occupied:
    """The text's role spans, sorted by start, with the furthest end reached so far: whether one
    overlaps a stretch is a bisection, not a scan of every span for every content (a long text
    has thousands)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach = list(accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span starts before `end` and ends after `start`."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start


class _Frames:
    """The sources and cues of a text's groups, sorted by start, with the group each is of: the
    ones starting in a stretch are a bisection away, not a scan of all for every group."""

    def __init__(self, spans: list[tuple[int, int, int]]):
        self._spans = sorted(spans)
        self._starts = [s for s, _, _ in self._spans]

    def others_within(self, owner: int, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the frames of groups other than `owner` starting in [start, end)."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [(s, e) for s, e, o in self._spans[lo:hi] if o != owner]


def _sentence_end(doc: Doc, part: RoleSpan) -> int:
    span = doc.char_span(part.start, part.end, alignment_mode="expand")
    return span[-1].sent.end_char if span is not None and len(span) else part.end


OPENING_QUOTES = "\"“"


def _without_outside_tail(doc: Doc, first: RoleSpan, cue: RoleSpan) -> RoleSpan | None:
    """The first fragment from its quotation on, where the words before the quotation end a
    clause that began outside the content, or None: 'While officials have condemned what
    Snowden says | he did, "the programs were already known," Gjelten said': "he did" is the
    writer's, the tail of "what Snowden says he did". Words that hang on the cue itself ("said
    | the president's approach will be, "OK, ..."") are the content's own."""
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return None
    opening = next((t for t in span if t.text in OPENING_QUOTES and t.i > span.start), None)
    if opening is None or doc[opening.i - 1].text != ",":
        return None
    prefix = span[: opening.i - span.start]
    tops = [t for t in prefix if not (span.start <= t.head.i < span.end) and not t.is_punct]
    if not tops or not all(t.head.i < span.start and not cue.start <= t.head.idx < cue.end for t in tops):
        return None
    if len(text_of(doc)[opening.idx:first.end].split()) < 3:
        return None
    return RoleSpan(first.role, opening.idx, first.end, first.score)


def _with_leading_mark(doc: Doc, first: RoleSpan) -> RoleSpan | None:
    """The first fragment with the conjunction that opens its first clause, where the tagger left
    it out ("Since | she has been in prison, Brown has earned a degree, the station reported"),
    or None."""
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or len(span) < 3 or span.start == 0:
        return None
    mark = doc[span.start - 1]
    # not "that": a complementizer changes nothing, and PolNeAR's contents often leave it out
    if mark.dep_ != "mark" or mark.lower_ == "that" or not span.start <= mark.head.i < span.end or (
            mark.sent != span[0].sent):
        return None
    return RoleSpan(first.role, mark.idx, first.end, first.score)


def _with_own_subject(doc: Doc, group: Group) -> RoleSpan | None:
    """The first fragment from its verb's subject, where the tagger began it at the verb after
    "told" and its addressee ("told local radio | many voters in the valley are not happy"),
    or None. Only a subject between the cue and the fragment."""
    first = group.contents[0]
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None or not len(span) or first.start < group.cue.end:
        return None
    verb = span[0]
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.start
                                                for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < span.start), None)
    if subject is None and verb.dep_ == "ccomp" and any(c.dep_ == "dative" for c in verb.head.children):
        # the parser made the subject a second object of "told": "told [radio] [many voters] | are"
        subject = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < span.start), None)
    if subject is None or subject.left_edge.idx < group.cue.end or subject.right_edge.i != span.start - 1:
        return None
    return RoleSpan(first.role, subject.left_edge.idx, first.end, first.score)


# ", when in fact ...": the writer answering the belief, not more of it ("makes us think the
# world is headed for ruin, when in fact ...").
_REBUTTAL = re.compile(r"[,;]\s+(?:when|while|but|whereas)\s*,?\s+(?:in fact|it fact|actually|in reality)\b", re.IGNORECASE)


def _writers_rebuttal(text: str, last: RoleSpan) -> RoleSpan | None:
    """The last fragment without a rebuttal clause the tagger ran into, or None."""
    found = _REBUTTAL.search(text, last.start, last.end)
    if found is None or found.start() <= last.start:
        return None
    return RoleSpan(last.role, last.start, found.start(), last.score)


# "responded "no" | when asked whether the House was ...": the question put to the speaker is a
# circumstance of the cue, not more of what was said.
# Only a question ("asked if", "asked whether", "asked about", "asked Monday what"): "leaving his
# car when asked to do so by police" is a request within what was said.
_QUESTION_PUT = re.compile(r",?\s+(?:when|after|before|as|while)\s+(?:(?:being|he was|she was|they were|it was)\s+)?"
                           r"(?:asked|questioned|pressed)(?:\s+[A-Za-z]+)?\s+(?:if|whether|about|what|how|why|who)\b",
                           re.IGNORECASE)


def _question_put_cut(text: str, last: RoleSpan) -> RoleSpan | None:
    """The last fragment without a "when asked if ..." clause at its end, or None (the content
    keeps at least its first words: one that opens with the question is left alone, and so
    does a quotation that holds the clause: 'lashed out "when he was asked whether ..."')."""
    found = _QUESTION_PUT.search(text, last.start, last.end)
    if found is None or found.start() <= last.start or not any(ch.isalnum() for ch in text[last.start:found.start()]):
        return None
    if quoted_mask(text)[found.end() - 1]:
        return None
    return RoleSpan(last.role, last.start, found.start(), last.score)


def _second_act_cut(doc: Doc, group: Group) -> RoleSpan | None:
    """The last fragment without the second speech act the tagger took in, or None."""
    last = group.contents[-1]
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    kept = _before_another_clause(list(span), list(cue) if cue is not None else (), only_acts=True)
    if not kept or len(kept) == len(span):
        return None
    return RoleSpan(last.role, last.start, kept[-1].idx + len(kept[-1]), last.score)


SUBORDINATE = {"relcl", "acl", "advcl"}


def _within_embedded_cue(doc: Doc, group: Group) -> Group:
    """The group with its contents up to where they leave the clause of a cue that sits in a
    relative or adverbial clause: "Snowden, who has stepped forward to say | he is the source of
    the leaks | was among thousands of analysts", "when the coalition said | "burn it all
    down," | they truly meant it": what follows the cue's clause is the sentence the clause
    hangs in. The content ends before that sentence's predicate (a verb the cue's verb depends
    on); fragments past it are dropped, the one that reaches it is cut."""
    verb = next((t for t in (doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand") or ())
                 if t.pos_ == "VERB"), None)
    if verb is None or verb.dep_ not in SUBORDINATE:
        return group
    above = _above_subordinate_clause(verb)
    # A predicate whose subject the content holds is the content's own verb, which the parser
    # hung above the cue ("While he acknowledged | funding was a major reason |, ..."): no cut.
    held = [(c.start, c.end) for c in group.contents]
    above = {i for i in above if not any(
        s <= k.idx < e for k in doc[i].children if k.dep_ in ("nsubj", "nsubjpass") for s, e in held)}
    kept = []
    for fragment in group.contents:
        span = doc.char_span(fragment.start, fragment.end, alignment_mode="expand")
        if span is None or not len(span) or span[0].i < verb.i or any(
                i < span.start for i in above if i > verb.i):
            break  # this fragment, or the gap before it, is past that predicate
        # the predicate the cue's clause hangs on: where the content reaches it, it has left
        # the cue's clause (a word merely parsed outside it, a closing quotation mark, stays)
        out = next((t for t in span if t.i in above), None)
        if out is None:
            kept.append(fragment)
            continue
        tokens = [t for t in span if t.i < out.i]
        while tokens and (tokens[-1].is_punct and tokens[-1].text not in CLOSING_QUOTES or tokens[-1].pos_ in TRAILING_POS):
            tokens.pop()
        if tokens:
            kept.append(RoleSpan(fragment.role, fragment.start, tokens[-1].idx + len(tokens[-1]), fragment.score))
        break
    if not kept or kept == group.contents:
        return group
    return Group(cue=group.cue, source=group.source, contents=kept)


# What opens a clause as subordinate: a relative pronoun as its subject ("who claims"), or a
# conjunction of time, cause or condition ("when they said").
# Not "as" or "if": "As critics have pointed out, Trump is free to ..." reports the main clause.
SUBORDINATORS = {"when", "while", "because", "after", "before", "although", "though", "since"}


def _above_subordinate_clause(verb) -> set[int]:
    """Token indices of the predicates above the first clause, from the cue's verb up, that is
    marked as subordinate (relative pronoun subject, or a subordinating conjunction): where the
    parse shows no such mark, a verb above the cue may be a parse error (the content's own verb)."""
    token, steps = verb, 0
    while steps < 6 and token.head != token:
        marked = any((c.tag_ in ("WP", "WDT") and c.dep_ in ("nsubj", "nsubjpass")) or (
            c.dep_ in ("mark", "advmod") and c.lower_ in SUBORDINATORS and c.i < token.i) for c in token.children)
        if marked and token.dep_ in SUBORDINATE:
            return {t.i for t in token.ancestors if t.pos_ in ("VERB", "AUX")}
        token, steps = token.head, steps + 1
    return set()


def _without_next_conjunct(doc: Doc, group: Group) -> Group:
    """The group without the content fragments the tagger found in a clause conjoined to the
    cue's, with a subject of its own: 'A Twitter account said the attackers had "achieved all
    their targets" but there was no confirmation | that the fighting was over and officials
    said | security forces were ...' is not what the account said. Where nothing is left, the
    content is the clause the cue governs right after it ("the attackers had ...")."""
    verb = next((t for t in (doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand") or ())
                 if t.pos_ == "VERB"), None)
    if verb is None:
        return group
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i
                 and any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children)]
    if not conjuncts:
        return group
    inside = {t.i for c in conjuncts for t in c.subtree}
    kept = []
    for fragment in group.contents:
        span = doc.char_span(fragment.start, fragment.end, alignment_mode="expand")
        if span is None or not all(t.i in inside for t in span if not t.is_punct) or any(
                q in text_of(doc)[fragment.start:fragment.end] for q in "\"“”"):
            kept.append(fragment)  # quoted words may go on with what was said
    if len(kept) == len(group.contents):
        return group
    if not kept:
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and verb.i < c.i < conjuncts[0].i]
        if not clauses:
            return group
        first, last = clauses[0].left_edge, clauses[0].right_edge
        while last.i > first.i and (last.is_punct and last.text not in CLOSING_QUOTES):
            last = doc[last.i - 1]
        kept = [RoleSpan("content", first.idx, last.idx + len(last), group.cue.score)]
    return Group(cue=group.cue, source=group.source, contents=kept)


def _semicolon_frame_cut(doc: Doc, group: Group) -> RoleSpan | None:
    """The last fragment up to a semicolon that opens another speaker's frame, or None:
    "Liberals worry that she might be too aggressive; I don't think anybody thinks ...": after
    the semicolon, the writer speaks (a subject and a verb of saying or thinking of its own)."""
    last = group.contents[-1]
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None:
        return None
    for t in span[1:-1]:
        if t.text != ";":
            continue
        after = [u for u in span if u.i > t.i]
        if any(u.lemma_.lower() in _reporting_verbs() and u.pos_ == "VERB" and any(
                k.dep_ == "nsubj" and k.i > t.i for k in u.children) for u in after[:4]):
            kept = [u for u in span if u.i < t.i]
            if len(kept) >= 3:
                return RoleSpan(last.role, last.start, kept[-1].idx + len(kept[-1]), last.score)
    return None


def _consequence_cut(doc: Doc, group: Group) -> RoleSpan | None:
    """The last fragment up to a comma or dash before a participle of consequence, or None:
    "said he would not seek re-election, sparking debate about ...", "say the party will lose
    ... — countering calls from ...": what the saying led to is the writer's comment, however
    the parser hung the participle (`attribution.json` "consequence_participles")."""
    last = group.contents[-1]
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None:
        return None
    words = set(filter_lexicon()["consequence_participles"])
    for k, t in enumerate(span[1:-1], 1):
        after = span[k + 1]
        if t.text in (",", "—", "–", "--") and after.tag_ == "VBG" and after.lower_ in words and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in after.children):
            kept = [u for u in span[:k] if not u.is_space]
            if len(kept) >= 3 and not _inside_quotation(doc, t):
                return RoleSpan(last.role, last.start, kept[-1].idx + len(kept[-1]), last.score)
    return None


_OPENING_QUOTES = "\"“‘'"


def _quoted_subject_cut(doc: Doc, group: Group) -> RoleSpan | None:
    """The last fragment up to its closing quotation mark, where the content opens with a
    quotation and the cue is a gerund or participle in the subject of the writer's sentence:
    'Insisting "he is not our mayor" and attacking anyone who ... puts the city on a path',
    'Critics insisting "the plan is dead" have been proved wrong'. What follows the quotation
    is the writer's predicate (or a second act of the subject), however the parser hung it."""
    last = group.contents[-1]
    text = text_of(doc)
    if text[last.start:last.start + 1] not in _OPENING_QUOTES:
        return None
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    verb = next((t for t in (cue or ()) if t.tag_ in ("VBG", "VBN")), None)
    if verb is None or not (verb.dep_ in ("csubj", "csubjpass") or (
            verb.dep_ in ("acl", "amod") and verb.head.dep_ in ("nsubj", "nsubjpass"))):
        return None
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None:
        return None
    for t in span[1:-1]:
        if t.is_quote and t.text in CLOSING_QUOTES and not _inside_quotation(doc, doc[t.i + 1]):
            after = doc[t.i + 1]
            if after.pos_ in ("VERB", "AUX") or (after.lower_ == "and" and t.i + 2 < len(doc)
                                                 and doc[t.i + 2].tag_ == "VBG"):
                return RoleSpan(last.role, last.start, t.idx + len(t), last.score)
            return None
    return None


def _inside_quotation(doc: Doc, token) -> bool:
    return bool(quoted_mask(text_of(doc))[token.idx])


def _next_sentence_cut(doc: Doc, group: Group, frames: list[tuple[int, int]] = ()) -> RoleSpan | None:
    """The last fragment without the sentence after the cue's that the tagger ran into, or
    None: 'A lot of people are saying that he should be banned. I agree with them.', 'reported
    that the cranes "were damaged." That means ...'. A quotation may go on over sentences; a
    report in the writer's words does not, and a quotation that opens the next sentence goes
    on only where no other attribution's source or cue (`frames`) claims that sentence
    ('said the levy "will pass." "It has to," she added')."""
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    last = group.contents[-1]
    if cue is None or not len(cue):
        return None
    end = cue[-1].sent.end_char
    text = text_of(doc)
    if last.end <= end or last.start >= end or text[group.cue.start:group.cue.end].rstrip().endswith(":"):
        return None  # after a colon, a transcript may run over several sentences
    stop = text[last.start:end].rstrip().rstrip(CLOSING_QUOTES)
    rest = text[end:last.end].lstrip()
    opens = rest[:1] in OPENING_QUOTES
    if not stop.endswith((".", "!", "?")) or not (rest[:1].isupper() or opens):
        return None  # the parser's boundary, not a full stop: leave it
    gap = end + len(text[end:last.end]) - len(text[end:last.end].lstrip())
    if not _quotes_closed(text[last.start:end]) or quoted_mask(text)[end:gap].any():
        return None  # a quotation open at the full stop (here or before the content) runs on
    if opens and not any(end <= s < doc.char_span(last.start, last.end, alignment_mode="expand")[-1].sent.end_char
                         for s, _ in frames):
        return None  # a quotation opening the next sentence, with no frame of its own, goes on
    while end > last.start and (text[end - 1].isspace() or text[end - 1] in ".;:,"):
        end -= 1
    if len(text[last.start:end].split()) < 3:
        return None
    return RoleSpan(last.role, last.start, end, last.score)


def _quotes_closed(text: str) -> bool:
    """Every quotation opened in `text` closes in it: 'that the cranes "were damaged."' is
    closed, '"It was damaged. We' is not."""
    return text.count("“") <= text.count("”") and text.count('"') % 2 == 0


# The words that may open the clause of another frame a content ran into: a coordination or a
# contrast ("... while Hollis said"), not "that" or "as" (a report nested in this one's content).
_NEXT_FRAME_WORDS = {"and", "but", "while", "whereas", "although", "though", "yet"}


def _before_other_frame(doc: Doc, group: Group, others: list[tuple[int, int]]) -> RoleSpan | None:
    """The last fragment up to the source or cue of another attribution it ran into, or None:
    "Berridge believes the strike will end soon while Hollis, a union organiser, said ...": the
    tagger took "while Hollis" into Berridge's content; Hollis is the next frame's speaker. Only
    where a coordination or contrast (`_NEXT_FRAME_WORDS`) opens that frame's clause, or a comma
    a participle ("..., arguing that"): a frame after "that" or "with" is a report nested in the
    content ("with the agency saying it had approved ..."); never after a colon, whose passage
    may hold any number of frames. The fragment ends before the words that open the frame."""
    last = group.contents[-1]
    text = text_of(doc)
    inside = [s for s, e in others if last.start < s < last.end]
    if not inside or text[group.cue.start:group.cue.end].rstrip().endswith(":"):
        return None
    span = doc.char_span(last.start, min(inside), alignment_mode="contract")
    frame = doc.char_span(min(inside), last.end, alignment_mode="contract")
    if span is None or frame is None or not len(frame):
        return None
    tokens = list(span)
    while tokens and (tokens[-1].lower_ in _NEXT_FRAME_WORDS or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    tail = span[len(tokens):]
    opened = any(t.lower_ in _NEXT_FRAME_WORDS for t in tail) or (
        frame[0].tag_ == "VBG" and [t.text for t in tail] == [","])
    if not opened or sum(t.is_alpha for t in tokens) < 3:
        return None
    return RoleSpan(last.role, last.start, tokens[-1].idx + len(tokens[-1]), last.score)


def _completed_end(doc: Doc, group: Group, last: RoleSpan, occupied: _Occupied) -> int:
    span = doc.char_span(last.start, last.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return last.end
    text = text_of(doc)
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    sentence = (cue[-1] if cue is not None and len(cue) else span[0]).sent
    line_end = text.find("\n", last.start)
    limit = min(sentence.end_char, len(text) if line_end == -1 else line_end)
    heads = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
    right = max(t.right_edge.i for t in heads)
    end = last.end
    if right >= span.end:
        tokens = _before_another_clause(list(doc[span.end : right + 1]), list(cue) if cue is not None else ())
        while tokens and (tokens[-1].pos_ in TRAILING_POS or (
                tokens[-1].is_punct and tokens[-1].text not in CLOSING_QUOTES)):
            tokens = tokens[:-1]
        if tokens:
            candidate = tokens[-1].idx + len(tokens[-1])
            if candidate <= limit and not occupied.overlaps(last.end, candidate) and not (
                    _opens_quote(text[last.end:candidate], text[last.start:last.end])):
                return candidate
    return _trimmed_end(doc, span, end)


# What opens the writer's own aside rather than more of the report: a dash or a bracket ("--
# even though the shutdown was a disaster"), an adverbial clause of contrast or time (", when in
# fact we are in the midst of ..."), a coordinated clause with a subject of its own ("believes he
# is treated unfairly but whose grasps for glory alienate ...").
ASIDE_MARKS = {"-", "--", "—", "–", "(", "["}
CONTRAST_WORDS = {"when", "while", "although", "though", "whereas", "even"}
FRAME_WORDS = {"according", "citing", "quoting"}  # another frame begins: the report's source
# Verbs that make a second speech act of the cue's subject ("... and once again called for").
_SPEECH_ACTS = {"call", "demand", "urge", "vow", "pledge", "promise", "warn", "insist", "repeat",
                "reiterate", "accuse", "praise", "criticize", "criticise", "condemn", "denounce"}
_MODALS = {"would", "will", "could", "can", "may", "might", "should", "must", "'ll", "wo", "ca"}


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(json.loads(REPORTING.read_text(encoding="utf-8"))["reporting_verbs"]) | _SPEECH_ACTS


def _second_speech_act(t, cue_tokens) -> bool:
    """A subjectless reporting verb conjoined to the cue, or to a content clause whose subject
    cannot be its own (module docstring)."""
    if t.dep_ != "conj" or t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return False
    head = t.head
    if head in cue_tokens:
        return True  # "argued that ..., opposed a stadium": the speaker's next act, whatever it is
    if _bare_under_modal(head) and t.tag_ in ("VBD", "VBZ"):
        return True  # "argued that forces should commit crimes, advocated ...": not under "should"
    if t.lemma_.lower() not in _reporting_verbs():
        return False
    between = t.doc[head.i + 1 : t.i]
    comma_and = any(x.text == "," for x in between) and any(x.dep_ == "cc" and x.head == head for x in between)
    modal_or_passive = any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in head.children)
    return comma_and or modal_or_passive


def _bare_under_modal(verb) -> bool:
    """A base-form verb under a modal or "to" ("should commit", "to scale"): a past or
    third-person verb conjoined to it cannot share that modal, so it belongs to a clause above."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and (c.lower_ in _MODALS or c.lower_ == "to")
                                     for c in verb.children if c.i < verb.i)


def _before_another_clause(tokens: list, cue_tokens=(), only_acts: bool = False) -> list:
    """The widening up to (not into) the first aside or new clause it would take in
    (`only_acts`: up to a second speech act only)."""
    for k, t in enumerate(tokens):
        if k and _second_speech_act(t, cue_tokens):
            cut = max(0, t.left_edge.i - tokens[0].i)
            while cut > 0 and (tokens[cut - 1].dep_ == "cc" or tokens[cut - 1].is_punct):
                cut -= 1
            return tokens[:cut]
        if only_acts:
            continue
        if t.text in ASIDE_MARKS and (t.text != "-" or t.whitespace_):
            return tokens[:k]
        if t.text[:1] in ".?!" and (len(t.text) > 1 or k + 1 < len(tokens)):
            return tokens[:k]  # a full stop the parser kept inside ("well-being .T he corresponding")
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "parataxis") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return tokens[: max(0, t.left_edge.i - tokens[0].i)]
        if t.dep_ == "advcl" and any(c.lower_ in CONTRAST_WORDS for c in t.children if c.i < t.i):
            return tokens[: max(0, t.left_edge.i - tokens[0].i)]
        if t.text in (",", ";") and k + 1 < len(tokens) and tokens[k + 1].lower_ in CONTRAST_WORDS | FRAME_WORDS:
            return tokens[:k]  # ", when in fact ...", ", according to RAI": however the parser hung it
        if t.text == "," and k + 1 < len(tokens) and tokens[k + 1].tag_ == "VBG" and tokens[k + 1].dep_ == "advcl":
            # "They say it is time to ..., underscoring how far apart the parties remain": where
            # the tagger stopped before a comma and a participle, the participle is the writer's.
            return tokens[:k]
    return tokens


def _opens_quote(extra: str, content: str) -> bool:
    """The widening opens a quotation it does not close (a straight mark that closes one the
    content opened is fine)."""
    if extra.count("“") > extra.count("”"):
        return True
    return extra.count('"') % 2 == 1 and content.count('"') % 2 == 0


def _trimmed_end(doc: Doc, span: Span, end: int) -> int:
    """Without a final conjunction, or a relative pronoun whose clause lies outside."""
    tokens = list(span)
    while len(tokens) > 1:
        t = tokens[-1]
        if t.pos_ in TRAILING_POS or (t.lower_ in RELATIVES and t.head.i >= span.end):
            tokens = tokens[:-1]
            continue
        break
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text not in CLOSING_QUOTES:
        tokens = tokens[:-1]
    if len(tokens) == len(span):
        return end
    return tokens[-1].idx + len(tokens[-1])


# An embedded post's signature: "— Jane Doe (@jdoe) May 3, 2016" after the post's text, or
# "Jane Doe (@jdoe)" before it (another embed style). It names who posted and when; it is no
# part of what was said.
_SIGNATURE_AFTER = re.compile(
    r"\s*(?:pic\.twitter\.com/\S+\s*)?[—–-]{1,2}\s*[^\n—–()]{0,80}\(@\w{1,30}\)"
    r"(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*$")
# A photo credit the page put between a caption and a headline: "| AP Photo", "| Jane Doe/Getty
# Images for X": whose picture it is, not what anyone said.
_CREDIT_BEFORE = re.compile(r"\s*\|\s*(?:[^|\n]{0,60}?/)?(?:AP Photo|Getty Images|Reuters|AFP)\b(?:[ \w]{0,40}?(?=\s[A-Z]))?\s*")
_CREDIT_AFTER = re.compile(r"\s*\|\s*(?:[^|\n]{0,60}?/)?(?:AP Photo|Getty Images|Reuters|AFP)\b(?:\s+for\s+[^|\n]{0,40})?\s*$")
_SIGNATURE_BEFORE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){1,4}\(@\w{1,30}\)\s*")


def without_signatures(text: str, group: Group) -> Group:
    """The group with an embedded post's signature or a photo credit cut from its contents
    (`_SIGNATURE_AFTER`, `_SIGNATURE_BEFORE`, `_CREDIT_BEFORE`, `_CREDIT_AFTER`); a fragment that was only a signature is dropped, so a content that
    was nothing but one leaves the group without a content (a stance, never counted)."""
    kept, changed = [], False
    for c in group.contents:
        start, end = c.start, c.end
        after = _SIGNATURE_AFTER.search(text, start, end) or _CREDIT_AFTER.search(text, start, end)
        if after is not None:
            end = after.start()
            while end > start and text[end - 1] in " \t\n,;:—–-":
                end -= 1
        before = _SIGNATURE_BEFORE.match(text, start, end) or _CREDIT_BEFORE.match(text, start, end)
        if before is not None:
            start = before.end()
        if (start, end) != (c.start, c.end):
            changed = True
        if any(ch.isalnum() for ch in text[start:end]):
            kept.append(RoleSpan(c.role, start, end, c.score))
    if not changed:
        return group
    return Group(cue=group.cue, source=group.source, contents=kept)


def _within_relative_clause(doc: Doc, group: Group) -> Group:
    """The group with its content ending where the relative clause of its cue ends: "The bill,
    which says that schools must test every pupil, passed on Monday" says nothing of passing.
    For a cue verb whose subject is a relative pronoun ("which says", "who said"), a content
    that runs past that clause's last word into a verb outside it (the sentence's own
    predicate, however the parser hung it) is cut at the clause's end."""
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    verb = next((t for t in (cue or ()) if t.pos_ == "VERB"), None)
    if verb is None or not any(c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return group
    edge = verb.right_edge
    while edge.i > verb.i and edge.is_punct and edge.text not in CLOSING_QUOTES:
        edge = doc[edge.i - 1]
    end = edge.idx + len(edge)
    last = group.contents[-1]
    if last.end <= end or last.start >= end:
        return group
    text = text_of(doc)
    if text[end:last.end].lstrip()[:1] not in (",", "—", "–", ";"):
        return group  # the clause closes with a comma before the sentence goes on
    past = doc.char_span(end, last.end, alignment_mode="expand")
    if past is None or not any(t.pos_ in ("VERB", "AUX") and t not in verb.subtree for t in past[:5]):
        return group
    if text[end:last.end].count('"') % 2 or text[end:last.end].count("“") != text[end:last.end].count("”"):
        return group  # a quotation runs on: leave it
    return Group(cue=group.cue, source=group.source,
                 contents=group.contents[:-1] + [RoleSpan(last.role, last.start, end, last.score)])
