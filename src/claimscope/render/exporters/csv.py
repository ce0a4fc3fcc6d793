"""CSV: the claims table, one row per claim, for spreadsheets and pandas.

A document printed by several outlets gives its claims once; `outlet` lists every outlet
(`; ` between them) and `date` is the first publication's.
"""

from __future__ import annotations

import csv

from claimscope.model.corpus import StoredDocument
from claimscope.render.exporters.base import Exporter
from claimscope.render.exporters.common import first_publication, outlets

COLUMNS = (
    "document", "title", "outlet", "date", "asserter", "asserter_entity", "status", "certainty",
    "evidence_kind", "evidence_source", "check_worthy", "checkworthiness", "start", "end", "text",
    "claim_id", "claim_label",
)


class CsvExporter(Exporter):
    name = "csv"
    suffix = ".csv"
    media_type = "text/csv"

    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        # The csv module writes its own line endings; the caller opens `out` with newline="".
        self._writer = csv.writer(out)
        self._writer.writerow(COLUMNS)

    def write(self, record: StoredDocument) -> None:
        first = first_publication(record)
        outlet = "; ".join(outlets(record))
        for c in record.analysis.claims:
            self._writer.writerow((
                record.id, first.title or "", outlet, first.date or "", c.asserter_name,
                c.asserter_entity or "", c.status, c.certainty, c.evidence.kind,
                c.evidence.source or "", "true" if c.check_worthy else "false", c.checkworthiness,
                c.start, c.end, c.text, c.id, c.label or "",
            ))
