"""URL ingest's network policy (SSRF): what the server refuses to fetch, and the caps on what it
fetches, against a real local HTTP server. Nothing here reaches the store or the pipeline."""

from __future__ import annotations

import socket
import time

import pytest
from local_site import LocalSite
from web_support import TOKEN, client_for

from claimscope.errors import InputTooLarge, UrlRefused, UrlUnreachable
from claimscope.web.api import fetch as F


@pytest.fixture(scope="module")
def site():
    with LocalSite() as running:
        yield running


@pytest.fixture(scope="module")
def strict(tmp_path_factory):
    """A server with writes enabled and the default policy: public addresses only."""
    url = str(tmp_path_factory.mktemp("strict") / "claimscope.db")
    with client_for(url, token=TOKEN) as client:
        yield client


def post_url(client, url: str):
    return client.post("/api/v1/documents", json={"url": url}, headers={"Authorization": f"Bearer {TOKEN}"})


@pytest.mark.parametrize("target", [
    "http://127.0.0.1:{port}/article",          # loopback
    "http://localhost:{port}/article",          # a name that resolves to loopback
    "http://[::1]:{port}/article",              # IPv6 loopback
    "http://[::ffff:127.0.0.1]:{port}/article",  # loopback dressed as IPv6
    "http://10.20.30.40/article",               # private
    "http://192.168.1.1/",                      # private
    "http://169.254.169.254/latest/meta-data/",  # link-local (cloud metadata)
    "http://0.0.0.0:{port}/article",            # unspecified
    "http://224.0.0.1/",                        # multicast
    "file:///etc/passwd",                       # not http(s)
    "ftp://example.org/article.txt",            # not http(s)
])
def test_private_addresses_and_other_schemes_are_refused(strict, site, target):
    before = len(site.hits)
    answer = post_url(strict, target.format(port=site.port))
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "E503"
    assert len(site.hits) == before  # refused before any connection


def test_a_name_with_one_private_address_among_public_ones_is_refused(monkeypatch):
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host == "mixed.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                    (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(F.socket, "getaddrinfo", resolve)
    with pytest.raises(UrlRefused, match="loopback"):
        F.fetch("http://mixed.test/", allow_private=False, timeout=5, max_bytes=1000)


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch, site):
    # DNS rebinding: the first answer passes the check, a later one would point elsewhere. The
    # fetch resolves once and connects to that address, keeping the name for the Host header.
    real = socket.getaddrinfo
    asked = []

    def resolve(host, port, *args, **kwargs):
        if host == "rebind.test":
            asked.append(host)
            address = "127.0.0.1" if len(asked) == 1 else "10.9.9.9"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(F.socket, "getaddrinfo", resolve)
    fetched = F.fetch(site.url("/article", host="rebind.test"), allow_private=True, timeout=5,
                      max_bytes=100_000)
    assert b"Velmar" in fetched.data and fetched.content_type == "text/html"
    assert asked == ["rebind.test"]
    assert site.hits[-1] == ("/article", f"rebind.test:{site.port}")


def test_refused_address_kinds():
    assert F.refused_address("93.184.216.34") is None
    assert F.refused_address("2606:2800:220:1:248:1893:25c8:1946") is None
    for address, kind in (("127.0.0.2", "loopback"), ("::1", "loopback"), ("10.0.0.1", "private"),
                          ("172.16.5.4", "private"), ("fe80::1%eth0", "link-local"),
                          ("::ffff:10.0.0.1", "private"), ("fc00::1", "private"), ("::", "unspecified"),
                          ("100.100.100.200", "non-public"), ("2002:7f00:1::1", "loopback"),
                          ("64:ff9b::a00:1", "private"), ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback")):
        assert F.refused_address(address).startswith(kind), address


def test_a_malformed_url_is_refused_with_a_code_not_a_crash():
    with pytest.raises(UrlRefused):
        F.fetch("http://[::1", allow_private=False, timeout=5, max_bytes=1000)


def test_size_is_capped_with_and_without_a_content_length(site):
    with pytest.raises(InputTooLarge, match="over the"):
        F.fetch(site.url("/big"), allow_private=True, timeout=10, max_bytes=1_000_000)
    with pytest.raises(InputTooLarge, match="stopped reading"):
        F.fetch(site.url("/big-no-length"), allow_private=True, timeout=10, max_bytes=100_000)


def test_time_is_capped_for_the_whole_fetch(site):
    started = time.monotonic()
    with pytest.raises(UrlUnreachable, match="timed out"):
        F.fetch(site.url("/slow"), allow_private=True, timeout=1.0, max_bytes=100_000)
    assert time.monotonic() - started < 3  # a byte every 0.1 s never resets the deadline


def test_an_unreachable_or_binary_url_is_a_coded_error(tmp_path, site):
    with client_for(str(tmp_path / "claimscope.db"), token=TOKEN, allow_private_urls=True) as client:
        missing = post_url(client, site.url("/no-such-page"))
        assert missing.status_code == 400 and missing.json()["code"] == "E106"
        assert "404" in missing.json()["message"]
        image = post_url(client, site.url("/image"))
        assert image.status_code == 400 and image.json()["code"] == "E103"
