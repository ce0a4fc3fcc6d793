"""Folders (bad files become failures, good ones still come through) and stdin."""

from __future__ import annotations

import io
import sys

import pytest

from claimscope.errors import EmptyInput, InputTooLarge, NoInputs
from claimscope.ingest import InputDoc, InputFailure, read_inputs, read_stdin


def test_folder_yields_good_docs_and_named_failures(tmp_path, english, german, article_html):
    (tmp_path / "a_good.txt").write_text(english)
    (tmp_path / "b_empty.txt").write_text("")
    (tmp_path / "c_page.html").write_text(article_html)
    (tmp_path / "d_binary.md").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "e_german.txt").write_text(german)
    (tmp_path / "f_notes.md").write_text(english)
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".hidden.txt").write_text(english)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "g_nested.txt").write_text(english)

    items = list(read_inputs(str(tmp_path)))
    names = [item.name.rsplit("/", 1)[-1] for item in items]
    assert names == [
        "a_good.txt",
        "b_empty.txt",
        "c_page.html",
        "d_binary.md",
        "e_german.txt",
        "f_notes.md",
    ]
    kinds = {n: type(i).__name__ for n, i in zip(names, items)}
    assert kinds == {
        "a_good.txt": "InputDoc",
        "b_empty.txt": "InputFailure",
        "c_page.html": "InputDoc",
        "d_binary.md": "InputFailure",
        "e_german.txt": "InputFailure",
        "f_notes.md": "InputDoc",
    }
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert [f.error.code for f in failures] == ["E102", "E103", "E108"]
    assert all(f.message.startswith(f.name + ": ") and "\n" not in f.message for f in failures)
    docs = [i for i in items if isinstance(i, InputDoc)]
    assert [d.source_kind for d in docs] == ["text", "html", "text"]
    assert docs[2].meta["format"] == "markdown"


def test_folder_recursive_flag(tmp_path, english):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.txt").write_text(english)
    with pytest.raises(NoInputs, match=r"no \.htm, \.html, \.md, \.txt files found"):
        read_inputs(str(tmp_path))
    [doc] = list(read_inputs(str(tmp_path), recursive=True))
    assert doc.name.endswith("sub/nested.txt")


def test_folder_size_limit_applies_per_file(tmp_path, english):
    (tmp_path / "a.txt").write_text(english)
    (tmp_path / "b.txt").write_text(english * 3)
    items = list(read_inputs(str(tmp_path), max_bytes=len(english.encode()) + 10))
    assert isinstance(items[0], InputDoc)
    assert isinstance(items[1].error, InputTooLarge)


def test_stdin(monkeypatch, english):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(english.encode())))
    [doc] = list(read_inputs("-"))
    assert (doc.name, doc.source_kind, doc.text, doc.language) == (
        "<stdin>",
        "stdin",
        english,
        "en",
    )


def test_stdin_html_is_sniffed(article_html):
    doc = read_stdin(io.BytesIO(article_html.encode()))
    assert doc.meta["format"] == "html" and "fuel depot" in doc.text


def test_stdin_errors():
    with pytest.raises(EmptyInput, match="^<stdin>: is empty"):
        read_stdin(io.BytesIO(b""))
    with pytest.raises(InputTooLarge, match="^<stdin>: is over the 1.0 KB limit"):
        read_stdin(io.BytesIO(b"x" * 2000), max_bytes=1024)
