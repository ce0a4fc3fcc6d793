"""Bytes to text: refuse binary data, prefer UTF-8, otherwise let charset-normalizer choose."""

from __future__ import annotations

from claimscope.errors import BinaryInput, EmptyInput, UndecodableInput

# How much of the start of the data the binary sniffing looks at: enough to be representative,
# small enough to stay cheap on a 10 MB input.
SNIFF_BYTES = 8192

# Signatures of common binary formats, so the error can say what the file probably is.
_MAGIC = {
    b"%PDF-": "PDF",
    b"PK\x03\x04": "ZIP/Office document",
    b"\x1f\x8b": "gzip",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
}

_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Control bytes that never occur in text (tab, newline, form feed, carriage return and ESC do).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def check_not_binary(name: str, data: bytes) -> None:
    """Raise BinaryInput when the data is evidently not text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(name, f"looks binary ({kind}), not text")
    head = data[:SNIFF_BYTES]
    # UTF-16/32 text is full of NUL bytes but announces itself with a BOM.
    if head.startswith(_UTF16_32_BOMS):
        return
    if b"\x00" in head:
        raise BinaryInput(name, "looks binary (contains NUL bytes), not text")
    controls = sum(1 for b in head if b in _CONTROL)
    if head and controls / len(head) > 0.05:
        raise BinaryInput(
            name, f"looks binary ({controls} control bytes in the first {len(head)}), not text"
        )


def decode_bytes(name: str, data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). ``declared`` is a charset named by the source (HTTP header)."""
    if not data:
        raise EmptyInput(name, "is empty (0 bytes)")
    check_not_binary(name, data)
    # UTF-8 first: it is by far the most common, and a strict decode that succeeds is never wrong.
    for encoding in _candidates(declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return _normalise(text), _encoding_name(encoding, data)
    # Imported here: charset-normalizer is only needed for the rare non-UTF-8 input.
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = _prefer_western(results)
    if best is None:
        raise UndecodableInput(name, "is not UTF-8 and no other text encoding fits")
    text = str(best)
    if _mostly_unprintable(text):
        raise BinaryInput(name, "looks binary (mostly non-printable characters), not text")
    return _normalise(text), best.encoding


# We read English news: when a Western code page fits as well as charset-normalizer's first
# choice, take it (it otherwise may pick cp1250 for cp1252 text and garble the accents).
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _prefer_western(results):
    best = results.best()
    if best is None:
        return None
    for match in results:
        if (
            match.encoding in _WESTERN
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence
        ):
            return match
    return best


def _candidates(declared: str | None) -> list[str]:
    out = []
    if declared:
        out.append(declared.strip().lower())
    out.append("utf-8-sig")  # also strips a UTF-8 BOM
    return out


def _encoding_name(encoding: str, data: bytes) -> str:
    if encoding in ("utf-8-sig", "utf-8", "utf8"):
        return "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return encoding


def _normalise(text: str) -> str:
    # Offsets of everything downstream point into this text, so change as little as possible.
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _mostly_unprintable(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return False
    bad = sum(1 for ch in sample if not (ch.isprintable() or ch.isspace()))
    return bad / len(sample) > 0.1
