"""Token authentication: a fixed ``X-Auth-Token``, or tokens from a refreshing source.

Tokens live for hours and every API call needs one, so :class:`CachedTokenProvider`
caches a token and refreshes it before it expires, single-flight, with the runtime's one
cache for expiring secrets (``_refresh.ExpiringCache``). Subclasses say how to obtain one
token (IAM's lives in the IAM package's ``_patch``, handwritten code of that one service);
this module knows nothing of any service.

:class:`TokenAuth` plugs a token source into ``httpx``: it sets ``X-Auth-Token`` and, when
a service answers 401 (the token was revoked, or expired early), drops that token and
retries the request once with a fresh one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Protocol, Self

import httpx

from . import _defaults
from ._credentials import _check_header_safe
from ._exceptions import CredentialsError
from ._public import publish
from ._refresh import ExpiringCache

__all__ = ["CachedTokenProvider", "IssuedSecret", "StaticTokenAuth", "TokenAuth", "TokenSource"]

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


class CachedTokenProvider(ExpiringCache[str]):
    """Caches one token and refreshes it before it expires; subclasses say how to obtain one.

    ``get_token()`` is thread-safe and ``aget_token()`` asyncio-safe: concurrent callers that
    need a new token cause one request. When an early refresh (within ``refresh_margin``) fails,
    the current token is used until it expires. Tokens shorter lived than twice
    ``refresh_margin`` are refreshed at half their lifetime instead. ``clock`` returns the
    current POSIX time (inject one in tests). The caching is the runtime's one
    :class:`~huaweicloud_jobs_core._refresh.ExpiringCache`.

    Subclasses implement :meth:`_issue` and :meth:`_aissue`.
    """

    def __init__(
        self, *, refresh_margin: float = _defaults.TOKEN_REFRESH_MARGIN, clock: Callable[[], float] = time.time
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, clock=clock, what="token")

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
        return self._single_flight(self._fetch)

    async def aget_token(self) -> str:
        """The asyncio counterpart of :meth:`get_token`; concurrent coroutines share one request."""
        return await self._single_flight_async(self._afetch)

    def invalidate(self, token: str) -> None:
        """Forget ``token`` if it is still the cached one (a service rejected it).

        Comparing first means that when many requests fail with the same revoked token,
        only the first invalidation counts and the rest reuse the token fetched meanwhile.
        """
        with self._state_lock:
            if self._cached is not None and self._cached.value == token:
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

    def _fetch(self) -> str:
        started = self._clock()
        return self._stored(self._issue(), started)

    async def _afetch(self) -> str:
        started = self._clock()
        return self._stored(await self._aissue(), started)

    def _stored(self, issued: IssuedSecret, started: float) -> str:
        if issued.expires_at <= started:
            logger.warning("the new token expired before the local clock's now; check the system clock")
        return self._store(issued.value, issued.expires_at, started)


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


publish(CachedTokenProvider, IssuedSecret, StaticTokenAuth, TokenAuth, TokenSource)
