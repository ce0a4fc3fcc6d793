"""claimscope_argument: thesis, enumerated arguments and conclusion of an argumentative text.

Arguments are found by their markers at the start of a sentence: ordinals followed by a comma
("First, ...", "Secondly, ..."), ordinal + argument noun ("The second reason ...", "The final
argument ..."), an ordinal as the sentence's subject or adverb ("Second should be ...", "First
on the list is ...", "Finally the council ..."), and set phrases ("Last but not least",
"First of all"; lexicons/cues.json). An argument runs to the next marker, the
conclusion, or the end of its paragraph run. One marker alone is no enumeration: structure is
only built from two or more, so a news report that says "First, ..." once is left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimscope.model.records import Argument, Structure, TextSpan
from claimscope.nlp.cues import CueMatcher, lexicon
from claimscope.nlp.extensions import ensure_extensions, text_of
from claimscope.nlp.paragraphs import is_heading

_OPENERS = {"the", "my", "our", "a", "and", "but", "so", "one"}


# An ordinal that opens the sentence as its subject or sentence adverb ("Second should be
# ...", "First on the list is ...", "Finally the council ..."), not as a modifier of a noun
# ("First responders", "Last week", "Second World War").
_ORDINAL_ROLES = {"nsubj", "nsubjpass", "advmod", "npadvmod", "advcl", "attr", "ROOT"}


def find_marker(sentence: Span, ordinals: dict, argument_nouns: set[str],
                phrases: dict | None = None) -> tuple[Span, int | None] | None:
    """The marker that opens a sentence and its ordinal (-1 for final, None for 'next')."""
    tokens = [t for t in sentence if not (t.is_punct and t.i == sentence.start) and not t.is_space]
    if not tokens:
        return None
    doc = sentence.doc
    lowered = [t.lower_ for t in tokens]
    for phrase, ordinal in (phrases or {}).items():
        words = phrase.split()
        # "Last but not least, ...", "First and foremost, ...", "First of all, ..."
        if lowered[: len(words)] == words:
            return doc[tokens[0].i : tokens[len(words) - 1].i + 1], ordinal
    i = 0
    while i < len(tokens) - 1 and tokens[i].lower_ in _OPENERS and tokens[i].lower_ not in ordinals:
        i += 1
    word = tokens[i].lower_
    if word not in ordinals:
        return None
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is not None and following.text == ",":
        # "First, ...", "Finally, ..."
        return doc[tokens[0].i : tokens[i].i + 1], ordinals[word]
    # "The second reason ...", "My final argument is ...", "Another piece of evidence ..."
    window = tokens[i + 1 : i + 5]
    for j, t in enumerate(window):
        if t.lemma_.lower() in argument_nouns or t.lower_ in argument_nouns:
            return doc[tokens[0].i : window[j].i + 1], ordinals[word]
    ordinal = tokens[i]
    if i == 0 and ordinal.dep_ in _ORDINAL_ROLES and (
        ordinal.head.pos_ in ("VERB", "AUX") or ordinal.dep_ == "ROOT"
    ) and following is not None and following.pos_ not in ("NOUN", "PROPN", "NUM"):
        return doc[ordinal.i : ordinal.i + 1], ordinals[word]
    return None


class ArgumentStructure:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self._matcher: CueMatcher | None = None

    def _cues(self) -> CueMatcher:
        if self._matcher is None:
            self._matcher = CueMatcher(self.vocab)
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        ordinals = lex["ordinals"]
        nouns = set(lex["argument_nouns"])
        sentences = list(doc.sents)
        markers = []
        for index, sentence in enumerate(sentences):
            found = find_marker(sentence, ordinals, nouns, lex["ordinal_phrases"])
            if found is not None:
                markers.append((index, found[0], found[1]))
        markers = _one_list(markers)
        structure = Structure()
        if len(markers) >= 2:
            structure = self._build(doc, sentences, markers)
        doc._.structure = structure
        claims = doc._.claims or []
        for argument in structure.arguments:
            argument.claims = [c.id for c in claims if argument.start <= c.start < argument.end]
            for claim in claims:
                if claim.id in argument.claims:
                    claim.argument = argument.id
        return doc

    def _build(self, doc: Doc, sentences: list[Span], markers) -> Structure:
        matcher = self._cues()
        first_index, last_index = markers[0][0], markers[-1][0]
        thesis = None
        before = [s for s in sentences[:first_index] if not is_heading(s) and not _is_bio(s)]
        if before and _introduces_list(before[-1]):
            thesis = before[-1]  # "There are three reasons the plan fails:"
        for sentence in reversed(before):
            if thesis is None and matcher.find(sentence).get("thesis"):
                thesis = sentence
        if thesis is None:
            thesis = before[0] if before else None
        conclusion = None
        conclusion_index = len(sentences)
        after = range(_paragraph_end(doc, sentences, last_index) + 1, len(sentences))
        for index in range(last_index + 1, len(sentences)):
            if matcher.find(sentences[index][:4]).get("conclusion"):
                conclusion, conclusion_index = sentences[index], index
                break
        if conclusion is None:
            # Without a cue, the first call to act after the arguments concludes ("X should ...").
            for index in after:
                if _recommends(sentences[index]) and not _is_bio(sentences[index]):
                    conclusion, conclusion_index = sentences[index], index
                    break
        arguments = []
        position = 0
        for n, (index, marker, ordinal) in enumerate(markers):
            if n + 1 < len(markers):
                stop = markers[n + 1][0]
            else:
                stop = min(conclusion_index, _paragraph_end(doc, sentences, index) + 1)
            position += 1
            start = sentences[index].start_char
            end = sentences[stop - 1].end_char
            arguments.append(Argument(
                id=f"arg{position}", marker=marker.text, start=start, end=end,
                ordinal=position if ordinal in (None, -1) else ordinal,
            ))
        return Structure(thesis=_text(thesis), arguments=arguments, conclusion=_text(conclusion))


_COUNT_WORDS = {"two", "three", "four", "five", "six", "seven", "several", "few", "many"}


def _introduces_list(sentence: Span) -> bool:
    """A sentence that announces the list: it ends in a colon or counts its items."""
    if sentence.text.rstrip().endswith(":"):
        return True
    return any(t.lower_ in _COUNT_WORDS and t.head.tag_ in ("NNS", "NNPS") for t in sentence)


def _one_list(markers):
    """The enumeration runs from its "first" to its "finally": a closer met before the first
    item ("Last but not least" ending an earlier aside) or items after the closer are not in it."""
    start = next((n for n, m in enumerate(markers) if m[2] == 1), 0)
    markers = markers[start:]
    end = next((n for n, m in enumerate(markers) if m[2] == -1), len(markers) - 1)
    return markers[: end + 1]


def _paragraph_end(doc: Doc, sentences: list[Span], index: int) -> int:
    while index + 1 < len(sentences) and "\n" not in text_of(doc)[sentences[index].end_char - 1 : sentences[index + 1].start_char]:
        index += 1
    return index


_NORMATIVE = {"should", "must", "ought", "need", "needs", "time"}
_BIO_NOUNS = {"columnist", "writer", "author", "professor", "contributor", "editor", "fellow",
              "correspondent", "reporter", "analyst"}


def _recommends(sentence: Span) -> bool:
    return any(t.lower_ in _NORMATIVE and t.pos_ in ("AUX", "VERB", "NOUN") for t in sentence)


def _is_bio(sentence: Span) -> bool:
    """The author's byline of an opinion piece: "X is a columnist for ...", "X, an attorney,
    is president of ..."."""
    return sentence[0].ent_type_ == "PERSON" and any(
        t.lower_ in _BIO_NOUNS or t.lower_ in ("president", "ceo", "director", "attorney")
        for t in sentence)


def _text(span: Span | None) -> TextSpan | None:
    return TextSpan.cut(text_of(span.doc), span.start_char, span.end_char, strip=True) if span is not None else None


@Language.factory("claimscope_argument", assigns=["doc._.structure"], requires=["doc._.claims"])
def make_argument(nlp: Language, name: str):
    ensure_extensions()
    return ArgumentStructure(nlp, name)
