"""The seam between generated packages and the runtime: operation descriptors and service bases.

A generated package declares one :class:`Operation` per operation (its name, method and
path in the bundled spec, and how to build its result model) and one ``Service`` class
per flavour (sync, asyncio, each with a raw-response twin) whose methods pass their
arguments by documented name to ``self._call``. Everything else -- checks, request
building, signing, retries, error mapping, response checking -- happens behind the
:class:`Transport` protocol, implemented in ``_transport``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from ._exceptions import HuaweiCloudJobsError
from ._results import RawResponse
from ._waiters import WaitOptions, await_state, settle_refused_stop, status_after_refused_stop, wait, waiter

__all__ = [
    "AsyncRawServiceBase",
    "AsyncServiceBase",
    "AsyncTransport",
    "Operation",
    "RawServiceBase",
    "ServiceBase",
    "Transport",
]

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Operation(Generic[R]):
    """One operation of a generated package; ``R`` is what it returns.

    ``model`` builds the result from the checked JSON body: the response model's
    ``from_dict`` (for an array response, the item model's), or None when the result is
    the JSON value itself or an ``Acknowledgement``.
    """

    package: str
    name: str
    method: str
    path: str
    model: Callable[[Any], Any] | None = None


class Transport(Protocol):
    """Sends one operation and returns its response with the parsed result (or raises).

    ``missing_ok``: a 404 is the result (an ``Acknowledgement`` with ``missing=True``), for deletes.
    ``sleep`` and ``clock`` are what waiters wait with (injectable in tests).
    """

    def send(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object, *, missing_ok: bool = False
    ) -> RawResponse[R]: ...

    @property
    def sleep(self) -> Callable[[float], None]: ...

    @property
    def clock(self) -> Callable[[], float]: ...


class AsyncTransport(Protocol):
    """The asyncio counterpart of :class:`Transport`."""

    async def send(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object, *, missing_ok: bool = False
    ) -> RawResponse[R]: ...

    @property
    def sleep(self) -> Callable[[float], Awaitable[None]]: ...

    @property
    def clock(self) -> Callable[[], float]: ...


class ServiceBase:
    """Base of a generated synchronous ``Service``: methods return the parsed result."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _call(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object = None, *, missing_ok: bool = False
    ) -> R:
        return self._transport.send(operation, arguments, body, missing_ok=missing_ok).parsed

    def _wait(self, read: Operation[R], name: str, arguments: Mapping[str, object], options: WaitOptions) -> R | None:
        """Poll ``read`` until the waiter ``name`` declared on it says the job is done (see ``_waiters``)."""
        spec = waiter(read, name)
        poll_arguments = {**spec.arguments, **arguments}
        transport = self._transport
        return wait(
            lambda: self._call(read, poll_arguments), spec, options, sleep=transport.sleep, clock=transport.clock
        )

    def _act_and_wait(
        self,
        act: Callable[[], object],
        read: Operation[R],
        name: str,
        arguments: Mapping[str, object],
        options: WaitOptions,
    ) -> R | None:
        """Run ``act`` (a stop), then wait. A refused stop on a job already in a success state is that state."""
        try:
            act()
        except HuaweiCloudJobsError as refused:
            with status_after_refused_stop(refused, read, name) as reading:
                found: R = self._call(read, {**reading.spec.arguments, **arguments})
                reading.result = found
            settled: R | None = settle_refused_stop(refused, reading, options)
            return settled
        return self._wait(read, name, arguments, options)

    def __repr__(self) -> str:
        return f"<{type(self).__module__.split('.')[0]}.{type(self).__name__}>"


class RawServiceBase(ServiceBase):
    """Base of a generated ``ServiceWithRawResponse``: methods return a :class:`RawResponse`."""

    def _call_raw(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object = None, *, missing_ok: bool = False
    ) -> RawResponse[R]:
        return self._transport.send(operation, arguments, body, missing_ok=missing_ok)


class AsyncServiceBase:
    """Base of a generated asyncio ``AsyncService``."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def _call(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object = None, *, missing_ok: bool = False
    ) -> R:
        return (await self._transport.send(operation, arguments, body, missing_ok=missing_ok)).parsed

    async def _wait(
        self, read: Operation[R], name: str, arguments: Mapping[str, object], options: WaitOptions
    ) -> R | None:
        spec = waiter(read, name)
        poll_arguments = {**spec.arguments, **arguments}
        transport = self._transport
        return await await_state(
            lambda: self._call(read, poll_arguments), spec, options, sleep=transport.sleep, clock=transport.clock
        )

    async def _act_and_wait(
        self,
        act: Callable[[], Awaitable[object]],
        read: Operation[R],
        name: str,
        arguments: Mapping[str, object],
        options: WaitOptions,
    ) -> R | None:
        try:
            await act()
        except HuaweiCloudJobsError as refused:
            with status_after_refused_stop(refused, read, name) as reading:
                found: R = await self._call(read, {**reading.spec.arguments, **arguments})
                reading.result = found
            settled: R | None = settle_refused_stop(refused, reading, options)
            return settled
        return await self._wait(read, name, arguments, options)

    def __repr__(self) -> str:
        return f"<{type(self).__module__.split('.')[0]}.{type(self).__name__}>"


class AsyncRawServiceBase(AsyncServiceBase):
    """Base of a generated ``AsyncServiceWithRawResponse``."""

    async def _call_raw(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object = None, *, missing_ok: bool = False
    ) -> RawResponse[R]:
        return await self._transport.send(operation, arguments, body, missing_ok=missing_ok)
