"""claimscope_attribution: who said what, tagged by a token model trained on PolNeAR.

The component windows the Doc by sentences (a content often fills one sentence while its source
and cue sit in the next), runs the shipped ONNX tagger (source / cue / content in BIO) on windows that
tile the text (`window_overlap` > 0 lets neighbouring windows share that many sentences, whose
probabilities are averaged), decodes role spans in characters, widens them to whole words and groups them into attributions
(rules in `claimscope.nlp.attribution_spans`). The model's config.json "decoding" may turn on
constrained (Viterbi) BIO decoding, cue recovery in sentences without a cue and dropping cues
without source or content.

Groups that do not read as attributions are dropped and contents lose their own source and
cue (`claimscope.nlp.attribution_filter`). Where the tagger found a source and cue but no
content, the rest of the cue's sentence is the content ("Patrols reported forty incidents"), unless
that rest only says when or where ("..., Marsh said Tuesday on the radio"): then the clause the
cue governs before its source is.
Where it found no source for a participle or a second verb ("X said A, adding B"), the source
is the subject of the clause the cue hangs on (`claimscope.nlp.attribution_governor`). A content
the tagger stopped short of its clause's end, or ran into a conjunction or the writer's rebuttal,
is set to the clause's edge (`claimscope.nlp.attribution_edges`).

Sets `doc.spans["attribution_source" | "attribution_cue" | "attribution_content"]`,
`doc._.stances` (the desires, positions and acts PolNeAR annotates beside sayings, ids `s0`,
`s1`, ...: reported, never counted as statements) and `doc._.attributions` (list of `claimscope.model.records.Attribution`, ids `a0`, `a1`, ... in cue
order; a group whose content sits on both sides of its cue gives one record per side). This
component owns the source, cue and content of every attribution, and the span
groups hold exactly the spans of the records; `source_entity` stays None: the speaker
component (`claimscope_speakers`) owns it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from claimscope.model.records import Attribution, TextSpan
from claimscope.nlp.attribution_edges import complete_contents
from claimscope.nlp.attribution_filter import (
    CUE_MODES,
    ends_in_object_preposition,
    record_sides,
    split_groups,
    with_negated_verbs,
)
from claimscope.nlp.attribution_filter import (
    lexicon as filter_lexicon,
)
from claimscope.nlp.attribution_governor import with_governing_sources
from claimscope.nlp.attribution_junk import rules_version, split_junk
from claimscope.nlp.attribution_quotes import narrator_sentence_apart, quote_after_frame
from claimscope.nlp.attribution_records import record_edges
from claimscope.nlp.attribution_spans import (
    Group,
    RoleSpan,
    decode_bio,
    drop_bare,
    group_spans,
    merge_adjacent,
    plan_windows,
    quote_kind,
    quoted_mask,
    recover_cues,
    snap_to_words,
)
from claimscope.nlp.extensions import ensure_extensions, text_of
from claimscope.nlp.sentence_units import sentence_bounds

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "attribution"
HEAD = "roles"
SPAN_KEYS = {"source": "attribution_source", "cue": "attribution_cue", "content": "attribution_content"}
EDGE = 32  # pieces this close to a window edge count less: they lack context on one side
# Sentences shared by consecutive windows (None = windows advance by half a window). 0 (tiling)
# costs half the compute of half-overlap and, on the validation part of PolNeAR train, scores
# within 0.005 overlap F1 of the best setting for every role (MODEL_CARD.md, "Speed").
DEFAULT_OVERLAP = 0


# Which cues make an indirect attribution (`attribution_filter.keeps`): "strict" (sayings,
# thoughts, reports, findings only: the audit of issue 9 found actions, desires and hedges to be
# most of the junk), "polnear" (strict plus the cue words PolNeAR annotates) or "broad".
DEFAULT_CUES = "strict"
MIN_RECOVERED_WORDS = 2  # a content read off the cue's sentence needs this many words


@Language.factory(
    "claimscope_attribution",
    assigns=["doc.spans", "doc._.attributions", "doc._.stances"],
    default_config={"model_dir": None, "window_tokens": 254, "window_overlap": DEFAULT_OVERLAP,
                    "threads": None, "cues": DEFAULT_CUES},
)
def make_attribution(nlp: Language, name: str, model_dir: str | None, window_tokens: int,
                     window_overlap: int | None, threads: int | None, cues: str = DEFAULT_CUES):
    ensure_extensions()
    return AttributionTagger(name=name, model_dir=model_dir, window_tokens=window_tokens,
                             window_overlap=window_overlap, threads=threads, cues=cues)


class AttributionTagger:
    def __init__(self, *, name: str = "claimscope_attribution", model_dir: str | Path | None = None,
                 window_tokens: int = 254, window_overlap: int | None = DEFAULT_OVERLAP,
                 threads: int | None = None, cues: str = DEFAULT_CUES):
        if cues not in CUE_MODES:
            raise ValueError(f"cues must be one of {', '.join(CUE_MODES)}, not {cues!r}")
        self.name = name
        self.cues = cues
        self.model_dir = Path(model_dir) if model_dir else DEFAULT_MODEL_DIR
        self.window_tokens = window_tokens
        self.window_overlap = window_overlap
        self.threads = threads
        self._model = None  # loaded on first use: building a pipeline stays cheap

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        self._model = self.model  # load now rather than on the first Doc

    @property
    def model(self):
        if self._model is None:
            from claimscope.runtime.onnx_model import load_model

            self._model = load_model(str(self.model_dir), self.threads)
        return self._model

    @property
    def model_version(self) -> str:
        """The shipped model's config.json "version" and the rules' version
        (`attribution_junk.rules_version`): the JSON `components` block names both, as
        "1.3.1+rules-1.4.8"; a change of either changes what this component outputs."""
        return f"{self.model.config.get('version', '?')}+{rules_version()}"

    def analyse(self, doc: Doc) -> tuple[list[RoleSpan], list[Group]]:
        """Role spans and the statements' grouping, without touching the Doc."""
        spans, statements, _ = self.analyse_kinds(doc)
        return spans, statements

    def analyse_kinds(self, doc: Doc) -> tuple[list[RoleSpan], list[Group], list[Group]]:
        """Role spans, statements and stances (`split_groups`), without touching the Doc (the
        evaluation scores both kinds, as PolNeAR annotates both)."""
        bounds = sentence_bounds(doc)
        spans = tag_text(self.model, text_of(doc), bounds, self.window_tokens, self.window_overlap)
        groups = group_spans(spans, [s for s, _ in bounds])
        if self.model.config.get("decoding", {}).get("drop_bare_cues"):
            groups = drop_bare(groups)
            kept = {(g.cue.start, g.cue.end) for g in groups}
            spans = [s for s in spans if s.role != "cue" or (s.start, s.end) in kept]
        statements, stances = split_groups(doc, with_negated_verbs(doc, groups), self.cues)
        return spans, statements, stances

    def output_groups(self, doc: Doc) -> tuple[list[Group], list[Group]]:
        """The statements and stances the component outputs: a statement with a source and cue
        but no content takes the rest of its sentence, and quotations continued in later
        paragraphs are statements too (the evaluation scores these)."""
        _, groups, stances = self.analyse_kinds(doc)
        return with_contents(doc, groups, stances)

    def __call__(self, doc: Doc) -> Doc:
        groups, stances = self.output_groups(doc)
        doc._.stances = [dataclasses.replace(a, id=f"s{i}") for i, a in enumerate(to_records(text_of(doc), stances))]
        sides = [r for r in (record_sides(doc, g) for g in groups) if r is not None]
        text = text_of(doc)
        sides = quote_after_frame(text, closed_quotes_apart(text, narrator_sentence_apart(text, sides)))
        attributions = record_edges(doc, antecedent_sources(doc, to_records(text, sides)))
        parts = {"source": [], "cue": [], "content": []}
        for a in attributions:
            parts["cue"].append(a.cue)
            if a.source is not None:
                parts["source"].append(a.source)
            if a.content is not None:
                parts["content"].append(a.content)
        for role, key in SPAN_KEYS.items():
            doc.spans[key] = [
                span for span in (_char_span(doc, p.start, p.end, role) for p in parts[role])
                if span is not None
            ]
        doc._.attributions = attributions
        return doc


QUOTE_OPENERS = "\"“"


def with_contents(doc: Doc, groups: list[Group], stances: list[Group]) -> tuple[list[Group], list[Group]]:
    """Statements with their contents found, and the stances. A statement with a source and cue
    but no content takes the rest of its sentence; one with nothing said even so ("Biden ...
    claiming", "made the statement in response to") is no statement: shown as a stance, never
    counted. Quotations continued in later paragraphs are statements too."""
    if doc.has_annotation("SENT_START"):
        groups = [_with_content_after_cue(doc, _with_colon_paragraph(doc, g)) for g in groups]
    groups = complete_contents(doc, with_governing_sources(doc, groups))
    # a content that says nothing true or false ("condemned | the omission", "asked | to be
    # anonymous") makes no statement either (`attribution_junk`)
    groups, junk = split_junk(doc, groups)
    stances = sorted(stances + junk + [g for g in groups if not g.contents], key=lambda g: g.cue.start)
    groups = [g for g in groups if g.contents]
    groups = sorted(groups + continued_quotes(text_of(doc), groups), key=lambda g: g.cue.start)
    return groups, stances


def continued_quotes(text: str, groups: list[Group]) -> list[Group]:
    """A paragraph that is one quotation and follows a quoted attribution goes on quoting.

    News puts the rest of a speech in paragraphs of their own, with no "she said":
    '"We are recruiting abroad," Mr Hollis said.' then '"The problem is pay."' Each such
    paragraph becomes an attribution whose cue is its opening quotation mark (a quote frame)
    and whose content is the quotation; it has no source span: the speaker component gives it
    the speaker of the quotation it continues.
    """
    mask = quoted_mask(text)
    paragraphs, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((at, at + len(line)))
        at += len(line) + 1
    covered = [(g.cue.start, g.cue.end) for g in groups] + [(c.start, c.end) for g in groups for c in g.contents]
    quoted = {i for i, (s, e) in enumerate(paragraphs)
              if any(s <= c.start < e and mask[c.start:c.end].any() for g in groups for c in g.contents)}
    found = []
    for i, (start, end) in enumerate(paragraphs):
        body = text[start:end]
        opening = start + len(body) - len(body.lstrip())
        if i == 0 or i - 1 not in quoted or text[opening] not in QUOTE_OPENERS:
            continue
        closing = max(text.rfind("”", opening, end), text.rfind('"', opening + 1, end))
        if closing <= opening + 1 or text[closing + 1 : end].strip(" .!?,;:") or any(
                s < end and start < e for s, e in covered):
            continue
        found.append(Group(cue=RoleSpan("cue", opening, opening + 1, 1.0),
                           contents=[RoleSpan("content", opening + 1, closing, 1.0)]))
        quoted.add(i)
    return found


# A full stop, not "?" or "!": '"Why now?" she asked.' is tagged after its question mark.
_CLOSED = re.compile(r"\.[\"”’]\s*$")


def closed_quotes_apart(text: str, groups: list[Group]) -> list[Group]:
    """A quotation closed by a full stop before a source and cue is not theirs.

    '"We are recruiting," said Hollis. "The first nurses arrive in March." Berridge said pay
    was the problem.': news style tags a quotation after a comma ("...," she said), so the
    second quotation goes on with Hollis, not with Berridge, whose content is what follows her
    cue. That side becomes a quotation of its own (cue: its opening mark, no source, as in
    `continued_quotes`); the speaker component gives it the speaker of the quotation before it.
    Records only: the evaluation scores the tagger's grouping as it is."""
    out = []
    for group in groups:
        frame = [p for p in (group.source, group.cue) if p is not None]
        left = [c for c in group.contents if c.end <= min(p.start for p in frame)]
        right = [c for c in group.contents if c.start >= max(p.end for p in frame)]
        if group.source is None or not left or not right:
            out.append(group)
            continue
        start, end = min(c.start for c in left), max(c.end for c in left)
        opening = start if text[start] in QUOTE_OPENERS else start - 1
        if opening < 0 or text[opening] not in QUOTE_OPENERS or not _CLOSED.search(text[start:end + 1]) or (
                "\n" in text[end:group.cue.start]):
            out.append(group)
            continue
        out.append(Group(cue=group.cue, source=group.source,
                         contents=[c for c in group.contents if c not in left]))
        out.append(Group(cue=RoleSpan("cue", opening, opening + 1, group.cue.score),
                         contents=[RoleSpan("content", max(start, opening + 1), end, group.cue.score)]))
    return sorted(out, key=lambda g: g.cue.start)


def _with_content_after_cue(doc: Doc, group: Group) -> Group:
    """A group with a source and cue but no content takes the rest of the cue's sentence."""
    if group.contents or group.source is None:
        return group
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    if cue is None:
        return group
    sentence = cue[-1].sent
    text = text_of(doc)
    start, end = cue.end_char, sentence.end_char
    while start < end and not (text[start].isalnum() or text[start] in "\"“"):
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "\"”":
        end -= 1
    rest = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    before = _clause_before_source(doc, cue, group.source)
    if before is not None and (rest is None or not any(t.pos_ in ("VERB", "AUX") for t in rest)):
        # '..., NPR's Gjelten said Monday on Morning Edition.': what follows the cue is when and
        # where; what was said is the clause before the source.
        return Group(cue=group.cue, source=group.source,
                     contents=[RoleSpan("content", before[0], before[1], group.cue.score)])
    if rest is None or sum(t.is_alpha for t in rest) < MIN_RECOVERED_WORDS:
        return group
    if not any(t.pos_ in ("VERB", "AUX", "NOUN", "PROPN") for t in rest):
        return group
    if rest[0].pos_ == "ADP" and not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return group  # '"...," Mukpo wrote on Friday.': the rest is a circumstance, not what was said
    if ends_in_object_preposition(cue) and not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return group  # "made the statement in response to | criticism from ...": an object, no saying
    return Group(cue=group.cue, source=group.source,
                 contents=[RoleSpan("content", rest.start_char, rest.end_char, group.cue.score)])


def _with_colon_paragraph(doc: Doc, group: Group) -> Group:
    """'As for his motive, the Guardian writes that:' then the quoted passage as a paragraph of
    its own: a cue that ends its paragraph with a colon introduces the next paragraph. The
    tagger's content before the cue ("his motive", a phrase without a verb) is only the topic.
    A content with a verb, or one after the cue, is left as it is."""
    text = text_of(doc)
    at = group.cue.end
    while at < len(text) and text[at] in " \t":
        at += 1
    if not (text[group.cue.start:at].rstrip().endswith(":") or text[at:at + 1] == ":"):
        return group
    colon = text.find(":", group.cue.end - 1, at + 1)
    line_end = colon + 1
    while line_end < len(text) and text[line_end] in " \t":
        line_end += 1
    if text[line_end:line_end + 1] != "\n" or any(c.start >= group.cue.end for c in group.contents):
        return group
    for c in group.contents:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            return group
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    if len(text[start:end].split()) < 3:
        return group
    return Group(cue=group.cue, source=group.source,
                 contents=[RoleSpan("content", start, end, group.cue.score)])


_EDGE_MARKS = " \t\n\"'“”‘’,;:—–-"


def _clause_before_source(doc: Doc, cue, source: RoleSpan) -> tuple[int, int] | None:
    """The complement clause a final "X said" governs from before its source, or None: the
    clause (ccomp) of the cue's verb that ends right before the source (the verb's subject), in
    the cue's sentence, with a verb and at least three words, without its edge punctuation and
    quotation marks."""
    verbs = [t for t in cue if t.pos_ == "VERB"]
    if not verbs:
        return None
    verb = verbs[0]
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.idx < source.start
               and c.left_edge.sent == verb.sent]
    if not clauses:
        return None
    clause = clauses[0]
    text = text_of(doc)
    # the clause right before "X said", X the verb's own subject: "Spicer at first evaded ...,
    # then when Karl pressed him, said no" is no report of Karl's
    if text[clause.right_edge.idx + len(clause.right_edge):source.start].strip(_EDGE_MARKS) or not any(
            c.dep_ == "nsubj" and source.start <= c.idx < source.end for c in verb.children):
        return None
    start = clause.left_edge.idx
    end = clause.right_edge.idx + len(clause.right_edge)
    while start < end and text[start] in _EDGE_MARKS:
        start += 1
    while end > start and text[end - 1] in _EDGE_MARKS:
        end -= 1
    if text[start:end].count('"') % 2 == 1 and text[end:end + 1] == '"' or (
            text[start:end].count("“") > text[start:end].count("”") and text[end:end + 1] == "”"):
        end += 1  # a quotation the clause opened closes with it
    if len(text[start:end].split()) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in clause.subtree):
        return None
    return start, end


def _char_span(doc: Doc, start: int, end: int, label: str):
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _units(model, text: str, bounds: list[tuple[int, int]], budget: int) -> list[tuple[int, int, int]]:
    """(start, end, pieces) per sentence; a sentence over the budget is cut at piece boundaries."""
    pieces = model.tokenizer.encode_batch([text[s:e] for s, e in bounds], add_special_tokens=False)
    units = []
    for (start, end), enc in zip(bounds, pieces):
        n = len(enc.ids)
        if n == 0:
            continue
        offsets = enc.offsets
        for at in range(0, n, budget):
            last = min(n, at + budget)
            unit_start = start if at == 0 else start + offsets[at][0]
            unit_end = end if last == n else start + offsets[last][0]
            units.append((unit_start, unit_end, last - at))
    return units


def piece_probs(model, text: str, bounds: list[tuple[int, int]], budget: int,
                overlap: int | None = None):
    """(starts, ends, probs) of every piece of the text; overlapping windows are averaged.

    `overlap`: sentences shared by consecutive windows (None: half a window; see `plan_windows`).
    """
    units = _units(model, text, bounds, budget)
    if not units:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros((0, 1))
    plan = plan_windows([u[2] for u in units], budget, overlap)
    starts = [units[i][0] for i, _ in plan]
    ends = [units[j - 1][1] for _, j in plan]
    outputs = model.run([text[s:e] for s, e in zip(starts, ends)])
    sums: dict[tuple[int, int], np.ndarray] = {}
    for base, out in zip(starts, outputs):
        probs = out.heads[HEAD]
        n = len(probs)
        position = np.arange(n)
        weight = np.minimum(np.minimum(position + 1, n - position), EDGE).astype(np.float32)
        for k in range(n):
            key = (base + int(out.offsets[k, 0]), base + int(out.offsets[k, 1]))
            if key in sums:
                sums[key] += weight[k] * probs[k]
            else:
                sums[key] = weight[k] * probs[k]
    keys = sorted(sums)
    probs = np.stack([sums[k] / sums[k].sum() for k in keys])
    return np.array([k[0] for k in keys]), np.array([k[1] for k in keys]), probs


def tag_text(model, text: str, bounds: list[tuple[int, int]], budget: int,
             overlap: int | None = None) -> list[RoleSpan]:
    """Role spans of one text, tagged window by window."""
    starts, ends, probs = piece_probs(model, text, bounds, budget, overlap)
    if len(starts) == 0:
        return []
    labels = model.labels(HEAD)
    # Per-label weights from the model's config ("decoding": {"label_weights": {...}}), chosen
    # on the validation part of the training data: the tagger under-predicts sources.
    decoding = model.config.get("decoding", {})
    weights = decoding.get("label_weights", {})
    weighted = probs
    if weights:
        weighted = probs * np.array([weights.get(label, 1.0) for label in labels], dtype=probs.dtype)
    # "bio": "constrained" decodes the best valid BIO sequence (Viterbi) rather than argmax.
    constrained = decoding.get("bio") == "constrained"
    spans = merge_adjacent(
        snap_to_words(decode_bio(starts, ends, weighted, labels, constrained=constrained), text), text
    )
    # Sentences with a source or content but no cue get the cue the tagger nearly chose
    # ("recover_cue_threshold" in the config; absent = off).
    threshold = decoding.get("recover_cue_threshold")
    if threshold is not None:
        cue_prob = sum(probs[:, labels.index(t)] for t in ("B-CUE", "I-CUE") if t in labels)
        found = recover_cues(spans, starts, ends, cue_prob, [s for s, _ in bounds], float(threshold))
        if found:
            spans = merge_adjacent(snap_to_words(list(spans) + found, text), text)
    return spans


MIN_SIDE_WORDS = 3
_FUNCTION_WORDS = {"by", "of", "to", "for", "on", "in", "at", "with", "from", "and", "or", "the", "a", "an"}


def content_sides(group: Group, text: str) -> list[tuple[int, int] | None]:
    """The contents of a group's records: the extent of its fragments, or, where fragments sit
    on both sides of their own source and cue ('"A," he said, "B."'), one extent per side, so
    that a record's content never contains its own source or cue."""
    extent = group.content_extent
    if extent is None:
        return [None]
    frame = [p for p in (group.source, group.cue) if p is not None]
    left, right = min(p.start for p in frame), max(p.end for p in frame)
    if not (extent[0] < right and left < extent[1]):
        return [extent]
    sides = [[c for c in group.contents if c.end <= left], [c for c in group.contents if c.start >= right]]
    extents = [(min(c.start for c in side), max(c.end for c in side)) for side in sides if side]
    agent = group.source is not None and text[:group.source.start].rstrip().lower().endswith(" by")
    if not extents and agent and not set(text[extent[0]:extent[1]].lower().split()) <= _FUNCTION_WORDS and not any(
            c.start < p.end and p.start < c.end for c in group.contents for p in frame):
        # "has been accused of | sexual misconduct | by | at least 20 women": a content between
        # the cue and a passive's agent holds neither ("disclosed | by | authorities" holds no claim)
        return [extent]
    # "Change, he says, will be slow": a side of a word or two is no claim of its own.
    whole = [e for e in extents if len(text[e[0]:e[1]].split()) >= MIN_SIDE_WORDS]
    return whole or sorted(extents, key=lambda e: e[0] - e[1])[:1] or [None]


def to_records(text: str, groups: list[Group]) -> list[Attribution]:
    """One record per group, or per side of its cue when its content sits on both sides."""
    mask = quoted_mask(text)
    records = []
    for group in groups:
        for extent in content_sides(group, text):
            if extent is None and group.contents:
                continue  # "were not immediately disclosed | by | authorities": no side holds a content
            fragments = [(c.start, c.end) for c in group.contents
                         if extent and c.start >= extent[0] and c.end <= extent[1]]
            records.append(Attribution(
                id=f"a{len(records)}",
                kind=quote_kind(text, fragments, mask) if fragments else "indirect",
                cue=_record_cue(text, group.cue),
                content=TextSpan.cut(text, *_content_after_edge(text, extent, group.cue)) if extent else None,
                source=_unless_expletive(text, _record_source(text, group.source), group.cue),
                score=round(group.cue.score, 4),
            ))
    return records


_WORD_AT = re.compile(r"[A-Za-z]+")


def _record_cue(text: str, cue: RoleSpan) -> TextSpan:
    """A record's cue without the writer's judgement of the saying: "falsely claimed" ->
    "claimed", "has wrongly said" -> "said" (the adverb is the writer's, not the speaker's).
    Only an evaluative adverb (`attribution.json` "evaluative_adverbs") before the cue's last
    word; "repeatedly said" and "also warned" keep theirs. Nor does it keep when or how openly
    the saying was made at its edges (`_edges_left_out`). The groups keep both (the evaluation
    scores them as tagged)."""
    evaluative = set(filter_lexicon()["evaluative_adverbs"])
    words = list(_WORD_AT.finditer(text, cue.start, cue.end))
    start = cue.start
    for word in words[:-1]:
        if word.group().lower() in evaluative:
            start = words[words.index(word) + 1].start()
    kept = [w for w in words if w.start() >= start]
    start, end = _edges_left_out(kept, start, cue.end)
    return TextSpan.cut(text, start, end)


def _content_after_edge(text: str, extent: tuple[int, int], cue: RoleSpan) -> tuple[int, int]:
    """A record's content right after its cue without a word of when or how openly it was said
    that the tagger gave it ("said | Wednesday he would not run" -> "he would not run", "argues |
    strenuously is a good one" -> "is a good one"; `attribution.json` "content_edge_words"). A
    possessive stays ("said | Friday's vote was rigged")."""
    start, end = extent
    if text[cue.end:start].strip():
        return extent
    word = _WORD_AT.match(text, start)
    if word is None or word.group().lower() not in filter_lexicon()["content_edge_words"]:
        return extent
    rest = text[word.end():end]
    if not rest[:1].isspace() or len(rest.split()) < 2:
        return extent
    return word.end() + len(rest) - len(rest.lstrip()), end


_PASSIVE_AUX = {"was", "were", "is", "are", "been", "be", "being"}


def _edges_left_out(words: list[re.Match], start: int, end: int) -> tuple[int, int]:
    """A cue's extent without the words of when and how openly it was said at its edges
    (`attribution.json` "cue_edge_words"): "said Friday" -> "said", "recently told" -> "told",
    "has said previously" -> "has said", "openly worry" -> "worry"; and without a preposition
    the cue ran on into, after such a word ("said on Friday") or after a passive ("was asked on
    Fox News" -> "was asked"). A preposition of an active cue stays ("commented on", "weighed
    in"), and so does a word inside the cue ("has recently said": its auxiliary stays with it).
    Whatever is left out, one word stays."""
    lexicon = filter_lexicon()
    edge = set(lexicon["cue_edge_words"])
    prepositions = set(lexicon["cue_edge_prepositions"])
    passive = any(w.group().lower() in _PASSIVE_AUX for w in words)
    first, last = 0, len(words)
    while last - first > 1 and words[first].group().lower() in edge:
        first += 1
    stripped = False
    while last - first > 1:
        word = words[last - 1].group().lower()
        if word in edge:
            stripped = True
        elif not (word in prepositions and (stripped or passive)):
            break
        last -= 1
    # only a side that lost a word moves ("said:" and "’d think" keep their marks)
    return (words[first].start() if first else start), (words[last - 1].end() if last < len(words) else end)


def _unless_expletive(text: str, source: TextSpan | None, cue: RoleSpan) -> TextSpan | None:
    """No source for the expletive "it" of an agentless passive ("It was announced Tuesday
    that ...", "It is believed that ..."): nobody is named as the speaker. "It said that ..."
    (a company's "it") keeps its source."""
    if source is None or source.text.lower() != "it":
        return source
    words = _WORD_AT.findall(text, cue.start, cue.end)
    return None if len(words) >= 2 and words[0].lower() in _PASSIVE_AUX else source


def antecedent_sources(doc: Doc, records: list[Attribution]) -> list[Attribution]:
    """A record whose source is a relative pronoun ("others in the party, who say ...") takes
    the pronoun's antecedent as its source ("others in the party"): "who" names nobody. The
    groups keep the pronoun (PolNeAR marks it)."""
    return [_with_antecedent(doc, r) for r in records]


def _nested_noun(noun) -> bool:
    """A noun inside a noun's prepositional phrase ("others within the party who say"): the
    relative clause may belong to either noun, and the parse's pick is a guess."""
    return noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN", "PRON")


def _with_antecedent(doc: Doc, record: Attribution) -> Attribution:
    source = record.source
    if source is None or source.text.lower() not in ("who", "that", "which"):
        return record
    span = doc.char_span(source.start, source.end)
    if span is None or len(span) != 1 or span[0].head.dep_ != "relcl":
        return record
    pronoun, noun = span[0], span[0].head.head
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.i >= pronoun.i or _nested_noun(noun):
        return record
    start, end = noun.left_edge.i, pronoun.i
    while start < noun.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > noun.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    words = doc[start:end]
    if any(t.pos_ in ("VERB", "AUX") or t.tag_ in ("WDT", "WP") for t in words):
        return record  # "the article in which his comments appear, which says": not a plain noun phrase
    return dataclasses.replace(record, source=TextSpan.cut(text_of(doc), words.start_char, words.end_char))


def _record_source(text: str, source: RoleSpan | None) -> TextSpan | None:
    """A record's source without the punctuation that closes an apposition ("Mr. Dunn," ->
    "Mr. Dunn"): a name ends on its last word. The groups keep it (PolNeAR marks "X, the chair
    of Y," with its commas, and the evaluation scores the groups)."""
    if source is None:
        return None
    end = source.end
    while end > source.start and (text[end - 1] in ",;:—–-" or text[end - 1].isspace()):
        end -= 1
    return TextSpan.cut(text, source.start, end if end > source.start else source.end)


def groups_as_json(groups: list[Group]) -> list[dict]:
    """The eval output: source / cue / content as [start, end] (content = extent of fragments)."""
    out = []
    for group in groups:
        extent = group.content_extent
        out.append({
            "source": [group.source.start, group.source.end] if group.source else None,
            "cue": [group.cue.start, group.cue.end],
            "content": list(extent) if extent else None,
            "content_fragments": [[c.start, c.end] for c in group.contents],
        })
    return out
