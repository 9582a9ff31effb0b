"""One wall-clock deadline per attempt, honoured by every socket operation, sync and asyncio alike.

httpx's timeouts bound each socket operation, not a response: httpcore reads the status line
and headers with a fresh read timeout per network read and loops over ``1xx`` interim
responses, so a server that drips one byte per second, or answers ``102 Processing`` forever,
never trips them. Here the deadline of the current attempt -- an absolute ``time.monotonic()``
moment -- is held in a :class:`~contextvars.ContextVar` (set by the transport around sending
and reading one response; a thread and an asyncio task each see their own), and the network
backend of httpcore's connection pool is wrapped so that every connect, TLS handshake, read
and write gets at most the time left, and fails at once with httpcore's own timeout error when
none is left. httpcore then closes the connection (the response was not complete) and httpx
raises ``ReadTimeout`` (or ``WriteTimeout``/``ConnectTimeout``), which the transport maps to
``ClientTimeoutError`` as it does any timeout.

No thread and no timer per request: one context-variable read and one clock read per socket
operation, and nothing at all outside an attempt (the variable is unset, the wrapper passes
straight through), so wrapping a pool that is also used directly changes nothing there.

Deadlines nest: an attempt made while an outer deadline is set (a waiter's poll, a token
fetched inside a call) ends by the earlier of the two.

What is bounded: the pools of httpx's own ``HTTPTransport``/``AsyncHTTPTransport`` (and the
proxy transports httpx mounts for ``HTTPS_PROXY``/``ALL_PROXY``) of every client a transport
sends through, ours or one passed as ``http_client=``/``transport=``. Connections such a
client opened before it was handed over keep their unwrapped streams; a transport of another
kind is not wrapped (the transport still checks the deadline between body chunks).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar, Token
from typing import Any, NamedTuple

import httpcore
import httpx


class Deadline(NamedTuple):
    """When the current work must be over (``time.monotonic()``), and what set it (for the error)."""

    at: float
    seconds: float
    what: str

    def message(self) -> str:
        return f"no complete response within {self.seconds:g} s ({self.what})"


_current: ContextVar[Deadline | None] = ContextVar("huaweicloud_jobs_deadline", default=None)


def current() -> Deadline | None:
    """The deadline in force here, if any."""
    return _current.get()


def enter(seconds: float | None, what: str) -> Token[Deadline | None]:
    """Start a deadline ``seconds`` from now (None: none of its own), never later than one already in force.

    Returns the token for :func:`leave`; call it in a ``finally``.
    """
    outer = _current.get()
    if seconds is None:
        return _current.set(outer)
    at = time.monotonic() + seconds
    if outer is not None and outer.at <= at:
        return _current.set(outer)
    return _current.set(Deadline(at, seconds, what))


def leave(token: Token[Deadline | None]) -> None:
    _current.reset(token)


@contextlib.contextmanager
def within(seconds: float | None, what: str) -> Iterator[Deadline | None]:
    """Everything sent inside ends within ``seconds`` (or the deadline already in force, if earlier)."""
    token = enter(seconds, what)
    try:
        yield _current.get()
    finally:
        leave(token)


def _bounded(timeout: float | None, error: type[Exception]) -> tuple[float | None, Deadline | None]:
    """The timeout for one socket operation, and the deadline when that is what bounds it.

    Raises ``error`` (an httpcore timeout) when the deadline has already passed.
    """
    deadline = _current.get()
    if deadline is None:
        return timeout, None
    left = deadline.at - time.monotonic()
    if timeout is not None and timeout < left:
        return timeout, None
    if left <= 0:
        raise error(deadline.message())
    return left, deadline


class _Stream(httpcore.NetworkStream):
    __slots__ = ("_stream",)

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        timeout, deadline = _bounded(timeout, httpcore.ReadTimeout)
        if deadline is None:
            return self._stream.read(max_bytes, timeout)
        try:
            return self._stream.read(max_bytes, timeout)
        except httpcore.ReadTimeout:
            raise httpcore.ReadTimeout(deadline.message()) from None

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        timeout, deadline = _bounded(timeout, httpcore.WriteTimeout)
        if deadline is None:
            return self._stream.write(buffer, timeout)
        try:
            return self._stream.write(buffer, timeout)
        except httpcore.WriteTimeout:
            raise httpcore.WriteTimeout(deadline.message()) from None

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        timeout, _ = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncStream(httpcore.AsyncNetworkStream):
    __slots__ = ("_stream",)

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        timeout, deadline = _bounded(timeout, httpcore.ReadTimeout)
        if deadline is None:
            return await self._stream.read(max_bytes, timeout)
        try:
            return await self._stream.read(max_bytes, timeout)
        except httpcore.ReadTimeout:
            raise httpcore.ReadTimeout(deadline.message()) from None

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        timeout, deadline = _bounded(timeout, httpcore.WriteTimeout)
        if deadline is None:
            return await self._stream.write(buffer, timeout)
        try:
            return await self._stream.write(buffer, timeout)
        except httpcore.WriteTimeout:
            raise httpcore.WriteTimeout(deadline.message()) from None

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout, _ = _bounded(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    """httpcore's blocking backend, every stream it opens bounded by the deadline."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout, _ = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout, _ = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    """The asyncio (anyio/trio) twin of :class:`_Backend`."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout, _ = _bounded(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout, _ = _bounded(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def bind(client: httpx.Client | httpx.AsyncClient) -> bool:
    """Make every httpx transport of ``client`` honour the deadline; True when all of them do.

    Idempotent. A transport that is not httpx's own (a ``MockTransport``, a transport of yours)
    is left as it is and makes the answer False.
    """
    transports = [client._transport, *client._mounts.values()]
    bound = True
    for transport in transports:
        if transport is None:  # a NO_PROXY pattern: requests there go through client._transport
            continue
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, _Backend | _AsyncBackend):
            continue
        if isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
        elif isinstance(backend, httpcore.AsyncNetworkBackend):
            pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
        else:
            bound = False
    return bound
