"""Doc extensions for what span groups cannot hold: linked records (claims, attributions)."""

from spacy.tokens import Doc

_RECORD_LISTS = ("entities", "attributions", "stances", "claims", "techniques")


def ensure_extensions() -> None:
    """Register once; every component calls this from its factory."""
    for name in _RECORD_LISTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("structure"):
        Doc.set_extension("structure", default=None)


_TEXT_KEY = ("claimscope", "text")


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy rebuilds `doc.text` from its tokens on every access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
