"""Exceptions raised by the huaweicloud-jobs clients: one class per meaning.

Modelled on openai-python's ``_exceptions.py``.  Hierarchy::

    HuaweiCloudJobsError
    ├── CredentialsError (also ValueError)
    ├── InvalidParameterError (also ValueError)
    ├── ProjectRequiredError (also ValueError)
    ├── ClientClosedError (also RuntimeError)
    ├── BatchFailedError               some items of a batch operation failed
    ├── ResponseValidationError
    │   └── ResponseTooLargeError      a body over the size cap (the connection is closed)
    ├── RequestTimeoutError            catches both timeout kinds below
    ├── TransportError
    │   ├── ConnectionFailedError
    │   └── ClientTimeoutError (also RequestTimeoutError)
    └── APIStatusError
        ├── BadRequestError            400
        ├── AuthenticationError        401
        ├── PermissionDeniedError      403
        ├── NotFoundError              404
        ├── ServerTimeoutError         408 (also RequestTimeoutError)
        ├── ConflictError              409
        ├── RateLimitError             429
        ├── ServerError                5xx
        ├── UnexpectedStatusError      any other non-2xx status
        └── OperationFailedError       failure reported inside a 2xx body

Secrets: exceptions only ever hold *response* data (status, bounded body, request
id).  Request headers -- where the AK/SK signature, X-Auth-Token and
X-Security-Token live -- are never stored, so they cannot leak through ``str()``,
``repr()``, logging or pickling.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from ._error_body import parse_error_body, request_id_from_headers
from ._public import publish

__all__ = [
    "APIStatusError",
    "AuthenticationError",
    "BadRequestError",
    "BatchFailedError",
    "ClientClosedError",
    "ClientTimeoutError",
    "ConflictError",
    "ConnectionFailedError",
    "CredentialsError",
    "HuaweiCloudJobsError",
    "InvalidParameterError",
    "NotFoundError",
    "OperationFailedError",
    "PermissionDeniedError",
    "ProjectRequiredError",
    "RateLimitError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "ServerTimeoutError",
    "TransportError",
    "UnexpectedStatusError",
    "make_status_error",
    "status_error_class",
]

MAX_BODY_BYTES = 8 * 1024
"""At most this many bytes of a response body are kept on an exception."""

_MAX_MESSAGE_CHARS = 300
_MAX_TOKEN_CHARS = 128  # error codes, request ids, service/operation names


def _one_line(text: str, limit: int) -> str:
    """Make server-controlled text safe for a single log line.

    Control characters (newlines, ANSI escapes, ...) become spaces, whitespace runs
    collapse, and anything longer than ``limit`` is cut with an ellipsis.
    """
    text = text[: limit * 4]  # bound the work on huge inputs
    cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned


def _context(*parts: str | None) -> str:
    """Render ``(a, b)`` from the non-empty parts, or ``""`` if there are none."""
    present = [p for p in parts if p]
    return f" ({', '.join(present)})" if present else ""


def _where(service: str, operation: str) -> str:
    return _one_line(f"{service} {operation}", _MAX_TOKEN_CHARS)


class HuaweiCloudJobsError(Exception):
    """Base class for every exception the library raises."""


class CredentialsError(HuaweiCloudJobsError, ValueError):
    """Credentials are missing or invalid (detected locally, before any request)."""


class InvalidParameterError(HuaweiCloudJobsError, ValueError):
    """An argument was rejected before anything was sent.

    ``str()`` reads like ``invalid job_ids[1]: must be an integer in int64 range, got True``.
    """

    def __init__(self, parameter: str, reason: str) -> None:
        self.parameter = parameter
        self.reason = reason
        super().__init__(f"invalid {parameter}: {reason}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.parameter, self.reason))


class ClientClosedError(HuaweiCloudJobsError, RuntimeError):
    """A call on a client that was closed (``close()``, or the end of its ``with`` block)."""


class ProjectRequiredError(HuaweiCloudJobsError, ValueError):
    """An operation needs a project ID and none was configured."""


class BatchFailedError(HuaweiCloudJobsError):
    """Some items of a batch operation were not carried out; ``failures`` lists them."""

    def __init__(self, failures: list[Any], total: int) -> None:
        self.failures = failures
        self.total = total
        super().__init__(f"{len(failures)} of {total} batch items failed")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.failures, self.total))


class ResponseValidationError(HuaweiCloudJobsError):
    """A 2xx response whose body does not match the documented schema.

    Where only optional fields of an object body are wrong, ``partial`` is the result built
    without them and ``left_out`` names them (``"job.create_time"``); otherwise ``partial`` is
    None. Waiters read a state from ``partial`` when the field they watch is not left out.
    """

    def __init__(
        self,
        *,
        service: str,
        operation: str,
        status_code: int,
        reason: str,
        body: bytes = b"",
        partial: Any = None,
        left_out: tuple[str, ...] = (),
    ) -> None:
        self.service = service
        self.operation = operation
        self.status_code = status_code
        self.reason = reason
        self.body = bytes(body[:MAX_BODY_BYTES])
        self.partial = partial
        self.left_out = tuple(left_out)
        super().__init__(
            f"unexpected response body for HTTP {status_code}: "
            f"{_one_line(reason, _MAX_MESSAGE_CHARS)}{_context(_where(service, operation))}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs: dict[str, Any] = {
            "service": self.service,
            "operation": self.operation,
            "status_code": self.status_code,
            "reason": self.reason,
            "body": self.body,
            "partial": self.partial,
            "left_out": self.left_out,
        }
        return (functools.partial(type(self), **kwargs), ())


class ResponseTooLargeError(ResponseValidationError):
    """A success response whose body, decompressed, is larger than the cloud's ``max_response_bytes``.

    Reading stopped at the cap and the connection was closed; ``limit`` is the cap and ``body``
    the first bytes (at most :data:`MAX_BODY_BYTES`). The server may have acted on the request.
    """

    def __init__(self, *, service: str, operation: str, status_code: int, limit: int, body: bytes = b"") -> None:
        self.limit = limit
        super().__init__(
            service=service,
            operation=operation,
            status_code=status_code,
            reason=f"the body is larger than {limit} bytes (max_response_bytes); reading stopped there",
            body=body,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        kwargs: dict[str, Any] = {
            "service": self.service,
            "operation": self.operation,
            "status_code": self.status_code,
            "limit": self.limit,
            "body": self.body,
        }
        return (functools.partial(type(self), **kwargs), ())


class RequestTimeoutError(HuaweiCloudJobsError):
    """Base for timeouts: ``except RequestTimeoutError`` catches both the server's
    408 (:class:`ServerTimeoutError`) and client-side timeouts (:class:`ClientTimeoutError`)."""


class TransportError(HuaweiCloudJobsError):
    """No usable HTTP response was received.

    ``sent`` is False only when the request provably never left (the connection could not
    be opened, or no pooled connection became free); otherwise the server may have acted on it.
    """

    def __init__(self, message: str, *, service: str = "", operation: str = "", sent: bool = True) -> None:
        self.message = message
        self.service = service
        self.operation = operation
        self.sent = sent
        text = _one_line(message, _MAX_MESSAGE_CHARS) or "<no message>"
        super().__init__(f"{text}{_context(_where(service, operation))}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            functools.partial(type(self), self.message, service=self.service, operation=self.operation, sent=self.sent),
            (),
        )


class ConnectionFailedError(TransportError):
    """Connecting failed, or the connection broke: refused/reset, DNS, TLS, protocol errors."""


class ClientTimeoutError(TransportError, RequestTimeoutError):
    """A client-side timeout (connect, read, write or pool)."""


class APIStatusError(HuaweiCloudJobsError):
    """The service answered with an error.

    Fields come from the response only: ``error_code`` is the service code such as
    ``DRS.10000010``, ``APIG.1002`` or ``AOM.31001306``; ``body`` keeps at most
    :data:`MAX_BODY_BYTES` bytes.  ``str()`` is one line, e.g.
    ``404 AOM.31001306: Execution not exist. (request_id=abc, aom terminate_execution)``.
    """

    def __init__(
        self,
        status_code: int,
        *,
        service: str,
        operation: str,
        error_code: str | None = None,
        message: str | None = None,
        common_error_code: str | None = None,
        solution_msg: str | None = None,
        http_code: int | None = None,
        request_id: str | None = None,
        body: bytes = b"",
    ) -> None:
        self.status_code = status_code
        self.service = service
        self.operation = operation
        self.error_code = error_code
        self.message = message
        self.common_error_code = common_error_code
        self.solution_msg = solution_msg
        self.http_code = http_code
        self.request_id = request_id
        self.body = bytes(body[:MAX_BODY_BYTES])
        super().__init__(self._render())

    def _extra_context(self) -> str | None:
        """Hook for subclasses: one more ``key=value`` shown in the parentheses."""
        return None

    def _render(self) -> str:
        head = str(self.status_code)
        if self.error_code:
            head += " " + _one_line(self.error_code, _MAX_TOKEN_CHARS)
        text = _one_line(self.message or "", _MAX_MESSAGE_CHARS) or "<no message>"
        request_id = "request_id=" + _one_line(self.request_id, _MAX_TOKEN_CHARS) if self.request_id else None
        where = _where(self.service, self.operation)
        return f"{head}: {text}{_context(self._extra_context(), request_id, where)}"

    def _init_kwargs(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "operation": self.operation,
            "error_code": self.error_code,
            "message": self.message,
            "common_error_code": self.common_error_code,
            "solution_msg": self.solution_msg,
            "http_code": self.http_code,
            "request_id": self.request_id,
            "body": self.body,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        return (functools.partial(type(self), self.status_code, **self._init_kwargs()), ())


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401: the signature or token was rejected."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ServerTimeoutError(APIStatusError, RequestTimeoutError):
    """HTTP 408."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class ServerError(APIStatusError):
    """HTTP 5xx, including non-standard ones such as 520."""


class UnexpectedStatusError(APIStatusError):
    """Any other status the operation does not document: e.g. 499, a 3xx that was not followed,
    a final 1xx (``101 Switching Protocols``) or an undocumented 2xx."""


class OperationFailedError(APIStatusError):
    """The operation failed although the HTTP status was 2xx.

    DRS, for instance, answers a batch stop with HTTP 200 and a per-job ``status``
    plus ``error_code``/``error_msg``; a failed stop must not look like a success.
    ``resource_id`` names the affected job/resource when the body says which.
    """

    def __init__(self, status_code: int, *, resource_id: str | None = None, **kwargs: Any) -> None:
        self.resource_id = resource_id
        super().__init__(status_code, **kwargs)

    def _extra_context(self) -> str | None:
        if not self.resource_id:
            return None
        return "resource_id=" + _one_line(self.resource_id, _MAX_TOKEN_CHARS)

    def _init_kwargs(self) -> dict[str, Any]:
        return {**super()._init_kwargs(), "resource_id": self.resource_id}


_CLASS_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: ServerTimeoutError,
    409: ConflictError,
    429: RateLimitError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for a non-2xx HTTP status.

    Raises ``ValueError`` for 2xx statuses, which are not errors (use
    :class:`OperationFailedError` for failures reported inside a 2xx body).
    """
    if 200 <= status_code <= 299:
        raise ValueError(f"HTTP {status_code} is a success status, not an error")
    if status_code in _CLASS_BY_STATUS:
        return _CLASS_BY_STATUS[status_code]
    if 500 <= status_code <= 599:
        return ServerError
    return UnexpectedStatusError


def make_status_error(
    status_code: int,
    body: bytes,
    headers: Mapping[str, str],
    *,
    service: str,
    operation: str,
    request_id_headers: tuple[str, ...] = (),
) -> APIStatusError:
    """Build the right :class:`APIStatusError` subclass from a non-2xx response.

    ``headers`` are the *response* headers; only the request id is taken from them
    (``request_id_headers``: the names the operation documents for it, looked at first).
    """
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    details = parse_error_body(body, content_type)
    return status_error_class(status_code)(
        status_code,
        service=service,
        operation=operation,
        error_code=details.error_code,
        message=details.message,
        common_error_code=details.common_error_code,
        solution_msg=details.solution_msg,
        http_code=details.http_code,
        request_id=request_id_from_headers(headers, request_id_headers),
        body=body,
    )


publish(
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    BatchFailedError,
    ClientClosedError,
    ClientTimeoutError,
    ConflictError,
    ConnectionFailedError,
    CredentialsError,
    HuaweiCloudJobsError,
    InvalidParameterError,
    NotFoundError,
    OperationFailedError,
    PermissionDeniedError,
    ProjectRequiredError,
    RateLimitError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    ServerTimeoutError,
    TransportError,
    UnexpectedStatusError,
)
