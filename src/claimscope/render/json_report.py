"""JSON: the documented, versioned `claimscope.analysis` schema (docs/analysis-schema.md)."""

from __future__ import annotations

import json

from claimscope.model.analysis import Analysis


def render(analysis: Analysis) -> str:
    return json.dumps(analysis.as_dict(), ensure_ascii=False, indent=2)
