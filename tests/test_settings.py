"""Settings from the environment: good values are read, bad ones are errors naming the variable."""

import re
from pathlib import Path

import pytest

from claimscope.errors import SettingError
from claimscope.settings import Settings


def test_numbers_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("CLAIMSCOPE_TECHNIQUE_MIN_SCORE", "0.3")
    monkeypatch.setenv("CLAIMSCOPE_MAX_BYTES", "2048")
    monkeypatch.setenv("CLAIMSCOPE_URL_TIMEOUT", "2.5")
    settings = Settings()
    assert (settings.technique_min_score, settings.max_bytes, settings.url_timeout) == (0.3, 2048, 2.5)


@pytest.mark.parametrize(("value", "on"), [("0", False), ("off", False), ("Yes", True), ("", True)])
def test_rhetoric_switch(monkeypatch, value, on):
    monkeypatch.setenv("CLAIMSCOPE_RHETORIC", value)
    assert Settings().rhetoric is on


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CLAIMSCOPE_TECHNIQUE_MIN_SCORE", "1.5"),
        ("CLAIMSCOPE_TECHNIQUE_MIN_SCORE", "nan"),
        ("CLAIMSCOPE_MAX_BYTES", "ten"),
        ("CLAIMSCOPE_MAX_BYTES", "0"),
        ("CLAIMSCOPE_URL_TIMEOUT", "-1"),
        ("CLAIMSCOPE_THREADS", "2.5"),
        ("CLAIMSCOPE_RHETORIC", "maybe"),
    ],
)
def test_a_bad_value_names_the_variable_and_the_value(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingError) as caught:
        Settings()
    assert caught.value.code == "E301"
    assert caught.value.message.startswith(f"{name}: must be") and repr(value) in caught.value.message


SRC = Path(__file__).resolve().parents[1] / "src" / "claimscope"


def test_only_settings_reads_the_environment():
    readers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                     if p.name != "settings.py" and re.search(r"os\.environ|os\.getenv", p.read_text()))
    assert readers == []


def test_every_setting_is_documented_in_the_readme():
    readme = (SRC.parents[1] / "README.md").read_text(encoding="utf-8")
    names = set(re.findall(r"CLAIMSCOPE_[A-Z_]+", (SRC / "settings.py").read_text()))
    assert names and all(f"`{name}`" in readme for name in names), names


def test_threads_and_shared_data_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMSCOPE_THREADS", "3")
    monkeypatch.setenv("CLAIMSCOPE_SHARED_DATA", str(tmp_path))
    settings = Settings()
    assert (settings.threads, settings.shared_data) == (3, tmp_path)
    from claimscope.evaluation.sentence_heads import shared_data_dir

    assert shared_data_dir() == tmp_path and shared_data_dir("elsewhere") == Path("elsewhere")


def test_the_dask_scheduler_and_its_timeout_are_settings(monkeypatch):
    monkeypatch.setenv("CLAIMSCOPE_SCHEDULER", "tcp://10.0.0.5:8786")
    monkeypatch.setenv("CLAIMSCOPE_SCHEDULER_TIMEOUT", "2.5")
    settings = Settings()
    assert settings.scheduler == "tcp://10.0.0.5:8786" and settings.scheduler_timeout == 2.5
    monkeypatch.setenv("CLAIMSCOPE_SCHEDULER_TIMEOUT", "soon")
    with pytest.raises(SettingError, match="CLAIMSCOPE_SCHEDULER_TIMEOUT"):
        Settings()
