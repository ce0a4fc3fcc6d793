"""A saved claimscope pipeline loads with plain spacy.load, through the entry points."""

import subprocess
import sys

SCRIPT = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
doc = nlp("Officials said the harbour would reopen on Monday. First, it is safe. Second, it is open.")
print(len(doc._.claims), len(doc._.attributions), len(doc._.structure.arguments))
"""


def test_saved_pipeline_round_trips(tmp_path, workspace):
    nlp = workspace.nlp
    path = tmp_path / "pipeline"
    nlp.to_disk(path)
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    claims, attributions, arguments = map(int, result.stdout.split())
    assert claims >= 2 and attributions >= 1 and arguments == 2
