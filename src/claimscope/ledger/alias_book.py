"""The alias file as the entity linker reads it: which names are one entity, and which are not.

Same JSON format as `nlp/lexicons/entities.json` and `demo/aliases.json` (the pipeline reads the
same files): `{"entities": [{"id", "name", "type", "aliases": [...], ...}]}`. For linking:

- `aliases` (and `demonyms`) **merge**: a document entity whose name is the entry's name or one of
  its aliases (normalised) belongs to the entry, whatever the rules would say and whatever type NER
  gave it, as the pipeline itself matches aliases before NER ("Dravon" tagged PERSON is still the
  government the file says it is), except that a person's entry takes only entities typed PERSON
  ("Varga" cut from "the Varga regime" is not the president). A name two entries claim goes to
  the one of the entity's type, else to neither.
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
    demonyms: list[str] = field(default_factory=list)
    not_names: set[str] = field(default_factory=set)  # normalised keys of `not`


def alias_entity_id(alias_id: str) -> str:
    """The corpus id of an alias-table entity: a hash of its table id, whatever its name."""
    return "ent-" + make_id("alias", alias_id)


class AliasBook:
    """The merged alias files: entries by id and by normalised name."""

    def __init__(self, entries: dict[str, AliasEntry] | None = None):
        self.entries: dict[str, AliasEntry] = entries or {}
        self.by_corpus_id = {alias_entity_id(i): e for i, e in self.entries.items()}
        by_name: dict[str, set[str]] = {}
        for entry in self.entries.values():
            for alias in [entry.name, *entry.aliases, *entry.demonyms]:
                by_name.setdefault(name_key(alias, entry.type), set()).add(entry.id)
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
                entry.demonyms += [d for d in raw.get("demonyms", []) if d not in entry.demonyms]
                entry.not_names |= {name_key(n, entry.type) for n in raw.get("not", [])}
        return cls(entries)

    def entry_named(self, name: str, type: str) -> AliasEntry | None:
        """The one entry whose name, alias or demonym this is: of the entity's type if several
        entries claim it; None if none or still several."""
        entries = [self.entries[i] for i in sorted(self.by_name.get(name_key(name, type), ()))]
        # A person's name inside an organisation's is the organisation ("Varga" cut from "the
        # Varga regime" and typed ORG); a place or organisation typed PERSON is an NER slip.
        entries = [e for e in entries if e.type != "PERSON" or type == "PERSON"]
        if len(entries) > 1:
            entries = [e for e in entries if type_family(e.type) == type_family(type)]
        return entries[0] if len(entries) == 1 else None


def _read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingError(str(path), f"cannot read the alias file: {exc}") from None
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, list) or not all(isinstance(e, dict) and "id" in e for e in entities):
        raise SettingError(str(path), 'not an alias file: expected {"entities": [{"id": ...}, ...]}')
    return entities
