"""Running one operation for many jobs with bounded concurrency, losing none.

``await bulk_call(job_ids, lambda job: cloud.drs.stop_job(job), concurrency=8)``
returns one :class:`BulkOutcome` per input, in input order: the result, or the
exception that call raised. A failing or timing-out job never hides the others.
(DLI stops many jobs in one native call: use ``cloud.dli.stop_jobs`` for it.)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ._exceptions import InvalidParameterError

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
) -> list[BulkOutcome[K, R]]:
    """Call ``call(key)`` for every key, at most ``concurrency`` at a time.

    ``on_progress(done, total)`` is called after each item finishes.
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise InvalidParameterError("concurrency", f"must be a positive integer, got {concurrency!r}")
    import asyncio  # not imported with the package: sync users never need it

    items = list(keys)
    total = len(items)
    outcomes: list[BulkOutcome[K, R] | None] = [None] * total
    semaphore = asyncio.Semaphore(concurrency)
    done = 0

    async def run(index: int, key: K) -> None:
        nonlocal done
        async with semaphore:
            try:
                outcomes[index] = BulkOutcome(key, result=await call(key))
            except Exception as exc:  # every failure is reported, none aborts the run
                outcomes[index] = BulkOutcome(key, error=exc)
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    await asyncio.gather(*(run(index, key) for index, key in enumerate(items)))
    return [outcome for outcome in outcomes if outcome is not None]
