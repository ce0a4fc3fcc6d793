"""Fetch one http(s) URL with the standard library: a timeout, a size cap, and errors that say why."""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from claimscope import __version__
from claimscope.errors import InputTooLarge, UrlUnreachable
from claimscope.ingest.sizes import human_size

USER_AGENT = f"claimscope/{__version__} (+article analysis)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case, e.g. "text/html"
    charset: str | None


def is_url(target: str) -> bool:
    return urlsplit(target).scheme.lower() in ("http", "https")


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET the URL. Raises UrlUnreachable (naming DNS, refusal, timeout, TLS or the HTTP status)."""
    host = urlsplit(url).hostname
    if not host:
        raise UrlUnreachable(url, "URL has no host name")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.5"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            # Refuse before downloading when the server tells us the size up front.
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputTooLarge(
                    url, f"is {human_size(int(length))}, over the {human_size(max_bytes)} limit"
                )
            data = _read_capped(url, response, max_bytes)
            return Fetched(
                data=data,
                url=response.geturl(),
                status=response.status,
                content_type=headers.get_content_type().lower(),
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise UrlUnreachable(url, f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise UrlUnreachable(url, _reason(exc.reason, host, timeout)) from exc
    except TimeoutError as exc:  # a timeout while reading the body
        raise UrlUnreachable(url, f"timed out after {timeout:g} s") from exc
    except ConnectionError as exc:
        raise UrlUnreachable(url, _reason(exc, host, timeout)) from exc


def _read_capped(url: str, response, max_bytes: int) -> bytes:
    # The server may not send Content-Length (or may lie), so stop once past the limit.
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise InputTooLarge(url, f"is over the {human_size(max_bytes)} limit (stopped reading)")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(reason: object, host: str, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return f"DNS lookup failed for host {host!r}"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host}"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {getattr(reason, 'reason', None) or reason}"
    if isinstance(reason, ConnectionResetError):
        return f"connection reset by {host}"
    if isinstance(reason, OSError) and reason.strerror:
        return f"network error: {reason.strerror}"
    return f"network error: {reason}"
