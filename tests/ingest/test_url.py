"""URLs, served from a loopback http.server: pages, plain text, HTTP errors, refusals, limits."""

from __future__ import annotations

import socket

import pytest

from claimscope.errors import BinaryInput, InputTooLarge, UrlUnreachable
from claimscope.ingest import read_inputs, read_url


def test_html_page_is_fetched_and_extracted(http_server, article_html):
    base, routes = http_server
    routes["/news/blast"] = (200, "text/html; charset=utf-8", article_html.encode())
    [doc] = list(read_inputs(base + "/news/blast"))
    assert doc.source_kind == "url" and doc.meta["format"] == "html"
    assert doc.text.startswith("Harbour Closed After Night Blast\n\n")
    assert "ferry lines" in doc.text and "Subscribe" not in doc.text
    assert (doc.meta["status"], doc.meta["url"]) == (200, base + "/news/blast")
    assert doc.language == "en"


def test_plain_text_url_with_declared_charset(http_server, english):
    base, routes = http_server
    text = english.replace("Harbour", "Harbour café")
    routes["/a.txt"] = (200, "text/plain; charset=iso-8859-1", text.encode("latin-1"))
    doc = read_url(base + "/a.txt")
    assert doc.text == text
    assert doc.encoding == "iso-8859-1"
    assert doc.meta["format"] == "text"


def test_http_404_is_named(http_server):
    base, _ = http_server
    with pytest.raises(UrlUnreachable) as info:
        read_url(base + "/missing")
    assert info.value.message == f"{base}/missing: HTTP 404 Not Found"


def test_refused_port_is_named(closed_port):
    url = f"http://127.0.0.1:{closed_port}/x"
    with pytest.raises(UrlUnreachable) as info:
        read_url(url, timeout=5)
    assert info.value.message == f"{url}: connection refused by 127.0.0.1"


def test_dns_failure_is_named(monkeypatch):
    # No real lookup: the resolver is made to fail the way it does for an unknown host.
    def fail(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(UrlUnreachable) as info:
        read_url("http://no-such-host.invalid/page")
    assert info.value.message == (
        "http://no-such-host.invalid/page: DNS lookup failed for host 'no-such-host.invalid'"
    )


def test_large_download_is_refused_from_content_length(http_server):
    base, routes = http_server
    routes["/big"] = (200, "text/plain", b"word " * 1000)
    with pytest.raises(InputTooLarge) as info:
        read_url(base + "/big", max_bytes=1024)
    assert info.value.message == f"{base}/big: is 4.9 KB, over the 1.0 KB limit"


def test_binary_content_type_is_refused(http_server):
    base, routes = http_server
    routes["/logo.png"] = (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(BinaryInput, match="content type image/png is not text"):
        read_url(base + "/logo.png")


def test_server_error_status(http_server):
    base, routes = http_server
    routes["/boom"] = (503, "text/plain", b"down")
    with pytest.raises(UrlUnreachable, match=r": HTTP 503 Service Unavailable$"):
        read_url(base + "/boom")


def test_large_download_without_content_length_is_cut_off(http_server):
    base, routes = http_server
    routes["/stream"] = (200, "text/plain", b"word " * 100_000, {"no_length": True})
    with pytest.raises(InputTooLarge) as info:
        read_url(base + "/stream", max_bytes=64 * 1024)
    assert info.value.message == f"{base}/stream: is over the 64.0 KB limit (stopped reading)"


def test_slow_server_times_out(http_server):
    base, routes = http_server
    routes["/slow"] = (200, "text/plain", b"late", {"delay": 2})
    with pytest.raises(UrlUnreachable) as info:
        read_url(base + "/slow", timeout=0.3)
    assert info.value.message == f"{base}/slow: timed out after 0.3 s"
