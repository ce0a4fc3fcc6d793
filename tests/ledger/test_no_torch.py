"""The claim matcher and the stance model run without torch (a training extra) and offline."""

import subprocess
import sys

SCRIPT = """
import socket, sys
for name in ("torch", "transformers", "sentence_transformers", "huggingface_hub", "sklearn"):
    sys.modules[name] = None
def refuse(*args, **kwargs):
    raise RuntimeError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
from claimscope.ledger.claim_match import ClaimMatcher
from claimscope.ledger.stance import StanceModel
m = ClaimMatcher().match_pairs([("Nine people died in the blast.", "The blast killed nine people.")])
s = StanceModel().predict([("Gas leak caused the harbour blast",
                            "Officials confirmed the harbour blast was caused by a gas leak.")])
assert not any(k.startswith("claimscope.training") for k in sys.modules), "training imported"
print(m[0].same, s[0].label)
"""


def test_matcher_and_stance_need_neither_torch_nor_network():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    same, label = result.stdout.split()
    assert same == "True" and label in ("agree", "disagree", "discuss", "unrelated")
