"""Statements whose content says nothing that could be true or false (issue 9, "no junk").

`attribution_filter` tests the cue; this module tests what a statement finally says, after its
content has been found and completed (`attribution.with_contents`). An indirect statement (no
quotation in its content) is no statement when its content is
- a noun phrase the cue acts on, not what was said: "condemned | the omission", "criticised |
  the aid group", "released a statement condemning | the attack", "citing | data from";
- a topic: "isn't going to talk about | radical Islamism", "worried about | the way he ...",
  "never talked about | what the cake would look like", "was warned of | the decision";
- an aim or a request: "asked | Mr. Phillips to bake for the ceremony", "asked | to be
  anonymous", "Telling | the media to ...", "doesn't believe | to force him ...", or a question
  ("Asked | if Trump has done anything", "did not say | how she would differ");
- or the frame is the writer's own ("That said, ...", "it is worth mentioning that ...");
- a name or a word, quoted or not ("known as | "Suspect No. 2"", "dubbed", "referred to as", "a
  firm called | Red Apple", "also called | Ali", "calling | himself a reformer", "used the
  term"): `_naming` ("dubbed | the plan a giveaway", a predicate noun, says what the plan is
  and stays);
- nothing anyone said: the writer's hypothesis ("Let's say ...", "Anyone who thinks ... is
  dreaming"), a negated passive with neither source nor agent ("was not confirmed",
  "wasn't even cited"), a linked headline's ": report" label, a line that ends in "Read more", or a
  linked headline in capitals, or a news site's hover card of linked headlines ("... MORE");
- nothing attributed under a negated cue ("did not deny | the allegations", "has not announced
  | whether ..."; not "did not rule out | a run", which holds it possible) or a passive question verb ("was asked | about the budget", "Questioned |
  about ..."), or a fragment of a few words that stops mid-phrase ("notes | that in").
A noun phrase that stands for what was said stays ("described | a similar interaction",
"disputes | the subcommittee's conclusion", "denied | the allegations": `np_cues`), and so does
a passive raising cue ("was believed | to have begun in late 2019"). Such statements become
stances: reported beside the statements (PolNeAR scores them), never counted. Quoted contents
are never touched. Word lists are data in `lexicons/attribution_junk.json`.
"""

from __future__ import annotations

import json
import re
import weakref
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from claimscope.nlp.attribution_filter import base_forms
from claimscope.nlp.attribution_spans import Group, quote_kind, quoted_mask
from claimscope.nlp.cues import lexicon as cue_lexicon
from claimscope.nlp.extensions import text_of
from claimscope.nlp.paragraphs import is_video_player_line

LEXICON = Path(__file__).parent / "lexicons" / "attribution_junk.json"
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ", "X"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_CIRCUMSTANCE = {"advcl", "prep", "npadvmod", "advmod", "mark", "cc", "punct"}
_SUBORDINATE = {"relcl", "advcl", "prep", "pcomp"}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return {k: set(v) for k, v in data.items() if not k.startswith("_") and isinstance(v, list)}


def rules_version() -> str:
    """The version of the attribution rules (this lexicon's "version"): bumped on any change of
    what the rules output, reported beside the tagger's version."""
    return json.loads(LEXICON.read_text(encoding="utf-8"))["version"]


def _spans(doc: Doc, group: Group) -> list[Span]:
    spans = [doc.char_span(c.start, c.end, alignment_mode="expand") for c in group.contents]
    return [s for s in spans if s is not None and len(s)]


def _cue_bases(cue: Span) -> set[str]:
    return {b for t in cue if t.is_alpha for b in base_forms(t.lower_)}


def _tops(spans: list[Span]) -> list:
    """The content's words whose head lies outside the content: its phrases' heads."""
    return [t for sp in spans for t in sp if not (sp.start <= t.head.i < sp.end) and not t.is_punct]


def _main_head(spans: list[Span]):
    """The largest phrase of the content, circumstances aside ("her case | at a news
    conference", "the omission | , as they should")."""
    tops = _tops(spans)
    core = [t for t in tops if t.dep_ not in _CIRCUMSTANCE] or tops
    if not core:
        return None
    return max(core, key=lambda t: t.right_edge.i - t.left_edge.i)


def _passive(cue: Span) -> bool:
    return any(t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children) for t in cue) or any(
        t.dep_ == "auxpass" for t in cue)


def _writers_frame(doc: Doc, group: Group, cue: Span) -> bool:
    """"That said, ..." and "it is worth mentioning that ...": the writer's words, no one's report."""
    lower = " ".join(t.lower_ for t in cue)
    if "worth" in lower.split():
        return True
    if group.source is None or [t.lower_ for t in cue] != ["said"]:
        return False
    source = text_of(doc)[group.source.start : group.source.end].strip().lower()
    nxt = doc[cue.end] if cue.end < len(doc) else None
    return source in ("that", "this", "having") and nxt is not None and nxt.text == ","


def _aim(spans: list[Span], cue: Span, bases: set[str]) -> bool:
    """An infinitive content ("to be anonymous"), an object and an infinitive after a verb of
    asking ("Mr. Phillips to bake"), or a question after one ("if Trump has done ...")."""
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words:
        return False
    lex = lexicon()
    if words[0].tag_ == "TO" and not _passive(cue) and not (len(words) > 1 and words[1].tag_ == "VBG"):
        return True  # not "admitted | to being embarrassed": a gerund after "to" is what was admitted
    if not bases & lex["request_verbs"]:
        return False
    if words[0].lower_ in lex["question_words"]:
        return True
    return _object_and_infinitive(spans)


def _object_and_infinitive(spans: list[Span]) -> bool:
    """"Mr. Phillips to bake for the ceremony": an infinitive within the first words and no
    finite verb of the content's own."""
    words = [t for sp in spans for t in sp if t.is_alpha]
    finite = any(_own_finite(t, spans) for t in words)
    return not finite and any(t.lower_ == "to" and t.tag_ == "TO" for t in words[:6])


def _topic(spans: list[Span], cue: Span) -> bool:
    """A cue ending in "about", "of", "on" and a content that is not a that-clause; or a
    content that opens with such a preposition and says nothing of its own ("don't believe |
    in common-sense rules ... because ...", "has been denounced | as an example of ...")."""
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words or words[0].lower_ == "that":
        return False
    if cue[-1].lower_ in lexicon()["topic_prepositions"] and not _cue_bases(cue) & lexicon()["np_cues"]:
        # ("has denied knowing about | the meeting" denies a proposition)
        # "has joked about | the mayor chewing gum" says what was joked; "talked about | what
        # the cake would look like" and "thinking about | North Korea" do not
        return words[0].lower_ in lexicon()["question_words"] or not any(
            _own_finite(t, spans) or _own_clause_gerund(t, spans) for t in words)
    if words[0].pos_ != "ADP" or words[0].lower_ not in lexicon()["content_prepositions"]:
        return False
    if _cue_bases(cue) & lexicon()["np_cues"] or any(c.tag_ == "VBG" for c in words[0].children):
        return False  # "accused | of lying about the cranes": the charge is what was said
    return not any(_own_finite(t, spans) for t in words)


def _open_question(spans: list[Span], bases: set[str], cue: Span | None = None) -> bool:
    """A wh-clause after a verb of knowing or saying ("do know | what some operators have been
    up to", "did not say | how she would differ", "don't know | what they're talking about"), or
    after a verb of deliberating ("considered | whether the mayor could be blamed", "avoided
    predicting | whether the party could win"): what is known, said or weighed is left open, so
    nothing is asserted."""
    words = [t for sp in spans for t in sp if t.is_alpha]
    lex = lexicon()
    # not "if" or "when": "said | if they were president they would ..." is a conditional claim
    if not words or words[0].lower_ not in lex["open_question_words"]:
        return False
    return bool(bases & lex["knowing_verbs"]) or (cue is not None and _deliberating(cue))


def _deliberating(cue: Span) -> bool:
    """A verb of deliberating in the cue (`deliberating_verbs`) that no reporting verb of the cue
    governs: "they add | it is too soon to predict | whether ..." says that it is too soon."""
    lex = lexicon()
    reporting = set(cue_lexicon()["report"])
    for t in cue:
        if t.pos_ == "VERB" and t.lemma_.lower() in lex["deliberating_verbs"]:
            above = [a for a in t.ancestors if cue.start <= a.i < cue.end]
            if not any(a.lower_ in reporting for a in above):
                return True
    return False


def _own_clause_gerund(token, spans: list[Span]) -> bool:
    """A gerund of the content's own ("the mayor chewing gum", however it is parsed), not one
    under a preposition or in a relative clause."""
    return token.dep_ != "amod" and _own_finite(token, spans, tags={"VBG"})  # not "the continuing challenges"


def _only_adverbial(spans: list[Span]) -> bool:
    """A content that is only an adverbial clause ("said | because it was not argued ..."):
    why or when something was said, not what."""
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words or words[0].pos_ != "SCONJ" or words[0].lower_ == "that":
        return False
    return all(t.dep_ in ("advcl", "mark", "cc", "advmod") for t in _tops(spans))


def _predicative(spans: list[Span], cue: Span) -> bool:
    """"slammed | the approach as erratic", "criticized | Trump for signaling ...", "calling
    | the issue a distraction": the noun phrase and its predicate say what was said of it."""
    head = _main_head(spans)
    for sp in spans:
        for t in sp:
            if t.dep_ == "prep" and t.lower_ == "as" and (t.head == head or cue.start <= t.head.i < cue.end):
                return True
    if any(t.dep_ == "oprd" for sp in spans for t in sp):
        return True  # "calling | the issue a distraction"
    for t in _tops(spans):
        if t.dep_ == "prep" and t.lower_ in ("for", "of") and any(c.tag_ == "VBG" for c in t.children):
            return True
    return False


def _noun_phrase(spans: list[Span], cue: Span, bases: set[str]) -> bool:
    """A content headed by a noun, pronoun or name with no finite verb of its own, after a cue
    that does not stand for what it names ("described a similar interaction" does)."""
    passive = _passive(cue) and not bases & lexicon()["target_verbs"]  # "The mayor | was criticized by" names the target
    if bases & lexicon()["np_cues"] or passive or _predicative(spans, cue):
        return False  # "So far at least 95 deaths | have been reported": the subject is what was said
    head = _main_head(spans)
    if head is None or head.pos_ not in _NOMINAL:
        return False
    if (head.pos_ == "NUM" or any(c.dep_ == "nummod" for c in head.children)) and not bases & lexicon()["request_verbs"]:
        # (not "ask | the two men about it": a verb of asking takes whom it asks, not a count)
        return False  # "reported | forty incidents", "found | 75 percent support": a count is a finding
    return not any(_own_finite(t, spans) or _own_clause_gerund(t, spans) for sp in spans for t in sp)


def _own_finite(token, spans: list[Span], tags=_FINITE) -> bool:
    """A finite verb that makes the content say something: not one inside a relative or
    adverbial clause or under a preposition ("a pandemic that has killed thousands", "based on
    the belief that ...", "as they should"); a noun's own that-clause ("the notion that
    Republicans will gain") counts."""
    if token.tag_ not in tags:
        return False
    inside = {t.i for sp in spans for t in sp}
    t = token
    while True:
        if t.head.i == t.i or t.head.i not in inside:
            # a phrase head of the content: subordinate only when a conjunction says so ("as
            # they should"); "stating | the council did not give" parsed as an advcl is the clause
            return not (t.dep_ in _SUBORDINATE and any(c.dep_ == "mark" for c in t.children))
        if t.dep_ in _SUBORDINATE:
            return False
        t = t.head


def _naming(doc: Doc, spans: list[Span], cue: Span, bases: set[str]) -> bool:
    """A cue that gives a name or a word, not a proposition: "known as | "Suspect No. 2"",
    "dubbed | the bridge "the Iron Lady"", "referred to as | "the harbour levy"", "a firm
    called | Red Apple", "used the term | "reckless spending"". Quoted or not, a name is no
    claim. "called | the plan a giveaway" (an active "called" with a predicate) says something
    of the plan and stays, and so does "referred to | the protesters as troublemakers"."""
    lex = lexicon()
    words = [t.lower_ for t in cue]
    after = doc[cue.end] if cue.end < len(doc) else None
    first = next((t for sp in spans for t in sp if t.is_alpha), None)
    as_next = (words[-1] == "as" or (after is not None and after.lower_ == "as")
               or (first is not None and first.lower_ == "as" and first.i == cue.end))
    if bases & lex["naming_verbs"]:
        return not _predicate_noun(cue)  # "dubbed | the plan a giveaway" says what the plan is
    if "known" in words and as_next:
        return True
    if "refer" in bases and (as_next or not _predicative(spans, cue)):
        return True  # "referred to as ...", "referred to | the report": a name or a mention
    if "call" in bases and any(t.lemma_.lower() == "call" and _reflexive_object(t) for t in cue):
        return True  # "calling himself | a lifelong reformer": a name or a title one takes, not a claim
    if "call" in bases and any(t.lower_ == "called" and (t.dep_ in ("acl", "amod") and _right_after(t.head, t) or (any(
            c.dep_ == "auxpass" for c in t.children) and not any(c.dep_ == "agent" for c in t.children))
            or (t.i > 0 and t.doc[t.i - 1].lower_ in ("so", "so-"))
            or (t.i > 1 and t.doc[t.i - 1].text in ("-", "\u2010", "\u2011") and t.doc[t.i - 2].lower_ == "so")) for t in cue):
        # "a firm called X", "is called X", "so-called": a name, not a saying ("was called a
        # disaster by critics" has someone who called it so)
        return True
    if bases & {"call", "term"} and any(_what_object(t) for t in cue):
        # "home to what the agency calls | the worst drought in a century": the words the agency
        # uses for it, a naming; the writer, not the agency, says the region is home to it
        return True
    head = _main_head(spans)
    noun_cue = any(t.lemma_.lower() in lex["naming_nouns"] for t in cue)
    noun_content = head is not None and head.lemma_.lower() in lex["naming_nouns"] and not any(
        _own_finite(t, spans) for sp in spans for t in sp)
    return bool(bases & lex["word_use_verbs"]) and (noun_cue or noun_content)


def _what_object(verb) -> bool:
    """A verb whose object is a "what" before it: "what the agency calls X", "what critics have
    termed X"."""
    return verb.pos_ == "VERB" and any(
        c.lower_ in ("what", "whatever") and c.dep_ in ("dobj", "nsubjpass", "attr") and c.i < verb.i
        for c in verb.children)


_REFLEXIVES = {"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself", "yourselves"}


def _reflexive_object(verb) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in verb.children)


def _right_after(head, token) -> bool:
    """`token` follows `head` with nothing between but commas and its own adverbs: "a firm
    called X", "a construction worker, also called Ali"."""
    between = head.doc[head.i + 1 : token.i]
    return head.i < token.i and all(t.is_punct or (t.dep_ == "advmod" and t.head == token) for t in between)


def _predicate_noun(cue: Span) -> bool:
    """A naming verb's predicate that is a common noun with "a" or "an", unquoted: "dubbed the
    plan a giveaway" says what the plan is, like "called the plan a giveaway"; "dubbed him Big
    Tom" and "dubbed the bridge "the Iron Lady"" give a name."""
    mask = quoted_mask(text_of(cue.doc))
    for verb in cue:
        for c in verb.children:
            if c.dep_ == "oprd" and c.tag_ in ("NN", "NNS") and not mask[c.idx] and any(
                    d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children):
                return True
    return False


def _negated(cue: Span) -> bool:
    return any(t.dep_ == "neg" or t.lower_ in lexicon()["negations"] for t in cue)


def _negated_topic(spans: list[Span], cue: Span) -> bool:
    """"does not mention | the missing funds", "did not deny | the allegations", "has not
    announced | whether she will run": a negated cue with no clause of its own, or a question,
    attributes nothing. A negated cue with a that-clause ("don't think that government should
    ...") reports a thought and stays."""
    if not _negated(cue) or _predicative(spans, cue):
        return False  # "don't think of | driving as energy use": a negated belief of what it is
    if _rules_out(cue):
        return False  # "did not rule out | a run for the Senate": says that a run may come
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words:
        return False
    if words[0].lower_ in lexicon()["open_question_words"]:
        return True
    return not any(_own_finite(t, spans) for t in words)


def _rules_out(cue: Span) -> bool:
    """A cue of "rule out" ("did not rule out", "has not ruled out"): what is not ruled out is
    held possible, which can be true or false."""
    return any(t.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children) for t in cue)


def _negated_agentless_passive(group: Group, cue: Span) -> bool:
    """"was not confirmed", "wasn't even cited": a negated passive with neither a source nor a
    "by" agent says that nobody said something, whatever its content."""
    if group.source is not None or not _negated(cue) or not _passive(cue):
        return False
    return not any(c.dep_ == "agent" for t in cue for c in t.children)


def _headline_label(cue: Span) -> bool:
    """"Giuliani consulted with Manafort: report": a lone "report" after a colon tags a linked
    headline as a news report's; the page's list of headlines around it says nothing anyone
    said in the article."""
    words = [t for t in cue if t.is_alpha]
    before = cue.doc[cue.start - 1] if cue.start > 0 else None
    return (len(words) == 1 and words[0].lower_ in ("report", "reports") and before is not None
            and before.text == ":")


def _mockery(spans: list[Span], bases: set[str]) -> bool:
    """"mocking | Kerry for breaking his leg", "ridiculed | the mayor for her slogan": a target
    and the reason it is mocked, no proposition the mocker holds (`mocking_verbs`; unlike
    "criticized | Trump for signaling ...", whose reason is what the critic says he did)."""
    if not bases & lexicon()["mocking_verbs"]:
        return False
    tops = _tops(spans)
    target = any(t.pos_ in _NOMINAL and t.dep_ == "dobj" for t in tops)
    reason = [t for t in tops for t in (t, *t.children) if t.dep_ == "prep" and t.lower_ == "for"]
    return target and bool(reason)


def _relative_clause_cue(spans: list[Span], cue: Span) -> bool:
    """"following through on a policy shift he announced | in July, issued a complaint": a cue
    verb in a relative clause has the noun it modifies as its object; a content holding a
    finite verb outside that clause (the sentence's own predicate) is not what was announced.
    A content that opens on its verb is the clause's complement, whatever the parse says ("a
    deal that the administration argues | is a good one")."""
    verb = next((t for t in cue if t.pos_ == "VERB"), None)
    words = [t for sp in spans for t in sp if not t.is_punct and not t.is_space]
    # the content after the cue ("argues | strenuously is a good one"), where one sits on both sides
    after = [t for t in words if t.i >= cue.end] or words
    opening = next((t for t in after if t.pos_ != "ADV"), None)
    if verb is None or verb.dep_ != "relcl" or opening is None or opening.pos_ in ("VERB", "AUX"):
        return False
    return any(t.tag_ in _FINITE and t not in verb.subtree for t in words)


_ANYONE = {"anyone", "anybody", "everyone", "everybody", "whoever"}


def _hypothetical(cue: Span) -> bool:
    """"Let's say they are right", "Let us suppose ...": the writer sets up a case, nobody
    says it; nor does "Anyone who thinks | the levy will pass is dreaming" or "Whoever believes
    | the harbour will reopen has not seen the books", where the one who thinks is any reader
    at all, a figure of the writer's argument (issue 9: such rhetoric was counted as a
    statement). "Those who say ..." stays: it points at people who did say it."""
    for verb in cue:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        head = verb.head
        if head.lemma_.lower() == "let" and any(c.dep_ == "nsubj" and c.lower_ in ("'s", "us") for c in verb.children):
            return True
        if verb.dep_ == "relcl" and head.lower_ in _ANYONE and head.dep_ in ("nsubj", "nsubjpass"):
            return True
        if verb.dep_ == "csubj" and any(c.dep_ == "nsubj" and c.lower_ == "whoever" for c in verb.children):
            return True
    return False


# A news site's hover card on a linked name: the full name run into the first of the linked
# headlines ("Donald John TrumpFeehery: Mulvaney fit for ..."), the headlines, then "MORE". A
# lower-case letter glued to a capital starts it; "McCain" or "DeSantis" alone is no card, as
# no "MORE" follows on the line.
_HOVER_CARD = re.compile(r"[a-z][A-Z][^\n]{0,600}?\bMORE\b")
_CARDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # per Doc, read once


def hover_cards(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the text's hover cards (`_HOVER_CARD`), read once per Doc."""
    cards = _CARDS.get(doc)
    if cards is None:
        cards = _CARDS[doc] = [(m.start() + 1, m.end()) for m in _HOVER_CARD.finditer(text_of(doc))]
    return cards


def _in_hover_card(doc: Doc, group: Group) -> bool:
    """"President Trump Donald John TrumpFeehery: Mulvaney fit for ... MORE criticized ...":
    a source, cue or content inside a hover card's linked headlines is page furniture."""
    parts = [group.cue, *group.contents] + ([group.source] if group.source is not None else [])
    return any(start < p.end and p.start < end for start, end in hover_cards(doc) for p in parts)


def _whether_or_not(spans: list[Span]) -> bool:
    """"whether she knows | it or not, ...", "believe | it or not": an aside of the writer's
    that asserts nothing of the one who knows."""
    words = [t.lower_ for sp in spans for t in sp if t.is_alpha][:3]
    return words == ["it", "or", "not"]


def _line_of(doc: Doc, cue: Span) -> str:
    """The text line (paragraph) the cue stands in."""
    text = text_of(doc)
    end = text.find("\n", cue.end_char)
    return text[text.rfind("\n", 0, cue.start_char) + 1: end if end >= 0 else len(text)]


def _link_line(doc: Doc, cue: Span) -> bool:
    """"More: Will there be another shutdown? Trump says maybe": a line under a link label
    (`link_labels`) is another article's headline, page furniture; so is a line that ends in
    "Read more" ("Iran's uranium enrichment programme: the science explained Read more"), and a
    video player's line ("JUST WATCHED McKinnon: 'Bar is really low' for Obama Replay More
    Videos ... MUST WATCH ...", `paragraphs.is_video_player_line`): the titles of videos, not
    what anyone said."""
    text = text_of(doc)
    line_start = text.rfind("\n", 0, cue.start_char) + 1
    line = _line_of(doc, cue).strip()
    if line.endswith("Read more") or is_video_player_line(line):
        return True
    label = text[line_start:text.find(":", line_start, cue.start_char)] if ":" in text[line_start:cue.start_char] else ""
    return label.strip().lower() in lexicon()["link_labels"]


def _section_label(doc: Doc, cue: Span) -> bool:
    """"SPECIAL COVERAGE: Second Amendment & Gun Control", "ANALYSIS/OPINION: The long, hot
    summer ...": a colon after a line's first words that name a section of the page or a link
    (`section_words`, `link_labels`), not a speaker; what follows is a heading or the writer's."""
    text = text_of(doc)
    label = text[text.rfind("\n", 0, cue.start_char) + 1:cue.start_char].strip().lower()
    words = re.findall(r"[a-z]+", label)
    return bool(words) and len(words) <= 4 and (
        label in lexicon()["link_labels"] or all(w in lexicon()["section_words"] for w in words))


def _capitals_line(doc: Doc, cue: Span) -> bool:
    """"FLYNN JUDGE EMMET SULLIVAN SET TO EXPLAIN WHY HE HAS NOT DISMISSED CASE": a line all in
    capitals, in a text that is not, is a link to another article, page furniture."""
    text = text_of(doc)
    line = _line_of(doc, cue)
    letters = [ch for ch in line if ch.isalpha()]
    return (len(line.split()) >= 4 and len(letters) >= 12 and all(ch.isupper() for ch in letters)
            and sum(ch.islower() for ch in text) > sum(ch.isupper() for ch in text))


def _passive_question(cue: Span, bases: set[str]) -> bool:
    """"was asked | about the budget", "was asked | whether she would run", "were asked | to
    approve the plan", "Questioned | about the budget, ...": the one asked said nothing yet;
    what follows is a topic, a question or a request."""
    if not bases & lexicon()["passive_question_verbs"]:
        return False
    # "Questioned | about the budget, he said ...": a participle clause is passive too
    return _passive(cue) or any(t.tag_ == "VBN" and not any(c.dep_ == "aux" for c in t.children)
                                and t.dep_ in ("advcl", "ROOT", "acl") and t.lemma_.lower() in lexicon()["passive_question_verbs"]
                                for t in cue)


_FRAGMENT_WORDS = 6
_DANGLING_POS = {"DET", "ADP", "SCONJ", "CCONJ"}


def _depiction(doc: Doc, group: Group, spans: list[Span], cue: Span) -> bool:
    """"A video posted online shows | protesters tearing down a fence", "Trump showed | a casual
    disregard for the union", "a commander showed | an array of seized weapons", "families show
    up | needing care": a picture shows a scene and a person shows a thing or an attitude; none
    reports a proposition. Only a noun-phrase content (no finite clause of its own) after a verb
    of showing (`depicting_verbs`) whose source is a picture (`depicting_sources`) or a person, or
    a "show up" / "show off". "Polls showed | Clinton leading", "data shows | a 5% rise" (a
    finding) and "the video shows | that the officer fired first" stay."""
    lex = lexicon()
    verbs = [t for t in cue if t.pos_ == "VERB" and t.lemma_.lower() in lex["depicting_verbs"]]
    if not verbs:
        return False
    if any(c.dep_ == "prt" and c.lower_ in ("up", "off") for v in verbs for c in v.children):
        return True  # "show up", "show off": to appear, to display, whatever follows
    if not _things_only(spans) or _predicative(spans, cue):
        return False  # "depicted | the plan as a sale" says what the plan is
    source = doc.char_span(group.source.start, group.source.end, alignment_mode="expand") if group.source else None
    if source is None or not len(source):
        return False
    head = source.root
    if head.lemma_.lower() in lex["depicting_sources"] or base_forms(head.lower_) & lex["depicting_sources"]:
        return True
    persons = set(cue_lexicon()["person_nouns"]) | lex["showing_persons"]
    return (head.ent_type_ == "PERSON" or head.lower_ in _PERSONAL or head.lemma_.lower() in persons
            or head.lower_ in persons)


def _evidence_of_events(doc: Doc, group: Group, cue: Span) -> bool:
    """"Events last year showed that the board had lost control", "History proves that ...": a
    happening shows nothing to anyone; the writer argues from it (`evidencing_sources`). A
    poll's, a study's or a person's showing is no such evidence and stays."""
    lex = lexicon()
    if not any(t.pos_ == "VERB" and t.lemma_.lower() in lex["evidencing_verbs"] for t in cue):
        return False
    source = doc.char_span(group.source.start, group.source.end, alignment_mode="expand") if group.source else None
    if source is None or not len(source):
        return False
    return source.root.lemma_.lower() in lex["evidencing_sources"] and not source.root.ent_type_


def _shown_things(spans: list[Span], cue: Span) -> bool:
    """"The board was shown examples of the damage": a passive "shown" with things as its
    content shows them to the subject; nobody reports a proposition."""
    passive = [t for t in cue if t.lemma_.lower() == "show" and t.tag_ == "VBN"
               and any(c.dep_ == "auxpass" for c in t.children)]
    return bool(passive) and _things_only(spans)


def _things_only(spans: list[Span]) -> bool:
    """Whether a content names things only: no clause opener first and no finite verb of its
    own ("protesters tearing down a fence", not "that the officer fired first")."""
    words = [t for sp in spans for t in sp if t.is_alpha]
    return bool(words) and words[0].lower_ not in ("that", "how", "what", "why", "whether", "if") and not any(
        _own_finite(t, spans) for t in words)


_PERSONAL = {"i", "we", "he", "she", "you", "they"}
_PERSONAL_OBJECTS = {"me", "us", "him", "her", "you", "them"}


def _interrogated(spans: list[Span], cue: Span) -> bool:
    """"his wife questioned | the Facebook CEO, Mark Zuckerberg", "senators grilled | the
    minister": a verb of questioning (`interrogating_verbs`) whose content is the person
    questioned (a name, a pronoun, a person noun) asks, it does not doubt a proposition
    ("questioned | the findings" stays, as a doubt of what the findings say)."""
    lex = lexicon()
    if not any(t.pos_ == "VERB" and t.lemma_.lower() in lex["interrogating_verbs"] for t in cue):
        return False
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words or any(_own_finite(t, spans) for t in words):
        return False
    head = _main_head(spans)
    if head is None:
        return False
    persons = set(cue_lexicon()["person_nouns"]) | lex["showing_persons"]
    return (head.ent_type_ == "PERSON" or head.lower_ in _PERSONAL_OBJECTS or head.lower_ in persons
            or head.lemma_.lower() in persons)


def _due(spans: list[Span], cue: Span) -> bool:
    """"Several ministers are expected | at the commemorations", "cuts were expected | at other
    agencies", "had been expected to address | the killing": a passive "expected" with no
    infinitive or that-clause of its content says who is due where or what was on the agenda,
    no proposition anyone holds ("is expected | to win the seat" and "it was expected | that
    ..." stay)."""
    if not any(t.lemma_.lower() == "expect" and t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children)
               for t in cue):
        return False
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words or words[0].lower_ in ("to", "that"):
        return False
    return not any(_own_finite(t, spans) for t in words)


def _not_known_if(doc: Doc, group: Group, spans: list[Span], cue: Span, bases: set[str]) -> bool:
    """"We don't know | if the plan will work", "Nobody knows | if the council will approve it",
    "isn't sure | if ...": after a negated verb of knowing, "if" asks whether; no one holds what
    follows to be true or false. ("said | if they were president they would ..." is a
    condition and stays: only verbs of knowing, `knowing_if_verbs`.)"""
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words or words[0].lower_ != "if" or not bases & lexicon()["knowing_if_verbs"]:
        return False
    source = text_of(doc)[group.source.start : group.source.end].strip().lower() if group.source else ""
    negative_source = source.split()[:1] in (["nobody"], ["none"], ["neither"], ["no"], ["noone"])
    return _negated(cue) or negative_source


def _question_put(spans: list[Span], cue: Span) -> bool:
    """"Pelosi said when asked | if the committee was conducting an inquiry", "Ryan was asked on
    television | whether he was "abandoning his troops"": a content that is the question put to
    the speaker (an "if", "whether" or "about" under a passive or bare participle of asking) is
    what the speaker was asked, not what the speaker said, quoted words or not."""
    words = [t for sp in spans for t in sp if t.is_alpha]
    if not words or words[0].lower_ not in ("if", "whether", "about"):
        return False
    inside = {t.i for sp in spans for t in sp}
    verb = words[0].head
    while verb.i in inside and verb.head.i != verb.i:
        verb = verb.head
    if verb.i in inside or verb.lemma_.lower() not in lexicon()["passive_question_verbs"] or verb.tag_ not in ("VBN", "VBD"):
        return False
    # a bare "when asked" (tagged VBN or VBD) or a passive; not "has asked whether", "Kemp asked if"
    return not any(c.dep_ in ("nsubj", "aux") for c in verb.children)


def _fragment(spans: list[Span]) -> bool:
    """A content of a few words that stops mid-phrase: "is seen | that Tillis", "considered |
    Capito's", "notes | that in", "said | amphibious warfare was": no proposition (the tagger
    lost the rest). A short clause that ends ("said | it is not") stays."""
    tokens = [t for sp in spans for t in sp if not t.is_punct and not t.is_space]
    words = [t for t in tokens if t.is_alpha]
    if not words or len(words) > _FRAGMENT_WORDS:
        return False
    last = tokens[-1]
    inside = {t.i for t in tokens}
    stranded = last.pos_ == "ADP" and last.head.i in inside and last.head.pos_ in ("VERB", "AUX")
    if (last.pos_ in _DANGLING_POS and last.dep_ != "prt" and not stranded) or last.tag_ in ("POS", "PRP$", "WDT", "WP", "WP$"):
        # not "will win out" (a particle ends its verb) nor "that is what he asked for" (a
        # preposition stranded by its verb)
        return True
    if last.pos_ == "AUX" and len(words) >= 3 and all(c.dep_ in ("nsubj", "nsubjpass", "expl", "punct", "aux")
                                                      for c in last.children):
        # "amphibious warfare was", "the kind of healer his supporters say | he can be": a copula
        # without its complement ("how unlikely that is" has it)
        return True
    return words[0].lower_ == "that" and not any(t.pos_ in ("VERB", "AUX") for t in words)


def is_junk(doc: Doc, group: Group) -> bool:
    """Whether an indirect statement says nothing that could be true or false (module doc)."""
    cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
    spans = _spans(doc, group)
    if cue is None or not len(cue) or not spans:
        return False
    if not any(ch.isalnum() for ch in cue.text):
        # a colon frame says what its label's speaker said, unless the line is page furniture
        # (a video player's line) or the label a section's or a link's ("ANALYSIS:", "More:")
        return cue.text.strip() == ":" and (_link_line(doc, cue) or _section_label(doc, cue))
    bases = _cue_bases(cue)
    if _naming(doc, spans, cue, bases):
        return True  # a name is no claim, quoted or not
    if (_negated_agentless_passive(group, cue) or _headline_label(cue) or _link_line(doc, cue)
            or _capitals_line(doc, cue) or _hypothetical(cue) or _in_hover_card(doc, group)):
        return True  # nobody said it, quoted or not
    kind = quote_kind(text_of(doc), [(c.start, c.end) for c in group.contents])
    if kind != "direct" and (_question_put(spans, cue) or _depiction(doc, group, spans, cue)
                             or _interrogated(spans, cue) or _evidence_of_events(doc, group, cue)
                             or _shown_things(spans, cue)):
        return True  # a question put or a scene shown, even with a few words in quotation marks
    if kind == "direct" and bases & lexicon()["request_verbs"] and _object_and_infinitive(spans) and not any(
            t.tag_ in ("VBD", "VBZ", "VBP", "MD") for sp in spans for t in sp):
        # 'exhorts | "younger politicians to gather ..."': a quoted aim is still an aim; not a
        # quoted sentence ('"It's essential to maintain it," the minister told journalists')
        return True
    if kind != "indirect":
        return False  # a quotation is what was said, whatever frames it
    if any(t.lower_ == "according" for t in cue):
        return False
    return (_writers_frame(doc, group, cue) or _aim(spans, cue, bases) or _topic(spans, cue)
            or _only_adverbial(spans) or _open_question(spans, bases, cue) or _noun_phrase(spans, cue, bases)
            or _negated_topic(spans, cue) or _passive_question(cue, bases) or _fragment(spans)
            or _not_known_if(doc, group, spans, cue, bases) or _due(spans, cue)
            or _mockery(spans, bases) or _relative_clause_cue(spans, cue) or _whether_or_not(spans))


def split_junk(doc: Doc, groups: list[Group]) -> tuple[list[Group], list[Group]]:
    """Statements, and the junk among them (`is_junk`, `_opens_on_another_cue`), which the
    caller shows as stances."""
    kept, junk = [], []
    text = text_of(doc)
    cues = {g.cue.start for g in groups if any(ch.isalnum() for ch in text[g.cue.start:g.cue.end])}
    for g in groups:
        g = without_questions_put(doc, g)
        (junk if is_junk(doc, g) or _opens_on_another_cue(text, g, cues) else kept).append(g)
    return kept, junk


def _opens_on_another_cue(text: str, group: Group, cues: set[int]) -> bool:
    """"The mayor chimed in | tweeting, "The council must ..."": a content that opens on another
    attribution's cue is that attribution's frame and content; this one says nothing itself."""
    if not group.contents or group.contents[0].start < group.cue.end:
        return False
    start = group.contents[0].start
    while start < len(text) and not text[start].isalnum():
        start += 1
    return start in cues and start != group.cue.start


def without_questions_put(doc: Doc, group: Group) -> Group:
    """A group without the content fragments that are the question put to the speaker
    (`_question_put`), where another fragment is left: 'Brenner responded | "no" | on Wednesday
    when asked | whether the council was in an inquiry' said "no", not the question."""
    if len(group.contents) < 2:
        return group
    kept = []
    for c in group.contents:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        cue = doc.char_span(group.cue.start, group.cue.end, alignment_mode="expand")
        if span is None or cue is None or not len(span) or not _question_put([span], cue):
            kept.append(c)
    if not kept or len(kept) == len(group.contents):
        return group
    return Group(cue=group.cue, source=group.source, contents=kept)
