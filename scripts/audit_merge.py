"""Merge the judges' files of one audit label into the judged.jsonl that audit_score.py reads.

    python scripts/audit_merge.py out/audit/fresh6-after

Judges write flat rows (docs/audit.md, "Who judges"): real "real"|"junk", source/cue/content
"ok"|"minor"|"wrong", speaker "right"|"wrong"; proposition "proposition"|"fragment", asserter,
status; entity. Each judge has a file `judged-<kind>-<judge>.jsonl` in the label's folder. This
joins them to the sample's rows as `judgment` dicts (the first judging of an item wins) and says
which sampled items nobody judged.
"""

from __future__ import annotations

import glob
import json
import sys


def judgment(row: dict) -> dict:
    if row["kind"] == "attribution":
        j = {"real": row["real"] == "real", "source": row.get("source"), "cue": row.get("cue"),
             "content": row.get("content"), "speaker": row.get("speaker")}
    elif row["kind"] == "claim":
        j = {"proposition": row["proposition"] == "proposition", "asserter": row["asserter"],
             "status": row["status"]}
    else:
        j = {"entity": row["entity"]}
    j.update(note=row.get("note", ""), doubt=row.get("doubt", False), judge=row.get("judge"))
    return j


def main(folder: str) -> int:
    with open(f"{folder}/sample.jsonl", encoding="utf-8") as fh:
        sample = {r["n"]: r for r in map(json.loads, fh)}
    merged: dict[int, dict] = {}
    for path in sorted(glob.glob(f"{folder}/judged-*-*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    if row["n"] not in merged:
                        item = {k: v for k, v in sample[row["n"]].items() if k != "context"}
                        merged[row["n"]] = {**item, "judgment": judgment(row)}
    missing = sorted(set(sample) - set(merged))
    print(f"{len(merged)} judged, {len(missing)} not judged: {missing[:40]}", file=sys.stderr)
    with open(f"{folder}/judged.jsonl", "w", encoding="utf-8") as fh:
        for n in sorted(merged):
            fh.write(json.dumps(merged[n], ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
