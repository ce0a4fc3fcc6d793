"""Check a user's alias file (--aliases / CLAIMSCOPE_ALIASES) before any work starts.

The format is that of `nlp/lexicons/entities.json`: `{"entities": [{"id", "name", "type",
"aliases", "demonyms", "stands_for", "cities"}, ...]}`. An entry with an id the built-in table (or an
earlier entry) already has may leave out "name": it only adds aliases. The entity linker reads
the file later, deep inside the pipeline; checked here, a bad file is one error naming it.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimscope.errors import AliasFileInvalid

_LISTS = ("aliases", "demonyms", "cities")
_STRINGS = ("type", "stands_for")


def _builtin_ids() -> set[str]:
    from claimscope.nlp.entities import LEXICON

    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    return {raw["id"] for raw in data["entities"]}


def check_alias_file(path: Path) -> None:
    """Raise AliasFileInvalid (E302) naming the file and the first problem found."""
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AliasFileInvalid(name, "alias file not found") from None
    except IsADirectoryError:
        raise AliasFileInvalid(name, "is a folder, not an alias file") from None
    except OSError as exc:
        raise AliasFileInvalid(name, f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError:
        raise AliasFileInvalid(name, "is not UTF-8 text") from None
    except ValueError as exc:
        raise AliasFileInvalid(name, f"is not valid JSON ({exc})") from None
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, list):
        raise AliasFileInvalid(name, 'needs an "entities" list (see src/claimscope/nlp/lexicons/entities.json)')
    known = _builtin_ids()
    for i, raw in enumerate(entities):
        where = f"entities[{i}]"
        if not isinstance(raw, dict):
            raise AliasFileInvalid(name, f"{where} is not an object")
        entry_id = raw.get("id")
        if not isinstance(entry_id, str) or not entry_id.strip():
            raise AliasFileInvalid(name, f'{where} has no "id"')
        where = f"{where} ({entry_id})"
        if entry_id not in known and not (isinstance(raw.get("name"), str) and raw["name"].strip()):
            raise AliasFileInvalid(name, f'{where} has no "name" (needed for a new id)')
        for key in _LISTS:
            value = raw.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise AliasFileInvalid(name, f'{where}: "{key}" must be a list of non-empty strings')
        for key in _STRINGS:
            if key in raw and not isinstance(raw[key], str):
                raise AliasFileInvalid(name, f'{where}: "{key}" must be a string')
        known.add(entry_id)
