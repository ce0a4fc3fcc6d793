"""The workbench's frame: headers on every answer, JSON errors, the write-token rule."""

from __future__ import annotations

import pytest
from fastapi import Depends
from fastapi.testclient import TestClient

from claimscope.settings import Settings
from claimscope.web.app import create_app
from claimscope.web.config import WebConfig
from claimscope.web.deps import require_token


def _client(tmp_path, token=None) -> TestClient:
    settings = Settings()
    settings.db = str(tmp_path / "claimscope.db")
    app = create_app(settings, WebConfig(token=token, load_pipeline=False))

    @app.post("/api/v1/_probe", dependencies=[Depends(require_token)])
    def probe() -> dict:  # a write route of the test's own, to exercise the real dependency
        return {"ok": True}

    return TestClient(app)


def test_every_answer_carries_the_csp_without_inline_script(tmp_path):
    with _client(tmp_path) as client:
        answer = client.get("/openapi.json")
    assert answer.status_code == 200
    csp = answer.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_an_unknown_api_route_is_a_json_error(tmp_path):
    with _client(tmp_path) as client:
        answer = client.get("/api/v1/no-such-thing")
    assert answer.status_code == 404
    assert set(answer.json()) == {"code", "message"}


@pytest.mark.parametrize("token, header, status, code", [
    (None, "Bearer anything", 403, "E501"),
    ("s3cret", None, 401, "E502"),
    ("s3cret", "Bearer s3cre", 401, "E502"),
    ("s3cret", "Basic s3cret", 401, "E502"),
    ("s3cret", "Bearer s3cret", 200, None),
])
def test_write_routes_need_the_configured_token(tmp_path, token, header, status, code):
    headers = {"Authorization": header} if header else {}
    with _client(tmp_path, token) as client:
        answer = client.post("/api/v1/_probe", headers=headers)
    assert answer.status_code == status
    if code:
        assert answer.json()["code"] == code


def test_an_oversized_body_is_refused_before_it_is_read(tmp_path):
    settings = Settings()
    settings.db = str(tmp_path / "claimscope.db")
    app = create_app(settings, WebConfig(load_pipeline=False, max_body_bytes=100))
    with TestClient(app) as client:
        answer = client.post("/api/v1/documents", content=b"x" * 101)
    assert answer.status_code == 413 and answer.json()["code"] == "E504"
