"""The retry policy, in one place: whether to send again, and after how long.

Pure logic, no I/O and no sleeping: the transport asks :meth:`RetryPolicy.retry_delay`
after every failed attempt and sleeps with its own (injectable) sleep function.

The decision, whole:

- a failure reported inside a 2xx body is final;
- a status in ``retry_statuses`` is retried when the server says it did not act on the
  request (429), or when the operation is declared idempotent in its spec
  (``x-idempotent``); 408/502/503/504 on anything else may mean it already acted;
- a transport failure is retried when the request provably never left (connect errors,
  connect and pool timeouts), or when the operation is idempotent (read timeouts,
  resets after sending);
- never more than ``max_attempts`` in all, and never more than ``max_total_wait`` seconds
  of waiting in one call: a wait that would pass that budget ends the call instead.
"""

from __future__ import annotations

import email.utils
import math
import random
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC

from . import _defaults
from ._exceptions import APIStatusError, InvalidParameterError, OperationFailedError, TransportError
from ._public import publish

__all__ = [
    "DEFAULT_RETRY_STATUSES",
    "AsyncSleep",
    "Clock",
    "RetryPolicy",
    "Sleep",
    "parse_retry_after",
]

Clock = Callable[[], float]
"""Returns the current time in seconds since the epoch, like ``time.time``."""
Sleep = Callable[[float], None]
"""Blocks for the given number of seconds, like ``time.sleep``."""
AsyncSleep = Callable[[float], Awaitable[None]]
"""Waits for the given number of seconds, like ``asyncio.sleep``."""

DEFAULT_RETRY_STATUSES: frozenset[int] = _defaults.RETRY_STATUSES
NOT_ACTED_STATUSES: frozenset[int] = frozenset({429})
"""Statuses by which the server says it did not act on the request: safe to resend for any operation."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When to retry and how long to wait in between.

    ``max_attempts`` counts the first try, so ``1`` disables retries.  Waits use
    exponential backoff with full jitter, unless the server sent ``Retry-After``,
    which is honoured up to ``max_retry_after`` seconds.  ``retry_statuses`` is
    taken as given: statuses configured there are retried even if they are not
    in :data:`DEFAULT_RETRY_STATUSES` (e.g. 404) -- the configuration wins.
    """

    max_attempts: int = _defaults.RETRY_MAX_ATTEMPTS
    initial_backoff: float = _defaults.RETRY_INITIAL_BACKOFF
    max_backoff: float = _defaults.RETRY_MAX_BACKOFF
    retry_statuses: frozenset[int] = field(default=DEFAULT_RETRY_STATUSES)
    retry_connection_errors: bool = True
    max_retry_after: float = _defaults.RETRY_MAX_RETRY_AFTER
    max_total_wait: float = _defaults.RETRY_MAX_TOTAL_WAIT

    def __post_init__(self) -> None:
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int):
            raise InvalidParameterError("max_attempts", f"must be an int, got {self.max_attempts!r}")
        if self.max_attempts < 1:
            raise InvalidParameterError("max_attempts", f"must be >= 1 (1 disables retries), got {self.max_attempts}")
        for name in ("initial_backoff", "max_backoff", "max_retry_after", "max_total_wait"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidParameterError(name, f"must be a number of seconds, got {value!r}")
            if not (math.isfinite(value) and value >= 0):
                raise InvalidParameterError(name, f"must be a finite number >= 0, got {value!r}")
        # Accept any iterable of ints (a set, a list) but store a frozenset.
        statuses: Iterable[object] = self.retry_statuses
        if isinstance(statuses, str | bytes) or not isinstance(statuses, Iterable):
            raise InvalidParameterError("retry_statuses", f"must be a collection of ints, got {statuses!r}")
        checked = frozenset(statuses)
        bad = sorted(repr(s) for s in checked if isinstance(s, bool) or not isinstance(s, int) or not 400 <= s <= 599)
        if bad:
            raise InvalidParameterError(
                "retry_statuses", f"must be HTTP error statuses (400-599), got {', '.join(bad)}"
            )
        object.__setattr__(self, "retry_statuses", checked)

    @classmethod
    def disabled(cls) -> RetryPolicy:
        """A policy that never retries."""
        return cls(max_attempts=1)

    def has_attempts_left(self, attempts_made: int) -> bool:
        """Whether another attempt is allowed after ``attempts_made`` attempts."""
        return attempts_made < self.max_attempts

    def should_retry_status(self, status: int) -> bool:
        """Whether an HTTP status is worth retrying under this policy."""
        return status in self.retry_statuses

    def should_retry_error(self, exc: BaseException, *, idempotent: bool = False) -> bool:
        """Whether a failed attempt may be sent again (ignoring the attempt and wait budgets).

        ``idempotent``: the operation's spec declares that sending it twice has the effect of
        sending it once. Without it, only requests that never left, or that the server says it
        did not act on (429), are sent again.
        """
        if isinstance(exc, TransportError):
            return self.retry_connection_errors and (not exc.sent or idempotent)
        if isinstance(exc, OperationFailedError):
            return False
        if isinstance(exc, APIStatusError):
            if not self.should_retry_status(exc.status_code):
                return False
            return idempotent or exc.status_code in NOT_ACTED_STATUSES
        return False

    def retry_delay(
        self,
        attempt: int,
        error: BaseException,
        *,
        idempotent: bool = False,
        retry_after: float | None = None,
        waited: float = 0.0,
        rng: random.Random | Callable[[], float] = random.random,
    ) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or None when ``error`` is final.

        ``waited`` is the time this call has already spent waiting between attempts.
        """
        if not self.has_attempts_left(attempt) or not self.should_retry_error(error, idempotent=idempotent):
            return None
        delay = self.backoff_delay(attempt, retry_after, rng)
        if waited + delay > self.max_total_wait:
            return None
        return delay

    def backoff_delay(
        self,
        attempt: int,
        retry_after: float | None = None,
        rng: random.Random | Callable[[], float] = random.random,
    ) -> float:
        """Seconds to wait before the next attempt, after ``attempt`` (>= 1) failed ones.

        With ``retry_after`` (seconds, from :func:`parse_retry_after`) the result is
        ``min(retry_after, max_retry_after)``.  Otherwise it is full jitter:
        ``uniform(0, min(max_backoff, initial_backoff * 2 ** (attempt - 1)))``, with
        the randomness in ``[0, 1)`` drawn from ``rng`` (a ``random.Random`` or a
        zero-argument callable, so tests can make it deterministic).
        """
        if isinstance(attempt, bool) or not isinstance(attempt, int) or attempt < 1:
            raise InvalidParameterError("attempt", f"must be an int >= 1, got {attempt!r}")
        if retry_after is not None and not math.isnan(retry_after):
            return min(max(retry_after, 0.0), self.max_retry_after)
        try:
            cap = min(self.max_backoff, math.ldexp(self.initial_backoff, attempt - 1))
        except OverflowError:
            cap = self.max_backoff
        fraction = rng.random() if isinstance(rng, random.Random) else rng()
        if not 0.0 <= fraction <= 1.0:  # also catches NaN from a misbehaving rng
            fraction = 1.0 if fraction > 1.0 else 0.0
        return fraction * cap


_DELTA_SECONDS_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def parse_retry_after(value: str | None, now: Clock = time.time) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header value.

    Accepts delta-seconds (``"3"``, ``"1.5"``) and HTTP-dates
    (``"Wed, 21 Oct 2015 07:28:00 GMT"``, compared with ``now()``).  Values in the
    past or negative give ``0.0``; missing or unparsable values give ``None``.
    The result is not capped: :meth:`RetryPolicy.backoff_delay` does that.
    """
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > 64:
        return None
    if _DELTA_SECONDS_RE.fullmatch(value):
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
            if when.tzinfo is None:  # "-0000" means UTC with unknown local zone
                when = when.replace(tzinfo=UTC)
            seconds = when.timestamp() - now()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if math.isnan(seconds):
        return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None


publish(RetryPolicy)
