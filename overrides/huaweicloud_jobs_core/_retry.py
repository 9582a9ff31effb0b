"""The retry policy, in one place.

Pure logic, no I/O and no sleeping: the request runner asks the policy whether
to retry and how long to wait, then sleeps with its own (injectable) sleep
function.  A typical loop::

    for attempt in itertools.count(1):
        try:
            response = send()                  # wraps httpx errors in TransportError
        except TransportError as exc:
            if not (policy.should_retry_error(exc) and policy.has_attempts_left(attempt)):
                raise
            sleep(policy.backoff_delay(attempt, None, rng))
            continue
        if response.is_success:
            return response
        error = make_status_error(response.status_code, response.content, response.headers, ...)
        if not (policy.should_retry_error(error) and policy.has_attempts_left(attempt)):
            raise error
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        sleep(policy.backoff_delay(attempt, retry_after, rng))
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

from ._exceptions import APIStatusError, InvalidParameterError, OperationFailedError, TransportError

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

DEFAULT_RETRY_STATUSES: frozenset[int] = frozenset({408, 429, 502, 503, 504})
"""Statuses retried by default.  400/401/403/404 are deliberately absent: repeating
the same request cannot fix them.  500 is absent too, because it may mean the
operation was (partly) carried out."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When to retry and how long to wait in between.

    ``max_attempts`` counts the first try, so ``1`` disables retries.  Waits use
    exponential backoff with full jitter, unless the server sent ``Retry-After``,
    which is honoured up to ``max_retry_after`` seconds.  ``retry_statuses`` is
    taken as given: statuses configured there are retried even if they are not
    in :data:`DEFAULT_RETRY_STATUSES` (e.g. 404) -- the configuration wins.
    """

    max_attempts: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    retry_statuses: frozenset[int] = field(default=DEFAULT_RETRY_STATUSES)
    retry_connection_errors: bool = True
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int):
            raise InvalidParameterError("max_attempts", f"must be an int, got {self.max_attempts!r}")
        if self.max_attempts < 1:
            raise InvalidParameterError("max_attempts", f"must be >= 1 (1 disables retries), got {self.max_attempts}")
        for name in ("initial_backoff", "max_backoff", "max_retry_after"):
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

    def should_retry_error(self, exc: BaseException) -> bool:
        """Whether a failed attempt is worth retrying (ignoring the attempt budget).

        Transport errors and client timeouts follow ``retry_connection_errors``;
        status errors follow ``retry_statuses``; a failure reported inside a 2xx
        body (:class:`OperationFailedError`) and everything else are not retried.
        """
        if isinstance(exc, TransportError):
            return self.retry_connection_errors
        if isinstance(exc, OperationFailedError):
            return False
        if isinstance(exc, APIStatusError):
            return self.should_retry_status(exc.status_code)
        return False

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
