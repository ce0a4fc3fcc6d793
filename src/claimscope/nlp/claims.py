"""claimscope_claims: the propositions an article puts forward, and how.

A claim is either the content of an attribution (asserted by its source) or a sentence, or the
part of one, that no attribution covers (asserted by the author). Each claim gets its
asserter, the entities it involves (subject and object where the parse shows them), an
epistemic status with the cues that decided it, the evidence it rests on, and a
check-worthiness score from the shipped sentence model.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimscope.model.records import Attribution, Claim, Entity, TextSpan
from claimscope.nlp.attribution_junk import hover_cards
from claimscope.nlp.cues import CueMatcher
from claimscope.nlp.cues import lexicon as cue_lexicon
from claimscope.nlp.epistemic import (
    STATUS_CATEGORIES,
    EpistemicReading,
    cue_counts,
    is_negation,
    quantified_by,
    read_status,
)
from claimscope.nlp.evidence import classify_evidence
from claimscope.nlp.extensions import ensure_extensions, text_of
from claimscope.nlp.paragraphs import is_heading
from claimscope.nlp.question_scope import question_split
from claimscope.nlp.sentence_units import sentence_units
from claimscope.runtime.sentence_heads import SentenceHeads

# Bump with any change of the claim and status rules (claims, epistemic, question_scope, cues,
# lexicons/furniture.json).
RULES_VERSION = "claims-1.2.9"
MIN_CLAIM_TOKENS = 3
# A claim with this share of its sentence's words stands for the sentence (see _own_uncertainty).
WHOLE_SENTENCE = 0.8
# Concessive clauses carry their own proposition: "..., even though no one has produced evidence".
CONCESSIVE_MARKS = {"though", "although", "while", "whereas"}
_TRIM = " \t\n\"'“”‘’,.;:—–-"
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Finite verb forms (and modals): "He was speaking" has one, "to repeat his plans" none.
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# Complements a predicate cannot lose to the next span ("The question is [whether ...]").
CORE_COMPLEMENTS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "dative"}
# What a copula needs beside it: "A recession is" is no proposition, "There is a link" is.
COPULA_COMPLEMENTS = {"attr", "acomp", "prep", "advmod", "ccomp", "oprd", "npadvmod", "xcomp",
                      "expl", "auxpass", "advcl", "agent", "dobj", "pcomp"}
OBJECT_DEPS = {"dobj", "attr", "dative", "oprd", "pobj"}
STATUS_CUE_CATEGORIES = [c for c in STATUS_CATEGORIES if c != "weak_hedge"]
# The asserter of words whose speaker the text does not name (or the tagger did not find).
UNNAMED = "unnamed source"


class ClaimExtractor:
    def __init__(self, nlp: Language, name: str, *, model_dir: str | None = None):
        self.name = name
        self.vocab = nlp.vocab
        self.model_dir = model_dir
        self._heads: SentenceHeads | None = None
        self._matcher: CueMatcher | None = None

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        self._load()

    def _load(self) -> SentenceHeads:
        if self._heads is None:
            self._heads = SentenceHeads(self.model_dir)
        if self._matcher is None:
            self._matcher = CueMatcher(self.vocab)
        return self._heads

    @property
    def model_version(self) -> str:
        # The sentence heads' model and the rules of this component, epistemic.py and
        # question_scope.py: a change to either changes the claims.
        return f"{self._load().version}+{RULES_VERSION}"

    def __call__(self, doc: Doc) -> Doc:
        heads = self._load()
        entities: list[Entity] = doc._.entities or []
        attributions: list[Attribution] = doc._.attributions or []
        by_id = {e.id: e for e in entities}
        mentions = _MentionIndex(entities)
        sentences = list(doc.sents)
        sentence_index = {s.start: i for i, s in enumerate(sentences)}
        title = doc.user_data.get("title")
        # A post's line ends on its date, not like a sentence, yet it is no heading.
        body = [s for s in sentences if (not is_heading(s) or _in_post(s)) and not is_page_furniture(s)
                and not _is_title(s, title)]
        attributed = list(self._attributed(doc, attributions))
        # An attribution too thin to carry a claim ("know about the cracks") leaves its
        # sentence to the author, so nothing the text says is dropped.
        used = [a for _, a in attributed if a is not None]
        # "Few would deny that X": X is the author's, said flatly; the frame stays covered.
        attributed = [(span, None if a is not None and _nobody_denies(doc, a) else a) for span, a in attributed]
        unowned: set[tuple[int, int]] = set()
        drafts = attributed + _quoted_to_speaker(doc, list(self._unattributed(doc, body, used)), attributions,
                                                 unowned)
        drafts.sort(key=lambda d: d[0].start_char)
        # Scored from the sentence encoder's one pass over the Doc (shared with rhetoric).
        scores = (
            heads.score_spans(sentence_units(doc, heads), [(s.start_char, s.end_char) for s, _ in drafts])
            if drafts else []
        )
        matcher = self._matcher
        author = doc.user_data.get("author") or "the author"
        claims = []
        # Sorted once: each claim asks whether a cue lies in a range, by bisection, not by
        # going over every attribution (quadratic on long texts).
        cue_starts = sorted(a.cue.start for a in attributions)
        voices = _voices(doc, attributions, mentions, by_id)
        for index, ((span, attribution), score) in enumerate(zip(drafts, scores)):
            cue_span = _span(doc, attribution.cue) if attribution else None
            # A quotation carried into a paragraph of its own: the frame's verb ("allege") was
            # about the frame's content, not these words, so its cues are not read here.
            carried = _carried_over(doc, span, attribution)
            cues = matcher.find(span if carried else _attribution_extent(doc, span, attribution, cue_starts))
            # "No one has produced evidence that X" is a denial of X, whoever says it: the
            # author, or a source whose words these are ("..., she added").
            span = _denied_complement(span, cues) or span
            sentence = span[0].sent
            sentence_cues = matcher.find(sentence)
            reading = read_status(cues, claim=span, attribution_cue=cue_span,
                                  uncertain_probability=_own_uncertainty(span, sentence, score),
                                  uncertain_threshold=heads.thresholds.get("uncertain", 0.5))
            source_span = _span(doc, attribution.source) if attribution and attribution.source else None
            entity = by_id.get(attribution.source_entity) if attribution and attribution.source_entity else None
            evidence = classify_evidence(source=source_span, entity=entity,
                                         sentence_cues=sentence_cues)
            quoted = attribution is None and (span.start_char, span.end_char) in unowned
            voice = _voice_at(voices, span.start_char) if _voiced(doc, attribution) else None
            if voice is not None:
                # A transcript's turn or an embedded post: its speaker's words, not the author's.
                asserter_name, asserter_entity = voice
                if reading.status == "asserted":
                    reading = EpistemicReading("reported", reading.certainty - 0.2, [])
            elif quoted:
                # Somebody's words, whose speaker the text does not give: not the author's.
                asserter_name, asserter_entity = UNNAMED, None
                if reading.status == "asserted":
                    reading = EpistemicReading("reported", reading.certainty - 0.2, [])
            elif attribution is None:
                asserter_name, asserter_entity = author, None
            elif (drawer := _inference_drawer(source_span, mentions, by_id, author)) is not None:
                asserter_name, asserter_entity = drawer
            elif (teller := _teller(source_span, cue_span, mentions, by_id)) is not None:
                asserter_name, asserter_entity = teller
            elif entity is not None:
                # The speaker component checked that the entity fits the source (speaker_fit).
                asserter_name, asserter_entity = entity.name, entity.id
            else:
                asserter_name = attribution.source.text if attribution.source else UNNAMED
                asserter_entity = None
            involved = _entities_in(span, mentions)
            subject, obj = _subject_object(span, mentions)
            claims.append(Claim(
                id=f"c{index + 1}", text=span.text, start=span.start_char, end=span.end_char,
                asserter_name=asserter_name, asserter_entity=asserter_entity,
                status=reading.status, certainty=reading.certainty,
                checkworthiness=round(score.get("checkworthy", 0.0), 3), evidence=evidence,
                check_worthy=score.get("checkworthy", 0.0) >= heads.thresholds.get("checkworthy", 0.5),
                cues=[TextSpan.cut(text_of(doc), c.start_char, c.end_char) for c in reading.cues],
                attribution=attribution.id if attribution else None,
                subject=subject, object=obj, entities=involved,
                sentence=sentence_index.get(sentence.start, 0),
            ))
        doc._.claims = claims
        doc.spans["claims"] = [doc.char_span(c.start, c.end, label=c.status, alignment_mode="expand")
                               for c in claims]
        return doc

    def _attributed(self, doc: Doc, attributions: list[Attribution]):
        # Attributions are read, never changed: the attribution component owns their spans
        # (and already keeps a content clear of its own source and cue), the speaker
        # component their source_entity.
        for attribution in attributions:
            if attribution.content is None or _negated_cue(doc, attribution) or _aim_cue(doc, attribution):
                continue
            start, end = _nearest_paragraph(text_of(doc), attribution.content, attribution.cue)
            span = _trimmed(doc, start, end)
            if span is not None and not _is_proposition(span) and _quoted_sentence(doc, span, start):
                # '"The kind of kids that we get come from all walks of life," Strong responds':
                # a whole quoted sentence the parser botched is still the speaker's claim,
                # never the author's
                yield span, attribution
                continue
            if span is not None and not _is_proposition(span):
                host = _parenthetical_host(doc, attribution)
                if host is not None:
                    # "The mayor, they say, has lost the council's trust": the content after a
                    # parenthetical tag lacks the subject before it; the host clause, tag and
                    # all, is what they say (else the author would assert it)
                    yield host, attribution
                    continue
            if span is not None and not _is_proposition(span):
                # '"Thanks for the support. We must be quick!"': a quotation whose first
                # sentence is no proposition still says something in the others.
                parts = [p for p in _sentence_parts(doc, span) if p is not span and _is_proposition(p)]
                if parts:
                    for part in parts:
                        yield from ((p, attribution) for p in _split_question(part))
                    continue
                # "rejected the notion that ...": the noun's that-clause is what was said.
                span = _that_clause([t for t in span if t.pos_ == "NOUN" and t.head.i < span.start], span)
            if span is not None:
                span, rest = _reported_and_after(span, attribution)
                for part in _sentence_parts(doc, span):
                    yield from ((p, attribution) for p in _split_question(part))
                if rest is not None:
                    yield rest, None

    def _unattributed(self, doc: Doc, sentences: list[Span], attributions: list[Attribution]):
        covered = set()
        for start, end in hover_cards(doc):
            covered.update(range(start, end))  # a hover card's linked headlines: page furniture
        for a in attributions:
            for part in (a.source, a.cue, a.content):
                if part is not None:
                    covered.update(range(part.start, part.end))
        for sentence in sentences:
            run: list = []
            runs = []
            for token in sentence:
                if token.idx in covered:
                    if run:
                        runs.append(run)
                    run = []
                else:
                    run.append(token)
            if run:
                runs.append(run)
            for run in runs:
                for start, end in _split_concessive(run):
                    span = _trimmed(doc, start, end)
                    if span is not None and _is_proposition(span):
                        for piece in self._clauses_apart(span):
                            yield from ((part, None) for part in _split_question(piece))

    def _clauses_apart(self, span: Span) -> list[Span]:
        """An author's sentence of two coordinated clauses as two claims where a status cue
        stands in one of them: in "The board probably met on Monday, but the mayor signed the
        order on Tuesday" the hedge is the first clause's only. Where no cue is at stake the
        sentence stays one claim."""
        parts = _coordinated(span)
        if parts is None:
            return [span]
        found = [self._matcher.find(p) for p in parts]
        if not any(f.get(c) for f in found for c in STATUS_CUE_CATEGORIES):
            return [span]
        return list(parts)


def _is_title(sentence: Span, title: str | None) -> bool:
    """The article's headline repeated in its text ("How will the council solve the quay
    riddle?" after the dek): a heading, no claim of the body."""
    if not title:
        return False
    norm = " ".join(title.split()).strip(_TRIM).lower()
    return bool(norm) and " ".join(sentence.text.split()).strip(_TRIM).lower() == norm


# "AMY GOODMAN: ...", "ANNETTE MAGNUS-MARQUART: ...": a transcript's speaker label, a name in
# capitals opening a paragraph. One letter ("Q:", "A:") names no one and is left alone.
# A label opens a line, or, where a transcript runs its turns together in one paragraph
# ("... four Americans died-- DAVID GREGORY: A cover-up of what? JOHN MCCAIN: Of the ..."), a
# sentence or a broken-off turn.
SPEAKER_LABEL = re.compile(r"(?:^[ \t]*|(?<=[.?!)]) |(?<=--) |(?<=—) )([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]*){0,3}):[ \t]+\S",
                           re.MULTILINE)
# An embedded post's signature at its paragraph's end: "— Mara Quill (@mquill) October 17, 2019".
POST_SIGNATURE = re.compile(r"[—–]\s*([^—–()\n]{1,60}?)\s*\(@\w{1,30}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
MIN_TRANSCRIPT_SPEAKERS = 2


def _voices(doc: Doc, attributions: list[Attribution], mentions: _MentionIndex,
            by_id: dict) -> list[tuple[int, int, str, str | None]]:
    """Ranges of the text that are someone's words though no attribution covers them: a
    transcript's turns (from a speaker label to the next label, over the paragraphs of the
    turn) and embedded posts (a paragraph ending in a post's signature). Each range with the
    speaker's name and entity. A label is a speaker's where it holds a person's mention or is
    the source of a colon attribution; a text is a transcript with at least
    `MIN_TRANSCRIPT_SPEAKERS` speakers' labels, so "SPECIAL COVERAGE: ..." or a lone "NOTE:"
    makes no turn."""
    text = text_of(doc)
    sources = {(a.source.start, a.source.end): a for a in attributions if a.source is not None}
    labels = []
    for match in SPEAKER_LABEL.finditer(text):
        start, end = match.span(1)
        ids = mentions.ids(mentions.within(start, end))
        person = next((i for i in ids if i in by_id and by_id[i].type == "PERSON"), None)
        attribution = sources.get((start, end))
        if person is None and attribution is not None and attribution.source_entity in by_id:
            person = attribution.source_entity
        # Or its last name stands in the text in a name's case ("joined by Mara Quill").
        surname = match.group(1).split()[-1].title()
        if person is None:
            # "BRENNER:" after "Senator Ada Brenner": the one person of the text by that surname
            holders = [i for i, e in by_id.items() if e.type == "PERSON" and e.name.split()[-1].lower() == surname.lower()]
            person = holders[0] if len(holders) == 1 else None
        speaker = person is not None or attribution is not None or re.search(
            rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text) is not None
        name = by_id[person].name if person is not None else match.group(1)
        labels.append((match.start(), speaker, name, person))
    voices = []
    if len({name for _, speaker, name, _ in labels if speaker}) >= MIN_TRANSCRIPT_SPEAKERS:
        for i, (start, speaker, name, person) in enumerate(labels):
            if speaker:
                end = labels[i + 1][0] if i + 1 < len(labels) else len(text)
                voices.append((start, end, name, person))
    at = 0
    for line in text.split("\n"):
        match = POST_SIGNATURE.search(line)
        if match:
            start, end = at + match.start(1), at + match.end(1)
            ids = mentions.ids(mentions.within(start, end))
            person = ids[0] if ids and ids[0] in by_id else None
            voices.append((at, at + len(line), by_id[person].name if person else match.group(1), person))
        at += len(line) + 1
    return sorted(voices)


def _in_post(sentence: Span) -> bool:
    text = text_of(sentence.doc)
    line_end = text.find("\n", sentence.start_char)
    return POST_SIGNATURE.search(text[sentence.start_char : line_end if line_end != -1 else len(text)]) is not None


def _voiced(doc: Doc, attribution: Attribution | None) -> bool:
    """Whether a claim inside a turn or a post is the voice's: the author's sentences
    (no attribution), the label's colon attribution (the tagger can give a turn's colon the
    label of the turn before), and the speaker's own "I think" / "we know"."""
    if attribution is None or attribution.cue.text.strip() == ":":
        return True
    source = attribution.source
    return source is not None and source.text.strip().lower() in FIRST_PERSON


def _voice_at(voices: list[tuple[int, int, str, str | None]], char: int) -> tuple[str, str | None] | None:
    for start, end, name, person in voices:
        if start <= char < end:
            return name, person
    return None


# Nouns for what is found or worked out, never for who says it: "The results suggest that X",
# "My calculations show that X", "all this suggests that X". Evidence draws no inference; the
# one who reads it does (docs/audit.md, fresh4 kinds).
# Not "figure" ("political figures said"), "model" or "record": they name people or papers too.
EVIDENCE_NOUNS = {"result", "calculation", "finding", "data", "number", "estimate", "evidence",
                  "analysis", "statistic", "math", "arithmetic", "trend", "pattern", "chart",
                  "graph", "projection"}
# "all this", "that", "these" standing alone as the subject: what went before, not a speaker
# ("it" and "which" are often a company or a ministry: "It said that profits fell").
EVIDENCE_PRONOUNS = {"this", "that", "these", "those"}
FIRST_PERSON = {"my", "our", "i", "we", "me", "us"}


def _inference_drawer(source: Span | None, mentions: _MentionIndex, by_id: dict,
                      author: str) -> tuple[str, str | None] | None:
    """The asserter of a claim whose source is evidence, not a speaker ("The results suggest
    that X"): whoever draws the inference. That is a person named with "to" before it ("To
    Quill, all this suggests ..."), the maker a possessive names ("Quill's figures show ..."),
    or else the author ("My calculations suggest ...", "The data show ..."). None where the
    source is a speaker; a study or poll is its maker's voice and stays with the speaker
    component."""
    if source is None:
        return None
    head = source.root
    noun = head.lemma_.lower()
    if not ((head.pos_ == "NOUN" and noun in EVIDENCE_NOUNS)
            or (head.pos_ in ("PRON", "DET") and head.lower_ in EVIDENCE_PRONOUNS and head.tag_ != "WDT"
                and head.head.dep_ != "relcl")):
        return None  # a relative "that" ("a memo that warned ...") stands for its noun
    verb = head.head
    for child in verb.children:  # "To Quill, all this suggests ..."
        if child.dep_ in ("prep", "dative") and child.lower_ == "to" and child.i < head.i:
            for person in child.children:
                if person.dep_ == "pobj" and person.pos_ == "PROPN":
                    found = _entity_under(person, mentions)
                    span = source.doc[person.left_edge.i : person.right_edge.i + 1]
                    return (by_id[found].name, found) if found in by_id else (span.text, None)
    for child in head.children:  # "Quill's figures", "my calculations"
        if child.dep_ == "poss":
            if child.lower_ in FIRST_PERSON:
                return author, None
            if child.pos_ == "PROPN":
                found = _entity_under(child, mentions)
                if found in by_id:
                    return by_id[found].name, found
                return None
            return None  # "his figures": the speaker component resolves who
    if any(t.pos_ == "PROPN" for t in source):
        return None  # "the Labor Department's data", "Gallup figures": a named maker
    return author, None


def _teller(source: Span | None, cue: Span | None, mentions: _MentionIndex,
            by_id: dict) -> tuple[str, str | None] | None:
    """The speaker of "The exchange told Quill that X" where the source given is Quill, the
    one told: the subject of the telling verb is the asserter (docs/audit.md: the addressee
    is not the speaker). None where the source is no addressee of the cue."""
    if source is None or cue is None:
        return None
    head = source.root
    verb = head.head
    if head.dep_ not in ("dobj", "dative", "iobj") or not (cue.start <= verb.i < cue.end):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        from_ = None
    else:
        subject = subjects[0]
        found = _entity_under(subject, mentions)
        if found in by_id and subject.pos_ != "PRON":
            return by_id[found].name, found
        from_ = source.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    return (from_ or UNNAMED), None


FURNITURE_FILE = Path(__file__).parent / "lexicons" / "furniture.json"


@lru_cache(maxsize=1)
def _furniture() -> tuple[list[re.Pattern], re.Pattern]:
    data = json.loads(FURNITURE_FILE.read_text(encoding="utf-8"))
    return ([re.compile(p, re.IGNORECASE) for p in data["patterns"]],
            re.compile(data["caption_tail"], re.IGNORECASE))


@lru_cache(maxsize=1)
def _prompts() -> list[re.Pattern]:
    data = json.loads(FURNITURE_FILE.read_text(encoding="utf-8"))
    return [re.compile(p, re.IGNORECASE) for p in data.get("paragraph_patterns", [])]


def is_page_furniture(sentence: Span) -> bool:
    """A sentence of the page, not of the article (lexicons/furniture.json): "Jane Roe
    contributed to this report", "This story has been updated", "He can be reached at ...",
    a photo caption. The author puts none of it forward, so it gives no claim."""
    text = sentence.text.strip(_TRIM)
    patterns, caption_tail = _furniture()
    if any(p.search(text) for p in patterns):
        return True
    # A reader prompt's paragraph is furniture throughout ("Share Your Thoughts Do you think
    # ...? Join the conversation below."), however the parser cuts it.
    whole = text_of(sentence.doc)
    line = whole[whole.rfind("\n", 0, sentence.start_char) + 1 : sentence.start_char + 1].strip(_TRIM)
    if line and line != text[:1] and any(p.search(line) for p in _prompts()):
        return True
    # A caption tells what a photo shows, in the present, and ends on the day it was taken.
    return bool(caption_tail.search(text)) and sentence.root.tag_ in ("VBZ", "VBP")


def _quoted_to_speaker(doc: Doc, drafts: list, attributions: list[Attribution],
                       unowned: set[tuple[int, int]] | None = None) -> list:
    """Sentences of a quotation the tagger left out of its attribution ('"A. B. C," she
    said.' with only A as content) are still the quotation's speaker's, not the author's:
    a sentence inside the quotation marks of an attributed quotation goes to that
    attribution (the first one, where several share the quotation). A quoted sentence no
    attribution holds or goes on from (a quotation standing alone, a quoted headline) is
    still somebody's words: its character range goes into `unowned`, whose claims name an
    unnamed source, not the author (docs/audit.md: a quoted sentence is not the author's own
    assertion)."""
    from claimscope.nlp.speakers import quote_runs

    runs = quote_runs(text_of(doc))
    run_starts = [s for s, _ in runs]
    # A quotation the tagger called indirect ('it announced, "A. B."') is still a quotation.
    quoting = _ContentIndex(sorted((a for a in attributions if a.content is not None and (
        a.kind != "indirect" or text_of(doc)[a.content.start : a.content.start + 1] in "\"“")),
                                   key=lambda a: a.cue.start))
    frames = _FrameIndex(attributions)
    out = []
    for span, attribution in drafts:
        if attribution is None:
            run = _run_holding(runs, run_starts, span.start_char, span.end_char)
            if run is not None:
                sharing = quoting.overlapping(run[0], run[1])
                holding = [a for a in sharing if a.content.start <= span.start_char and span.end_char <= a.content.end]
                attribution = (holding or sharing or [None])[0]
                if attribution is None:
                    attribution = _quotation_goes_on(doc, run, frames)
                if attribution is None and unowned is not None and _quotes_whole(doc, span, run):
                    unowned.add((span.start_char, span.end_char))
        out.append((span, attribution))
    return out


def _run_holding(runs: list[tuple[int, int]], starts: list[int], start: int, end: int) -> tuple[int, int] | None:
    """The quotation (runs in text order, not overlapping) that holds [start, end), by bisection."""
    i = bisect_right(starts, start) - 1
    return runs[i] if i >= 0 and end <= runs[i][1] else None


class _ContentIndex:
    """Attributions by their content's start, so that each quotation asks only the contents
    that can overlap it (a bisection, then those that start within the longest content's
    length before it), not every attribution: linear on long texts. Answers keep the order
    of the list given."""

    def __init__(self, ordered: list[Attribution]):
        self._by_start = sorted(range(len(ordered)), key=lambda i: ordered[i].content.start)
        self._starts = [ordered[i].content.start for i in self._by_start]
        self._reach = max((a.content.end - a.content.start for a in ordered), default=0)
        self._ordered = ordered

    def overlapping(self, start: int, end: int) -> list[Attribution]:
        low = bisect_left(self._starts, start - self._reach)
        high = bisect_left(self._starts, end)
        hits = [i for i in self._by_start[low:high] if self._ordered[i].content.end > start]
        return [self._ordered[i] for i in sorted(hits)]


class _FrameIndex:
    """Attributions with a source by where their frame ends: the last frame before a point
    (the first of them, in the attributions' order, where several end there), by bisection."""

    def __init__(self, attributions: list[Attribution]):
        framed = sorted((_frame_end(a), i) for i, a in enumerate(attributions) if a.source is not None)
        self._ends = [end for end, _ in framed]
        self._framed = [attributions[i] for _, i in framed]

    def last_before(self, at: int) -> Attribution | None:
        i = bisect_right(self._ends, at)
        if i == 0:
            return None
        return self._framed[bisect_left(self._ends, self._ends[i - 1])]


def _quotes_whole(doc: Doc, span: Span, run: tuple[int, int]) -> bool:
    """Whether the claim's sentence is all quotation, somebody's words, not a phrase the
    author quotes inside a sentence of their own ('He called it "a plan that will fail."'):
    no words of the sentence stand outside the quotation marks. 'Her response was, "Look at
    the figures. These are no signs of recovery."': the second sentence is all quotation."""
    text = text_of(doc)
    sentence = span.sent
    start, end = sentence.start_char, sentence.end_char
    before = text[start : run[0]].strip(" \n") if start < run[0] else ""
    after = text[run[1] : end].strip(" \n.!?,;:\"”’'") if end > run[1] else ""
    if before or after:
        return False
    # The quotation is introduced as speech: it opens a sentence or a paragraph or follows a
    # frame's comma or colon; 'write "Twitter is not the world. ..." on a blackboard' names
    # words to write, nobody's claim.
    at = run[0] - 1
    while at >= 0 and text[at] == " ":
        at -= 1
    return at < 0 or text[at] in "\n,:.!?"


def _tag_runs_on(doc: Doc, text: str, frame_end: int, start: int) -> bool:
    """Whether the text between a quotation's tag and the next quotation finishes the tag's
    sentence and nothing else: no line break, no quotation mark, and the quotation opens the
    sentence right after the tag's."""
    between = text[frame_end:start]
    if "\n" in between or any(q in between for q in "\"“”") or not between.rstrip().endswith("."):
        return False
    tag = doc.char_span(frame_end - 1, frame_end, alignment_mode="expand")
    quote = doc.char_span(start, start + 1, alignment_mode="expand")
    if tag is None or quote is None:
        return False
    following = doc[tag.sent.end] if tag.sent.end < len(doc) else None
    return following is not None and following.idx >= frame_end and following.sent.start_char <= start + 1 and (
        quote[0].sent == following.sent or quote[0].i == following.i)


def _quotation_goes_on(doc: Doc, run: tuple[int, int], frames: _FrameIndex) -> Attribution | None:
    """The attribution a quotation no attribution holds goes on from, or None.

    News tags the first quotation of a speech and lets the rest follow untagged:
    '"A," Boehner said Wednesday. "B."' (the next quotation of the paragraph, right after the
    tag) and 'Calder said the talks had failed.' then a paragraph that is one quotation (the
    speaker of the previous paragraph's last sentence). Either way the quotation is the
    speaker's, not the author's. The earlier attribution must have a source; a quotation with
    anything but punctuation between it and that frame, or a paragraph that does more than
    quote, is left to the author."""
    text = text_of(doc)
    start, end = run
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    last = frames.last_before(start)
    if last is None:
        return None
    if _frame_end(last) >= line_start:
        between = doc.char_span(_frame_end(last), start, alignment_mode="contract")
        words = [t for t in between if t.is_alpha] if between is not None else []
        # '..." Boehner said Wednesday. "B."': a day or a place may close the tag, no new clause.
        if last.kind != "indirect" and len(words) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in words) and (
                "\n" not in text[_frame_end(last):start]):
            return last
        # '..." he said to applause at the site. "B."', '..." he told Salon, referring to the
        # rule. "B."': the tag may run on in its own sentence; the next sentence that is a
        # quotation goes on with the speaker. Not past another sentence or another quotation.
        if last.kind == "direct" and between is not None and _tag_runs_on(doc, text, _frame_end(last), start):
            return last
        return None
    if text[line_start:start].strip() or text[end:line_end].strip(" .,;:\"”"):
        return None  # the quotation is not the whole paragraph
    previous_end = line_start - 1
    while previous_end > 0 and text[previous_end - 1] == "\n":
        previous_end -= 1
    previous_start = text.rfind("\n", 0, previous_end) + 1
    if not (previous_start <= last.cue.start < previous_end):
        return None  # the last frame is not in the paragraph just before
    cue = doc.char_span(last.cue.start, last.cue.end, alignment_mode="expand")
    if cue is None or len(cue) == 0:
        return None
    last_sentence = doc.char_span(previous_start, previous_end, alignment_mode="expand")
    sentences = list(last_sentence.sents) if last_sentence is not None else []
    if not sentences or not (sentences[-1].start_char <= last.cue.start):
        return None  # the speaker must be the one the paragraph ends on
    return last


# Subjects that say nobody holds the view: "No one disputes that X", "Few would deny that X".
# Nouns of a chance or a task, whose "to show" / "to prove" is an aim, no report: "Monday is
# her chance to show she is motivated by the common good" is the author's view of Monday.
AIM_NOUNS = {"chance", "opportunity", "bid", "effort", "attempt", "moment", "push", "plan",
             "need", "pressure", "duty", "obligation", "job", "task", "turn", "responsibility",
             "challenge", "test", "goal", "aim", "mission"}


def _aim_cue(doc: Doc, attribution: Attribution) -> bool:
    cue = _span(doc, attribution.cue)
    if cue is None:
        return False
    verb = cue.root
    return (verb.dep_ in ("acl", "relcl", "xcomp", "advcl") and verb.head.pos_ == "NOUN"
            and verb.head.lemma_.lower() in AIM_NOUNS and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


_NOBODY = {"no", "nobody", "none", "few", "neither"}


def _negated_cue(doc: Doc, attribution: Attribution) -> bool:
    """ "did not mention the panel's finding that X", "never said that X", "No one said that
    X": the cue reports that the source did NOT say X, so X is not the source's claim (the
    ledger would count them as a source of it). Nobody in the sentence asserts X either, so
    it yields no claim at all. A denial by nobody is the other way round (`_nobody_denies`)."""
    cue = _span(doc, attribution.cue)
    if cue is not None and any(is_negation(t) for t in cue):
        return True
    return _nobody_holds(doc, attribution) and not _nobody_denies(doc, attribution)


def _nobody_holds(doc: Doc, attribution: Attribution) -> bool:
    source = _span(doc, attribution.source) if attribution.source else None
    # The span may leave the determiner out ("No | one"): its head's own words decide.
    return source is not None and quantified_by(source.root, _NOBODY)


def _nobody_denies(doc: Doc, attribution: Attribution) -> bool:
    """ "No one disputes that X", "Few would deny that X": no source holds a view; the author
    affirms X by saying nobody denies it, so X is the author's claim, not denied."""
    if not _nobody_holds(doc, attribution):
        return False
    words = set(cue_lexicon()["denial"])
    cue = _span(doc, attribution.cue)
    return cue is not None and any(t.lower_ in words or t.lemma_.lower() in words for t in cue)


def _frame_end(a: Attribution) -> int:
    return max(p.end for p in (a.source, a.cue, a.content) if p is not None)


def _sentence_parts(doc: Doc, span: Span) -> list[Span]:
    """A content over several sentences as one claim per sentence, each its speaker's: a
    quotation's sentences are separate propositions, each with its own status ("The quay is
    unsafe. The board allegedly discussed closing it": only the second is hedged). A piece
    that is no proposition on its own (a sentence cut at an abbreviation, a "Never.") stays
    with the sentence before it (the one after, for the first)."""
    sentences = [span[0].sent]
    while sentences[-1].end < span.end:  # walk the span's own sentences, not the document's
        sentences.append(doc[sentences[-1].end].sent)
    if len(sentences) < 2:
        return [span]
    ranges = [[max(s.start_char, span.start_char), min(s.end_char, span.end_char)] for s in sentences]
    merged: list[list[int]] = []
    pending: int | None = None  # start of leading pieces that wait for a proposition
    for start, end in ranges:
        piece = _trimmed(doc, start, end)
        if piece is None:
            continue
        if _is_proposition(piece):
            merged.append([pending if pending is not None else start, end])
            pending = None
        elif merged:
            merged[-1][1] = end
        elif pending is None:
            pending = start
    if pending is not None and merged:
        merged[0][0] = pending
    parts = [p for p in (_trimmed(doc, s, e) for s, e in merged) if p is not None]
    return parts if len(parts) >= 2 else [span]


def _attribution_extent(doc: Doc, claim: Span, attribution: Attribution | None,
                        cue_starts: list[int]) -> Span:
    """Where the status cues of a claim are read: the claim, and for an attributed claim the
    whole source-cue-content stretch ("No one has produced evidence that ...")."""
    if attribution is None:
        return claim
    parts = [p for p in (attribution.source, attribution.cue) if p is not None]
    start = min([claim.start_char] + [p.start for p in parts])
    end = max([claim.end_char] + [p.end for p in parts])
    # Reach back to the sentence start: the tagger may leave "No" out of "No one".
    sentence_start = doc.char_span(start, end, alignment_mode="expand")[0].sent.start_char
    if not _any_between(cue_starts, sentence_start, start):
        start = sentence_start
    return doc.char_span(start, end, alignment_mode="expand") or claim


def _carried_over(doc: Doc, claim: Span, attribution: Attribution | None) -> bool:
    """Whether the claim is a quotation that goes on in a paragraph after its attribution's
    frame (nlp/claims._quotation_goes_on): outside the attribution's content, with a line
    break between the frame and the claim."""
    if attribution is None or attribution.content is None:
        return False
    if attribution.content.start <= claim.start_char and claim.end_char <= attribution.content.end:
        return False
    frame_end = max(_frame_end(attribution), attribution.content.end)
    return frame_end <= claim.start_char and "\n" in text_of(doc)[frame_end:claim.start_char]


def _any_between(sorted_starts: list[int], low: int, high: int) -> bool:
    """Whether some value of the sorted list lies in [low, high)."""
    at = bisect_left(sorted_starts, low)
    return at < len(sorted_starts) and sorted_starts[at] < high


def _denied_complement(claim: Span, cues: dict[str, list[Span]]) -> Span | None:
    """The that-clause a denial noun or adjective governs: in "There is no
    evidence that the mayor took the money" the claim is "the mayor took the money", denied
    from outside, not the whole sentence (which would assert a negative fact). Verbs of denial
    ("rejected", "denied") are left alone: their subject, not the author, is the one denying."""
    for cue in cues.get("denial", []):
        nouns = [t for t in cue if t.pos_ in ("NOUN", "ADJ")]
        if not (cue.start >= claim.start and cue.end <= claim.end) or not nouns or not cue_counts(cue):
            continue
        inner = _that_clause(nouns, claim)
        if inner is not None:
            return inner
    return None


def _that_clause(nouns: list, within: Span) -> Span | None:
    """The that-clause one of these nouns governs, inside `within` ("the allegations [that
    her office leaked the memo]", "no evidence [that ...]"), without its "that"."""
    for clause in (c for t in nouns for c in t.children):
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        if clause.dep_ == "relcl" and _content_clause_misread(clause):
            mark = [c for c in clause.children if c.lower_ == "that"]
        elif clause.dep_ in ("acl", "ccomp"):
            mark = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
        else:
            continue
        if not mark:
            continue
        words = [t for t in clause.subtree if t.i > mark[0].i]
        if not words or words[0].i < within.start or words[-1].i >= within.end:
            continue
        # A that-clause with its subject is a whole proposition (the parse hangs it on the
        # noun, so `_is_proposition` would take it for a noun's modifier).
        inner = _trimmed(within.doc, words[0].idx, words[-1].idx + len(words[-1]))
        if inner is not None and sum(t.is_alpha for t in inner) >= MIN_CLAIM_TOKENS and any(
                c.dep_ in SUBJECT_DEPS | {"expl"} for c in clause.children):
            return inner
    return None


def _content_clause_misread(clause) -> bool:
    """ "disputed accounts [that the operation lasted for months]": the parser took the content
    clause of a claim noun for a relative clause, with "that" as the verb's object. A clause
    with a subject of its own and no use for an object is the noun's content, not a relative
    clause ("the claims that he made")."""
    that = next((c for c in clause.children if c.lower_ == "that" and c.i < clause.i), None)
    if that is None or that.dep_ not in ("dobj", "mark") or not {clause.head.lower_, clause.head.lemma_.lower()} & set(cue_lexicon()["claim_nouns"]):
        return False
    if clause.lemma_.lower() in cue_lexicon()["claim_noun_verbs"] or clause.lemma_.lower() == "be" and that.dep_ == "dobj":
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.i > that.i for c in clause.children) and not any(
        c.dep_ == "dobj" and c.i != that.i for c in clause.children)


def _nearest_paragraph(text: str, content: TextSpan, cue: TextSpan) -> tuple[int, int]:
    """A content never runs across a blank line: keep the paragraph nearest the cue."""
    pieces, at = [], content.start
    for part in text[content.start : content.end].split("\n\n"):
        pieces.append((at, at + len(part)))
        at += len(part) + 2
    if len(pieces) == 1:
        return pieces[0]
    return min(pieces, key=lambda p: 0 if p[0] <= cue.start <= p[1] else min(abs(cue.start - p[1]), abs(p[0] - cue.end)))


def _split_concessive(run: list) -> list[tuple[int, int]]:
    """Character ranges of a token run, with a concessive clause at its edge split off."""
    run = [t for t in run if not t.is_space] or run
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    if len(run) > 2 and run[0].dep_ == "mark" and run[0].lower_ in CONCESSIVE_MARKS and run[0].head.dep_ == "ROOT":
        # "Although the council approved it in March." standing alone: what it says is the claim.
        start = run[1].idx
    indices = {t.i for t in run}
    for token in run:
        if token.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS for c in token.children
        ):
            continue
        subtree = [t for t in token.subtree if t.i in indices]
        left = min(subtree, key=lambda t: t.i)
        # "even though": the adverb before the mark belongs to the clause.
        if left.i - 1 in indices and left.doc[left.i - 1].lower_ == "even":
            left = left.doc[left.i - 1]
        right = max(subtree, key=lambda t: t.i)
        clause = (left.idx, right.idx + len(right))
        # The claim is what the clause says, without its "although": a clause that opens on
        # its subordinator reads as a fragment cut from its main clause.
        mark = next(c for c in token.children if c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS)
        said = mark.doc[mark.i + 1].idx if mark.i + 1 < len(mark.doc) and mark.i < token.i else clause[0]
        if clause[1] >= end - 1 or not text_of(run[-1].doc)[clause[1]:end].strip(".!?;:\"' "):
            return [(start, clause[0]), (said, end)]
        if clause[0] <= start:
            return [(said, clause[1]), (clause[1], end)]
    return [(start, end)]


def _reported_and_after(span: Span, attribution: Attribution) -> tuple[Span, Span | None]:
    """An indirect content cut where the author's own clause begins: "Critics allege that the
    mayor took the money, and the council voted to censure her" reports the first clause only;
    the second, coordinated after a comma with a subject of its own and no "that" of its own
    ("..., and that the ferry ...") is the author's, so neither the source's status ("allege")
    nor its denial reaches it. Quotations are left whole: a speaker's words are all theirs."""
    if attribution.kind != "indirect" or text_of(span.doc)[span.start_char:span.start_char + 1] in "\"“":
        return span, None
    if attribution.cue.start > span.start_char:
        return span, None  # "X, and Y, according to the statement": the frame covers both
    # Only a clause the parser coordinates with the verb of saying, outside the content:
    # "Reports say that X, and she was moved" and "perhaps X, but maybe Y" go on reporting.
    return _coordinated(span, outside=True) or (span, None)


def _coordinated(span: Span, outside: bool = False) -> tuple[Span, Span] | None:
    """The span cut before a clause coordinated after a comma (", and the council voted ...",
    ", but the mayor signed ..."), with a subject of its own and no subordinator: the two
    parts, each a proposition of its own, or None. With `outside`, only a clause coordinated
    with a verb outside the span."""
    doc = span.doc
    for token in span:
        # Coordinated with a verb of the span, or (as the parser often has it) with a verb
        # outside it, such as the verb of saying.
        if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or token.i == span.start:
            continue
        if token.head.pos_ not in ("VERB", "AUX"):
            continue  # "Li, her husband, and her son traveled": a list of nouns, one clause
        if not any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in token.children) or any(
                c.dep_ == "mark" for c in token.children):
            continue
        left = token.left_edge
        cc = left if left.dep_ == "cc" else (doc[left.i - 1] if left.i > span.start and doc[left.i - 1].dep_ == "cc" else None)
        if cc is None or cc.i <= span.start or doc[cc.i - 1].text not in (",", ";"):
            continue
        before = doc[cc.i - 2] if cc.i - 2 >= span.start else None
        if before is not None and before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("conj", "appos"):
            continue  # the comma closes an item of a list of nouns
        if outside and span.start <= token.head.i < span.end:
            continue
        head = _trimmed(doc, span.start_char, doc[cc.i - 1].idx)
        rest = _trimmed(doc, cc.idx, span.end_char)
        if head is not None and rest is not None and _is_proposition(head) and _is_proposition(rest):
            return head, rest
    return None


def _split_question(span: Span) -> list[Span]:
    """A statement and the question after it, as two claims: "While the council approved the
    plan, who will pay for it?" grants the approval and asks who pays; one claim would either
    question the approval or leave the question unasked. Only where both parts are
    propositions; otherwise the claim stays whole."""
    boundary = question_split(span)
    if boundary is None:
        return [span]
    doc = span.doc
    first = next((t for t in span if t.is_alpha), span[0])
    # "Although the council approved it": the claim is what the concession says.
    opening = doc[first.i + 1].idx if first.lower_ in CONCESSIVE_MARKS and first.dep_ == "mark" else span.start_char
    head = _trimmed(doc, opening, doc[boundary].idx)
    question = _trimmed(doc, doc[boundary].idx, span.end_char)
    if head is None or question is None or not (_is_proposition(head) and _is_proposition(question)):
        return [span]
    return [head, question]


_OPENING_QUOTES = ("\"", "“")
_SUBORDINATORS = {"when", "if", "because", "although", "though", "while", "as", "since", "unless",
                  "whether", "after", "before", "until", "once", "whenever", "where"}


def _quoted_sentence(doc: Doc, span: Span, start: int) -> bool:
    """A content that is one whole quoted sentence: it opens the quotation, ends where the
    quotation ends (before the tag's comma or a full stop), and holds a finite verb and enough
    words to say something, whatever the parse made of its clauses."""
    text = text_of(doc)
    opening = text[start:span.start_char + 1].lstrip()[:1]
    closing = text[max(span.start_char, span.end_char - 2):span.end_char + 3]
    if opening not in _OPENING_QUOTES or not any(q in closing for q in ("\"", "”")):
        return False
    words = [t for t in span if t.is_alpha]
    if span[0].sent != span[-1].sent or len(words) < 6 or _dangling(words[-1], span):
        return False
    if words[0].lower_ in _SUBORDINATORS and not any(t.text == "," for t in span[:-2]):
        return False  # '"When you look at the cases of people on death row," he says': no main clause
    return any(t.tag_ in FINITE_TAGS for t in span) and words[0].is_title


def _is_proposition(span: Span) -> bool:
    """A claim is a proposition: a finite verb with its subject and the complements it takes,
    all inside the span ("He was speaking as", "A recession is", "Second should be a" are not).

    Read on the parse: every word whose head lies outside the span must be a predicate (or a
    whole sentence of a multi-sentence quote), at least one of them finite with its subject in
    the span, no core complement of a predicate lies outside, and the span does not stop on a
    word that needs what follows (a preposition, a conjunction, an article).
    """
    if sum(t.is_alpha for t in span) < MIN_CLAIM_TOKENS:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or _dangling(words[-1], span):
        return False
    exits = [t for t in words if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    predicates = []
    misread = _misread_that_clause(span)
    for token in exits:
        if misread is not None and token.i in misread:
            predicates += [token] if token.i == misread[1] else []
        elif _is_predicate(token, span):
            predicates.append(token)
        elif not (_whole_sentence(token, span) or _shares_predicate(token)):
            return False
    # No verb of the span lost a complement to the next span ("ripped Trump for saying"),
    # and no copula stands without one ("while his accusers appear to be").
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    main = {p.i for p in predicates}
    copulas = [t for t in verbs if t.lemma_ == "be" and (
        t.i in main or (t.dep_ == "xcomp" and t.head.i in main))]
    return bool(predicates) and not any(
        any(c.dep_ in CORE_COMPLEMENTS and not span.start <= c.i < span.end for c in t.children)
        for t in verbs
    ) and all(_has_complement(t, span) for t in copulas)


def _misread_that_clause(span: Span) -> tuple[int, int] | None:
    """ "denied [that discomfort with the party's direction was a factor]": the parser read
    "that" as a determiner, its noun as the object of the verb outside and the clause's verb
    as a second complement of that verb, with no subject of its own. The noun is the clause's
    subject: (noun, verb) indices, or None where the span is not so misread."""
    first = span[0]
    noun = first.head
    if first.lower_ != "that" or first.dep_ != "det" or noun.dep_ != "dobj" or span.start <= noun.head.i < span.end:
        return None
    verb = next((t for t in noun.head.children if t.dep_ == "ccomp" and noun.i < t.i < span.end
                 and t.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                             for c in verb.children)
    return (noun.i, verb.i) if finite else None


def _has_complement(copula, span: Span) -> bool:
    return any(c.dep_ in COPULA_COMPLEMENTS and span.start <= c.i < span.end
               for c in copula.children)


def _whole_sentence(token, span: Span) -> bool:
    return token.dep_ == "ROOT" and token.sent.start >= span.start and token.sent.end <= span.end


def _shares_predicate(token) -> bool:
    """A conjunct verb (its "and", an adverb) that the parser hung on a verb outside the span:
    "[the country had started ... and would soon test ...]" after "said"."""
    if token.dep_ in ("advmod", "npadvmod") and token.i == token.sent.start:
        return False
    return token.dep_ in ("cc", "advmod", "npadvmod") or (
        token.dep_ in ("conj", "ccomp") and token.pos_ in ("VERB", "AUX"))


def _is_predicate(token, span: Span) -> bool:
    if token.pos_ not in ("VERB", "AUX") or (token.dep_ in ("relcl", "acl") and not _wh_question(token, span)):
        return False  # a relative clause ("that have to decide") describes a noun outside
    if token.dep_ == "advcl" and not any(
        c.dep_ == "mark" and c.lower_ in CONCESSIVE_MARKS for c in token.children
    ):
        return False  # "When the young man persisted": a circumstance, not a proposition
    inside = [c for c in token.children if span.start <= c.i < span.end]
    finite = token.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in inside)
    has_subject = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in inside) or _inverted_subject(token, span)
    if not finite and token.tag_ in ("VBN", "VB") and not any(
        c.dep_ in ("aux", "auxpass") for c in token.children
    ) and any(c.dep_ == "nsubj" for c in inside) and not (
        token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("to", "by", "with")
    ):
        # "The harbour reopened" tagged as a participle: a subject makes it finite; not so
        # "senators opposed to ...", "problems linked to ...", which name, not state.
        finite = True
    return finite and has_subject


def _wh_question(verb, span: Span) -> bool:
    """ "..., who will pay for it?": a question the parser hung on the noun before it as a
    relative clause. Only where the claim opens on the wh-word and ends with "?"."""
    words = [t for t in span if t.is_alpha]
    last = next((t for t in reversed(span) if t.text not in _TRIM or t.text == "?"), None)
    return (bool(words) and last is not None and last.text == "?"
            and words[0].lower_ in ("who", "what", "which", "why", "how", "where", "when")
            and words[0].head.i == verb.i)


def _inverted_subject(verb, span: Span) -> bool:
    """ "is the harbour really safe?": in a question the parser takes the subject after the
    auxiliary for its attribute, so the copula seems to have none. A finite auxiliary that
    opens a question (after a coordinator or a wh-word at most) has its subject after it."""
    words = [t for t in span if t.is_alpha]
    last = next((t for t in reversed(span) if t.text not in _TRIM or t.text == "?"), None)
    if verb.pos_ != "AUX" or verb.tag_ not in FINITE_TAGS or last is None or last.text != "?":
        return False
    # A subordinate clause of the question may come first ("Although it passed, is it safe?").
    granted = {t.i for c in verb.children if c.dep_ == "advcl" and c.i < verb.i for t in c.subtree}
    before = [t for t in words if t.i < verb.i and t.i not in granted]
    if any(t.lower_ not in ("and", "but", "so", "or", "then", "yet", "why", "how", "where", "when")
           for t in before):
        return False
    return any(c.dep_ in ("attr", "nsubj") and c.i > verb.i and span.start <= c.i < span.end
               for c in verb.children)


def _dangling(last, span: Span) -> bool:
    """A last word that needs what comes after it: "as", "and", "a", "to". A preposition or
    "to" that ends its sentence is stranded, not cut off ("what the holiday is about", "if he
    wants to"), and so is one that ends a quotation before its tag ('"It gives them something
    to run on," she said')."""
    if last.pos_ in ("CCONJ", "SCONJ", "DET"):
        return True
    if not (last.pos_ == "ADP" and last.dep_ != "prt") and not (
        last.pos_ == "PART" and last.lower_ == "to"
    ):
        return False
    sentence = last.sent
    if not any(t.is_alpha for t in last.doc[last.i + 1 : sentence.end]):
        return False
    after = last.doc[last.i + 1 : min(last.i + 3, len(last.doc))]
    if len(after) and after[0].text in (",", "?", "!") and any(t.is_quote for t in after):
        return False
    return not any(span.start <= c.i < span.end for c in last.children)


def _parenthetical_host(doc: Doc, attribution: Attribution) -> Span | None:
    """The clause a parenthetical tag stands in ("The mayor, | they say, | has lost the trust"),
    from its sentence's start to the content's end, where the tag sits between commas after
    the clause's first words and the whole is a proposition; else None."""
    content, cue = attribution.content, attribution.cue
    frame = attribution.source.start if attribution.source is not None else cue.start
    frame = min(frame, cue.start)
    text = text_of(doc)
    if content is None or content.start < cue.end or text[cue.end:content.start].strip() != ",":
        return None
    if not text[max(0, frame - 20):frame].rstrip().endswith(","):  # a window: no copy of the text before
        return None
    token = doc.char_span(frame, cue.end, alignment_mode="expand")
    if token is None:
        return None
    sentence = token[0].sent
    if sentence.start_char >= frame - 2 or sentence.end_char < content.end:
        return None
    host = _trimmed(doc, sentence.start_char, content.end)
    return host if host is not None and _is_proposition(host) else None


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """Drop surrounding punctuation and space, but keep a closing quote whose opening stays;
    a run cut off before its next conjunct loses the conjunction too ("... list and")."""
    span = _trimmed_chars(doc, start, end)
    while span is not None and len(span) > 1 and span[-1].pos_ == "CCONJ":
        span = _trimmed_chars(doc, span.start_char, span[-1].idx)
    return span


def _trimmed_chars(doc: Doc, start: int, end: int) -> Span | None:
    text = text_of(doc)
    while start < end and text[start] in _TRIM:
        if text[start] in "\"“‘'" and _closes_quote(text[start + 1 : end]):
            break
        start += 1
    while end > start and text[end - 1] in _TRIM:
        if text[end - 1] in "\"”’'" and _opens_quote(text[start : end - 1]):
            break
        end -= 1
    if start >= end:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _closes_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("”") > text.count("“")


def _opens_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _own_uncertainty(span: Span, sentence: Span, score: dict[str, float]) -> float:
    """The learned uncertainty of a claim that stands for its sentence; 0 for a part of one.

    The head is a sentence classifier (CoNLL-2010 labels sentences), and in the shared pass
    every piece carries its whole sentence's reading: "The minister cut short his visit and
    said the toll may rise" would hedge the visit too. A claim that is only part of its
    sentence is hedged by the cue words in its own extent alone.
    """
    own = sum(1 for t in span if not t.is_punct and not t.is_space)
    whole = sum(1 for t in sentence if not t.is_punct and not t.is_space)
    return score.get("uncertain", 0.0) if whole and own >= WHOLE_SENTENCE * whole else 0.0


def _span(doc: Doc, part: TextSpan) -> Span | None:
    return doc.char_span(part.start, part.end, alignment_mode="expand")


class _MentionIndex:
    """The entities' mentions by start, built once per document: each claim (and each of its
    subjects and objects) asks for the mentions inside a character range by bisection, not by
    going over every mention of every entity (quadratic on long texts)."""

    def __init__(self, entities: list[Entity]):
        mentions = sorted((m.start, m.end, i) for i, e in enumerate(entities) for m in e.mentions)
        self._starts = [start for start, _, _ in mentions]
        self._mentions = mentions
        self._entities = entities

    def within(self, start: int, end: int) -> list[int]:
        """Indices, in the entities' order, of the entities with a mention inside [start, end]."""
        low, high = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return sorted({i for _, m_end, i in self._mentions[low:high] if m_end <= end})

    def ids(self, indices: list[int]) -> list[str]:
        return [self._entities[i].id for i in indices]


def _entities_in(span: Span, mentions: _MentionIndex) -> list[str]:
    return mentions.ids(mentions.within(span.start_char, span.end_char))


def _subject_object(span: Span, mentions: _MentionIndex) -> tuple[str | None, str | None]:
    """Entities under the subject and the object of the claim's main verb, where parsed."""
    root = span.root
    subject = obj = None
    for child in root.children:
        if child.dep_ in SUBJECT_DEPS and subject is None:
            subject = _entity_under(child, mentions)
        elif child.dep_ in OBJECT_DEPS and obj is None:
            obj = _entity_under(child, mentions)
        elif child.dep_ in ("prep", "agent") and obj is None:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    obj = _entity_under(grandchild, mentions)
    return subject, obj


def _entity_under(token, mentions: _MentionIndex) -> str | None:
    """The first entity (in the entities' order) with a mention inside the token's subtree."""
    subtree = list(token.subtree)
    found = mentions.within(subtree[0].idx, subtree[-1].idx + len(subtree[-1]))
    return mentions.ids(found[:1])[0] if found else None


@Language.factory(
    "claimscope_claims",
    assigns=["doc.spans", "doc._.claims"],
    requires=["doc._.entities", "doc._.attributions"],  # source_entity set by claimscope_speakers
    default_config={"model_dir": None},
)
def make_claims(nlp: Language, name: str, model_dir: str | None):
    ensure_extensions()
    return ClaimExtractor(nlp, name, model_dir=model_dir)
