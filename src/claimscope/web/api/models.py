"""The API's models (pydantic), kept apart from the store's rows so either can change alone."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel

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
