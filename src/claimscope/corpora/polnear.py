"""Read PolNeAR (Newell, Margolin & Ruths, LREC 2018): article texts plus brat standoff attributions.

A split folder holds `text/<name>.txt` and `attributions/<name>_<ANNOTATOR>.ann`. In the `.ann`
files, `T` lines carry typed spans (`Source`, `Cue`, `Content`, plus bookkeeping types such as
`Attribution`, `Discard`, `Discuss` that we ignore); a span may be discontinuous (`s e;s e`).
`E` lines link one attribution's roles (`Source:T1 Cue:T2 Content:T3 Content2:T9 ...`); a
numbered role (`Content2`) adds fragments to the same role. Some articles were annotated by
several people: we keep the first annotator file in sorted order, so the choice is deterministic.

Only well-formed `T`/`E` lines are read: a few span texts contain line breaks, and their
continuation lines must not be mistaken for annotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("source", "cue", "content")

Fragments = list[tuple[int, int]]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLE = re.compile(r"^([A-Za-z-]+?)\d*:(T\d+)$")


@dataclass
class GoldAttribution:
    id: str
    source: Fragments = field(default_factory=list)
    cue: Fragments = field(default_factory=list)
    content: Fragments = field(default_factory=list)

    def role(self, name: str) -> Fragments:
        return getattr(self, name)


@dataclass
class PolnearDoc:
    name: str
    text: str
    annotator: str | None
    attributions: list[GoldAttribution]


def _fragments(spec: str) -> Fragments:
    out = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return sorted(out)


def parse_ann(content: str) -> list[GoldAttribution]:
    """Attributions of one `.ann` file, in file order; roles are sorted fragment lists."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[tuple[str, str]] = []
    for line in content.splitlines():
        t = _T_LINE.match(line)
        if t:
            spans[t.group(1)] = (t.group(2), _fragments(t.group(3)))
            continue
        e = _E_LINE.match(line)
        if e:
            events.append((e.group(1), e.group(2)))
    attributions = []
    for event_id, args in events:
        found = GoldAttribution(id=event_id)
        for arg in args.split():
            m = _ROLE.match(arg)
            if not m or m.group(2) not in spans:
                continue
            role = m.group(1).lower()
            if role not in ROLES:  # the trigger ("Attribution") repeats the cue
                continue
            found.role(role).extend(spans[m.group(2)][1])
        for role in ROLES:
            setattr(found, role, sorted(set(found.role(role))))
        if found.cue or found.content or found.source:
            attributions.append(found)
    return attributions


def annotation_files(split_dir: Path) -> dict[str, tuple[str, Path]]:
    """Article name -> (annotator, path) of the chosen (first sorted) annotator file."""
    chosen: dict[str, tuple[str, Path]] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        name, _, annotator = path.stem.rpartition("_")
        chosen.setdefault(name, (annotator, path))
    return chosen


def read_split(split_dir: str | Path) -> Iterator[PolnearDoc]:
    """Yield every article of a split (sorted by name); articles without annotations get none."""
    split_dir = Path(split_dir)
    anns = annotation_files(split_dir)
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        name = text_path.stem
        text = text_path.read_text(encoding="utf-8")
        annotator, ann_path = anns.get(name, (None, None))
        attributions = parse_ann(ann_path.read_text(encoding="utf-8")) if ann_path else []
        yield PolnearDoc(name=name, text=text, annotator=annotator, attributions=attributions)
