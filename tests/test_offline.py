"""The analysis runs without torch and without opening a network connection."""

import subprocess
import sys

SCRIPT = """
import socket, sys
# torch and transformers are a training extra: make any import of them fail.
for name in ("torch", "transformers", "sentence_transformers", "huggingface_hub"):
    sys.modules[name] = None
def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
from claimscope.workspace import Workspace
a = Workspace().analyze_text('"The bridge is safe," the minister said. It may reopen in May.\\n')
print(len(a.claims), len(a.attributions), a.components["claimscope"])
"""


def test_analysis_needs_neither_torch_nor_network():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    claims, attributions, _ = result.stdout.split()
    assert int(claims) >= 1 and int(attributions) >= 1
