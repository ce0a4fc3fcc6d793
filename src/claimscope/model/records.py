"""Small records that point at character spans of one document.

Every extractor yields these; renderers and the store read them. Offsets are character
offsets into the original text (end exclusive), so every fact can be traced back to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict | None) -> TextSpan | None:
        return None if data is None else cls(data["start"], data["end"], data["text"])

    @classmethod
    def cut(cls, text: str, start: int, end: int, strip: bool = False) -> TextSpan:
        """The span of `text` from `start` to `end`, its text always `text[start:end]` (so the
        offsets can be checked against the document); `strip` moves the offsets in past blanks
        rather than trimming the text alone."""
        if strip:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        return cls(start, end, text[start:end])


def widen_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Move `start` back and `end` on to word boundaries (alphanumeric runs), so a span that a
    word-piece tagger began or ended inside a word ("Dr" of "Dravon") covers the whole word."""
    while 0 < start < len(text) and text[start].isalnum() and text[start - 1].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


# An entity mention is a span of the text like any other: one record, not two.
Mention = TextSpan


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Attribution:
    """Who said (or thought) what: source, cue and content spans; source may be absent."""

    id: str
    kind: str  # direct | indirect | mixed
    cue: TextSpan
    content: TextSpan | None
    source: TextSpan | None = None
    source_entity: str | None = None  # entity id the source resolves to
    score: float = 1.0
    label: str | None = None  # display ordinal ("a0"); `id` is the hash id (model/ids.py)


@dataclass
class Evidence:
    kind: str  # named_person | document | media_report | anonymous | none
    source: str | None = None
    role: str | None = None
    cue: TextSpan | None = None


@dataclass
class Claim:
    id: str
    text: str
    start: int
    end: int
    asserter_name: str
    asserter_entity: str | None
    status: str
    certainty: float
    checkworthiness: float
    evidence: Evidence
    check_worthy: bool = False  # checkworthiness at or above the model's chosen threshold
    cues: list[TextSpan] = field(default_factory=list)
    attribution: str | None = None
    subject: str | None = None  # entity id
    object: str | None = None  # entity id
    entities: list[str] = field(default_factory=list)
    argument: str | None = None
    sentence: int = 0
    label: str | None = None  # display ordinal ("c1")


@dataclass
class Argument:
    id: str
    marker: str
    start: int
    end: int
    ordinal: int | None
    claims: list[str] = field(default_factory=list)
    label: str | None = None  # display ordinal ("arg1")


@dataclass
class Structure:
    thesis: TextSpan | None = None
    arguments: list[Argument] = field(default_factory=list)
    conclusion: TextSpan | None = None


@dataclass
class Technique:
    label: str
    start: int
    end: int
    score: float
    text: str = ""
