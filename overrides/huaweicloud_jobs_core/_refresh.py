"""The shared machinery of credential sources that expire: cache, refresh early, single-flight.

ECS metadata and OIDC federation both hand out temporary AK/SK/security tokens. Both are
cached and replaced ``refresh_margin`` seconds before they expire (or at half their
lifetime when they live shorter than twice the margin). Refreshing is single-flight, as in
:class:`~huaweicloud_jobs_core._tokens.IamTokenProvider`: when many threads find the cache
stale at once, one fetches and the others wait for its result; waiters of a failed fetch
share its failure instead of each retrying in turn. A failed *early* refresh keeps the
still-valid credentials for a short back-off instead of failing requests.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

from ._credentials import Credentials, TemporaryCredentials
from ._exceptions import CredentialsError, HuaweiCloudJobsError, InvalidParameterError

__all__ = ["RefreshingCredentialsProvider"]

logger = logging.getLogger("huaweicloud_jobs")

_FAILED_REFRESH_BACKOFF = 30.0
"""After a failed early refresh, keep the still-valid credentials this long before trying again."""


@dataclass(frozen=True, slots=True)
class _Cached:
    credentials: Credentials = field(repr=False)
    expires_at: float
    refresh_at: float


def check_margin(refresh_margin: float) -> float:
    if isinstance(refresh_margin, bool) or not isinstance(refresh_margin, int | float) or refresh_margin < 0:
        raise InvalidParameterError(
            "refresh_margin", f"must be a non-negative number of seconds, got {refresh_margin!r}"
        )
    return float(refresh_margin)


class RefreshingCredentialsProvider(ABC):
    """Base class: subclasses implement :meth:`_fetch`; callers use :meth:`get_credentials`.

    ``get_credentials()`` is thread-safe and cheap while the cached credentials are fresh
    (one clock call and a comparison). ``clock`` returns POSIX seconds; inject one in tests.
    """

    source = "temporary credentials"

    def __init__(self, *, refresh_margin: float, clock: Callable[[], float] = time.time) -> None:
        self._refresh_margin = check_margin(refresh_margin)
        self._clock = clock
        self._cached: _Cached | None = None
        self._state_lock = threading.Lock()  # quick state changes only, never held across I/O
        self._lock = threading.Lock()  # serialises fetches
        self._generation = 0
        self._failure: HuaweiCloudJobsError | None = None
        self.fetch_count = 0
        """How many fetches were started (for tests and diagnostics)."""

    @abstractmethod
    def _fetch(self) -> TemporaryCredentials:
        """Obtain new temporary credentials; raise a :class:`HuaweiCloudJobsError` on failure."""

    # -- public API -------------------------------------------------------------------------

    def current(self) -> Credentials | None:
        """The cached credentials if they need no refresh yet, else ``None`` (never does I/O)."""
        cached = self._cached
        if cached is not None and self._clock() < cached.refresh_at:
            return cached.credentials
        return None

    def get_credentials(self) -> Credentials:
        """The cached credentials, or new ones when they are missing or due for refresh."""
        credentials = self.current()
        if credentials is not None:
            return credentials
        seen = self._generation
        with self._lock:
            credentials = self._after_waiting(seen)
            if credentials is not None:
                return credentials
            try:
                return self._refresh()
            except HuaweiCloudJobsError as exc:
                return self._failed(exc)

    @property
    def expires_at(self) -> float | None:
        """When the cached credentials expire (POSIX seconds), or ``None`` before the first fetch."""
        cached = self._cached
        return None if cached is None else cached.expires_at

    def invalidate(self) -> None:
        """Forget the cached credentials (the next call fetches new ones)."""
        with self._state_lock:
            self._cached = None

    # -- internals ----------------------------------------------------------------------------

    def _after_waiting(self, seen: int) -> Credentials | None:
        credentials = self.current()
        if credentials is not None:
            return credentials
        failure = self._failure
        if failure is not None and self._generation != seen:
            raise copy.copy(failure) from failure
        return None

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
        refresh_at = temporary.expires_at - min(self._refresh_margin, lifetime / 2)
        with self._state_lock:
            self._cached = _Cached(temporary.credentials, temporary.expires_at, refresh_at)
            self._generation += 1
            self._failure = None
        logger.debug("%s: new temporary credentials, refresh in %.0f s", self.source, refresh_at - started)
        return temporary.credentials

    def _failed(self, failure: HuaweiCloudJobsError) -> Credentials:
        now = self._clock()
        with self._state_lock:
            self._generation += 1
            cached = self._cached
            if cached is not None and now < cached.expires_at:
                delay = min(_FAILED_REFRESH_BACKOFF, (cached.expires_at - now) / 2)
                self._cached = _Cached(cached.credentials, cached.expires_at, now + delay)
                self._failure = None
            else:
                self._failure = failure
                cached = None
        if cached is None:
            raise failure
        logger.warning(
            "%s: refresh failed (%s: %s); using the current credentials, which expire in %.0f s",
            self.source,
            type(failure).__name__,
            failure,
            cached.expires_at - now,
        )
        return cached.credentials
