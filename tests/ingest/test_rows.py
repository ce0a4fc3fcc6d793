"""JSON Lines and CSV files with one article per row: read lazily, bad rows fail alone."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))
from batch_articles import article, row  # noqa: E402

from claimscope.errors import EmptyInput, IngestError, InputNotFound, SettingError  # noqa: E402
from claimscope.ingest import InputDoc, InputFailure, read_inputs  # noqa: E402
from claimscope.ingest.rows import count_rows, parse_columns, read_rows  # noqa: E402


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_rows_become_documents_with_publication_fields(tmp_path):
    from claimscope.model.analysis import DocumentInfo
    from claimscope.model.corpus import Publication

    path = write_jsonl(tmp_path / "feed.jsonl", [json.dumps(row(i)) for i in range(3)])
    items = list(read_inputs(str(path)))
    assert [type(i) for i in items] == [InputDoc] * 3
    first = items[0]
    assert first.name == f"{path}#1" and first.text == article(0)
    assert first.meta["outlet"] == row(0)["outlet"] and first.meta["row"] == 1
    info = DocumentInfo(name=first.name, text=first.text, meta=first.meta)
    pub = Publication.of(info)
    assert (pub.outlet, pub.author, pub.date, pub.title, pub.url) == (
        row(0)["outlet"], row(0)["author"], row(0)["date"], row(0)["title"], row(0)["url"])
    assert pub.name == f"{path}#1"


def test_bad_rows_name_the_file_and_row_and_the_rest_go_on(tmp_path):
    lines = [json.dumps(row(0)), "{not json", json.dumps({"title": "no text here"}),
             json.dumps({"text": "   "}), "[1, 2]", json.dumps(row(1))]
    path = write_jsonl(tmp_path / "mixed.jsonl", lines)
    items = list(read_rows(path))
    kinds = ["ok" if isinstance(i, InputDoc) else i.error.code for i in items]
    assert kinds == ["ok", "E100", "E102", "E102", "E100", "ok"]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert [f.name for f in failures] == [f"{path}#{n}" for n in (2, 3, 4, 5)]
    assert "row 2 is not JSON" in failures[0].message and str(path) in failures[0].message
    assert "row 3 has no text" in failures[1].message


def test_blank_lines_are_skipped_but_row_numbers_stay_line_numbers(tmp_path):
    path = write_jsonl(tmp_path / "gaps.jsonl", [json.dumps(row(0)), "", json.dumps(row(1))])
    items = list(read_rows(path))
    assert [i.name for i in items] == [f"{path}#1", f"{path}#3"]


def test_an_undecodable_row_fails_alone(tmp_path):
    path = tmp_path / "bytes.jsonl"
    bad = b'{"text": "caf\xe9 ' + article(2).encode()[:200].replace(b"\n", b" ") + b'"}'
    path.write_bytes(json.dumps(row(0)).encode() + b"\n" + bad + b"\n" + json.dumps(row(1)).encode())
    items = list(read_rows(path))
    assert isinstance(items[0], InputDoc) and isinstance(items[2], InputDoc)
    assert items[1].error.code == "E104" and "row 2" in items[1].message


def test_csv_with_mapped_columns_and_multiline_text(tmp_path):
    path = tmp_path / "dump.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["headline", "body", "source"])
        for i in range(3):
            writer.writerow([f"Headline {i}", article(i), row(i)["outlet"]])
        writer.writerow(["No body", "", "x"])
    mapping = parse_columns("text=body, title=headline,outlet=source")
    items = list(read_inputs(str(path), columns=mapping))
    assert [i.text for i in items[:3]] == [article(i) for i in range(3)]  # newlines kept
    assert items[1].meta["title"] == "Headline 1" and items[1].meta["outlet"] == row(1)["outlet"]
    assert isinstance(items[3], InputFailure) and items[3].name == f"{path}#4"
    assert "column 'body'" in items[3].message
    assert count_rows(path) >= 4  # a line count: multi-line rows make it an over-estimate


def test_column_mapping_errors_are_setting_errors():
    with pytest.raises(SettingError, match="unknown field 'body'"):
        parse_columns("body=text")
    with pytest.raises(SettingError, match="FIELD=COLUMN"):
        parse_columns("text")


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputNotFound):
        read_rows(tmp_path / "nope.jsonl")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    items = list(read_rows(empty))
    assert len(items) == 1 and isinstance(items[0].error, EmptyInput)
    assert isinstance(items[0].error, IngestError)


def test_a_large_file_is_read_lazily(tmp_path):
    # ~4 MB of rows: iterating them must never hold more than a few rows in memory.
    import tracemalloc

    path = tmp_path / "big.jsonl"
    line = json.dumps(row(5))
    path.write_text("\n".join([line] * 5_000) + "\n", encoding="utf-8")
    assert path.stat().st_size > 3_500_000
    tracemalloc.start()
    try:
        count = sum(1 for item in read_rows(path, languages=None) if isinstance(item, InputDoc))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5_000
    assert peak < 1_000_000, f"peak {peak} bytes: the file was not streamed"
    assert count_rows(path) == 5_000
