"""Token authentication: a fixed ``X-Auth-Token``, or project-scoped tokens obtained from IAM.

IAM tokens live 24 hours and every API call needs one, so :class:`IamTokenProvider` caches
the token and refreshes it ``refresh_margin`` seconds before it expires. Refreshing is
single-flight: when many threads (or coroutines) find the cache empty at the same moment,
one of them asks IAM and the others wait for its answer -- IAM throttles token requests,
and a burst of them after start-up or expiry must not turn into a burst of 429s.
Callers that waited on a failed refresh share its failure instead of each retrying in turn
(otherwise N waiters behind an unreachable IAM would wait N timeouts).

:class:`IamTokenAuth` plugs the provider into ``httpx``: it sets ``X-Auth-Token`` and, when
a service answers 401 (the token was revoked, or expired early), drops that token and
retries the request once with a fresh one.

Secrets: the password, the SK and the tokens never appear in ``repr()``/``str()``, in
exceptions or in logs: httpcore's DEBUG trace prints raw response headers, including
IAM's ``X-Subject-Token``; ``_redaction`` blanks those values.
"""

from __future__ import annotations

import copy
import logging
import ssl
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx

from ._credentials import Credentials, _check_header_safe

if TYPE_CHECKING:
    import asyncio
from ._endpoints import _checked
from ._exceptions import (
    ClientTimeoutError,
    ConnectionFailedError,
    CredentialsError,
    HuaweiCloudJobsError,
    InvalidParameterError,
    ResponseValidationError,
    TransportError,
    make_status_error,
)

__all__ = ["IamTokenAuth", "IamTokenProvider", "StaticTokenAuth"]

logger = logging.getLogger("huaweicloud_jobs")

_SERVICE = "iam"
_OPERATION = "create_token"
_TOKEN_HEADER = "X-Auth-Token"  # noqa: S105 - a header name, not a secret
_SUBJECT_TOKEN_HEADER = "X-Subject-Token"  # noqa: S105 - a header name, not a secret

DEFAULT_IAM_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
"""A token request is small: connect within 5 s, each read/write within 10 s."""

_FAILED_REFRESH_BACKOFF = 30.0
"""After a failed early refresh, keep using the still-valid token this long before asking IAM again."""


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


class _Secret:
    """A string that shows as ``'***'``, so that ``vars()``, debuggers and reprs don't reveal it."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "'***'"


@dataclass(frozen=True, slots=True)
class _Cached:
    """A token and, on the provider's clock, when it expires and when to replace it."""

    token: str = field(repr=False)
    expires_at: float
    refresh_at: float


def _timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InvalidParameterError(
            "timeout", f"must be a positive number of seconds or an httpx.Timeout, got {value!r}"
        )
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_IAM_TIMEOUT.connect or 5.0))


def _transport_error(exc: httpx.HTTPError) -> TransportError:
    kind = type(exc).__name__
    detail = str(exc) or kind
    if isinstance(exc, httpx.TimeoutException):
        return ClientTimeoutError(f"{kind}: {detail}", service=_SERVICE, operation=_OPERATION)
    return ConnectionFailedError(f"{kind}: {detail}", service=_SERVICE, operation=_OPERATION)


def _invalid(response: httpx.Response, reason: str) -> ResponseValidationError:
    return ResponseValidationError(
        service=_SERVICE,
        operation=_OPERATION,
        status_code=response.status_code,
        reason=reason,
        body=response.content,
    )


def _parse_expiry(text: str) -> float:
    """``2026-11-24T09:30:00.000000Z`` as a POSIX timestamp; IAM documents UTC, so naive means UTC."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


class IamTokenProvider:
    """Obtains, caches and refreshes a project-scoped IAM token.

    Identify with either ``credentials`` (IAM's ``hw_ak_sk`` method) or ``user_name`` +
    ``password`` + ``domain_name`` (the ``password`` method); scope with ``project_id``
    (default: ``credentials.project_id``) or ``project_name``.

    ``get_token()`` is thread-safe and ``aget_token()`` asyncio-safe: concurrent callers
    that need a new token cause one IAM request. When an early refresh (within
    ``refresh_margin``) fails, the current token is used until it expires. Tokens shorter
    lived than twice ``refresh_margin`` are refreshed at half their lifetime instead, so a
    short-lived token is not fetched anew on every call.

    ``clock`` returns the current POSIX time (inject one in tests). ``base_url`` is the IAM
    endpoint; plain ``http://`` is refused unless ``allow_http=True``, as the password or SK
    travels in the request body.
    """

    def __init__(
        self,
        base_url: str,
        *,
        credentials: Credentials | None = None,
        user_name: str | None = None,
        password: str | None = None,
        domain_name: str | None = None,
        project_id: str | None = None,
        project_name: str | None = None,
        refresh_margin: float = 300.0,
        clock: Callable[[], float] = time.time,
        timeout: float | httpx.Timeout = DEFAULT_IAM_TIMEOUT,
        verify: ssl.SSLContext | str | bool = True,
        allow_http: bool = False,
    ) -> None:
        self._base_url = _checked(base_url, "IAM base_url", allow_http)
        password_parts = {"user_name": user_name, "password": password, "domain_name": domain_name}
        if credentials is not None:
            if any(password_parts.values()):
                raise CredentialsError("pass either credentials=... or user_name/password/domain_name, not both")
            self._method = "hw_ak_sk"
        elif all(password_parts.values()):
            self._method = "password"
        else:
            missing = [name for name, value in password_parts.items() if not value]
            if len(missing) == len(password_parts):
                raise CredentialsError(
                    "no IAM identity: pass credentials=Credentials(ak, sk) or user_name=, password= and domain_name="
                )
            raise CredentialsError(f"password identity is incomplete: {', '.join(missing)} missing")
        if project_id and project_name:
            raise CredentialsError("pass either project_id=... or project_name=..., not both")
        project_id = project_id or (credentials.project_id if credentials is not None else None)
        if not project_id and not project_name:
            raise CredentialsError("a project-scoped token needs project_id=... or project_name=...")
        if isinstance(refresh_margin, bool) or not isinstance(refresh_margin, int | float) or refresh_margin < 0:
            raise InvalidParameterError(
                "refresh_margin", f"must be a non-negative number of seconds, got {refresh_margin!r}"
            )

        self._credentials = credentials
        self._user_name = user_name
        self._password = _Secret(password) if password else None
        self._domain_name = domain_name
        self._project_id = project_id or None
        self._project_name = None if project_id else project_name
        self._refresh_margin = float(refresh_margin)
        self._clock = clock
        self._timeout = _timeout(timeout)
        self._verify = verify

        self._cached: _Cached | None = None
        # Guards only quick state changes (never held across I/O, so the event loop may take it).
        self._state_lock = threading.Lock()
        # Serialises synchronous refreshes.
        self._lock = threading.Lock()
        # One asyncio.Lock per event loop: an asyncio.Lock must not be shared between loops.
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._client: httpx.Client | None = None
        # Counts finished refreshes; with _failure, lets waiters tell "someone just failed" apart.
        self._generation = 0
        self._failure: HuaweiCloudJobsError | None = None

    def __repr__(self) -> str:
        if self._credentials is not None:
            identity = f"credentials={self._credentials!r}"
        else:
            identity = f"user_name={self._user_name!r}, password='***', domain_name={self._domain_name!r}"
        scope = f"project_id={self._project_id!r}" if self._project_id else f"project_name={self._project_name!r}"
        return (
            f"IamTokenProvider(base_url={self._base_url!r}, method={self._method!r}, {identity}, {scope}, "
            f"refresh_margin={self._refresh_margin!r})"
        )

    # -- public API -------------------------------------------------------------------------

    def get_token(self) -> str:
        """The cached token, or a new one from IAM when it is missing or due for refresh."""
        token = self._usable()
        if token is not None:
            return token
        seen = self._generation
        with self._lock:
            token = self._after_waiting(seen)
            if token is not None:
                return token
            try:
                return self._fetch()
            except HuaweiCloudJobsError as exc:
                return self._failed(exc)

    async def aget_token(self) -> str:
        """The asyncio counterpart of :meth:`get_token`; concurrent coroutines share one IAM request."""
        token = self._usable()
        if token is not None:
            return token
        seen = self._generation
        async with self._async_lock():
            token = self._after_waiting(seen)
            if token is not None:
                return token
            try:
                return await self._afetch()
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
        """Close the HTTP client of :meth:`get_token` (a later call opens a new one)."""
        with self._state_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    async def aclose(self) -> None:
        """Like :meth:`close`; :meth:`aget_token` keeps no connection open between refreshes."""
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
        returns ``None``: this caller must ask IAM itself.
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
                delay = min(_FAILED_REFRESH_BACKOFF, (cached.expires_at - now) / 2)
                self._cached = _Cached(cached.token, cached.expires_at, now + delay)
                self._failure = None
            else:
                self._failure = failure
                cached = None
        if cached is None:
            raise failure
        logger.warning(
            "IAM token refresh failed (%s: %s); using the current token, which expires in %.0f s",
            type(failure).__name__,
            failure,
            cached.expires_at - now,
        )
        return cached.token

    def _fetch(self) -> str:
        started = self._clock()
        try:
            response = self._sync_client().request(**self._request_kwargs())
        except httpx.HTTPError as exc:
            raise _transport_error(exc) from exc
        return self._accept(response, started)

    async def _afetch(self) -> str:
        started = self._clock()
        # A client per refresh: refreshes are a day apart (no kept-alive connection would
        # survive in between) and an AsyncClient is tied to the event loop that first used it.
        try:
            async with httpx.AsyncClient(base_url=self._base_url, timeout=self._timeout, verify=self._verify) as client:
                response = await client.request(**self._request_kwargs())
        except httpx.HTTPError as exc:
            raise _transport_error(exc) from exc
        return self._accept(response, started)

    def _sync_client(self) -> httpx.Client:
        with self._state_lock:
            if self._client is None:
                self._client = httpx.Client(base_url=self._base_url, timeout=self._timeout, verify=self._verify)
            return self._client

    def _async_lock(self) -> asyncio.Lock:
        import asyncio  # only async callers pay for it

        loop = asyncio.get_running_loop()
        with self._state_lock:
            lock = self._async_locks.get(loop)
            if lock is None:
                lock = self._async_locks[loop] = asyncio.Lock()
            return lock

    def _request_kwargs(self) -> dict[str, Any]:
        """Method, URL, query, headers and JSON body, built by the generated IAM client."""
        # Imported on first use: only token users need the IAM package.
        from huaweicloud_jobs_iam.api.tokens import create_token
        from huaweicloud_jobs_iam.models import (
            AkSkIdentity,
            Auth,
            Identity,
            NamedDomain,
            PasswordIdentity,
            ProjectScope,
            Scope,
            SecretValue,
            TokenRequest,
            User,
        )
        from huaweicloud_jobs_iam.types import UNSET

        if self._credentials is not None:
            identity = Identity(
                methods=["hw_ak_sk"],
                hw_ak_sk=AkSkIdentity(
                    access=SecretValue(key=self._credentials.ak), secret=SecretValue(key=self._credentials.sk)
                ),
            )
        else:
            assert self._user_name and self._password and self._domain_name  # checked in __init__
            identity = Identity(
                methods=["password"],
                password=PasswordIdentity(
                    user=User(
                        name=self._user_name,
                        password=self._password.value,
                        domain=NamedDomain(name=self._domain_name),
                    )
                ),
            )
        project = ProjectScope(id=self._project_id or UNSET, name=self._project_name or UNSET)
        body = TokenRequest(auth=Auth(identity=identity, scope=Scope(project=project)))
        logger.debug(
            "requesting an IAM token (%s, %s) from %s",
            self._method,
            f"project_id={self._project_id}" if self._project_id else f"project_name={self._project_name}",
            self._base_url,
        )
        return create_token._get_kwargs(body=body, nocatalog="true")

    def _accept(self, response: httpx.Response, started: float) -> str:
        """Check IAM's answer and cache the token; ``started`` is the clock before the request."""
        if not 200 <= response.status_code < 300:
            raise make_status_error(
                response.status_code, response.content, response.headers, service=_SERVICE, operation=_OPERATION
            )
        token: str = response.headers.get(_SUBJECT_TOKEN_HEADER, "").strip()
        if not token:
            raise _invalid(response, f"the {_SUBJECT_TOKEN_HEADER} response header is missing or empty")
        if not token.isascii() or not token.isprintable() or any(c.isspace() for c in token):
            raise _invalid(response, f"the {_SUBJECT_TOKEN_HEADER} response header is not a usable header value")
        from huaweicloud_jobs_iam.models import TokenResponse

        try:
            parsed = TokenResponse.from_dict(response.json())
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise _invalid(response, f"{type(exc).__name__}: {exc}") from exc
        try:
            expires_at = _parse_expiry(parsed.token.expires_at)
        except ValueError as exc:
            raise _invalid(response, f"token.expires_at is not an ISO 8601 time: {parsed.token.expires_at!r}") from exc

        lifetime = expires_at - started
        refresh_at = expires_at - min(self._refresh_margin, max(lifetime, 0.0) / 2)
        if lifetime <= 0:
            logger.warning(
                "the new IAM token expired at %s, before the local clock's now; check the system clock",
                parsed.token.expires_at,
            )
        with self._state_lock:
            self._cached = _Cached(token, expires_at, refresh_at)
            self._generation += 1
            self._failure = None
        logger.debug(
            "obtained an IAM token expiring at %s (refresh in %.0f s)",
            parsed.token.expires_at,
            refresh_at - started,
        )
        return token


class IamTokenAuth(httpx.Auth):
    """httpx authentication with tokens from an :class:`IamTokenProvider`.

    Sets ``X-Auth-Token``; on a 401 the token is invalidated and the request is sent once
    more with a fresh token (a token can be revoked or expire early, e.g. when the user's
    password or permissions change). A second 401 is returned as it is.
    """

    # Buffer the body so that the retry after a 401 can send it again.
    requires_request_body = True

    def __init__(self, provider: IamTokenProvider) -> None:
        self._provider = provider

    @property
    def provider(self) -> IamTokenProvider:
        return self._provider

    def __repr__(self) -> str:
        return f"IamTokenAuth(provider={self._provider!r})"

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._provider.get_token()
        request.headers[_TOKEN_HEADER] = token
        response = yield request
        if response.status_code == 401:
            logger.debug("token rejected with HTTP 401; retrying once with a fresh IAM token")
            self._provider.invalidate(token)
            request.headers[_TOKEN_HEADER] = self._provider.get_token()
            yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self._provider.aget_token()
        request.headers[_TOKEN_HEADER] = token
        response = yield request
        if response.status_code == 401:
            logger.debug("token rejected with HTTP 401; retrying once with a fresh IAM token")
            self._provider.invalidate(token)
            request.headers[_TOKEN_HEADER] = await self._provider.aget_token()
            yield request
