"""Contains some shared types for properties"""

from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, NamedTuple, Protocol, TypeVar

import httpx
from attrs import define


class Unset:
    """A field the response did not contain (distinct from an explicit null)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class SchemaMismatchError(ValueError):
    """A response value does not have the type its OpenAPI schema documents."""

    def __init__(self, field: str, expected: str, value: object) -> None:
        self.field = field
        self.expected = expected
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"field {field!r}: expected {expected}, got {type(value).__name__} {shown}")


_TRUE_STRINGS = frozenset({"true", "True", "TRUE"})
_FALSE_STRINGS = frozenset({"false", "False", "FALSE"})


def parse_bool(value: object, field: str) -> bool:
    """A documented boolean. Services sometimes send the strings "true"/"false"; they mean the booleans."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value in _TRUE_STRINGS:
            return True
        if value in _FALSE_STRINGS:
            return False
    raise SchemaMismatchError(field, "a boolean", value)


def parse_int(value: object, field: str) -> int:
    """A documented integer; booleans and fractional numbers are rejected, integral strings accepted."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text[:1] in ("+", "-") else text
        if digits.isascii() and digits.isdigit():
            return int(text)
    raise SchemaMismatchError(field, "an integer", value)


def parse_float(value: object, field: str) -> float:
    """A documented number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise SchemaMismatchError(field, "a number", value)


def parse_list(value: object, field: str) -> list[Any]:
    """A documented array."""
    if isinstance(value, list):
        return value
    raise SchemaMismatchError(field, "an array", value)


def parse_str(value: object, field: str) -> str:
    """A documented string."""
    if isinstance(value, str):
        return value
    raise SchemaMismatchError(field, "a string", value)


@define(frozen=True)
class Acknowledgement:
    """The result of an operation whose success response has no body (for example 202 Accepted).

    ``accepted`` is true for 202: the service received the request and acts on it asynchronously.
    ``request_id`` is the service's request ID from the response headers, when it sent one.
    """

    status_code: int
    request_id: str | None

    @property
    def accepted(self) -> bool:
        return self.status_code == 202


class Operation(NamedTuple):
    """What the runtime needs to know about one operation of this package."""

    package: str
    service: str
    name: str
    method: str
    path: str
    success_status: tuple[int, ...]
    request_id_headers: tuple[str, ...] = ()


R = TypeVar("R")


class Transport(Protocol):
    """Sends an operation's request and returns its parsed success result (or raises).

    ``arguments`` are the call's path, query and header values by their documented names;
    ``request`` builds the httpx request arguments, called only once they have been checked.

    The handwritten runtime implements it: authentication, validation, retries and error mapping
    live there, so the generated operations stay plain.
    """

    @property
    def project_id(self) -> str: ...

    def send(
        self,
        operation: Operation,
        arguments: dict[str, object],
        request: Callable[[], dict[str, Any]],
        parse: Callable[[httpx.Response], R],
    ) -> R: ...


class AsyncTransport(Protocol):
    """The asyncio counterpart of :class:`Transport`."""

    @property
    def project_id(self) -> str: ...

    def send(
        self,
        operation: Operation,
        arguments: dict[str, object],
        request: Callable[[], dict[str, Any]],
        parse: Callable[[httpx.Response], R],
    ) -> Awaitable[R]: ...


I = TypeVar("I")


class BatchFailedError(RuntimeError):
    """Some items of a batch operation were not carried out; ``failures`` lists them."""

    def __init__(self, failures: list[Any], total: int) -> None:
        self.failures = failures
        self.total = total
        super().__init__(f"{len(failures)} of {total} batch items failed")


class BatchResult(list[I]):
    """Per-item results of a batch operation. An item whose ``is_success`` is False failed."""

    @property
    def failures(self) -> list[I]:
        return [item for item in self if getattr(item, "is_success", True) is False]

    @property
    def all_succeeded(self) -> bool:
        return not self.failures

    def raise_for_failures(self) -> "BatchResult[I]":
        """Raise :class:`BatchFailedError` if any item failed; return self otherwise."""
        failures = self.failures
        if failures:
            raise BatchFailedError(failures, len(self))
        return self


def request_id(response: httpx.Response, names: tuple[str, ...]) -> str | None:
    """The request ID a response carries in one of the documented headers (or the gateway's)."""
    for name in (*names, "X-Request-Id"):
        value: str | None = response.headers.get(name)
        if value:
            return value
    return None


__all__ = [
    "UNSET",
    "Acknowledgement",
    "BatchFailedError",
    "BatchResult",
    "AsyncTransport",
    "File",
    "FileTypes",
    "Operation",
    "RequestFiles",
    "Response",
    "SchemaMismatchError",
    "Transport",
    "Unset",
    "parse_bool",
    "parse_float",
    "parse_int",
    "parse_list",
    "parse_str",
    "request_id",
]
