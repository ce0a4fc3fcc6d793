"""Small charts as SVG geometry, computed here and drawn by the templates (no JavaScript).

Each function returns plain numbers and class names: the template writes `<rect>`s with them, the
stylesheet colours the classes (a CSP without inline style forbids `style=` attributes).
"""

from __future__ import annotations

from datetime import date

WIDTH, HEIGHT, PAD, AXIS = 640, 180, 4, 34
WIDE = 1000  # the chart across the page
LABELS = 16  # date labels under a chart at most


def stacked_by_date(rows: list[dict], keys: list[str], *, key_field: str = "status",
                    value: str = "claims", classes: dict[str, str] | None = None) -> dict:
    """One stacked column per date (rows: {date, <key_field>, <value>}), keys bottom to top;
    a key's class is `classes[key]`, else `st-<key>` (the status colours)."""
    dates = sorted({r["date"] or "undated" for r in rows}, key=lambda d: (d == "undated", d))
    totals = {d: 0 for d in dates}
    cells: dict[tuple[str, str], int] = {}
    for r in rows:
        d = r["date"] or "undated"
        cells[(d, r[key_field])] = cells.get((d, r[key_field]), 0) + r[value]
        totals[d] += r[value]
    top = max(totals.values(), default=0) or 1
    plot_h = HEIGHT - AXIS
    # Columns no wider than 60: a corpus of a few days does not stretch them across the page.
    step = min((WIDE - 2 * PAD) / max(len(dates), 1), 60)
    bar_w = max(step * 0.8, 1.0)
    bars, labels = [], []
    every = -(-len(dates) // LABELS)
    for i, d in enumerate(dates):
        x = PAD + i * step + (step - bar_w) / 2
        y = plot_h
        for k in keys:
            n = cells.get((d, k), 0)
            if not n:
                continue
            h = n / top * (plot_h - 8)
            y -= h
            bars.append({"x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                         "cls": (classes or {}).get(k, f"st-{k}"), "title": f"{d}: {n} {k}"})
        if i % every == 0:  # at most LABELS labels under the columns, evenly spaced
            labels.append({"x": round(x + bar_w / 2, 1), "y": HEIGHT - AXIS + 14, "text": _short_date(d),
                           "total": totals[d]})
    return {"width": round(2 * PAD + step * len(dates)), "height": HEIGHT, "bars": bars, "labels": labels, "max": top,
            "keys": keys, "baseline": plot_h}


def horizontal(items: list[tuple[str, int]], *, cls: str = "bar", prefix: str = "") -> dict:
    """One bar per (label, count), longest first as given; class `cls` or `prefix + label`."""
    row_h, label_w, width = 20, 150, 400
    top = max((n for _, n in items), default=0) or 1
    bars = []
    for i, (label, n) in enumerate(items):
        w = n / top * (width - label_w - 40)
        bars.append({"y": i * row_h + 3, "w": round(w, 1), "h": row_h - 6, "label": label, "n": n,
                     "cls": f"{prefix}{label}" if prefix else cls, "ty": i * row_h + row_h - 6})
    return {"width": width, "height": max(len(items), 1) * row_h, "label_w": label_w, "bars": bars}


def timeline(items: list[dict]) -> dict:
    """Each item ({first_seen, last_seen, text, cls, href}) a line from its first to its last
    date on one axis; undated items are left out (they have no place on it)."""
    dated = [i for i in items if _day(i.get("first_seen"))]
    if not dated:
        return {"width": WIDTH, "height": 0, "rows": [], "ticks": []}
    days = [_day(i["first_seen"]) for i in dated] + [_day(i.get("last_seen") or i["first_seen"]) for i in dated]
    lo, hi = min(days), max(days)
    span = max((hi - lo).days, 1)
    left, right, row_h = 8, WIDTH - 8, 14

    def x(d: date) -> float:
        return round(left + (d - lo).days / span * (right - left), 1)

    rows = []
    for n, item in enumerate(dated):
        first = _day(item["first_seen"])
        last = _day(item.get("last_seen") or item["first_seen"]) or first
        rows.append({"x1": x(first), "x2": max(x(last), x(first) + 4), "y": n * row_h + 8, **item})
    ticks = []
    for k in range(5):
        d = date.fromordinal(lo.toordinal() + round(span * k / 4))
        ticks.append({"x": x(d), "text": d.isoformat()})
    return {"width": WIDTH, "height": len(rows) * row_h + 28, "rows": rows, "ticks": ticks,
            "axis_y": len(rows) * row_h + 10}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _short_date(d: str) -> str:
    return d[5:] if len(d) == 10 else d
