"""Turn a target (file, folder, URL or "-") into InputDocs, or into errors that say what is wrong.

Single inputs raise a ClaimscopeError; a folder yields an InputFailure for each bad file and
goes on, so one broken file does not stop a batch.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from claimscope.errors import (
    BinaryInput,
    ClaimscopeError,
    EmptyInput,
    IngestError,
    InputNotFound,
    InputTooLarge,
    NoInputs,
)
from claimscope.ingest.decode import decode_bytes
from claimscope.ingest.html import (
    HTML_CONTENT_TYPES,
    HTML_EXTENSIONS,
    extract_article,
    looks_like_html,
)
from claimscope.ingest.language import check_language
from claimscope.ingest.rows import is_rows_file, read_rows
from claimscope.ingest.sizes import DEFAULT_MAX_BYTES, human_size
from claimscope.ingest.types import InputDoc, InputFailure, SourceKind
from claimscope.ingest.url import fetch, is_url

FOLDER_EXTENSIONS = frozenset({".txt", ".md", ".html", ".htm"})
DEFAULT_TIMEOUT = 20.0
STDIN_NAME = "<stdin>"


def read_inputs(
    target: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    recursive: bool = False,
    languages: Collection[str] | None = ("en",),
    columns: Mapping[str, str] | None = None,
) -> Iterator[InputDoc | InputFailure]:
    """The documents of a file path, a folder, an http(s) URL or "-" (stdin).

    A .jsonl or .csv file holds one article per row (`ingest/rows.py`; ``columns`` maps names).

    ``languages`` lists the accepted ISO 639-1 codes; None turns the language check off.
    A file, URL or stdin that cannot be read raises; a folder yields InputFailure and goes on.
    """
    # Not a generator itself: a single input is read (and raises) when read_inputs is called,
    # and a folder without any readable kind of file raises NoInputs at once, too.
    opts = {"max_bytes": max_bytes, "languages": languages}
    if target == "-":
        return iter([read_stdin(**opts)])
    if is_url(target):
        return iter([read_url(target, timeout=timeout, **opts)])
    if Path(target).is_dir():
        return read_folder(target, recursive=recursive, **opts)
    if is_rows_file(target):
        return read_rows(target, columns=columns, **opts)
    return iter([read_file(target, **opts)])


def read_folder(
    folder: str | Path,
    *,
    recursive: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Collection[str] | None = ("en",),
) -> Iterator[InputDoc | InputFailure]:
    """Every .txt/.md/.html/.htm file in sorted order; hidden files are skipped."""
    files = _folder_files(Path(folder), recursive)
    if not files:
        kinds = ", ".join(sorted(FOLDER_EXTENSIONS))
        where = " (searched subfolders)" if recursive else ""
        raise NoInputs(str(folder), f"no {kinds} files found{where}")
    return _read_each(files, max_bytes=max_bytes, languages=languages)


def _folder_files(root: Path, recursive: bool) -> list[Path]:
    pattern = root.rglob("*") if recursive else root.iterdir()
    return sorted(
        p
        for p in pattern
        if p.is_file()
        and p.suffix.lower() in FOLDER_EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def _read_each(files: list[Path], **opts: Any) -> Iterator[InputDoc | InputFailure]:
    for path in files:
        try:
            doc = read_file(path, **opts)
        except ClaimscopeError as exc:
            yield InputFailure(name=str(path), error=exc)
        except Exception as exc:  # noqa: BLE001 -- a parser's fault on one file never stops a folder
            reason = f"cannot read: {type(exc).__name__}: {exc}"[:300]
            yield InputFailure(name=str(path), error=IngestError(str(path), reason))
        else:
            yield doc


def read_file(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Collection[str] | None = ("en",),
) -> InputDoc:
    name = str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputNotFound(name, "no such file or folder") from None
    except OSError as exc:
        raise IngestError(name, f"cannot read: {exc.strerror or exc}") from exc
    # The size is checked before reading, so a huge file is never loaded into memory.
    if size > max_bytes:
        raise InputTooLarge(name, f"is {human_size(size)}, over the {human_size(max_bytes)} limit")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(name, f"cannot read: {exc.strerror or exc}") from exc
    html = p.suffix.lower() in HTML_EXTENSIONS
    meta = {"path": str(p.resolve()), "size": size}
    return read_bytes(
        name,
        data,
        source_kind="html" if html else "text",
        html=html or None,
        meta=meta,
        languages=languages,
    )


def read_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Collection[str] | None = ("en",),
) -> InputDoc:
    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes)
    ctype = fetched.content_type
    if not (
        ctype.startswith("text/")
        or ctype in HTML_CONTENT_TYPES
        or ctype in ("application/octet-stream", "application/xml")
    ):
        raise BinaryInput(url, f"content type {ctype} is not text or HTML")
    meta = {
        "url": fetched.url,
        "status": fetched.status,
        "content_type": ctype,
        "size": len(fetched.data),
    }
    html = True if ctype in HTML_CONTENT_TYPES else (False if ctype == "text/plain" else None)
    return read_bytes(
        url,
        fetched.data,
        source_kind="url",
        html=html,
        charset=fetched.charset,
        meta=meta,
        url=fetched.url,
        languages=languages,
    )


def read_stdin(
    stream: BinaryIO | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Collection[str] | None = ("en",),
) -> InputDoc:
    stream = stream if stream is not None else sys.stdin.buffer
    # One byte past the limit tells "exactly at the limit" apart from "over it".
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLarge(STDIN_NAME, f"is over the {human_size(max_bytes)} limit")
    return read_bytes(
        STDIN_NAME, data, source_kind="stdin", meta={"size": len(data)}, languages=languages
    )


def read_bytes(
    name: str,
    data: bytes,
    *,
    source_kind: SourceKind = "text",
    html: bool | None = None,
    charset: str | None = None,
    meta: dict[str, Any] | None = None,
    url: str | None = None,
    languages: Collection[str] | None = ("en",),
) -> InputDoc:
    """The shared last step for every source. ``html=None`` means: sniff the content."""
    meta = dict(meta or {})
    text, encoding = decode_bytes(name, data, declared=charset)
    if not text.strip():
        raise EmptyInput(name, "contains only whitespace")
    if html is None:
        html = looks_like_html(text)
    if html:
        text, page_meta = extract_article(name, text, url=url)
        meta.update(page_meta)
        meta["format"] = "html"
    else:
        meta["format"] = "markdown" if name.lower().endswith(".md") else "text"
    language = check_language(name, text, languages) if languages is not None else "und"
    return InputDoc(
        name=name,
        text=text,
        source_kind=source_kind,
        language=language,
        encoding=encoding,
        meta=meta,
    )
