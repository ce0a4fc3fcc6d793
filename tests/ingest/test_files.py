"""Single files: good text, and every kind of bad input with the error it must produce."""

from __future__ import annotations

import random

import pytest

from claimscope.errors import (
    BinaryInput,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    NoArticleText,
    UndecodableInput,
    UnsupportedLanguage,
)
from claimscope.ingest import read_file, read_inputs
from claimscope.ingest.decode import decode_bytes
from claimscope.ingest.html import _lxml_text


def test_plain_utf8_text(tmp_path, english):
    path = tmp_path / "a.txt"
    path.write_text(english, encoding="utf-8")
    [doc] = list(read_inputs(str(path)))
    assert doc.text == english
    assert (doc.source_kind, doc.language, doc.encoding) == ("text", "en", "utf-8")
    assert doc.meta["size"] == len(english.encode())
    assert doc.name == str(path)


def test_crlf_and_bom_are_normalised(tmp_path, english):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + english.replace("\n", "\r\n").encode())
    doc = read_file(path)
    assert doc.text == english
    assert doc.encoding == "utf-8-sig"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInput) as info:
        read_file(path)
    assert info.value.message == f"{path}: is empty (0 bytes)"


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n   \n")
    with pytest.raises(EmptyInput, match="only whitespace"):
        read_file(path)


def test_nul_bytes_look_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(BinaryInput, match="looks binary"):
        read_file(path)


def test_known_binary_format_is_named(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    with pytest.raises(BinaryInput, match=r"looks binary \(PDF\)"):
        read_file(path)


def test_control_characters_look_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(b"\x01\x02\x03\x04\x05\x06abc" * 200)
    with pytest.raises(BinaryInput):
        read_file(path)


def test_latin1_text_is_decoded_and_encoding_recorded(tmp_path, english):
    text = english.replace("Harbour", "Harbour café").replace(
        "officials", "officials — »in Årøsund«"
    )
    path = tmp_path / "latin.txt"
    path.write_bytes(text.replace("—", "-").encode("cp1252"))
    doc = read_file(path)
    assert "café" in doc.text and "Årøsund" in doc.text
    assert doc.encoding != "utf-8"
    assert doc.language == "en"


def test_utf16_with_bom_is_not_called_binary(tmp_path, english):
    path = tmp_path / "wide.txt"
    path.write_bytes(english.encode("utf-16"))
    doc = read_file(path)
    assert doc.text == english
    assert "16" in doc.encoding


def test_nothing_sensible_decodes():
    # Random high bytes: neither UTF-8 nor any code page charset-normalizer trusts.
    rng = random.Random(1)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    with pytest.raises(UndecodableInput) as info:
        decode_bytes("junk.txt", data)
    assert info.value.message == "junk.txt: is not UTF-8 and no other text encoding fits"


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.write(b"word " * (4 * 1024 * 1024))  # 20 MB
    # read_bytes must not be reached: the size check comes first.
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("file was read"))
    with pytest.raises(InputTooLarge) as info:
        read_file(path)
    assert info.value.message == f"{path}: is 20.0 MB, over the 10.0 MB limit"


def test_size_limit_is_configurable(tmp_path, english):
    path = tmp_path / "a.txt"
    path.write_text(english)
    with pytest.raises(InputTooLarge, match="over the 100 bytes limit"):
        read_file(path, max_bytes=100)
    assert read_file(path, max_bytes=len(english.encode())).text == english


def test_missing_file():
    with pytest.raises(InputNotFound, match="no such file"):
        list(read_inputs("/nonexistent/claimscope/x.txt"))


def test_german_text_is_refused_with_the_language_named(tmp_path, german):
    path = tmp_path / "de.txt"
    path.write_text(german)
    with pytest.raises(UnsupportedLanguage) as info:
        read_file(path)
    assert info.value.message == (
        f"{path}: language detected as German (de); only English is supported"
    )


def test_language_check_can_be_switched_off(tmp_path, german):
    path = tmp_path / "de.txt"
    path.write_text(german)
    assert read_file(path, languages=None).language == "und"
    assert read_file(path, languages=("en", "de")).language == "de"


def test_short_foreign_text_passes_as_undetermined(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Hafen geschlossen.\n")
    assert read_file(path).language == "und"


def test_html_file_main_text_is_extracted(tmp_path, article_html):
    path = tmp_path / "page.html"
    path.write_text(article_html)
    doc = read_file(path)
    assert doc.source_kind == "html"
    assert doc.text.startswith("Harbour Closed After Night Blast\n\n")
    assert "fuel depot" in doc.text and "ferry lines" in doc.text
    for noise in ("tracking", "color: red", "Subscribe", "Sport"):
        assert noise not in doc.text
    assert doc.meta["title"] == "Harbour Closed After Night Blast"
    assert doc.meta["format"] == "html"


def test_html_is_sniffed_in_a_txt_file(tmp_path, article_html):
    path = tmp_path / "saved.txt"
    path.write_text(article_html)
    doc = read_file(path)
    assert "<p>" not in doc.text and "fuel depot" in doc.text
    assert doc.meta["format"] == "html"


def test_malformed_html_is_still_read(tmp_path):
    # Unclosed tags, no <body>, stray closers.
    page = ("<html><div><b>Port closed</b><p>The docks shut after a blast on Tuesday, and the harbour "
            "master said they would stay shut all week.<p>Ferries moved to the western terminal "
            "until engineers have checked the quay walls.</i></div")
    path = tmp_path / "broken.htm"
    path.write_text(page)
    doc = read_file(path)
    assert "stay shut all week.\n\nFerries moved" in doc.text


def test_lxml_fallback_keeps_blocks_apart():
    page = (
        "<html><div><b>Port closed</b><p>The docks shut<br>after a blast<p>Ferries moved</i></div"
    )
    assert _lxml_text(page) == "Port closed\n\nThe docks shut\n\nafter a blast\n\nFerries moved"


def test_lxml_fallback_is_used_when_trafilatura_finds_nothing(tmp_path):
    # A page whose only text is a table: trafilatura (tables off) returns nothing.
    sentence = "The eastern docks closed on Tuesday after a blast damaged two warehouses, officials said."
    page = (f"<html><body><table><tr><td>Harbour news</td></tr><tr><td>{sentence}</td></tr>"
            f"<tr><td>{sentence}</td></tr></table></body></html>")
    path = tmp_path / "tiny.html"
    path.write_text(page)
    doc = read_file(path, languages=None)
    assert doc.meta["extractor"] == "lxml"
    assert doc.text == f"Harbour news\n\n{sentence}\n\n{sentence}\n"


NAVIGATION_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Example Gazette</title></head><body>
<header><a href="/">Example Gazette</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="latest"><ul><li><a href="/a">Harbour reopens after the night blast</a></li>
<li><a href="/b">Council votes on the budget after a long night of debate</a></li>
<li><a href="/c">Weather warning for the whole coast this weekend</a></li></ul></div>
<footer>Copyright The Example Gazette. Subscribe to our newsletter.</footer>
</body></html>
"""


def test_navigation_only_page_is_refused(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(NAVIGATION_PAGE)
    with pytest.raises(NoArticleText) as info:
        read_file(path, languages=None)
    assert info.value.code == "E107"
    assert info.value.message.startswith(f"{path}: no article text found in the HTML page (")
    assert "navigation or index page" in info.value.message


def test_a_short_news_item_is_still_an_article(tmp_path):
    page = NAVIGATION_PAGE.replace(
        '<div class="latest">',
        "<article><p>The harbour reopened on Friday morning, three days after the blast, and the "
        "first ferry left on time, the port authority said.</p></article><div class=\"latest\">")
    path = tmp_path / "item.html"
    path.write_text(page)
    doc = read_file(path, languages=None)
    assert "first ferry left on time" in doc.text


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(
        "<!doctype html><html><head><title></title><script>x=1</script></head><body> </body></html>"
    )
    with pytest.raises(NoArticleText) as info:
        read_file(path)
    assert info.value.message == f"{path}: no article text found in the HTML page"
