"""Client-side flow control: one sending rate per service endpoint, learnt from the service's 429s.

A bulk stop is limited by the service's flow control, not by the client: sent as fast as the
client can, most calls come back ``429 Too Many Requests`` and are retried into the same wall.
:class:`RateLimiter` spaces the calls of one service endpoint (one per service and region in a
``Cloud``, shared by every thread and task using it) so that they arrive at the rate the service
admits:

* **Adaptive** (the default). Nothing is limited until the service answers 429. The first 429
  sets the rate to what was being sent, cut by :data:`STEEP_CUT`. A later 429, of a call whose
  slot was taken after the last cut and once :data:`MIN_SAMPLE` calls were answered at that
  rate, estimates the service's limit and cuts to :data:`GENTLE_CUT` of it: the rate of the calls
  it admitted over the last :data:`MEASURE_WINDOW`, or, while fewer than half a window of them
  were measured, the share it admitted times the rate sent, a rough figure probed again sooner
  (steeply again if it admitted none). Between cuts the rate grows along a cubic curve (CUBIC, the rule of TCP and of
  botocore's "adaptive" retry mode): back to the estimate, a long plateau there, then faster
  probing in case the service now admits more.
* **A ceiling** (``ceiling=`` requests per second): never more than that, adaptive below it
  unless ``adaptive=False`` (a fixed rate).

Calls are spaced evenly (a slot every ``1/rate`` s, no bursts), which is what a service's token
bucket admits best. The limiter is I/O-free: :meth:`RateLimiter.acquire` returns how long the
caller must wait before sending, and each transport sleeps its own way (``time.sleep`` or
``await asyncio.sleep``). A cut voids the slots already taken (:meth:`RateLimiter.still_valid`):
their callers take new ones after their wait, so calls queued at the old rate do not all hit
the limit again. While nothing was ever throttled and no ceiling is set, ``acquire`` costs one
clock reading and one append.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from ._exceptions import InvalidParameterError

STEEP_CUT = 0.7
"""The share of the measured send rate kept after the first 429 (the limit is unknown yet)."""
GENTLE_CUT = 0.97
"""The share of the estimated limit kept after a later 429."""
MIN_SAMPLE = 8
"""Answers at a new rate needed before a 429 cuts it again: one 429 alone does not tell by how much."""
STEEP_RECOVERY = 1.0
"""Seconds until the rate is back at a rough estimate (a steep cut, a short sample), then probing beyond."""
GENTLE_RECOVERY = 3.0
"""Seconds until the rate is back at a measured estimate: a long plateau there."""
MIN_RATE = 0.5
"""Never slower than one call per two seconds: a limiter must not stall a run for good."""
MEASURE_WINDOW = 1.0
"""Rates (sent at the first 429, admitted later) are measured over the last second..."""
MIN_MEASURE_SPAN = 0.01
"""...and over at least this long. An overestimate costs one more 429 and cut; an underestimate, seconds."""
_KEPT_TIMES = 8192


def _rate_of(times: deque[float], now: float) -> tuple[float, float]:
    """Events per second in ``times`` over the last :data:`MEASURE_WINDOW`, and the span measured."""
    since = now - MEASURE_WINDOW
    recent = [t for t in times if t >= since]
    if not recent:
        return 0.0, 0.0
    span = max(now - recent[0], MIN_MEASURE_SPAN)
    return len(recent) / span, span


class RateLimiter:
    """The sending rate of one service endpoint; thread-safe, shared by sync and asyncio callers.

    ``ceiling`` (requests per second) is an upper bound; ``adaptive=False`` keeps the rate at the
    ceiling and ignores 429s (a fixed rate). ``clock`` is ``time.monotonic`` (tests pass a fake).
    """

    __slots__ = (
        "_adaptive",
        "_admits",
        "_admitted",
        "_answered",
        "_c",
        "_ceiling",
        "_clock",
        "_epoch",
        "_k",
        "_lock",
        "_next",
        "_sends",
        "_throttles",
        "_w_max",
    )

    def __init__(
        self,
        *,
        ceiling: float | None = None,
        adaptive: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ceiling is not None and (
            isinstance(ceiling, bool) or not isinstance(ceiling, int | float) or not ceiling >= MIN_RATE
        ):
            raise InvalidParameterError(
                "rate", f"must be a number of requests per second >= {MIN_RATE}, got {ceiling!r}"
            )
        if not adaptive and ceiling is None:
            raise InvalidParameterError("rate", "a fixed (non-adaptive) limiter needs a rate")
        self._ceiling = None if ceiling is None else float(ceiling)
        self._adaptive = adaptive
        self._clock = clock
        self._lock = threading.Lock()
        self._next = 0.0  # the earliest time the next call may be sent
        self._w_max: float | None = None  # the estimated limit; None: never throttled
        self._epoch = float("-inf")  # when the rate was last cut
        self._k = 0.0  # seconds after a cut until the rate is back at _w_max
        self._c = 0.0  # how fast it grows around _w_max (relative to it)
        self._answered = 0  # calls answered since the last cut
        self._admitted = 0  # of which the service admitted
        self._sends: deque[float] = deque(maxlen=_KEPT_TIMES)  # before the first cut
        self._admits: deque[float] = deque(maxlen=_KEPT_TIMES)  # after it
        self._throttles = 0

    @property
    def throttles(self) -> int:
        """How many 429s cut the rate so far."""
        return self._throttles

    def rate(self, now: float | None = None) -> float | None:
        """The current sending rate in requests per second; None while nothing limits it."""
        now = self._clock() if now is None else now
        limit = self._ceiling
        if self._w_max is not None:
            # CUBIC: w_max * (1 + c (t - k)^3): the cut share of w_max at t = 0, w_max at t = k.
            grown = max(self._w_max * (1.0 + self._c * (now - self._epoch - self._k) ** 3), MIN_RATE)
            limit = grown if limit is None else min(limit, grown)
        return limit

    def acquire(self) -> tuple[float, float]:
        """Take the next sending slot: ``(seconds to wait before sending, ticket)``.

        Pass the ticket to :meth:`still_valid` after the wait and to :meth:`record` with the answer.
        """
        now = self._clock()
        if self._w_max is None and self._ceiling is None:
            self._sends.append(now)  # measured only for the first cut
            return 0.0, now
        with self._lock:
            rate = self.rate(now)
            assert rate is not None
            slot = self._next if self._next > now else now
            self._next = slot + 1.0 / rate
        return slot - now, now

    def still_valid(self, ticket: float) -> bool:
        """False when the rate was cut after this slot was taken: take a new one (at the new rate)."""
        return ticket >= self._epoch

    def record(self, ticket: float, throttled: bool) -> None:
        """What the service answered the call of ``ticket``: a 429 (``throttled``) or anything else."""
        if not self._adaptive or (self._w_max is None and not throttled):
            return
        if ticket < self._epoch:
            return  # its slot was spaced at the rate before the last cut: it tells nothing of this one
        if not throttled:
            self._admits.append(self._clock())
            self._answered += 1  # unlocked: approximate counts are enough
            self._admitted += 1
            return
        with self._lock:
            now = self._clock()
            if self._w_max is None:  # the first 429: what was being sent, cut steeply
                self._cut(now, _rate_of(self._sends, now)[0], STEEP_CUT, STEEP_RECOVERY)
                self._sends.clear()
                return
            self._answered += 1
            if self._answered < MIN_SAMPLE:
                return
            current = self.rate(now) or MIN_RATE
            if not self._admitted:  # nothing got through at this rate: far over, by how much is unknown
                self._cut(now, current, STEEP_CUT, STEEP_RECOVERY)
                return
            admitted, span = _rate_of(self._admits, now)
            if span >= MEASURE_WINDOW / 2:
                self._cut(now, admitted, GENTLE_CUT, GENTLE_RECOVERY)
            else:  # too short to measure: the share admitted at this rate tells, roughly: probe again soon
                self._cut(now, current * self._admitted / self._answered, GENTLE_CUT, STEEP_RECOVERY)

    def _cut(self, now: float, limit: float, share: float, recovery: float) -> None:
        self._w_max = max(limit, MIN_RATE)
        self._k = recovery
        self._c = (1.0 - share) / recovery**3
        self._epoch = now
        self._next = now  # the slots taken before now are void (still_valid): spaced again at the new rate
        self._answered = self._admitted = 0
        self._throttles += 1

    def __repr__(self) -> str:
        rate = self.rate()
        shown = "unlimited" if rate is None else f"{rate:.1f}/s"
        return f"RateLimiter({shown}, ceiling={self._ceiling}, adaptive={self._adaptive}, throttles={self._throttles})"
