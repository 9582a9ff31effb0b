"""IAM tokens against a real local HTTP server that plays IAM and a token-checking service.

The server runs on 127.0.0.1 in a thread. ``/v3/auth/tokens`` issues tokens (counting
requests, recording bodies, optionally slow, failing or short-lived); ``/service`` answers
200 for tokens IAM issued and 401 for revoked or unknown ones. Token expiry follows a fake
clock shared by the test, the server and the provider, so no test sleeps to expire a token.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from huaweicloud_jobs import (
    AuthenticationError,
    ClientTimeoutError,
    ConnectionFailedError,
    Credentials,
    CredentialsError,
    EndpointError,
    HuaweiCloudJobsError,
    IamTokenProvider,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    StaticTokenAuth,
    TokenAuth,
)

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"
PASSWORD = "Pa55w0rd-very-secret"
SK = "SKsecretSKsecretSKsecretSKsecret00000000"
AK = "AKTESTTESTTESTTEST00"
START = 1_790_000_000.0  # 2026-09-21, the fake clock's start
IAM_401 = b'{"error_code": "IAM.0004", "error_msg": "The username or password is wrong."}'


class FakeClock:
    """The provider's clock; the server reads it too, so expiry times are consistent."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@dataclass
class IamState:
    clock: FakeClock
    lifetime: float = 86_400.0  # IAM tokens live 24 h
    delay: float = 0.0  # seconds to wait before answering a token request
    reply: tuple[int, bytes] | None = None  # a canned (status, body) instead of a token
    send_header: bool = True
    expires_at: str | None = None  # a canned token.expires_at
    token_body: bytes | None = None  # a canned body for the 201 (still with X-Subject-Token)
    bodies: list[dict[str, Any]] = field(default_factory=list)
    queries: list[dict[str, list[str]]] = field(default_factory=list)
    issued: list[str] = field(default_factory=list)
    revoked: set[str] = field(default_factory=set)
    service_tokens: list[str | None] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def token_requests(self) -> int:
        return len(self.bodies)


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        state = self.server.state
        url = urlsplit(self.path)
        if url.path != "/v3/auth/tokens":
            self._send(404, b'{"error_msg": "no such path"}')
            return
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.headers["Content-Type"] == "application/json"
        assert "X-Auth-Token" not in self.headers
        with state.lock:
            state.bodies.append(body)
            state.queries.append(parse_qs(url.query))
            token = f"MIIsecret-token-{len(state.bodies):04d}"
        if state.delay:
            time.sleep(state.delay)
        if state.reply is not None:
            self._send(*state.reply)
            return
        with state.lock:
            state.issued.append(token)
        now = state.clock.now
        expires_at = state.expires_at or _iso(now + state.lifetime)
        methods = body["auth"]["identity"]["methods"]
        reply = {"token": {"expires_at": expires_at, "issued_at": _iso(now), "methods": methods}}
        headers = {"X-Subject-Token": token} if state.send_header else {}
        self._send(201, state.token_body or json.dumps(reply).encode(), headers)

    def do_GET(self) -> None:
        state = self.server.state
        if self.path != "/service":
            self._send(404, b'{"error_msg": "no such path"}')
            return
        token = self.headers.get("X-Auth-Token")
        with state.lock:
            state.service_tokens.append(token)
            valid = token in state.issued and token not in state.revoked
        if not valid:
            self._send(401, b'{"error_code": "APIG.1002", "error_msg": "Incorrect token or token resolution failed"}')
            return
        self._send(200, b'{"ok": true}')


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: IamState) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.state = state

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def iam(clock: FakeClock) -> Iterator[FakeServer]:
    server = FakeServer(IamState(clock))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def password_provider(iam: FakeServer, clock: FakeClock, **options: Any) -> IamTokenProvider:
    options.setdefault("project_id", PROJECT_ID)
    options.setdefault("retry", RetryPolicy.disabled())  # retries through the transport: test_iam_503_is_retried
    return IamTokenProvider(
        iam.url,
        user_name="alice",
        password=PASSWORD,
        domain_name="example-domain",
        clock=clock,
        allow_http=True,
        **options,
    )


def aksk_provider(iam: FakeServer, clock: FakeClock, **options: Any) -> IamTokenProvider:
    credentials = options.pop("credentials", Credentials(AK, SK))
    options.setdefault("retry", RetryPolicy.disabled())
    return IamTokenProvider(iam.url, credentials=credentials, clock=clock, allow_http=True, **options)


# -- request shape and caching -------------------------------------------------------------------


def test_password_identity_body_and_caching(iam: FakeServer, clock: FakeClock) -> None:
    with password_provider(iam, clock) as provider:
        first = provider.get_token()
        second = provider.get_token()
    assert first == second == "MIIsecret-token-0001"
    assert iam.state.token_requests == 1
    assert iam.state.queries == [{"nocatalog": ["true"]}]
    assert iam.state.bodies[0] == {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {"user": {"name": "alice", "password": PASSWORD, "domain": {"name": "example-domain"}}},
            },
            "scope": {"project": {"id": PROJECT_ID}},
        }
    }


def test_aksk_identity_body_with_project_name(iam: FakeServer, clock: FakeClock) -> None:
    with aksk_provider(iam, clock, project_name="cn-north-4") as provider:
        assert provider.get_token() == "MIIsecret-token-0001"
    assert iam.state.bodies[0] == {
        "auth": {
            "identity": {"methods": ["hw_ak_sk"], "hw_ak_sk": {"access": {"key": AK}, "secret": {"key": SK}}},
            "scope": {"project": {"name": "cn-north-4"}},
        }
    }


def test_aksk_project_id_defaults_to_the_credentials_project(iam: FakeServer, clock: FakeClock) -> None:
    with aksk_provider(iam, clock, credentials=Credentials(AK, SK, project_id=PROJECT_ID)) as provider:
        provider.get_token()
    assert iam.state.bodies[0]["auth"]["scope"] == {"project": {"id": PROJECT_ID}}


# -- refresh ---------------------------------------------------------------------------------------


def test_refreshes_refresh_margin_before_expiry(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.lifetime = 3600
    with password_provider(iam, clock, refresh_margin=300) as provider:
        first = provider.get_token()
        clock.now = START + 3600 - 301  # not yet within the margin
        assert provider.get_token() == first
        assert iam.state.token_requests == 1
        clock.now = START + 3600 - 299  # within the margin: refresh
        second = provider.get_token()
        assert second != first
        assert iam.state.token_requests == 2
        assert provider.get_token() == second
        assert iam.state.token_requests == 2


def test_short_lived_tokens_refresh_at_half_life(iam: FakeServer, clock: FakeClock) -> None:
    """A 60 s token with a 300 s margin must not be fetched anew on every call."""
    iam.state.lifetime = 60
    with password_provider(iam, clock, refresh_margin=300) as provider:
        first = provider.get_token()
        clock.now += 29
        assert provider.get_token() == first
        clock.now += 2
        assert provider.get_token() != first
    assert iam.state.token_requests == 2


def test_failed_early_refresh_keeps_the_valid_token(
    iam: FakeServer, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    iam.state.lifetime = 3600
    with password_provider(iam, clock, refresh_margin=300) as provider:
        first = provider.get_token()
        iam.state.reply = (503, b'{"error_code": "IAM.0500", "error_msg": "busy"}')
        clock.now = START + 3600 - 200
        with caplog.at_level(logging.WARNING, logger="huaweicloud_jobs"):
            assert provider.get_token() == first  # IAM failed, the token is still valid
        assert "token refresh failed" in caplog.text
        assert provider.get_token() == first  # backing off: no request storm while IAM is down
        assert iam.state.token_requests == 2
        iam.state.reply = None
        clock.now += 31
        assert provider.get_token() != first
        assert iam.state.token_requests == 3
        iam.state.reply = (503, b'{"error_code": "IAM.0500", "error_msg": "busy"}')
        clock.now += 86_400  # the current token has expired: now the failure surfaces
        with pytest.raises(ServerError):
            provider.get_token()


def test_invalidate_drops_only_the_current_token(iam: FakeServer, clock: FakeClock) -> None:
    with password_provider(iam, clock) as provider:
        first = provider.get_token()
        provider.invalidate("some-older-token")
        assert provider.get_token() == first
        assert iam.state.token_requests == 1
        provider.invalidate(first)
        assert provider.get_token() != first
        assert iam.state.token_requests == 2


def test_async_get_token_caches_and_works_across_event_loops(iam: FakeServer, clock: FakeClock) -> None:
    provider = password_provider(iam, clock)

    async def twice() -> tuple[str, str]:
        return await provider.aget_token(), await provider.aget_token()

    first = asyncio.run(twice())
    provider.invalidate(first[0])
    second = asyncio.run(twice())  # a new loop: a new asyncio.Lock, a new AsyncClient
    asyncio.run(provider.aclose())
    assert first[0] == first[1] != second[0] == second[1]
    assert iam.state.token_requests == 2


# -- the auth flow: X-Auth-Token and 401 handling ------------------------------------------------


def test_auth_sets_token_and_retries_once_after_401(iam: FakeServer, clock: FakeClock) -> None:
    provider = password_provider(iam, clock)
    with httpx.Client(base_url=iam.url, auth=TokenAuth(provider)) as client:
        assert client.get("/service").status_code == 200
        first = iam.state.issued[0]
        iam.state.revoked.add(first)  # the service now rejects the cached token
        response = client.get("/service")
        assert response.status_code == 200
        assert [r.status_code for r in response.history] == [401]
        second = iam.state.issued[1]
        assert iam.state.service_tokens == [first, first, second]
        assert iam.state.token_requests == 2  # exactly one refresh
        assert client.get("/service").status_code == 200
        assert iam.state.token_requests == 2
    provider.close()


def test_auth_returns_the_second_401(iam: FakeServer, clock: FakeClock) -> None:
    provider = password_provider(iam, clock)
    iam.state.revoked = _RevokeAll()
    with httpx.Client(base_url=iam.url, auth=TokenAuth(provider)) as client:
        response = client.get("/service")
    assert response.status_code == 401
    assert iam.state.token_requests == 2
    assert len(iam.state.service_tokens) == 2
    provider.close()


class _RevokeAll(set[str]):
    def __contains__(self, item: object) -> bool:
        return True


def test_async_auth_retries_once_after_401(iam: FakeServer, clock: FakeClock) -> None:
    provider = password_provider(iam, clock)

    async def run() -> None:
        async with httpx.AsyncClient(base_url=iam.url, auth=TokenAuth(provider)) as client:
            assert (await client.get("/service")).status_code == 200
            iam.state.revoked.add(iam.state.issued[0])
            responses = await asyncio.gather(*(client.get("/service") for _ in range(10)))
            assert all(r.status_code == 200 for r in responses)

    asyncio.run(run())
    # Ten requests rejected with the same revoked token still cause one refresh.
    assert iam.state.token_requests == 2


def test_static_token_auth(iam: FakeServer, clock: FakeClock) -> None:
    token = password_provider(iam, clock).get_token()
    auth = StaticTokenAuth(token)
    assert repr(auth) == str(auth) == "StaticTokenAuth(token='***')"
    with httpx.Client(base_url=iam.url, auth=auth) as client:
        assert client.get("/service").status_code == 200
    assert iam.state.service_tokens == [token]
    for bad in ("", "tok\n", "tok en"):
        with pytest.raises(CredentialsError):
            StaticTokenAuth(bad)


# -- concurrency -------------------------------------------------------------------------------


def test_threads_share_one_iam_request(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.delay = 0.2  # every thread arrives while the first request is in flight
    provider = password_provider(iam, clock)
    barrier = threading.Barrier(50)
    results: list[str] = []

    def worker() -> None:
        barrier.wait()
        results.append(provider.get_token())

    threads = [threading.Thread(target=worker) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    provider.close()
    assert iam.state.token_requests == 1
    assert results == ["MIIsecret-token-0001"] * 50


def test_threads_waiting_on_a_failed_refresh_share_its_failure(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.delay = 0.2
    iam.state.reply = (500, b'{"error_code": "IAM.0500", "error_msg": "internal error"}')
    provider = password_provider(iam, clock)
    barrier = threading.Barrier(20)
    errors: list[BaseException] = []

    def worker() -> None:
        barrier.wait()
        try:
            provider.get_token()
        except HuaweiCloudJobsError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert iam.state.token_requests == 1
    assert len(errors) == 20
    assert all(isinstance(e, ServerError) and e.error_code == "IAM.0500" for e in errors)
    assert len({id(e) for e in errors}) == 20  # each thread raised its own copy
    # A later caller tries again rather than inheriting an old failure.
    iam.state.reply, iam.state.delay = None, 0.0
    assert provider.get_token()
    assert iam.state.token_requests == 2
    provider.close()


def test_tasks_share_one_iam_request(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.delay = 0.2
    provider = password_provider(iam, clock)

    async def run() -> list[str]:
        return await asyncio.gather(*(provider.aget_token() for _ in range(50)))

    assert asyncio.run(run()) == ["MIIsecret-token-0001"] * 50
    assert iam.state.token_requests == 1


# -- IAM failures --------------------------------------------------------------------------------


def test_iam_401_raises_authentication_error(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.reply = (401, IAM_401)
    with password_provider(iam, clock) as provider, pytest.raises(AuthenticationError) as caught:
        provider.get_token()
    error = caught.value
    assert error.error_code == "IAM.0004"
    assert (error.service, error.operation, error.status_code) == ("iam", "create_token", 401)
    assert str(error) == "401 IAM.0004: The username or password is wrong. (iam create_token)"


def test_async_iam_401_raises_authentication_error(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.reply = (401, IAM_401)
    provider = aksk_provider(iam, clock, project_id=PROJECT_ID)
    with pytest.raises(AuthenticationError) as caught:
        asyncio.run(provider.aget_token())
    assert caught.value.error_code == "IAM.0004"


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ({"send_header": False}, "X-Subject-Token response header is missing"),
        ({"expires_at": "next tuesday"}, "token.expires_at is not an ISO 8601 time: 'next tuesday'"),
        ({"token_body": b"<html>proxy</html>"}, "JSONDecodeError"),
        ({"token_body": b'{"token": {}}'}, "'token.expires_at': expected a required field, it is missing"),
        ({"token_body": b'{"token": {"expires_at": 5}}'}, "expected a string"),
    ],
)
def test_unusable_iam_responses_raise_response_validation_error(
    iam: FakeServer, clock: FakeClock, setup: dict[str, Any], reason: str
) -> None:
    for name, value in setup.items():
        setattr(iam.state, name, value)
    with password_provider(iam, clock) as provider, pytest.raises(ResponseValidationError) as caught:
        provider.get_token()
    assert reason in caught.value.reason
    assert (caught.value.service, caught.value.operation) == ("iam", "create_token")


def test_connection_refused_raises_connection_failed(clock: FakeClock) -> None:
    server = FakeServer(IamState(clock))
    url = server.url
    server.server_close()  # nothing listens on this port any more
    provider = IamTokenProvider(url, credentials=Credentials(AK, SK), project_id=PROJECT_ID, allow_http=True)
    with pytest.raises(ConnectionFailedError) as caught:
        provider.get_token()
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    with pytest.raises(ConnectionFailedError):
        asyncio.run(provider.aget_token())


def test_slow_iam_raises_client_timeout(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.delay = 0.5
    with password_provider(iam, clock, timeout=0.1) as provider, pytest.raises(ClientTimeoutError) as caught:
        provider.get_token()
    assert isinstance(caught.value.__cause__, httpx.TimeoutException)


# -- construction -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"project_id": PROJECT_ID}, id="no identity"),
        pytest.param({"user_name": "alice", "password": PASSWORD, "project_id": PROJECT_ID}, id="no domain"),
        pytest.param({"credentials": Credentials(AK, SK), "user_name": "alice", "project_id": PROJECT_ID}, id="both"),
        pytest.param({"credentials": Credentials(AK, SK), "project_id": "p", "project_name": "n"}, id="two scopes"),
        pytest.param({"credentials": Credentials(AK, SK)}, id="no project"),
    ],
)
def test_bad_identity_or_scope_is_refused(options: dict[str, Any]) -> None:
    with pytest.raises(CredentialsError) as caught:
        IamTokenProvider("https://iam.cn-north-4.myhuaweicloud.com", **options)
    assert PASSWORD not in str(caught.value) and SK not in str(caught.value)


def test_plain_http_and_bad_settings_are_refused() -> None:
    identity: dict[str, Any] = {"credentials": Credentials(AK, SK), "project_id": PROJECT_ID}
    with pytest.raises(EndpointError):
        IamTokenProvider("http://iam.example.com", **identity)
    with pytest.raises(ValueError, match="refresh_margin"):
        IamTokenProvider("https://iam.example.com", refresh_margin=-1, **identity)
    with pytest.raises(ValueError, match="timeout"):
        IamTokenProvider("https://iam.example.com", timeout=0, **identity)


# -- secrets -----------------------------------------------------------------------------------


def test_no_secret_in_repr_str_exceptions_or_logs(
    iam: FakeServer, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    password = password_provider(iam, clock)
    aksk = aksk_provider(iam, clock, project_id=PROJECT_ID)
    auth = TokenAuth(password)
    errors: list[BaseException] = []
    with httpx.Client(base_url=iam.url, auth=auth) as client:
        client.get("/service")
        iam.state.revoked.add(iam.state.issued[0])
        client.get("/service")  # 401, refresh, retry
    aksk.get_token()
    asyncio.run(aksk.aget_token())
    iam.state.reply = (401, IAM_401)
    for provider in (password, aksk):
        provider.invalidate(provider.get_token())
        with pytest.raises(AuthenticationError) as caught:
            provider.get_token()
        errors.append(caught.value)
    iam.state.reply = None
    iam.state.send_header = False
    password.invalidate(iam.state.issued[-1])
    with pytest.raises(ResponseValidationError) as invalid:
        password.get_token()
    errors.append(invalid.value)

    texts = [repr(password), str(password), repr(aksk), str(aksk), repr(auth), str(auth)]
    texts += [f"{e!s} {e!r} {e.args!r} {getattr(e, 'body', b'')!r}" for e in errors]
    tokens = iam.state.issued
    assert len(tokens) >= 4
    for text in texts:
        for secret in (PASSWORD, SK, *tokens):
            assert secret not in text
    assert "password='***'" in repr(password) and "sk='***'" in repr(aksk)

    records = [(r.name, r.getMessage()) for r in caplog.records]
    assert any(name == "huaweicloud_jobs" for name, _ in records)
    for name, message in records:
        assert PASSWORD not in message and SK not in message
        # httpcore's DEBUG trace prints raw response headers, X-Subject-Token included; that
        # is third-party logging the library cannot reach (see the _tokens docstring).
        if not name.startswith("httpcore"):
            for token in tokens:
                assert token not in message, name
    for provider in (password, aksk):
        provider.close()


def test_iam_503_is_retried_through_the_transport(iam: FakeServer, clock: FakeClock) -> None:
    iam.state.reply = (503, b'{"error_code": "IAM.0500", "error_msg": "busy"}')
    with password_provider(iam, clock, retry=RetryPolicy(max_attempts=3, initial_backoff=0.0)) as provider:
        with pytest.raises(ServerError):
            provider.get_token()
        assert iam.state.token_requests == 3  # create_token is declared idempotent (x-idempotent)
        iam.state.reply = None
        assert provider.get_token().startswith("MII")
