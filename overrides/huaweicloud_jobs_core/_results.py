"""The result types operations return, beside the generated models.

Defined once here, for every generated package: an operation whose success response
has no body returns an :class:`Acknowledgement`; one whose success response is an
array of per-item outcomes returns a :class:`BatchResult`; every operation can also
return a :class:`RawResponse` (``service.with_raw_response.<operation>(...)``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

import attrs

from ._exceptions import BatchFailedError
from ._public import publish

__all__ = ["Acknowledgement", "BatchResult", "RawResponse"]

T = TypeVar("T")


@attrs.frozen
class Acknowledgement:
    """The result of an operation whose success response has no body (for example 202 Accepted).

    ``accepted`` is true for 202: the service received the request and acts on it asynchronously.
    ``request_id`` is the service's request ID from the response headers, when it sent one.
    ``missing`` is true when the resource was already gone (a 404 taken as done: ``missing_ok=True``,
    or a delete sent again after its first answer was lost).
    """

    status_code: int
    request_id: str | None
    missing: bool = False

    @property
    def accepted(self) -> bool:
        return self.status_code == 202


class BatchResult(list[T]):
    """Per-item results of a batch operation, in the order the service sent them.

    Which field says an item succeeded is declared in the spec (``x-item-success`` on the
    success response); an item whose flag is False failed.
    """

    def __init__(self, items: Iterable[T] = (), success_field: str | None = None) -> None:
        super().__init__(items)
        self.success_field = success_field

    @property
    def failures(self) -> list[T]:
        field = self.success_field
        if field is None:
            return []
        return [item for item in self if getattr(item, field, True) is False]

    @property
    def all_succeeded(self) -> bool:
        return not self.failures

    def raise_for_failures(self) -> BatchResult[T]:
        """Raise :class:`BatchFailedError` if any item failed; return self otherwise."""
        failures = self.failures
        if failures:
            raise BatchFailedError(failures, len(self))
        return self


@attrs.frozen
class RawResponse(Generic[T]):
    """An operation's response as received, with its parsed result.

    ``parsed`` is what the operation returns normally (the model, ``Acknowledgement`` or
    ``BatchResult``); ``headers`` are the response headers (secret ones included, e.g. IAM's
    ``X-Subject-Token``, so they are not shown in the repr).
    """

    status_code: int
    headers: Mapping[str, str] = attrs.field(repr=False)
    request_id: str | None
    parsed: T
    content: bytes = attrs.field(repr=False)

    def header(self, name: str) -> str | None:
        """One response header by name (case-insensitive), or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers.items() if key.lower() == wanted), None)


publish(Acknowledgement, BatchResult, RawResponse)
