"""`claimscope eval paraphrase` and `eval stance` as a user runs them, on tiny files written here."""

import csv
import subprocess
import sys


def run(*args):
    return subprocess.run([sys.executable, "-m", "claimscope.cli.main", *args], capture_output=True,
                          text=True, timeout=600)


PAIRS = [
    ("1", "101", "102", 'The harbour blast killed nine people, "officials" said.',
     "Nine people died in the harbour blast, officials said."),
    ("0", "103", "104", "Nine people were killed in the harbour blast.",
     "Eleven people were killed in the harbour blast."),
    ("?", "105", "106", "The council approved the budget on Tuesday.",
     "Storms closed the northern ferry route."),
]


def write_pairs(path, rows):
    path.write_text("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
                    + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


def test_paraphrase_writes_the_rows_with_predicted_quality(tmp_path):
    pairs, out = tmp_path / "pairs.tsv", tmp_path / "out.tsv"
    write_pairs(pairs, PAIRS)
    result = run("eval", "paraphrase", "--pairs", str(pairs), "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String"
    rows = [line.split("\t") for line in lines[1:]]
    assert [r[1:] for r in rows] == [list(p[1:]) for p in PAIRS]  # same rows, same order, quotes kept
    assert [r[0] for r in rows] == ["1", "0", "0"]


def test_paraphrase_gold_prints_scores_and_refuses_unlabelled_rows(tmp_path):
    pairs, out = tmp_path / "pairs.tsv", tmp_path / "out.tsv"
    write_pairs(pairs, PAIRS[:2])
    result = run("eval", "paraphrase", "--pairs", str(pairs), "--out", str(out), "--gold")
    assert result.returncode == 0, result.stderr
    assert "F1 1.0000" in result.stdout and "accuracy 1.0000" in result.stdout
    write_pairs(pairs, PAIRS)
    result = run("eval", "paraphrase", "--pairs", str(pairs), "--out", str(out), "--gold")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "E100" in result.stderr and "pairs.tsv" in result.stderr


def test_paraphrase_bad_header_is_one_line_error(tmp_path):
    pairs = tmp_path / "bad.tsv"
    pairs.write_text("a\tb\n1\t2\n", encoding="utf-8")
    result = run("eval", "paraphrase", "--pairs", str(pairs), "--out", str(tmp_path / "o.tsv"))
    assert result.returncode == 2 and "bad.tsv" in result.stderr and "header" in result.stderr


BODIES = {
    "7": ("Officials confirmed on Monday that the harbour explosion was caused by a gas leak. "
          "The fire brigade said the leak started in a storage tank. Nine people were killed."),
    "8": ("The ferry company said its summer timetable starts in June. Tickets go on sale next week, "
          "and prices for cars will stay the same as last year."),
}
STANCES = [
    ("Gas leak caused the harbour explosion", "7", "agree"),
    ("Gas leak caused the harbour explosion", "8", "unrelated"),
    ("Ferry tickets go on sale next week", "8", "agree"),
]


def write_fnc(tmp_path, with_stance=True):
    stances, bodies = tmp_path / "stances.csv", tmp_path / "bodies.csv"
    with open(stances, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Headline", "Body ID", "Stance"] if with_stance else ["Headline", "Body ID"])
        for h, b, s in STANCES:
            w.writerow([h, b, s] if with_stance else [h, b])
    with open(bodies, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Body ID", "articleBody"])
        for b, text in BODIES.items():
            w.writerow([b, text])
    return stances, bodies


def test_stance_writes_one_row_per_input_in_order(tmp_path):
    stances, bodies = write_fnc(tmp_path, with_stance=False)
    out = tmp_path / "pred.csv"
    result = run("eval", "stance", "--stances", str(stances), "--bodies", str(bodies), "--out", str(out))
    assert result.returncode == 0, result.stderr
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Headline", "Body ID", "Stance"]
    assert [r[:2] for r in rows[1:]] == [[h, b] for h, b, _ in STANCES]
    assert all(r[2] in ("agree", "disagree", "discuss", "unrelated") for r in rows[1:])
    assert rows[2][2] == "unrelated"  # a headline about another story


def test_stance_gold_prints_fnc_score_and_macro_f1(tmp_path):
    stances, bodies = write_fnc(tmp_path)
    result = run("eval", "stance", "--stances", str(stances), "--bodies", str(bodies),
                 "--out", str(tmp_path / "pred.csv"), "--gold")
    assert result.returncode == 0, result.stderr
    assert "FNC score" in result.stdout and "macro-F1" in result.stdout


def test_stance_unknown_body_is_one_line_error(tmp_path):
    stances, bodies = write_fnc(tmp_path)
    bodies.write_text("Body ID,articleBody\n7,Some text.\n", encoding="utf-8")
    result = run("eval", "stance", "--stances", str(stances), "--bodies", str(bodies),
                 "--out", str(tmp_path / "pred.csv"))
    assert result.returncode == 2 and "Body ID 8" in result.stderr
