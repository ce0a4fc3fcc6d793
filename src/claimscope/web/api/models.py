"""The API's models (pydantic), kept apart from the store's rows so either can change alone."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from pydantic import AfterValidator, BaseModel

from claimscope.errors import BadQuery


def check_iso_date(value: str | None) -> str | None:
    """The store's date rule (YYYY, YYYY-MM, YYYY-MM-DD or a date-time), as a pydantic check."""
    from claimscope.store.query import check_date

    try:
        return check_date("date", value)
    except BadQuery as exc:
        raise ValueError(exc.reason) from None


IsoDate = Annotated[str, AfterValidator(check_iso_date)]

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    next: str | None = None  # the cursor for the next page, or null on the last one


class Error(BaseModel):
    code: str
    message: str


class DocumentItem(BaseModel):
    id: str
    name: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    language: str | None = None


class DocumentIn(BaseModel):
    """A document to analyse and store: its text (with what is known of its publication), or a URL."""

    text: str | None = None
    url: str | None = None
    name: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: IsoDate | None = None


class IngestOut(BaseModel):
    id: str
    name: str
    outcome: str  # stored | already_stored | publication_added | reanalyzed
    claims: int | None = None  # in the stored analysis


class Publication(BaseModel):
    name: str
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    title: str | None = None


class ClaimItem(BaseModel):
    id: str
    document: str
    text: str
    start: int
    end: int
    sentence: int
    status: str
    certainty: float
    checkworthiness: float
    check_worthy: bool
    evidence_kind: str
    evidence_source: str | None = None
    asserter_name: str
    asserter_entity: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None


class EntityItem(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int
    documents: int


class EntityDocument(BaseModel):
    id: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    names: list[str]  # what this document called the entity
    mentions: int


class Mention(BaseModel):
    document: str
    start: int
    end: int
    text: str


class EntityDetail(EntityItem):
    # The first page of documents naming it (more at /entities/{id}/documents?cursor=...), and
    # its mentions in those documents (at most 200; each a span of that document's text).
    in_documents: Page[EntityDocument]
    mention_spans: list[Mention]


class EntityEdit(BaseModel):
    """A corpus entity's display name and the aliases linking matches (until a full relink)."""

    name: str | None = None
    aliases: list[str] | None = None
