"""Sending one operation: validate, send, retry, map errors, parse.

``SyncTransport`` and ``AsyncTransport`` implement the ``Transport`` protocol that
every generated package's ``Service`` calls. They share everything except the
loop that awaits: validation (:func:`_validate`), error mapping
(:func:`_status_error`, :func:`_transport_error`), retry decisions
(:func:`_retry_delay`) and result checking (:func:`_finish`).

Retry policy in one sentence: connection failures that happened before the
request was sent (connect errors, connect and pool timeouts) and responses
with a status in ``RetryPolicy.retry_statuses`` (408, 429, 502, 503, 504 by
default) are retried up to ``max_attempts`` in all, after a full-jitter
exponential backoff or the server's ``Retry-After``; everything else is raised
at once, and every attempt is signed afresh by the client's auth.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

import httpx

from ._error_body import request_id_from_headers
from ._exceptions import (
    APIStatusError,
    ClientTimeoutError,
    ConnectionFailedError,
    HuaweiCloudJobsError,
    OperationFailedError,
    ResponseValidationError,
    TransportError,
    make_status_error,
)
from ._retry import RetryPolicy, parse_retry_after
from ._spec import operation_inputs
from ._validation import check_arguments, check_body

logger = logging.getLogger("huaweicloud_jobs")

R = TypeVar("R")

# Failures that prove the request never reached the server: safe to send again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class OperationLike(Protocol):
    """The ``Operation`` tuple each generated package defines (duck-typed: one per package)."""

    @property
    def package(self) -> str: ...
    @property
    def service(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def success_status(self) -> tuple[int, ...]: ...


class ProjectRequiredError(HuaweiCloudJobsError, ValueError):
    """An operation needs a project ID and none was configured."""


def _build(
    operation: OperationLike, arguments: dict[str, object], build: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """Check the arguments, then build the request and check its JSON body, against the spec."""
    inputs = operation_inputs(operation.package, operation.method, operation.path)
    check_arguments(inputs, arguments)
    request = build()
    check_body(inputs, request.get("json"))
    return request


def _status_error(operation: OperationLike, response: httpx.Response) -> APIStatusError:
    return make_status_error(
        response.status_code,
        response.content,
        response.headers,
        service=operation.service,
        operation=operation.name,
    )


def _transport_error(operation: OperationLike, exc: httpx.HTTPError) -> TransportError:
    kind = type(exc).__name__
    detail = str(exc) or kind
    if isinstance(exc, httpx.TimeoutException):
        return ClientTimeoutError(f"{kind}: {detail}", service=operation.service, operation=operation.name)
    return ConnectionFailedError(f"{kind}: {detail}", service=operation.service, operation=operation.name)


def _finish(operation: OperationLike, response: httpx.Response, parse: Callable[[httpx.Response], R]) -> R:
    """Parse a 2xx response, refusing bodies that break the schema or report a failure."""
    try:
        result = parse(response)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        raise ResponseValidationError(
            service=operation.service,
            operation=operation.name,
            status_code=response.status_code,
            reason=f"{type(exc).__name__}: {exc}",
            body=response.content,
        ) from exc
    error_code = getattr(result, "error_code", None)
    if isinstance(error_code, str) and error_code:
        message = getattr(result, "error_msg", None)
        resource = getattr(result, "id", None)
        raise OperationFailedError(
            response.status_code,
            service=operation.service,
            operation=operation.name,
            error_code=error_code,
            message=message if isinstance(message, str) else None,
            request_id=request_id_from_headers(response.headers),
            resource_id=resource if isinstance(resource, str) else None,
            body=response.content,
        )
    return result


def _retry_delay(
    policy: RetryPolicy,
    attempt: int,
    error: HuaweiCloudJobsError,
    cause: httpx.HTTPError | None,
    response: httpx.Response | None,
    rng: Callable[[], float],
) -> float | None:
    """Seconds to wait before retrying, or None when this failure is final."""
    if not policy.has_attempts_left(attempt) or not policy.should_retry_error(error):
        return None
    if cause is not None and not isinstance(cause, _NOT_SENT):
        return None  # the request may have reached the server: never send it twice
    retry_after = parse_retry_after(response.headers.get("Retry-After")) if response is not None else None
    return policy.backoff_delay(attempt, retry_after, rng)


def _log_attempt(operation: OperationLike, attempt: int, outcome: str, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug("%s %s attempt %d: %s (%.1f ms)", operation.service, operation.name, attempt, outcome, elapsed)


class _Base:
    def __init__(
        self,
        client: Any,
        *,
        project_id: str | None,
        retry: RetryPolicy,
        timeout: httpx.Timeout | None = None,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._client = client
        self._project_id = project_id
        self._retry = retry
        self._timeout = timeout
        self._rng = rng

    @property
    def project_id(self) -> str:
        if not self._project_id:
            raise ProjectRequiredError(
                "this operation needs a project ID: pass project_id=... or set HUAWEICLOUD_SDK_PROJECT_ID"
            )
        return self._project_id

    def _request(self, request: dict[str, Any]) -> dict[str, Any]:
        """Per-call timeout (``with_options``) on top of the client's."""
        return request if self._timeout is None else {**request, "timeout": self._timeout}


class SyncTransport(_Base):
    """Sends operations through one ``httpx.Client`` (one connection pool per service)."""

    def __init__(self, client: httpx.Client, *, sleep: Callable[[float], None] = time.sleep, **options: Any) -> None:
        super().__init__(client, **options)
        self._sleep = sleep

    def send(
        self,
        operation: OperationLike,
        arguments: dict[str, object],
        request: Callable[[], dict[str, Any]],
        parse: Callable[[httpx.Response], R],
    ) -> R:
        prepared = self._request(_build(operation, arguments, request))
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            response: httpx.Response | None = None
            cause: httpx.HTTPError | None = None
            error: HuaweiCloudJobsError
            try:
                response = self._client.request(**prepared)
            except httpx.HTTPError as exc:
                cause, error = exc, _transport_error(operation, exc)
            else:
                if 200 <= response.status_code < 300:
                    _log_attempt(operation, attempt, str(response.status_code), started)
                    return _finish(operation, response, parse)
                error = _status_error(operation, response)
            _log_attempt(operation, attempt, type(error).__name__, started)
            delay = _retry_delay(self._retry, attempt, error, cause, response, self._rng)
            if delay is None:
                raise error from cause
            self._sleep(delay)


class AsyncTransport(_Base):
    """Sends operations through one ``httpx.AsyncClient`` (one connection pool per service)."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(client, **options)
        if sleep is None:
            import asyncio  # here, so that `import huaweicloud_jobs` does not load asyncio

            sleep = asyncio.sleep
        self._sleep = sleep

    async def send(
        self,
        operation: OperationLike,
        arguments: dict[str, object],
        request: Callable[[], dict[str, Any]],
        parse: Callable[[httpx.Response], R],
    ) -> R:
        prepared = self._request(_build(operation, arguments, request))
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            response: httpx.Response | None = None
            cause: httpx.HTTPError | None = None
            error: HuaweiCloudJobsError
            try:
                response = await self._client.request(**prepared)
            except httpx.HTTPError as exc:
                cause, error = exc, _transport_error(operation, exc)
            else:
                if 200 <= response.status_code < 300:
                    _log_attempt(operation, attempt, str(response.status_code), started)
                    return _finish(operation, response, parse)
                error = _status_error(operation, response)
            _log_attempt(operation, attempt, type(error).__name__, started)
            delay = _retry_delay(self._retry, attempt, error, cause, response, self._rng)
            if delay is None:
                raise error from cause
            await self._sleep(delay)
