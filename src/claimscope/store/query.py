"""The search query language, parsed once and compiled for each dialect.

    kestria                 a word (stemmed: "killed" finds "kills")
    "port essary"           a phrase
    brigad*                 a prefix
    a b / a AND b           both;   a OR b   either;   a NOT b   a without b;   ( ... ) grouping

Parsing it ourselves means both dialects accept the same queries and a malformed one (an
unbalanced quote or parenthesis, an operator with nothing beside it) is a `BadQuery` saying
what is wrong, instead of FTS5's syntax error or PostgreSQL silently searching something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from claimscope.errors import BadQuery

_TOKEN = re.compile(r'\s*(?:(")|(\()|(\))|([^\s()"]+))')
_OPERATORS = ("AND", "OR", "NOT")


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    text: str


@dataclass(frozen=True)
class Both:
    parts: tuple


@dataclass(frozen=True)
class Either:
    parts: tuple


@dataclass(frozen=True)
class Without:
    keep: object
    drop: object


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        match = _TOKEN.match(query, pos)
        quote, open_, close, word = match.groups()
        if quote:
            end = query.find('"', match.end())
            if end < 0:
                raise BadQuery("search", f"unbalanced quote in {query!r}: a phrase needs a closing \"")
            out.append(("phrase", query[match.end():end]))
            pos = end + 1
            continue
        if open_:
            out.append(("(", "("))
        elif close:
            out.append((")", ")"))
        elif word in _OPERATORS:
            out.append(("op", word))
        else:
            out.append(("word", word))
        pos = match.end()
    return out


class _Parser:
    def __init__(self, query: str):
        self.query = query
        self.tokens = _tokens(query)
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.i += 1
        return token

    def fail(self, why: str):
        raise BadQuery("search", f"{why} in {self.query!r}")

    def parse(self):
        if not self.tokens:
            self.fail("nothing to search for")
        node = self.either()
        if self.peek() is not None:
            self.fail("a ')' with no '(' before it")
        return node

    def either(self):
        parts = [self.both()]
        while self.peek() == ("op", "OR"):
            self.take()
            parts.append(self.both())
        return parts[0] if len(parts) == 1 else Either(tuple(parts))

    def both(self):
        parts = [self.primary()]
        while (token := self.peek()) is not None and token[0] != ")" and token != ("op", "OR"):
            if token == ("op", "AND"):
                self.take()
                parts.append(self.primary())
            elif token == ("op", "NOT"):
                self.take()
                keep = parts[0] if len(parts) == 1 else Both(tuple(parts))
                parts = [Without(keep, self.primary())]
            else:
                parts.append(self.primary())
        return parts[0] if len(parts) == 1 else Both(tuple(parts))

    def primary(self):
        token = self.take()
        if token is None:
            self.fail("the query ends where a word should be")
        kind, value = token
        if kind == "(":
            node = self.either()
            if self.take() != (")", ")"):
                self.fail("unbalanced parenthesis: a '(' is never closed")
            return node
        if kind == ")":
            self.fail("a ')' where a word should be")
        if kind == "op":
            self.fail(f"{value} needs a word on both sides (search for the word itself in quotes)")
        if kind == "phrase":
            if not re.search(r"\w", value):
                self.fail("an empty phrase")
            return Phrase(value)
        prefix = value.endswith("*")
        word = value[:-1] if prefix else value
        if "*" in word:
            self.fail(f"'*' only ends a word (a prefix search), not {value!r}")
        if not re.search(r"\w", word):
            self.fail(f"{value!r} has no letters or digits to search for")
        return Term(word, prefix)


def parse(query: str):
    return _Parser(query).parse()


def to_fts5(node) -> str:
    """SQLite FTS5 MATCH syntax; every word is quoted, so ':' or '-' in it is never an operator."""
    if isinstance(node, Term):
        quoted = '"' + node.text.replace('"', '""') + '"'
        return quoted + "*" if node.prefix else quoted
    if isinstance(node, Phrase):
        return '"' + node.text.replace('"', '""') + '"'
    if isinstance(node, Both):
        return "(" + " AND ".join(to_fts5(p) for p in node.parts) + ")"
    if isinstance(node, Either):
        return "(" + " OR ".join(to_fts5(p) for p in node.parts) + ")"
    return f"({to_fts5(node.keep)} NOT {to_fts5(node.drop)})"


def to_tsquery(node, params: dict) -> str:
    """A PostgreSQL tsquery expression over bound parameters (added to `params`)."""
    if isinstance(node, Term | Phrase):
        name = f"q{len(params)}"
        if isinstance(node, Phrase):
            params[name] = node.text
            return f"phraseto_tsquery('english', :{name})"
        if not node.prefix:
            params[name] = node.text
            return f"plainto_tsquery('english', :{name})"
        # \w runs only: nothing in them is tsquery syntax.
        parts = re.findall(r"\w+", node.text)
        params[name] = " <-> ".join(parts[:-1] + [parts[-1] + ":*"])
        return f"to_tsquery('english', :{name})"
    if isinstance(node, Both):
        return "(" + " && ".join(to_tsquery(p, params) for p in node.parts) + ")"
    if isinstance(node, Either):
        return "(" + " || ".join(to_tsquery(p, params) for p in node.parts) + ")"
    return f"({to_tsquery(node.keep, params)} && !!{to_tsquery(node.drop, params)})"


def check_date(option: str, value: str | None) -> str | None:
    """An ISO 8601 date or date-time (publication dates are compared as text at its precision)."""
    if value is None:
        return None
    value = value.strip()
    try:
        if len(value) in (4, 7):  # a year, or a year and month
            date.fromisoformat(value + ("-01-01" if len(value) == 4 else "-01"))
        else:
            datetime.fromisoformat(value)
    except ValueError:
        raise BadQuery(option, f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value
