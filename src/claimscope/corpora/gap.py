"""Reader for GAP (Webster et al., TACL 2018): gendered ambiguous pronouns in Wikipedia text.

Tab-separated, one header line: ID, Text, Pronoun, Pronoun-offset, A, A-offset, A-coref, B,
B-offset, B-coref, URL. Offsets are character offsets into Text; the corefs are TRUE/FALSE.
A system's answer file has the columns ID, A-coref, B-coref.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

MASCULINE = {"he", "him", "his", "himself"}


@dataclass(frozen=True)
class GapRow:
    id: str
    text: str
    pronoun: str
    pronoun_offset: int
    a: str
    a_offset: int
    a_coref: bool | None
    b: str
    b_offset: int
    b_coref: bool | None
    url: str = ""

    @property
    def masculine(self) -> bool:
        return self.pronoun.lower() in MASCULINE

    @property
    def title(self) -> str:
        """The Wikipedia page title of the URL ("Warren_MacKenzie" -> "Warren MacKenzie")."""
        return unquote(self.url.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ") if self.url else ""


def _bool(value: str | None) -> bool | None:
    if value is None or value == "":
        return None
    return value.strip().upper() == "TRUE"


def read_gap(path: str | Path) -> list[GapRow]:
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [GapRow(id=r["ID"], text=r["Text"], pronoun=r["Pronoun"],
                       pronoun_offset=int(r["Pronoun-offset"]), a=r["A"], a_offset=int(r["A-offset"]),
                       a_coref=_bool(r.get("A-coref")), b=r["B"], b_offset=int(r["B-offset"]),
                       b_coref=_bool(r.get("B-coref")), url=r.get("URL", "") or "")
                for r in reader]


def read_answers(path: str | Path) -> dict[str, tuple[bool, bool]]:
    """ID -> (A-coref, B-coref) of an answer file (a header line is allowed)."""
    answers = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3 or parts[0] == "ID":
            continue
        answers[parts[0]] = (_bool(parts[1]) is True, _bool(parts[2]) is True)
    return answers


def write_answers(path: str | Path, answers: dict[str, tuple[bool, bool]]) -> None:
    lines = [f"{i}\t{'TRUE' if a else 'FALSE'}\t{'TRUE' if b else 'FALSE'}" for i, (a, b) in answers.items()]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
