"""Doc extensions for what span groups cannot hold: linked records (claims, attributions)."""

from spacy.tokens import Doc

_RECORD_LISTS = ("entities", "attributions", "claims", "techniques")


def ensure_extensions() -> None:
    """Register once; every component calls this from its factory."""
    for name in _RECORD_LISTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("structure"):
        Doc.set_extension("structure", default=None)
