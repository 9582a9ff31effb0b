"""Waiting until a job is really stopped: one generic poller, driven by ``x-waiters`` in the specs.

A waiter is declared as data on a read operation (boto3's waiters, in the spec)::

    x-waiters:
      job_stopped:
        arguments: {type: overview}   # fixed arguments of every poll (optional)
        state: job.status             # dotted path into the read's response body
        success: [RELEASE_RESOURCE_COMPLETE, DELETED]
        failure: [RELEASE_RESOURCE_FAILED]
        not_found: success            # the job is gone (404, or not_found_codes): success | failure | retry
        not_found_codes: [DRS.10000010]  # error codes that mean "gone" whatever the HTTP status (optional)
        delay: 10                     # first wait between polls, seconds; doubles, with jitter ...
        max_delay: 60                 # ... up to this
        timeout: 1800                 # default overall deadline, seconds
        after: stop_job               # the operation it follows (generates stop_job_and_wait)

and generated into ``wait_until_<name>(...)`` methods. A state in neither list -- including
one the service adds next year -- means "keep polling" until the deadline. A read that fails
transiently (connection, timeout, 429, 5xx, after the client's own retries) is polled again
too; a read whose body fails its check only on fields the waiter does not watch is read for its
state (``ResponseValidationError.partial``); anything else is raised. Each poll ends by the wait's
deadline (``_deadline``; it may always take ``WAITER_MIN_POLL_SECONDS``), so a read that hangs does
not stretch the wait. The outcome is the last read's result (None when the job is gone and
``not_found: success``), or :class:`WaiterFailedError` / :class:`WaiterTimeoutError`, which carry
the last state seen and how long the wait took. Callers may override the states, the delays and the deadline per call
(:class:`WaitOptions`).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import random
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from . import _deadline, _defaults
from ._exceptions import (
    APIStatusError,
    HuaweiCloudJobsError,
    InvalidParameterError,
    NotFoundError,
    OperationFailedError,
    RateLimitError,
    RequestTimeoutError,
    ResponseValidationError,
    ServerError,
    TransportError,
    _one_line,
)
from ._public import publish
from ._spec import operation_spec

if TYPE_CHECKING:
    from ._service import Operation

__all__ = [
    "StateCallback",
    "WaitOptions",
    "Waiter",
    "WaiterFailedError",
    "WaiterTimeoutError",
    "waiter",
]

R = TypeVar("R")

StateCallback = Callable[[str | None, float], None]
"""Called with the new state and the seconds waited so far, each time the state changes."""


@dataclass(frozen=True, slots=True)
class WaitOptions:
    """Per-call overrides of a waiter's declaration (None: what its spec declares).

    Every generated ``wait_until_*``, ``begin_wait_until_*`` and ``*_and_wait`` method takes one as
    ``options=``, and keyword arguments of the same names (``timeout=900``) override it; inside,
    the options travel as this one object. Checked when made: a bad value is an
    ``InvalidParameterError`` naming the option.
    """

    timeout: float | None = None
    delay: float | None = None
    max_delay: float | None = None
    success: Collection[str] | None = None
    failure: Collection[str] | None = None
    on_state: StateCallback | None = None

    def __post_init__(self) -> None:
        for name in ("timeout", "delay", "max_delay"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or not value > 0):
                raise InvalidParameterError(name, f"must be a positive number of seconds, got {value!r}")
        for name in ("success", "failure"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, str | bytes)
                or not isinstance(value, Collection)
                or not all(isinstance(state, str) for state in value)
            ):
                raise InvalidParameterError(name, f"must be a collection of state names, got {value!r}")
        if self.on_state is not None and not callable(self.on_state):
            raise InvalidParameterError("on_state", f"must be a callable(state, waited), got {self.on_state!r}")

    @classmethod
    def given(cls, options: WaitOptions | None, **overrides: Any) -> WaitOptions:
        """``options`` (or none), with every override that is not None put in."""
        if options is not None and not isinstance(options, WaitOptions):
            raise InvalidParameterError("options", f"must be a WaitOptions, got {type(options).__name__}")
        chosen = {name: value for name, value in overrides.items() if value is not None}
        if options is None:
            return cls(**chosen)
        return dataclasses.replace(options, **chosen) if chosen else options


class _WaitEnded(HuaweiCloudJobsError):
    def __init__(self, message: str, *, waiter: str, service: str, state: str | None, waited: float, polls: int):
        self.waiter = waiter
        self.service = service
        self.state = state
        self.waited = waited
        self.polls = polls
        super().__init__(
            f"{_one_line(message, 300)} ({service} {waiter}: last state {state!r} after {waited:.1f} s, {polls} polls)"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            functools.partial(
                type(self),
                self.args[0].split(" (", 1)[0],
                waiter=self.waiter,
                service=self.service,
                state=self.state,
                waited=self.waited,
                polls=self.polls,
            ),
            (),
        )


class WaiterFailedError(_WaitEnded):
    """The job reached one of the waiter's failure states (``state``), or is gone where that means failure."""


class WaiterTimeoutError(_WaitEnded, RequestTimeoutError):
    """The deadline passed before a success or failure state; ``state`` is the last one seen."""


class Waiter(NamedTuple):
    """One ``x-waiters`` entry, read from the bundled spec."""

    name: str
    service: str
    state: tuple[str, ...]
    success: frozenset[str]
    failure: frozenset[str]
    not_found: str
    delay: float
    max_delay: float
    timeout: float
    arguments: dict[str, Any]
    not_found_codes: frozenset[str] = frozenset()

    def state_of(self, result: object) -> str | None:
        """The watched field of a read's result (a model or JSON), or None where it is absent."""
        value: Any = result
        for part in self.state:
            value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
            if value is None:
                return None
        return value if isinstance(value, str) else str(value)

    def after_error(self, error: HuaweiCloudJobsError) -> object:
        """What a read that raised ``error`` says: :data:`GONE`, :data:`AGAIN` (poll again), or a
        result to read the state from; raises ``error`` when it says nothing about the job."""
        if isinstance(error, NotFoundError) or (
            isinstance(error, APIStatusError) and error.error_code in self.not_found_codes
        ):
            return GONE
        if isinstance(error, _TRANSIENT):
            return AGAIN
        if isinstance(error, ResponseValidationError) and error.partial is not None:
            watched = ".".join(self.state)
            if not any(watched == field or watched.startswith(field + ".") for field in error.left_out):
                return error.partial
        raise error


class _Signal:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


GONE = _Signal("GONE")
"""A read found the job gone: a 404, or an error code the waiter declares in ``not_found_codes``."""
AGAIN = _Signal("AGAIN")
"""A read failed transiently: poll again."""


@functools.cache
def waiter(operation: Operation[Any], name: str) -> Waiter:
    """The waiter ``name`` declared on the read ``operation``."""
    spec = operation_spec(operation.package, operation.method, operation.path)
    declared = spec.waiters[name]
    return Waiter(
        name=name,
        service=spec.service,
        state=tuple(str(declared["state"]).split(".")),
        success=frozenset(declared.get("success", ())),
        failure=frozenset(declared.get("failure", ())),
        not_found=str(declared.get("not_found", "failure")),
        delay=float(declared.get("delay", 5)),
        max_delay=float(declared.get("max_delay", 30)),
        timeout=float(declared.get("timeout", 600)),
        arguments=dict(declared.get("arguments", {})),
        not_found_codes=frozenset(str(code) for code in declared.get("not_found_codes", ())),
    )


_LAST_MOMENT = 0.001
"""Seconds: a deadline this close counts as passed."""

# Failures of one poll that say nothing about the job: poll again (until the deadline).
_TRANSIENT = (TransportError, RateLimitError, ServerError, RequestTimeoutError)


class _Poll:
    """The state of one wait: deadline, polls, last state; the same for sync and async loops."""

    def __init__(self, spec: Waiter, options: WaitOptions, clock: Callable[[], float], rng: Callable[[], float]):
        self.spec = spec
        self.timeout = float(options.timeout if options.timeout is not None else spec.timeout)
        self.delay = float(options.delay if options.delay is not None else spec.delay)
        self.max_delay = float(options.max_delay if options.max_delay is not None else spec.max_delay)
        self.success = frozenset(options.success if options.success is not None else spec.success)
        self.failure = frozenset(options.failure if options.failure is not None else spec.failure)
        self.on_state = options.on_state
        self.clock = clock
        self.rng = rng
        self.started = clock()
        self.polls = 0
        self.state: str | None = None
        self.seen = False

    def waited(self) -> float:
        return self.clock() - self.started

    def poll_bound(self) -> float:
        """How long the next poll may take: the time left to the deadline, but at least
        ``WAITER_MIN_POLL_SECONDS`` (the last poll is made at the deadline itself)."""
        return max(self.timeout - self.waited(), _defaults.WAITER_MIN_POLL_SECONDS)

    def ended(self, error: type[_WaitEnded], message: str) -> _WaitEnded:
        return error(
            message,
            waiter=self.spec.name,
            service=self.spec.service,
            state=self.state,
            waited=self.waited(),
            polls=self.polls,
        )

    def observe(self, state: str | None) -> bool:
        """Record a state; True when it ends the wait with success (raises on failure)."""
        if not self.seen or state != self.state:
            self.state, self.seen = state, True
            if self.on_state is not None:
                self.on_state(state, self.waited())
        if state in self.failure:
            raise self.ended(WaiterFailedError, f"the job reached the failure state {state!r}")
        return state in self.success

    def missing(self) -> bool:
        """The read found the job gone: True for success, else raises (or False: poll again)."""
        if self.spec.not_found == "success":
            self.observe(None)
            return True
        if self.spec.not_found == "retry":
            return False
        raise self.ended(WaiterFailedError, "the job was not found")

    def done(self, result: object) -> bool:
        """Whether one poll's outcome (a result, GONE or AGAIN) ends the wait with success (raises on failure)."""
        if result is AGAIN:
            return False
        if result is GONE:
            return self.missing()
        return self.observe(self.spec.state_of(result))

    def reading(self) -> _Reading:
        """One poll: ``with poll.reading() as reading: reading.result = read()`` (sync or awaited).

        The read is bounded by the wait's deadline; an error it raises becomes what it says of
        the job (:data:`GONE`, :data:`AGAIN` or a partial result), or propagates.
        """
        self.polls += 1
        return _Reading(self.spec, self.poll_bound())

    def outcome(self, result: object) -> Any:
        """The wait's result once :meth:`done`: the read's result, or None when the job is gone."""
        return None if result is GONE else result

    def next_delay(self) -> float:
        """Seconds to the next poll: doubling from ``delay`` up to ``max_delay``, half of it jittered,
        never past the deadline; raises WaiterTimeoutError when the deadline has passed."""
        remaining = self.timeout - self.waited()
        # Below a millisecond the deadline has come: waiting "the rest" could otherwise never end
        # (a remainder smaller than the clock's resolution leaves a fake or coarse clock unchanged).
        if remaining <= _LAST_MOMENT:
            raise self.ended(WaiterTimeoutError, f"the wait timed out after {self.timeout:g} s")
        base = min(self.max_delay, math.ldexp(self.delay, min(self.polls - 1, 30)))
        return min(remaining, base * (0.5 + 0.5 * self.rng()))


class _Reading:
    """One read of a waiter (see :meth:`_Poll.reading`); ``result`` is what it says of the job."""

    __slots__ = ("bound", "error", "result", "spec", "token")

    def __init__(self, spec: Waiter, bound: float | None) -> None:
        self.spec = spec
        self.bound = bound
        self.result: object = AGAIN
        self.error: HuaweiCloudJobsError | None = None

    def __enter__(self) -> _Reading:
        self.token = _deadline.enter(self.bound, f"the {self.spec.name} waiter's deadline")
        return self

    def __exit__(self, kind: object, error: BaseException | None, traceback: object) -> bool:
        _deadline.leave(self.token)
        if not isinstance(error, HuaweiCloudJobsError):
            return False
        self.error = error
        self.result = self.spec.after_error(error)  # raises the error when it says nothing of the job
        return True


def status_after_refused_stop(refused: HuaweiCloudJobsError, read: Operation[Any], name: str) -> _Reading:
    """A stop was refused: raise it unless a status read may show the job already stopped; else that read.

    ``with status_after_refused_stop(refused, read, name) as reading: reading.result = <read once>``,
    then :func:`settle_refused_stop`.
    """
    if not worth_a_status_read(refused):
        raise refused
    return _Reading(waiter(read, name), None)


def settle_refused_stop(refused: HuaweiCloudJobsError, reading: _Reading, options: WaitOptions) -> Any:
    """What the status read after a refused stop says: the job's read (already in a success state),
    None (gone, where that means stopped), or the refusal (or the read's own error) raised."""
    spec, current = reading.spec, reading.result
    if current is AGAIN:
        assert reading.error is not None
        raise reading.error
    if current is GONE:
        if spec.not_found == "success":
            return None
        raise refused from None
    if spec.state_of(current) in (options.success if options.success is not None else spec.success):
        return current
    raise refused


def wait(
    read: Callable[[], R],
    spec: Waiter,
    options: WaitOptions,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    rng: Callable[[], float] = random.random,
    poll: _Poll | None = None,
) -> R | None:
    """Poll ``read()`` until the waiter's success state (its result), a failure state or the deadline.

    ``poll``: the wait's state, when the caller keeps it (a resumable wait reads it while it runs).
    """
    poll = poll or _Poll(spec, options, clock, rng)
    while True:
        with poll.reading() as reading:
            reading.result = read()
        if poll.done(reading.result):
            done: R | None = poll.outcome(reading.result)
            return done
        sleep(poll.next_delay())


async def await_state(
    read: Callable[[], Awaitable[R]],
    spec: Waiter,
    options: WaitOptions,
    *,
    sleep: Callable[[float], Awaitable[None]],
    clock: Callable[[], float] = time.monotonic,
    rng: Callable[[], float] = random.random,
    poll: _Poll | None = None,
) -> R | None:
    """The asyncio counterpart of :func:`wait`; cancelling it cancels the sleep or the read in flight."""
    poll = poll or _Poll(spec, options, clock, rng)
    while True:
        with poll.reading() as reading:
            reading.result = await read()
        if poll.done(reading.result):
            done: R | None = poll.outcome(reading.result)
            return done
        await sleep(poll.next_delay())


def worth_a_status_read(error: HuaweiCloudJobsError) -> bool:
    """Whether a refused stop is worth a status read (4xx other than auth, or a failure in a 2xx body)."""
    if isinstance(error, OperationFailedError):
        return True
    return isinstance(error, APIStatusError) and error.status_code in (400, 404, 409)


publish(WaitOptions, WaiterFailedError, WaiterTimeoutError)
