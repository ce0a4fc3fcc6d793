"""The controlled vocabulary (statuses, evidence kinds, attribution kinds) is data."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).with_name("vocabulary.json")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, str]]:
    return json.loads(_FILE.read_text(encoding="utf-8"))


def terms(kind: str) -> list[str]:
    """The allowed values of one field, e.g. terms("epistemic_status")."""
    return list(vocabulary()[kind])
