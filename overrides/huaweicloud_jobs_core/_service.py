"""The seam between generated packages and the runtime: operation descriptors and service bases.

A generated package declares one :class:`Operation` per operation (its name, method and
path in the bundled spec, and how to build its result model) and one ``Service`` class
per flavour (sync, asyncio, each with a raw-response twin) whose methods pass their
arguments by documented name to ``self._call``. Everything else -- checks, request
building, signing, retries, error mapping, response checking -- happens behind the
:class:`Transport` protocol, implemented in ``_transport``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from ._results import RawResponse

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
    """Sends one operation and returns its response with the parsed result (or raises)."""

    def send(self, operation: Operation[R], arguments: Mapping[str, object], body: object) -> RawResponse[R]: ...


class AsyncTransport(Protocol):
    """The asyncio counterpart of :class:`Transport`."""

    async def send(self, operation: Operation[R], arguments: Mapping[str, object], body: object) -> RawResponse[R]: ...


class ServiceBase:
    """Base of a generated synchronous ``Service``: methods return the parsed result."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def _call(self, operation: Operation[R], arguments: Mapping[str, object], body: object = None) -> R:
        return self._transport.send(operation, arguments, body).parsed

    def __repr__(self) -> str:
        return f"<{type(self).__module__.split('.')[0]}.{type(self).__name__}>"


class RawServiceBase(ServiceBase):
    """Base of a generated ``ServiceWithRawResponse``: methods return a :class:`RawResponse`."""

    def _call_raw(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object = None
    ) -> RawResponse[R]:
        return self._transport.send(operation, arguments, body)


class AsyncServiceBase:
    """Base of a generated asyncio ``AsyncService``."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def _call(self, operation: Operation[R], arguments: Mapping[str, object], body: object = None) -> R:
        return (await self._transport.send(operation, arguments, body)).parsed

    def __repr__(self) -> str:
        return f"<{type(self).__module__.split('.')[0]}.{type(self).__name__}>"


class AsyncRawServiceBase(AsyncServiceBase):
    """Base of a generated ``AsyncServiceWithRawResponse``."""

    async def _call_raw(
        self, operation: Operation[R], arguments: Mapping[str, object], body: object = None
    ) -> RawResponse[R]:
        return await self._transport.send(operation, arguments, body)
