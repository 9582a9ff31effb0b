"""Running one operation for many jobs with bounded concurrency, losing none: sync and asyncio.

``bulk_call(job_ids, cloud.drs.stop_job, concurrency=8)`` (a thread pool) and
``await bulk_call_async(job_ids, cloud.drs.stop_job, concurrency=8)`` (asyncio) return one
:class:`BulkOutcome` per input, in input order: the result, or the exception that call raised. A
failing or timing-out job never hides the others. (DLI stops many jobs in one native call: use
``cloud.dli.stop_jobs`` for it.)

Both flavours are one engine (:class:`_BulkRun`, no I/O): it checks the arguments, decides which
call starts next and when (input order, ``concurrency`` at a time, ``rate`` evenly spaced starts),
records each outcome (``on_outcome`` in completion order, then ``on_progress``) and keeps what an
interruption keeps. Each flavour only starts the calls and waits for them: on threads and futures,
or as asyncio tasks.

Interrupting a run loses nothing that finished: ``on_outcome`` has been called for each finished
item as it finished (a CLI writes them out there), and the exception that ends the run carries
``.outcomes``, the finished ones in input order.

* **Sync** (``KeyboardInterrupt``, Ctrl-C): no new call is started, and the calls already sent are
  waited for (the server may act on them, so their outcomes are recorded and reported); then the
  ``KeyboardInterrupt`` is raised again with ``.outcomes``. A second ``KeyboardInterrupt`` while
  waiting leaves at once, with ``.outcomes`` of what finished so far; the calls still running
  finish in their threads (the interpreter waits for them at exit).
* **asyncio** (``asyncio.CancelledError``: Ctrl-C under ``asyncio.run``, a timeout around it): the
  calls in flight are cancelled with the run, and the ``CancelledError`` carries ``.outcomes``.

Until the next release, ``bulk_call`` called while an event loop runs in its thread (the way it
was used when it was asyncio-only: ``await bulk_call(keys, async_call)``) warns
(``DeprecationWarning``) and returns the :func:`bulk_call_async` coroutine.
"""

from __future__ import annotations

import inspect
import sys
import time
import warnings
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

from ._exceptions import InvalidParameterError
from ._public import publish
from ._ratelimit import RateLimiter

if TYPE_CHECKING:
    import asyncio
    from concurrent.futures import Future, ThreadPoolExecutor

__all__ = ["BulkOutcome", "bulk_call", "bulk_call_async"]

K = TypeVar("K")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
H = TypeVar("H", bound="_Finished[Any]")

_SIGNAL_CHECK = 0.25
"""The longest a sync run blocks in one wait: a Ctrl-C is seen between waits on every platform."""


@dataclass(frozen=True, slots=True)
class BulkOutcome(Generic[K, R]):
    """What happened to one item of a bulk run."""

    key: K
    result: R | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class _Finished(Protocol[R_co]):
    """A finished call as both flavours hold it: a ``concurrent.futures.Future`` or an asyncio task."""

    def exception(self) -> BaseException | None: ...

    def result(self) -> R_co: ...


@dataclass(frozen=True, slots=True)
class _Start(Generic[K]):
    """Start the call of ``key`` (the item at ``index``) now."""

    index: int
    key: K


@dataclass(frozen=True, slots=True)
class _Wait:
    """Wait for a call to finish, at most ``timeout`` seconds (``None``: until one does)."""

    timeout: float | None


class _BulkRun(Generic[K, R, H]):
    """Every decision of a bulk run, with no I/O: what to start and when, what finished, what is kept.

    A flavour asks :meth:`steps` what to do: start a call (it registers the call's handle with
    :meth:`started`) or wait (it hands what finished to :meth:`finished`, nothing when the wait was
    only a pause before the next rate slot). ``H`` is the flavour's handle of a running call.
    """

    def __init__(
        self,
        keys: Iterable[K],
        *,
        concurrency: int,
        rate: float | None,
        on_outcome: Callable[[BulkOutcome[K, R]], None] | None,
        on_progress: Callable[[int, int], None] | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise InvalidParameterError("concurrency", f"must be a positive integer, got {concurrency!r}")
        self._limiter = None if rate is None else RateLimiter(ceiling=rate, adaptive=False, clock=clock)
        self._clock = clock
        self._keys = list(keys)
        self._concurrency = concurrency
        self._on_outcome = on_outcome
        self._on_progress = on_progress
        self._outcomes: list[BulkOutcome[K, R] | None] = [None] * len(self._keys)
        self._started = 0
        self._done = 0
        self._stopping = False
        self._slot: float | None = None  # when the next start's rate slot opens (taken, not yet used)
        self.in_flight: dict[H, int] = {}
        """The calls sent and not yet finished: their handles and the index of their keys."""

    def steps(self) -> Iterator[_Start[K] | _Wait]:
        """What to do next, until every call started has finished and nothing more is to start."""
        while True:
            if not self._stopping and self._started < len(self._keys) and len(self.in_flight) < self._concurrency:
                pause = self._pause()
                if pause <= 0:
                    self._slot = None
                    self._started += 1
                    yield _Start(self._started - 1, self._keys[self._started - 1])
                else:
                    yield _Wait(pause)
            elif self.in_flight:
                yield _Wait(None)
            else:
                return

    def _pause(self) -> float:
        """Seconds until the next call may start: its ``rate`` slot (taken once, kept across waits)."""
        if self._limiter is None:
            return 0.0
        if self._slot is None:
            pause, _ = self._limiter.acquire()
            self._slot = self._clock() + pause
        return self._slot - self._clock()

    def started(self, index: int, handle: H) -> None:
        self.in_flight[handle] = index

    def finished(self, handles: Iterable[H]) -> None:
        """Record each finished call: its outcome, then ``on_outcome`` and ``on_progress``."""
        for handle in handles:
            index = self.in_flight.pop(handle)
            error = handle.exception()
            if error is not None and not isinstance(error, Exception):
                raise error  # KeyboardInterrupt, SystemExit, ...: not an outcome, it ends the run
            key = self._keys[index]
            outcome: BulkOutcome[K, R] = (
                BulkOutcome(key, result=handle.result()) if error is None else BulkOutcome(key, error=error)
            )
            self._outcomes[index] = outcome
            self._done += 1
            if self._on_outcome is not None:
                self._on_outcome(outcome)
            if self._on_progress is not None:
                self._on_progress(self._done, len(self._keys))

    def stop(self) -> None:
        """Start no new call; the calls in flight are still waited for and recorded."""
        self._stopping = True

    def outcomes(self) -> list[BulkOutcome[K, R]]:
        """The finished outcomes, in input order (every key's, once the run has ended)."""
        return [outcome for outcome in self._outcomes if outcome is not None]

    def interrupted(self, interruption: BaseException) -> None:
        """What an interruption keeps: the finished outcomes travel with it, as ``.outcomes``."""
        interruption.outcomes = self.outcomes()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------- sync


@overload
def bulk_call(  # type: ignore[overload-overlap]  # an awaitable result is the deprecated asyncio path
    keys: Iterable[K],
    call: Callable[[K], Awaitable[R]],
    *,
    concurrency: int = 16,
    on_progress: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[BulkOutcome[K, R]], None] | None = None,
    rate: float | None = None,
) -> Coroutine[Any, Any, list[BulkOutcome[K, R]]]: ...


@overload
def bulk_call(
    keys: Iterable[K],
    call: Callable[[K], R],
    *,
    concurrency: int = 16,
    on_progress: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[BulkOutcome[K, R]], None] | None = None,
    rate: float | None = None,
) -> list[BulkOutcome[K, R]]: ...


def bulk_call(
    keys: Iterable[Any],
    call: Callable[[Any], Any],
    *,
    concurrency: int = 16,
    on_progress: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[BulkOutcome[Any, Any]], None] | None = None,
    rate: float | None = None,
) -> Any:
    """Call ``call(key)`` for every key on a thread pool, at most ``concurrency`` at a time.

    Returns one :class:`BulkOutcome` per key, in input order. Calls start in input order.
    ``on_outcome(outcome)`` is called as each item finishes (in completion order), then
    ``on_progress(done, total)``, both in the calling thread.

    ``rate`` starts at most that many calls per second, evenly spaced. Without it, the cloud's
    own flow control still applies: each service endpoint of a ``Cloud`` slows down when the
    service answers 429 and speeds up again (``Cloud(rate_limit=...)``).

    A ``KeyboardInterrupt`` (Ctrl-C) starts no new call, waits for the calls already sent and is
    raised again with ``.outcomes``: the finished items, in input order. A second one leaves at
    once. ``call`` is a plain function; for coroutine functions use :func:`bulk_call_async`.

    Deprecated path: called while an asyncio event loop runs in this thread, it warns and returns
    the :func:`bulk_call_async` coroutine (``await bulk_call(...)`` from when it was asyncio-only).
    """
    if _event_loop_running():
        warnings.warn(
            "bulk_call() inside a running event loop is deprecated: use `await bulk_call_async(...)` "
            "(bulk_call is now the synchronous twin, on a thread pool)",
            DeprecationWarning,
            stacklevel=2,
        )
        return bulk_call_async(
            keys, call, concurrency=concurrency, on_progress=on_progress, on_outcome=on_outcome, rate=rate
        )
    if inspect.iscoroutinefunction(call):
        raise InvalidParameterError("call", "is a coroutine function: use `await bulk_call_async(...)` for it")
    run: _BulkRun[Any, Any, Future[Any]] = _BulkRun(
        keys, concurrency=concurrency, rate=rate, on_outcome=on_outcome, on_progress=on_progress
    )
    from concurrent.futures import ThreadPoolExecutor  # not imported with the package

    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="huaweicloud-jobs-bulk")
    try:
        try:
            _drive(run, pool, call)
        except KeyboardInterrupt as interrupt:
            run.stop()
            try:
                _drive(run, pool, call)  # starts nothing: waits for the calls already sent
            except KeyboardInterrupt as again:
                run.interrupted(again)
                raise
            run.interrupted(interrupt)
            raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # nothing is left to wait for unless interrupted twice
    return run.outcomes()


def _drive(run: _BulkRun[Any, Any, Future[Any]], pool: ThreadPoolExecutor, call: Callable[[Any], Any]) -> None:
    for step in run.steps():
        if isinstance(step, _Start):
            run.started(step.index, pool.submit(_called, call, step.key))
        else:
            run.finished(_wait(run.in_flight, step.timeout))


def _wait(in_flight: Iterable[Future[Any]], timeout: float | None) -> set[Future[Any]]:
    """The calls that finished within ``timeout`` (a pause: nothing is in flight, only time passes)."""
    from concurrent.futures import FIRST_COMPLETED, wait

    timeout = _SIGNAL_CHECK if timeout is None else min(timeout, _SIGNAL_CHECK)
    calls = list(in_flight)
    if not calls:
        time.sleep(timeout)
        return set()
    return wait(calls, timeout=timeout, return_when=FIRST_COMPLETED).done


def _called(call: Callable[[K], R], key: K) -> R:
    result = call(key)
    if inspect.isawaitable(result):
        if inspect.iscoroutine(result):
            result.close()  # never started: nothing was sent
        raise InvalidParameterError("call", "returned an awaitable: use `await bulk_call_async(...)` for it")
    return result


def _event_loop_running() -> bool:
    asyncio = sys.modules.get("asyncio")  # not imported: no loop can be running
    if asyncio is None:
        return False
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


# ------------------------------------------------------------------------------------------ asyncio


async def bulk_call_async(
    keys: Iterable[K],
    call: Callable[[K], Awaitable[R]],
    *,
    concurrency: int = 16,
    on_progress: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[BulkOutcome[K, R]], None] | None = None,
    rate: float | None = None,
) -> list[BulkOutcome[K, R]]:
    """The asyncio counterpart of :func:`bulk_call`: ``await call(key)`` for every key, as tasks.

    The same guarantees: one :class:`BulkOutcome` per key in input order, calls started in input
    order, ``on_outcome`` in completion order then ``on_progress``, ``rate`` evenly spaced starts.
    When the run is cancelled, the calls in flight are cancelled with it, and the
    ``asyncio.CancelledError`` raised has an ``outcomes`` attribute: the items that finished, in
    input order.
    """
    run: _BulkRun[K, R, asyncio.Task[R]] = _BulkRun(
        keys, concurrency=concurrency, rate=rate, on_outcome=on_outcome, on_progress=on_progress
    )
    import asyncio  # not imported with the package: sync users never need it

    try:
        for step in run.steps():
            if isinstance(step, _Start):
                run.started(step.index, asyncio.ensure_future(_awaited(call, step.key)))
            else:
                run.finished(await _wait_async(run.in_flight, step.timeout))
    except asyncio.CancelledError as cancelled:
        run.interrupted(cancelled)
        for task in run.in_flight:
            task.cancel()
        if run.in_flight:
            await asyncio.wait(run.in_flight)
        raise
    return run.outcomes()


async def _wait_async(in_flight: Iterable[asyncio.Task[R]], timeout: float | None) -> set[asyncio.Task[R]]:
    """The calls that finished within ``timeout`` (a pause: nothing is in flight, only time passes)."""
    import asyncio

    calls = list(in_flight)
    if not calls:
        await asyncio.sleep(timeout or 0)
        return set()
    done, _ = await asyncio.wait(calls, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    return done


async def _awaited(call: Callable[[K], Awaitable[R]], key: K) -> R:
    result = call(key)
    if not inspect.isawaitable(result):
        raise InvalidParameterError(
            "call", f"returned {type(result).__name__}, not an awaitable: use bulk_call(...) for a plain function"
        )
    return await result


publish(BulkOutcome)
