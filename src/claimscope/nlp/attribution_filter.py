"""What the tagger proposes must read as an attribution before it is one (issue 9, "no junk").

A group (cue, source, content fragments from `attribution_spans.group_spans`) is kept when its
cue is a word of saying, thinking, reporting or showing ("said", "warned", "statement",
"according to"), a colon or quotation frame, or a verb whose source (when there is one) can
speak (a name, a pronoun, "officials", "the ad"); "Gross domestic product | measures" and
"blind allegiance" are not. PolNeAR, which the tagger learned from, also marks stances
("openly admires", "backed"), so a verb is enough where nothing says otherwise. Content
fragments lose any part that overlaps their own source or cue; a content of fewer than `min_content_words` words without a verb, name or noun ("a") is no
proposition (the group then stays only if it has a source). Word lists are data in `lexicons/attribution.json`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from claimscope.nlp.attribution_spans import Group, RoleSpan, quote_kind, quoted_mask
from claimscope.nlp.cues import lexicon as cue_lexicon
from claimscope.nlp.extensions import text_of

LEXICON = Path(__file__).parent / "lexicons" / "attribution.json"
REPORTING = Path(__file__).parent / "lexicons" / "reporting.json"
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    data["cue_verbs"] = set(data["cue_verbs"])
    data["cue_nouns"] = set(data["cue_nouns"])
    data["agent_nouns"] = set(data["agent_nouns"])
    return data


@lru_cache(maxsize=1)
def reporting_lexicon() -> dict:
    data = json.loads(REPORTING.read_text(encoding="utf-8"))
    for key in ("reporting_verbs", "conditional_verbs", "intention_verbs", "hedges", "reporting_nouns",
                "verbs_of_choice", "clause_verbs",
                "noun_frame_words", "stance_adjectives", "polnear_cues"):
        data[key] = set(data[key])
    return data


def base_forms(word: str) -> set[str]:
    """Candidate base forms of an inflected English word ("warned" -> "warn", "cries" -> "cry")."""
    lex = lexicon()
    forms = {word}
    if word in lex["irregular_forms"]:
        forms.add(lex["irregular_forms"][word])
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                 ("ed", ("", "e")), ("d", ("",)), ("ing", ("", "e"))):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            for r in replacements:
                forms.add(stem + r)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "planned" -> "plan"
    return forms


def is_cue_word(word: str) -> bool:
    lex = lexicon()
    forms = base_forms(word)
    return bool(forms & lex["cue_verbs"]) or bool(forms & lex["cue_nouns"])


def _span(doc: Doc, part: RoleSpan | None) -> Span | None:
    if part is None:
        return None
    return doc.char_span(part.start, part.end, alignment_mode="expand")


def speaks(doc: Doc, source: RoleSpan | None) -> bool:
    """Whether a source phrase names something that can say or show: a name, a pronoun, a
    person, group, document or work ("the ad", "the film")."""
    span = _span(doc, source)
    if span is None or len(span) == 0:
        return False
    agents = lexicon()["agent_nouns"]
    if any(t.pos_ == "PROPN" or t.pos_ == "PRON" for t in span):
        return True
    # A capitalised word the tagger took for a verb is a name ("Trump openly admires ..."
    # opening a sentence); a capitalised adjective or noun there is just the sentence start.
    if any(t.is_title and t.pos_ not in ("NOUN", "ADJ", "DET", "ADP", "NUM") for t in span):
        return True
    return any(base_forms(t.lower_) & agents for t in span if t.is_alpha)


def cue_is_attribution(doc: Doc, group: Group) -> bool:
    """A cue of saying, thinking, reporting or showing; a colon or quotation frame; or a verb
    (not a lone auxiliary) whose source, if the tagger found one, can speak."""
    text = text_of(doc)[group.cue.start : group.cue.end]
    lower = text.lower()
    if not any(c.isalnum() for c in text):
        return True  # a colon or quotation frame
    if any(frame in lower for frame in lexicon()["frames"]):
        return True
    if any(is_cue_word(w) for w in _WORD.findall(lower)):
        return True
    cue = _span(doc, group.cue)
    if cue is None:
        return False
    if any(t.pos_ == "VERB" for t in cue):
        return group.source is None or speaks(doc, group.source)
    # "has been critical of", "passionate about", "may": a stance or a modal said of a source
    # that can hold one; without such a source it is no one's ("it was unclear", "obvious").
    if any(t.pos_ in ("ADJ", "AUX") for t in cue):
        return speaks(doc, group.source)
    return False  # "blind allegiance", "pride", "implicitly": no act of saying


def _has_phrase(text: str, phrases) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", text) for p in phrases)


def _infinitive_follows(doc: Doc, cue: Span) -> bool:
    """'hoping to win', 'is expected to': the cue is followed by (or ends in) a bare 'to'."""
    if cue[-1].lower_ == "to":
        return True
    return cue.end < len(doc) and doc[cue.end].lower_ == "to"


def _reporting_noun(token) -> bool:
    """A reporting noun in a frame: 'in a statement', 'the claim that', 'his remarks'; not a bare
    plural heading a clause ('Calls to abolish the agency')."""
    lex = reporting_lexicon()
    if not (base_forms(token.lower_) & lex["reporting_nouns"]):
        return False
    frame = lex["noun_frame_words"]
    return any(c.lower_ in frame for c in token.children) or (
        token.i > 0 and token.doc[token.i - 1].lower_ in frame) or _has_that_clause(token)


def _has_that_clause(noun) -> bool:
    """ "rejected claims [that Russia had interfered]": a bare plural is framed by the
    that-clause it governs, what was said. Not a relative clause the parser labels alike
    ("repeated claims [that he had heard from voters]"): its verb is one a claim noun is the
    object of (the cue lexicon's `claim_noun_verbs`), the "that" standing for that object."""
    verbs = set(cue_lexicon()["claim_noun_verbs"])
    return any(c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and c.lemma_.lower() not in verbs and any(
        m.lower_ == "that" and m.dep_ == "mark" and noun.i < m.i < c.i for m in c.children)
        for c in noun.children)


def _governed_from_outside(token, cue: Span) -> bool:
    """An infinitive ("to explain", "to say") whose governing verb lies outside the cue and is no
    reporting verb: the cue names what someone set out, tried or refused to do ("scrambled to
    explain", "refusing to say"), not what they said."""
    if token.dep_ not in ("xcomp", "advcl") or not any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return False
    head = token.head
    if cue.start <= head.i < cue.end or head.i == token.i:
        return False
    return not (base_forms(head.lower_) & reporting_lexicon()["reporting_verbs"])


def cue_reports(doc: Doc, group: Group) -> bool:
    """The strict test for indirect and mixed attributions: a verb of saying, thinking,
    reporting or showing, a reporting phrase or framed reporting noun, a stance adjective, or
    a colon/quotation frame. Actions ("sued", "unveiled"), desires and intentions ("wants to",
    "plans to"), and hedges ("appears", "allegedly") are not attributions."""
    lex = reporting_lexicon()
    text = text_of(doc)[group.cue.start : group.cue.end]
    lower = " ".join(_WORD.findall(text.lower()))
    if not any(c.isalnum() for c in text):
        return True  # a colon or quotation frame
    cue = _span(doc, group.cue)
    if cue is None:
        return False
    following = " ".join(t.lower_ for t in doc[cue.end : cue.end + 3])
    if _has_phrase(f"{lower} {following}", lex["excluded_phrases"]) and not _has_phrase(lower, lex["phrases"]):
        return False  # "called for McGahn to appear", "responded to Nadler": an act, not a saying
    if _has_phrase(lower, lex["phrases"]) or _has_phrase(lower, lexicon()["frames"]):
        return True
    for token in cue:
        forms = base_forms(token.lower_)
        if forms & lex["hedges"] or forms & lex["intention_verbs"]:
            continue
        verb = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
        if verb and forms & lex["reporting_verbs"]:
            if _governed_from_outside(token, cue):
                continue  # "The White House scrambled Friday [to explain]": an aim or an act
            if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
                continue  # "an attack claimed by the Islamic State group": a participle modifier
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if forms & lex["verbs_of_choice"] and nxt is not None and nxt.tag_ == "VBG":
                continue  # "is considering running ads": an intention
            if forms & lex["clause_verbs"] and any(
                    c.dep_ in ("dobj", "acomp", "attr") and not _reporting_noun(c) for c in token.children):
                continue  # "adds another level of intrigue", "proposes a cut": an object, no saying
            return True
        if verb and forms & lex["conditional_verbs"] and not _infinitive_follows(doc, cue):
            return True  # "One hopes Comey is paying attention", not "hoping to peel away"
        if verb:
            rest = text_of(doc)[token.idx + len(token.text) : token.idx + len(token.text) + 16].lower()
            for base, particles in lex["verbs_needing_particle"].items():
                if base in forms and any(re.match(rf"\s+{re.escape(p)}(?![a-z])", rest) for p in particles):
                    return True
        if token.pos_ in ("NOUN", "PROPN") and _reporting_noun(token):
            return True
        if token.pos_ == "ADJ" and token.lower_ in lex["stance_adjectives"] and speaks(doc, group.source):
            return True
    return False


def _relative_complement(doc: Doc, group: Group, side: list[RoleSpan]) -> bool:
    """A cue in a relative clause whose content after it opens on its verb: "a deal that the
    administration argues | strenuously is a good one" says the deal is a good one; the clause
    before the cue ("what Democrats will do if presented with a deal that") is the sentence the
    relative clause hangs in, not what was argued."""
    cue = _span(doc, group.cue)
    verb = next((t for t in (cue or ()) if t.pos_ == "VERB"), None)
    first = _span(doc, side[0])
    if verb is None or verb.dep_ != "relcl" or first is None:
        return False
    opening = next((t for t in first if t.pos_ != "ADV" and not t.is_punct), None)
    return opening is not None and opening.pos_ in ("VERB", "AUX")


def record_sides(doc: Doc, group: Group) -> Group | None:
    """The group whose content fragments make its records (one per side of the cue): the
    attribution keeps all its fragments (PolNeAR scores them), but a record is a claim, so a
    content on both sides of its own cue ("The American Dream | is seen | as beyond
    reach", "one analyst found X. | The notoriously smoggy") keeps only the sides with a verb
    (the longest if none has one): a verbless side is a piece of the frame, not a claim; of
    a subordinate clause before the cue and a main clause after it, the main clause; of two
    unquoted sides, the one after the cue where only it has a finite verb ("Prior to reaching a
    deal, | both sides said | they would ..."); and not a statement of the writer's from an
    earlier sentence.
    '"In the later spring," he notes, "we've had a period of ..."' gives one record. None when no
    side has a verb, nothing is quoted and there is no source: no record at all."""
    contents = group.contents
    frame = [p for p in (group.source, group.cue) if p is not None]
    if not contents or not frame:
        return group
    left, right = min(p.start for p in frame), max(p.end for p in frame)
    sides = [[c for c in contents if c.end <= left], [c for c in contents if c.start >= right]]
    if not all(sides):
        return group

    def has_verb(side):
        spans = [_span(doc, c) for c in side]
        return any(t.pos_ in ("VERB", "AUX") for s in spans if s is not None for t in s)

    def has_finite(side):
        spans = [_span(doc, c) for c in side]
        return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for s in spans if s is not None for t in s)

    def subordinate(side):
        # Only a subordinate clause: it opens with a conjunction and every phrase it holds hangs
        # on something outside as an adverbial clause. "When there is a gap it is small" holds a
        # main clause; "that there were problems" after its cue is what was said.
        spans = [sp for sp in (_span(doc, c) for c in side) if sp is not None and len(sp)]
        if not spans or spans[0][0].pos_ != "SCONJ":
            return False
        tops = [t for sp in spans for t in sp if not (sp.start <= t.head.i < sp.end)]
        return all(t.dep_ in ("advcl", "mark", "punct", "cc", "advmod") for t in tops)

    def aside(side):
        # '"How did you get home?" Trump said, | echoing a question he was asked': a participle
        # after the cue's comma is the writer's comment on the saying, not more of what was said
        spans = [sp for sp in (_span(doc, c) for c in side) if sp is not None and len(sp)]
        if not spans or quote_kind(text_of(doc), [(c.start, c.end) for c in side]) != "indirect":
            return False
        first = spans[0][0]
        return (first.tag_ == "VBG" and first.dep_ in ("advcl", "xcomp", "conj")
                and first.i > 0 and doc[first.i - 1].text == ",")

    if aside(sides[1]) and quote_kind(text_of(doc), [(c.start, c.end) for c in sides[0]]) != "indirect":
        middle = [c for c in contents if c not in sides[0] and c not in sides[1]]
        return Group(cue=group.cue, source=group.source, contents=sorted(sides[0] + middle, key=lambda c: c.start))
    kept = [side for side in sides if has_verb(side)]
    if not kept and group.source is None and quote_kind(text_of(doc), [(c.start, c.end) for c in contents]) != "direct":
        return None  # "The American Dream | is seen | as beyond reach": pieces of a frame, no claim
    if len(kept) == 2 and subordinate(kept[0]) and not subordinate(kept[1]):
        kept = kept[1:]  # "If the bill fails, the Pentagon says, families will be paid": the condition is no claim of its own
    if len(kept) == 2 and _other_sentence_statement(doc, group, kept[0]):
        kept = kept[1:]
    if len(kept) == 2 and _relative_complement(doc, group, kept[1]):
        kept = kept[1:]  # "a deal that | the administration argues | strenuously is a good one"
    if len(kept) == 2 and has_finite(kept[1]) and not has_finite(kept[0]) and not any(
            quote_kind(text_of(doc), [(c.start, c.end) for c in side]) != "indirect" for side in kept):
        # "Prior to reaching a deal, | both sides said | they would each need to give something
        # up": a phrase before the cue with only a gerund is a circumstance, not a claim
        kept = kept[1:]
    if not kept:
        kept = [max(sides, key=lambda side: sum(c.end - c.start for c in side))]
    middle = [c for c in contents if c not in sides[0] and c not in sides[1]]
    kept_contents = sorted([c for side in kept for c in side] + middle, key=lambda c: c.start)
    return Group(cue=group.cue, source=group.source, contents=kept_contents)


def _other_sentence_statement(doc: Doc, group: Group, side: list[RoleSpan]) -> bool:
    """A side before the cue that opens in an earlier sentence and quotes nothing, while the
    cue's own sentence holds the other side: "Snowden is trying to avoid extradition. (For more
    on why many legal experts say he made a poor choice, see ...)": the earlier sentence is the
    writer's, not what the experts say. A quotation before its cue ('"A." he said, "B."') stays."""
    cue = _span(doc, group.cue)
    if cue is None or not len(cue) or not doc.has_annotation("SENT_START"):
        return False
    sentence = cue[0].sent
    if side[0].start >= sentence.start_char:
        return False
    return quote_kind(text_of(doc), [(c.start, c.end) for c in side]) == "indirect"


def _without(fragment: RoleSpan, frame: list[RoleSpan], text: str) -> list[RoleSpan]:
    """The parts of a content fragment outside its own source and cue (blank parts dropped)."""
    pieces = [(fragment.start, fragment.end)]
    for part in frame:
        cut = []
        for s, e in pieces:
            if part.end <= s or part.start >= e:
                cut.append((s, e))
                continue
            cut += [(s, part.start), (part.end, e)]
        pieces = cut
    out = []
    for s, e in pieces:
        while s < e and not text[s].isalnum() and text[s] not in "\"“‘'(":
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if any(ch.isalnum() for ch in text[s:e]):
            out.append(RoleSpan("content", s, e, fragment.score))
    return out


def is_proposition(doc: Doc, contents: list[RoleSpan]) -> bool:
    """Enough words, a verb, or a name or noun (what a stance is about: "backed Clinton");
    never a lone "a", "the" or "to"."""
    words = sum(len(_WORD.findall(text_of(doc)[c.start : c.end].lower())) for c in contents)
    if words >= lexicon()["min_content_words"]:
        return True
    spans = [_span(doc, c) for c in contents]
    return any(t.pos_ in ("VERB", "AUX", "PROPN", "NOUN") for s in spans if s is not None for t in s)


CUE_MODES = ("strict", "polnear", "broad")


def cue_keys(doc: Doc, group: Group) -> set[str]:
    """The content words of a cue, each as one base form ("threatened" -> "threaten"): what the
    `polnear_cues` list is keyed by."""
    span = _span(doc, group.cue)
    known = lexicon()["cue_verbs"] | reporting_lexicon()["reporting_verbs"]
    keys = set()
    for t in span if span is not None else []:
        if t.is_alpha and t.pos_ in ("VERB", "NOUN", "ADJ", "ADV", "PROPN", "AUX"):
            forms = base_forms(t.lower_) & known
            keys.add(min(forms) if forms else t.lower_)
    return keys


def keeps(doc: Doc, group: Group, direct: bool, cues: str = "strict") -> bool:
    """Whether a group's cue makes it an attribution. Direct quotes take the broad test
    (`cue_is_attribution`); indirect and mixed ones the strict test (`cue_reports`) in the
    `strict` mode, the strict test or a cue word PolNeAR counts (`polnear_cues`) in the `polnear`
    mode, and the broad test in the `broad` mode (the filter before the strict test)."""
    if direct or cues == "broad":
        return cue_is_attribution(doc, group)
    if cue_reports(doc, group):
        return True
    return cues == "polnear" and cue_is_attribution(doc, group) and bool(
        cue_keys(doc, group) & reporting_lexicon()["polnear_cues"])


def _loose_conjunct(doc: Doc, contents: list[RoleSpan]) -> bool:
    """"he has denied | and dismissed": a conjunction and a word or two, no proposition."""
    spans = [sp for sp in (_span(doc, c) for c in contents) if sp is not None and len(sp)]
    words = [t for sp in spans for t in sp if t.is_alpha]
    return bool(words) and words[0].pos_ == "CCONJ" and len(words) < 4


def ends_in_object_preposition(cue: Span) -> bool:
    """"said of", "in response to": what follows is whom it was said of or what it answered.
    "spoke about", "talks to", "according to" are left alone: a topic, an addressee or a
    reporting phrase is part of the report (PolNeAR marks them as content)."""
    words = [t.lower_ for t in cue]
    return words[-1] == "of" or words[-3:] == ["in", "response", "to"]


def _object_of_preposition(doc: Doc, cue: RoleSpan, contents: list[RoleSpan]) -> bool:
    """A cue that ends in "of" or "in response to" (`ends_in_object_preposition`) with a verbless
    content after it: the content is the preposition's object, not what was said."""
    span = _span(doc, cue)
    if span is None or not len(span) or not ends_in_object_preposition(span):
        return False
    spans = [sp for sp in (_span(doc, c) for c in contents) if sp is not None and len(sp)]
    return bool(spans) and spans[0].start >= span.end and not any(
        t.pos_ in ("VERB", "AUX") for sp in spans for t in sp)


def with_negated_verbs(doc: Doc, groups: list[Group]) -> list[Group]:
    """Cues that stop at their negation or auxiliary take the verb right after it: the tagger
    marks "The governor | did not | rule out a run" with "rule out" in no role, and "did not"
    alone says nothing. The verb (and its particle) joins the cue when no role span holds it."""
    if not doc.has_annotation("DEP"):
        return groups
    spans = [(p.start, p.end) for g in groups for p in (g.source, g.cue, *g.contents) if p is not None]
    return [_with_negated_verb(doc, g, spans) for g in groups]


def _with_negated_verb(doc: Doc, group: Group, spans: list[tuple[int, int]]) -> Group:
    cue = _span(doc, group.cue)
    if cue is None or not len(cue) or not (cue[-1].dep_ == "neg" or cue[-1].dep_ == "aux"):
        return group
    verb = cue[-1].head
    if verb.pos_ != "VERB" or verb.i != cue.end:
        return group
    last = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), verb)
    end = last.idx + len(last)
    if any(s < end and verb.idx < e for s, e in spans):
        return group
    return Group(cue=RoleSpan("cue", group.cue.start, end, group.cue.score), source=group.source,
                 contents=group.contents)


def split_groups(doc: Doc, groups: list[Group], cues: str = "strict") -> tuple[list[Group], list[Group]]:
    """Statements and stances. Statements are the groups `filter_groups` keeps in this cue
    mode: what the ledger counts. Stances are the rest of what the broad test keeps, the
    desires, intentions, positions and acts PolNeAR also annotates ("wants to", "called for",
    "voted against", "backed"): someone's, but no saying, so the ledger never counts them."""
    statements = filter_groups(doc, groups, cues)
    if cues == "broad":
        return statements, []
    taken = {(g.cue.start, g.cue.end) for g in statements}
    stances = [g for g in filter_groups(doc, groups, "broad") if (g.cue.start, g.cue.end) not in taken]
    return statements, stances


def _bare_phrase(doc: Doc, contents: list[RoleSpan]) -> bool:
    """A content that is only a prepositional phrase ("on Friday"): no proposition."""
    spans = [sp for sp in (_span(doc, c) for c in contents) if sp is not None and len(sp)]
    return bool(spans) and spans[0][0].pos_ == "ADP" and not any(
        t.pos_ in ("VERB", "AUX") for sp in spans for t in sp)


# Words a source phrase never ends on ("lawmakers by", "Republicans who"): the tagger ran past
# the phrase into the next one.
_SOURCE_TAIL_POS = {"ADP", "SCONJ", "CCONJ", "DET", "PUNCT", "PART"}
_RELATIVES = {"who", "that", "which", "whose", "whom"}


def _with_name_ahead(tokens: list) -> list:
    """"As President | Trump has declared": a title the tagger stopped at takes the name it is
    compounded to, the next word."""
    while tokens[-1].dep_ == "compound" and tokens[-1].head.i == tokens[-1].i + 1 and tokens[-1].head.pos_ == "PROPN":
        tokens = tokens + [tokens[-1].head]
    return tokens


def trim_source(doc: Doc, source: RoleSpan | None) -> RoleSpan | None:
    """A source without the words it cannot end or start on: a trailing preposition, conjunction,
    determiner or relative pronoun, a leading dateline, punctuation ("CNN) Joe Biden") or the
    cue's auxiliary ("did Spicer"), a relative pronoun before the speaker ("who it says") or the
    end of a prepositional phrase before it ("In | Iran, a leading cleric, ...")."""
    span = _span(doc, source)
    if span is None or len(span) == 0:
        return source
    if len(span) < 2:
        tokens = _with_name_ahead(list(span))
        if len(tokens) == 1:
            return source
        return RoleSpan(source.role, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), source.score)
    tokens = list(span)
    # "(CNN) Joe Biden": what ends before a closing bracket is the dateline, not the speaker.
    # "(CNN) Joe Biden": a bracket closed but not opened in the phrase ends a dateline.
    closing = [i for i, t in enumerate(tokens[:-1]) if t.text == ")" and not any(u.text == "(" for u in tokens[:i])]
    if closing:
        tokens = tokens[closing[-1] + 1 :]
    # Final punctuation stays (PolNeAR marks "X, the chair of Y," with its commas).
    while len(tokens) > 1 and (tokens[-1].pos_ in _SOURCE_TAIL_POS or tokens[-1].lower_ in _RELATIVES) and not (
            tokens[-1].is_punct or tokens[-1].pos_ == "PART"):
        tokens = tokens[:-1]
    if len(tokens) > 2 and tokens[0].dep_ == "pobj" and tokens[0].head.i < span.start:
        # "In | Iran, a leading cleric, Grand Ayatollah ..." : the place ends the preposition
        # before the source, it is not the speaker
        rest = [t for t in tokens if t.i > tokens[0].right_edge.i]
        if rest and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in rest):
            tokens = rest
    while len(tokens) > 1 and (tokens[0].is_punct or (tokens[0].tag_ in ("WP", "WDT") and tokens[1].dep_ == "nsubj") or (
            tokens[0].dep_ in ("aux", "auxpass") and not span.start <= tokens[0].head.i < span.end)):
        # "why did | Spicer say": the question's auxiliary is the verb's, not the speaker; "the
        # man who | it says was behind the leaks": the relative pronoun is the content's subject
        tokens = tokens[1:]
    tokens = _antecedent_of_relative(tokens)
    tokens = _subject_constituent(tokens)
    tokens = _with_name_ahead(tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if (start, end) == (source.start, source.end):
        return source
    return RoleSpan(source.role, start, end, source.score)


def _whole_subject(doc: Doc, cue: RoleSpan, source: RoleSpan | None) -> RoleSpan | None:
    """"A person familiar with the dinner at the hotel in Berkeley Heights, New Jersey -- where
    reporters stay during the visits -- said ...": a source the tagger found inside the subject
    of the cue's verb, but without that subject's head ("reporters stay during the visits"), is
    a piece of the one who speaks, and the speaker resolved from it is someone else (there: New
    Jersey). The source is then the whole subject phrase, without its closing punctuation.
    Unchanged where the verb has no single active subject, or the source holds the head."""
    if source is None:
        return source
    cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if cue_span is None or span is None or len(span) == 0 or cue_span.root.pos_ not in ("VERB", "AUX"):
        return source
    verb = cue_span.root
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return source
    subject = subjects[0]
    last = span.end - 1
    while last > span.start and span.doc[last].is_punct:
        last -= 1  # "... -- where reporters stay --": the closing dash hangs on the verb
    if span.start <= subject.i < span.end or not (subject.left_edge.i <= span.start and last <= subject.right_edge.i):
        return source
    tokens = list(doc[subject.left_edge.i : subject.right_edge.i + 1])
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return RoleSpan(source.role, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), source.score)


def _antecedent_of_relative(tokens: list) -> list:
    """A source that is a relative clause ("Reade, | who worked as a staffer in 1993, | had
    accused ...", "Holt, | who in testimony before the committee | said ...") names the one its
    pronoun stands for: the noun phrase right before it (up to the comma), not the clause, nor
    the committee the clause mentions. Unchanged unless the source opens with "who" or "which"
    and holds more words, and a noun phrase ends right before it (a comma between)."""
    first = tokens[0]
    if first.lower_ not in ("who", "which") or len(tokens) < 2:
        return tokens
    doc = first.doc
    comma = doc[first.i - 1] if first.i > 0 else None
    if comma is None or comma.text != "," or comma.i == 0:
        return tokens
    end = doc[comma.i - 1]
    if end.pos_ not in ("PROPN", "NOUN") or end.sent != first.sent:
        return tokens
    head = end
    while head.dep_ in ("compound", "flat") and head.head.i > head.i and head.head.i <= end.i:
        head = head.head
    start = head.left_edge
    words = [t for t in doc[start.i : end.i + 1]]
    if not words or any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";") for t in words) or len(words) > 8:
        return tokens  # a phrase with its own apposition or clause: which noun the pronoun means is unclear
    return words


def _subject_constituent(tokens: list) -> list:
    """Of a source made of several phrases that hang outside it, the one that is a subject:
    "a position | he" ("a position he said ..."), "who | in 2004" and "David Greene, ... | in an
    email last month" (a circumstance of the cue) lose the phrases that are not the speaker.
    Unchanged unless exactly one such phrase is a subject and trailing punctuation aside."""
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside and not t.is_punct]
    subjects = [t for t in tops if t.dep_ in ("nsubj", "nsubjpass")]
    if len(tops) < 2 or len(subjects) != 1:
        return tokens
    subject = subjects[0]
    kept = [t for t in tokens if subject.left_edge.i <= t.i <= subject.right_edge.i]
    while len(kept) > 1 and kept[0].is_punct:
        kept = kept[1:]
    # PolNeAR marks "X, the chair of Y," with its commas: a comma right after the phrase stays
    after = [t for t in tokens if t.i == kept[-1].i + 1]
    if after and after[0].text == ",":
        kept.append(after[0])
    return kept or tokens


def _cue_paragraph(contents: list[RoleSpan], cue: RoleSpan, text: str) -> list[RoleSpan]:
    """The content pieces in the cue's paragraph: a content never runs over a blank line into a
    heading or the next story ("officials point to | Kestria\n\nThe Red Dawn Brigade has ...").
    Where no piece touches the cue's paragraph, the contents stay as they are (a quote the
    cue follows in a paragraph of its own)."""
    start = text.rfind("\n\n", 0, cue.start)
    start = 0 if start == -1 else start + 2
    end = text.find("\n\n", cue.end)
    end = len(text) if end == -1 else end
    kept = []
    for c in contents:
        s, e = max(c.start, start), min(c.end, end)
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and any(ch.isalnum() for ch in text[s:e]):
            kept.append(RoleSpan(c.role, s, e, c.score))
    return kept or contents


def _within_paragraph(text: str, cue: RoleSpan, source: RoleSpan | None) -> tuple[RoleSpan, RoleSpan | None]:
    """A cue and source never run over a paragraph break: "Story Continued Below | Asked" is page
    furniture and then the cue "Asked"; a source in another paragraph than its cue is not its."""
    at = text.rfind("\n", cue.start, cue.end)
    if at != -1 and any(ch.isalnum() for ch in text[at:cue.end]):
        start = at + 1
        while start < cue.end and text[start].isspace():
            start += 1
        cue = RoleSpan(cue.role, start, cue.end, cue.score)
    if source is None:
        return cue, None
    if "\n\n" in text[min(source.end, cue.start):max(source.start, cue.end)]:
        return cue, None
    cut = text.rfind("\n\n", source.start, source.end) if source.end <= cue.start else text.find("\n\n", source.start, source.end)
    if cut != -1:
        start, end = (cut + 2, source.end) if source.end <= cue.start else (source.start, cut)
        while start < end and text[start].isspace():
            start += 1
        source = RoleSpan(source.role, start, end, source.score) if start < end else None
    return cue, source


def filter_groups(doc: Doc, groups: list[Group], cues: str = "strict") -> list[Group]:
    """Groups that read as attributions (`keeps`), their contents trimmed of their own source
    and cue."""
    text = text_of(doc)
    mask = quoted_mask(text)
    kept = []
    for group in groups:
        fragments = [(c.start, c.end) for c in group.contents]
        direct = bool(fragments) and quote_kind(text, fragments, mask) == "direct"
        if not keeps(doc, group, direct, cues):
            continue
        frame = [p for p in (group.source, group.cue) if p is not None]
        contents = _cue_paragraph([piece for c in group.contents for piece in _without(c, frame, text)],
                                  group.cue, text)
        if contents and (not is_proposition(doc, contents) or (cues != "broad" and not direct and (
                _bare_phrase(doc, contents) or _loose_conjunct(doc, contents)
                or _object_of_preposition(doc, group.cue, contents)))):
            contents = []
        if not contents and group.source is None:
            continue
        cue, source = _within_paragraph(text, group.cue, _whole_subject(doc, group.cue, trim_source(doc, group.source)))
        kept.append(Group(cue=cue, source=source, contents=contents))
    return kept
