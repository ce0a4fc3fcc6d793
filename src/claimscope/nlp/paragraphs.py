"""claimscope_paragraphs: a blank line or a line break always ends a sentence.

News text puts the title and each paragraph on lines of their own; the parser, left alone,
sometimes runs a title into the lede. Runs before the parser, which keeps preset boundaries.
"""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("claimscope_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws[len(token.text):] or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc
