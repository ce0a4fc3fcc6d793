"""Report formats. Each module renders one Analysis to a string (the terminal one prints)."""

from __future__ import annotations

from collections.abc import Callable

from claimscope.model.analysis import Analysis
from claimscope.render import html, json_report, markdown

FORMATS: dict[str, Callable[[Analysis], str]] = {
    "json": json_report.render,
    "markdown": markdown.render,
    "html": html.render,
}
