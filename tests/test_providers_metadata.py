"""ECS metadata and OIDC federation providers against a loopback fake metadata server and a fake exchange.

Nothing here may leave the machine: an autouse guard fails any connection that is not to a
loopback address (169.254.169.254 included). Clocks are injected; no test sleeps a second.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from huaweicloud_jobs import (
    Credentials,
    CredentialsError,
    CredentialsNotFoundError,
    FederationCredentialsProvider,
    FederationScope,
    MetadataCredentialsError,
    MetadataCredentialsProvider,
    ProviderAkSkAuth,
    TemporaryCredentials,
)

pytestmark = pytest.mark.usefixtures("loopback_only")  # no test reaches past 127.0.0.1

NOW = 1_800_000_000.0
SECRET = "SECRETsecretSECRETsecret0123456789abcdef"
TOKEN = "STStoken-" + "x" * 40


def test_the_loopback_guard_refuses_the_metadata_address() -> None:
    """What the guard is for: a connection to the real metadata service fails before any packet leaves."""
    for connect in (socket.socket.connect, socket.socket.connect_ex):
        with socket.socket() as sock, pytest.raises(AssertionError, match=r"169\.254\.169\.254"):
            connect(sock, ("169.254.169.254", 80))


def iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class FakeMetadata:
    """The two metadata endpoints, with knobs for the failure modes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.expires_at = NOW + 24 * 3600
        self.serial = 0
        self.token_status = 200
        self.require_token = True
        self.issued_tokens: set[str] = set()
        self.get_status: int | None = None
        self.get_body: bytes | None = None
        self.delay = 0.0
        self.hold: threading.Event | None = None  # set: GETs answer only once it is set (at most 10 s)
        self.holding = 0  # GETs waiting on hold
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def count(self, method: str) -> int:
        return sum(1 for m, _, _ in self.requests if m == method)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _reply(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_PUT(self) -> None:
                with fake.lock:
                    fake.requests.append(("PUT", self.path, dict(self.headers)))
                if self.path != "/meta-data/latest/api/token" or fake.token_status != 200:
                    self._reply(fake.token_status if fake.token_status != 200 else 404, b"")
                    return
                with fake.lock:
                    token = f"api-token-{len(fake.issued_tokens)}"
                    fake.issued_tokens.add(token)
                self._reply(200, token.encode())

            def do_GET(self) -> None:
                with fake.lock:
                    fake.requests.append(("GET", self.path, dict(self.headers)))
                if fake.delay:
                    time.sleep(fake.delay)
                if fake.hold is not None:
                    with fake.lock:
                        fake.holding += 1
                    fake.hold.wait(10)
                    with fake.lock:
                        fake.holding -= 1
                if self.path != "/openstack/latest/securitykey":
                    self._reply(404, b"")
                    return
                if fake.get_status is not None:
                    self._reply(fake.get_status, fake.get_body or b"")
                    return
                if fake.require_token and self.headers.get("X-Metadata-Token") not in fake.issued_tokens:
                    self._reply(401, b"token required")
                    return
                if fake.get_body is not None:
                    self._reply(200, fake.get_body)
                    return
                with fake.lock:
                    fake.serial += 1
                    serial = fake.serial
                body = {
                    "credential": {
                        "access": f"TEMPAK{serial:04d}XYZ",
                        "secret": SECRET,
                        "securitytoken": TOKEN,
                        "expires_at": iso(fake.expires_at),
                    }
                }
                self._reply(200, json.dumps(body).encode())

        return Handler


@pytest.fixture
def metadata() -> Iterator[FakeMetadata]:
    fake = FakeMetadata()
    fake.thread.start()
    try:
        yield fake
    finally:
        fake.server.shutdown()
        fake.server.server_close()


class Clock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- metadata ----------------------------------------------------------------------------------


def test_handshake_put_token_then_get_with_it(metadata: FakeMetadata) -> None:
    provider = MetadataCredentialsProvider(base_url=metadata.url, project_id="p1", clock=Clock())
    credentials = provider.get_credentials()
    assert credentials.ak == "TEMPAK0001XYZ"
    assert credentials.sk == SECRET
    assert credentials.security_token == TOKEN
    assert credentials.project_id == "p1"
    assert provider.expires_at == pytest.approx(metadata.expires_at)
    (put, get) = metadata.requests
    assert put[0] == "PUT" and put[2]["X-Metadata-Token-Ttl-Seconds"] == "21600"
    assert get[0] == "GET" and get[2]["X-Metadata-Token"] == "api-token-0"


def test_older_service_without_token_endpoint(metadata: FakeMetadata) -> None:
    metadata.token_status = 404
    metadata.require_token = False
    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=Clock())
    assert provider.get_credentials().ak == "TEMPAK0001XYZ"
    assert "X-Metadata-Token" not in metadata.requests[-1][2]


def test_expired_session_token_is_renewed_once(metadata: FakeMetadata) -> None:
    clock = Clock()
    metadata.expires_at = NOW + 600
    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=clock)
    provider.get_credentials()
    metadata.issued_tokens.clear()  # the service forgot the session token (ours is still within its TTL)
    clock.now = NOW + 301  # due for refresh
    assert provider.get_credentials().ak == "TEMPAK0002XYZ"
    assert [m for m, _, _ in metadata.requests] == ["PUT", "GET", "GET", "PUT", "GET"]


def test_no_agency_is_a_typed_not_found(metadata: FakeMetadata) -> None:
    metadata.get_status, metadata.get_body = 401, b'{"error": "Please configure Cloud Service Agency first"}'
    with pytest.raises(MetadataCredentialsError, match="no agency"):
        MetadataCredentialsProvider(base_url=metadata.url, clock=Clock()).get_credentials()


def test_cached_until_refresh_margin_then_refreshed(metadata: FakeMetadata) -> None:
    clock = Clock()
    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=clock)
    first = provider.get_credentials()
    clock.now = metadata.expires_at - 40 * 60 - 1  # just before the 40-minute margin
    assert provider.get_credentials() is first
    assert metadata.count("GET") == 1
    clock.now += 2  # inside the margin
    second = provider.get_credentials()
    assert second.ak == "TEMPAK0002XYZ"
    assert metadata.count("GET") == 2
    assert metadata.count("PUT") == 2  # 23 h later the 6-hour session token was renewed too


def test_short_lived_credentials_refresh_at_half_life(metadata: FakeMetadata) -> None:
    clock = Clock()
    metadata.expires_at = NOW + 600
    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=clock)
    provider.get_credentials()
    clock.now = NOW + 299
    provider.get_credentials()
    assert metadata.count("GET") == 1
    clock.now = NOW + 301
    provider.get_credentials()
    assert metadata.count("GET") == 2


def test_failed_early_refresh_keeps_valid_credentials(metadata: FakeMetadata) -> None:
    clock = Clock()
    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=clock)
    first = provider.get_credentials()
    metadata.get_status = 500
    clock.now = metadata.expires_at - 60
    assert provider.get_credentials() is first  # refresh failed, still valid
    clock.now = metadata.expires_at + 1
    with pytest.raises(MetadataCredentialsError, match="HTTP 500"):
        provider.get_credentials()


def test_service_down_fails_fast_with_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    provider = MetadataCredentialsProvider(base_url=closed_port_url(), clock=Clock())
    sent: list[tuple[str, str]] = []
    send = provider._send

    def counted(method: str, path: str, headers: dict[str, str], deadline: float) -> httpx.Response:
        sent.append((method, path))
        return send(method, path, headers, deadline)

    monkeypatch.setattr(provider, "_send", counted)
    with pytest.raises(MetadataCredentialsError, match="failed") as caught:
        provider.get_credentials()
    assert sent == [("PUT", "/meta-data/latest/api/token")]  # fast: the first refused connection ends it
    assert isinstance(caught.value, CredentialsNotFoundError)
    assert isinstance(caught.value, CredentialsError)


def test_slow_service_is_bounded(metadata: FakeMetadata) -> None:
    """The read gives up by its own bounds while the service is still holding the answer back."""
    metadata.hold = threading.Event()
    provider = MetadataCredentialsProvider(base_url=metadata.url, read_timeout=0.1, total_timeout=0.3, clock=Clock())
    try:
        with pytest.raises(MetadataCredentialsError, match="timed out"):
            provider.get_credentials()
        assert metadata.holding == 1, "the error came before the service answered"
    finally:
        metadata.hold.set()


def test_fifty_threads_share_one_fetch(metadata: FakeMetadata) -> None:
    metadata.delay = 0.1
    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=Clock())
    barrier = threading.Barrier(50)
    results: list[Credentials] = []
    errors: list[BaseException] = []

    def work() -> None:
        barrier.wait()
        try:
            results.append(provider.get_credentials())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(results) == 50 and len({id(c) for c in results}) == 1
    assert metadata.count("GET") == 1
    assert provider.fetch_count == 1


def test_fifty_threads_share_one_failure() -> None:
    provider = MetadataCredentialsProvider(base_url=closed_port_url(), clock=Clock())
    barrier = threading.Barrier(50)
    errors: list[BaseException] = []

    def work() -> None:
        barrier.wait()
        try:
            provider.get_credentials()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(errors) == 50 and all(isinstance(e, MetadataCredentialsError) for e in errors)
    assert provider.fetch_count == 1


def test_malformed_response_names_no_secret(metadata: FakeMetadata) -> None:
    metadata.get_body = json.dumps({"credential": {"access": "AK", "secret": SECRET}}).encode()
    with pytest.raises(CredentialsError, match="lacks expires_at") as caught:
        MetadataCredentialsProvider(base_url=metadata.url, clock=Clock()).get_credentials()
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)
    metadata.get_body = b"not json " + SECRET.encode()
    with pytest.raises(CredentialsError, match="not JSON") as caught:
        MetadataCredentialsProvider(base_url=metadata.url, clock=Clock()).get_credentials()
    assert SECRET not in str(caught.value)


def test_temporary_credentials_never_shown(metadata: FakeMetadata, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=Clock())
    credentials = provider.get_credentials()
    temporary = TemporaryCredentials(credentials, NOW)
    for text in (repr(provider), str(credentials), repr(temporary), str(temporary), caplog.text, repr(vars(provider))):
        assert SECRET not in text and TOKEN not in text


def test_provider_auth_signs_with_current_credentials(metadata: FakeMetadata) -> None:
    clock = Clock()
    provider = MetadataCredentialsProvider(base_url=metadata.url, project_id="p1", clock=clock)
    seen: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(200)

    auth = ProviderAkSkAuth(provider)
    with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as client:
        client.get("https://drs.example.test/v3/p1/jobs")
        client.get("https://drs.example.test/v3/p1/jobs")
        clock.now = metadata.expires_at - 60
        client.get("https://drs.example.test/v3/p1/jobs")
    assert "Access=TEMPAK0001XYZ" in seen[0]["Authorization"]
    assert "Access=TEMPAK0001XYZ" in seen[1]["Authorization"]
    assert "Access=TEMPAK0002XYZ" in seen[2]["Authorization"]
    assert seen[0]["X-Security-Token"] == TOKEN and seen[0]["X-Project-Id"] == "p1"
    assert SECRET not in repr(auth)


async def _async_get(auth: ProviderAkSkAuth) -> httpx.Headers:
    seen: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers)
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler), auth=auth) as client:
        await client.get("https://drs.example.test/v3/p1/jobs")
    return seen[0]


def test_provider_auth_in_async_client(metadata: FakeMetadata) -> None:
    import asyncio

    provider = MetadataCredentialsProvider(base_url=metadata.url, clock=Clock())
    headers = asyncio.run(_async_get(ProviderAkSkAuth(provider)))
    assert "Access=TEMPAK0001XYZ" in headers["Authorization"]


# -- federation --------------------------------------------------------------------------------


class FakeExchange:
    def __init__(self, clock: Clock, lifetime: float = 6 * 3600) -> None:
        self.calls: list[tuple[str, str, FederationScope]] = []
        self.clock = clock
        self.lifetime = lifetime

    def __call__(self, id_token: str, idp_id: str, scope: FederationScope) -> TemporaryCredentials:
        self.calls.append((id_token, idp_id, scope))
        credentials = Credentials(ak=f"FEDAK{len(self.calls):04d}XYZ", sk=SECRET, security_token=TOKEN)
        return TemporaryCredentials(credentials, self.clock() + self.lifetime)


def test_federation_reads_the_token_file_fresh_on_each_refresh(tmp_path: Path) -> None:
    clock = Clock()
    exchange = FakeExchange(clock)
    token_file = tmp_path / "id_token"
    token_file.write_text("id-token-1\n")
    provider = FederationCredentialsProvider(
        idp_id="github",
        id_token_file=token_file,
        exchange=exchange,
        iam_endpoint="https://iam.example.test",
        project_id="p1",
        clock=clock,
    )
    first = provider.get_credentials()
    assert first.ak == "FEDAK0001XYZ" and first.project_id == "p1"
    assert exchange.calls[0][:2] == ("id-token-1", "github")
    assert exchange.calls[0][2] == FederationScope("https://iam.example.test", "p1", None, 6 * 3600)
    assert provider.get_credentials() is first
    token_file.write_text("id-token-2")  # the runner rotated it
    clock.now += 6 * 3600 - 40 * 60 + 1
    assert provider.get_credentials().ak == "FEDAK0002XYZ"
    assert exchange.calls[1][0] == "id-token-2"
    assert "id-token" not in repr(provider)


def test_federation_missing_or_empty_token_file(tmp_path: Path) -> None:
    clock = Clock()
    provider = FederationCredentialsProvider(
        idp_id="idp", id_token_file=tmp_path / "absent", exchange=FakeExchange(clock), clock=clock
    )
    with pytest.raises(CredentialsError, match="does not exist"):
        provider.get_credentials()
    (tmp_path / "empty").write_text("  \n")
    provider = FederationCredentialsProvider(
        idp_id="idp", id_token_file=tmp_path / "empty", exchange=FakeExchange(clock), clock=clock
    )
    with pytest.raises(CredentialsError, match="is empty"):
        provider.get_credentials()


def test_federation_exchange_failure_hides_the_id_token(tmp_path: Path) -> None:
    token_file = tmp_path / "id_token"
    token_file.write_text("very-secret-id-token")

    def exchange(id_token: str, idp_id: str, scope: FederationScope) -> TemporaryCredentials:
        raise RuntimeError(f"IAM rejected {id_token}")

    provider = FederationCredentialsProvider(idp_id="idp", id_token_file=token_file, exchange=exchange, clock=Clock())
    with pytest.raises(CredentialsError, match="RuntimeError") as caught:
        provider.get_credentials()
    assert "very-secret-id-token" not in str(caught.value)
    assert caught.value.__cause__ is None
