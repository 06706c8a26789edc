"""Each security promise of ``dossier serve``, tested on its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.datastructures import UploadFile

from dossier.errors import UsageError
from dossier.ingest.addresses import VettedTransport
from dossier.ingest.fetch import Fetcher
from dossier.web import ServeSettings, create_app
from dossier.web.settings import is_loopback
from ingest.local_server import Page, local_server

TOKEN = "a-long-enough-test-token-1234"


def test_every_response_carries_a_strict_policy_and_the_usual_headers(client: TestClient) -> None:
    for path in ("/", "/add", "/jobs", "/static/app.js", "/openapi.json", "/missing"):
        headers = client.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        script = next(part for part in policy.split("; ") if part.startswith("script-src"))
        assert "'unsafe-inline'" not in script and "'nonce-" in script
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
        assert headers["x-frame-options"] == "DENY"


def test_the_nonce_is_new_for_each_response_and_inline_scripts_carry_it(client: TestClient) -> None:
    first, second = client.get("/"), client.get("/")
    assert first.headers["content-security-policy"] != second.headers["content-security-policy"]
    nonce = first.headers["content-security-policy"].split("'nonce-")[1].split("'")[0]
    assert first.text.count("<script") == first.text.count(f'nonce="{nonce}"') == 1


def test_binding_beyond_loopback_needs_a_token(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="token"):
        ServeSettings(db=tmp_path / "x.db", host="0.0.0.0")
    with pytest.raises(UsageError, match="at least"):
        ServeSettings(db=tmp_path / "x.db", host="0.0.0.0", token="short")
    assert ServeSettings(db=tmp_path / "x.db", host="0.0.0.0", token=TOKEN).token == TOKEN
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def test_with_a_token_every_request_needs_it(demo_db: Path) -> None:
    app = create_app(ServeSettings(db=demo_db, host="0.0.0.0", token=TOKEN))
    with TestClient(app) as client:
        for path in ("/", "/static/app.css", "/openapi.json", "/stories/x"):
            assert client.get(path).status_code == 401
        assert client.get("/", headers={"Authorization": "Bearer wrong-token-wrong-token"}).status_code == 401
        assert client.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert client.get("/", headers={"X-Dossier-Token": TOKEN}).status_code == 200
        # ?token= once sets a cookie, and the browser needs nothing more after that.
        first = client.get(f"/?token={TOKEN}")
        assert first.status_code == 200 and "HttpOnly" in first.headers["set-cookie"]
        assert client.get("/jobs").status_code == 200


def test_a_post_without_the_csrf_token_is_refused(client: TestClient) -> None:
    response = client.post("/add", data={"text": "Title\n\nSome words about a pier."})
    assert response.status_code == 403
    wrong = client.post("/add", data={"text": "Title\n\nWords.", "csrf": "0" * 64})
    assert wrong.status_code == 403


def test_a_cross_site_post_is_refused_before_the_form_is_read(client: TestClient, app: FastAPI) -> None:
    response = client.post(
        "/add",
        data={"text": "Title\n\nWords.", "csrf": app.state.csrf.token()},
        headers={"Origin": "https://elsewhere.example"},
    )
    assert response.status_code == 403


def test_a_body_over_the_cap_gets_413(client: TestClient, app: FastAPI) -> None:
    big = "x" * 300_000
    response = client.post("/add", data={"text": big, "csrf": app.state.csrf.token()})
    assert response.status_code == 413


def test_a_streamed_body_over_the_cap_gets_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap is enforced while reading
        for _ in range(50):
            yield b"y" * 10_000

    headers = {"Content-Type": "multipart/form-data; boundary=b"}
    response = client.post("/add", content=chunks(), headers=headers)
    assert response.status_code == 413


def test_a_malformed_length_gets_400(client: TestClient) -> None:
    response = client.post("/add", content=b"abc", headers={"Content-Length": "3x"})
    assert response.status_code == 400


def test_too_many_files_or_too_large_a_file_is_refused(client: TestClient, app: FastAPI) -> None:
    csrf = app.state.csrf.token()
    files = [("files", (f"a{n}.txt", b"Title\n\nWords about a pier.", "text/plain")) for n in range(5)]
    assert client.post("/add", data={"csrf": csrf}, files=files).status_code == 400
    large = [("files", ("big.txt", b"w " * 40_000, "text/plain"))]
    assert client.post("/add", data={"csrf": csrf}, files=large).status_code == 413


def test_every_uploaded_file_is_closed_whether_the_upload_is_taken_or_refused(
    client: TestClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[str | None] = []
    original = UploadFile.close

    async def counting_close(upload: UploadFile) -> None:
        closed.append(upload.filename)
        await original(upload)

    monkeypatch.setattr(UploadFile, "close", counting_close)
    csrf = app.state.csrf.token()
    too_large = [("files", ("big.txt", b"w " * 40_000, "text/plain"))]
    assert client.post("/add", data={"csrf": csrf}, files=too_large).status_code == 413
    wrong_token = [("files", ("pier.txt", b"Title\n\nWords about a pier.", "text/plain"))]
    assert client.post("/add", data={"csrf": "stale"}, files=wrong_token).status_code == 403
    assert closed == ["big.txt", "pier.txt"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/feed.xml",
        "http://localhost:8000/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://[::1]/",
        "file:///etc/passwd",
        "javascript:alert(1)",
    ],
)
def test_private_addresses_and_non_http_urls_are_refused(client: TestClient, app: FastAPI, url: str) -> None:
    response = client.post("/add", data={"url": url, "csrf": app.state.csrf.token()}, follow_redirects=False)
    assert response.status_code == 400


def test_allow_private_lets_a_loopback_url_be_queued(demo_db: Path) -> None:
    app = create_app(ServeSettings(db=demo_db, allow_private=True))
    with TestClient(app) as client:
        response = client.post(
            "/add?format=json",
            data={"url": "http://127.0.0.1:9/feed.xml", "csrf": app.state.csrf.token()},
        )
        assert response.status_code == 202
        assert app.state.jobs.wait_idle(60)
        job = app.state.jobs.get(response.json()["id"])
        # Nothing listens there: the fetch fails, and the job says so instead of crashing.
        assert job is not None and job.finished and job.state == "failed"
        assert job.failures and "127.0.0.1" in job.failures[0].source


def test_the_cli_refuses_a_public_bind_without_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.cli import main

    monkeypatch.delenv("DOSSIER_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "x.db"), "--host", "0.0.0.0"]) == 2


def intranet_resolver(host: str, port: int) -> list[str]:
    """DNS as the tests see it: ``intranet.test`` is this machine, and no other name resolves."""
    return ["127.0.0.1"] if host == "intranet.test" else []


class FirstHopTransport(httpx.BaseTransport):
    """Requests for ``news.test`` go to the local test server: the one loopback hop the test allows.

    Every other host goes through the app's real :class:`VettedTransport`, whose resolver knows one name,
    ``intranet.test``, as 127.0.0.1; so a redirect to it is checked where the connection would be made.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.vetted = VettedTransport(resolver=intranet_resolver)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.test":
            local_url = request.url.copy_with(host="127.0.0.1", port=self.port)
            with httpx.Client(trust_env=False) as local:
                answer = local.get(local_url, headers={"Host": "news.test"})
            # Answered as from news.test, so a relative redirect stays on news.test.
            return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)
        return self.vetted.handle_request(request)

    def close(self) -> None:
        self.vetted.close()


PIER_PAGE = Page(
    b"<html><head><title>Harbour board moves the ferry pier</title></head><body><article><p>The harbour "
    b"board of Wrenmouth agreed on Monday to move the ferry pier two hundred metres east, after winter "
    b"storms cracked its pilings twice in one season, a board spokeswoman said.</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://127.0.0.1:{port}/secret", "loopback"),
        ("http://localhost:{port}/secret", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.0.0.5/secret", "private"),
        ("http://intranet.test:{port}/secret", "loopback"),  # a name, refused where it would connect
    ],
)
def test_a_redirect_to_a_private_address_is_refused_and_nothing_is_stored(
    tmp_path: Path, target: str, reason: str
) -> None:
    routes = {"/secret": PIER_PAGE}  # read on each request: the redirect is added once the port is known
    with local_server(routes) as server:
        location = target.format(port=server.port)
        routes["/story"] = Page(b"moved", status=302, headers=(("Location", location),))
        with Fetcher(transport=FirstHopTransport(server.port)) as fetcher:
            app = create_app(ServeSettings(db=tmp_path / "empty.db"), fetcher=fetcher)
            with TestClient(app) as client:
                job = add_url(client, app, f"http://news.test:{server.port}/story")
                listing = client.get("/?format=json").json()
        assert server.requested == ["/story"]  # the first hop only: the private target was never reached
    assert job["state"] == "failed" and job["added"] == 0
    [failure] = job["failures"]
    assert failure["error"] == "BlockedAddressError"
    assert f"{reason} address" in failure["reason"] and "--allow-private" in failure["reason"]
    assert listing["articles"] == 0 and listing["total"] == 0


def test_a_redirect_to_a_public_page_is_followed_and_stored(tmp_path: Path) -> None:
    """The control for the test above: the same route, redirecting within news.test, adds the article."""
    routes = {"/story": Page(b"moved", status=302, headers=(("Location", "/pier"),)), "/pier": PIER_PAGE}
    with local_server(routes) as server:
        with Fetcher(transport=FirstHopTransport(server.port)) as fetcher:
            app = create_app(ServeSettings(db=tmp_path / "empty.db"), fetcher=fetcher)
            with TestClient(app) as client:
                job = add_url(client, app, f"http://news.test:{server.port}/story")
                listing = client.get("/?format=json").json()
        assert server.requested == ["/story", "/pier"]
    assert job["state"] == "done" and job["added"] == 1 and not job["failures"]
    assert listing["articles"] == 1


def add_url(client: TestClient, app: FastAPI, url: str) -> dict[str, Any]:
    """Post ``url`` to the add-articles form, wait for its job, and return the job's JSON twin."""
    response = client.post("/add?format=json", data={"url": url, "csrf": app.state.csrf.token()})
    assert response.status_code == 202, response.text
    assert app.state.jobs.wait_idle(120)
    job: dict[str, Any] = client.get(f"/jobs/{response.json()['id']}?format=json").json()
    return job
