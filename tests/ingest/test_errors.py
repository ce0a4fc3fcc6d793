"""The error contract the CLI relies on: one line, "<input>: <reason>", a stable code."""

from __future__ import annotations

from claimscope.errors import ClaimscopeError, IngestError, UrlUnreachable


def test_message_is_one_line_even_when_the_reason_is_not():
    err = UrlUnreachable("http://x.example/", "network error:\n  host is down\r\n")
    assert err.message == "http://x.example/: network error: host is down"
    assert str(err) == err.message
    assert (err.code, err.input) == ("E106", "http://x.example/")
    assert isinstance(err, IngestError) and isinstance(err, ClaimscopeError)


def test_codes_are_unique():
    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    codes = [c.code for c in walk(ClaimscopeError)]
    assert len(codes) == len(set(codes))
