"""Documentation stays true: every JSON key and every CLI command is documented."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SCHEMA_DOC = (REPO / "docs" / "analysis-schema.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")


def _top_level_paths(value, prefix=""):
    if isinstance(value, dict):
        for key, inner in value.items():
            path = f"{prefix}.{key}" if prefix else key
            yield path
            if prefix.count(".") < 1 and key not in ("meta", "components", "by_status", "by_evidence",
                                                      "attributions_by_kind", "technique_density"):
                yield from _top_level_paths(inner, path)
    elif isinstance(value, list) and value:
        yield from _top_level_paths(value[0], prefix + "[]")


def test_every_json_key_is_documented(analyze):
    text = ('First, the army moved. "We moved," General Tomas Rek said. Officials allegedly knew.\n\n'
            "Second, the border closed, the Daily Ledger reported.\n")
    data = analyze(text).as_dict()
    missing = []
    for path in _top_level_paths(data):
        leaf = path.split(".")[-1].replace("[]", "")
        if f"`{path}" not in SCHEMA_DOC and f"`{leaf}`" not in SCHEMA_DOC:
            missing.append(path)
    assert not missing, f"undocumented keys: {missing}"


def test_readme_quick_start_has_the_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\s*(make \w+.*)$", quick, flags=re.M)
    assert any("demo" in c for c in commands) and any("test" in c for c in commands)


def test_every_cli_command_is_in_the_readme():
    out = subprocess.run([sys.executable, "-m", "claimscope.cli.main", "--help"], capture_output=True,
                         text=True, check=True).stdout
    for command in ("analyze", "eval", "train", "version"):
        assert command in out and f"claimscope {command}" in README
