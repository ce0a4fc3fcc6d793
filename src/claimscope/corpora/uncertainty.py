"""Reader for the Szeged Uncertainty Corpus, Wikipedia part (CoNLL-2010 shared task, Farkas et al.).

The XML holds `Document` elements (one `DocID`, then a Title part and a Text part of `Sentence`
elements). Uncertainty cues are inline `<ccue type="speculation_...">` elements; a sentence is
uncertain iff it contains at least one ccue. Titles are kept as sentences (they almost never
carry a cue), so counts match the corpus' 20,748 sentences.

The held-out split is by document, decided by a hash of the document id with a fixed seed, so
sentences of one article never straddle train and test.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "validation", "test")


@dataclass(frozen=True)
class UncertaintySentence:
    doc_id: str
    sentence_id: str
    part: str  # "Title" or "Text"
    text: str
    cues: tuple[str, ...]  # cue types, one per ccue element

    @property
    def label(self) -> int:
        return int(bool(self.cues))


def read_uncertainty(path: str | Path) -> list[UncertaintySentence]:
    # ElementTree does not resolve the external DTD, which is what we want: offline and fast.
    root = ET.parse(str(path)).getroot()
    out: list[UncertaintySentence] = []
    for document in root.iter("Document"):
        doc_id = (document.findtext("DocID") or "").strip()
        for part in document.findall("DocumentPart"):
            for sentence in part.findall("Sentence"):
                text = "".join(sentence.itertext())
                cues = tuple((c.get("type") or "").strip() for c in sentence.iter("ccue"))
                out.append(
                    UncertaintySentence(doc_id, sentence.get("id", ""), part.get("type", ""), text, cues)
                )
    return out


def split_of(doc_id: str, *, seed: int = 2010) -> str:
    """80/10/10 train/validation/test by sha1(f"{seed}:{doc_id}") mod 100."""
    bucket = int(hashlib.sha1(f"{seed}:{doc_id}".encode()).hexdigest()[:8], 16) % 100
    if bucket < 80:
        return "train"
    return "validation" if bucket < 90 else "test"


def split_uncertainty(
    rows: list[UncertaintySentence], *, seed: int = 2010
) -> dict[str, list[UncertaintySentence]]:
    parts: dict[str, list[UncertaintySentence]] = {name: [] for name in SPLITS}
    for row in rows:
        parts[split_of(row.doc_id, seed=seed)].append(row)
    return parts
