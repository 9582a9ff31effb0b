"""The exception hierarchy, status mapping, one-line str() and the no-secrets guarantee."""

from __future__ import annotations

import ast
import copy
import inspect
import pickle
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from huaweicloud_jobs_core import _exceptions as exc_module
from huaweicloud_jobs_core._exceptions import (
    MAX_BODY_BYTES,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ClientTimeoutError,
    ConflictError,
    ConnectionFailedError,
    CredentialsError,
    HuaweiCloudJobsError,
    InvalidParameterError,
    NotFoundError,
    OperationFailedError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ResponseValidationError,
    ServerError,
    ServerTimeoutError,
    TransportError,
    UnexpectedStatusError,
    make_status_error,
    status_error_class,
)

AOM: dict[str, Any] = {"service": "aom", "operation": "terminate_execution"}


def test_every_public_exception_derives_from_the_base() -> None:
    source = Path(str(exc_module.__file__)).read_text(encoding="utf-8")
    defined = {node.name for node in ast.parse(source).body if isinstance(node, ast.ClassDef)}
    classes = [
        obj
        for name, obj in vars(exc_module).items()
        if inspect.isclass(obj) and issubclass(obj, BaseException) and name in defined
    ]
    assert len(classes) == 23
    assert {cls.__name__ for cls in classes} <= set(exc_module.__all__)
    assert all(issubclass(cls, HuaweiCloudJobsError) for cls in classes)


def test_value_errors() -> None:
    assert issubclass(CredentialsError, ValueError)
    err = InvalidParameterError("job_ids[1]", "must be an integer in int64 range, got True")
    assert isinstance(err, ValueError)
    assert (err.parameter, err.reason) == ("job_ids[1]", "must be an integer in int64 range, got True")
    assert str(err) == "invalid job_ids[1]: must be an integer in int64 range, got True"


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (408, ServerTimeoutError),
        (409, ConflictError),
        (429, RateLimitError),
        (499, UnexpectedStatusError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (520, ServerError),
        (599, ServerError),
        (302, UnexpectedStatusError),
        (100, UnexpectedStatusError),
        (600, UnexpectedStatusError),
        (0, UnexpectedStatusError),
    ],
)
def test_status_error_class(status: int, cls: type[APIStatusError]) -> None:
    assert status_error_class(status) is cls
    assert issubclass(cls, APIStatusError)


@pytest.mark.parametrize("status", [200, 201, 202, 204, 299])
def test_status_error_class_rejects_success(status: int) -> None:
    with pytest.raises(ValueError, match="success"):
        status_error_class(status)


def test_timeouts_share_a_base_and_keep_their_families() -> None:
    server = ServerTimeoutError(408, **AOM, error_code="common.00000408", message="timeout exception occurred")
    client = ClientTimeoutError("read timed out", **AOM)
    for err in (server, client):
        with pytest.raises(RequestTimeoutError):
            raise err
    assert isinstance(server, APIStatusError) and not isinstance(server, TransportError)
    assert isinstance(client, TransportError) and not isinstance(client, APIStatusError)
    assert not isinstance(client, ConnectionFailedError)
    assert str(server) == "408 common.00000408: timeout exception occurred (aom terminate_execution)"
    mro = ServerTimeoutError.__mro__
    assert mro.index(APIStatusError) < mro.index(RequestTimeoutError) < mro.index(HuaweiCloudJobsError)


def test_transport_errors_chain_their_cause() -> None:
    cause = httpx.ConnectError("[Errno 111] Connection refused")
    with pytest.raises(ConnectionFailedError) as info:
        try:
            raise cause
        except httpx.ConnectError as exc:
            raise ConnectionFailedError(f"connection failed: {exc}", **AOM) from exc
    assert info.value.__cause__ is cause
    assert str(info.value) == "connection failed: [Errno 111] Connection refused (aom terminate_execution)"
    assert str(ConnectionFailedError("")) == "<no message>"


def test_str_full() -> None:
    err = NotFoundError(
        404,
        **AOM,
        error_code="AOM.31001306",
        message="Execution not exist. recordInfo is not exist.",
        http_code=404,
        request_id="abc",
    )
    assert str(err) == (
        "404 AOM.31001306: Execution not exist. recordInfo is not exist. (request_id=abc, aom terminate_execution)"
    )
    assert repr(err).startswith("NotFoundError(")


def test_str_degrades_gracefully() -> None:
    assert str(ServerError(502, **AOM)) == "502: <no message> (aom terminate_execution)"
    assert str(ServerError(502, service="", operation="")) == "502: <no message>"
    assert str(ServerError(503, service="drs", operation="", request_id="r")) == "503: <no message> (request_id=r, drs)"
    assert str(ServerError(500, **AOM, error_code="X.1")) == "500 X.1: <no message> (aom terminate_execution)"
    assert str(ServerError(500, **AOM, message="\n \t")) == "500: <no message> (aom terminate_execution)"


def test_str_strips_control_characters_and_truncates() -> None:
    err = BadRequestError(
        400, **AOM, error_code="E.1\n", message="line one\r\nline two\x1b[31m red\tend", request_id="a\nb"
    )
    assert str(err) == "400 E.1: line one line two [31m red end (request_id=a b, aom terminate_execution)"
    long = ServerError(500, **AOM, message="word " * 500)
    text = str(long)
    assert "\n" not in text
    message_part = text.split(": ", 1)[1].split(" (aom", 1)[0]
    assert len(message_part) <= 300 and message_part.endswith("…")
    assert long.message == "word " * 500  # the attribute keeps the full message


def test_operation_failed_inside_2xx() -> None:
    err = OperationFailedError(
        200,
        service="drs",
        operation="batch_stop_jobs",
        error_code="DRS.10000010",
        message="Job does not exist, please check job id.",
        resource_id="job-1",
    )
    assert isinstance(err, APIStatusError) and err.status_code == 200
    assert str(err) == (
        "200 DRS.10000010: Job does not exist, please check job id. (resource_id=job-1, drs batch_stop_jobs)"
    )


def test_response_validation_error() -> None:
    err = ResponseValidationError(
        service="aom",
        operation="terminate_execution",
        status_code=200,
        reason="missing field 'id'",
        body=b"x" * 10**5,
    )
    assert str(err) == "unexpected response body for HTTP 200: missing field 'id' (aom terminate_execution)"
    assert len(err.body) == MAX_BODY_BYTES


def test_body_is_bounded() -> None:
    err = ServerError(500, **AOM, body=b"y" * (MAX_BODY_BYTES * 3))
    assert err.body == b"y" * MAX_BODY_BYTES


def test_make_status_error_from_a_response() -> None:
    body = b"{ \"error_code\": 'APIG.1002', \"error_msg\": 'Incorrect token or token resolution failed' }"
    headers = httpx.Headers({"Content-Type": "application/json", "X-request-id": "rid-9"})
    err = make_status_error(401, body, headers, service="lakeformation", operation="stop_sync_task")
    assert type(err) is AuthenticationError
    assert (err.error_code, err.message, err.request_id, err.body) == (
        "APIG.1002",
        "Incorrect token or token resolution failed",
        "rid-9",
        body,
    )
    assert str(err) == (
        "401 APIG.1002: Incorrect token or token resolution failed (request_id=rid-9, lakeformation stop_sync_task)"
    )
    aom = make_status_error(
        404,
        b'{"error_code":"AOM.31001306","error_msg":"Execution not exist. recordInfo is not exist.","http_code":404}',
        {},
        **AOM,
    )
    assert type(aom) is NotFoundError and aom.http_code == 404
    gateway = make_status_error(502, b"<html><title>502 Bad Gateway</title></html>", {}, **AOM)
    assert str(gateway) == "502: 502 Bad Gateway (aom terminate_execution)"
    timeout = make_status_error(408, b"", {}, **AOM)
    assert isinstance(timeout, RequestTimeoutError)


SECRET_HEADERS = {
    "Authorization": "SDK-HMAC-SHA256 Access=AKSECRETAK, SignedHeaders=host, Signature=deadbeef",
    "X-Auth-Token": "MIISECRETTOKEN",
    "X-Security-Token": "SECURITYTOKEN",
}


def test_no_request_headers_are_kept() -> None:
    """Exceptions are built from response data only; request secrets have nowhere to go."""
    request = httpx.Request("POST", "https://aom.example.invalid/v1/x", headers=SECRET_HEADERS)
    response = httpx.Response(500, request=request, headers={"X-Request-Id": "r1"}, content=b"{}")
    err = make_status_error(response.status_code, response.content, response.headers, **AOM)
    rendered = " ".join([str(err), repr(err), repr(vars(err)), repr(pickle.dumps(err))])
    for secret in ("AKSECRETAK", "deadbeef", "MIISECRETTOKEN", "SECURITYTOKEN"):
        assert secret not in rendered
    for name in ("headers", "request", "response"):
        assert not hasattr(err, name)
    assert "headers" not in inspect.signature(APIStatusError.__init__).parameters


ALL_INSTANCES: list[HuaweiCloudJobsError] = [
    CredentialsError("no AK"),
    InvalidParameterError("job_ids[0]", "must not be empty"),
    ResponseValidationError(service="drs", operation="stop", status_code=200, reason="bad", body=b"{}"),
    ConnectionFailedError("reset", **AOM),
    ClientTimeoutError("read timeout", service="dli", operation="cancel"),
    ServerTimeoutError(408, **AOM, message="m"),
    NotFoundError(404, **AOM, error_code="AOM.31001306", message="m", http_code=404, request_id="r", body=b"b"),
    OperationFailedError(200, service="drs", operation="stop", error_code="DRS.1", resource_id="j"),
]


@pytest.mark.parametrize("err", ALL_INSTANCES, ids=lambda e: type(e).__name__)
def test_pickle_and_copy_round_trip(err: HuaweiCloudJobsError) -> None:
    unpickled = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
    for clone in (unpickled, copy.copy(err)):
        assert type(clone) is type(err)
        assert str(clone) == str(err)
        assert vars(clone) == vars(err)


optional_text = st.none() | st.text(max_size=500)


@given(
    status=st.integers(min_value=100, max_value=999).filter(lambda s: not 200 <= s <= 299),
    service=st.text(max_size=30),
    operation=st.text(max_size=30),
    error_code=optional_text,
    message=optional_text,
    request_id=optional_text,
    http_code=st.none() | st.integers(),
    body=st.binary(max_size=100),
)
def test_str_is_always_one_bounded_line(status: int, **fields: Any) -> None:
    err = status_error_class(status)(status, **fields)
    text = str(err)
    assert text.isprintable()  # no newlines or other control characters
    assert text.startswith(str(status))
    assert len(text) < 300 + 3 * 128 + 64
