"""Waits that survive their process: a wait saved as a small token and resumed elsewhere.

``begin_wait_until_<name>(...)`` (generated beside ``wait_until_<name>``) returns a wait that has
not polled yet; ``continuation_token()`` is a short string holding what it needs to go on (the
service, the read, the waiter, the job's ids, the deadline as wall-clock time, the last state and
the number of polls, the per-call options); ``cloud.<svc>.resume_wait(token)`` rebuilds it, in this
process or another, and ``result()`` polls to the end exactly as ``wait_until_<name>`` does (Azure's
LRO continuation tokens; Google's operations re-attached by name). Nothing is stopped again: a
resumed wait only reads.

The token is the wait's state when it is asked for; take it again after a state change
(``on_state``) to keep the last state and the remaining time current.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._exceptions import InvalidParameterError
from ._public import publish
from ._waiters import _LAST_MOMENT, StateCallback, WaitOptions, _Poll, await_state, wait, waiter

if TYPE_CHECKING:
    from ._service import AsyncServiceBase, Operation, ServiceBase

__all__ = ["AsyncWait", "Wait", "begin_wait", "begin_wait_async", "resume_wait", "resume_wait_async"]

R = TypeVar("R")

_VERSION = 1
_KEPT_OPTIONS = ("delay", "max_delay", "success", "failure")


def _encode(document: Mapping[str, Any]) -> str:
    raw = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(token: object) -> dict[str, Any]:
    if not isinstance(token, str) or not token or len(token) > 8192:
        raise InvalidParameterError("continuation_token", "must be a token from continuation_token() (a short string)")
    try:
        document = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise InvalidParameterError("continuation_token", "is not a wait token made by this library") from None
    needed = {"v", "pkg", "read", "waiter", "args", "deadline", "state", "polls", "opts"}
    if not isinstance(document, dict) or not needed <= set(document) or document["v"] != _VERSION:
        raise InvalidParameterError("continuation_token", "is not a wait token made by this library")
    return document


class _Handle(Generic[R]):
    """What a sync and an asyncio wait share: the poll state, the token."""

    def __init__(
        self,
        read_operation: Operation[R],
        name: str,
        arguments: Mapping[str, object],
        options: WaitOptions,
        clock: Callable[[], float],
        resumed: Mapping[str, Any] | None = None,
    ) -> None:
        self.operation = read_operation
        self.spec = waiter(read_operation, name)
        self.arguments = dict(arguments)
        self.options = options
        self._poll = _Poll(self.spec, options, clock, random.random)
        if resumed is not None:
            self._poll.state, self._poll.seen, self._poll.polls = resumed["state"], True, int(resumed["polls"])
        self._wall_started = time.time()

    @property
    def state(self) -> str | None:
        """The last state seen (None before the first read, or when the job is gone)."""
        return self._poll.state

    @property
    def polls(self) -> int:
        return self._poll.polls

    def continuation_token(self) -> str:
        """This wait as a short string: give it to ``resume_wait`` to go on, here or in another process."""
        remaining = max(self._poll.timeout - self._poll.waited(), 0.0)
        given = {key: getattr(self.options, key) for key in _KEPT_OPTIONS}
        kept = {key: value for key, value in given.items() if value is not None}
        return _encode(
            {
                "v": _VERSION,
                "svc": self.spec.service,
                "pkg": self.operation.package,
                "read": self.operation.name,
                "waiter": self.spec.name,
                "args": self.arguments,
                "deadline": round(time.time() + remaining, 3),
                "state": self._poll.state,
                "polls": self._poll.polls,
                "opts": {
                    key: sorted(value) if isinstance(value, set | frozenset) else value for key, value in kept.items()
                },
            }
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec.service} {self.spec.name} state={self.state!r} polls={self.polls}>"


class Wait(_Handle[R]):
    """A wait that has not finished: ``result()`` polls until the job is done (or raises, as ``wait_until_*``)."""

    def __init__(
        self,
        service: ServiceBase,
        read_operation: Operation[R],
        name: str,
        arguments: Mapping[str, object],
        options: WaitOptions,
        resumed: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(read_operation, name, arguments, options, service._transport.clock, resumed)
        self._service = service

    def result(self) -> R | None:
        service, spec = self._service, self.spec
        poll_arguments = {**spec.arguments, **self.arguments}
        transport = service._transport
        read: Callable[[], R] = lambda: service._call(self.operation, poll_arguments)  # noqa: E731
        return wait(read, spec, self.options, sleep=transport.sleep, clock=transport.clock, poll=self._poll)


class AsyncWait(_Handle[R]):
    """The asyncio counterpart of :class:`Wait`: ``await wait.result()``."""

    def __init__(
        self,
        service: AsyncServiceBase,
        read_operation: Operation[R],
        name: str,
        arguments: Mapping[str, object],
        options: WaitOptions,
        resumed: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(read_operation, name, arguments, options, service._transport.clock, resumed)
        self._service = service

    async def result(self) -> R | None:
        service, spec = self._service, self.spec
        poll_arguments = {**spec.arguments, **self.arguments}
        transport = service._transport
        read: Callable[[], Awaitable[R]] = lambda: service._call(self.operation, poll_arguments)  # noqa: E731
        return await await_state(
            read, spec, self.options, sleep=transport.sleep, clock=transport.clock, poll=self._poll
        )


def begin_wait(
    service: ServiceBase, read_operation: Operation[R], name: str, arguments: Mapping[str, object], options: WaitOptions
) -> Wait[R]:
    """A :class:`Wait` for the waiter ``name`` of ``read_operation`` (what ``begin_wait_until_*`` returns)."""
    return Wait(service, read_operation, name, arguments, options)


def begin_wait_async(
    service: AsyncServiceBase,
    read_operation: Operation[R],
    name: str,
    arguments: Mapping[str, object],
    options: WaitOptions,
) -> AsyncWait[R]:
    return AsyncWait(service, read_operation, name, arguments, options)


def _resumed(
    service: object, token: str, on_state: StateCallback | None
) -> tuple[Operation[Any], dict[str, Any], WaitOptions]:
    """The read operation, the token's fields and the options of a wait resumed on ``service``."""
    from ._service import Operation

    document = _decode(token)
    module = sys.modules[type(service).__module__]
    package = type(service).__module__.split(".")[0]
    if document["pkg"] != package:
        raise InvalidParameterError("continuation_token", f"is a wait of {document['pkg']}, not of {package}")
    read = next(
        (value for value in vars(module).values() if isinstance(value, Operation) and value.name == document["read"]),
        None,
    )
    if read is None:
        raise InvalidParameterError("continuation_token", f"names {document['read']}, which {package} does not have")
    try:
        waiter(read, str(document["waiter"]))
    except KeyError:
        raise InvalidParameterError("continuation_token", f"names no waiter of {package}.{read.name}") from None
    remaining = float(document["deadline"]) - time.time()
    # A deadline passed while nobody waited: one more read says whether the job is done by now.
    try:
        options = WaitOptions(timeout=max(remaining, _LAST_MOMENT), on_state=on_state, **dict(document["opts"]))
    except TypeError:
        raise InvalidParameterError("continuation_token", "holds options this library does not know") from None
    return read, document, options


def resume_wait(service: ServiceBase, token: str, *, on_state: StateCallback | None = None) -> Wait[Any]:
    """The wait a token was made from, on ``service`` (a ``Service`` of the token's package)."""
    read, document, options = _resumed(service, token, on_state)
    return Wait(service, read, str(document["waiter"]), document["args"], options, resumed=document)


def resume_wait_async(
    service: AsyncServiceBase, token: str, *, on_state: StateCallback | None = None
) -> AsyncWait[Any]:
    read, document, options = _resumed(service, token, on_state)
    return AsyncWait(service, read, str(document["waiter"]), document["args"], options, resumed=document)


publish(AsyncWait, Wait)
