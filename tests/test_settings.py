"""Settings from the environment: good values are read, bad ones are errors naming the variable."""

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
