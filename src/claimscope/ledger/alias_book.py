"""The alias file as the entity linker reads it: which names are one entity, and which are not.

Same JSON format as `nlp/lexicons/entities.json` and `demo/aliases.json` (the pipeline reads the
same files): `{"entities": [{"id", "name", "type", "aliases": [...], ...}]}`. For linking:

- `aliases` **merge**: a document entity whose name is the entry's name or one of its aliases
  (normalised, same type) belongs to the entry, whatever the rules would say.
- `not` **splits**: a list of names that must never be linked to the entry by any rule (not by
  name, surname, spelling or alias). `{"id": "anselm-varga", ..., "not": ["Mark Varga", "Varga"]}`.
  To split two people who share a name, give one of them an entry and the other's names in `not`.

Later files extend the entries of earlier ones by id (aliases and `not` are added), as the
pipeline does. The built-in table ships in the package; the user's file comes after it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from claimscope.errors import SettingError
from claimscope.ledger.names import name_key, type_family
from claimscope.model.ids import make_id

# The pipeline's built-in table (data, not code: reading it needs no spaCy).
BUILTIN_ALIASES = Path(__file__).resolve().parent.parent / "nlp" / "lexicons" / "entities.json"


@dataclass
class AliasEntry:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    not_names: set[str] = field(default_factory=set)  # normalised keys of `not`


def alias_entity_id(alias_id: str) -> str:
    """The corpus id of an alias-table entity: a hash of its table id, whatever its name."""
    return "ent-" + make_id("alias", alias_id)


class AliasBook:
    """The merged alias files: entries by id and by normalised name."""

    def __init__(self, entries: dict[str, AliasEntry] | None = None):
        self.entries: dict[str, AliasEntry] = entries or {}
        self.by_corpus_id = {alias_entity_id(i): e for i, e in self.entries.items()}
        by_name: dict[tuple[str, str], set[str]] = {}
        for entry in self.entries.values():
            for alias in [entry.name, *entry.aliases]:
                key = (type_family(entry.type), name_key(alias, entry.type))
                by_name.setdefault(key, set()).add(entry.id)
        self.by_name = by_name

    @classmethod
    def load(cls, *paths: Path | str | None, builtin: bool = True) -> AliasBook:
        entries: dict[str, AliasEntry] = {}
        for path in ((BUILTIN_ALIASES,) if builtin else ()) + paths:
            if path is None:
                continue
            for raw in _read(Path(path)):
                kind = raw.get("type", "ORG")  # the pipeline's default too
                entry = entries.get(raw["id"])
                if entry is None:
                    entry = entries[raw["id"]] = AliasEntry(raw["id"], raw.get("name", raw["id"]), kind)
                entry.aliases += [a for a in raw.get("aliases", []) if a not in entry.aliases]
                entry.not_names |= {name_key(n, entry.type) for n in raw.get("not", [])}
        return cls(entries)

    def entry_named(self, name: str, type: str) -> AliasEntry | None:
        """The one entry whose name or alias this is (same type); None if none or several."""
        ids = self.by_name.get((type_family(type), name_key(name, type)), set())
        return self.entries[next(iter(ids))] if len(ids) == 1 else None


def _read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingError(str(path), f"cannot read the alias file: {exc}") from None
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, list) or not all(isinstance(e, dict) and "id" in e for e in entities):
        raise SettingError(str(path), 'not an alias file: expected {"entities": [{"id": ...}, ...]}')
    return entities
