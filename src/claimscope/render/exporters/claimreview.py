"""ClaimReview: schema.org JSON-LD for every check-worthy claim, as fact-checking tools read it.

claimscope does not decide whether a claim is true. The `reviewRating` therefore carries no
`ratingValue` (no true/false scale); its `alternateName` says what the article offers for the
claim, from the claim's evidence and epistemic status: "anonymous source: officials",
"named person: Mirela Oskarsen (interior minister)", "document: memo", "denied by Ilona Brask
('rejected')", "hedged ('may')". The review's `author` is claimscope, its `datePublished` the day
the document was first ingested (the day the review was made), and its `reviewAspect` says it
rates the evidence, not the truth.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from claimscope import __version__
from claimscope.model.corpus import StoredDocument
from claimscope.model.records import Claim
from claimscope.render.exporters.base import Exporter
from claimscope.render.exporters.common import publications

REVIEW_ASPECT = "the evidence and epistemic status the article gives the claim; not its truth"
ORGANIZATION_TYPES = {"ORG", "GPE", "NORP"}


def _quoted(claim: Claim) -> str:
    cues = [c.text for c in claim.cues]
    return ", ".join(f"'{t}'" for t in dict.fromkeys(cues))


def evidence_label(claim: Claim) -> str:
    ev = claim.evidence
    if ev.kind == "named_person":
        return f"named person: {ev.source}" + (f" ({ev.role})" if ev.role else "")
    if ev.kind == "named_organization":
        return f"named organisation: {ev.source}"
    if ev.kind == "document":
        return f"document: {ev.source}" if ev.source else "document"
    if ev.kind == "media_report":
        return f"media report: {ev.source}" if ev.source else "media report"
    if ev.kind == "anonymous":
        return f"anonymous source: {ev.source}" if ev.source else "anonymous source"
    return "no source given"


def status_label(claim: Claim) -> str:
    cues = _quoted(claim)
    if claim.status == "denied":
        return f"denied by {claim.asserter_name}" + (f" ({cues})" if cues else "")
    if claim.status == "asserted":
        return f"asserted by {claim.asserter_name}"
    return claim.status + (f" ({cues})" if cues else "")


def rating(claim: Claim) -> dict:
    """What the evidence is, in words; deliberately no ratingValue, best or worst rating."""
    return {
        "@type": "Rating",
        "alternateName": f"{evidence_label(claim)}; {status_label(claim)}",
        "ratingExplanation": (
            f"claimscope {__version__} found this claim {claim.status} (certainty "
            f"{claim.certainty:.2f}) with evidence '{claim.evidence.kind}'. It reports how the "
            "article supports the claim and makes no judgement of its truth."),
    }


def _party(name: str | None, person: bool) -> dict | None:
    if not name:
        return None
    return {"@type": "Person" if person else "Organization", "name": name}


def _compact(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, [], "")}


class ClaimReviewExporter(Exporter):
    name = "claimreview"
    suffix = ".claimreview.json"
    media_type = "application/ld+json"

    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        self._written = 0
        self._today = datetime.now(UTC).date().isoformat()

    def write(self, record: StoredDocument) -> None:
        analysis = record.analysis
        types = {e.id: e.type for e in analysis.entities}
        pubs = publications(record)
        appearances = [_compact({
            "@type": "CreativeWork", "url": p.url, "headline": p.title, "datePublished": p.date,
            "author": _party(p.author, True), "publisher": _party(p.outlet, False),
        }) for p in pubs]
        reviewed_on = (record.first_ingested or self._today)[:10]
        authors = {p.author for p in pubs if p.author}
        for claim in analysis.claims:
            if not claim.check_worthy:
                continue
            self._emit(_compact({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": claim.id,
                "claimReviewed": claim.text,
                "datePublished": reviewed_on,
                "author": {"@type": "Organization", "name": "claimscope"},
                "reviewAspect": REVIEW_ASPECT,
                "itemReviewed": _compact({
                    "@type": "Claim",
                    "author": _party(claim.asserter_name, self._is_person(claim, types, authors)),
                    "datePublished": pubs[0].date,
                    "appearance": appearances,
                    "firstAppearance": appearances[0] if appearances else None,
                }),
                "reviewRating": rating(claim),
            }))

    @staticmethod
    def _is_person(claim: Claim, types: dict[str, str], authors: set[str]) -> bool:
        if claim.asserter_entity in types:
            return types[claim.asserter_entity] not in ORGANIZATION_TYPES
        if claim.asserter_name in authors:
            return True
        return claim.evidence.kind not in ("named_organization", "document", "media_report")

    def _emit(self, item: dict) -> None:
        # A JSON array written as it goes: memory stays flat however many claims there are.
        self.out.write(("[\n" if self._written == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        self._written += 1

    def finalize(self) -> None:
        self.out.write("\n]\n" if self._written else "[]\n")
