"""Sending one operation: build, send, retry, map errors, check and parse the response.

``HttpTransport`` and ``AsyncHttpTransport`` implement the ``Transport`` protocol that
every generated ``Service`` calls. They share everything except the loop that awaits:
request building (``_request``), error mapping (:func:`_transport_error`), the retry
decision (``RetryPolicy.retry_delay``, the only one) and response handling (:func:`finish`).
"""

from __future__ import annotations

import contextlib
import random
import time
import zlib
from collections.abc import Awaitable, Callable, Generator, Mapping, Sequence
from typing import Any, Final, TypeVar

import httpx

from . import _audit, _deadline, _defaults, _httpx_private, _redaction
from ._coerce import SchemaMismatchError, coerce, coerce_leniently
from ._error_body import request_id_from_headers
from ._exceptions import (
    ClientClosedError,
    ClientTimeoutError,
    ConnectionFailedError,
    HuaweiCloudJobsError,
    NotFoundError,
    OperationFailedError,
    ProjectRequiredError,
    ResponseTooLargeError,
    ResponseValidationError,
    TransportError,
    UnexpectedStatusError,
    make_status_error,
)
from ._ratelimit import RateLimiter
from ._request import build_request
from ._results import Acknowledgement, BatchResult, RawResponse
from ._retry import RetryPolicy, parse_retry_after
from ._service import Operation
from ._spec import OperationSpec, SuccessResponse, operation_spec

R = TypeVar("R")

_ATTEMPT = f"the attempt deadline, {_defaults.ATTEMPT_DEADLINE_FACTOR:g} x the read timeout"

# Failures that prove the request never reached the server.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def _switched_protocols(spec: OperationSpec, exc: httpx.HTTPError) -> UnexpectedStatusError | None:
    """A final ``101 Switching Protocols``: h11 refuses it (we never asked to upgrade) with a protocol error."""
    if isinstance(exc, httpx.RemoteProtocolError) and "_SWITCH_UPGRADE" in str(exc):
        return UnexpectedStatusError(
            101,
            service=spec.service,
            operation=spec.name,
            message="the server switched protocols (101) although no upgrade was asked for",
        )
    return None


def _transport_error(spec: OperationSpec, exc: httpx.HTTPError) -> TransportError | UnexpectedStatusError:
    """Our error for an httpx one, after masking the secret headers of the request it keeps.

    An httpx exception keeps the ``httpx.Request`` that failed (``exc.request``), and httpx
    masks only ``Authorization`` in its repr: ``X-Auth-Token`` and ``X-Security-Token`` would
    show in ``repr(exc.__cause__.request.headers)``. The request's headers are masked **in
    place** (``_redaction.scrub_request``) rather than chaining a sanitized copy: the same
    request object is also referenced from the traceback's frames, where a copy would leave
    the original reachable. The request is finished with (every attempt builds and signs a
    new one), so nothing reads those headers afterwards.
    """
    _redaction.scrub_request(getattr(exc, "_request", None))
    switched = _switched_protocols(spec, exc)
    if switched is not None:
        return switched
    kind = type(exc).__name__
    detail = str(exc) or kind
    sent = not isinstance(exc, _NOT_SENT)
    if isinstance(exc, httpx.TimeoutException):
        return ClientTimeoutError(f"{kind}: {detail}", service=spec.service, operation=spec.name, sent=sent)
    return ConnectionFailedError(f"{kind}: {detail}", service=spec.service, operation=spec.name, sent=sent)


def _unexpected(spec: OperationSpec, response: httpx.Response, message: str) -> UnexpectedStatusError:
    return UnexpectedStatusError(
        response.status_code,
        service=spec.service,
        operation=spec.name,
        message=message,
        request_id=request_id_from_headers(response.headers),
        body=response.content,
    )


def _invalid(
    spec: OperationSpec, response: httpx.Response, reason: str, partial: tuple[Any, tuple[str, ...]] | None = None
) -> ResponseValidationError:
    result, left_out = partial if partial is not None else (None, ())
    return ResponseValidationError(
        service=spec.service,
        operation=spec.name,
        status_code=response.status_code,
        reason=reason,
        body=response.content,
        partial=result,
        left_out=left_out,
    )


def _partial(
    operation: Operation[Any], success: SuccessResponse, response: httpx.Response
) -> tuple[Any, tuple[str, ...]] | None:
    """An object body that failed only on optional fields: the result without them, and their names (else None).

    Only reached after a body failed its check (the error path); a body that reports a failure
    (``x-error-in-body``) is never made into a result.
    """
    schema = success.schema
    if schema is None or schema.get("type") != "object":
        return None
    try:
        checked, left_out = coerce_leniently(lambda: _json_body(success, response), schema)
        failure = success.error_in_body
        if not isinstance(checked, dict) or (failure is not None and failure.reports_failure(checked)):
            return None
        return (checked if operation.model is None else operation.model(checked)), left_out
    except (SchemaMismatchError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _parse(operation: Operation[Any], spec: OperationSpec, success: SuccessResponse, response: httpx.Response) -> Any:
    schema = success.schema
    if schema is None:
        return Acknowledgement(
            status_code=response.status_code,
            request_id=request_id_from_headers(response.headers, success.request_id_headers),
        )
    try:
        checked = coerce(_json_body(success, response), schema)
        failure = success.error_in_body
        if failure is not None and isinstance(checked, dict) and failure.reports_failure(checked):
            raise _failed_in_body(spec, success, response, checked)
        model = operation.model
        if isinstance(checked, list):
            if model is not None:
                for index, item in enumerate(checked):  # each parsed dict is freed as its model replaces it
                    checked[index] = model(item)
            return BatchResult(checked, success.item_success) if success.item_success else checked
        return checked if model is None else model(checked)
    except (SchemaMismatchError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        partial = _partial(operation, success, response) if isinstance(exc, SchemaMismatchError) else None
        raise _invalid(spec, response, f"{type(exc).__name__}: {exc}", partial) from exc


def _json_body(success: SuccessResponse, response: httpx.Response) -> Any:
    """The body as JSON; where ``x-bare-string`` is declared, a bare string becomes ``{<field>: string}``.

    A body the spec types as a string, or an object declared ``x-bare-string``, is read as the
    official SDK reads a body it types as a string: JSON when it parses, else the text itself
    (a bare string); for ``x-bare-string`` an empty body is an empty object (every field absent).
    """
    field = success.bare_string
    is_text = isinstance(success.schema, dict) and success.schema.get("type") == "string"
    if field is None and not is_text:
        return response.json()
    try:
        value = response.json()
    except ValueError:
        value = response.content.decode("utf-8")  # not UTF-8: UnicodeDecodeError, a ValueError
    if field is None or not isinstance(value, str):
        return value
    return {field: value} if value else {}


def _failed_in_body(
    spec: OperationSpec, success: SuccessResponse, response: httpx.Response, body: dict[str, Any]
) -> OperationFailedError:
    declared = success.error_in_body
    assert declared is not None
    code = body.get(declared.code) if declared.code else None
    message = body.get(declared.message) if declared.message else None
    resource = body.get(declared.resource_id) if declared.resource_id else None
    state = declared.failed_state(body)
    if not (isinstance(message, str) and message) and state is not None:
        message = f"the body reports {declared.state} {state!r}"
    return OperationFailedError(
        response.status_code,
        service=spec.service,
        operation=spec.name,
        error_code=str(code) if code else None,
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
        if response.status_code < 300:
            documented = ", ".join(str(status) for status in sorted(spec.success)) or "none"
            kind = "success" if response.status_code >= 200 else "informational (1xx) final"
            return _unexpected(spec, response, f"undocumented {kind} status (documented: {documented})")
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


class _TooLarge(Exception):
    """Raised inside the body reader; becomes ResponseTooLargeError (success) or a cut body (error)."""


class _BodyReader:
    """Decodes one response body incrementally, keeping at most ``limit`` decoded bytes.

    gzip and deflate are decompressed here with ``max_length``, never more than the bytes
    still allowed at a time, so a gzip bomb costs at most ``limit`` bytes, not its inflated
    size (httpx's own decoder inflates a whole network chunk at once: ~1000x of 64 KiB).
    Other encodings go through httpx's decoder, chunk by chunk, with the same cap.

    Peak memory for one body: the kept chunks (<= ``limit``) plus one raw network chunk
    (64 KiB), then the joined copy: about ``2 * limit + 64 KiB``.
    """

    __slots__ = ("_chunks", "_decoder", "_deflate_first", "_httpx_decoder", "_limit", "_size")

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self._limit = limit
        self._size = 0
        self._chunks: list[bytes] = []
        self._decoder: Any = None
        self._httpx_decoder: Any = None
        self._deflate_first = False
        declared = response.headers.get("content-encoding")
        if not declared:
            return  # the usual case: the body is kept as it arrives
        encodings = [part.strip().lower() for part in declared.split(",") if part.strip()]
        encodings = [e for e in encodings if e != "identity"]
        if encodings == ["gzip"] or encodings == ["x-gzip"]:
            self._decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif encodings == ["deflate"]:
            self._decoder = zlib.decompressobj()
            self._deflate_first = True
        elif encodings:
            self._httpx_decoder = _httpx_private.content_decoder(response)

    def feed(self, raw: bytes) -> None:
        if self._decoder is not None:
            self._inflate(raw)
        elif self._httpx_decoder is not None:
            self._keep(self._httpx_decoder.decode(raw))
        else:
            self._keep(raw)

    def end(self) -> bytes:
        if self._decoder is not None:
            self._keep(self._decoder.flush())
        elif self._httpx_decoder is not None:
            self._keep(self._httpx_decoder.flush())
        return self._chunks[0] if len(self._chunks) == 1 else b"".join(self._chunks)

    def partial(self) -> bytes:
        return b"".join(self._chunks)

    def _inflate(self, data: bytes) -> None:
        while data and not self._decoder.eof:
            try:
                out = self._decoder.decompress(data, self._limit - self._size + 1)
            except zlib.error:
                if not self._deflate_first:
                    raise
                # "deflate" sent as raw deflate without the zlib wrapper (as httpx tolerates).
                self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                self._deflate_first = False
                continue
            self._deflate_first = False
            self._keep(out)
            data = self._decoder.unconsumed_tail

    def _keep(self, chunk: bytes) -> None:
        if not chunk:
            return
        self._size += len(chunk)
        if self._size > self._limit:
            room = self._limit - (self._size - len(chunk))
            if room > 0:
                self._chunks.append(chunk[:room])
            self._size = self._limit
            raise _TooLarge
        self._chunks.append(chunk)


def _declared_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    if value is None or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


class _Base:
    def __init__(
        self,
        client: Any,
        *,
        base_url: str | Sequence[str],
        project_id: str | None,
        retry: RetryPolicy,
        request_options: Mapping[str, Any] | None = None,
        rng: Callable[[], float] = random.random,
        clock: Callable[[], float] = time.monotonic,
        max_response_bytes: int = _defaults.MAX_RESPONSE_BYTES,
        limiter: RateLimiter | None = None,
    ) -> None:
        self._client = client
        self._limiter = limiter
        if isinstance(client, httpx.Client | httpx.AsyncClient):
            _deadline.bind(client)  # its sockets stop at the attempt deadline (LoopClients bind theirs)
        # Several endpoints: a connection that could not be opened moves on to the next one.
        urls = [base_url] if isinstance(base_url, str) else list(base_url)
        self._base_urls = tuple(url.rstrip("/") for url in urls)
        self._base_url = self._base_urls[0]
        self._project_id = project_id
        self._retry = retry
        options = dict(request_options or {})
        self._auth = options.pop("auth", httpx.USE_CLIENT_DEFAULT)
        self._options = options
        self._rng = rng
        self._clock = clock
        self._max_response_bytes = max_response_bytes

    @property
    def clock(self) -> Callable[[], float]:
        """What waiters measure their deadline with."""
        return self._clock

    def _current_client(self) -> Any:
        """The httpx client to send with: this transport's own, or the running event loop's (:class:`LoopClients`)."""
        holder = self._client
        return holder.current() if isinstance(holder, LoopClients) else holder

    @property
    def project_id(self) -> str:
        if not self._project_id:
            raise ProjectRequiredError(
                "this operation needs a project ID: pass project_id=... or set HUAWEICLOUD_SDK_PROJECT_ID"
            )
        return self._project_id

    def _prepare(
        self, operation: Operation[Any], arguments: Mapping[str, object], body: object
    ) -> tuple[OperationSpec, dict[str, Any], str]:
        spec = operation_spec(operation.package, operation.method, operation.path)
        if "{project_id}" in spec.path:
            arguments = {**arguments, "project_id": self.project_id}
        request = build_request(spec, arguments, body)
        path = request["url"]
        request["url"] = self._base_url + path
        request.update(self._options)
        if self._client.is_closed:
            raise ClientClosedError(f"{spec.service} {spec.name}: the client is closed; build a new Cloud")
        return spec, request, path

    def _reader(self, spec: OperationSpec, request: Mapping[str, Any], response: httpx.Response) -> _BodyReader | None:
        """What reads this body, bounded in size and time; None when it is already in memory (checked here)."""
        limit = self._max_response_bytes
        success = response.status_code in spec.success
        if _httpx_private.body_in_memory(response):  # already in memory (an httpx.MockTransport's response)
            if len(response.content) > limit:
                if success:
                    raise self._oversized(spec, response, response.content[:limit])
                _httpx_private.set_body(response, response.content[:limit])
            return None
        if success:
            length = _declared_length(response)
            if length is not None and length > limit and "content-encoding" not in response.headers:
                raise self._oversized(spec, response, b"")
        return _BodyReader(response, limit)

    def _read(self, spec: OperationSpec, reader: _BodyReader, raw: bytes, deadline: _deadline.Deadline | None) -> None:
        """One network chunk of the body, within the attempt's deadline.

        The sockets of httpx's own transports already stop at the deadline (``_deadline``);
        this check bounds the body read through any other transport, between its chunks.
        """
        reader.feed(raw)
        if deadline is not None and time.monotonic() > deadline.at:
            raise self._late(spec, deadline)

    def _read_failed(
        self, spec: OperationSpec, response: httpx.Response, reader: _BodyReader, error: Exception
    ) -> None:
        """Over the size cap (a success body: an error; an error body: keep what fits), or undecodable."""
        if isinstance(error, zlib.error):
            raise httpx.DecodingError(f"cannot decode the response body: {error}", request=response.request) from None
        if response.status_code in spec.success:
            raise self._oversized(spec, response, reader.partial()) from None
        _httpx_private.set_body(response, reader.partial())

    def _attempt_seconds(self, request: Mapping[str, Any]) -> float | None:
        """How long one attempt may take in all: ``ATTEMPT_DEADLINE_FACTOR`` read timeouts (none without one)."""
        timeout = request.get("timeout") or getattr(self._client, "timeout", None)
        read = timeout.read if isinstance(timeout, httpx.Timeout) else None
        return None if read is None else read * _defaults.ATTEMPT_DEADLINE_FACTOR

    def _oversized(self, spec: OperationSpec, response: httpx.Response, kept: bytes) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            service=spec.service,
            operation=spec.name,
            status_code=response.status_code,
            limit=self._max_response_bytes,
            body=kept,
        )

    def _late(self, spec: OperationSpec, deadline: _deadline.Deadline) -> ClientTimeoutError:
        return ClientTimeoutError(
            f"ReadTimeout: {deadline.message()}", service=spec.service, operation=spec.name, sent=True
        )

    @property
    def limiter(self) -> RateLimiter | None:
        """The sending rate this transport keeps (shared by the cloud's transports of one service endpoint)."""
        return self._limiter

    def _observe(self, ticket: float, response: httpx.Response | None) -> None:
        """Tell the rate limiter whether the service throttled this attempt (429)."""
        if self._limiter is not None:
            self._limiter.record(ticket, response is not None and response.status_code == _THROTTLED)

    def _resend_at_new_rate(self, ticket: float, response: httpx.Response | None, free: int) -> bool:
        """A 429 of a call spaced at a rate the limiter has cut since: sent again at once, at the new rate.

        Such a call was refused for the rate it was sent at, which is known to be too high now,
        not for anything of its own, so the resend does not use up one of its attempts (up to
        ``max_attempts - 1`` such resends; a policy that does not retry 429 resends none). A 429
        with ``Retry-After`` is the server's own instruction: it goes the usual retry way.
        """
        limiter = self._limiter
        return (
            limiter is not None
            and response is not None
            and response.status_code == _THROTTLED
            and "retry-after" not in response.headers
            and free < self._retry.max_attempts - 1
            and self._retry.should_retry_status(_THROTTLED)
            and not limiter.still_valid(ticket)
        )

    def _delay(
        self,
        spec: OperationSpec,
        attempt: int,
        error: HuaweiCloudJobsError,
        response: httpx.Response | None,
        waited: float,
        outer: _deadline.Deadline | None,
    ) -> float | None:
        """The wait before the next attempt, or None: no retry (the policy says so, or the wait would end
        past a deadline set around the whole call, a waiter's)."""
        retry_after = parse_retry_after(response.headers.get("Retry-After")) if response is not None else None
        delay = self._retry.retry_delay(
            attempt, error, idempotent=spec.idempotent, retry_after=retry_after, waited=waited, rng=self._rng
        )
        if delay is not None and outer is not None and time.monotonic() + delay >= outer.at:
            return None
        return delay

    def _failover(self, request: dict[str, Any], path: str, outcome: HuaweiCloudJobsError) -> bool:
        """Point the request at the next endpoint when this one could not even be connected to."""
        current = next((i for i, url in enumerate(self._base_urls) if request["url"] == url + path), 0)
        following = current + 1
        if not isinstance(outcome, TransportError) or outcome.sent or following >= len(self._base_urls):
            return False
        request["url"] = self._base_urls[following] + path
        return True

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

    def _audit(
        self,
        spec: OperationSpec,
        path: str,
        attempt: int,
        outcome: RawResponse[Any] | HuaweiCloudJobsError,
        response: httpx.Response | None,
        started: float,
        span: Any,
    ) -> None:
        status = response.status_code if response is not None else None
        request_id = outcome.request_id if isinstance(outcome, RawResponse) else getattr(outcome, "request_id", None)
        error = None if isinstance(outcome, RawResponse) else type(outcome).__name__
        if span is not None:
            _audit.record_outcome(span, status, error, request_id)
        if _audit.logger.isEnabledFor(_INFO):
            shown = str(status) if error is None else (f"{status} {error}" if status is not None else error)
            _audit.log_attempt(
                spec.service, spec.name, spec.method, path, attempt, shown, started, time.perf_counter(), request_id
            )

    def _steps(
        self, operation: Operation[R], spec: OperationSpec, request: dict[str, Any], path: str, missing_ok: bool
    ) -> Generator[float | _Send, httpx.Response | Exception | None, RawResponse[R]]:
        """Every decision of one call, without I/O: the sync and asyncio ``send`` only carry it out.

        Yields a number of seconds to sleep (the rate limiter's pacing, a retry's backoff) or
        :data:`SEND` (send ``request`` once, then pass back the response or the httpx/our error
        it raised). Returns the result; raises the final error.
        """
        attempt, waited, resent, free = 0, 0.0, False, 0
        outer = _deadline.current()
        limiter = self._limiter
        while True:
            attempt += 1
            ticket = 0.0
            while limiter is not None:
                pause, ticket = limiter.acquire()
                if pause <= 0:
                    break
                yield pause
                if limiter.still_valid(ticket):
                    break
            started = time.perf_counter()
            response: httpx.Response | None = None
            cause: BaseException | None = None
            outcome: RawResponse[R] | HuaweiCloudJobsError
            with _audit.attempt_span(spec.service, spec.name, attempt) as span:
                received = yield SEND
                if isinstance(received, httpx.HTTPError):
                    cause, outcome = received, _transport_error(spec, received)
                elif isinstance(received, HuaweiCloudJobsError):
                    outcome = received
                else:
                    assert isinstance(received, httpx.Response)
                    response = received
                    outcome = finish(operation, spec, response)
                self._audit(spec, path, attempt, outcome, response, started, span)
            self._observe(ticket, response)
            if isinstance(outcome, RawResponse):
                return outcome
            gone = self._gone(spec, outcome, response, missing_ok, resent)
            if gone is not None:
                return gone
            if self._failover(request, path, outcome):
                continue
            if self._resend_at_new_rate(ticket, response, free):
                free += 1
                continue
            delay = self._delay(spec, attempt - free, outcome, response, waited, outer)
            if delay is None:
                raise outcome from cause
            resent = resent or not isinstance(outcome, TransportError) or outcome.sent
            yield delay
            waited += delay


class _Send:
    """The step "send the request now" of :meth:`_Base._steps`."""

    __slots__ = ()


SEND: Final = _Send()  # the one instance
_INFO = 20  # logging.INFO, without importing logging here
_THROTTLED = 429


class HttpTransport(_Base):
    """Sends operations through one ``httpx.Client``."""

    def __init__(self, client: httpx.Client, *, sleep: Callable[[float], None] = time.sleep, **options: Any) -> None:
        super().__init__(client, **options)
        self._sleep = sleep

    @property
    def sleep(self) -> Callable[[float], None]:
        return self._sleep

    def _receive(self, spec: OperationSpec, request: dict[str, Any]) -> httpx.Response:
        """Send and read the body, bounded in size and in time (the attempt deadline); raises httpx errors or ours."""
        client: httpx.Client = self._current_client()
        token = _deadline.enter(self._attempt_seconds(request), _ATTEMPT)
        try:
            response = client.send(client.build_request(**request), auth=self._auth, stream=True)
            try:
                reader = self._reader(spec, request, response)
                if reader is not None:
                    deadline = _deadline.current()
                    try:
                        for raw in response.iter_raw():
                            self._read(spec, reader, raw, deadline)
                        _httpx_private.set_body(response, reader.end())
                    except (_TooLarge, zlib.error) as error:
                        self._read_failed(spec, response, reader, error)
                return response
            finally:
                response.close()
        finally:
            _deadline.leave(token)

    def send(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object, *, missing_ok: bool = False
    ) -> RawResponse[R]:
        spec, request, path = self._prepare(operation, arguments, body)
        steps = self._steps(operation, spec, request, path, missing_ok)
        with _audit.call_span(spec.service, spec.name, spec.method, spec.path), contextlib.closing(steps):
            step = next(steps)
            while True:
                reply: httpx.Response | Exception | None = None
                if isinstance(step, _Send):
                    try:
                        reply = self._receive(spec, request)
                    except (httpx.HTTPError, HuaweiCloudJobsError) as exc:
                        reply = exc
                else:
                    self._sleep(step)
                try:
                    step = steps.send(reply)
                except StopIteration as done:
                    result: RawResponse[R] = done.value
                    return result


class LoopClients:
    """One ``httpx.AsyncClient`` per event loop, so that an ``AsyncCloud`` works across loops.

    An ``httpx.AsyncClient``'s pooled connections belong to the event loop that opened them:
    used from a second ``asyncio.run()`` they fail with ``RuntimeError: Event loop is closed``.
    Clients are kept in a ``WeakKeyDictionary`` keyed by loop, so a finished loop's client is
    dropped with it; :meth:`aclose` closes the current loop's client and forgets the others
    (their loops are gone or not ours to await on).
    """

    def __init__(self, factory: Callable[[], httpx.AsyncClient], *, timeout: httpx.Timeout) -> None:
        import threading
        import weakref

        self._factory = factory
        self._clients: weakref.WeakKeyDictionary[Any, httpx.AsyncClient] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()
        self.is_closed = False
        self.timeout = timeout  # what every client gets (compared by with_options views)

    def current(self) -> httpx.AsyncClient:
        import asyncio

        loop = asyncio.get_running_loop()
        with self._lock:
            client = self._clients.get(loop)
            if client is None:
                client = self._clients[loop] = self._factory()
                _deadline.bind(client)
            return client

    async def aclose(self) -> None:
        import asyncio

        self.is_closed = True
        loop = asyncio.get_running_loop()
        with self._lock:
            clients, self._clients = dict(self._clients), type(self._clients)()
        for owner, client in clients.items():
            if owner is loop:
                await client.aclose()


class AsyncHttpTransport(_Base):
    """Sends operations through one ``httpx.AsyncClient`` (or one per event loop: :class:`LoopClients`)."""

    def __init__(
        self,
        client: httpx.AsyncClient | LoopClients,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(client, **options)
        if sleep is None:
            import asyncio  # here, so that `import huaweicloud_jobs` does not load asyncio

            sleep = asyncio.sleep
        self._sleep = sleep

    @property
    def sleep(self) -> Callable[[float], Awaitable[None]]:
        return self._sleep

    async def _receive(self, spec: OperationSpec, request: dict[str, Any]) -> httpx.Response:
        """The asyncio twin of ``HttpTransport._receive``."""
        client: httpx.AsyncClient = self._current_client()
        token = _deadline.enter(self._attempt_seconds(request), _ATTEMPT)
        try:
            response = await client.send(client.build_request(**request), auth=self._auth, stream=True)
            try:
                reader = self._reader(spec, request, response)
                if reader is not None:
                    deadline = _deadline.current()
                    try:
                        async for raw in response.aiter_raw():
                            self._read(spec, reader, raw, deadline)
                        _httpx_private.set_body(response, reader.end())
                    except (_TooLarge, zlib.error) as error:
                        self._read_failed(spec, response, reader, error)
                return response
            finally:
                await response.aclose()
        finally:
            _deadline.leave(token)

    async def send(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object, *, missing_ok: bool = False
    ) -> RawResponse[R]:
        spec, request, path = self._prepare(operation, arguments, body)
        steps = self._steps(operation, spec, request, path, missing_ok)
        with _audit.call_span(spec.service, spec.name, spec.method, spec.path), contextlib.closing(steps):
            step = next(steps)
            while True:
                reply: httpx.Response | Exception | None = None
                if isinstance(step, _Send):
                    try:
                        reply = await self._receive(spec, request)
                    except (httpx.HTTPError, HuaweiCloudJobsError) as exc:
                        reply = exc
                else:
                    await self._sleep(step)
                try:
                    step = steps.send(reply)
                except StopIteration as done:
                    result: RawResponse[R] = done.value
                    return result
