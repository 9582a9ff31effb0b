"""httpcore's network backends and streams, every operation bounded by the deadline in force (``_deadline``).

Loaded by :func:`huaweicloud_jobs_core._deadline.bind` with the first client it binds, so that
importing the package does not import httpcore.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterable
from typing import Any

import httpcore

from ._deadline import Deadline, _current


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


def _readable(sock: socket.socket | None) -> bool:
    """Whether an idle connection has something to read: the server closed it (or wrote unasked).

    httpcore asks this of every pooled connection each time it assigns a request
    (``get_extra_info("is_readable")``). anyio's streams answer by rebuilding their table of
    attributes on each call, which costs more than the poll itself, for every connection, on
    every request: the streams below ask the socket they keep instead. No socket (or a closed
    one) reads as readable, which retires the connection, as httpcore does.
    """
    if sock is None or sock.fileno() < 0:
        return True
    poll = getattr(select, "poll", None)
    if poll is None:  # Windows
        return bool(select.select([sock], [], [], 0)[0])
    poller = poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


class _Stream(httpcore.NetworkStream):
    __slots__ = ("_socket", "_stream")

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream
        self._socket: socket.socket | None = stream.get_extra_info("socket")

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
        if info == "is_readable":
            return _readable(self._socket)
        return self._stream.get_extra_info(info)


class _AsyncStream(httpcore.AsyncNetworkStream):
    __slots__ = ("_socket", "_stream")

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream
        self._socket: socket.socket | None = stream.get_extra_info("socket")

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
        if info == "is_readable":
            return _readable(self._socket)
        return self._stream.get_extra_info(info)


class Backend(httpcore.NetworkBackend):
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


class AsyncBackend(httpcore.AsyncNetworkBackend):
    """The asyncio (anyio/trio) twin of :class:`Backend`."""

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
