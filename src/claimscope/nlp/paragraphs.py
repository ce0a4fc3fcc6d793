"""claimscope_paragraphs: a blank line or a line break always ends a sentence.

News text puts the title and each paragraph on lines of their own; the parser, left alone,
sometimes runs a title into the lede. Runs before the parser, which keeps preset boundaries.

Adding the component also teaches the tokenizer the rank abbreviations of news style ("Lance
Cpl.", "Staff Sgt.", "Capt."): the model's tokenizer splits their full stop off, and the
parser then ends the sentence inside the name ("The patrol was led by Lance Cpl." as a claim).
"""

import re
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimscope.nlp.extensions import text_of

# Abbreviations before a name that the model's tokenizer does not keep whole (checked on
# en_core_web_sm 3.8: "Gen.", "Adm.", "Rep.", "Sen.", "Gov." it already keeps).
RANK_ABBREVIATIONS = ("Cpl.", "Sgt.", "Pfc.", "Pvt.", "Spc.", "Capt.", "Col.", "Lt.", "Maj.",
                      "Cmdr.", "Brig.", "Ens.", "Supt.", "Insp.", "Det.", "Cpt.",
                      # Plurals before several names ("GOP Sens. Ted Cruz and Mike Lee"): the
                      # parser ended the sentence at "Sens." (issue 9, tuning judge 10).
                      "Sens.", "Reps.", "Govs.")


def add_abbreviations(nlp: Language) -> None:
    for word in RANK_ABBREVIATIONS:
        for form in (word, word.upper()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@Language.factory("claimscope_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    add_abbreviations(nlp)
    return mark_paragraphs


def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws[len(token.text):] or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
            _keep_first_word(doc, token.i + 1)
    return doc


def _keep_first_word(doc: Doc, first: int) -> None:
    """A name opening a line is one sentence's: with the line's start preset, the parser now and
    then makes a sentence of the first word alone ("Jane | Hale, who ..., visited", "President
    | Trump, from the ..."), and the tagger can then find no name across the cut. Where a line
    opens with two capitalised words, the second opens no sentence."""
    if first + 1 >= len(doc):
        return
    word, second = doc[first], doc[first + 1]
    if "\n" in word.text_with_ws or second.is_sent_start is not None:
        return
    if all(t.is_alpha and (t.is_title or t.is_upper) for t in (word, second)):
        second.is_sent_start = False


# A video player's line: "JUST WATCHED Obama on the deal Replay More Videos ... MUST WATCH Obama
# on the deal 03:39" (CNN). Its titles are no one's words and name no one of the article.
_VIDEO_PLAYER_LINE = re.compile(r"^\W{0,3}(?:just watched|must watch)\b|\bReplay More Videos\b", re.IGNORECASE)


def is_video_player_line(line: str) -> bool:
    return bool(_VIDEO_PLAYER_LINE.search(line.strip()))


def is_heading(sentence: Span) -> bool:
    """Titles and crossheads: sentences on a line that does not end like a sentence, and a
    short question that is a paragraph of its own (`question_crosshead`).

    "Opinion: Kestria's denials no longer hold. It is time to act" is one title line even
    though the parser finds two sentences in it.
    """
    text = text_of(sentence.doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    line_end = text.find("\n", sentence.start_char)
    line = text[line_start : line_end if line_end != -1 else len(text)].rstrip()
    return bool(line) and (line[-1] not in ".!?\"'”’:;)" or question_crosshead(text, line_start, line))


# Words a crosshead question opens with ("What happened at the hearing?", "Is secret
# recording allowed?").
_QUESTION_OPENERS = {"what", "why", "how", "who", "whom", "whose", "where", "when", "which",
                     "is", "are", "was", "were", "will", "would", "can", "could", "does", "do",
                     "did", "should", "has", "have"}
MAX_CROSSHEAD_WORDS = 12


def question_crosshead(text: str, line_start: int, line: str) -> bool:
    """A short question standing alone as a paragraph on an explainer page: the crossheads
    and related-link headings that ask nothing of anyone ("What happened at the hearing?"
    followed by the answer). The page must have at least `MIN_CROSSHEADS` of them, each with
    a paragraph after it; a lone rhetorical question ("Did the government know about the
    cracks?"), a question inside a paragraph, a quoted one and a speaker's question in a
    transcript ("AMY GOODMAN: ...?") are not crossheads. A title that asks, on the first line
    before a blank line, is a heading too."""
    if line_start == 0 and _crosshead_like(line) and text[len(line):].lstrip(" \t").startswith("\n\n"):
        return True  # "How will the council solve the quay riddle?" as the title line
    return line_start in _crossheads(text)


MIN_CROSSHEADS = 2


@lru_cache(maxsize=8)
def _crossheads(text: str) -> frozenset[int]:
    found, at = [], 0
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        line = raw.rstrip()
        if _crosshead_like(line) and (i == 0 or not lines[i - 1].strip()) and (
                i + 2 < len(lines) and not lines[i + 1].strip() and lines[i + 2].strip()):
            found.append(at)
        at += len(raw) + 1
    return frozenset(found) if len(found) >= MIN_CROSSHEADS else frozenset()


def _crosshead_like(line: str) -> bool:
    words = line.split()
    if not words or line[-1] != "?" or len(words) > MAX_CROSSHEAD_WORDS:
        return False
    if words[0].lower().strip("'‘") not in _QUESTION_OPENERS or any(q in line for q in "\"“”:"):
        return False
    return not any(mark in line[:-1] for mark in ".!?")  # one sentence, not a paragraph
