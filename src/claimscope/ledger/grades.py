"""Admiralty grades: source reliability A-F from the user's file, information credibility 1-6.

Reliability is the user's judgement of an outlet or a source, never claimscope's: a JSON file
given with `--reliability FILE`

    {"outlets": {"Coastline Wire": "B", "Kestria Today": "E"},
     "sources": {"priya-halloran": "B", "Government of Kestria": "D"}}

(keys are outlet names, or source names / entity ids, compared case-insensitively). Anything not
in the file is F, "reliability cannot be judged". Credibility is computed from corroboration,
conflict and hedging by `credibility` below (the rule as data: `grades.json`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from claimscope.errors import ReliabilityFileError

RELIABILITY = {"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
               "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged"}


def load_reliability(path) -> dict:
    """The user's reliability file as {"outlets": {name: grade}, "sources": {name: grade}},
    lowercased names; no file is an empty table (every source F)."""
    if path is None:
        return {"outlets": {}, "sources": {}}
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReliabilityFileError(path, f"cannot be read ({exc.strerror})") from None
    except ValueError as exc:
        raise ReliabilityFileError(path, f"is not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ReliabilityFileError(path, 'must be an object with "outlets" and/or "sources"')
    table = {}
    for part in ("outlets", "sources"):
        values = data.get(part, {})
        if not isinstance(values, dict):
            raise ReliabilityFileError(path, f'"{part}" must map names to grades A-F')
        for name, grade in values.items():
            if str(grade).upper() not in RELIABILITY:
                raise ReliabilityFileError(path, f"{name}: grade must be one of A-F, got {grade!r}")
        table[part] = {str(k).lower(): str(v).upper() for k, v in values.items()}
    return table


@lru_cache(maxsize=1)
def credibility_rules() -> dict:
    return json.loads(Path(__file__).with_name("grades.json").read_text(encoding="utf-8"))
