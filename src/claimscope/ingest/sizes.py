"""Byte counts for people: error messages say "20.0 MB, over the 10.0 MB limit"."""

from __future__ import annotations

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"
