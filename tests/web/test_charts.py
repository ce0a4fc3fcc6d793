"""The overview's and the dossier's charts: geometry that matches the counts."""

from __future__ import annotations

from claimscope.web.pages.charts import LABELS, horizontal, stacked_by_date, timeline


def test_stacked_columns_are_as_tall_as_their_counts_and_undated_comes_last():
    rows = [{"date": "2025-03-02", "status": "asserted", "claims": 3},
            {"date": "2025-03-02", "status": "denied", "claims": 1},
            {"date": None, "status": "asserted", "claims": 2},
            {"date": "2025-03-01", "status": "asserted", "claims": 4}]
    chart = stacked_by_date(rows, ["asserted", "denied"])
    assert [label["text"] for label in chart["labels"]] == ["03-01", "03-02", "undated"]
    assert [label["total"] for label in chart["labels"]] == [4, 4, 2]
    heights = {b["title"]: b["h"] for b in chart["bars"]}
    assert heights["2025-03-02: 3 asserted"] == 3 * heights["2025-03-02: 1 denied"]
    assert heights["2025-03-01: 4 asserted"] == heights["2025-03-02: 3 asserted"] + heights["2025-03-02: 1 denied"]
    # A denied segment sits on top of the asserted one of its day.
    top = next(b for b in chart["bars"] if b["cls"] == "st-denied")
    below = next(b for b in chart["bars"] if b["title"] == "2025-03-02: 3 asserted")
    assert top["y"] + top["h"] == below["y"]


def test_many_dates_keep_the_chart_in_its_width_with_few_labels():
    rows = [{"date": f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", "status": "asserted", "claims": 1} for i in range(300)]
    chart = stacked_by_date(rows, ["asserted"])
    assert chart["width"] <= 1000 and len(chart["bars"]) == 300 and len(chart["labels"]) <= LABELS


def test_horizontal_bars_scale_to_the_longest_and_timeline_skips_undated():
    bars = horizontal([("a", 10), ("b", 5), ("c", 0)])["bars"]
    assert bars[0]["w"] == 2 * bars[1]["w"] and bars[2]["w"] == 0
    t = timeline([{"first_seen": "2025-03-01", "last_seen": "2025-03-11"},
                  {"first_seen": "2025-03-06", "last_seen": None}, {"first_seen": None}])
    assert len(t["rows"]) == 2
    first, second = t["rows"]
    assert first["x1"] < second["x1"] < first["x2"]  # the 6th lies between the 1st and the 11th
