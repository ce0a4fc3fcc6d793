"""Entities across documents: link each document's entities to corpus entities.

A document's entities (`model.records.Entity`) carry an alias-table id (`kestria`,
`vladimir-putin`) or a slug of their fullest name. The rules, tried in this order:

1. `same_alias_id` / `alias_named`: the same alias-table id, or a name the alias file lists
   for one entry, is that entry's corpus entity (whatever type NER gave it, except that only
   entities typed PERSON join a person).
2. `same_name`: the same normalised name and type is one corpus entity (places, GPE / LOC /
   FAC, count as one type: NER calls one city each of them).
3. `compatible_person` / `spelling_variant` / `acronym_of`: a person whose name contradicts
   nothing in one corpus person (surname equal or a transliteration, given names agree, suffixes
   equal); any other name that is a transliteration of one corpus entity's name; an acronym and
   the name it abbreviates (`acronym_of`: IMF / International Monetary Fund): each joins the one
   corpus entity it fits, never one of two. `demonym_to_place`: a nationality (NORP,
   "Carvelian") is the one place its name is made from.
4. `surname_to_full_name`: a surname alone ("Varga", "Mr. Varga") or an initial with a surname
   ("J. Smith") joins the one person it can mean: in its own document first, else in the corpus;
   never when two people share the surname. A lone word that is nobody's surname may be the
   given name of one person ("Hillary").
5. Never two people whose given names differ: `names.persons_agree` is asked of every pair.

An entity no rule links founds a corpus entity. The alias file's `not` lists split (see
`alias_book`). Linking is incremental (`CorpusLinker.link`: corpus entities so far plus one
document); `relink` redoes the whole corpus at once, and gives the same result whatever the
order of the documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from claimscope.ledger.alias_book import AliasBook, alias_entity_id
from claimscope.ledger.names import (
    PersonName,
    acronym,
    demonym_places,
    initials,
    is_initial,
    name_key,
    names_are_variants,
    parse_person,
    persons_agree,
    skeleton,
    surnames_agree,
    type_family,
    words,
)
from claimscope.model.corpus import CorpusEntity
from claimscope.model.ids import make_id
from claimscope.model.records import Entity

MAX_ALIASES = 50  # names kept on a corpus entity for display; matching uses them all


def name_entity_id(type: str, key: str, *extra: str) -> str:
    """The corpus id of an entity founded by a name: a hash of its type and normalised name."""
    return "ent-" + make_id(type_family(type), key, *extra)


@dataclass
class LinkResult:
    """(document id, document entity id) -> corpus entity id, and the corpus entities that are
    new or changed (counts, names) by these links."""

    links: dict[tuple[str, str], str] = field(default_factory=dict)
    entities: list[CorpusEntity] = field(default_factory=list)


@dataclass
class _Cluster:
    id: str
    type: str
    name: str
    alias_id: str | None = None
    names: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # the names normalised
    persons: list[PersonName] = field(default_factory=list)  # parsed names with a given name
    mentions: int = 0
    documents: int = 0

    def record(self) -> CorpusEntity:
        aliases = sorted(n for n in self.names if n != self.name)[:MAX_ALIASES]
        return CorpusEntity(id=self.id, name=self.name, type=self.type, aliases=aliases,
                            mentions=self.mentions, documents=self.documents)


# -- the rules, each a small function over the linker's state ----------------------------------

def same_alias_id(entity: Entity, book: AliasBook) -> str | None:
    """Rule 1: a document entity whose id is an alias-table id is that entry (a person's entry
    only for an entity typed PERSON, as for names)."""
    entry = book.entries.get(entity.id)
    if entry is None or (entry.type == "PERSON" and entity.type != "PERSON"):
        return None
    return entry.id


def alias_named(entity: Entity, book: AliasBook) -> str | None:
    """Rule 1, by name: the alias file lists this name (normalised) for one entry, as its name,
    an alias or a demonym; the pipeline matches these before NER types anything."""
    entry = book.entry_named(entity.name, entity.type)
    return entry.id if entry else None


def blocked(cluster: _Cluster, key: str, book: AliasBook) -> bool:
    """The split: the alias file's `not` list of the cluster's entry names this name."""
    entry = book.entries.get(cluster.alias_id) if cluster.alias_id else None
    return entry is not None and key in entry.not_names


def is_partial_person(entity: Entity) -> bool:
    """A person named by a surname alone or an initial and a surname: rule 4 links these after
    every full name is in place."""
    if entity.type != "PERSON":
        return False
    person = parse_person(entity.name)
    return person is not None and (not person.is_full or len(person.first) == 1)


def accepts_person(cluster: _Cluster, person: PersonName) -> bool:
    """Rule 5: a corpus person accepts a name only if it agrees with every full name it has."""
    return bool(cluster.persons) and all(persons_agree(person, q) for q in cluster.persons)


# -- the linker ---------------------------------------------------------------------------------

class CorpusLinker:
    """The corpus entities so far, indexed for the rules; `link` adds documents to them."""

    def __init__(self, book: AliasBook | None = None,
                 corpus: Iterable[CorpusEntity] = ()):
        self.book = book or AliasBook()
        self.clusters: dict[str, _Cluster] = {}
        self._by_key: dict[tuple[str, str], list[str]] = {}
        self._by_skeleton: dict[tuple[str, str], list[str]] = {}
        self._by_initials: dict[tuple[str, str], list[str]] = {}  # what acronyms would match
        self._by_acronym: dict[tuple[str, str], list[str]] = {}  # names written as acronyms
        self._by_given: dict[str, list[str]] = {}  # given names of corpus persons
        for record in corpus:
            entry = self.book.by_corpus_id.get(record.id)
            cluster = _Cluster(record.id, record.type, record.name,
                               alias_id=entry.id if entry else None,
                               mentions=record.mentions, documents=record.documents)
            self.clusters[cluster.id] = cluster
            for name in [record.name, *record.aliases]:
                self._add_name(cluster, name)

    # -- public --------------------------------------------------------------------------------
    def link(self, document_id: str, entities: Iterable[Entity]) -> LinkResult:
        """Link one new document's entities; earlier links are never revised (see `relink`)."""
        return self.link_many([(document_id, list(entities))])

    def link_many(self, documents: Iterable[tuple[str, list[Entity]]]) -> LinkResult:
        """Link several documents together: every full name of all of them first, then the
        surnames and initials, so a batch does not depend on the order of its documents."""
        documents = [(doc, list(ents)) for doc, ents in documents]
        links: dict[tuple[str, str], str] = {}
        touched: set[str] = set()
        full: list[tuple[str, Entity]] = []
        partial: dict[str, list[Entity]] = {}
        for doc, ents in documents:
            for entity in ents:
                alias_id = self._alias_rule(entity)
                if alias_id:
                    cluster = self._alias_cluster(alias_id)
                    links[(doc, entity.id)] = cluster.id
                    self._attach(cluster, entity)
                elif is_partial_person(entity) or entity.type == "NORP":
                    partial.setdefault(doc, []).append(entity)
                else:
                    full.append((doc, entity))
        # The fullest names found the corpus entities, so a batch's ids do not hang on order.
        full.sort(key=lambda de: (-len(words(de[1].name, de[1].type)),
                                  name_key(de[1].name, de[1].type), de[0], de[1].id))
        for doc, entity in full:
            links[(doc, entity.id)] = self._link_full(entity).id
            self._attach(self.clusters[links[(doc, entity.id)]], entity)
        for doc, ents in documents:
            in_document = [(parse_person(e.name), links[(doc, e.id)]) for e in ents
                           if e.type == "PERSON" and (doc, e.id) in links]
            in_document = [(p, c) for p, c in in_document if p is not None and p.is_full]
            for entity in partial.get(doc, ()):
                if entity.type == "NORP":
                    cluster = self.demonym_to_place(entity) or self._link_full(entity)
                else:
                    cluster = self._link_partial(entity, doc, in_document)
                links[(doc, entity.id)] = cluster.id
                self._attach(cluster, entity)
        # Names are attached as they link (later names match them); counts come last, once.
        by_doc = {doc: {e.id: e for e in ents} for doc, ents in documents}
        seen_in: dict[str, set[str]] = {}
        for (doc, entity_id), cluster_id in links.items():
            entity, cluster = by_doc[doc][entity_id], self.clusters[cluster_id]
            self._attach(cluster, entity)
            cluster.mentions += len(entity.mentions)
            seen_in.setdefault(cluster_id, set()).add(doc)
            touched.add(cluster_id)
        for cluster_id, docs in seen_in.items():
            self.clusters[cluster_id].documents += len(docs)
        return LinkResult(links, [self.clusters[c].record() for c in sorted(touched)])

    def entities(self) -> list[CorpusEntity]:
        return [c.record() for c in sorted(self.clusters.values(), key=lambda c: c.id)]

    # -- rules applied ---------------------------------------------------------------------------
    def _alias_rule(self, entity: Entity) -> str | None:
        alias_id = same_alias_id(entity, self.book) or alias_named(entity, self.book)
        if alias_id and name_key(entity.name, entity.type) in self.book.entries[alias_id].not_names:
            return None
        return alias_id

    def _link_full(self, entity: Entity) -> _Cluster:
        key = name_key(entity.name, entity.type)
        found = self.same_name(entity.type, key)
        if found is None and entity.type == "PERSON":
            found = self.compatible_person(entity, key)
        elif found is None:
            found = self.spelling_variant(entity.type, key) or self.acronym_of(entity)
        return found or self._new(entity.type, key, entity.name)

    def same_name(self, type: str, key: str) -> _Cluster | None:
        """Rule 2: the corpus entity that already goes by this normalised name and type (an
        alias-table entity first, then the one the name founded)."""
        candidates = [self.clusters[c] for c in self._by_key.get((type_family(type), key), ())]
        candidates = [c for c in candidates if not blocked(c, key, self.book)]
        if not candidates:
            return None
        candidates.sort(key=lambda c: (c.alias_id is None, c.id != name_entity_id(type, key), c.id))
        return candidates[0]

    def compatible_person(self, entity: Entity, key: str) -> _Cluster | None:
        """Rule 3 for people: the one corpus person this full name contradicts in nothing (rule 5),
        the surname spelled the same or transliterated. With none, the one person so far known
        only by this surname (a surname seen before any full name) becomes this person."""
        person = parse_person(entity.name)
        if person is None:
            return None
        bucket = self._person_bucket(person)
        candidates = [c for c in bucket if accepts_person(c, person) and not blocked(c, key, self.book)]
        if len(candidates) == 1:
            return candidates[0]
        if candidates or any(c.persons for c in bucket if any(
                surnames_agree(person.surname, q.surname) for q in c.persons)):
            return None  # two people could be meant, or another person has this surname
        regular = name_entity_id("PERSON", person.surname)
        lone = [c for c in bucket if c.id == regular and not blocked(c, key, self.book)]
        return lone[0] if lone else None

    def spelling_variant(self, type: str, key: str) -> _Cluster | None:
        """Rule 3 for other names: the one corpus entity of the same type whose name is this one
        spelled another way, word by word (Hizbollah / Hezbollah)."""
        mine = key.split()
        ids = dict.fromkeys(self._by_skeleton.get((type_family(type), _skeleton(mine)), ()))
        candidates = [c for c in (self.clusters[i] for i in ids)
                      if not blocked(c, key, self.book)
                      and any(names_are_variants(mine, k.split()) for k in c.keys)]
        return candidates[0] if len(candidates) == 1 else None

    def acronym_of(self, entity: Entity) -> _Cluster | None:
        """Rule 3 for organisations and other names: an acronym in capitals and the one corpus
        name of the same type whose initials it is (IMF / International Monetary Fund, DPRK /
        Democratic People's Republic of Korea), either way round; with two such names (RNC:
        Republican National Committee, Republican National Convention), no link."""
        family, key = type_family(entity.type), name_key(entity.name, entity.type)
        short = acronym(entity.name)
        if short:
            ids = list(self._by_initials.get((family, short), ()))
        else:
            full = initials(key.split())
            ids = list(self._by_acronym.get((family, full), ())) if full else []
        candidates = [self.clusters[i] for i in dict.fromkeys(ids)]
        candidates = [c for c in candidates if not blocked(c, key, self.book)]
        return candidates[0] if len(candidates) == 1 else None

    def demonym_to_place(self, entity: Entity) -> _Cluster | None:
        """A nationality (NORP) is the one corpus place its name is made from: "Carvelian" is
        Carvelia, as the alias table's demonyms say for the countries it knows."""
        key = name_key(entity.name, entity.type)
        ids = [i for place in demonym_places(key) for i in self._by_key.get(("PLACE", place), ())]
        candidates = [self.clusters[i] for i in dict.fromkeys(ids)]
        candidates = [c for c in candidates if not blocked(c, key, self.book)]
        return candidates[0] if len(candidates) == 1 else None

    def _link_partial(self, entity: Entity, document_id: str,
                      in_document: list[tuple[PersonName, str]]) -> _Cluster:
        key = name_key(entity.name, "PERSON")
        found, ambiguous = self.surname_to_full_name(entity, key, in_document)
        if found is not None:
            return found
        if ambiguous:
            # Refuse to guess: this document's mention stays its own entity, apart from the others.
            return self._new("PERSON", key, entity.name, document_id, index=False)
        lone = [self.clusters[c] for c in self._by_key.get(("PERSON", key), ())]
        lone = [c for c in lone if c.id == name_entity_id("PERSON", key) and not c.persons]
        return lone[0] if lone else self._new("PERSON", key, entity.name)

    def surname_to_full_name(self, entity: Entity, key: str,
                             in_document: list[tuple[PersonName, str]]) -> tuple[_Cluster | None, bool]:
        """Rule 4: a surname alone, or an initial and a surname, is the one person of its own
        document it agrees with (a lone word may also be that person's given name: "Hillary");
        failing that, the one corpus person it agrees with. Two candidates: ambiguous, no link."""
        person = parse_person(entity.name)
        local = {c for q, c in in_document if persons_agree(person, q)}
        if not local and person.first is None:
            local = {c for q, c in in_document if q.first == person.surname}
        local = {c for c in local if not blocked(self.clusters[c], key, self.book)}
        if len(local) == 1:
            return self.clusters[local.pop()], False
        if local:
            return None, True
        candidates = [c for c in self._person_bucket(person)
                      if accepts_person(c, person) and not blocked(c, key, self.book)]
        if len(candidates) == 1:
            return candidates[0], False
        if candidates or person.first is not None:
            return None, bool(candidates)
        # A lone word no corpus person has as surname: the one corpus person with it as given name.
        given = [self.clusters[i] for i in dict.fromkeys(self._by_given.get(person.surname, ()))]
        given = [c for c in given if not blocked(c, key, self.book)]
        if len(given) == 1:
            return given[0], False
        return None, len(given) > 1

    # -- state -----------------------------------------------------------------------------------
    def _person_bucket(self, person: PersonName) -> list[_Cluster]:
        ids = self._by_skeleton.get(("PERSON", _skeleton(person.surname.split())), ())
        return [self.clusters[c] for c in dict.fromkeys(ids)]

    def _alias_cluster(self, alias_id: str) -> _Cluster:
        cid = alias_entity_id(alias_id)
        if cid not in self.clusters:
            entry = self.book.entries[alias_id]
            cluster = self.clusters[cid] = _Cluster(cid, entry.type, entry.name, alias_id=alias_id)
            for name in [entry.name, *entry.aliases]:
                self._add_name(cluster, name)
        return self.clusters[cid]

    def _new(self, type: str, key: str, name: str, *extra: str, index: bool = True) -> _Cluster:
        base = name_entity_id(type, key, *extra)
        cid, bump = base, 0
        while cid in self.clusters:  # a split (alias `not`) can leave two entities one name
            bump += 1
            cid = f"{base}-{bump}"
        cluster = self.clusters[cid] = _Cluster(cid, type, name)
        if index:
            self._add_name(cluster, name)
        else:
            cluster.names.add(name)
        return cluster

    def _attach(self, cluster: _Cluster, entity: Entity) -> None:
        if entity.name in cluster.names:
            return
        self._add_name(cluster, entity.name)
        if cluster.alias_id is None and len(words(entity.name, cluster.type)) > len(
                words(cluster.name, cluster.type)):
            cluster.name = entity.name  # the fullest form names the entity; its id stays

    def _add_name(self, cluster: _Cluster, name: str) -> None:
        cluster.names.add(name)
        key = name_key(name, cluster.type)
        cluster.keys.add(key)
        ids = self._by_key.setdefault((type_family(cluster.type), key), [])
        if cluster.id not in ids:
            ids.append(cluster.id)
        if cluster.type == "PERSON":
            person = parse_person(name)
            if person is None:
                return
            if person.is_full and person not in cluster.persons:
                cluster.persons.append(person)
                if not is_initial(person.first):
                    _append(self._by_given, person.first, cluster.id)
            bucket = ("PERSON", _skeleton(person.surname.split()))
        else:
            bucket = (type_family(cluster.type), _skeleton(key.split()))
            short, full = acronym(name), initials(key.split())
            if short:
                _append(self._by_acronym, (type_family(cluster.type), short), cluster.id)
            elif full:
                _append(self._by_initials, (type_family(cluster.type), full), cluster.id)
        _append(self._by_skeleton, bucket, cluster.id)


def _append(index: dict, key, cluster_id: str) -> None:
    ids = index.setdefault(key, [])
    if cluster_id not in ids:
        ids.append(cluster_id)


def _skeleton(parts: list[str]) -> str:
    return " ".join(skeleton(p) for w in parts for p in w.split("-"))


def relink(documents: Iterable[tuple[str, list[Entity]]], book: AliasBook | None = None) -> LinkResult:
    """Link the whole corpus afresh (after the alias file changed): every link and entity."""
    linker = CorpusLinker(book)
    result = linker.link_many(documents)
    return LinkResult(result.links, linker.entities())
