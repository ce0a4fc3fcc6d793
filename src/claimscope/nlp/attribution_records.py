"""Edges of the attribution records that the tagger's groups get wrong in ways a reader notices.

These run on the records (`attribution.to_records`), after the groups are final: the PolNeAR
evaluation scores the groups as tagged, and PolNeAR marks some of these edges its own way (a
source with its apposition and relative clause, "quote" as a cue word). The records are what a
reader sees, so they follow what a careful annotator of news would mark (docs/audit.md,
"Attributions"):

- a source without its appositive relative clause: "Patskan, who wasn't hurt, said" -> the
  source is "Patskan"; "a ministry official, who spoke on condition of anonymity" -> "a ministry
  official" (`_source_without_relative`);
- no source for a raising passive: "Harlan is reported to have met the envoy" says Harlan is
  the subject of the report, not its author; nobody is named (`_raising_passive`);
- "X is under fire over a report claiming that ...": the report claims, X is its subject; the
  source is "a report" and the cue "claiming" (`_report_participle`);
- "As X put it, ...": the "it" is the cue's object, not part of what was said (`_put_it`);
- "writing, quote, '...'": the spoken quotation mark "quote" is no cue; the verb before it is,
  and its subject the source (`_spoken_quote_mark`);
- a parenthetical ", according to X," governs the clause it sits in: "factors that, according to
  a poll, have driven his rating down" -> "have driven his rating down"; "Li, who was a
  statistician at Biogen, according to a profile, broke ..." -> "who was a statistician at
  Biogen" (`_according_clause`);
- "explains that, despite ..., when you look at ..., the groups agree": a that-clause whose
  fronted adverbials the tagger stopped in reaches its own verb (`_that_clause_verb`);
- "said the money would run out, likely referring to the aid Abe pledged": the writer's gloss
  on what was meant is no part of what was said (`_without_gloss`).
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from claimscope.model.records import Attribution, TextSpan
from claimscope.nlp.attribution_edges import _reporting_verbs
from claimscope.nlp.attribution_spans import quoted_mask
from claimscope.nlp.extensions import text_of

# ", who worked in the White House under ...": a nonrestrictive relative clause after the name.
_RELATIVE_AFTER = re.compile(r",\s+(?:who|whom|whose|which)\b", re.IGNORECASE)
_TRAILING = " \t\n,;:—–-\"“”'’"

_PASSIVE_AUX = {"is", "are", "was", "were", "be", "been", "being"}
# Participles of a raising passive: "X is said / reported / believed to ..." reports something
# about X; the one who said it goes unnamed.
_RAISING = {"reported", "said", "believed", "thought", "alleged", "rumored", "rumoured",
            "understood", "claimed", "suspected", "reputed"}

_REPORT_NOUNS = {"report", "reports", "statement", "letter", "memo", "study", "survey", "poll",
                 "article", "story", "document", "filing", "complaint", "lawsuit", "analysis",
                 "email", "post", "tweet", "video", "book", "column", "editorial"}
_REPORT_PARTICIPLES = {"claiming", "saying", "stating", "alleging", "suggesting", "showing",
                       "finding", "warning", "arguing", "asserting", "indicating", "concluding",
                       "accusing", "charging", "detailing", "revealing"}
_REPORT_PREPOSITIONS = {"over", "after", "amid", "following", "by", "about", "despite", "on"}
_WORD = re.compile(r"[A-Za-z’']+")

# "As X put it, ...", "as she phrased it:", "as he summed it up,"
_PUT_VERBS = {"put", "puts", "phrased", "phrases", "summed", "sums"}
_IT_OBJECT = re.compile(r"it(?:\s+(?:up|best|bluntly|simply|succinctly|well|this way))?\s*[,:—–]\s*", re.IGNORECASE)

_SPOKEN_QUOTE = {"quote"}

# ", likely referring to ...", ", an apparent reference to ...": the writer explains the words.
_GLOSS = re.compile(
    r",\s+(?:(?:likely|apparently|presumably|possibly|probably|seemingly|perhaps|evidently)\s+)?"
    r"(?:referring|alluding)\s+to\b"
    r"|,\s+(?:in\s+)?an?\s+(?:(?:apparent|veiled|thinly\s+veiled|oblique|clear|obvious)\s+)?"
    r"(?:reference|allusion|nod|dig|swipe|jab)\s+(?:to|at)\b",
    re.IGNORECASE)


def record_edges(doc: Doc, records: list[Attribution]) -> list[Attribution]:
    """The records with the edges of the module docstring set right."""
    text = text_of(doc)
    frames = [(p.start, p.end) for r in records for p in (r.cue, r.source) if p is not None]
    out = []
    for record in records:
        record = _source_without_relative(text, record)
        record = _raising_passive(text, record)
        record = _report_participle(text, record)
        record = _put_it(text, record)
        record = _without_gloss(text, record)
        if doc.has_annotation("DEP"):
            record = _spoken_quote_mark(doc, record)
            record = _according_clause(doc, record)
            record = _that_clause_verb(doc, record, frames)
        out.append(record)
    return out


def _source_without_relative(text: str, record: Attribution) -> Attribution:
    source = record.source
    if source is None:
        return record
    found = _RELATIVE_AFTER.search(source.text)
    if found is None:
        return record
    end = source.start + found.start()
    while end > source.start and text[end - 1] in _TRAILING:
        end -= 1
    if not any(ch.isalnum() for ch in text[source.start:end]):
        return record
    return dataclasses.replace(record, source=TextSpan.cut(text, source.start, end))


def _raising_passive(text: str, record: Attribution) -> Attribution:
    if record.source is None or record.content is None or record.source.end > record.cue.start:
        return record
    words = [w.lower() for w in _WORD.findall(record.cue.text)]
    if len(words) < 2 or words[-1] not in _RAISING or not _PASSIVE_AUX & set(words[:-1]):
        return record
    if record.content.start < record.cue.end or not re.match(r"to\s+\w", record.content.text):
        return record
    return dataclasses.replace(record, source=None)


def _report_participle(text: str, record: Attribution) -> Attribution:
    words = list(_WORD.finditer(text, record.cue.start, record.cue.end))
    if len(words) < 3 or words[-1].group().lower() not in _REPORT_PARTICIPLES:
        return record
    noun = words[-2]
    if noun.group().lower() not in _REPORT_NOUNS:
        return record
    start = noun.start()
    determiner = words[-3]
    if determiner.group().lower() in ("a", "an", "the", "this", "that", "new"):
        start = determiner.start()
    # only a report the cue's subject is the object of ("is under fire over a report claiming",
    # "resigned after a memo saying"): "released a statement saying" is the subject's own saying
    ahead = [w for w in words if w.end() <= start]
    if not ahead or ahead[-1].group().lower() not in _REPORT_PREPOSITIONS:
        return record
    last = words[-1]
    return dataclasses.replace(record, source=TextSpan.cut(text, start, noun.end()),
                               cue=TextSpan.cut(text, last.start(), last.end()))


def _without_gloss(text: str, record: Attribution) -> Attribution:
    content = record.content
    if content is None:
        return record
    found = _GLOSS.search(content.text)
    if found is None or quoted_mask(text)[content.start + found.start()]:
        return record  # inside the quotation the speaker's own "referring to" is what was said
    end = content.start + found.start()
    if len(text[content.start:end].split()) < 3:
        return record
    return dataclasses.replace(record, content=TextSpan.cut(text, content.start, end))


def _put_it(text: str, record: Attribution) -> Attribution:
    content = record.content
    if content is None or content.start < record.cue.end or text[record.cue.end:content.start].strip():
        return record
    words = _WORD.findall(record.cue.text)
    if not words or words[-1].lower() not in _PUT_VERBS:
        return record
    found = _IT_OBJECT.match(content.text)
    if found is None or len(content.text[found.end():].split()) < 3:
        return record
    return dataclasses.replace(record, content=TextSpan.cut(text, content.start + found.end(), content.end))


def _spoken_quote_mark(doc: Doc, record: Attribution) -> Attribution:
    if record.cue.text.strip(" ,").lower() not in _SPOKEN_QUOTE:
        return record
    cue = doc.char_span(record.cue.start, record.cue.end, alignment_mode="expand")
    if cue is None or cue.start < 2:
        return record
    comma, verb = doc[cue.start - 1], doc[cue.start - 2]
    # the parser tags "writing" before "quote" a noun as often as a verb; its place in the
    # clause (a participle hung on the verb before it) says which it is
    if comma.text != "," or not verb.is_alpha or not (
            verb.pos_ == "VERB" or verb.dep_ in ("advcl", "conj", "xcomp", "ccomp", "ROOT")):
        return record
    text = text_of(doc)
    source = record.source
    if source is None:
        # "issued a statement, writing, quote, ...": the participle's subject is its head's
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ in ("advcl", "conj", "xcomp"):
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ != "PRON":
            source = TextSpan.cut(text, subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
    return dataclasses.replace(record, cue=TextSpan.cut(text, verb.idx, verb.idx + len(verb)), source=source)


_OPENERS = {"that", "which", "who"}


def _according_clause(doc: Doc, record: Attribution) -> Attribution:
    """A ", according to X," inside a sentence: the clause it sits in is what X says (module
    docstring). (a) right after a clause's opening word ("that, according to X, have ..."): the
    clause that word opens, without it; (b) right after a relative clause set off by commas
    ("Li, who was ..., according to X, broke"): that relative clause. Otherwise as tagged."""
    content = record.content
    if content is None or not record.cue.text.lower().startswith("according"):
        return record
    cue = doc.char_span(record.cue.start, record.cue.end, alignment_mode="expand")
    if cue is None or cue.start < 2 or doc[cue.start - 1].text != ",":
        return record
    according = cue[0]
    sentence = according.sent
    tail = doc[according.i:according.right_edge.i + 1]
    after = doc[tail.end] if tail.end < sentence.end else None
    if after is None or after.text != ",":
        return record  # the frame ends its sentence: the tagger's clause before it stands
    before = doc[cue.start - 2]
    text = text_of(doc)
    if before.lower_ in _OPENERS and before.head.pos_ in ("VERB", "AUX") and before.head.i > after.i:
        verb = before.head
        start, end = doc[after.i + 1], verb.right_edge
    elif before.i > sentence.start:
        relative = next((t for t in sentence if t.dep_ == "relcl" and t.right_edge.i == before.i), None)
        if relative is None or relative.left_edge.i == 0 or doc[relative.left_edge.i - 1].text != ",":
            return record
        start, end = relative.left_edge, before
    else:
        return record
    while end.i > start.i and end.is_punct and end.text not in "\"”’":
        end = doc[end.i - 1]
    first, last = start.idx, end.idx + len(end)
    if len(text[first:last].split()) < 3 or (first, last) == (content.start, content.end):
        return record
    return dataclasses.replace(record, content=TextSpan.cut(text, first, last))


def _that_clause_verb(doc: Doc, record: Attribution, frames: list[tuple[int, int]]) -> Attribution:
    """A content after its cue that opens with "that" and stops before that "that"'s own verb
    ("explains that, despite ..., when you look at ..., | the two groups don't disagree")
    reaches the verb's clause end, within the sentence and short of any other frame."""
    content = record.content
    if content is None or content.start < record.cue.end:
        return record
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ != "that" or span[0].dep_ != "mark":
        return record
    verb = span[0].head
    if verb.i < span.end:
        # the parser may hang the cue under the content's own main verb ("explains" a ccomp of
        # "disagree"), so the that-clause ends inside the content: the cue's head after the
        # content, with its own subject there, is the clause's verb (not a reporting verb:
        # "he said that X, officials noted" is another saying)
        cue = doc.char_span(record.cue.start, record.cue.end, alignment_mode="expand")
        head = next((t.head for t in (cue or ()) if t.dep_ == "ccomp" and t.head.i >= span.end), None)
        if head is None or head.lemma_.lower() in _reporting_verbs() or not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.end for c in head.children):
            return record
        if doc[span.end].text != ",":
            return record
        verb = head
    if verb.sent != span[0].sent:
        return record
    end = verb.right_edge
    while end.i > verb.i and end.is_punct and end.text not in "\"”’":
        end = doc[end.i - 1]
    last = end.idx + len(end)
    if any(content.end <= s < last for s, _ in frames):
        return record  # another attribution's cue or source lies in between
    text = text_of(doc)
    if text[content.end:last].count("“") > text[content.end:last].count("”"):
        return record
    return dataclasses.replace(record, content=TextSpan.cut(text, content.start, last))
