"""Running one operation for many jobs with bounded concurrency, losing none.

``await bulk_call(job_ids, lambda job: cloud.drs.stop_job(job), concurrency=8)``
returns one :class:`BulkOutcome` per input, in input order: the result, or the
exception that call raised. A failing or timing-out job never hides the others.
(DLI stops many jobs in one native call: use ``cloud.dli.stop_jobs`` for it.)

Cancelling a run (Ctrl-C under ``asyncio.run``, a timeout around it) loses nothing that
finished: ``on_outcome`` has been called for each finished item as it finished (a CLI writes
them out there), and the ``asyncio.CancelledError`` that ends the run carries ``.outcomes``,
the finished ones in input order. The calls still in flight are cancelled with the run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ._exceptions import InvalidParameterError
from ._ratelimit import RateLimiter

K = TypeVar("K")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class BulkOutcome(Generic[K, R]):
    """What happened to one item of a bulk run."""

    key: K
    result: R | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


async def bulk_call(
    keys: Iterable[K],
    call: Callable[[K], Awaitable[R]],
    *,
    concurrency: int = 16,
    on_progress: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[BulkOutcome[K, R]], None] | None = None,
    rate: float | None = None,
) -> list[BulkOutcome[K, R]]:
    """Call ``call(key)`` for every key, at most ``concurrency`` at a time.

    ``on_outcome(outcome)`` is called as each item finishes (in completion order), then
    ``on_progress(done, total)``. When the run is cancelled, the ``asyncio.CancelledError``
    raised has an ``outcomes`` attribute: the items that finished, in input order.

    ``rate`` starts at most that many calls per second, evenly spaced. Without it, the cloud's
    own flow control still applies: each service endpoint of a ``Cloud`` slows down when the
    service answers 429 and speeds up again (``Cloud(rate_limit=...)``).
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise InvalidParameterError("concurrency", f"must be a positive integer, got {concurrency!r}")
    limiter = None if rate is None else RateLimiter(ceiling=rate, adaptive=False)
    import asyncio  # not imported with the package: sync users never need it

    items = list(keys)
    total = len(items)
    outcomes: list[BulkOutcome[K, R] | None] = [None] * total
    semaphore = asyncio.Semaphore(concurrency)
    done = 0

    async def run(index: int, key: K) -> None:
        nonlocal done
        async with semaphore:
            if limiter is not None:
                pause, _ = limiter.acquire()
                if pause > 0:
                    await asyncio.sleep(pause)
            try:
                outcomes[index] = BulkOutcome(key, result=await call(key))
            except Exception as exc:  # every failure is reported, none aborts the run
                outcomes[index] = BulkOutcome(key, error=exc)
        done += 1
        if on_outcome is not None:
            finished = outcomes[index]
            assert finished is not None
            on_outcome(finished)
        if on_progress is not None:
            on_progress(done, total)

    try:
        await asyncio.gather(*(run(index, key) for index, key in enumerate(items)))
    except asyncio.CancelledError as cancelled:
        # The finished outcomes travel with the cancellation, so the caller can still report them.
        cancelled.outcomes = [outcome for outcome in outcomes if outcome is not None]  # type: ignore[attr-defined]
        raise
    return [outcome for outcome in outcomes if outcome is not None]
