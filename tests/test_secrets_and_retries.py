"""No secret in any rendering; retries within budget and never for a non-idempotent operation; the audit trail."""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import pickle
import socket
import subprocess
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hostile_server import HostileServer, head, reset

from huaweicloud_jobs import (
    AsyncCloud,
    Cloud,
    ConnectionFailedError,
    Credentials,
    HuaweiCloudJobsError,
    InvalidParameterError,
    RateLimitError,
    RetryPolicy,
    ServerError,
    TokenAuth,
)
from huaweicloud_jobs_core import _audit, _redaction
from huaweicloud_jobs_core.seam import HttpTransport, Operation
from huaweicloud_jobs_iam import IamTokenProvider

from conftest import PROJECT_ID
from local_server import LocalServer, Reply

# Secrets with the characters that broke pattern-based masking: quotes, backslashes, brackets.
SK = "SKSECRET'\"\\)]}x"
TOKEN = "TOKSECRET'\"\\)x"
STS = "STSSECRET'\"\\x"
PASSWORD = "PWSECRET 'é\"\\)\u2603"
SUBJECT = "SUBJSECRET'\"\\\u00e9"
MARKERS = ("SKSECRET", "TOKSECRET", "STSSECRET", "PWSECRET", "SUBJSECRET")
JOB = "0123456789abcdef0123456789abcdef"


def assert_clean(text: str, where: str = "") -> None:
    for marker in MARKERS:
        assert marker not in text, f"{marker} leaked in {where}: ...{text[max(0, text.find(marker) - 80) :][:200]}"


def renderings(obj: object) -> Iterator[str]:
    yield repr(obj)
    yield str(obj)
    yield format(obj, "")
    yield f"{obj!r:>10}"
    yield repr(copy.copy(obj))
    if isinstance(obj, BaseException):
        yield "".join(traceback.format_exception(obj))
        yield "".join(traceback.format_exception_only(type(obj), obj))
        cause = obj.__cause__ or obj.__context__
        while cause is not None:
            yield repr(cause)
            request = getattr(cause, "_request", None)
            if request is not None:
                yield repr(request.headers)
                yield str(dict(request.headers))
            cause = cause.__cause__ or cause.__context__


@pytest.fixture
def all_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    with caplog.at_level(logging.DEBUG), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caplog
    for warning in caught:
        assert_clean(str(warning.message), "a warning")


def logged(caplog: pytest.LogCaptureFixture) -> str:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    return "\n".join(handler.format(record) for record in caplog.records)


# --------------------------------------------------------------------------- reprs of what users build


def test_cloud_repr_never_shows_the_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    environ = {
        "HUAWEICLOUD_SDK_AK": "AKTESTTESTTESTTEST00",
        "HUAWEICLOUD_SDK_SK": "SKSECRETabc",
        "HUAWEICLOUD_SDK_SECURITY_TOKEN": "STSSECRETabc",
        "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT_ID,
    }
    for cls in (Cloud, AsyncCloud):
        cloud = cls.from_env(region="cn-north-4", environ=environ)
        for text in renderings(cloud):
            assert_clean(text, f"{cls.__name__} repr")
            assert "cn-north-4" in text and PROJECT_ID in text
        for text in renderings(cloud.with_options(retry=RetryPolicy.disabled())):
            assert_clean(text, "with_options view")


def test_every_credential_kind_renders_without_secrets() -> None:
    credentials = Credentials(ak="AKTESTTESTTESTTEST00", sk="SKSECRETabc", security_token="STSSECRETabc")
    provider = IamTokenProvider(
        "https://iam.example.com", user_name="u", password=PASSWORD, domain_name="d", project_id=PROJECT_ID
    )
    objects: list[object] = [
        credentials,
        provider,
        TokenAuth(provider),
        Cloud(credentials=credentials, region="cn-north-4"),
        Cloud(token="TOKSECRETabc", region="cn-north-4"),
        Cloud(auth=TokenAuth(provider), region="cn-north-4"),
    ]
    for obj in objects:
        for text in renderings(obj):
            assert_clean(text, type(obj).__name__)


# --------------------------------------------------------------------------- logs


@pytest.mark.parametrize(
    "value",
    [
        b"SUBJSECRET'quote",
        b'SUBJSECRET"dq',
        b"SUBJSECRET'both\"",
        b"SUBJSECRET\\back\\'slash",
        b"SUBJSECRET\xc3\xa9\xe2\x98\x83",
        b"SUBJSECRET), (b'X-Fake', b'x')",
        b"SUBJSECRET" + bytes(range(0x21, 0x7F)),
    ],
)
def test_httpcore_trace_masks_any_secret_header_value(value: bytes, all_logs: pytest.LogCaptureFixture) -> None:
    def answer(conn: socket.socket, request: bytes) -> None:
        conn.sendall(
            b"HTTP/1.1 201 Created\r\nX-Subject-Token: "
            + value
            + b"\r\nX-Auth-Token: SUBJSECRET2\r\nX-Other: visible\r\nContent-Length: 2\r\n\r\n{}"
        )

    with HostileServer(answer) as hostile, httpx.Client() as client:
        client.post(hostile.base_url + "/v3/auth/tokens", json={})
    text = logged(all_logs)
    assert "receive_response_headers" in text and "visible" in text
    assert_clean(text, "httpcore trace")


def test_redact_text_masks_every_form() -> None:
    cases = {
        "[(b'X-Subject-Token', b'SUBJSECRET\\'\"x'), (b'X', b'y')]": "(b'X', b'y')",
        "Headers({'x-auth-token': 'TOKSECRET\\'', 'x-sdk-date': '20240101T000000Z'})": "'x-sdk-date'",
        '{"password": "PWSECRET\\"", "name": "bob", "secret": {"key": "SKSECRET"}}': '"name": "bob"',
        "X-Security-Token: STSSECRET value\nnext line": "next line",
        "Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=SKSECRET": "SignedHeaders=host",
        "[(b'X-Subject-Token', b'SUBJSECRET never closed": "",
    }
    for text, kept in cases.items():
        redacted = _redaction.redact_text(text)
        assert_clean(redacted, text)
        assert kept in redacted
    assert _redaction.redact_text("X-Sdk-Date: 20240101T000000Z") == "X-Sdk-Date: 20240101T000000Z"


# --------------------------------------------------------------------------- exceptions and their chains


def _failing(kind: str) -> Callable[[socket.socket, bytes], None]:
    def answer(conn: socket.socket, request: bytes) -> None:
        if kind == "reset":
            reset(conn)
        elif kind == "stall":
            import time

            time.sleep(1.0)
        elif kind == "401":
            body = b'{"error_code": "APIG.1002", "error_msg": "bad token"}'
            conn.sendall(head("401 Unauthorized", {"Content-Length": str(len(body))}) + body)

    return answer


AUTHS: dict[str, Callable[[], dict[str, Any]]] = {
    "aksk+sts": lambda: {
        "credentials": Credentials(ak="AKTESTTESTTESTTEST00", sk=SK, project_id=PROJECT_ID, security_token=STS)
    },
    "static token": lambda: {"token": TOKEN, "project_id": PROJECT_ID},
}


@pytest.mark.parametrize("auth", list(AUTHS))
@pytest.mark.parametrize("kind", ["reset", "stall", "refused", "401"])
def test_failed_calls_render_without_secrets(kind: str, auth: str, all_logs: pytest.LogCaptureFixture) -> None:
    def call(base_url: str) -> HuaweiCloudJobsError:
        with Cloud(
            endpoints={"drs": base_url},
            allow_http=True,
            retry=RetryPolicy(max_attempts=2),
            sleep=lambda seconds: None,
            timeout=httpx.Timeout(0.3, connect=0.5),
            **AUTHS[auth](),
        ) as cloud:
            try:
                cloud.drs.stop_job(JOB)
            except HuaweiCloudJobsError as exc:
                logging.getLogger("huaweicloud_jobs").exception("call failed")
                logging.getLogger("huaweicloud_jobs").debug("call failed: %r", exc)
                return exc
        raise AssertionError("no error")

    if kind == "refused":
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        error = call(f"http://127.0.0.1:{port}")
    else:
        with HostileServer(_failing(kind)) as hostile:
            error = call(hostile.base_url)
    for text in renderings(error):
        assert_clean(text, f"{kind} exception")
    assert_clean(repr(pickle.loads(pickle.dumps(error))), "unpickled")  # noqa: S301 - our own bytes
    assert_clean(logged(all_logs), "logs")
    if kind in ("reset", "stall"):
        request = error.__cause__._request  # type: ignore[union-attr]
        assert request.headers.get("X-Auth-Token", "***") == "***"
        assert request.headers.get("X-Security-Token", "***") == "***"


def test_iam_password_never_rendered(server: LocalServer, all_logs: pytest.LogCaptureFixture) -> None:
    server.enqueue(Reply(500, b'{"error_code": "IAM.0001", "error_msg": "boom"}'))
    provider = IamTokenProvider(
        server.base_url,
        user_name="u",
        password=PASSWORD,
        domain_name="d",
        project_id=PROJECT_ID,
        allow_http=True,
        retry=RetryPolicy.disabled(),
    )
    with pytest.raises(HuaweiCloudJobsError) as caught:
        provider.get_token()
    for text in renderings(caught.value):
        assert_clean(text, "IAM failure")
    assert_clean(logged(all_logs), "IAM logs")
    provider.close()


def test_validation_errors_never_echo_a_secret_field() -> None:
    from huaweicloud_jobs_core._validation import check_value

    schema = {"type": "object", "properties": {"password": {"type": "string", "pattern": "^[a-z]+$"}}}
    with pytest.raises(InvalidParameterError) as caught:
        check_value({"password": PASSWORD}, schema, "auth")
    assert_clean(str(caught.value), "validation message")


# --------------------------------------------------------------------------- retries


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def test_huge_retry_after_stays_within_the_total_wait_budget(server: LocalServer) -> None:
    sleeps = Sleeps()
    policy = RetryPolicy(max_attempts=10)
    server.enqueue(*[Reply(429, b"{}", {"Retry-After": "999999"})] * 10)
    with (
        Cloud(
            token="t", project_id=PROJECT_ID, endpoints=server.endpoints(), allow_http=True, retry=policy, sleep=sleeps
        ) as cloud,
        pytest.raises(RateLimitError),
    ):
        cloud.drs.stop_job(JOB)
    assert sum(sleeps.calls) <= policy.max_total_wait
    assert all(wait <= policy.max_retry_after for wait in sleeps.calls)
    assert len(server.requests) == 2  # one wait of max_retry_after (60 s) fits, a second would pass the budget


@pytest.fixture
def non_idempotent_package(tmp_path: Path) -> Iterator[str]:
    """A throwaway package whose one operation declares ``x-idempotent: {value: false}``."""
    name = "hcj_test_not_idempotent"
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    document = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1", "x-service": "test"},
        "servers": [{"url": "https://{service}.example.com", "variables": {"service": {"default": "test"}}}],
        "paths": {
            "/v1/things/{thing_id}/start": {
                "post": {
                    "operationId": "start_thing",
                    "x-idempotent": {"value": False, "reason": "starting twice starts two runs"},
                    "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"202": {"description": "accepted"}},
                }
            }
        },
    }
    (package / "openapi.json").write_text(json.dumps(document))
    sys.path.insert(0, str(tmp_path))
    try:
        yield name
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(name, None)


@pytest.mark.parametrize("failure", [502, 503, 504, "reset"])
def test_non_idempotent_operation_is_not_resent(non_idempotent_package: str, failure: object) -> None:
    sent: list[int] = []

    def answer(conn: socket.socket, request: bytes) -> None:
        sent.append(1)
        if failure == "reset":
            conn.sendall(head(headers={"Content-Length": "10"}) + b"{")
            reset(conn)
        else:
            conn.sendall(head(f"{failure} Failed", {"Content-Length": "0"}))

    operation: Operation[Any] = Operation(non_idempotent_package, "start_thing", "POST", "/v1/things/{thing_id}/start")
    sleeps = Sleeps()
    with HostileServer(answer) as hostile, httpx.Client() as client:
        transport = HttpTransport(
            client, base_url=hostile.base_url, project_id=None, retry=RetryPolicy(max_attempts=5), sleep=sleeps
        )
        with pytest.raises((ServerError, ConnectionFailedError)):
            transport.send(operation, {"thing_id": "t1"}, None)
    assert len(sent) == 1
    assert sleeps.calls == []


# --------------------------------------------------------------------------- audit trail


def test_audit_log_records_each_attempt(server: LocalServer, caplog: pytest.LogCaptureFixture) -> None:
    server.enqueue(Reply(503), Reply(200, b'{"id": "j", "status": "success"}', {"X-Request-Id": "rid-2"}))
    with (
        caplog.at_level(logging.INFO, logger="huaweicloud_jobs"),
        Cloud(
            token=TOKEN, project_id=PROJECT_ID, endpoints=server.endpoints(), allow_http=True, sleep=lambda s: None
        ) as cloud,
    ):
        cloud.drs.stop_job(JOB)
    attempts = [record for record in caplog.records if getattr(record, "attempt", None)]
    assert [(r.attempt, r.outcome) for r in attempts] == [(1, "503 ServerError"), (2, "200")]  # type: ignore[attr-defined]
    last = attempts[-1]
    assert last.service == "drs" and last.operation == "stop_job" and last.http_method == "POST"  # type: ignore[attr-defined]
    assert last.request_id == "rid-2" and JOB in last.path and last.duration_ms >= 0  # type: ignore[attr-defined]
    assert_clean("\n".join(r.getMessage() for r in caplog.records), "audit log")


def test_env_variable_switches_the_audit_log_on(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("huaweicloud_jobs")
    saved = (logger.level, list(logger.handlers))
    monkeypatch.setattr(_audit, "_configured", False)
    try:
        _audit.configure_from_env({"HUAWEICLOUD_JOBS_LOG": "info"})
        assert logger.level == logging.INFO and logger.handlers
        _audit.configure_from_env({"HUAWEICLOUD_JOBS_LOG": "debug"})  # once per process
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(saved[0])
        logger.handlers[:] = saved[1]


@pytest.fixture
def spans(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The spans the runtime records through OpenTelemetry's global tracer provider (the SDK, in memory).

    The runtime's one-time lookup is undone first, so it imports ``opentelemetry`` and asks the
    global provider for its tracer itself, as it does in a user's process.
    """
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    global _TRACER_PROVIDER
    if _TRACER_PROVIDER is None:  # the global provider can be set once per process
        _TRACER_PROVIDER = TracerProvider()
        trace.set_tracer_provider(_TRACER_PROVIDER)
    exporter = InMemorySpanExporter()
    processor = SimpleSpanProcessor(exporter)
    _TRACER_PROVIDER.add_span_processor(processor)
    monkeypatch.setattr(_audit._Otel, "checked", False)
    monkeypatch.setattr(_audit._Otel, "tracer", None)
    try:
        yield exporter
    finally:
        processor.shutdown()  # later spans of this provider are no longer exported here


_TRACER_PROVIDER: Any = None


def test_opentelemetry_spans_per_call_and_attempt(server: LocalServer, spans: Any) -> None:
    from huaweicloud_jobs_core._version import __version__

    server.enqueue(Reply(503))
    credentials = Credentials(ak="AKTESTTESTTESTTEST00", sk=SK, security_token=STS)
    with Cloud(
        credentials=credentials,
        project_id=PROJECT_ID,
        endpoints=server.endpoints(),
        allow_http=True,
        sleep=lambda s: None,
    ) as c:
        c.drs.stop_job(JOB)
    finished = {span.name: span for span in spans.get_finished_spans()}
    call = finished.pop("huaweicloud_jobs drs.stop_job")
    first = finished.pop("huaweicloud_jobs drs.stop_job attempt 1")
    second = finished.pop("huaweicloud_jobs drs.stop_job attempt 2")
    assert not finished
    assert (call.instrumentation_scope.name, call.instrumentation_scope.version) == ("huaweicloud_jobs", __version__)
    assert dict(call.attributes) == {
        "rpc.system": "huaweicloud",
        "rpc.service": "drs",
        "rpc.method": "stop_job",
        "http.request.method": "POST",
        "url.template": "/v5/{project_id}/jobs/{job_id}/stop",
    }
    assert dict(first.attributes) == {
        "http.request.resend_count": 0,
        "http.response.status_code": 503,
        "huaweicloud.request_id": "local-1",
        "error.type": "ServerError",
    }
    assert dict(second.attributes) == {
        "http.request.resend_count": 1,
        "http.response.status_code": 200,
        "huaweicloud.request_id": "local-2",
    }
    assert first.parent.span_id == second.parent.span_id == call.context.span_id
    assert first.context.trace_id == call.context.trace_id
    for span in (call, first, second):
        assert_clean(span.to_json(), f"span {span.name}")
        assert "AKTESTTESTTESTTEST00" not in span.to_json()


def test_no_opentelemetry_costs_nothing(server: LocalServer) -> None:
    """Without the API installed: no import of it at any time, no span object per call, calls work.

    In a fresh interpreter where ``opentelemetry`` cannot be imported (a meta path finder refuses it),
    so it holds whatever this process has imported.
    """
    script = f"""
import sys

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name == "opentelemetry" or name.startswith("opentelemetry."):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, Refuse())
from huaweicloud_jobs import Cloud
from huaweicloud_jobs_core import _audit

with Cloud(token="t", project_id={PROJECT_ID!r}, endpoints={server.endpoints()!r}, allow_http=True) as cloud:
    cloud.drs.stop_job({JOB!r})
    cloud.drs.stop_job({JOB!r})
assert _audit._Otel.checked and _audit._Otel.tracer is None, "looked up once, found absent"
assert _audit.call_span("drs", "stop_job", "POST", "/") is _audit._NULL, "a shared no-op context, no span"
assert _audit.attempt_span("drs", "stop_job", 1) is _audit._NULL
assert not [name for name in sys.modules if name.startswith("opentelemetry")]
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr
    assert len(server.requests) == 2


def test_opentelemetry_is_not_imported_before_the_first_call() -> None:
    """With the API installed, importing and building a client leave it alone (it is looked up on the first call)."""
    script = f"""
import sys
from huaweicloud_jobs import AsyncCloud, Cloud

Cloud(token="t", project_id={PROJECT_ID!r}, region="cn-north-4").close()
AsyncCloud(token="t", project_id={PROJECT_ID!r}, region="cn-north-4")
from importlib.util import find_spec
from huaweicloud_jobs_core import _audit
assert not [name for name in sys.modules if name.startswith("opentelemetry")], "not imported"
assert find_spec("opentelemetry") is not None, "though installed"
assert not _audit._Otel.checked
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stdout == "ok\n", done.stderr


def test_async_secret_sweep(all_logs: pytest.LogCaptureFixture) -> None:
    async def run(base_url: str) -> HuaweiCloudJobsError:
        async with AsyncCloud(
            token=TOKEN,
            project_id=PROJECT_ID,
            endpoints={"drs": base_url},
            allow_http=True,
            retry=RetryPolicy.disabled(),
        ) as cloud:
            try:
                await cloud.drs.stop_job(JOB)
            except HuaweiCloudJobsError as exc:
                return exc
        raise AssertionError("no error")

    with HostileServer(_failing("reset")) as hostile:
        error = asyncio.run(run(hostile.base_url))
    for text in renderings(error):
        assert_clean(text, "async exception")
    assert_clean(logged(all_logs), "async logs")


def test_calls_that_start_together_wait_for_the_one_tracer_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first calls of a thread pool: none goes on untraced while another is still importing opentelemetry."""
    import threading

    monkeypatch.setattr(_audit._Otel, "checked", False)
    monkeypatch.setattr(_audit._Otel, "tracer", None)
    entered, release = threading.Event(), threading.Event()
    tracer, lookups = object(), []

    def slow_lookup() -> object:
        lookups.append(1)
        entered.set()
        release.wait(10)
        return tracer

    monkeypatch.setattr(_audit, "_lookup_tracer", slow_lookup)
    found: list[object] = []
    first = threading.Thread(target=lambda: found.append(_audit._tracer()))
    second = threading.Thread(target=lambda: found.append(_audit._tracer()))
    first.start()
    assert entered.wait(10)
    second.start()
    second.join(0.2)
    assert found == [], "a call went on before the tracer was known"
    release.set()
    first.join(10)
    second.join(10)
    assert found == [tracer, tracer] and lookups == [1]
