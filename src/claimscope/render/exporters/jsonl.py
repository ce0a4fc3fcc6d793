"""JSON Lines: one `claimscope.analysis` object per line, the schema of docs/analysis-schema.md.

Exactly what `claimscope analyze --format json` prints for a folder, so one reader serves both.
"""

from __future__ import annotations

import json

from claimscope.model.corpus import StoredDocument
from claimscope.render.exporters.base import Exporter


class JsonlExporter(Exporter):
    name = "jsonl"
    suffix = ".jsonl"
    media_type = "application/x-ndjson"

    def write(self, record: StoredDocument) -> None:
        self.out.write(json.dumps(record.analysis.as_dict(), ensure_ascii=False) + "\n")
