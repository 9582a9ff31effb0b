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
kind is not wrapped (the transport still checks the deadline between body chunks). The wrappers
live in ``_deadline_sockets`` and load with the first client bound, with httpcore (which
``import httpx`` leaves for later too).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar, Token
from typing import NamedTuple

import httpx

from . import _httpx_private


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


def bind(client: httpx.Client | httpx.AsyncClient) -> bool:
    """Make every httpx transport of ``client`` honour the deadline; True when all of them do.

    Idempotent. A transport that is not httpx's own (a ``MockTransport``, a transport of yours)
    is left as it is and makes the answer False.
    """
    import httpcore

    from ._deadline_sockets import AsyncBackend, Backend

    bound = True
    for transport in _httpx_private.client_transports(client):
        if transport is None:  # a NO_PROXY pattern: requests there go through the default transport
            continue
        backend = _httpx_private.network_backend(transport)
        if isinstance(backend, Backend | AsyncBackend):
            continue
        if isinstance(backend, httpcore.NetworkBackend):
            _httpx_private.set_network_backend(transport, Backend(backend))
        elif isinstance(backend, httpcore.AsyncNetworkBackend):
            _httpx_private.set_network_backend(transport, AsyncBackend(backend))
        else:
            bound = False
    return bound
