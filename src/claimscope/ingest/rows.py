"""One article per row: JSON Lines and CSV files, read lazily (a million-row file is never loaded).

    for item in read_rows("feed.jsonl", columns={"text": "body"}):
        ...  # InputDoc named "feed.jsonl#17", or InputFailure for a bad row 17

Each row gives `text` and any of the publication fields (`title`, `outlet`, `author`, `date`,
`url`) and a dataset `id`; `columns` maps those names to the file's own column names. A bad row
(not JSON, no text, too large, not UTF-8, refused as `analyze` refuses a file) is an InputFailure
naming the file and the row number; the rows after it still come through.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from claimscope.errors import (
    ClaimscopeError,
    EmptyInput,
    IngestError,
    InputNotFound,
    InputTooLarge,
    SettingError,
    UndecodableInput,
)
from claimscope.ingest.sizes import DEFAULT_MAX_BYTES, human_size
from claimscope.ingest.types import InputDoc, InputFailure

ROW_EXTENSIONS = frozenset({".jsonl", ".csv"})
# The fields a row may carry: the text, the publication fields, and the dataset's own id.
ROW_FIELDS = ("text", "title", "outlet", "author", "date", "url", "id")


def is_rows_file(target: str) -> bool:
    return Path(target).suffix.lower() in ROW_EXTENSIONS and not Path(target).is_dir()


def column_map(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Our field -> the file's column name; unknown fields are a setting error, not ignored."""
    mapping = {f: f for f in ROW_FIELDS}
    for field, column in (columns or {}).items():
        if field not in ROW_FIELDS:
            raise SettingError("--columns", f"unknown field {field!r} (fields: {', '.join(ROW_FIELDS)})")
        if not column:
            raise SettingError("--columns", f"field {field!r} maps to an empty column name")
        mapping[field] = column
    return mapping


def parse_columns(spec: str) -> dict[str, str]:
    """`text=body,title=headline` -> {"text": "body", "title": "headline"}."""
    pairs = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        field, sep, column = part.partition("=")
        if not sep:
            raise SettingError("--columns", f"expected FIELD=COLUMN, got {part!r}")
        pairs[field.strip()] = column.strip()
    column_map(pairs)  # checks the names
    return pairs


def read_rows(
    path: str | Path,
    *,
    columns: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Collection[str] | None = ("en",),
) -> Iterator[InputDoc | InputFailure]:
    """The rows of a .jsonl or .csv file as InputDocs; raises at once if the file cannot be opened."""
    # Not a generator itself: a missing file raises when read_rows is called, as read_file does.
    name = str(path)
    mapping = column_map(columns)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the generator below
    except FileNotFoundError:
        raise InputNotFound(name, "no such file or folder") from None
    except OSError as exc:
        raise IngestError(name, f"cannot read: {exc.strerror or exc}") from exc
    rows = _jsonl_rows(stream, name) if name.lower().endswith(".jsonl") else _csv_rows(stream, name)
    return _documents(stream, rows, name, mapping, max_bytes=max_bytes, languages=languages)


def count_rows(path: str | Path) -> int:
    """About how many rows a file holds (its line count), read in chunks: for a progress total."""
    lines, last = 0, b"\n"
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    lines += last != b"\n"  # a last line without a newline
    return max(0, lines - (1 if str(path).lower().endswith(".csv") else 0))


def _lines(stream: BinaryIO) -> Iterator[str]:
    # Strict UTF-8 per line would stop the whole file at one bad byte; surrogateescape keeps the
    # bad bytes visible so only the row that holds them is refused.
    for raw in stream:
        yield raw.decode("utf-8", errors="surrogateescape")


def _jsonl_rows(stream: BinaryIO, name: str) -> Iterator[tuple[int, dict | ClaimscopeError]]:
    for number, line in enumerate(_lines(stream), start=1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue  # blank lines between records are layout, not rows
        where = f"{name}#{number}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield number, IngestError(where, f"row {number} is not JSON ({exc})")
            continue
        if not isinstance(row, dict):
            yield number, IngestError(where, f"row {number} is not a JSON object")
            continue
        yield number, row


def _csv_rows(stream: BinaryIO, name: str) -> Iterator[tuple[int, dict | ClaimscopeError]]:
    # An article is longer than csv's default 128 KiB field limit allows; our own size check
    # (max_bytes) applies per row instead.
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    lines = _lines(stream)
    first = next(lines, "")
    lines = _chain(first.removeprefix("\ufeff"), lines)
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return
    header = [h.strip() for h in header]
    number = 0
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield number, IngestError(f"{name}#{number}", f"row {number} is not valid CSV ({exc})")
            continue
        if not any(v.strip() for v in values):
            number -= 1  # a blank line is not a row
            continue
        if len(values) > len(header):
            yield number, IngestError(f"{name}#{number}",
                                      f"row {number} has {len(values)} fields, the header {len(header)}")
            continue
        yield number, dict(zip(header, values, strict=False))


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def _documents(stream: BinaryIO, rows, name: str, mapping: dict[str, str], *, max_bytes: int,
               languages: Collection[str] | None) -> Iterator[InputDoc | InputFailure]:
    from claimscope.ingest.reader import read_bytes  # reader hooks this module in

    with stream:
        seen = False
        for number, row in rows:
            seen = True
            where = f"{name}#{number}"
            if isinstance(row, ClaimscopeError):
                yield InputFailure(where, row)
                continue
            try:
                yield _document(row, where, number, mapping, max_bytes=max_bytes,
                                languages=languages, read_bytes=read_bytes)
            except ClaimscopeError as exc:
                yield InputFailure(where, exc)
        if not seen:
            yield InputFailure(name, EmptyInput(name, "holds no rows"))


def _document(row: dict[str, Any], where: str, number: int, mapping: dict[str, str], *,
              max_bytes: int, languages, read_bytes) -> InputDoc:
    text = row.get(mapping["text"])
    if not isinstance(text, str) or not text.strip():
        what = "no text" if text in (None, "") else (
            "only whitespace as text" if isinstance(text, str) else "text that is not a string")
        raise EmptyInput(where, f"row {number} has {what} (column {mapping['text']!r})")
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        raise UndecodableInput(where, f"row {number} is not valid UTF-8")
    data = text.encode("utf-8")
    if len(data) > max_bytes:
        raise InputTooLarge(where, f"row {number} is {human_size(len(data))}, "
                                   f"over the {human_size(max_bytes)} limit")
    meta: dict[str, Any] = {"row": number}
    for field in ROW_FIELDS[1:]:
        value = row.get(mapping[field])
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, str) and any("\udc80" <= ch <= "\udcff" for ch in value):
            raise UndecodableInput(where, f"row {number}: {field} is not valid UTF-8")
        meta[field] = value.strip() if isinstance(value, str) else value
    # The shared last step: decoding, the empty check, HTML sniffing, the language check.
    doc = read_bytes(where, data, source_kind="text", meta=meta, languages=languages)
    # A row's own fields win over what an HTML body says about itself.
    return InputDoc(name=doc.name, text=doc.text, source_kind=doc.source_kind,
                    language=doc.language, encoding=doc.encoding, meta={**doc.meta, **meta})
