"""`claimscope analyze` as a user runs it: a real process, real files, real exit codes."""

import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo"

OPINION = DEMO / "corpus" / "07-northern-review-opinion.txt"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "claimscope.cli.main", *args], capture_output=True,
                          text=True, input=stdin, timeout=600)


def test_terminal_report_of_the_demo_opinion_piece():
    result = run("analyze", str(OPINION), "--aliases", str(DEMO / "aliases.json"), "--no-rhetoric")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Argument 1" in out and "Summary" in out and "Who says what" in out


def test_json_from_stdin_follows_the_schema():
    text = "The minister said the port would reopen on Monday.\n"
    result = run("analyze", "-", "--format", "json", "--no-rhetoric", stdin=text)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "claimscope.analysis" and data["document"]["source_kind"] == "stdin"
    for claim in data["claims"]:
        assert text[claim["start"]:claim["end"]] == claim["text"]


def test_bad_single_input_is_one_line_and_non_zero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("analyze", str(empty))
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "empty.txt" in lines[0] and "empty" in lines[0]
    missing = run("analyze", str(tmp_path / "nope.txt"))
    assert missing.returncode != 0 and "nope.txt" in missing.stderr


def test_folder_goes_on_past_bad_files_and_lists_them(tmp_path):
    (tmp_path / "a-good.txt").write_text("The council approved the budget on Tuesday, officials said.\n")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "c-german.txt").write_text(
        "Der Stadtrat hat am Dienstag den Haushalt beschlossen. Die Opposition kritisierte die "
        "Entscheidung scharf und kündigte Widerstand an. Die Bürger sind gespalten.\n", encoding="utf-8")
    out = tmp_path / "reports"
    result = run("analyze", str(tmp_path), "--format", "markdown", "--output", str(out), "--no-rhetoric")
    assert result.returncode == 1
    assert (out / "a-good.txt.md").read_text(encoding="utf-8").startswith("# ")
    assert not (out / "b-binary.txt.md").exists()
    assert "b-binary.txt" in result.stderr and "c-german.txt" in result.stderr
    assert "German" in result.stderr or "(de)" in result.stderr


def test_html_report_highlights_spans(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text('"We will rebuild," the mayor said. The storm allegedly cost a billion.\n')
    out = tmp_path / "a.html"
    result = run("analyze", str(target), "--format", "html", "--output", str(out), "--no-rhetoric")
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert 'class="claim-' in page and "data-start=" in page


def test_bad_setting_is_one_line_and_exit_2(tmp_path):
    import os

    target = tmp_path / "a.txt"
    target.write_text("The council approved the budget on Tuesday, officials said.\n")
    env = {**os.environ, "CLAIMSCOPE_MAX_BYTES": "lots"}
    result = subprocess.run([sys.executable, "-m", "claimscope.cli.main", "analyze", str(target)],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "E301" in lines[0] and "CLAIMSCOPE_MAX_BYTES" in lines[0]


GOOD = "The council approved the budget on Tuesday, officials said. The mayor said the vote was fair.\n"
STORY_HTML = f"""<!doctype html><html><head><title>Story</title></head><body><article>
<p>{GOOD.strip()} The harbour master said the quay would reopen next week after repairs.</p>
</article></body></html>"""


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def test_same_stem_inputs_keep_their_own_reports_and_subfolders(tmp_path):
    corpus = tmp_path / "in"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "story.txt").write_text(GOOD)
    (corpus / "story.html").write_text(STORY_HTML)
    (corpus / "sub" / "story.txt").write_text(GOOD.replace("Tuesday", "Wednesday"))
    out = tmp_path / "reports"
    result = run("analyze", str(corpus), "--recursive", "--format", "json", "--output", str(out),
                 "--no-rhetoric")
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["story.html.json", "story.txt.json", "sub/story.txt.json"]
    for report in written:
        name = json.loads((out / report).read_text(encoding="utf-8"))["document"]["name"]
        assert Path(name) == corpus / report.removesuffix(".json")


def test_a_bad_alias_file_is_one_error_before_any_work(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(GOOD)
    broken = tmp_path / "broken.json"
    broken.write_text('{"entities": [')
    incomplete = tmp_path / "incomplete.json"
    incomplete.write_text('{"entities": [{"id": "harbour-board", "aliases": ["the Board"]}]}')
    no_list = tmp_path / "no-list.json"
    no_list.write_text('{"aliases": {}}')
    cases = [(tmp_path / "missing.json", "not found"), (broken, "not valid JSON"),
             (incomplete, 'has no "name"'), (no_list, '"entities" list')]
    for path, reason in cases:
        result = run("analyze", str(target), "--aliases", str(path), "--no-rhetoric")
        assert result.returncode == 2, result.stderr
        line = _one_line(result.stderr)
        assert "E302" in line and str(path) in line and reason in line, line
        assert result.stdout == ""


def test_an_unwritable_output_is_one_error_before_analysing(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text(GOOD)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for args in ((str(target), "--output", str(blocker / "report.md")),
                 (str(tmp_path), "--output", str(blocker)),
                 (str(tmp_path), "--output", str(blocker / "reports"))):
        result = run("analyze", *args, "--format", "markdown", "--no-rhetoric")
        assert result.returncode == 2, result.stderr
        line = _one_line(result.stderr)
        assert "E303" in line and str(blocker) in line, line


def test_an_unknown_spacy_model_is_reported_once(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD)
    result = run("analyze", str(tmp_path), "--spacy-model", "bogus", "--no-rhetoric")
    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert "E201" in line and "bogus" in line and "a.txt" not in line


def test_the_help_example_names_a_file_that_exists():
    result = run("analyze", "--help")
    example = re.search(r"Example: claimscope analyze\s+(\S+)", result.stdout)
    assert example, result.stdout
    assert (REPO / example[1]).is_file(), example[1]
    aliases = re.search(r"--aliases (\S+)", result.stdout.split("Example:", 1)[1])
    assert aliases is None or (REPO / aliases[1]).is_file()


def test_python_dash_m_claimscope_is_the_command_line():
    result = subprocess.run([sys.executable, "-m", "claimscope", "analyze", "--help"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Example: claimscope analyze" in result.stdout
