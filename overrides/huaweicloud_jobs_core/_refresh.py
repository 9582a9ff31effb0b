"""One cache for every secret that expires: tokens and temporary credentials.

IAM tokens, ECS metadata credentials and OIDC federation credentials are all cached and
replaced ``refresh_margin`` seconds before they expire (or at half their lifetime when they
live shorter than twice the margin). Refreshing is single-flight: when many threads (or
coroutines) find the cache stale at once, one fetches and the others wait for its result --
IAM throttles token requests, and a burst after start-up or expiry must not become a burst of
429s. Waiters of a failed fetch share its failure instead of each retrying in turn (otherwise
N waiters behind an unreachable issuer would wait N timeouts). A failed *early* refresh keeps
the still-valid value for a short back-off instead of failing requests.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from . import _defaults
from ._credentials import Credentials, TemporaryCredentials
from ._exceptions import CredentialsError, HuaweiCloudJobsError, InvalidParameterError

if TYPE_CHECKING:
    import asyncio

__all__ = ["ExpiringCache", "RefreshingCredentialsProvider", "check_margin"]

logger = logging.getLogger("huaweicloud_jobs")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Cached(Generic[T]):
    """A value and, on the cache's clock, when it expires and when to replace it."""

    value: T = field(repr=False)
    expires_at: float
    refresh_at: float


def check_margin(refresh_margin: float) -> float:
    if isinstance(refresh_margin, bool) or not isinstance(refresh_margin, int | float) or refresh_margin < 0:
        raise InvalidParameterError(
            "refresh_margin", f"must be a non-negative number of seconds, got {refresh_margin!r}"
        )
    return float(refresh_margin)


class ExpiringCache(Generic[T]):
    """The single-flight cache; subclasses fetch (in their public methods) and call :meth:`_store`.

    ``what`` names the value in log lines ("token", "metadata credentials"); ``clock`` returns
    POSIX seconds (inject one in tests).
    """

    def __init__(self, *, refresh_margin: float, clock: Callable[[], float] = time.time, what: str = "value") -> None:
        self._refresh_margin = check_margin(refresh_margin)
        self._clock = clock
        self._what = what
        self._cached: _Cached[T] | None = None
        self._state_lock = threading.Lock()  # quick state changes only, never held across I/O
        self._lock = threading.Lock()  # serialises synchronous fetches
        # One asyncio.Lock per event loop: an asyncio.Lock must not be shared between loops.
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        # Counts finished refreshes; with _failure, lets waiters tell "someone just failed" apart.
        self._generation = 0
        self._failure: HuaweiCloudJobsError | None = None

    def _fresh(self) -> T | None:
        """The cached value if it needs no refresh yet (never does I/O)."""
        cached = self._cached
        if cached is not None and self._clock() < cached.refresh_at:
            return cached.value
        return None

    def _single_flight(self, fetch: Callable[[], T]) -> T:
        """The fresh value, or ``fetch()``'s, with one fetch for all the threads that need one."""
        value = self._fresh()
        if value is not None:
            return value
        seen = self._generation
        with self._lock:
            value = self._after_waiting(seen)
            if value is not None:
                return value
            try:
                return fetch()
            except HuaweiCloudJobsError as exc:
                return self._failed(exc)

    async def _single_flight_async(self, fetch: Callable[[], Awaitable[T]]) -> T:
        """The asyncio counterpart of :meth:`_single_flight`: one fetch for all the coroutines of a loop."""
        value = self._fresh()
        if value is not None:
            return value
        seen = self._generation
        async with self._async_lock():
            value = self._after_waiting(seen)
            if value is not None:
                return value
            try:
                return await fetch()
            except HuaweiCloudJobsError as exc:
                return self._failed(exc)

    def _after_waiting(self, seen: int) -> T | None:
        """Run with the refresh lock held: what the refresh we may have waited for left behind.

        Returns its value, raises (a copy of) its failure if one finished since ``seen``, or
        returns ``None``: this caller must fetch itself.
        """
        value = self._fresh()
        if value is not None:
            return value
        failure = self._failure
        if failure is not None and self._generation != seen:
            # A copy: one exception object raised in many threads would share one traceback.
            raise copy.copy(failure) from failure
        return None

    def _store(self, value: T, expires_at: float, started: float) -> T:
        """Cache a new value; ``started`` is the clock before it was requested."""
        lifetime = expires_at - started
        refresh_at = expires_at - min(self._refresh_margin, max(lifetime, 0.0) / 2)
        with self._state_lock:
            self._cached = _Cached(value, expires_at, refresh_at)
            self._generation += 1
            self._failure = None
        logger.debug("new %s (refresh in %.0f s)", self._what, refresh_at - started)
        return value

    def _failed(self, failure: HuaweiCloudJobsError) -> T:
        """Record a failed refresh; fall back on the current value if it is still valid."""
        now = self._clock()
        with self._state_lock:
            self._generation += 1
            cached = self._cached
            if cached is not None and now < cached.expires_at:
                delay = min(_defaults.FAILED_REFRESH_BACKOFF, (cached.expires_at - now) / 2)
                self._cached = _Cached(cached.value, cached.expires_at, now + delay)
                self._failure = None
            else:
                self._failure = failure
                cached = None
        if cached is None:
            raise failure
        logger.warning(
            "%s refresh failed (%s: %s); using the current one, which expires in %.0f s",
            self._what,
            type(failure).__name__,
            failure,
            cached.expires_at - now,
        )
        return cached.value

    def _async_lock(self) -> asyncio.Lock:
        import asyncio  # only async callers pay for it

        loop = asyncio.get_running_loop()
        with self._state_lock:
            lock = self._async_locks.get(loop)
            if lock is None:
                lock = self._async_locks[loop] = asyncio.Lock()
            return lock


class RefreshingCredentialsProvider(ExpiringCache[Credentials]):
    """Temporary credentials (ECS metadata, OIDC federation): subclasses implement :meth:`_fetch`.

    ``get_credentials()`` is thread-safe and cheap while the cached credentials are fresh
    (one clock call and a comparison).
    """

    source = "temporary credentials"

    def __init__(self, *, refresh_margin: float, clock: Callable[[], float] = time.time) -> None:
        super().__init__(refresh_margin=refresh_margin, clock=clock, what=f"{self.source}:")
        self.fetch_count = 0
        """How many fetches were started (for tests and diagnostics)."""

    def _fetch(self) -> TemporaryCredentials:
        """Obtain new temporary credentials; raise a :class:`HuaweiCloudJobsError` on failure."""
        raise NotImplementedError

    def current(self) -> Credentials | None:
        """The cached credentials if they need no refresh yet, else ``None`` (never does I/O)."""
        return self._fresh()

    def get_credentials(self) -> Credentials:
        """The cached credentials, or new ones when they are missing or due for refresh."""
        return self._single_flight(self._refresh)

    @property
    def expires_at(self) -> float | None:
        """When the cached credentials expire (POSIX seconds), or ``None`` before the first fetch."""
        cached = self._cached
        return None if cached is None else cached.expires_at

    def invalidate(self) -> None:
        """Forget the cached credentials (the next call fetches new ones)."""
        with self._state_lock:
            self._cached = None

    def _refresh(self) -> Credentials:
        started = self._clock()
        self.fetch_count += 1
        temporary = self._fetch()
        if not isinstance(temporary, TemporaryCredentials):
            raise CredentialsError(f"{self.source}: expected TemporaryCredentials, got {type(temporary).__name__}")
        lifetime = temporary.expires_at - started
        if lifetime <= 0:
            raise CredentialsError(
                f"{self.source}: the new credentials had already expired when they arrived "
                f"(expiry {temporary.expires_at:.0f} is {-lifetime:.0f} s in the past); check the system clock"
            )
        return self._store(temporary.credentials, temporary.expires_at, started)
