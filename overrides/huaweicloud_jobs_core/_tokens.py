"""Token authentication: a fixed ``X-Auth-Token``, or tokens from a refreshing source.

Tokens live for hours and every API call needs one, so :class:`CachedTokenProvider`
caches a token and refreshes it ``refresh_margin`` seconds before it expires. Refreshing is
single-flight: when many threads (or coroutines) find the cache empty at the same moment,
one of them asks the issuer and the others wait for its answer -- IAM throttles token
requests, and a burst of them after start-up or expiry must not turn into a burst of 429s.
Callers that waited on a failed refresh share its failure instead of each retrying in turn
(otherwise N waiters behind an unreachable issuer would wait N timeouts). Subclasses say
how to obtain one token (IAM's lives in the IAM package's ``_patch``, handwritten code of
that one service); this module knows nothing of any service.

:class:`TokenAuth` plugs a token source into ``httpx``: it sets ``X-Auth-Token`` and, when
a service answers 401 (the token was revoked, or expired early), drops that token and
retries the request once with a fresh one.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

import httpx

from . import _defaults
from ._credentials import _check_header_safe
from ._exceptions import CredentialsError, HuaweiCloudJobsError, InvalidParameterError

if TYPE_CHECKING:
    import asyncio

__all__ = ["CachedTokenProvider", "IamTokenAuth", "IssuedSecret", "StaticTokenAuth", "TokenAuth", "TokenSource"]

logger = logging.getLogger("huaweicloud_jobs")

_TOKEN_HEADER = "X-Auth-Token"  # noqa: S105 - a header name, not a secret


class StaticTokenAuth(httpx.Auth):
    """Send a token obtained elsewhere as ``X-Auth-Token`` on every request.

    Nothing refreshes it: when it expires, requests fail with 401. ``auth_flow`` does no
    I/O, so the same object works with ``httpx.Client`` and ``httpx.AsyncClient``.
    """

    def __init__(self, token: str) -> None:
        if not token:
            raise CredentialsError("token is empty")
        _check_header_safe("token", token)
        self._token = token

    def __repr__(self) -> str:
        return "StaticTokenAuth(token='***')"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[_TOKEN_HEADER] = self._token
        yield request


class TokenSource(Protocol):
    """Where :class:`TokenAuth` gets tokens: a :class:`CachedTokenProvider`, or your own."""

    def get_token(self) -> str: ...
    async def aget_token(self) -> str: ...
    def invalidate(self, token: str) -> None: ...


@dataclass(frozen=True, slots=True)
class IssuedSecret:
    """A token as an issuer returned it: the value and when it expires (POSIX seconds)."""

    value: str = field(repr=False)
    expires_at: float


@dataclass(frozen=True, slots=True)
class _Cached:
    """A token and, on the provider's clock, when it expires and when to replace it."""

    token: str = field(repr=False)
    expires_at: float
    refresh_at: float


class CachedTokenProvider:
    """Caches one token and refreshes it before it expires; subclasses say how to obtain one.

    ``get_token()`` is thread-safe and ``aget_token()`` asyncio-safe: concurrent callers that
    need a new token cause one request. When an early refresh (within ``refresh_margin``) fails,
    the current token is used until it expires. Tokens shorter lived than twice
    ``refresh_margin`` are refreshed at half their lifetime instead. ``clock`` returns the
    current POSIX time (inject one in tests).

    Subclasses implement :meth:`_issue` and :meth:`_aissue`.
    """

    def __init__(
        self, *, refresh_margin: float = _defaults.TOKEN_REFRESH_MARGIN, clock: Callable[[], float] = time.time
    ) -> None:
        if isinstance(refresh_margin, bool) or not isinstance(refresh_margin, int | float) or refresh_margin < 0:
            raise InvalidParameterError(
                "refresh_margin", f"must be a non-negative number of seconds, got {refresh_margin!r}"
            )
        self._refresh_margin = float(refresh_margin)
        self._clock = clock
        self._cached: _Cached | None = None
        # Guards only quick state changes (never held across I/O, so the event loop may take it).
        self._state_lock = threading.Lock()
        # Serialises synchronous refreshes.
        self._lock = threading.Lock()
        # One asyncio.Lock per event loop: an asyncio.Lock must not be shared between loops.
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        # Counts finished refreshes; with _failure, lets waiters tell "someone just failed" apart.
        self._generation = 0
        self._failure: HuaweiCloudJobsError | None = None

    # -- to implement -----------------------------------------------------------------------

    def _issue(self) -> IssuedSecret:
        """Obtain a new token (blocking)."""
        raise NotImplementedError

    async def _aissue(self) -> IssuedSecret:
        """Obtain a new token (asyncio)."""
        raise NotImplementedError

    # -- public API -------------------------------------------------------------------------

    def get_token(self) -> str:
        """The cached token, or a new one when it is missing or due for refresh."""
        token = self._usable()
        if token is not None:
            return token
        seen = self._generation
        with self._lock:
            token = self._after_waiting(seen)
            if token is not None:
                return token
            started = self._clock()
            try:
                return self._store(self._issue(), started)
            except HuaweiCloudJobsError as exc:
                return self._failed(exc)

    async def aget_token(self) -> str:
        """The asyncio counterpart of :meth:`get_token`; concurrent coroutines share one request."""
        token = self._usable()
        if token is not None:
            return token
        seen = self._generation
        async with self._async_lock():
            token = self._after_waiting(seen)
            if token is not None:
                return token
            started = self._clock()
            try:
                return self._store(await self._aissue(), started)
            except HuaweiCloudJobsError as exc:
                return self._failed(exc)

    def invalidate(self, token: str) -> None:
        """Forget ``token`` if it is still the cached one (a service rejected it).

        Comparing first means that when many requests fail with the same revoked token,
        only the first invalidation counts and the rest reuse the token fetched meanwhile.
        """
        with self._state_lock:
            if self._cached is not None and self._cached.token == token:
                self._cached = None

    def close(self) -> None:
        """Release connections the provider keeps (none by default)."""

    async def aclose(self) -> None:
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    # -- internals ----------------------------------------------------------------------------

    def _usable(self) -> str | None:
        cached = self._cached
        if cached is not None and self._clock() < cached.refresh_at:
            return cached.token
        return None

    def _after_waiting(self, seen: int) -> str | None:
        """Run with the refresh lock held: what the refresh we may have waited for left behind.

        Returns its token, raises (a copy of) its failure if one finished since ``seen``, or
        returns ``None``: this caller must ask the issuer itself.
        """
        token = self._usable()
        if token is not None:
            return token
        failure = self._failure
        if failure is not None and self._generation != seen:
            # A copy: one exception object raised in many threads would share one traceback.
            raise copy.copy(failure) from failure
        return None

    def _failed(self, failure: HuaweiCloudJobsError) -> str:
        """Record a failed refresh; fall back on the current token if it is still valid."""
        now = self._clock()
        with self._state_lock:
            self._generation += 1
            cached = self._cached
            if cached is not None and now < cached.expires_at:
                delay = min(_defaults.FAILED_REFRESH_BACKOFF, (cached.expires_at - now) / 2)
                self._cached = _Cached(cached.token, cached.expires_at, now + delay)
                self._failure = None
            else:
                self._failure = failure
                cached = None
        if cached is None:
            raise failure
        logger.warning(
            "token refresh failed (%s: %s); using the current token, which expires in %.0f s",
            type(failure).__name__,
            failure,
            cached.expires_at - now,
        )
        return cached.token

    def _store(self, issued: IssuedSecret, started: float) -> str:
        """Cache a new token; ``started`` is the clock before it was requested."""
        lifetime = issued.expires_at - started
        refresh_at = issued.expires_at - min(self._refresh_margin, max(lifetime, 0.0) / 2)
        if lifetime <= 0:
            logger.warning("the new token expired before the local clock's now; check the system clock")
        with self._state_lock:
            self._cached = _Cached(issued.value, issued.expires_at, refresh_at)
            self._generation += 1
            self._failure = None
        logger.debug("obtained a token (refresh in %.0f s)", refresh_at - started)
        return issued.value

    def _async_lock(self) -> asyncio.Lock:
        import asyncio  # only async callers pay for it

        loop = asyncio.get_running_loop()
        with self._state_lock:
            lock = self._async_locks.get(loop)
            if lock is None:
                lock = self._async_locks[loop] = asyncio.Lock()
            return lock


class TokenAuth(httpx.Auth):
    """httpx authentication with tokens from a :class:`TokenSource`.

    Sets ``X-Auth-Token``; on a 401 the token is invalidated and the request is sent once
    more with a fresh token (a token can be revoked or expire early, e.g. when the user's
    password or permissions change). A second 401 is returned as it is.
    """

    # Buffer the body so that the retry after a 401 can send it again.
    requires_request_body = True

    def __init__(self, provider: TokenSource) -> None:
        self._provider = provider

    @property
    def provider(self) -> TokenSource:
        return self._provider

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self._provider!r})"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._provider.get_token()
        request.headers[_TOKEN_HEADER] = token
        response = yield request
        if response.status_code == 401:
            logger.debug("token rejected with HTTP 401; retrying once with a fresh token")
            self._provider.invalidate(token)
            request.headers[_TOKEN_HEADER] = self._provider.get_token()
            yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._provider.aget_token()
        request.headers[_TOKEN_HEADER] = token
        response = yield request
        if response.status_code == 401:
            logger.debug("token rejected with HTTP 401; retrying once with a fresh token")
            self._provider.invalidate(token)
            request.headers[_TOKEN_HEADER] = await self._provider.aget_token()
            yield request


IamTokenAuth = TokenAuth
"""The name earlier releases used for :class:`TokenAuth`."""
