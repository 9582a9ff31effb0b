"""Sending one operation: build, send, retry, map errors, check and parse the response.

``HttpTransport`` and ``AsyncHttpTransport`` implement the ``Transport`` protocol that
every generated ``Service`` calls. They share everything except the loop that awaits:
request building (``_request``), error mapping (:func:`_transport_error`), the retry
decision (``RetryPolicy.retry_delay``, the only one) and response handling (:func:`finish`).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import httpx

from ._coerce import SchemaMismatchError, coerce
from ._error_body import request_id_from_headers
from ._exceptions import (
    ClientClosedError,
    ClientTimeoutError,
    ConnectionFailedError,
    HuaweiCloudJobsError,
    NotFoundError,
    OperationFailedError,
    ProjectRequiredError,
    ResponseValidationError,
    TransportError,
    UnexpectedStatusError,
    make_status_error,
)
from ._request import build_request
from ._results import Acknowledgement, BatchResult, RawResponse
from ._retry import RetryPolicy, parse_retry_after
from ._service import Operation
from ._spec import OperationSpec, SuccessResponse, operation_spec

logger = logging.getLogger("huaweicloud_jobs")

R = TypeVar("R")

# Failures that prove the request never reached the server.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def _transport_error(spec: OperationSpec, exc: httpx.HTTPError) -> TransportError:
    kind = type(exc).__name__
    detail = str(exc) or kind
    sent = not isinstance(exc, _NOT_SENT)
    if isinstance(exc, httpx.TimeoutException):
        return ClientTimeoutError(f"{kind}: {detail}", service=spec.service, operation=spec.name, sent=sent)
    return ConnectionFailedError(f"{kind}: {detail}", service=spec.service, operation=spec.name, sent=sent)


def _invalid(spec: OperationSpec, response: httpx.Response, reason: str) -> ResponseValidationError:
    return ResponseValidationError(
        service=spec.service,
        operation=spec.name,
        status_code=response.status_code,
        reason=reason,
        body=response.content,
    )


def _parse(operation: Operation[Any], spec: OperationSpec, success: SuccessResponse, response: httpx.Response) -> Any:
    schema = success.schema
    if schema is None:
        return Acknowledgement(
            status_code=response.status_code,
            request_id=request_id_from_headers(response.headers, success.request_id_headers),
        )
    try:
        checked = coerce(response.json(), schema)
        failure = success.error_in_body
        if failure is not None and isinstance(checked, dict) and checked.get(failure.code):
            raise _failed_in_body(spec, success, response, checked)
        model = operation.model
        if isinstance(checked, list):
            items = checked if model is None else [model(item) for item in checked]
            return BatchResult(items, success.item_success) if success.item_success else items
        return checked if model is None else model(checked)
    except (SchemaMismatchError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise _invalid(spec, response, f"{type(exc).__name__}: {exc}") from exc


def _failed_in_body(
    spec: OperationSpec, success: SuccessResponse, response: httpx.Response, body: dict[str, Any]
) -> OperationFailedError:
    declared = success.error_in_body
    assert declared is not None
    message = body.get(declared.message) if declared.message else None
    resource = body.get(declared.resource_id) if declared.resource_id else None
    return OperationFailedError(
        response.status_code,
        service=spec.service,
        operation=spec.name,
        error_code=str(body[declared.code]),
        message=message if isinstance(message, str) else None,
        request_id=request_id_from_headers(response.headers, success.request_id_headers),
        resource_id=resource if isinstance(resource, str) else None,
        body=response.content,
    )


def finish(
    operation: Operation[R], spec: OperationSpec, response: httpx.Response
) -> RawResponse[R] | HuaweiCloudJobsError:
    """The response as a result, or the error it means (returned, so the caller can decide on a retry)."""
    success = spec.success.get(response.status_code)
    if success is None:
        if 200 <= response.status_code < 300:
            documented = ", ".join(str(status) for status in sorted(spec.success)) or "none"
            return UnexpectedStatusError(
                response.status_code,
                service=spec.service,
                operation=spec.name,
                message=f"undocumented success status (documented: {documented})",
                request_id=request_id_from_headers(response.headers),
                body=response.content,
            )
        first = spec.first_success
        return make_status_error(
            response.status_code,
            response.content,
            response.headers,
            service=spec.service,
            operation=spec.name,
            request_id_headers=first.request_id_headers if first else (),
        )
    parsed = _parse(operation, spec, success, response)
    return RawResponse(
        status_code=response.status_code,
        headers=response.headers,
        request_id=request_id_from_headers(response.headers, success.request_id_headers),
        parsed=parsed,
        content=response.content,
    )


def _log_attempt(spec: OperationSpec, attempt: int, outcome: str, started: float) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        elapsed = (time.perf_counter() - started) * 1000
        logger.debug("%s %s attempt %d: %s (%.1f ms)", spec.service, spec.name, attempt, outcome, elapsed)


class _Base:
    def __init__(
        self,
        client: Any,
        *,
        base_url: str,
        project_id: str | None,
        retry: RetryPolicy,
        request_options: Mapping[str, Any] | None = None,
        rng: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._project_id = project_id
        self._retry = retry
        self._options = dict(request_options or {})
        self._rng = rng
        self._clock = clock

    @property
    def clock(self) -> Callable[[], float]:
        """What waiters measure their deadline with."""
        return self._clock

    @property
    def project_id(self) -> str:
        if not self._project_id:
            raise ProjectRequiredError(
                "this operation needs a project ID: pass project_id=... or set HUAWEICLOUD_SDK_PROJECT_ID"
            )
        return self._project_id

    def _prepare(
        self, operation: Operation[Any], arguments: Mapping[str, object], body: object
    ) -> tuple[OperationSpec, dict[str, Any]]:
        spec = operation_spec(operation.package, operation.method, operation.path)
        if "{project_id}" in spec.path:
            arguments = {**arguments, "project_id": self.project_id}
        request = build_request(spec, arguments, body)
        request["url"] = self._base_url + request["url"]
        request.update(self._options)
        if self._client.is_closed:
            raise ClientClosedError(f"{spec.service} {spec.name}: the client is closed; build a new Cloud")
        return spec, request

    @staticmethod
    def _gone(
        spec: OperationSpec,
        outcome: HuaweiCloudJobsError,
        response: httpx.Response | None,
        missing_ok: bool,
        resent: bool,
    ) -> RawResponse[Any] | None:
        """A 404 that means "done": asked for (``missing_ok``), or a delete whose earlier attempt may have acted."""
        if response is None or not isinstance(outcome, NotFoundError):
            return None
        if not (missing_ok or (resent and spec.method == "DELETE")):
            return None
        request_id = request_id_from_headers(response.headers)
        return RawResponse(
            status_code=response.status_code,
            headers=response.headers,
            request_id=request_id,
            parsed=Acknowledgement(status_code=response.status_code, request_id=request_id, missing=True),
            content=response.content,
        )

    def _delay(
        self,
        spec: OperationSpec,
        attempt: int,
        error: HuaweiCloudJobsError,
        response: httpx.Response | None,
        waited: float,
    ) -> float | None:
        retry_after = parse_retry_after(response.headers.get("Retry-After")) if response is not None else None
        return self._retry.retry_delay(
            attempt, error, idempotent=spec.idempotent, retry_after=retry_after, waited=waited, rng=self._rng
        )


class HttpTransport(_Base):
    """Sends operations through one ``httpx.Client``."""

    def __init__(self, client: httpx.Client, *, sleep: Callable[[float], None] = time.sleep, **options: Any) -> None:
        super().__init__(client, **options)
        self._sleep = sleep

    @property
    def sleep(self) -> Callable[[float], None]:
        return self._sleep

    def send(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object, *, missing_ok: bool = False
    ) -> RawResponse[R]:
        spec, request = self._prepare(operation, arguments, body)
        attempt, waited, resent = 0, 0.0, False
        while True:
            attempt += 1
            started = time.perf_counter()
            response: httpx.Response | None = None
            cause: httpx.HTTPError | None = None
            outcome: RawResponse[R] | HuaweiCloudJobsError
            try:
                response = self._client.request(**request)
            except httpx.HTTPError as exc:
                cause, outcome = exc, _transport_error(spec, exc)
            else:
                outcome = finish(operation, spec, response)
                if isinstance(outcome, RawResponse):
                    _log_attempt(spec, attempt, str(response.status_code), started)
                    return outcome
            _log_attempt(spec, attempt, type(outcome).__name__, started)
            gone = self._gone(spec, outcome, response, missing_ok, resent)
            if gone is not None:
                return gone
            delay = self._delay(spec, attempt, outcome, response, waited)
            if delay is None:
                raise outcome from cause
            resent = resent or not isinstance(outcome, TransportError) or outcome.sent
            self._sleep(delay)
            waited += delay


class AsyncHttpTransport(_Base):
    """Sends operations through one ``httpx.AsyncClient``."""

    def __init__(
        self, client: httpx.AsyncClient, *, sleep: Callable[[float], Awaitable[None]] | None = None, **options: Any
    ) -> None:
        super().__init__(client, **options)
        if sleep is None:
            import asyncio  # here, so that `import huaweicloud_jobs` does not load asyncio

            sleep = asyncio.sleep
        self._sleep = sleep

    @property
    def sleep(self) -> Callable[[float], Awaitable[None]]:
        return self._sleep

    async def send(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object, *, missing_ok: bool = False
    ) -> RawResponse[R]:
        spec, request = self._prepare(operation, arguments, body)
        attempt, waited, resent = 0, 0.0, False
        while True:
            attempt += 1
            started = time.perf_counter()
            response: httpx.Response | None = None
            cause: httpx.HTTPError | None = None
            outcome: RawResponse[R] | HuaweiCloudJobsError
            try:
                response = await self._client.request(**request)
            except httpx.HTTPError as exc:
                cause, outcome = exc, _transport_error(spec, exc)
            else:
                outcome = finish(operation, spec, response)
                if isinstance(outcome, RawResponse):
                    _log_attempt(spec, attempt, str(response.status_code), started)
                    return outcome
            _log_attempt(spec, attempt, type(outcome).__name__, started)
            gone = self._gone(spec, outcome, response, missing_ok, resent)
            if gone is not None:
                return gone
            delay = self._delay(spec, attempt, outcome, response, waited)
            if delay is None:
                raise outcome from cause
            resent = resent or not isinstance(outcome, TransportError) or outcome.sent
            await self._sleep(delay)
            waited += delay
