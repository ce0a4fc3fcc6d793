"""GAP: reader, scorer and the `claimscope eval gap` command, on rows written for this test."""

from __future__ import annotations

import subprocess
import sys

from claimscope.corpora.gap import GapRow, read_answers, read_gap
from claimscope.evaluation.gap import score_gap

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL\n"


def _row(id_, text, pronoun_at, a, b, a_coref, b_coref, url="http://en.wikipedia.org/wiki/Anna_Berridge"):
    pronoun = text[pronoun_at:].split()[0]
    return "\t".join([id_, text, pronoun, str(pronoun_at), a, str(text.index(a)),
                      "TRUE" if a_coref else "FALSE", b, str(text.index(b)),
                      "TRUE" if b_coref else "FALSE", url]) + "\n"


def _file(tmp_path):
    t1 = "Anna Berridge thanked Tom Fennick at the harbour. She said the harbour would reopen."
    t2 = "Tom Fennick thanked Paul Ardley. Later that year Paul Ardley left the club, and he joined the navy."
    t3 = "Mary Vance met Lucy Hart in Leeds. Mary Vance later wrote that she admired Lucy Hart."
    path = tmp_path / "gap.tsv"
    path.write_text(HEADER + _row("t-1", t1, t1.index("She"), "Anna Berridge", "Tom Fennick", True, False)
                    + _row("t-2", t2, t2.index("he joined"), "Tom Fennick", "Paul Ardley", False, True,
                           "http://en.wikipedia.org/wiki/Paul_Ardley")
                    + _row("t-3", t3, t3.index("she admired"), "Mary Vance", "Lucy Hart", True, False,
                           "http://en.wikipedia.org/wiki/Mary_Vance"), encoding="utf-8")
    return path


def test_reader_reads_offsets_labels_and_title(tmp_path):
    rows = read_gap(_file(tmp_path))
    assert [r.id for r in rows] == ["t-1", "t-2", "t-3"]
    assert rows[0].text[rows[0].a_offset:].startswith("Anna Berridge") and rows[0].a_coref is True
    assert rows[1].title == "Paul Ardley" and rows[1].masculine and not rows[0].masculine


def _gap_row(id_, pronoun, a, b):
    return GapRow(id_, "text", pronoun, 0, "A", 0, a, "B", 0, b)


def test_scorer_counts_both_names_and_splits_by_gender():
    rows = [_gap_row("1", "he", True, False), _gap_row("2", "she", False, True),
            _gap_row("3", "she", False, False)]
    answers = {"1": (True, False), "2": (True, False), "3": (False, True)}
    scores = score_gap(rows, answers)
    assert (scores.overall.tp, scores.overall.n_pred, scores.overall.n_gold) == (1, 3, 2)
    assert scores.masculine.f1 == 1.0 and scores.feminine.f1 == 0.0 and scores.bias == 0.0


def test_eval_gap_command_answers_every_row_and_scores(tmp_path):
    out = tmp_path / "answers.tsv"
    done = subprocess.run([sys.executable, "-m", "claimscope.cli.main", "eval", "gap", "--file",
                           str(_file(tmp_path)), "--out", str(out), "--gold"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    answers = read_answers(out)
    assert set(answers) == {"t-1", "t-2", "t-3"}
    assert answers["t-1"] == (True, False)  # "She": the only woman
    assert answers["t-3"] == (True, False)  # the subject and the page's own person
    assert "overall" in done.stdout and "bias" in done.stdout
