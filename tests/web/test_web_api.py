"""The JSON API over real HTTP (httpx against uvicorn on 127.0.0.1)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from notelint import Linter
from notelint._models import Output

ROOT = Path(__file__).resolve().parents[2]
CONTEXT = {"interviewers": ["Rita Izaguirre"], "company": "Jackson Spalding"}
NOTE = (
    "Dear Ms. Izaguire,\n\nThank you for the conversation about the food bank rebrand at "
    "Jackson Spalding.\n\nBest,\nAlex\n"
)


@pytest.fixture(scope="module")
def http(base_url: str):
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


def test_check_is_the_cli_json(http: httpx.Client, run_cli) -> None:
    r = http.post("/v1/check", json={"text": NOTE, "context": CONTEXT, "grammar": False})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    got = Output.model_validate_json(r.content)
    with Linter(ignore=["spelling", "grammar"]) as linter:
        want = linter.check(NOTE, context=CONTEXT)
    names = [f for f in got.reports[0].findings if f.rule == "name-misspelled"]
    assert [f.text for f in names] == ["Izaguire"]
    assert got.reports[0] == want
    # the same document as `notelint check --format json -` (path aside)
    front = "---\n" + json.dumps(CONTEXT) + "\n---\n"
    cli = run_cli("check", "--format", "json", "--no-grammar", "-", stdin=front + NOTE)
    cli_report = json.loads(cli.out)["reports"][0]
    assert cli_report["score"] == got.reports[0].score
    assert {f["rule"] for f in cli_report["findings"]} == {f.rule for f in got.reports[0].findings}


def test_fix_all_safe_and_one_chosen_fix(http: httpx.Client) -> None:
    r = http.post("/v1/fix", json={"text": NOTE, "context": CONTEXT, "grammar": False})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["text"].startswith("Dear Ms. Izaguirre,") and body["applied"] == 1
    assert not [
        f for f in body["output"]["reports"][0]["findings"] if f["rule"] == "name-misspelled"
    ]
    one = {"start": 9, "end": 17, "replacement": "Izaguirre", "applicability": "safe"}
    r = http.post(
        "/v1/fix", json={"text": NOTE, "context": CONTEXT, "grammar": False, "fixes": [one]}
    )
    assert r.json()["text"] == NOTE.replace("Izaguire,", "Izaguirre,") and r.json()["applied"] == 1


def test_rules_and_health(http: httpx.Client) -> None:
    rules = http.get("/v1/rules").json()
    assert {"id", "severity", "summary", "fixable"} <= set(rules[0])
    assert "name-misspelled" in {r["id"] for r in rules}
    assert http.get("/healthz").json() == {"status": "ok", "version": "0.1.0", "grammar": False}


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 400, "E010"),
        ({"text": "   \n"}, 400, "E010"),
        ({"text": "---\ninterviewers: [Rita\n---\nHi.\n"}, 400, "E004"),
        ({"text": "---\ninterviewers: [Rita]\nHi.\n"}, 400, "E009"),
        ({"text": "a\x00b"}, 400, "E002"),
        ({"text": "x" * 1_000_001}, 413, "E003"),
        ({}, 422, "U002"),
        ({"text": 5}, 422, "U002"),
        ({"text": "Hi", "unknown": 1}, 422, "U002"),
        ({"text": "Hi", "context": "not a mapping"}, 422, "U002"),
        ({"text": "Hi Rita.", "fixes": [{"start": 0, "end": 99, "replacement": "x"}]}, 400, "E011"),
    ],
)
def test_bad_input_is_a_coded_4xx(http: httpx.Client, body: dict, status: int, code: str) -> None:
    path = "/v1/fix" if "fixes" in body else "/v1/check"
    r = http.post(path, json=body)
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["code"] == code and code in err["message"]
    assert "Traceback" not in r.text and "\n" not in err["message"]


def test_not_json_too_large_and_unknown_paths(http: httpx.Client) -> None:
    r = http.post("/v1/check", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "U002"
    r = http.post("/v1/check", content=b"x" * 4_000_001)
    assert r.status_code == 413 and r.json()["error"]["code"] == "E003"

    def chunks():
        for _ in range(5):
            yield b"x" * 1_000_000

    r = http.post("/v1/check", content=chunks())  # no Content-Length: counted as it arrives
    assert r.status_code == 413
    assert http.get("/v1/nothing").status_code == 404
    assert http.get("/v1/check").status_code == 405


def test_context_problems_are_the_callers_error(http: httpx.Client) -> None:
    """An unknown context key is the caller's mistake, as in the library (ContextError U003):
    a 400 with the code and a did-you-mean; front matter inside the text stays a finding."""
    r = http.post(
        "/v1/check", json={"text": NOTE, "context": {"chanel": "email"}, "grammar": False}
    )
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "U003"
    assert "did you mean 'channel'" in r.json()["error"]["message"]
    r = http.post("/v1/check", json={"text": "---\nchanel: email\n---\n" + NOTE, "grammar": False})
    assert r.status_code == 200
    assert "front-matter" in {f["rule"] for f in r.json()["reports"][0]["findings"]}


def test_page_and_assets_are_local(http: httpx.Client) -> None:
    page = http.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/app.css"):
        assert http.get(asset).status_code == 200
    html = page.text
    assert "http://" not in html and "https://" not in html  # no CDN


def test_openapi_schema_is_committed() -> None:
    from notelint._web._app import openapi_json

    committed = (ROOT / "docs" / "schema" / "openapi.json").read_text(encoding="utf-8")
    assert committed == openapi_json(), "run `make docs` to regenerate docs/schema/openapi.json"


def test_loopback_hosts() -> None:
    from notelint._web import is_loopback

    assert all(map(is_loopback, ["127.0.0.1", "127.3.4.5", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.2", "::", "example.org"]))


def test_serve_warns_for_a_non_loopback_host(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    import uvicorn

    from notelint._web import serve

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    err = io.StringIO()
    assert serve(host="0.0.0.0", port=8765, grammar=False, err=err) == 0
    assert "warning: --host 0.0.0.0 is not a loopback address" in err.getvalue()
    assert calls == [{"host": "0.0.0.0", "port": 8765, "log_level": "warning"}]
    err = io.StringIO()
    serve(grammar=False, err=err)
    assert "warning" not in err.getvalue() and calls[-1]["host"] == "127.0.0.1"


def test_cli_serve_openapi_and_bad_port(run_cli) -> None:
    r = run_cli("serve", "--openapi")
    assert r.code == 0 and json.loads(r.out)["info"]["title"] == "notelint"
    r = run_cli("serve", "--port", "99999")
    assert r.code == 2 and "U002" in r.err and r.err.count("\n") == 1
