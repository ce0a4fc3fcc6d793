"""Connected components over string keys, for splits that must not leak.

A sentence that occurs in two MRPC pairs, or an FNC-1 body shared by several headlines, ties those
pairs together: they must fall in the same fold or split, or the held-out score measures
memory. Each component is named by its smallest key, so the grouping does not depend on input
order.
"""

from __future__ import annotations


class Components:
    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        """The component's name (its smallest key); a new key is its own component."""
        parent = self._parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]  # path halving keeps later finds short
            key = parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)
