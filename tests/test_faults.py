"""Errors and resilience through the public client, against a real local server that misbehaves."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from huaweicloud_jobs import (
    AuthenticationError,
    BadRequestError,
    ClientTimeoutError,
    Cloud,
    ConnectionFailedError,
    Credentials,
    HuaweiCloudJobsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    ServerTimeoutError,
    UnexpectedStatusError,
)

from conftest import PROJECT_ID
from local_server import LocalServer, Reply
from spec_examples import ResponseExample, response_examples
from spec_operations import PROJECT_ID as SPEC_PROJECT_ID
from spec_operations import call as call_operation
from spec_operations import load_operations

SECRET = "sk-very-secret-value"
CREDENTIALS = Credentials(
    ak="AKTESTTESTTESTTEST00", sk=SECRET, project_id=PROJECT_ID, security_token="sts-secret-token"
)
AOM_PROJECT = "0" * 32


class Sleeps:
    """An injectable sleep that records waits instead of waiting."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def cloud(server: LocalServer, sleeps: Sleeps) -> Iterator[Cloud]:
    with Cloud(
        credentials=CREDENTIALS,
        endpoints=server.endpoints(),
        allow_http=True,
        sleep=sleeps,
        timeout=httpx.Timeout(2.0, connect=1.0),
    ) as built:
        yield built


EXPECTED_CLASS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: ServerTimeoutError,
    500: ServerError,
}
ERROR_EXAMPLES = [e for e in response_examples() if e.status >= 400]


OPERATIONS = {(operation.service, operation.operation_id): operation for operation in load_operations()}


def call(cloud: Cloud, example: ResponseExample) -> object:
    """The example's operation, with the arguments its spec documents (no per-service code)."""
    return call_operation(cloud, OPERATIONS[example.service, example.operation])


def expected_code_and_message(example: ResponseExample) -> tuple[str, str]:
    if isinstance(example.value, str):  # the single-quoted 401 pseudo-JSON
        return "APIG.1002", "Incorrect token or token resolution failed"
    return example.value["error_code"], example.value["error_msg"]


@pytest.mark.parametrize("example", ERROR_EXAMPLES, ids=lambda e: e.id)
def test_every_documented_error_example_maps_to_its_exception(
    server: LocalServer, sleeps: Sleeps, example: ResponseExample
) -> None:
    with Cloud(
        credentials=CREDENTIALS,
        project_id=SPEC_PROJECT_ID,
        endpoints=server.endpoints(),
        allow_http=True,
        sleep=sleeps,
        retry=RetryPolicy.disabled(),
    ) as cloud:
        server.enqueue(
            Reply(example.status, example.body, {"Content-Type": "application/json", "X-Request-Id": "rid-7"})
        )
        with pytest.raises(EXPECTED_CLASS[example.status]) as caught:
            call(cloud, example)
    error = caught.value
    code, message = expected_code_and_message(example)
    assert (error.status_code, error.error_code, error.message, error.request_id) == (
        example.status,
        code,
        message,
        "rid-7",
    )
    assert error.service == example.service and error.operation == example.operation
    assert str(error).startswith(f"{example.status} {code}: ")
    assert f"request_id=rid-7, {example.service} {example.operation}" in str(error)
    assert "\n" not in str(error)
    if isinstance(example.value, dict) and "http_code" in example.value:
        assert error.http_code == example.value["http_code"]
    assert SECRET not in str(error) and "sts-secret-token" not in str(error)


def test_503_twice_then_success_retries_with_fresh_signatures(
    cloud: Cloud, server: LocalServer, sleeps: Sleeps
) -> None:
    server.enqueue(Reply(503, b"<html>busy</html>"), Reply(503))
    assert cloud.drs.stop_job("j").status == "success"
    assert len(server.requests) == 3
    assert len(sleeps.calls) == 2
    assert 0 <= sleeps.calls[0] <= 0.5 and 0 <= sleeps.calls[1] <= 1.0  # full jitter under the growing cap
    assert all("Signature=" in r.headers["Authorization"] for r in server.requests)
    assert all(r.json() == {"is_force_stop": False} for r in server.requests)  # the whole body, every attempt


def test_persistent_503_gives_up_after_max_attempts(cloud: Cloud, server: LocalServer, sleeps: Sleeps) -> None:
    server.enqueue(*[Reply(503, b'{"error_code":"APIG.0201","error_msg":"Backend unavailable"}')] * 5)
    with pytest.raises(ServerError, match=r"503 APIG\.0201: Backend unavailable"):
        cloud.drs.stop_job("j")
    assert len(server.requests) == 3 and len(sleeps.calls) == 2


def test_429_honours_retry_after_seconds(cloud: Cloud, server: LocalServer, sleeps: Sleeps) -> None:
    server.enqueue(Reply(429, headers={"Retry-After": "7"}))
    cloud.drs.stop_job("j")
    assert sleeps.calls == [7.0]


def test_429_retry_after_http_date_and_final_rate_limit(server: LocalServer, sleeps: Sleeps) -> None:
    policy = RetryPolicy(max_attempts=2)
    with Cloud(
        credentials=CREDENTIALS, endpoints=server.endpoints(), allow_http=True, sleep=sleeps, retry=policy
    ) as cloud:
        server.enqueue(*[Reply(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})] * 2)
        with pytest.raises(RateLimitError):
            cloud.drs.stop_job("j")
    assert sleeps.calls == [0.0]  # a date in the past means "now"


@pytest.mark.parametrize("status", [400, 401, 403, 404, 500])
def test_never_retried_statuses(cloud: Cloud, server: LocalServer, sleeps: Sleeps, status: int) -> None:
    server.enqueue(Reply(status, b"{}"))
    with pytest.raises(HuaweiCloudJobsError):
        cloud.drs.stop_job("j")
    assert len(server.requests) == 1 and sleeps.calls == []


def test_retries_can_be_disabled_per_call(cloud: Cloud, server: LocalServer) -> None:
    server.enqueue(Reply(503))
    with pytest.raises(ServerError):
        cloud.with_options(retry=RetryPolicy.disabled()).drs.stop_job("j")
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("status", "cls"), [(499, UnexpectedStatusError), (520, ServerError), (302, UnexpectedStatusError)]
)
def test_nonstandard_statuses(cloud: Cloud, server: LocalServer, status: int, cls: type[Exception]) -> None:
    server.enqueue(Reply(status, b"<html><title>Origin Error</title></html>", {"Content-Type": "text/html"}))
    with pytest.raises(cls) as caught:
        cloud.drs.stop_job("j")
    assert caught.value.status_code == status  # type: ignore[attr-defined]


def test_reset_mid_response_is_resent_only_because_the_stop_is_declared_idempotent(
    cloud: Cloud, server: LocalServer, sleeps: Sleeps
) -> None:
    # openapi/drs.yaml declares stop_job x-idempotent: a second stop has the effect of one.
    server.enqueue(Reply(200, b'{"status":"success"}', reset=True))
    assert cloud.drs.stop_job("j").status == "success"
    assert len(server.requests) == 2 and len(sleeps.calls) == 1


def test_reset_mid_response_ends_the_call_when_attempts_run_out(server: LocalServer, sleeps: Sleeps) -> None:
    with Cloud(
        credentials=CREDENTIALS,
        endpoints=server.endpoints(),
        allow_http=True,
        sleep=sleeps,
        retry=RetryPolicy(max_attempts=1),
    ) as cloud:
        server.enqueue(Reply(200, b'{"status":"success"}', reset=True))
        with pytest.raises(ConnectionFailedError) as caught:
            cloud.drs.stop_job("j")
    assert isinstance(caught.value.__cause__, httpx.HTTPError)
    assert caught.value.sent and len(server.requests) == 1 and sleeps.calls == []


def test_read_timeout_surfaces_as_timeout(server: LocalServer, sleeps: Sleeps) -> None:
    with Cloud(
        credentials=CREDENTIALS,
        endpoints=server.endpoints(),
        allow_http=True,
        sleep=sleeps,
        timeout=0.3,
        retry=RetryPolicy(max_attempts=1),
    ) as cloud:
        server.enqueue(Reply(200, b'{"status":"success"}', delay=1.0))
        with pytest.raises(RequestTimeoutError) as caught:
            cloud.drs.stop_job("j")
    assert isinstance(caught.value, ClientTimeoutError)
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


def test_connection_refused_is_retried_then_raised(sleeps: Sleeps) -> None:
    with (
        Cloud(credentials=CREDENTIALS, endpoints={"drs": "http://127.0.0.1:9"}, allow_http=True, sleep=sleeps) as cloud,
        pytest.raises(ConnectionFailedError, match="drs stop_job"),
    ):
        cloud.drs.stop_job("j")
    assert len(sleeps.calls) == 2


@pytest.mark.parametrize(
    "body", [b'{"status": 5}', b"not json", b"[1, 2]", b'{"error_msg": "x", "status": "ok", "name": []}']
)
def test_malformed_success_bodies_raise_typed_errors(cloud: Cloud, server: LocalServer, body: bytes) -> None:
    server.enqueue(Reply(200, body, {"Content-Type": "application/json"}))
    with pytest.raises(ResponseValidationError) as caught:
        cloud.drs.stop_job("j")
    assert caught.value.body == body


def test_no_secret_in_logs_at_debug(cloud: Cloud, server: LocalServer, caplog: pytest.LogCaptureFixture) -> None:
    server.enqueue(Reply(401, b"{ \"error_code\": 'APIG.1002', \"error_msg\": 'Incorrect token' }"))
    with caplog.at_level(logging.DEBUG):
        with pytest.raises(AuthenticationError) as caught:
            cloud.drs.stop_job("j")
        cloud.drs.stop_job("j")
    text = caplog.text + str(caught.value) + repr(caught.value) + repr(cloud)
    authorization = server.requests[-1].headers["Authorization"]
    assert caplog.records  # the client does log at DEBUG
    for secret in (SECRET, "sts-secret-token", authorization, authorization.rsplit("Signature=", 1)[1]):
        assert secret not in text
