"""claimscope_entities: named entities with canonical ids and aliases.

Mentions come from two places: the statistical NER of the spaCy model, and an alias table kept
as data (nlp/lexicons/entities.json, extendable by the user). A mention found by both is one
mention; every mention is tied to one canonical entity, so "ISIS", "ISIL" and "Daesh" count as
the same actor and "Putin" after "Vladimir Putin" is the same person.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimscope.model.records import Entity, Mention
from claimscope.nlp.entity_forms import (
    HONORIFIC_GENDERS,
    corporate_words,
    demonym_countries,
    department_key,
    first_name_gender,
    group_key,
    is_first_name,
    list_heads,
    short_company_name,
    short_forms,
    title_abbreviations,
    tribe_words,
    type_heads,
    us_state_abbreviations,
    us_state_names,
)
from claimscope.nlp.entity_knowledge import (
    full_name_keys,
    headline_pieces,
    initials_key,
    inside_outlet_name,
    is_byline_outlet,
    is_group_word,
    is_known_person,
    is_not_an_entity,
    is_place,
    knowledge_type,
    outlet_of,
    read_as_place,
    run_together_names,
    same_thing_key,
)
from claimscope.nlp.entity_knowledge import (
    lexicon as world_lexicon,
)
from claimscope.nlp.entity_knowledge import version as knowledge_version
from claimscope.nlp.entity_mentions import (
    acronym_after_owner,
    in_quoted_title,
    is_caption_label,
    is_heading_common_word,
    is_heading_phrase,
    is_hyphen_compound,
    is_language_gloss,
    is_lone_initial,
    is_page_furniture,
    is_pet_name,
    is_state_code,
    link_box_tokens,
    link_line_tokens,
    lower_case_words,
    names_an_administration,
    place_cue,
    split_parts,
    with_institution_head,
    without_leading_verb,
    without_post_box,
    without_ticker,
)
from claimscope.nlp.extensions import ensure_extensions

LEXICON = Path(__file__).parent / "lexicons" / "entities.json"
VERSION = "entities-1.4.6"  # 1.4.6: "Harlan" alone is not the "Harlan Doctrine" (a law's or an event's head gives no short form); "Op-Ed" (knowledge 1.1.5) (issue 9, fresh9's kinds); 1.4.5: a video button opening a line ("CLOSE Donald Trump Jr.") is no part of a name; a name after an occupation in lower case ("GOP pollster Whit Ayres") is a person; "Mrs. Bush" is no man of the text named Bush; a full name the tagger missed whose surname recurs alone ("Michael Strong ... Strong responds") ; a headline's "Top Harlan Strategist" and a poll's "Reed 47" are no names (issue 9, entities18); 1.4.4: newspapers' and terminals' head words ("London Telegraph", "McNamara Terminal"); 1.4.3: a name spelled with and without a space is one organisation ("Delta Air Lines", "Delta Airlines"); the portfolio word of a title ("Health Secretary") is no organisation (issue 9, entities17); 1.4.2: occupations before a name are titles ("Comedian Seth Meyers"); "the House" joins "the House of Representatives"; "F.B.I." is the FBI; a given name the tagger left out before a one-word body is the person ("Ana Navarro"); a department's acronym of the words after "Department of" ("HHS"); an acronym one letter off its long name's initials, and one the tagger calls a noun, joins that name; the Soviet Union, "USSR" and "Soviet" are one country in the alias table; a tagged "A and B" whose sides are persons the text names is two persons; a lone outlet surname the tagger called a person ("told Bloomberg", "according to Bloomberg") is the outlet, and "Bloomberg Businessweek" an outlet (knowledge 1.1.4); a one-word group the tagger found on a common noun the text also writes in lower case ("close the Border") is no entity (issue 9, entities16); 1.4.1: a short name another owner holds ("Ukraine's Defense Ministry") is not joined to a longer one ("Russian Defense Ministry"); plural title abbreviations ("Reps. Trey Gowdy"); a sentence-opening "De Blasio" is "Bill de Blasio"; a product tag with a body's head word ("3E Strategies") is a body; "west of Syria" is Syria; "El Dibany" the tagger made a body is "Farrah El Dibany"; "the Illinois Republican" mentions the party, no group of its own; 1.4.0: teams after "the", call signs, ships, service words before ranks, state abbreviations, "Washington, D.C." the city, buildings in place use, towns before a state, regions of places (issue 9, entities10); 1.3.1: entities9 on review9a; 1.3.0: list heads type their names, event heads, surnames the tagger missed, language glosses, pets (issue 9, entities9); 1.2.1: a poll's share after an acronym is no ticker; "the Biden administration" with the name tagged a body; "In Ohio, Gov.-elect" keeps Ohio; 1.2.0: link lines, outlet names, administrations, capitals as cities, a byline's outlet, tickers, institutions named after persons (issue 9, entities8); 1.1.0: world-knowledge typing (nlp/entity_knowledge.py); 1.1.1: a given name read as a place is not merged into a person; 1.1.2: tagger persons that are places, schools, teams; two-word names with person signs
_NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"}
_TITLES = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "general", "gen", "sen",
           "senator", "rep", "gov", "governor", "secretary", "chancellor", "king", "queen"}


@dataclass
class AliasEntry:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    stands_for: str | None = None
    cities: list[str] = field(default_factory=list)  # aliases that are a city standing for it ("Moscow")
    exact_case: bool = False  # match the aliases with their capitals only ("Democrats", not "democrats")


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entity"


def load_alias_table(*paths: Path | None) -> dict[str, AliasEntry]:
    """Built-in table first; later files add entities or extend the aliases of known ids."""
    table: dict[str, AliasEntry] = {}
    for path in (LEXICON, *paths):
        if path is None:
            continue
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for raw in data.get("entities", []):
            entry = table.get(raw["id"])
            if entry is None:
                table[raw["id"]] = AliasEntry(
                    id=raw["id"], name=raw["name"], type=raw.get("type", "ORG"),
                    aliases=list(raw.get("aliases", [])), demonyms=list(raw.get("demonyms", [])),
                    stands_for=raw.get("stands_for"), cities=list(raw.get("cities", [])),
                    exact_case=bool(raw.get("exact_case")),
                )
            else:
                entry.aliases += [a for a in raw.get("aliases", []) if a not in entry.aliases]
                entry.cities += [c for c in raw.get("cities", []) if c not in entry.cities]
                entry.demonyms += [d for d in raw.get("demonyms", []) if d not in entry.demonyms]
    return table


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class EntityLinker:
    def __init__(self, nlp: Language, name: str, *, aliases_path: str | None = None):
        self.name = name
        self.vocab = nlp.vocab
        self.aliases_path = aliases_path
        self.table: dict[str, AliasEntry] = {}
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._make_doc = nlp.make_doc
        self._loaded = False
        self._alias_exact: dict[str, str] = {}
        self._alias_folded: dict[str, str] = {}
        self._known_acronyms: set[str] = set()  # the table's acronyms of bodies ("ISIS", "NATO")

    @property
    def model_version(self) -> str:
        # the rules' version, read with the world-knowledge lexicon they type by
        return f"{VERSION}+{knowledge_version()}"

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        self._load()

    def _load(self) -> None:
        if self._loaded:
            return
        self.table = load_alias_table(Path(self.aliases_path) if self.aliases_path else None)
        for entry in self.table.values():
            for alias in entry.aliases + entry.demonyms:
                matcher = self._exact if _is_acronym(alias) or entry.exact_case else self._folded
                if matcher is self._exact:
                    self._alias_exact.setdefault(alias, entry.id)
                else:
                    self._alias_folded.setdefault(alias.lower(), entry.id)
                # Match with and without a leading "the" so "the Kremlin" and "Kremlin" both hit.
                matcher.add(entry.id, [self._make_doc(alias)])
                if _is_acronym(alias) and entry.type != "GPE" and alias.isalpha():
                    self._known_acronyms.add(alias)
        self._loaded = True

    def __call__(self, doc: Doc) -> Doc:
        self._load()
        candidates: list[tuple[int, int, str | None, str]] = []  # start, end, alias id, label
        for matcher in (self._exact, self._folded):
            for match_id, start, end in matcher(doc):
                entry = self.table[self.vocab.strings[match_id]]
                candidates.append((start, end, entry.id, entry.type))
        alias_spans = _longest_first(candidates)
        mentions: list[tuple[Span, str | None, str]] = []
        taken: set[int] = set()
        box = link_box_tokens(doc)
        links = link_line_tokens(doc)
        for start, end, entry_id, label in alias_spans:
            span = doc[start:end]
            if box.intersection(range(start, end)) or links.intersection(range(start, end)):
                continue  # a linked headline of the page ("Related: ...", "Read more: ...")
            if _inside_longer_name(span) or is_hyphen_compound(span) or in_quoted_title(span) \
                    or _language_named(span) or is_language_gloss(span) or inside_outlet_name(span) or is_byline_outlet(span) \
                    or (label == "PERSON" and names_an_administration(span)):
                # "George Washington" the man, "British National Party", "South American",
                # "Washington-based", "USA TODAY", "the Putin administration": a name or a
                # modifier that contains the alias, not a mention of what the alias names.
                continue
            district = _district_after(span)
            if self._building(span, entry_id, label):
                # "the White House's south lawn", "protesters outside the Kremlin": the
                # building, not the government it stands for (issue 9, fresh4)
                entry_id, label = None, "FAC"
                if span[0].lower_ == "the":
                    span = span[1:]
            elif district:
                # "Washington, D.C.", "outside of Washington, D.C.": the city named with its
                # district is the place, never the government (issue 9, fresh4), and the
                # district is part of that one name, no second place ("Washington" alone in
                # the place's other mentions is the same city)
                entry_id, label = None, "GPE"
                taken.update(range(end, district))
            elif self._place_not_government(span, entry_id):
                entry_id, label = None, "GPE"
            mentions.append((span, entry_id, label))
            taken.update(range(start, end))
        lower_words = lower_case_words(doc)
        titles = person_titles()
        # title words the text puts before a given name ("Constable Mary Hale"), read once
        before_names = {t.lower_ for t in doc[:-1] if t.lower_.strip(".") in titles
                        and is_first_name(doc[t.i + 1].text)}
        tagged = _rejoined(doc)
        defined = _acronyms_used(doc, tagged, self._known_acronyms)
        # the last words of the tagger's persons: "Biden" of "the Biden administration", which
        # the tagger there often calls a body, is still the president's name
        person_words = frozenset(e[-1].text for e in tagged if e.label_ == "PERSON")
        spelled = _spelled_acronyms(doc, tagged)
        persons = _persons_named(tagged)
        for whole in tagged:
            if whole.label_ not in KEPT_LABELS or taken.intersection(range(whole.start, whole.end)) \
                    or links.intersection(range(whole.start, whole.end)):
                continue
            for part in _name_parts(whole):
                for piece in self._alias_and_title(self._two_persons(part, persons)
                                                   or split_parts(part, self._alias_of)):
                    if _description_of_someone(piece) or _name_and_score(piece):
                        continue
                    ent = without_ticker(without_post_box(without_leading_verb(_without_title(_without_trailing_title(piece)))))
                    ent = ent and _before_box(acronym_after_owner(with_institution_head(ent, type_heads()), defined), box)
                    if ent is None or _lone_generation(ent):
                        continue
                    ent = _with_generation(ent)
                    ent = _person_after_occupation(_with_given_name_before(ent, taken))
                    if self._junk(ent, lower_words, before_names, person_words, spelled) or _language_named(ent) \
                            or is_language_gloss(ent) or is_pet_name(ent):
                        continue
                    label = "GPE" if is_state_code(ent) or self._dateline_place(ent) else ent.label_
                    entry_id = self._alias_of(ent)
                    if self._building(ent, entry_id, "ORG"):
                        entry_id, label = None, "FAC"  # "the White House's south lawn" (above)
                    mentions.append((ent, entry_id, label))
                    taken.update(range(ent.start, ent.end))
        for ent in _bracket_acronyms(doc, tagged):
            if not taken.intersection(range(ent.start, ent.end)):
                mentions.append((ent, self._alias_of(ent), ent.label_))
                taken.update(range(ent.start, ent.end))
        blocked = taken | box | links
        mentions += _untagged_full_names(doc, blocked, lower_words)
        mentions += _untagged_surnames(doc, mentions, blocked, lower_words)
        mentions.sort(key=lambda m: m[0].start_char)
        doc._.entities = self._resolve(doc, mentions)
        spans = []
        for entity in doc._.entities:
            for m in entity.mentions:
                span = doc.char_span(m.start, m.end, label=entity.type, kb_id=entity.id,
                                     alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["entities"] = spans
        return doc

    def _alias_of(self, span: Span) -> str | None:
        """The alias-table id whose alias is exactly these words, if any."""
        text = span.text
        found = self._alias_exact.get(text) or self._alias_folded.get(text.lower())
        if found is None and len(span) >= 2 and span[-1].lower_ in _LEGAL_FORMS:
            # "Facebook Inc." is Facebook: a known name and its legal form ("American
            # Airlines Group Inc." is no "American")
            short = span.doc[span.start:span.end - 1].text
            found = self._alias_exact.get(short) or self._alias_folded.get(short.lower())
            if found and short.lower() in (d.lower() for d in self.table[found].demonyms):
                found = None
        return found

    def _building(self, span: Span, entry_id: str | None, label: str) -> bool:
        """A building of the table that stands for a government ("the White House", "the
        Kremlin") where the words around it name the building (`building_use`)."""
        return label == "ORG" and entry_id in self.table and bool(self.table[entry_id].stands_for) \
            and span[-1].text in _BUILDING_NAMES and building_use(span)

    def _place_not_government(self, span: Span, entry_id: str) -> bool:
        """"in Washington", "to Washington", "in Moscow": a capital that stands for a government
        or a country in the table is the city where a place preposition governs it or a
        dateline names it ("MOSCOW (Reuters) -"); elsewhere ("Moscow said", "Beijing's
        response") it is the state it stands for. The capitals of the table's countries are
        their `cities`. A building ("the Kremlin") keeps its article and is left to the
        table."""
        entry = self.table.get(entry_id)
        if entry is None or len(span) != 1:
            return False
        if not entry.stands_for and span.text.lower() not in (c.lower() for c in entry.cities):
            return False  # "west of Syria" is Syria: only a capital or a seat stands for something else
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        if before == "of" and span.start > 1 and span.doc[span.start - 2].lower_ in ("outside", "out", "north",
                                                                                      "south", "east", "west"):
            return True  # "outside of Washington", "south of Moscow": a place, as "outside Washington"
        if span.text.lower() in (c.lower() for c in entry.cities):
            # "from" and "to" take the government as often as the city ("independence from
            # Kiev", "a call to Kyiv"): the capital stays the state there
            before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
            return before in _PLACE_PREPOSITIONS - {"from", "to"} or _dateline(span)
        if not entry.stands_for:
            return False
        if span.start == 0:
            target = self.table.get(entry.stands_for)
            return target is not None and target.type == "GPE" and _dateline(span)
        target = self.table.get(entry.stands_for)
        before = span.doc[span.start - 1].lower_
        return target is not None and target.type == "GPE" and (
            before in _PLACE_PREPOSITIONS or _dateline(span))

    def _dateline_place(self, span: Span) -> bool:
        """"DETROIT --" opening the story: the tagger's organisation or person in capitals
        before the dateline's dash is the city the story was filed from (a known body, "CNN --",
        keeps its type)."""
        return span.label_ in ("ORG", "PERSON", "NORP") and len(span.text) >= 4 and _dateline(span) \
            and self._alias_of(span) is None and span.text.replace(" ", "").isalpha()

    def _junk(self, ent: Span, lower_words: set[str], before_names: frozenset[str] = frozenset(),
              person_words: frozenset[str] = frozenset(), spelled: frozenset[str] = frozenset()) -> bool:
        """A tagged span that is no name (see entity_mentions for each rule); `spelled` holds
        the acronyms the text's names spell (`_spelled_acronyms`)."""
        if not any(c.isupper() for c in ent.text):
            return True  # names are capitalised; a lower-case "entity" is a tagging slip
        if ent.label_ in _NAMED_LABELS and not any(t.pos_ == "PROPN" for t in ent) \
                and not is_state_code(ent) and not (len(ent) == 1 and ent.text in spelled):
            return True  # "Groups do not learn ...": a capitalised common noun, not a name
        if ent.label_ == "NORP" and len(ent) == 1 and ent[0].pos_ == "NOUN" and self._alias_of(ent) is None \
                and not is_group_word(ent.text) and (ent[0].lower_ in lower_words or (
                    ent[0].lower_.endswith("s") and ent[0].lower_[:-1] in lower_words)):
            # "close the Border", "Premiums rose": a common noun the text also writes in lower
            # case, capitalised, is no people, party or faith (issue 9: a group "Premiums")
            return True
        if "@" in ent.text or (ent.start > 0 and ent.doc[ent.start - 1].text == "#") or ent.text.startswith("#"):
            return True  # a handle, an address or a hashtag ("@SRuhle", "#DemDebate"), no name
        if len(ent) == 1 and ent.text in _COMPASS_ADJECTIVES and ent.end < len(ent.doc) \
                and ent.doc[ent.end].is_lower and ent.doc[ent.end].pos_ == "NOUN":
            return True  # "the Southern border": a direction, capitalised
        if len(ent) == 1 and ent.text.lower() in corporate_words() and ent.text.isupper():
            return True  # "LLC" alone: what follows a company's name, not a name
        if is_page_furniture(ent) or _rank_abbreviation(ent) or is_caption_label(ent) or is_not_an_entity(ent) \
                or _service_before_rank(ent):
            return True
        if inside_outlet_name(ent) or is_byline_outlet(ent) or _presidents_administration(ent, person_words):
            return True  # "USA" of "USA TODAY", a byline; "Trump" of "the Trump administration" (no person)
        return (is_hyphen_compound(ent) or self._joined_names(ent) or in_quoted_title(ent) or _title_word(ent)
                or _section_label(ent) or is_lone_initial(ent) or _title_alone(ent, before_names)
                or ((is_heading_common_word(ent, lower_words) or is_heading_phrase(ent, lower_words))
                    and self._alias_of(ent) is None))

    def _two_persons(self, part: Span, persons: frozenset[str]) -> list[Span]:
        """"Trump and Pence spoke", tagged one body or one person: a span "A and B" whose
        two sides are each a person the text names elsewhere (`_persons_named`: a full name
        or its surname) or a person of the alias table is two mentions, one of each person
        (issue 9: "Trump and Pence" was an organisation). [] where the span is no such pair,
        so that "Procter and Gamble" or "Ways and Means" stay one name."""
        ands = [t.i for t in part if t.lower_ == "and" and t.is_lower]
        if len(ands) != 1 or not part.start < ands[0] < part.end - 1:
            return []
        sides = [Span(part.doc, part.start, ands[0], label="PERSON"),
                 Span(part.doc, ands[0] + 1, part.end, label="PERSON")]

        def person(side: Span) -> bool:
            known = self._alias_of(side)
            return side.text in persons or (known in self.table and self.table[known].type == "PERSON")

        # "Johnson and Johnson" beside a "Boris Johnson": one name twice is a company's, no pair
        return sides if sides[0].text != sides[1].text and all(person(side) for side in sides) else []

    def _alias_and_title(self, pieces: list[Span]) -> list[Span]:
        """"the Republican House", "the Democratic Senate": a known name and a word that is a
        title or a chamber ("House", "Senate") are two mentions, the party and the chamber,
        not one name (a party's own bodies, "Republican National Committee", stay whole)."""
        out = []
        for piece in pieces:
            if len(piece) == 2 and self._alias_of(piece[:1]) and piece[1].lower_ in person_titles() \
                    and piece[1].is_title:
                out += [Span(piece.doc, piece.start, piece.start + 1, label="NORP"),
                        Span(piece.doc, piece.start + 1, piece.end, label="ORG")]
            else:
                out.append(piece)
        return out

    def _joined_names(self, ent: Span) -> bool:
        """"U.S.-Mexico border", "U.S.-Israeli talks": two names joined by a hyphen before a
        noun are an adjective of both, not a mention of either. One side must be a known name,
        so that a hyphenated company or person ("Coca-Cola", "Ocasio-Cortez") stays a name."""
        if ent.end >= len(ent.doc) or len(ent) not in (1, 3):
            return False
        if len(ent) == 3 and (ent[1].text != "-" or ent[0].whitespace_ or ent[1].whitespace_):
            return False
        parts = [p for p in ent.text.split("-") if p]
        nxt = ent.doc[ent.end]
        known = [self.table[i].type for i in (self._alias_exact.get(p) or self._alias_folded.get(p.lower())
                                              for p in parts) if i]
        # a person's double surname stays a name; a tagger's PERSON on "U.S.-Israeli talks"
        # is let through only when a half names a country or a body
        if ent.label_ == "PERSON" and not any(k in ("GPE", "ORG", "NORP") for k in known):
            return False
        return len(parts) == 2 and all(p[:1].isupper() for p in parts) and nxt.is_lower \
            and nxt.is_alpha and bool(known)

    def _resolve(self, doc: Doc, mentions) -> list[Entity]:
        """Tie each mention to a canonical entity: alias table first, then name matching.

        Full personal names are read first over the whole text, so a lone surname links to
        the full name wherever it stands (a headline's "Varga" before the body's "Anselm
        Varga"), and so does a lone given name when one person in the text has it. Each entity
        gets one type, the one most of its mentions carry (a full personal name makes it a
        person), corrected where the words around the mentions say otherwise.
        """
        # a headline in capitals and two surnames run together stand for the names they hold
        mentions = _plural_groups(run_together_names(headline_pieces(mentions, self._alias_of)))
        families = family_names(mentions)
        entities: dict[str, Entity] = {}
        labels: dict[str, list[str]] = {}
        surnames: dict[str, str] = {}  # short form (surname, short name, key) -> entity id
        given: dict[str, set[str]] = {}  # given name -> the people who have it
        first_names: dict[str, str] = {}  # person entity id -> its given name
        shared: set[str] = set()  # surnames of a father and a son ("Benson", "Benson Jr.")
        sons: set[str] = set()  # surnames of a name with a generation ("Benson" of "Benson Jr.")
        # Personal names first: "Garland" is Merrick Garland before any "Garland Inc.".
        ranked = sorted(mentions, key=lambda m: (
            (self.table[m[1]].type if m[1] in self.table else m[2]) != "PERSON"))
        # words the text names as places on their own ("Tampa is hot")
        places = {span.text for span, entry_id, label in mentions if label in ("GPE", "LOC") and len(span) == 1}
        # names the text gives places and peoples, and words it writes in lower case: no short form of
        # an organisation ("Brackwater" beside "Brackwater Times", "Freedom" beside "Freedom
        # Caucus" where "freedom" is a common noun)
        not_short = {span.text.lower() for span, _, label in mentions if label in ("GPE", "LOC", "NORP")} \
            | lower_case_words(doc)
        for span, entry_id, label in ranked:
            words = _name_words(span)
            kind = self.table[entry_id].type if entry_id in self.table else label
            # Only a person's or an organisation's last word stands for it: "Korean" is not
            # "South Korean", nor "York" "New York". An organisation in the table is called
            # by the aliases the table gives: the "House" is not the "White House".
            lends = kind == "PERSON" or (kind == "ORG" and entry_id not in self.table)
            if kind in ("PERSON", "ORG") and len(words) >= 2 and words[-1][:1].isupper() and lends:
                known = entry_id or self._match_known(span, label, surnames)
                # Nor does "Mirvale Bank of Tampa" lend "Tampa", a place of its own.
                if kind == "PERSON" or (words[-2] != "of" and words[-1] not in places):
                    last = words[-1].lower()
                    if surnames.setdefault(last, known) != known and kind == "PERSON" and last in sons:
                        shared.add(last)  # the father after his son ("Carl Benson Jr. and Carl Benson")
                if kind == "PERSON" and len(words) >= 3 and words[-1].strip(".,").lower() in GENERATIONS:
                    # "Carl Benson Jr." beside his father "Carl Benson": a lone "Benson" may be
                    # either, so it names neither
                    base = words[-2].strip(",").lower()
                    sons.add(base)
                    if surnames.setdefault(base, known) != known:
                        shared.add(base)
                if kind == "PERSON" and _initials_between(words):
                    # "Michael R. Bromwich" is "Michael Bromwich": first and last name decide.
                    surnames.setdefault(_first_and_last(words), known)
                if kind == "PERSON" and is_first_name(words[0]):
                    given.setdefault(words[0].lower(), set()).add(known)
                    first_names.setdefault(known, words[0])
                for key in (department_key(words), short_company_name(words)):
                    if key and entry_id not in self.table:
                        surnames.setdefault(key, known)
            if kind in ("ORG", "FAC", "NORP") and len(words) >= 2 and entry_id not in self.table:
                # "the Navajo" for the Navajo Nation, "Ways and Means" for its Committee,
                # "Kellam" for Fort Kellam
                known = self._match_known(span, label, surnames)
                for key in short_forms(words, kind):
                    if key in not_short:
                        continue
                    if surnames.setdefault(f"short:{key}", known) != known:
                        not_short.add(key)  # two bodies share it: it names neither
                        del surnames[f"short:{key}"]
        for base in shared:
            surnames.pop(base, None)
        for first, people in given.items():
            # "Marianne" is Marianne Okafor when she is the only Marianne and no one's surname
            if len(people) == 1 and first not in surnames:
                surnames[f"given:{first}"] = next(iter(people))
        groups: dict[str, str] = {}
        # many-word groups first, so that "Native" beside "Native Americans" is that group
        for span, entry_id, label in sorted(mentions, key=lambda m: -len(m[0])):
            if entry_id is None and label == "NORP":
                key = group_key(_name_text(span))
                known = groups.setdefault(key, self._match_known(span, label, surnames))
                if " " in key:
                    groups.setdefault(key.split()[0], known)
        for span, entry_id, label in mentions:
            if entry_id is None and label != "PERSON" and len(span) == 1 and span.text.endswith("s") \
                    and group_key(span.text) in groups:
                # "Nigerians" the tagger once called an organisation is still the group
                entry_id = groups[group_key(span.text)]
                label = "NORP"
            if entry_id is None and label == "NORP":
                # "Buddhists" and "Buddhist" are one group
                entry_id = groups.setdefault(group_key(_name_text(span)),
                                             self._match_known(span, label, surnames))
            elif entry_id is None and len(span) == 1 and span.text.endswith("s") \
                    and span.text[:-1] in families:
                # "the Hartigans" is the family the text also calls "the Hartigan family"
                entry_id = surnames.get(span.text[:-1].lower()) or slugify(span.text[:-1])
            elif entry_id is None:
                entry_id = self._match_known(span, label, surnames, first_names)
                if len(span) == 1 and entry_id not in surnames.values() and _generic_head(span.text):
                    # "The Company said": a head word alone names nothing unless a fuller name
                    # in the text ends with it ("Times" for the New York Times)
                    continue
            if entry_id in self.table and entry_id not in entities:
                entry = self.table[entry_id]
                entities[entry_id] = Entity(id=entry.id, name=entry.name, type=entry.type,
                                            aliases=list(entry.aliases))
            elif entry_id not in entities:
                entities[entry_id] = Entity(id=entry_id, name=span.text, type=label)
            entity = entities[entry_id]
            entity.mentions.append(Mention(span.start_char, span.end_char, span.text))
            words = _name_words(span)
            labels.setdefault(entry_id, []).append(
                "PERSON!" if label == "PERSON" and len(words) >= 2 else label)
            if entry_id not in self.table and entity.name.isupper() and len(entity.name) > 4 \
                    and span.text.lower() == entity.name.lower() and not span.text.isupper():
                # "TUCSON, Ariz. -" opens the story; the city is "Tucson"
                entity.aliases.append(entity.name)
                entity.name = span.text
            if span.text not in entity.aliases and span.text != entity.name:
                entity.aliases.append(span.text)
            if entry_id not in self.table and len(entity.name.split()) < len(words) and (
                label == "PERSON" or words[-1].lower() == entity.name.split()[-1].lower()
                or short_company_name(words) == entity.name.lower()
                or entity.name.lower() in short_forms(words, label)
            ):
                # The fullest form names the entity: "Red Dawn Brigade", not the headline's
                # "Brigade".
                entity.name = _name_text(span)
        _demonyms_to_countries(entities, labels, self.table)
        _join_shorter_names(entities, labels, self.table, doc)
        _join_acronyms(entities, labels, self.table)
        _join_chamber_short_forms(entities, labels)
        _join_defined_acronyms(doc, entities, labels, self.table)
        _join_dotted_and_codes(entities, labels, self.table)
        _join_spelling_variants(entities, labels, self.table)
        _drop_name_adjectives(entities)
        _drop_portfolio_words(doc, entities)
        heads = type_heads()
        for entity_id, entity in entities.items():
            if entity_id not in self.table:
                entity.type = _one_type(labels[entity_id])
                words = entity.name.split()
                # "Luke Air Force Base", "Freedom Caucus": the head word says what it is.
                # A product tag with a body's head ("3E Strategies") is the body too.
                if len(words) >= 2 and words[-1] in heads and (
                        entity.type in ("PERSON", "ORG", "GPE", "NORP")
                        or (entity.type == "PRODUCT" and heads[words[-1]] == "ORG")) \
                        and not (entity.type == "PERSON" and is_first_name(words[0]) and heads[words[-1]] == "EVENT"):
                    entity.type = heads[words[-1]]  # "Doris Day" stays a person
                if len(words) >= 3 and words[-2] in _CUSTODY_WORDS and words[-1] in _CUSTODY_HEADS:
                    entity.type = "FAC"  # "Metropolitan Correctional Center": a jail, not an office
                if len(words) >= 3 and any(w in ("v", "v.", "vs.") for w in words[1:-1]):
                    entity.type = "LAW"  # "Brown v Board of Education": a court case
        _type_from_context(doc, entities, labels, self.table)
        _type_from_knowledge(doc, entities, labels, self.table)
        _type_from_list_head(doc, entities, self.table)
        _type_from_form(doc, entities, self.table)
        _join_team_nicknames(entities, labels, self.table)
        return list(entities.values())

    def _match_known(self, span: Span, label: str, surnames, first_names=None) -> str:
        words = _name_words(span)
        if len(words) == 1:
            known = surnames.get(words[0].lower())
            if known and not _other_sex(span, known, first_names or {}):
                return known
            known = surnames.get(f"given:{words[0].lower()}")
            if known and label not in ("GPE", "LOC", "FAC"):
                return known
        elif label == "PERSON" and words and _initials_between(words) and _first_and_last(words) in surnames:
            return surnames[_first_and_last(words)]
        key = department_key(words)
        if key and key in surnames:
            return surnames[key]
        if label in ("PERSON", "ORG", "FAC") and f"short:{' '.join(words).lower()}" in surnames:
            # a place or a people keeps its own name: "European" is not the "European Council"
            return surnames[f"short:{' '.join(words).lower()}"]
        # "McDonald's" and "McDonald" are one company: a possessive ending is no part of the key
        text = re.sub(r"[’']s$", "", " ".join(words)) or span.text
        # "Washington D.C." the tagger found whole is the city of "in Washington"
        text = re.sub(r"^Washington,? (D\.C\.?|DC)$", "Washington", text)
        slug = slugify(text)
        return slug if slug not in self.table else f"{slug}-{label.lower()}"


def _other_sex(span: Span, known: str, first_names: dict[str, str]) -> bool:
    """"Mrs. Bush" where the text's Bush is George W. Bush: an honorific of one sex before a
    surname whose full name has a given name of the other is someone else (issue 9: Laura
    Bush's words went to her husband)."""
    doc = span.doc
    before = span[0] if len(span) > 1 else (doc[span.start - 1] if span.start > 0 else None)
    said = HONORIFIC_GENDERS.get(before.lower_.strip(".")) if before is not None else None
    given = first_names.get(known)
    return said is not None and given is not None and first_name_gender(given) not in (None, said)


def _name_words(span: Span) -> list[str]:
    """The words of a name without the titles before it. A title word later in the name is
    part of it: "Harold King" is King, not Harold."""
    words = [t.text for t in span]
    start = 0
    while start < len(words) - 1 and words[start].lower().strip(".") in _TITLES:
        start += 1
    return words[start:]  # a title alone ("King" said) may be a surname: kept


def _first_and_last(words: list[str]) -> str:
    """The key of a personal name by its first and last word ("michael bromwich")."""
    return f"{words[0].lower()} {words[-1].lower()}"


def _initials_between(words: list[str]) -> bool:
    """Nothing but initials between the first and the last name: "Michael R. Bromwich" is
    Michael Bromwich, "William Sylvester Harley" may be another William Harley (his son)."""
    return all(len(w.strip(".")) == 1 for w in words[1:-1])


def _name_text(span: Span) -> str:
    """The name without its titles, as written ("Ocasio-Cortez", not "Ocasio - Cortez")."""
    words = _name_words(span)
    return span.doc[span.end - len(words) : span.end].text if words else span.text



@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    return frozenset(json.loads(LEXICON.read_text(encoding="utf-8")).get("person_titles", []))


def _without_title(span: Span) -> Span:
    """A person's name without the title before it: "Moderator Martha Raddatz" is Martha
    Raddatz, "Secretary of State John Kerry" John Kerry. The title is no part of the name, and
    kept in it would make a second entity beside the plain name."""
    titles = person_titles()
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_.strip(".") in titles:
        start += 1
    # The name left must be a name: "President Obama" -> "Obama", never "of State" or nothing.
    if start == span.start or not span.doc[start].is_title or span.doc[start].lower_.strip(".") in titles:
        return span
    if span.label_ != "PERSON":
        # "Constable Mary Hale" tagged ORG: a title and a given name make a person
        if span.end - start >= 2 and is_first_name(span.doc[start].text):
            return Span(span.doc, start, span.end, label="PERSON")
        if span.end - start == 1 and all(t.text.strip(".").lower() in title_abbreviations()
                                         for t in span.doc[span.start:start]):
            return Span(span.doc, start, span.end, label="PERSON")  # "AG Barr", "Sgt. Ruiz"
        return span
    return Span(span.doc, start, span.end, label=span.label_)


def _presidents_administration(span: Span, person_words: frozenset[str]) -> bool:
    """"the Biden administration": a person's name before "administration" (entity_mentions'
    names_an_administration), whether the tagger calls it a person there or, as it often does
    in this phrase, a body. A person's name is one the tagger gives a person elsewhere in the
    text (`person_words`) or the world lexicon's `persons`; a body's own ("the Harvard
    administration") stays a mention."""
    return names_an_administration(span) and (
        span.label_ == "PERSON" or span.text in person_words or is_known_person(span.text))


def _without_trailing_title(span: Span) -> Span:
    """"NLRB General Counsel Richard Griffin", "Pentagon Press Secretary John Kirby": the
    tagger runs a body into the title of the person it names. Before a person's name or a
    further title word, the title words that end a body's span are no part of it: the
    mention is "NLRB", "Pentagon". A span of title words only is left alone."""
    doc = span.doc
    if span.label_ not in ("ORG", "NORP", "GPE") or len(span) < 2 or span.end >= len(doc):
        return span
    titles = person_titles() | _TITLE_ENDINGS
    nxt = doc[span.end]
    if not (nxt.ent_type_ == "PERSON" or (nxt.is_title and nxt.lower_.strip(".") in titles)):
        return span
    end = span.end
    while end > span.start + 1 and doc[end - 1].lower_.strip(".") in titles and doc[end - 1].is_title:
        end -= 1
    if end == span.end or doc[end - 1].lower_.strip(".") in titles:
        return span
    return Span(doc, span.start, end, label=span.label_)


# words that end a title but never open one before a name, so not among person_titles
_TITLE_ENDINGS = frozenset({"counsel"})


def _title_alone(span: Span, before_names) -> bool:
    """"The Constable added ...": a title word alone, which the text also puts before a
    person's given name ("Constable Mary Hale"; `before_names`), is the title, not a name."""
    return len(span) == 1 and span[0].lower_ in before_names


def _title_word(span: Span) -> bool:
    """"State" in "Secretary of State", "Defense" in "Secretary of Defense": a word of a title
    the tagger took for a name of its own."""
    titles = person_titles()
    doc = span.doc
    if len(span) == 1 and span[0].lower_ in _PORTFOLIO_WORDS and span.end < len(doc) \
            and doc[span.end].lower_ in ("secretary", "minister"):
        return True  # "Defense Secretary James Mattis": the portfolio in the title, no body's name
    return span.start > 0 and all(t.lower_.strip(".") in titles for t in span) and (
        doc[span.start - 1].lower_.strip(".") in titles)


# Portfolios that are no body's name alone ("the Treasury" is one, and stays)
_PORTFOLIO_WORDS = {"defense", "defence", "homeland", "interior", "foreign"}


def _plural_groups(mentions):
    """"The Houthi movement ... The Houthis said": one word and its plural, both without an
    alias and neither a given name nor a person's surname in the text, name one group
    (NORP), however the tagger labelled each."""
    family = family_names(mentions)
    mentions = _family_names(mentions)
    singles = {span.text: label for span, entry_id, label in mentions if len(span) == 1 and entry_id is None
               and span.text not in family and span.text[:-1] not in family}
    surnames = {span[-1].text for span, _, label in mentions if label == "PERSON" and len(span) >= 2}
    plural = {w for w in singles if w.endswith("s") and w[:-1] in singles and len(w) > 4
              and not is_first_name(w[:-1]) and w[:-1] not in surnames and w not in surnames
              and "GPE" not in (singles[w], singles[w[:-1]])}
    group = plural | {w[:-1] for w in plural}
    return [(span, entry_id, "NORP") if len(span) == 1 and entry_id is None and span.text in group
            else (span, entry_id, label) for span, entry_id, label in mentions]


_FAMILY_WORDS = {"family", "families", "clan"}


def family_names(mentions) -> set[str]:
    """The one-word names the text puts before "family" ("the Hartigan family")."""
    def before_family(span):
        return span.end < len(span.doc) and span.doc[span.end].lower_ in _FAMILY_WORDS

    # a company's "family" of staff ("the entire United family") is no family name: the tagger's
    # ORG there is kept
    return {span.text for span, entry_id, label in mentions
            if len(span) == 1 and entry_id is None and span[0].is_title and before_family(span)
            and label in ("PERSON", "GPE", "NORP", "LOC")}


def _family_names(mentions):
    """"the Hartigan family ... the Hartigans": a one-word name before "family" is a family
    name, so it and its plural are people (PERSON), however the tagger typed them (a GPE, a
    group)."""
    family = family_names(mentions)
    return [(span, entry_id, "PERSON") if len(span) == 1 and entry_id is None
            and (span.text in family or (span.text.endswith("s") and span.text[:-1] in family))
            else (span, entry_id, label) for span, entry_id, label in mentions]


# The last words of the table's buildings that stand for a government ("the White House",
# "the Kremlin"); the city names ("Washington") are places by _place_not_government
_BUILDING_NAMES = {"House", "Kremlin"}
# Parts and grounds of a building: "the White House lawn", "the Pentagon's courtyard"
_BUILDING_PARTS = {"lawn", "lawns", "door", "doors", "grounds", "gate", "gates", "roof", "rooftop", "steps", "driveway", "hallway",
                   "hallways", "halls", "corridors", "courtyard", "fence", "fences", "entrance", "basement",
                   "walls", "lobby", "parking", "balcony", "perimeter", "portico", "windows", "façade",
                   "facade", "garden", "gardens", "plaza"}
# Buildings whose name stands for the body in them ("the Pentagon said")
_BODY_BUILDINGS = {"Pentagon", "Capitol", "Kremlin", "White House", "Elysee", "Élysée", "Downing Street",
                   "Blue House", "Whitehall", "Quai d'Orsay"}
_SIDES = {"north", "south", "east", "west", "front", "back", "rear", "side", "main"}
# Prepositions that put someone at a building, not before a body: "outside the Pentagon"
_AT_BUILDING = {"outside", "inside", "near", "around", "into", "beside", "behind", "surrounding"}


def building_use(span: Span) -> bool:
    """The mention names the building: its parts follow ("the White House's south lawn",
    "the Pentagon parking lot") or a preposition of place before it puts someone at it
    ("outside the Pentagon", "outside of the Capitol", "inside the White House")."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    while i < len(doc) and i < span.end + 3 and doc[i].is_lower and (
            doc[i].pos_ == "ADJ" or doc[i].lower_ in _SIDES):
        i += 1  # "the White House's south lawn", "its north portico"
    if i < len(doc) and doc[i].lower_ in _BUILDING_PARTS and doc[i].pos_ in ("NOUN", "PROPN"):
        return True
    j = span.start - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j >= 0 and doc[j].lower_ == "of" and j > 0 and doc[j - 1].lower_ in _AT_BUILDING | _BUILDING_PARTS:
        j -= 1  # "outside of the Capitol", "the front door of the White House"
    return j >= 0 and doc[j].lower_ in _AT_BUILDING | _BUILDING_PARTS


def _district_after(span: Span) -> int | None:
    """"Washington, D.C." / "Washington DC": the end of the district written after the
    capital's name (None where none follows)."""
    doc = span.doc
    if span.text != "Washington":
        return None
    i = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if i < len(doc) and doc[i].text in ("D.C.", "DC", "D.C"):
        return i + 1
    return None


def _dateline(span: Span) -> bool:
    """"WASHINGTON (Reuters) -", "WASHINGTON —": a place in capitals that opens a line and is
    followed by the agency or a dash says where the story was filed, the city."""
    doc = span.doc
    at_start = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    after = doc[span.end] if span.end < len(doc) else None
    if at_start and after is not None and after.text == "(" and span[0].is_title and span.end + 2 < len(doc) \
            and doc[span.end + 2].text == ")" and doc[span.end + 1].text[:1].isupper():
        return True  # "Washington (CNN) –": the agency in brackets makes it a dateline in any case
    return at_start and span.text.isupper() and after is not None and after.text in ("(", "—", "–", "-", "--", ",")


def _rank_abbreviation(span: Span) -> bool:
    """"Lt." or "Sgt." standing alone (a rank whose name the tagger left out, or "the Lt."):
    a title abbreviation (lexicon `title_abbreviations`) is never a name. Whole title words
    are not dropped, since some are surnames or chambers ("King", "House")."""
    return len(span) == 1 and span[0].text.strip(".").lower() in title_abbreviations()


# The armed services whose name opens a rank ("Marine Gen.", "Army Sgt.", "Air Force Col.")
_SERVICES = {"marine", "marines", "army", "navy", "air force", "coast guard", "national guard", "space force",
             "marine corps"}
# Ranks written out (their abbreviations are the lexicon's `title_abbreviations`)
_RANK_WORDS = {"general", "sergeant", "lieutenant", "captain", "colonel", "major", "corporal", "private",
               "admiral", "commander", "specialist", "staff", "master", "first", "lance", "petty", "chief",
               "pvt", "pfc", "spc", "sgt", "cpl", "ssgt", "msgt", "gysgt", "cmdr", "cdr", "ens", "1st", "2nd"}


def _service_before_rank(span: Span) -> bool:
    """"Marine Gen. Ava Stroud", "Army Sgt. Dale Kemp": the service's name before a rank is
    part of the person's title, no mention of the service (issue 9, fresh4's audit typed such
    a "Marine" a person)."""
    doc = span.doc

    def is_rank(token) -> bool:
        word = token.text.strip(".").lower()
        return token.is_title and (word in _RANK_WORDS or word in title_abbreviations())

    end = span.end
    while end > span.start + 1 and is_rank(doc[end - 1]):
        end -= 1  # the tagger's "Air Force Col": the service and the rank it opens
    if doc[span.start:end].text.lower() not in _SERVICES or span.end + 1 >= len(doc):
        return False
    if end < span.end:
        return doc[span.end].is_title or doc[span.end].text == "."
    return is_rank(doc[span.end]) and (doc[span.end + 1].is_title or doc[span.end + 1].text == ".")


def _section_label(span: Span) -> bool:
    """"ANALYSIS:" or "EXCLUSIVE" on a line of its own: an all-capitals word that labels a
    section, not a name (acronyms of five letters or more before a colon or line end are rare)."""
    if len(span) != 1 or not span.text.isupper() or len(span.text) < 5 or not span.text.isalpha():
        return False
    doc = span.doc
    at_start = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ or doc[span.start - 1].is_space
    after = doc[span.end] if span.end < len(doc) else None
    return at_start and (after is None or after.text in (":", "|", "—", "-", "/") or after.is_space
                         or "\n" in span[-1].whitespace_)


def _generic_head(word: str) -> bool:
    """A word that says what kind of thing a name names ("Company", "Department", "Group")."""
    return word in type_heads() or word.lower() in corporate_words()


def _one_type(labels: list[str]) -> str:
    """The type of an entity from its mentions' labels: a full personal name decides."""
    if "PERSON!" in labels:
        return "PERSON"
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return max(counts, key=lambda lab: (counts[lab], -labels.index(lab)))


def _inside_longer_name(span: Span) -> bool:
    """The alias is part of a longer name the tagger found ("British National Party"), but not
    the party word that ends a member's description ("the Illinois Republican", "the New
    York Democrat": a member of the party from that state, no name of its own)."""
    return any(
        e.start <= span.start and span.end <= e.end and (e.end - e.start) > len(span)
        and _name_parts_text(e) != span.text.lower()
        and not (e.label_ == "NORP" and span.end == e.end and span[-1].lower_ in _MEMBER_WORDS
                 and e.start > 0 and span.doc[e.start - 1].lower_ in ("the", "a"))
        for e in span.doc.ents
    )


_MEMBER_WORDS = {"republican", "democrat", "independent", "conservative", "liberal", "socialist"}


def _name_parts_text(ent: Span) -> str:
    parts = _name_parts(ent)
    return parts[0].text.lower() if len(parts) == 1 else ""


def _longest_first(candidates):
    """Keep non-overlapping matches, preferring the longest (and the earliest on ties)."""
    chosen, used = [], set()
    for start, end, entry_id, label in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if used.intersection(range(start, end)):
            continue
        chosen.append((start, end, entry_id, label))
        used.update(range(start, end))
    return sorted(chosen)


_JOINING_WORDS = {"for", "of"}
_CASE_WORDS = {"v.", "v", "vs.", "vs"}  # the word between the parties of a court case
_COMPASS_ADJECTIVES = {"Northern", "Southern", "Eastern", "Western", "Central", "Northeastern",
                       "Northwestern", "Southeastern", "Southwestern"}
# words that open a person's title after a body's name ("... Security Acting Deputy Secretary")
_TITLE_OPENERS = {"acting", "interim", "deputy", "assistant", "associate", "former"}


def _rejoined(doc: Doc) -> list[Span]:
    """The tagged spans, with a name the tagger cut in pieces put back together: "the U.S.
    Centers for" + "Medicare" + "and" + "Medicaid Services" is one name. A tagged span that
    ends with "for" or "of" goes on into the span right after it (a name never ends with a
    preposition), and from there over an "and" into a third one of the same kind."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        cur = ents[i]
        if cur.label_ in ("ORG", "FAC") and cur[-1].lower_ in _JOINING_WORDS and i + 1 < len(ents) \
                and ents[i + 1].start == cur.end and ents[i + 1].label_ in ("ORG", "FAC", "PERSON", "GPE", "NORP"):
            end, i = ents[i + 1].end, i + 1
            if i + 1 < len(ents) and end < len(doc) and doc[end].lower_ in ("and", "&") \
                    and ents[i + 1].start == end + 1 and ents[i + 1].label_ in ("ORG", "FAC"):
                end, i = ents[i + 1].end, i + 1
            cur = Span(doc, cur.start, end, label=cur.label_)
        elif cur[-1].lower_ in _CASE_WORDS and len(cur) >= 2 and i + 1 < len(ents) and ents[i + 1].start == cur.end:
            # "Noel Canning v." + "NLRB": a court case the tagger cut at the "v."
            cur, i = Span(doc, cur.start, ents[i + 1].end, label="LAW"), i + 1
        out.append(cur)
        i += 1
    return out


GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


def _lone_generation(span: Span) -> bool:
    """"Jr." alone (the tagger cut "Carl Benson, Jr." at the comma): no name."""
    return len(span) <= 2 and span[0].text.strip(".").lower() in GENERATIONS


def _with_generation(span: Span) -> Span:
    """"Carl Benson, Jr.": the son's name takes the suffix the tagger left after a comma, or he
    becomes his father "Carl Benson"."""
    doc = span.doc
    i = span.end
    if span.label_ != "PERSON" or i >= len(doc):
        return span
    if doc[i].text == "," and i + 1 < len(doc):
        i += 1
    if doc[i].text.strip(".").lower() in GENERATIONS and doc[i].text[:1].isupper():
        end = i + 1
        if end < len(doc) and doc[end].text == "." and not doc[i].whitespace_:
            end += 1
        return Span(doc, span.start, end, label="PERSON")
    return span


def _language_named(span: Span) -> bool:
    """"languages like Chinese, Korean or Russian", "she speaks Danish": the word names a
    language, not the country or its people."""
    if len(span) != 1 or not span[0].is_title:
        return False
    head = span[0]
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    gov = head.head
    if head.dep_ == "dobj" and gov.lemma_ == "speak":
        return True
    if head.dep_ == "pobj" and gov.lower_ in ("like", "as", "in") and gov.head.lemma_ == "language":
        return True  # "languages like Chinese"; "such as" hangs on "languages" too
    return head.dep_ in ("compound", "amod") and gov.lemma_ == "language" and gov.i == span.end \
        and not any(t.lower_ == "the" for t in span.doc[max(0, span.start - 1):span.start])


def _before_box(span: Span, box: set[int]) -> Span | None:
    """The part of a mention before a box of linked headlines ("Trump" of "Trump Donald")."""
    inside = [i for i in range(span.start, span.end) if i in box]
    if not inside:
        return span
    return Span(span.doc, span.start, inside[0], label=span.label_) if inside[0] > span.start else None


def _is_acronym_token(token) -> bool:
    letters = token.text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _bracketed(token) -> bool:
    doc = token.doc
    return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "(" and doc[token.i + 1].text == ")"


def _acronyms_used(doc: Doc, tagged: list[Span], known: set[str]) -> set[str]:
    """The acronyms a text gives a body in brackets ("the Department of Justice (DOJ)", a
    tagged "Federal Bureau of Investigation (FBI"), and the known ones of the alias table."""
    used = {t.text for t in doc if _is_acronym_token(t) and _bracketed(t)}
    for ent in tagged:
        for t in ent[1:]:
            if _is_acronym_token(t) and doc[t.i - 1].text == "(":
                used.add(t.text)
    return used | {t.text for t in doc if t.text in known}


def _persons_named(tagged: list[Span]) -> frozenset[str]:
    """The full names of the tagger's persons of two words or more ("Donald Trump") and their
    surnames ("Trump"), leaving out spans that join two names with "and"."""
    names: set[str] = set()
    for ent in tagged:
        words = [t for t in ent if not t.is_punct]
        if ent.label_ != "PERSON" or len(words) < 2 or any(t.lower_ == "and" for t in ent):
            continue
        while words and words[0].lower_ in ("the", "a", "an"):
            words = words[1:]
        if len(words) >= 2 and all(t.text[:1].isupper() or t.lower_ in _SURNAME_PARTICLES for t in words):
            names.add(ent.doc[words[0].i:words[-1].i + 1].text)
            names.add(words[-1].text)
    return frozenset(names)


def _spelled_acronyms(doc: Doc, tagged: list[Span]) -> frozenset[str]:
    """The acronyms in the text that spell a tagged body's name, as `_join_acronyms` reads
    them (exactly, or with one letter more or less): "SAMHSA" beside "the Substance Abuse and
    Mental Health Services Administration". The tagger calls such an acronym a common noun
    now and then; it is the body's name all the same (issue 9), while a "CEO" or a "GDP" that
    spells no name stays a common noun."""
    keys: set[str] = set()
    shorter: set[str] = set()
    for ent in tagged:
        if ent.label_ in _ACRONYM_TYPES and len(ent) >= 2:
            for key in _acronym_keys(ent.text):
                keys.add(key)
                if len(key) >= 5:
                    shorter.update(_one_off(key))
    spelled = set()
    for t in doc:
        letters = t.text.replace(".", "")
        if _is_acronym_token(t) and (letters in keys or (len(letters) >= 4 and (
                letters in shorter or any(k in keys for k in _one_off(letters) if len(k) >= 4)))):
            spelled.add(t.text)
    return frozenset(spelled)


def _bracket_acronyms(doc: Doc, tagged: list[Span]) -> list[Span]:
    """"the Department of Justice (DOJ)": an acronym in brackets right after a body's tagged
    name is a mention of that body, which the tagger often leaves out."""
    ends = {ent.end: ent.label_ for ent in tagged if ent.label_ in ("ORG", "FAC", "LAW")}
    return [Span(doc, t.i, t.i + 1, label=ends[t.i - 1]) for t in doc
            if _is_acronym_token(t) and _bracketed(t) and (t.i - 1) in ends]


# Words that stand only before a person's name (unlike "House" or "State" in person_titles).
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "sen", "senator", "rep",
               "representative", "congressman", "congresswoman", "gov", "governor", "president",
               "mayor", "judge", "prof", "professor", "rev", "reverend", "rabbi", "pastor", "sheriff",
               "detective", "sergeant", "captain", "colonel", "lieutenant", "admiral", "gen", "lt",
               "sgt", "capt", "col", "adm", "maj", "chancellor", "spokesman", "spokeswoman"}
_PLACE_PREPOSITIONS = {"in", "to", "from", "at", "near", "outside", "into", "across", "around",
                       "via", "visiting", "visited", "leaving", "left", "toward", "towards"}


def _merge_into(entities, labels, source: str, target: str) -> None:
    """Move every mention and label of one entity to another."""
    moved = entities.pop(source)
    kept = entities[target]
    kept.mentions = sorted(kept.mentions + moved.mentions, key=lambda m: m.start)
    kept.aliases += [a for a in [moved.name, *moved.aliases] if a not in kept.aliases and a != kept.name]
    labels[target] = labels.get(target, []) + [kept.type] * len(labels.pop(source, []))


# A chamber's short name and the long names of it a text may also use: "the House" after "the
# House of Representatives" is that chamber (issue 9: the two stood apart).
_CHAMBER_LONG_FORMS = {
    "House": {"House of Representatives", "U.S. House", "US House", "U.S. House of Representatives",
              "United States House of Representatives"},
    "Senate": {"U.S. Senate", "US Senate", "United States Senate"},
}


def _with_given_name_before(ent: Span, taken: set[int]) -> Span:
    """"Ana Navarro, a Republican strategist": the tagger took "Navarro" alone for a body and
    left the given name out; a one-word name right after a capitalised given name that no other
    entity holds is that person's surname (issue 9: "Navarro" stood as an ORG)."""
    doc = ent.doc
    if len(ent) != 1 or ent.label_ not in ("ORG", "GPE", "NORP") or ent.start == 0:
        return ent
    given = doc[ent.start - 1]
    word = ent[0].text
    # (a proper noun before the given name in its sentence makes it part of a longer name)
    in_longer_name = given.is_sent_start is False and doc[given.i - 1].pos_ == "PROPN"
    given_name = (given.i not in taken and not given.ent_type_ and given.pos_ == "PROPN"
                  and is_first_name(given.text) and not in_longer_name)
    surname = (word.isalpha() and word.istitle() and not is_place(word) and not outlet_of(word)
               and word not in type_heads() and word.lower() not in corporate_words())
    return Span(doc, given.i, ent.end, label="PERSON") if given_name and surname else ent


# Occupations written in lower case right before a person's name ("GOP pollster Whit Ayres",
# "Democratic strategist Jane Roe"); words that also stand before a body's name ("analyst",
# "host", "pollster Gallup") are kept apart by the checks on the name itself.
_OCCUPATIONS = {"pollster", "strategist", "spokesman", "spokeswoman", "spokesperson", "aide",
                "comedian", "actor", "actress", "singer", "rapper", "musician", "journalist",
                "economist", "historian", "activist", "columnist", "commentator", "businessman",
                "businesswoman", "billionaire", "entrepreneur", "filmmaker", "novelist",
                "playwright", "analyst", "astronaut", "attorney", "lawyer", "consultant",
                "adviser", "advisor", "researcher", "scientist", "author", "writer", "operative"}


def _description_of_someone(span: Span) -> bool:
    """"Top Harlan Strategist Says Race Is Tight": a headline's capitals make a description of
    a person ("a top Harlan strategist") look like a body's name; a span that ends in an
    occupation is no name (the name in it is a modifier there)."""
    return span.label_ != "PERSON" and len(span) >= 2 and span[-1].lower_ in _OCCUPATIONS - {"attorney"}


def _name_and_score(span: Span) -> bool:
    """"Harlan 51, Reed 47": a poll's figures after names the text uses alone elsewhere are no
    name of their own ("Route 66" or "Apollo 11", whose first word stands alone nowhere, stay)."""
    if len(span) != 2 or not (span[1].text.isdigit() and len(span[1].text) <= 2) or not span[0].is_title:
        return False
    word = span[0].text
    return any(t.text == word and not (span.start <= t.i < span.end) for t in span.doc)


def _person_after_occupation(ent: Span) -> Span:
    """"GOP pollster Whit Ayres": a name of two or three capitalised words right after an
    occupation written in lower case is that person's, whatever type the tagger gave it (issue
    9: "Whit Ayres" stood as an ORG and "Ayres told CNN" had no speaker). A name with a body's
    head word, a place or an outlet in it ("pollster Public Policy Polling") stays a body."""
    doc = ent.doc
    if ent.label_ not in ("ORG", "GPE", "NORP", "FAC") or not 2 <= len(ent) <= 3 or ent.start == 0:
        return ent
    before = doc[ent.start - 1]
    if not (before.is_lower and before.text in _OCCUPATIONS):
        return ent
    words = [t.text for t in ent]
    if not all(w.isalpha() and w.istitle() for w in words) or is_place(ent.text) or outlet_of(ent.text):
        return ent
    if any(is_place(w) or outlet_of(w) or w in type_heads() or w.lower() in corporate_words()
           for w in words):
        return ent
    return Span(doc, ent.start, ent.end, label="PERSON")


def _join_chamber_short_forms(entities, labels) -> None:
    """"The House" joins the one long form of the chamber the text names ("House of
    Representatives"); with none, or with two, it stays as it is."""
    for short, long_forms in _CHAMBER_LONG_FORMS.items():
        shorts = [eid for eid, e in entities.items() if e.name == short and e.type == "ORG"]
        longer = [eid for eid, e in entities.items() if e.name in long_forms and e.type == "ORG"]
        if len(shorts) == 1 and len(longer) == 1:
            _merge_into(entities, labels, shorts[0], longer[0])


def _demonyms_to_countries(entities, labels, table) -> None:
    """"Kenyan" and "Kenyans" are mentions of Kenya when the text names Kenya: a group
    (NORP) whose name is the demonym of a place (GPE, LOC) in the text joins it, as the alias
    table's demonyms do for the countries it knows."""
    places = {e.name.lower(): e.id for e in entities.values() if e.type in ("GPE", "LOC")}
    for entity_id, entity in list(entities.items()):
        if entity_id in table or entity.type != "NORP":
            continue
        target = next((places[c] for c in demonym_countries(entity.name) if c in places), None)
        if target and target != entity_id:
            _merge_into(entities, labels, entity_id, target)


def _join_shorter_names(entities, labels, table, doc: Doc | None = None) -> None:
    """A name that is the end of exactly one longer name of the same kind in the text is that
    entity: "Judiciary Committee" after "Senate Judiciary Committee", "Blasey Ford" after
    "Christine Blasey Ford", a hyphenated surname "Roybal-Allard" after "Lucille Roybal-Allard".
    Where two longer names end alike (the House and the Senate Judiciary Committee) the
    short one stays apart.

    The longer names are looked up in an index of name endings and beginnings (`_NameIndex`),
    not by comparing every entity with every other: a 4,000-entity text took seconds so."""
    def kind(entity):
        return _join_kind(entity.name, entity.type)

    index = _NameIndex(entities)
    for entity_id, entity in list(entities.items()):
        words = entity.name.split()
        if entity_id in table or kind(entity) is None or not (
                len(words) >= 2 or ("-" in entity.name and entity.name[:1].isupper())):
            continue
        if len(words) == 1:  # a hyphenated surname: the last word of one person's name
            longer = [eid for eid, e in index.last_word(entity.name) if eid != entity_id and e.type == "PERSON"
                      and len(e.name.split()) >= 2 and e.name.split()[-1] == entity.name]
            if not longer and kind(entity) == "ORG":  # "Times-Dispatch": "Richmond Times-Dispatch"
                longer = [eid for eid, e in index.ending(entity.name) if eid != entity_id and kind(e) == "ORG"
                          and e.name.endswith(" " + entity.name)]
        else:
            longer = [eid for eid, e in index.ending(entity.name) if eid != entity_id
                      and kind(e) == kind(entity) and e.name.endswith(" " + entity.name)]
            if not longer and kind(entity) == "ORG":
                # "El Dibany said" after "Farrah El Dibany": a two-word surname the tagger
                # took for a body is the end of one person's full name
                longer = [eid for eid, e in index.ending(entity.name) if eid != entity_id and e.type == "PERSON"
                          and len(e.name.split()) > len(words) and e.name.endswith(" " + entity.name)]
            if not longer and kind(entity) == "PERSON" and words[0].lower() in _SURNAME_PARTICLES:
                # "De Blasio" opening a sentence is the "Bill de Blasio" of the text: a surname's
                # particle takes a capital only there
                lowered = words[0].lower() + entity.name[len(words[0]):]
                longer = [eid for eid, e in index.ending(lowered) if eid != entity_id
                          and kind(e) == "PERSON" and e.name.endswith(" " + lowered)]
            if not longer and kind(entity) == "ORG":
                # "Centers for Disease Control" before "... and Prevention", "Laborers'
                # International Union" before "... of North America": the longer name goes on
                # with a preposition or "and"
                longer = [eid for eid, e in index.starting(entity.name) if eid != entity_id and kind(e) == "ORG"
                          and e.name.startswith(entity.name + " ")
                          and e.name[len(entity.name) + 1:].split()[0] in ("of", "for", "and")]
        if len(longer) == 1 and (doc is None or kind(entity) == "PERSON"
                                 or not _owned_otherwise(doc, entity, entities[longer[0]].name)):
            _merge_into(entities, labels, entity_id, longer[0])


def _owned_otherwise(doc: Doc, entity, longer_name: str) -> bool:
    """"Ukraine's Defense Ministry" is not the "Russian Defense Ministry" of the same text: a
    short name that one of its mentions gives an owner (a possessive name, or a people or
    place right before it) is the longer name only where the longer name's first words name
    that owner ("Russia's" or "Russian" for "Russian Defense Ministry")."""
    extra = longer_name[: len(longer_name) - len(entity.name)].strip().lower()
    named = {extra, *demonym_countries(extra)}
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        end = span.start
        if doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
            end -= 1
            kinds = ("PROPN",)
        elif doc[end - 1].ent_type_ in ("NORP", "GPE"):
            kinds = ("PROPN", "ADJ")
        else:
            continue
        start = end
        while start > 0 and doc[start - 1].pos_ in kinds and doc[start - 1].ent_type_:
            start -= 1
        owner = doc[start:end].text.lower()
        if owner and owner not in named and not any(owner in demonym_countries(n) for n in named if n):
            return True
    return False


# Particles of a surname, written in lower case inside a full name ("Bill de Blasio", "Ursula
# von der Leyen") and with a capital where the surname opens a sentence.
_SURNAME_PARTICLES = {"de", "di", "da", "del", "della", "van", "von", "le", "la", "du", "dos", "das"}


def _join_kind(name: str, type_: str) -> str | None:
    """The kind of name a shorter name may stand for: a person, or a body or place of work.
    A head word says it before the tagger does: "the George W. Bush Institute" the tagger
    called a person is an institute, the one "the Bush Institute" names."""
    words = name.split()
    if len(words) >= 2 and type_ in ("PERSON", "ORG", "GPE", "NORP") and words[-1] in type_heads():
        type_ = type_heads()[words[-1]]
    return "PERSON" if type_ == "PERSON" else "ORG" if type_ in ("ORG", "FAC") else None


class _NameIndex:
    """The entities of a text by what their names end and begin with, so that the names a
    name can end or begin are found without a pass over all of them: every text after a
    space in a name is a key of `ending`, every text before a space a key of `starting`
    ("Senate Judiciary Committee" ends with "Judiciary Committee" and "Committee"). Names never
    change while entities are merged, so the index stays right; merged-away entities are
    skipped at lookup. Lookups keep the text's order."""

    def __init__(self, entities):
        self.entities = entities
        self.by_end: dict[str, list[str]] = {}
        self.by_start: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        for entity_id, entity in entities.items():
            name = entity.name
            for i, char in enumerate(name):
                if char == " ":
                    self.by_end.setdefault(name[i + 1:], []).append(entity_id)
                    self.by_start.setdefault(name[:i], []).append(entity_id)
            words = name.split()
            if words:
                self.by_last.setdefault(words[-1], []).append(entity_id)

    def _get(self, ids):
        return [(eid, self.entities[eid]) for eid in dict.fromkeys(ids) if eid in self.entities]

    def ending(self, name: str):
        """Entities whose name ends with " " + name."""
        return self._get(self.by_end.get(name, []))

    def starting(self, name: str):
        """Entities whose name starts with name + " "."""
        return self._get(self.by_start.get(name, []))

    def last_word(self, word: str):
        """Entities whose name's last word is `word`."""
        return self._get(self.by_last.get(word, []))


def _initials(name: str) -> str:
    """"NLRB" of "National Labor Relations Board": the first letters of the words, small
    words such as "of" left out."""
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL_WORDS and w[:1].isalpha()).upper()


def _initials_with_of(name: str) -> str:
    """"DOJ", "DOE": the US writes a department's acronym with the "of"."""
    return "".join(w[0] for w in name.split() if (w.lower() not in _SMALL_WORDS or w.lower() == "of")
                   and w[:1].isalpha()).upper()


def _initials_after_head(name: str) -> str:
    """"HHS" of "the (U.S.) Department of Health and Human Services": a department's,
    ministry's or office's acronym is often the initials of what follows "Department of" alone
    (issue 9: "HHS" stood apart from its department). Three letters at least, so that no
    two-letter code ("HS" of "Homeland Security") is read so; "" where the name has no such head."""
    words = name.split()
    while words and words[0].lower() in ("the", "u.s.", "us"):
        words = words[1:]
    if len(words) < 3 or words[0].lower() not in ("department", "ministry", "office") or words[1].lower() != "of":
        return ""
    key = _initials(" ".join(words[2:]))
    return key if len(key) >= 3 else ""


def _acronym_keys(name: str) -> list[str]:
    """The acronyms a body's name may be written as (`_initials`, `_initials_with_of`,
    `_initials_after_head`), each once."""
    return [k for k in dict.fromkeys((_initials(name), _initials_with_of(name), _initials_after_head(name))) if k]


def _one_off(key: str) -> list[str]:
    """The keys one letter shorter than `key`, its first letter kept."""
    return list(dict.fromkeys(key[:i] + key[i + 1:] for i in range(1, len(key))))


def _join_acronyms(entities, labels, table) -> None:
    """"NFCB" after "the Northern Farm Credit Board", "NLRB" beside "National Labor Relations
    Board", "HHS" beside "the Department of Health and Human Services": an acronym is the one
    organisation in the text whose words start with its letters (small words such as "of" left
    out, see `_acronym_keys`). With two such names it stays apart.

    Where no name gives the acronym's letters exactly, an acronym is the one name whose
    initials lack one of its letters or have one more, the first letter the same and both of
    four letters or more ("SAMHSA" beside a "Substance Abuse and Mental Health Administration"
    written without "Services"): the text wrote the long name a little differently (issue 9).
    Three initials are too few to tell ("NASA" is no "National Academy of Sciences", "NYPD" no
    "New York Post", tuning pool), and a swapped letter ("HASC", "SASC") is another body.
    The candidates are indexed by their initials, not compared pairwise."""
    by_initials: dict[str, list[str]] = {}
    by_shorter: dict[str, list[str]] = {}  # a key one letter shorter -> names with the longer key
    for eid, e in entities.items():
        if len(e.name.split()) >= 2 and e.type in _ACRONYM_TYPES:
            for key in _acronym_keys(e.name):
                by_initials.setdefault(key, []).append(eid)
                if len(key) >= 5:
                    for shorter in _one_off(key):
                        by_shorter.setdefault(shorter, []).append(eid)
    for entity_id, entity in list(entities.items()):
        letters = entity.name.replace(".", "")
        if entity_id in table or not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            continue
        longer = list(dict.fromkeys(eid for eid in by_initials.get(letters, []) if eid != entity_id and eid in entities))
        if not longer and len(letters) >= 4:
            near = by_shorter.get(letters, []) + [eid for key in _one_off(letters) if len(key) >= 4
                                                  for eid in by_initials.get(key, [])]
            longer = list(dict.fromkeys(eid for eid in near if eid != entity_id and eid in entities))
        if len(longer) == 1:
            _merge_into(entities, labels, entity_id, longer[0])


def _join_defined_acronyms(doc: Doc, entities, labels, table) -> None:
    """"the Centers for Disease Control and Prevention (CDC)", "the U.S. Agency for
    International Development (USAID)": the text defines an acronym in brackets after the
    name, so the acronym is that body wherever it stands, even where its letters are not the
    initials of the name's words (issue 9, fresh4: an acronym stood apart from its full
    name). The acronym must start with the name's first initial and most of its letters be
    initials of the name; a person's name takes no acronym so. Of the two, a table's entity
    is kept."""
    ends: dict[int, str] = {}
    for entity_id, entity in entities.items():
        if entity.type != "PERSON":
            for m in entity.mentions:
                ends[m.end] = entity_id
    by_name = {e.name.replace(".", ""): eid for eid, e in entities.items()}
    for t in doc:
        if not (_is_acronym_token(t) and _bracketed(t)):
            continue
        opening = doc[t.i - 1]
        name_id = ends.get(opening.idx - len(doc[t.i - 2].whitespace_)) if t.i >= 2 else None
        short_id = by_name.get(t.text.replace(".", ""))
        if not name_id or not short_id or name_id == short_id or name_id not in entities \
                or short_id not in entities:
            continue
        words = [w for w in entities[name_id].name.split() if w[:1].isupper()]
        initials = [w[0] for w in words]
        letters = t.text.replace(".", "")
        if len(words) < 2 or letters[0] != initials[0] or sum(c in initials for c in letters) * 2 <= len(letters):
            continue
        source, target = (name_id, short_id) if short_id in table and name_id not in table else (short_id, name_id)
        if source in table:
            continue
        _merge_into(entities, labels, source, target)
        by_name = {e.name.replace(".", ""): eid for eid, e in entities.items()}


def _join_dotted_and_codes(entities, labels, table) -> None:
    """"DC" and "D.C.", "FBI" and "F.B.I.": an acronym written with and without dots is one
    name; a state's postal code ("TX" in a list of states) or its abbreviation ("Pa.") is the
    state the text names."""
    by_letters: dict[str, str] = {}
    for entity_id, entity in entities.items():
        letters = entity.name.replace(".", "")
        if "." in entity.name and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6:
            by_letters.setdefault(letters, entity_id)
    names = {e.name: eid for eid, e in entities.items() if e.type in ("GPE", "LOC")}
    for entity_id, entity in list(entities.items()):
        if entity_id in table or entity_id not in entities:
            continue
        target = None
        if entity.name.isalpha() and entity.name.isupper() and entity.name in by_letters:
            target = by_letters[entity.name]
        elif entity.type == "GPE" and entity.name in us_state_names():
            target = names.get(us_state_names()[entity.name])
        elif entity.type in ("GPE", "LOC") and entity.name in us_state_abbreviations():
            # "Harrisburg, Pa." beside "Pennsylvania": the state's news-style abbreviation
            # is the state the text names in full (issue 9, fresh4: "Pa." stood apart)
            target = names.get(us_state_abbreviations()[entity.name])
        if target and target != entity_id and target in entities:
            _merge_into(entities, labels, entity_id, target)


_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "at", "&", "to"}
# what an acronym may stand for: bodies, laws, events, products, and places ("NYC", "UAE")
_ACRONYM_TYPES = ("ORG", "FAC", "LAW", "EVENT", "PRODUCT", "GPE", "LOC")


def _spelling_key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _join_spelling_variants(entities, labels, table) -> None:
    """"Delta Air Lines" and "Delta Airlines": a name spelled with and without a space (its
    letters the same, case and punctuation aside) is one name. Only organisations and
    facilities, where one of the spellings has a space (a person's "Mc Donald" is left to the
    name rules); the spelling with more mentions names the entity."""
    by_key: dict[str, str] = {}
    for entity_id, entity in sorted(entities.items(), key=lambda item: -len(item[1].mentions)):
        if entity.type not in ("ORG", "FAC") or entity_id in table:
            continue
        key = _spelling_key(entity.name)
        if len(key) < 6:
            continue
        target = by_key.setdefault(key, entity_id)
        if target != entity_id and target in entities and (
                " " in entity.name or " " in entities[target].name):
            _merge_into(entities, labels, entity_id, target)


# "Health Secretary Kathleen Sebelius": the portfolio word of a title, which the tagger may
# take for an organisation ("Health"), names no body of its own.
_PORTFOLIO_WORDS = {"health", "education", "energy", "defense", "defence", "commerce", "labor", "labour",
                    "interior", "transportation", "transport", "agriculture", "housing", "veterans",
                    "environment", "trade", "finance", "culture", "business", "immigration", "security"}
_PORTFOLIO_TITLES = {"secretary", "minister", "commissioner", "czar", "chief", "spokesman", "spokeswoman",
                     "adviser", "advisor", "official", "officials", "correspondent", "editor", "reporter"}


def _drop_portfolio_words(doc: Doc, entities) -> None:
    def before_title(m) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.end < len(doc) and doc[span.end].lower_ in _PORTFOLIO_TITLES

    for entity_id, entity in list(entities.items()):
        if (entity.type == "ORG" and entity.name.lower() in _PORTFOLIO_WORDS and entity.mentions
                and all(before_title(m) for m in entity.mentions)):
            del entities[entity_id]


def _drop_name_adjectives(entities) -> None:
    """"Trumpian", "Halvorsenian": an adjective made from the name of a person in the text is
    no entity of its own (the tagger calls it a group)."""
    surnames = {e.name.split()[-1].lower() for e in entities.values() if e.type == "PERSON"}
    for entity_id, entity in list(entities.items()):
        word = entity.name.lower()
        if entity.type == "NORP" and " " not in word and any(
                word.endswith(suffix) and word[: -len(suffix)] in surnames
                for suffix in ("ian", "ean", "esque", "ite", "ist", "ism")):
            del entities[entity_id]


def _type_from_context(doc: Doc, entities, labels, table) -> None:
    """Correct a type the tagger gave against what the words around the mentions say.

    - A place cue ("near X", "the village of X", "X region") makes X a place, unless a full
      personal name made it a person.
    - Names listed together are of one kind: in "stock in Microsoft, Verizon, Pfizer and
      Apple" the two the tagger took for a place and a person are companies. A name becomes
      a person this way only if it starts with a given name, and a name stays a person if it
      does.
    """
    by_token: dict[int, str] = {}
    for entity_id, entity in entities.items():
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                by_token[span.root.i] = entity_id
    movable = {eid for eid, e in entities.items() if eid not in table and "PERSON!" not in labels.get(eid, [])
               and e.type in ("PERSON", "ORG", "GPE")}
    for entity_id in movable:
        entity = entities[entity_id]
        others: list[str] = []
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in _conjuncts(span.root):
                other = by_token.get(token.i)
                if other and other != entity_id:
                    others.append(entities[other].type)
        if len(others) < 2:
            continue
        kind = max(set(others), key=others.count)
        if kind == entity.type or others.count(kind) * 2 <= len(others) or others.count(kind) < 2:
            continue
        first = entity.name.split()[0]
        if kind == "PERSON" and not is_first_name(first):
            continue
        if entity.type == "PERSON" and is_first_name(first):
            continue
        if kind in ("ORG", "GPE", "PERSON") and entity.name.split()[-1] not in type_heads():
            entity.type = kind
    for entity_id in movable | {eid for eid, e in entities.items() if e.type == "PRODUCT"}:
        entity = entities[entity_id]
        if entity.type != "GPE" and entity.name.split()[-1] not in type_heads():
            spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions]
            if any(s is not None and place_cue(s) for s in spans):
                entity.type = "GPE"
    for entity_id in movable:
        entity = entities[entity_id]
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions]
        if entity.type != "PERSON" and any(
                s is not None and s.start > 0 and doc[s.start - 1].lower_.strip(".") in _HONORIFICS
                for s in spans):
            entity.type = "PERSON"  # "congresswoman Tulsi Gabbard", "Mr. Kessler": a person
    for entity_id in movable:
        entity = entities[entity_id]
        words = entity.name.split()
        # "Oleksandr Turchynov" tagged ORG: a given name and a surname that is none
        if entity.type == "ORG" and 2 <= len(words) <= 3 \
                and all(w.replace("-", "").isalpha() and w[:1].isupper() for w in words) \
                and is_first_name(words[0]) and not is_first_name(words[-1]) \
                and words[-1] not in type_heads() and words[-1].lower() not in corporate_words():
            entity.type = "PERSON"
    for entity_id in movable:
        entity = entities[entity_id]
        words = entity.name.split()
        # "spoke with Kinetik Justice, who joined us": "who" stands for a person; a body takes
        # "which" or "that". Only a name of two or three capitalised words none of which says
        # it is a body ("Justice Department, who ..." stays a body).
        if entity.type == "ORG" and 2 <= len(words) <= 3 and all(w.isalpha() and w.istitle() for w in words) \
                and not any(w in type_heads() or w.lower() in corporate_words() or w in tribe_words() for w in words) \
                and any(_who_follows(doc, m) for m in entity.mentions):
            entity.type = "PERSON"
    for entity_id, entity in entities.items():
        if entity_id in table or entity.type != "PERSON":
            continue
        kinds = {_thing_after(doc, m) for m in entity.mentions}
        if len(kinds) == 1 and None not in kinds:
            # "the Keystone XL pipeline": a name between "the" and a word for a thing (a type
            # head in lower case) is that thing, in every mention, not a person
            entity.type = kinds.pop()


def _type_from_knowledge(doc: Doc, entities, labels, table) -> None:
    """World knowledge has the last word on a type (nlp/entity_knowledge.py): "Al Jazeera" is
    an outlet, "the House" a chamber, "Virginia Foxx" a person whatever the tagger said. Then
    the forms of one thing become one entity: an outlet's ("Breitbart", "Breitbart News"), a
    religion's ("Islam", "Islamic", "Muslims"), a person's with initials ("J.D. Vance",
    "James David Vance"), each joining the form with most mentions."""
    lower_words = lower_case_words(doc)
    retyped: set[str] = set()  # the entities world knowledge made persons
    for entity_id, entity in entities.items():
        if entity_id in table:
            continue
        kind = knowledge_type(doc, entity, labels.get(entity_id, []), lower_words)
        if kind:
            if kind == "PERSON" and entity.type != "PERSON":
                retyped.add(entity_id)
            entity.type = kind
    by_key: dict[str, list[str]] = {}
    for entity_id, entity in entities.items():
        key = same_thing_key(entity)
        if key:
            by_key.setdefault(key, []).append(entity_id)
    for ids in by_key.values():
        if len(ids) < 2:
            continue
        target = max(ids, key=lambda eid: (eid in table, len(entities[eid].mentions)))
        for eid in ids:
            if eid != target and eid not in table:
                _merge_into(entities, labels, eid, target)
        if target not in table and same_thing_key(entities[target]).startswith("religion:"):
            entities[target].type = "NORP"
    # "Milo" the tagger called a place, in a text about Milo Brandt: a given name alone that
    # is no known place is the one person in the text who has it
    by_given: dict[str, list[str]] = {}
    for entity_id, entity in entities.items():
        words = entity.name.split()
        if entity.type == "PERSON" and len(words) >= 2:
            by_given.setdefault(words[0], []).append(entity_id)
    surnames = {e.name.split()[-1] for e in entities.values() if e.type == "PERSON" and " " in e.name}
    for entity_id, entity in list(entities.items()):
        people = by_given.get(entity.name, [])
        if entity_id in table or len(people) != 1 or not is_first_name(entity.name) or is_place(entity.name):
            continue
        if entity.type in ("GPE", "LOC", "FAC") and read_as_place(doc, entity):
            continue  # "gathered in Madison": the city, beside "Madison Cawthorn"
        if entity.type in ("GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT") or (
                entity.type == "PERSON" and entity.name not in surnames and people[0] in retyped):
            # a person only world knowledge made one ("Tessa Quill", tagged a body) takes her
            # given name alone as the tagger's persons do
            _merge_into(entities, labels, entity_id, people[0])
    # initials: the full names indexed by surname and the initials of their given names, so a
    # name written with initials finds its full form without comparing every pair
    by_initials: dict[str, list[str]] = {}
    for entity_id, entity in entities.items():
        words = entity.name.split()
        if entity.type == "PERSON" and len(words) >= 2 and initials_key(words) is None:
            for key in full_name_keys(words):
                by_initials.setdefault(key, []).append(entity_id)
    for entity_id, entity in list(entities.items()):
        words = entity.name.split()
        key = initials_key(words) if entity.type == "PERSON" and entity_id not in table else None
        fuller = list(dict.fromkeys(eid for eid in by_initials.get(key, []) if eid in entities and eid != entity_id)) \
            if key else []
        if len(fuller) == 1:
            _merge_into(entities, labels, entity_id, fuller[0])


def _untagged_full_names(doc: Doc, taken: set[int], lower_words: set[str]) -> list:
    """"Michael Strong founded the academy ... , Strong responds": the tagger missed a full
    personal name (here where the name opens a paragraph). A given name from the offline table
    and a capitalised surname, both proper nouns and no part of a longer name, are a person's
    name where the text uses the surname again alone as a proper noun, or where a capitalised
    title stands before them ("Democratic Whip Steny Hoyer"); not where either word names a
    place, the surname is a body's head word, a title or a given name itself, or the text
    writes it in lower case."""
    alone = {}
    for t in doc:
        if t.pos_ == "PROPN" and t.is_title and t.is_alpha:
            alone.setdefault(t.text, []).append(t.i)
    found = []
    titles = person_titles() | {"whip"}
    for given in doc[:-1]:
        surname = doc[given.i + 1]
        if given.i in taken or surname.i in taken or given.pos_ != "PROPN" or surname.pos_ != "PROPN":
            continue
        before = doc[given.i - 1] if given.i > 0 else None
        # "Democratic Whip Steny Hoyer": a capitalised title before two names makes them a
        # person's, a given name of the table or not
        titled = before is not None and before.is_title and before.lower_.strip(".") in titles \
            and given.lower_ not in titles and given.is_title and given.is_alpha
        if not ((is_first_name(given.text) or titled) and surname.is_title and surname.is_alpha and len(surname) > 2):
            continue
        if is_first_name(surname.text) or surname.lower_ in lower_words or surname.text in type_heads() \
                or is_place(given.text) or is_place(surname.text) or is_place(f"{given.text} {surname.text}") \
                or surname.lower_ in corporate_words() or outlet_of(surname.text):
            continue
        after = doc[surname.i + 1] if surname.i + 1 < len(doc) else None
        if (before is not None and before.is_title and before.pos_ == "PROPN" and not before.is_sent_start
                and not titled) or (after is not None and after.is_title and after.pos_ == "PROPN") \
                or surname.lower_ in titles:
            continue
        if not titled and not any(i != surname.i and i not in taken and doc[i - 1].text != given.text
                                  for i in alone.get(surname.text, [])):
            continue  # the surname alone nowhere else: too little to call it a person
        found.append((Span(doc, given.i, surname.i + 1, label="PERSON"), None, "PERSON"))
        taken.update((given.i, surname.i))
    return found


def _untagged_surnames(doc: Doc, mentions, taken: set[int], lower_words: set[str]) -> list:
    """"Senator Joe Manchin ... made Manchin the ranking member": the tagger often misses a
    surname alone later in the text. A capitalised proper noun that is the last word of a
    full personal name the tagger found is a mention of a person (tied to the full name by
    _resolve), unless it stands inside another name (a capitalised word beside it), the text
    writes it in lower case, it names a place, or two people share the surname. Like a tagged
    surname, it is no mention in "the Obama administration", "Clinton-Gingrich" or a quoted
    title (`taken`: the words already in mentions, link lines and boxes)."""
    by_surname: dict[str, set[str]] = {}
    for span, _entry_id, label in mentions:
        words = _name_words(span)
        if label == "PERSON" and len(words) >= 2 and words[-1].isalpha() and words[-1].istitle() \
                and words[-1].strip(".").lower() not in GENERATIONS:
            by_surname.setdefault(words[-1], set()).add(" ".join(words).lower())
    found = []
    for token in doc:
        if token.i in taken or token.text not in by_surname or len(by_surname[token.text]) != 1 \
                or token.pos_ != "PROPN" or token.lower_ in lower_words or is_place(token.text):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (before is not None and before.is_title and before.lower_.strip(".") not in _HONORIFICS
                and not before.is_sent_start) or (after is not None and after.is_title and after.pos_ == "PROPN"):
            continue  # "Heather Manchin", "Manchin Foundation": part of another name
        if before is not None and before.is_title and before.is_sent_start \
                and before.lower_.strip(".") not in _HONORIFICS and before.pos_ == "PROPN":
            continue
        span = Span(doc, token.i, token.i + 1, label="PERSON")
        if names_an_administration(span) or is_hyphen_compound(span) or in_quoted_title(span) \
                or (after is not None and after.text == "-" and not after.whitespace_) \
                or (before is not None and before.text == "-" and not before.whitespace_):
            continue
        found.append((span, None, "PERSON"))
        taken.add(token.i)
    return found


def _type_from_list_head(doc: Doc, entities, table) -> None:
    """"telecom companies including Verizon", "oil giants such as ExxonMobil and Antero
    Midstream", "countries like Chad": the noun that heads a list says the kind of every name
    the list holds (nlp/lexicons/entities.json `list_heads`), whatever the tagger said. An
    entity takes that kind when most of its mentions that stand in such lists agree on it;
    the table's entities keep their own type."""
    heads = list_heads()
    for entity_id, entity in entities.items():
        if entity_id in table:
            continue
        kinds = [_list_kind(doc, m, heads) for m in entity.mentions]
        kinds = [k for k in kinds if k]
        if kinds:
            kind = max(set(kinds), key=kinds.count)
            if kinds.count(kind) * 2 > len(kinds):
                entity.type = kind


# A broadcaster's call sign: "WXYZ-TV", "KQED", "WTOP-FM" (US stations start with K or W)
_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(-(TV|FM|AM|DT|HD|LD|CD))?$")
_SHIP_PREFIXES = {"USS", "HMS", "USNS", "USCGC", "HMCS", "HMAS", "INS"}


def _type_from_form(doc: Doc, entities, table) -> None:
    """Names whose form says what they are, where the tagger made persons of them (issue 9,
    fresh4's audit): "the Rams" (a team's nickname after "the") is the club; "WXYZ-TV" (a
    call sign) the station; "USS Carl Vinson" (a ship's prefix) the vessel. A person's name
    is never written so; the table's entities keep their type."""
    nicknames = set(world_lexicon()["team_nicknames"])
    for entity_id, entity in entities.items():
        if entity_id in table:
            continue
        name = entity.name
        if entity.type in ("PERSON", "NORP", "GPE") and name in nicknames and _after_the(doc, entity):
            entity.type = "ORG"
        elif entity.type in ("PERSON", "GPE", "NORP", "LOC") and _CALL_SIGN.match(name) \
                and ("-" in name or entity.type == "PERSON"):
            entity.type = "ORG"
        elif entity.type in ("PERSON", "GPE", "NORP", "ORG") and name.split()[0] in _SHIP_PREFIXES \
                and len(name.split()) >= 2:
            entity.type = "PRODUCT"
        elif entity.type == "ORG" and name in _BODY_BUILDINGS \
                and all(s is not None and building_use(s) for s in _spans(doc, entity)):
            # "protesters outside the Pentagon" and nothing else: the building, no body (a
            # body that is named after no building, "outside the FBI", keeps its type)
            entity.type = "FAC"


def _spans(doc: Doc, entity) -> list:
    return [doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions]


def _after_the(doc: Doc, entity) -> bool:
    """Most mentions of the entity follow "the" ("the Rams said")."""
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions]
    hits = sum(1 for s in spans if s is not None and s.start > 0 and doc[s.start - 1].lower_ == "the")
    return hits * 2 > len(spans)


def _join_team_nicknames(entities, labels, table) -> None:
    """"The Cardinals, Tigers, Jets ..." after "New York Jets": a team's nickname alone is the
    one team of the text whose name is a place and that nickname (world knowledge
    `team_nicknames`). Single words are otherwise never joined to longer names (a lone "York"
    is no "New York"), so only a nickname the lexicon knows is joined, and only to one team."""
    nicknames = set(world_lexicon()["team_nicknames"])
    teams: dict[str, list[str]] = {}
    for entity_id, entity in entities.items():
        words = entity.name.split()
        if len(words) >= 2 and words[-1] in nicknames and is_place(" ".join(words[:-1])):
            teams.setdefault(words[-1], []).append(entity_id)
    for entity_id, entity in list(entities.items()):
        longer = teams.get(entity.name, [])
        if entity_id not in table and len(longer) == 1 and longer[0] != entity_id and entity.type in ("ORG", "NORP", "PERSON"):
            _merge_into(entities, labels, entity_id, longer[0])


def _list_kind(doc: Doc, mention, heads: dict[str, str]) -> str | None:
    """The kind the head noun of the list a mention stands in gives it ("companies including
    X, Y and Z": ORG for each), or None where the mention stands in no such list."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("including", "like", "as"):
        return None
    if prep.lower_ == "as" and not any(t.lower_ == "such" for t in prep.children):
        return None  # "as" alone ("served as Speaker") lists nothing
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.tag_ not in ("NNS", "NNPS"):
        return None  # a list has a plural head: "a company like Verizon" is a comparison too
    return heads.get(noun.lemma_.lower())


def _who_follows(doc: Doc, mention) -> bool:
    """The mention is followed by "who" or ", who"."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if i >= len(doc) or doc[i].lower_ != "who":
        return False
    # the clause "who" opens must be about this name, not the noun before it ("Democrats on
    # Capitol Hill, who have argued")
    clause = doc[i].head
    root = span.root
    if root.dep_ == "pobj" and (root.head.lower_ in _PLACE_PREPOSITIONS | {"on"}
                                or (root.head.head.pos_ in ("NOUN", "PROPN") and root.head.head.i < span.start)):
        return False  # the parser hangs the clause on the last name; "on Capitol Hill" is a place
    return clause.dep_ == "relcl" and span.start <= clause.head.i < span.end


def _thing_after(doc: Doc, mention) -> str | None:
    """The type a lower-case head word after a mention gives it ("the X pipeline" -> FAC)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ != "the":
        return None
    nxt = doc[span.end]
    kind = type_heads().get(nxt.text.title()) if nxt.is_lower and nxt.is_alpha else None
    if nxt.lower_ in ("program", "programme"):
        return "ORG"  # "the Mavni program": a programme, typed as the bodies that run one
    return kind if kind in ("FAC", "LAW") else None


def _conjuncts(token) -> list:
    """The words coordinated with a word ("Verizon" in "Microsoft, Verizon and Apple")."""
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return [head, *head.conjuncts] if head.conjuncts else []


# Link and widget labels of a news page, in capitals ("Trump MORE", "ARTICLE 6:34 SHARE")
_PAGE_WORDS = {"MORE", "SHARE"}
# The legal form after a company's name
_LEGAL_FORMS = {"inc", "inc.", "corp", "corp.", "co.", "llc", "ltd", "ltd.", "plc"}
_CUSTODY_WORDS = {"Correctional", "Detention", "Correction"}
# what a jail is called after those words ("Aramark Correctional Services" is a company)
_CUSTODY_HEADS = {"Center", "Centre", "Facility", "Complex", "Institution", "Unit", "Camp", "Farm", "Annex"}
_TRAILING_FUNCTION_WORDS = {"and", "or", "of", "for", "the", "on", "in", "at", "to", "with", "by", "&"}
_VERB_WORDS = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "says", "said"}
# "Bank of the West", "Society for the Protection of ...": a determiner inside a name.
_INNER_DETERMINER_AFTER = {"of", "for", "on", "in", "and", "&", "at", "to"}


def _name_parts(span: Span) -> list[Span]:
    """The names in a tagged span: without a leading "the" or trailing punctuation, split
    where a determiner or a line break joins two names ("The Independent the Tories"),
    and nothing for a headline the tagger took for a name ("Death Rate Is Far Lower")."""
    doc = span.doc
    if any(t.lower_ in _VERB_WORDS and not (t.i == span.start and is_first_name(t.text)) for t in span):
        return []  # a given name that is also a verb ("Will Smith") may open a name
    if span.label_ in ("PERSON", "ORG", "GPE") and any(t.text == "to" for t in span[1:-1]):
        return []  # "Biden to Reade": two names and the words between them, no name
    for t in span[1:-1]:
        if t.text in ("-", "–", "—") and t.whitespace_ and doc[t.i - 1].whitespace_:
            # "Brad Parscale - Text VOTE to ...": a spaced dash ends the name
            span = Span(doc, span.start, t.i, label=span.label_)
            break
    for t in span[1:]:
        if t.is_lower and t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" and span.label_ in ("ORG", "PERSON", "GPE", "NORP"):
            # "Get Alexander-Murray passed & signed": a name holds no verb in lower case
            span = Span(doc, span.start, t.i, label=span.label_)
            break
    while len(span) >= 3 and span.label_ == "ORG" and span[-1].lower_ in _TITLE_OPENERS \
            and span[-1].is_title and span.end < len(doc) and (doc[span.end].is_title):
        # "Department of Homeland Security Acting Deputy Secretary Ken Cuccinelli": the title
        # before a person's name begins inside the tagged body
        span = Span(doc, span.start, span.end - 1, label=span.label_)
    parts, start = [], span.start
    for t in span:
        split = ("\n" in t.text_with_ws and t.i + 1 < span.end) or (
            t.i > span.start and t.lower_ in ("the", "a", "an") and t.is_lower
            and doc[t.i - 1].lower_ not in _INNER_DETERMINER_AFTER
        )
        if split:
            end = t.i + 1 if "\n" in t.text_with_ws and not t.is_space else t.i
            parts.append((start, end))
            start = t.i + 1
    parts.append((start, span.end))
    out = []
    for a, b in parts:
        while a < b and (doc[a].lower_ in ("the", "a", "an") or doc[a].is_space or doc[a].tag_ == "POS"
                         or (doc[a].lower_ in ("this", "these", "that", "those") and doc[a].is_lower)):
            a += 1  # "this American Health Care Act", "’s Twitter"
        for i in range(a, b):
            if doc[i].text in _PAGE_WORDS or (doc[i].text == "Image" and i + 1 < len(doc)
                                              and doc[i + 1].lower_ in ("caption", "copyright")):
                b = i  # "Halvorsen MORE", "Getty Images Image caption": a link or caption label
                break
        while b > a and (doc[b - 1].is_punct or doc[b - 1].tag_ == "POS" or doc[b - 1].is_space
                         or (doc[b - 1].lower_ in _TRAILING_FUNCTION_WORDS and not doc[b - 1].is_title)):
            # "the Senate Foreign Relations and Homeland Security committees": the tagger
            # stops at "and"; a name never ends with a function word
            b -= 1
        if a < b:
            out.append(Span(doc, a, b, label=span.label_))
    return out


@Language.factory(
    "claimscope_entities",
    assigns=["doc.spans", "doc._.entities"],
    default_config={"aliases_path": None},
)
def make_entities(nlp: Language, name: str, aliases_path: str | None):
    ensure_extensions()
    return EntityLinker(nlp, name, aliases_path=aliases_path)
