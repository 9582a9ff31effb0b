"""OIDC federation for CI runners, end to end: ID token file → IAM (a loopback fake) → signed calls.

``Cloud.from_env()`` with ``HUAWEICLOUD_SDK_IDP_ID`` and ``HUAWEICLOUD_SDK_ID_TOKEN_FILE`` exchanges
the ID token through the generated IAM operations (``create_token_with_id_token``, then
``create_temporary_access_key_by_token`` with that token) and signs with the temporary AK/SK and
security token. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from huaweicloud_jobs import Cloud

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"
ID_TOKEN = "eyJ.id-token-from-the-ci-runner.sig"
FEDERATED_TOKEN = "MIIfederated-token"
TEMPORARY = {"access": "AKTEMPORARYTEMPORARY", "secret": "temporary-secret-key", "securitytoken": "sts-token-value"}


class FakeIam(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[str, dict[str, str], Any]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeIam

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.seen.append((self.path, dict(self.headers), body))
        if self.path == "/v3.0/OS-AUTH/id-token/tokens":
            ok = self.headers.get("X-Idp-Id") == "github-oidc" and body["auth"]["id_token"]["id"] == ID_TOKEN
            reply = {"token": {"expires_at": "2099-01-01T00:00:00.000000Z", "methods": ["mapped"]}}
            self._send(201 if ok else 401, reply, {"X-Subject-Token": FEDERATED_TOKEN})
        elif self.path == "/v3.0/OS-CREDENTIAL/securitytokens":
            ok = self.headers.get("X-Auth-Token") == FEDERATED_TOKEN
            reply = {"credential": {**TEMPORARY, "expires_at": "2099-01-01T00:00:00.000000Z"}}
            self._send(201 if ok else 401, reply, {})
        else:
            self._send(404, {"error_msg": "no route"}, {})

    def _send(self, status: int, body: object, headers: dict[str, str]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def iam() -> Iterator[FakeIam]:
    server = FakeIam()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_ci_runner_id_token_becomes_temporary_signing_credentials(iam: FakeIam, tmp_path: Path) -> None:
    token_file = tmp_path / "id-token"
    token_file.write_text(ID_TOKEN)
    environ = {
        "HUAWEICLOUD_SDK_IDP_ID": "github-oidc",
        "HUAWEICLOUD_SDK_ID_TOKEN_FILE": str(token_file),
        "HUAWEICLOUD_SDK_IAM_ENDPOINT": iam.url,
        "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT_ID,
        "HOME": str(tmp_path),
    }
    sent: list[httpx.Request] = []

    def drs(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"status": "success"})

    with Cloud.from_env(region="cn-north-4", environ=environ, transport=httpx.MockTransport(drs)) as cloud:
        assert cloud.drs.stop_job("job-1").status == "success"
        explained = "\n".join(cloud.explain())
        shown = repr(cloud) + explained
    paths = [path for path, _, _ in iam.seen]
    assert paths == ["/v3.0/OS-AUTH/id-token/tokens", "/v3.0/OS-CREDENTIAL/securitytokens"]
    assert iam.seen[0][2]["auth"]["scope"]["project"]["id"] == PROJECT_ID
    (request,) = sent
    assert request.headers["Authorization"].startswith(f"SDK-HMAC-SHA256 Access={TEMPORARY['access']}")
    assert request.headers["X-Security-Token"] == TEMPORARY["securitytoken"]
    assert "federation" in explained.lower() or "idp" in explained.lower()
    for secret in (ID_TOKEN, FEDERATED_TOKEN, TEMPORARY["secret"], TEMPORARY["securitytoken"]):
        assert secret not in shown
