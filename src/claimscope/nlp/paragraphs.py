"""claimscope_paragraphs: a blank line or a line break always ends a sentence.

News text puts the title and each paragraph on lines of their own; the parser, left alone,
sometimes runs a title into the lede. Runs before the parser, which keeps preset boundaries.
"""

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimscope.nlp.extensions import text_of


@Language.component("claimscope_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws[len(token.text):] or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


def is_heading(sentence: Span) -> bool:
    """Titles and crossheads: sentences on a line that does not end like a sentence.

    "Opinion: Kestria's denials no longer hold. It is time to act" is one title line even
    though the parser finds two sentences in it.
    """
    text = text_of(sentence.doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    line_end = text.find("\n", sentence.start_char)
    line = text[line_start : line_end if line_end != -1 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?\"'”’:;)"
