"""URL ingest through the API, safe against server-side request forgery.

A URL given to a server is fetched from inside its network, so the server decides where it may
connect: only http(s), and (unless started with --allow-private-urls) never a private,
loopback, link-local, unspecified, multicast or reserved address. The host name is resolved
once and the connection goes to the very address that was checked (the Host header and TLS
name stay the host name), so a DNS answer that changes between check and connect (DNS
rebinding) cannot slip past. Every redirect is checked the same way. The whole fetch is capped
in time and in size.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit

from claimscope.errors import InputTooLarge, UrlRefused, UrlUnreachable
from claimscope.ingest.sizes import human_size
from claimscope.ingest.url import USER_AGENT, Fetched

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


def fetch(url: str, *, allow_private: bool, timeout: float, max_bytes: int) -> Fetched:
    """GET the URL under the server's policy; UrlRefused (E503) for an address it will not reach."""
    deadline = time.monotonic() + timeout
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        try:
            parts = urlsplit(current)  # an unclosed "[::1" raises here
        except ValueError as exc:
            raise UrlRefused(url, f"not a valid URL ({exc})") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise UrlRefused(url, f"only http and https URLs are fetched, not {scheme or 'a bare path'}:")
        host = parts.hostname
        if not host:
            raise UrlRefused(url, "the URL has no host name")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise UrlRefused(url, "the URL's port is not a number from 0 to 65535") from None
        address = _checked_address(url, host, port, allow_private)
        response, connection = _get(url, scheme, host, port, address, _target(parts), deadline, timeout)
        try:
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                try:
                    current = urljoin(current, response.getheader("Location"))
                except ValueError:
                    raise UrlUnreachable(url, "the server redirected to an invalid URL") from None
                continue
            if response.status >= 400:
                raise UrlUnreachable(url, f"HTTP {response.status} {response.reason}")
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputTooLarge(url, f"is {human_size(int(length))}, over the "
                                         f"{human_size(max_bytes)} limit")
            data = _read_capped(url, response, connection, max_bytes, deadline, timeout)
            ctype = (response.getheader("Content-Type") or "application/octet-stream")
            media, _, params = ctype.partition(";")
            charset = next((p.split("=", 1)[1].strip().strip('"') for p in params.split(";")
                            if p.strip().lower().startswith("charset=")), None)
            return Fetched(data=data, url=current, status=response.status,
                           content_type=media.strip().lower(), charset=charset)
        finally:
            connection.close()
    raise UrlUnreachable(url, f"more than {MAX_REDIRECTS} redirects")


def refused_address(address: str) -> str | None:
    """Why a server must not connect to this address on a user's behalf, or None if it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone index is not part of it
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv6 forms that carry an IPv4 address reach that address: ::ffff:127.0.0.1 (mapped),
        # 2002:7f00:1:: (6to4), Teredo's client address, 64:ff9b::7f00:1 (NAT64).
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip.teredo is not None:
            ip = ip.teredo[1]
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    for kind, test in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                       ("unspecified", ip.is_unspecified), ("multicast", ip.is_multicast),
                       ("private", ip.is_private), ("reserved", ip.is_reserved),
                       # Whatever else is not on the public internet (100.64/10 carrier NAT,
                       # where some clouds keep their metadata service; benchmarking ranges).
                       ("non-public", not ip.is_global)):
        if test:
            return f"{kind} address {ip}"
    return None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _checked_address(url: str, host: str, port: int, allow_private: bool) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UrlUnreachable(url, f"DNS lookup failed for host {host!r}") from None
    addresses = [info[4][0] for info in infos]
    if not allow_private:
        # Every address the name has must be public: a name with one public and one loopback
        # address would otherwise be a coin toss away from an internal service.
        for address in addresses:
            why = refused_address(address)
            if why:
                raise UrlRefused(url, f"{host} resolves to a {why}; this server fetches only public "
                                      "addresses (start it with --allow-private-urls to change that)")
    return addresses[0]


def _target(parts) -> str:
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class _PinnedHTTP(http.client.HTTPConnection):
    """HTTP to the checked address, whatever the name resolves to by now."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """TLS to the checked address; the certificate is verified for the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _get(url, scheme, host, port, address, target, deadline, timeout):
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise UrlUnreachable(url, f"timed out after {timeout:g} s")
    kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    connection = kind(host, port, address, remaining)
    try:
        connection.request("GET", target, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.5"})
        return connection.getresponse(), connection
    except TimeoutError:
        connection.close()
        raise UrlUnreachable(url, f"timed out after {timeout:g} s") from None
    except ssl.SSLError as exc:
        connection.close()
        raise UrlUnreachable(url, f"TLS error: {getattr(exc, 'reason', None) or exc}") from None
    except ConnectionRefusedError:
        connection.close()
        raise UrlUnreachable(url, f"connection refused by {host}") from None
    except (OSError, http.client.HTTPException) as exc:
        connection.close()
        raise UrlUnreachable(url, f"network error: {getattr(exc, 'strerror', None) or exc}") from None


def _read_capped(url, response, connection, max_bytes, deadline, timeout) -> bytes:
    # The server may not send Content-Length (or may lie): stop once past the limit, and once
    # past the deadline even when it trickles a byte at a time.
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise UrlUnreachable(url, f"timed out after {timeout:g} s")
            if connection.sock is not None:
                connection.sock.settimeout(remaining)
            chunk = response.read1(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if total > max_bytes:
                raise InputTooLarge(url, f"is over the {human_size(max_bytes)} limit (stopped reading)")
            chunks.append(chunk)
    except TimeoutError:
        raise UrlUnreachable(url, f"timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException) as exc:
        raise UrlUnreachable(url, f"network error: {getattr(exc, 'strerror', None) or exc}") from None
