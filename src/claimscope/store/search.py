"""Full-text search over claims and documents: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

The query is parsed once (`store/query.py`) and compiled for the dialect. Claim hits come first
(a claim is the more precise answer), then documents; each carries offsets into the document
text and a snippet with the matched words in [ ]. The filters are the same on both dialects:
`status` (claims only), `entity` (a corpus entity id, or the name or id of an entity in the document, any case),
`outlet`, `since` and `until` (publication dates, at the bound's own precision).
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from claimscope.errors import BadQuery
from claimscope.model.corpus import SearchHit
from claimscope.model.vocabulary import terms
from claimscope.store.query import check_date, parse, to_fts5, to_tsquery

# Markers no article contains; turned into [ ] once the match's offsets are found.
_OPEN, _CLOSE = "\x02", "\x03"
_ELLIPSIS = "…"
_PG_DOCUMENT_CHARS = 500_000  # as indexed by migration 0002


def run_search(connection: Connection, dialect: str, query: str, *, status: str | None = None,
               entity: str | None = None, outlet: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50) -> list[SearchHit]:
    node = parse(query)
    if status is not None and status not in terms("epistemic_status"):
        raise BadQuery("--status", f"{status!r} is not a status (one of {', '.join(terms('epistemic_status'))})")
    since, until = check_date("--since", since), check_date("--until", until)
    if limit < 1:
        raise BadQuery("--limit", "must be at least 1")
    params: dict = {"limit": limit}
    filters = _filters(params, entity=entity, outlet=outlet, since=since, until=until)
    claim_filters = filters["claim"] + (["c.status = :status"] if status else [])
    if status:
        params["status"] = status
    if dialect == "sqlite":
        params["match"] = to_fts5(node)
        claim_sql = f"""
            SELECT c.id, c.document, c.start, c."end", c.text, c.status,
                   snippet(claims_fts, 0, '{_OPEN}', '{_CLOSE}', '{_ELLIPSIS}', 64) AS snippet,
                   -bm25(claims_fts) AS score
            FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
            WHERE claims_fts MATCH :match {''.join(' AND ' + f for f in claim_filters)}
            ORDER BY bm25(claims_fts), c.id LIMIT :limit"""
        # SQLite makes every output column of every match before it sorts: a snippet and the whole
        # text of 12,000 documents for 50 (58 of a search's 100 ms of CPU at 100k documents). So
        # the first pass ranks by bm25 alone, and only the documents at or above the 50th score
        # (ties included, so the same 50 in the same order) get their snippet and text.
        document_where = f"documents_fts MATCH :match {''.join(' AND ' + f for f in filters['document'])}"
        document_sql = f"""
            SELECT d.id, d.length, d.text AS body,
                   snippet(documents_fts, 0, '{_OPEN}', '{_CLOSE}', '{_ELLIPSIS}', 24) AS snippet,
                   -bm25(documents_fts) AS score
            FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
            WHERE {document_where} AND bm25(documents_fts) <= (SELECT max(s) FROM (
                SELECT bm25(documents_fts) AS s FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                WHERE {document_where} ORDER BY s LIMIT :document_limit))
            ORDER BY bm25(documents_fts), d.id LIMIT :document_limit"""
    else:
        tsquery = to_tsquery(node, params)
        options = f"StartSel={_OPEN}, StopSel={_CLOSE}, HighlightAll=true"
        doc_options = (f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=30, MinWords=12, ShortWord=2, "
                       "MaxFragments=1")
        claim_sql = f"""
            WITH q AS (SELECT {tsquery} AS query)
            SELECT c.id, c.document, c.start, c."end", c.text, c.status,
                   ts_headline('english', c.text, q.query, '{options}') AS snippet,
                   ts_rank(c.tsv, q.query) AS score
            FROM claims c, q
            WHERE c.tsv @@ q.query {''.join(' AND ' + f for f in claim_filters)}
            ORDER BY score DESC, c.id LIMIT :limit"""
        document_sql = f"""
            WITH q AS (SELECT {tsquery} AS query)
            SELECT d.id, d.length, d.text AS body,
                   ts_headline('english', left(d.text, {_PG_DOCUMENT_CHARS}), q.query, '{doc_options}')
                       AS snippet,
                   ts_rank(d.tsv, q.query) AS score
            FROM documents d, q
            WHERE d.tsv @@ q.query {''.join(' AND ' + f for f in filters['document'])}
            ORDER BY score DESC, d.id LIMIT :document_limit"""
    try:
        claim_rows = connection.execute(text(claim_sql), params).mappings().all()
        # Claims come first, so documents fill only what the claims left of the limit: asking
        # for no more keeps the answer and skips the snippets of documents never shown (on
        # PostgreSQL ts_headline re-parses each text, ~2 ms a document: docs/scale.md).
        room = limit - len(claim_rows)
        document_rows = [] if status or room <= 0 else connection.execute(
            text(document_sql), params | {"document_limit": room}).mappings().all()
    except DBAPIError as exc:
        # The parser accepts only what both dialects can run; this is the last line of defence.
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()
        raise BadQuery("search", f"cannot run {query!r} ({reason[0] if reason else exc})") from None
    firsts = _first_publications(connection, {r["document"] for r in claim_rows} | {r["id"] for r in document_rows})
    hits = []
    for r in claim_rows:
        pub = firsts.get(r["document"], {})
        hits.append(SearchHit(kind="claim", document=r["document"], id=r["id"], start=r["start"],
                              end=r["end"], text=r["text"], snippet=_brackets(r["snippet"]),
                              status=r["status"], outlet=pub.get("outlet"), date=pub.get("date"),
                              score=round(float(r["score"]), 6)))
    for r in document_rows:
        pub = firsts.get(r["id"], {})
        start, end = _locate(r["body"], r["snippet"])
        hits.append(SearchHit(kind="document", document=r["id"], id=r["id"], start=start, end=end,
                              text=pub.get("title") or pub.get("name") or r["id"],
                              snippet=_brackets(r["snippet"]), outlet=pub.get("outlet"),
                              date=pub.get("date"), score=round(float(r["score"]), 6)))
    return hits[:limit]


def _filters(params: dict, *, entity, outlet, since, until) -> dict[str, list[str]]:
    """SQL conditions on claims (alias c) and documents (alias d) for the filters given."""
    claim: list[str] = []
    document: list[str] = []
    publication = []
    if outlet is not None:
        params["outlet"] = outlet.lower()
        publication.append("lower(p.outlet) = :outlet")
    if since is not None:
        params["since"] = since
        publication.append("p.date >= :since")
    if until is not None:
        params["until"] = until
        params["until_len"] = len(until)
        publication.append("substr(p.date, 1, :until_len) <= :until")
    if publication:
        where = " AND ".join(publication)
        claim.append(f"EXISTS (SELECT 1 FROM publications p WHERE p.document = c.document AND {where})")
        document.append(f"EXISTS (SELECT 1 FROM publications p WHERE p.document = d.id AND {where})")
    if entity is not None:
        params["entity"] = entity
        params["entity_lower"] = entity.lower()
        matches = "(e.corpus_entity = :entity OR lower(e.name) = :entity_lower OR lower(e.key) = :entity_lower)"
        claim.append("(EXISTS (SELECT 1 FROM claim_entities ce JOIN entities e ON e.document = ce.document "
                     f"AND e.key = ce.entity_key WHERE ce.claim = c.id AND {matches}) OR EXISTS "
                     "(SELECT 1 FROM entities e WHERE e.document = c.document AND "
                     f"e.key = c.asserter_entity AND {matches}))")
        document.append(f"EXISTS (SELECT 1 FROM entities e WHERE e.document = d.id AND {matches})")
    return {"claim": claim, "document": document}


def _first_publications(connection: Connection, documents: set[str]) -> dict[str, dict]:
    if not documents:
        return {}
    from sqlalchemy import bindparam

    query = text("SELECT document, name, outlet, date, title FROM publications WHERE document IN :ids "
                 "ORDER BY document, seq, first_seen, id").bindparams(bindparam("ids", expanding=True))
    firsts: dict[str, dict] = {}
    for row in connection.execute(query, {"ids": sorted(documents)}).mappings():
        firsts.setdefault(row["document"], dict(row))
    return firsts


def _merge(snippet: str) -> str:
    """One mark over a matched phrase: PostgreSQL marks each word of it apart."""
    return re.sub(f"{_CLOSE}(\\s+){_OPEN}", r"\1", snippet)


def _brackets(snippet: str) -> str:
    return " ".join(_merge(snippet).replace(_OPEN, "[").replace(_CLOSE, "]").split())


def _locate(body: str, snippet: str) -> tuple[int, int]:
    """Offsets of the snippet's first match in the document text; the whole text if not found."""
    core = _merge(snippet).strip().removeprefix(_ELLIPSIS).removesuffix(_ELLIPSIS)
    first = core.find(_OPEN)
    if first < 0:
        return 0, len(body)
    plain = core.replace(_OPEN, "").replace(_CLOSE, "")
    where = body.find(plain)
    if where < 0:
        return 0, len(body)
    start = where + first
    closing = core.find(_CLOSE, first)
    length = (closing - first - 1) if closing > first else 0
    return start, start + length
