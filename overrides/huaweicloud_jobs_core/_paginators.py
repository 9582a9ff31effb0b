"""Walking a list operation page by page: one generic core, driven by ``x-paginators`` in the specs.

A paginator is declared as data on the list operation's success response (botocore's
paginators, in the spec), beside the body whose fields it reads::

    x-paginators:
      style: offset           # offset (offset/limit) | page (page/size) | marker (marker/next_marker)
      in: query               # where the cursor and the page size are sent: query | body
      cursor: offset          # the parameter (or body field) that selects the page
      limit: limit            # the parameter (or body field) that sets the page size (optional)
      page_size: 100          # page size asked for when the caller sets none (optional)
      first_page: 0           # style page: the number of the first page (default 1)
      items: job_list.jobs    # dotted path to the page's items in the response body
      total: job_list.total_count   # dotted path to the number of items in all pages (stop: total)
      next_marker: next_marker      # style marker: dotted path to the marker of the next page
      stop: total             # total | short_page | empty_page | no_marker
      reason: ...             # where these facts come from

An empty page always ends the walk, whatever ``stop`` says: a service that miscounts cannot
make it loop. Generated into ``iter_<op>()`` (items) and ``<op>_pages()`` (whole responses).

The walk (:class:`Walk`) does no I/O: it says which arguments the next page needs, takes the
page it is given, and hands out items. The iterators around it only fetch: the synchronous
ones call, the asyncio ones await. One page is held at a time, so memory does not grow with
the number of items. A walk's position can be saved as a *token* (``resume_token``) and
given back as ``starting_token`` to continue from the next item not yet handed out.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ._exceptions import HuaweiCloudJobsError, InvalidParameterError
from ._public import publish
from ._spec import follow_ref, load_document, operation_spec
from .types import Unset

if TYPE_CHECKING:
    from ._service import Operation

__all__ = [
    "AsyncItemIterator",
    "AsyncPageIterator",
    "ItemIterator",
    "PageIterator",
    "Paginator",
    "PaginatorSpecError",
    "Walk",
    "declared_paginator",
    "field_of",
    "iterate_items",
    "iterate_items_async",
    "iterate_pages",
    "iterate_pages_async",
    "paginator",
]

T = TypeVar("T")
P = TypeVar("P")

STYLES = ("offset", "page", "marker")
STOP_RULES = ("total", "short_page", "empty_page", "no_marker")


class PaginatorSpecError(HuaweiCloudJobsError, ValueError):
    """An ``x-paginators`` declaration that cannot be walked (a fault of the spec, named in the message)."""


class Paginator(NamedTuple):
    """One ``x-paginators`` declaration, checked against the operation it sits on."""

    operation: str  # "<service>.<operationId>", also the owner of a token
    style: str
    location: str  # query | body
    cursor: str
    limit: str | None
    page_size: int | None
    first_page: int
    items: tuple[str, ...]
    total: tuple[str, ...] | None
    next_marker: tuple[str, ...] | None
    stop: str


def _declared(package: str, method: str, path: str) -> Any:
    document = load_document(package)
    operation = document["paths"][path][method.lower()]
    for code, raw in operation.get("responses", {}).items():
        if code.isdigit() and 200 <= int(code) < 300:
            found = follow_ref(document, raw).get("x-paginators")
            if found is not None:
                return found
    return None


def _path(value: object) -> tuple[str, ...] | None:
    return tuple(str(value).split(".")) if value else None


def paginator(operation: Operation[Any]) -> Paginator:
    """The paginator declared on ``operation``'s success response (``PaginatorSpecError`` if none or broken)."""
    found = declared_paginator(operation.package, operation.method, operation.path)
    if found is None:
        spec = operation_spec(operation.package, operation.method, operation.path)
        raise PaginatorSpecError(f"{spec.service}.{spec.name}: its success response declares no x-paginators")
    return found


@functools.cache
def declared_paginator(package: str, method: str, path: str) -> Paginator | None:
    """The paginator of one operation of a bundled spec, checked; None when it declares none."""
    spec = operation_spec(package, method, path)
    owner = f"{spec.service}.{spec.name}"
    declared = _declared(package, method, path)
    if declared is None:
        return None
    if not isinstance(declared, dict):
        raise PaginatorSpecError(f"{owner}: x-paginators must be a mapping")

    def fault(reason: str) -> PaginatorSpecError:
        return PaginatorSpecError(f"{owner}: x-paginators {reason}")

    style, location, stop = declared.get("style"), declared.get("in", "query"), declared.get("stop")
    if style not in STYLES:
        raise fault(f"style must be one of {', '.join(STYLES)}, got {style!r}")
    if stop not in STOP_RULES:
        raise fault(f"stop must be one of {', '.join(STOP_RULES)}, got {stop!r}")
    if location == "query":
        names = {parameter.name for parameter in spec.inputs.parameters if parameter.location == "query"}
    elif location == "body":
        names = set((spec.inputs.body or {}).get("properties", {}))
    else:
        raise fault(f"'in' must be query or body, got {location!r}")
    for key in ("cursor", "limit"):
        if declared.get(key) is not None and declared[key] not in names:
            raise fault(
                f"{key} {declared[key]!r} is not a {location} input of the operation ({', '.join(sorted(names))})"
            )
    if not declared.get("cursor") or not declared.get("items"):
        raise fault("needs both cursor and items")
    if stop == "total" and not declared.get("total"):
        raise fault("stop: total needs total (the path of the count of all items)")
    if stop == "total" and style == "marker":
        raise fault("stop: total needs numbered pages (style offset or page), not markers")
    if (style == "marker") != bool(declared.get("next_marker")) or (stop == "no_marker") != (style == "marker"):
        raise fault("style marker goes with next_marker and stop: no_marker, and only it")
    page_size = declared.get("page_size")
    if page_size is not None and (isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1):
        raise fault(f"page_size must be a positive integer, got {page_size!r}")
    if page_size is not None and not declared.get("limit"):
        raise fault("page_size needs limit (the input it is sent in)")
    return Paginator(
        operation=owner,
        style=str(style),
        location=str(location),
        cursor=str(declared["cursor"]),
        limit=declared.get("limit"),
        page_size=page_size,
        first_page=int(declared.get("first_page", 1)),
        items=tuple(str(declared["items"]).split(".")),
        total=_path(declared.get("total")),
        next_marker=_path(declared.get("next_marker")),
        stop=str(stop),
    )


@functools.cache
def _attribute_names(name: str) -> tuple[str, ...]:
    """Where a generated model keeps the JSON field ``name``: ``total-count`` → total_count, ``type`` → type_."""
    snake = re.sub(r"[^0-9A-Za-z]+", "_", re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)).strip("_").lower()
    return tuple(dict.fromkeys((name, snake, snake + "_")))


def field_of(value: object, name: str) -> Any:
    """A field of a JSON object or a generated model (by its JSON name), None where it is absent or unset."""
    found: Any = None
    if isinstance(value, Mapping):
        found = value.get(name)
    elif hasattr(value, "__attrs_attrs__"):
        declared = {attribute.name for attribute in value.__attrs_attrs__}
        attribute = next((candidate for candidate in _attribute_names(name) if candidate in declared), None)
        if attribute is not None:
            found = getattr(value, attribute)
        else:  # a field the model does not declare is kept in its additional properties
            extra = getattr(value, "additional_properties", None)
            found = extra.get(name) if isinstance(extra, dict) else None
    return None if isinstance(found, Unset) else found


def _at(value: object, path: tuple[str, ...]) -> Any:
    for part in path:
        value = field_of(value, part)
        if value is None:
            return None
    return value


# -- tokens -------------------------------------------------------------------------------------


def encode_token(owner: str, cursor: int | str | None, skip: int, size: int | None) -> str:
    """A position as a short opaque string: the operation, the page cursor, items of it already taken, page size."""
    document = {"op": owner, "c": cursor, "s": skip, "n": size}
    raw = json.dumps(document, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: object, owner: str) -> tuple[int | str | None, int, int | None]:
    """``(cursor, skip, size)`` of a token made by :func:`encode_token` for ``owner``."""
    if not isinstance(token, str) or not token or len(token) > 4096:
        raise InvalidParameterError("starting_token", "must be a token from a previous listing (a short string)")
    try:
        document = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise InvalidParameterError("starting_token", "is not a token made by this library") from None
    if not isinstance(document, dict) or not {"op", "c", "s", "n"} <= set(document):
        raise InvalidParameterError("starting_token", "is not a token made by this library")
    if document["op"] != owner:
        raise InvalidParameterError("starting_token", f"was made by {document['op']}, not by {owner}")
    cursor, skip, size = document["c"], document["s"], document["n"]
    if not (cursor is None or isinstance(cursor, int | str)) or isinstance(cursor, bool):
        raise InvalidParameterError("starting_token", "holds no valid page cursor")
    if isinstance(skip, bool) or not isinstance(skip, int) or skip < 0:
        raise InvalidParameterError("starting_token", "holds no valid position in its page")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 1):
        raise InvalidParameterError("starting_token", "holds no valid page size")
    return cursor, skip, size


# -- the walk ---------------------------------------------------------------------------------------


class _NeedPage:
    """Returned by :meth:`Walk.next_item` when the next item is on a page not fetched yet."""


class _End:
    """Returned by :meth:`Walk.next_item` when every item has been handed out."""


NEED_PAGE = _NeedPage()
END = _End()


def _count(name: str, value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidParameterError(name, f"must be a non-negative integer, got {value!r}")
    return value


class Walk:
    """Where a listing is: the next page to ask for, the page in hand, how many items may still be handed out.

    ``arguments`` are the operation's arguments by documented name; ``body`` its JSON body (a
    dict), or None. A cursor or page size the caller gave is honoured; ``starting_token``
    replaces the cursor (giving both is an error).
    """

    def __init__(
        self,
        spec: Paginator,
        arguments: Mapping[str, object],
        body: Mapping[str, Any] | None,
        *,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> None:
        self.spec = spec
        self._arguments = dict(arguments)
        self._body = dict(body) if body is not None else None
        inputs = self._body if spec.location == "body" else self._arguments
        if inputs is None:
            raise PaginatorSpecError(f"{spec.operation}: x-paginators says in: body, but the call has no body")
        given_cursor = inputs.get(spec.cursor)
        given_cursor = None if isinstance(given_cursor, Unset) else given_cursor
        given_size = inputs.get(spec.limit) if spec.limit else None
        self.size: int | None = None if isinstance(given_size, Unset) or given_size is None else int(str(given_size))
        if self.size is None:
            self.size = spec.page_size
        self.skip = 0
        if starting_token is not None:
            if given_cursor is not None:
                raise InvalidParameterError("starting_token", f"give it or {spec.cursor}, not both")
            given_cursor, self.skip, token_size = decode_token(starting_token, spec.operation)
            self.size = token_size if spec.style == "page" and token_size is not None else self.size
        self.remaining = _count("max_items", max_items)
        self.cursor: int | str | None = self._first_cursor(given_cursor)
        self.done = False
        # The page in hand: its items (from ``index`` on not handed out yet) and the cursor that fetched it.
        self._items: list[Any] = []
        self._index = 0
        self._page_cursor: int | str | None = None
        self._page_skip = 0

    def _first_cursor(self, given: object) -> int | str | None:
        if self.spec.style == "marker":
            return None if given is None else str(given)
        if given is None:
            return self.spec.first_page if self.spec.style == "page" else 0
        if isinstance(given, bool) or not isinstance(given, int):
            raise InvalidParameterError(self.spec.cursor, f"must be an integer, got {given!r}")
        return given

    # -- what to send ---------------------------------------------------------------------------

    def request(self) -> tuple[dict[str, object], dict[str, Any] | None]:
        """The arguments and body of the next page's request."""
        spec = self.spec
        arguments, body = dict(self._arguments), dict(self._body) if self._body is not None else None
        target: dict[str, Any] = body if spec.location == "body" and body is not None else arguments
        if self.cursor is not None:
            target[spec.cursor] = self.cursor
        else:
            target.pop(spec.cursor, None)
        if spec.limit and self.size is not None:
            target[spec.limit] = self.size
        return arguments, body

    # -- what came back -------------------------------------------------------------------------

    def receive(self, page: object) -> None:
        """Take a fetched page: its items become the ones handed out next; the next cursor is worked out."""
        spec = self.spec
        items = _at(page, spec.items)
        if items is None:
            items = []
        if not isinstance(items, list):
            raise PaginatorSpecError(f"{spec.operation}: the items at {'.'.join(spec.items)} are not a list")
        received = len(items)
        self._page_cursor, self._page_skip = self.cursor, self.skip
        self._items, self._index = items, min(self.skip, received)
        self.skip = 0
        if received == 0:
            self.done = True
            return
        if spec.style == "marker":
            marker = _at(page, spec.next_marker or ())
            self.cursor = str(marker) if marker not in (None, "") else None
            self.done = self.cursor is None
            return
        assert isinstance(self.cursor, int)
        if spec.style == "offset":
            self.cursor += received
            reached = self.cursor
        else:
            self.cursor += 1
            reached = (self.cursor - spec.first_page - 1) * (self.size or received) + received
        if spec.stop == "total":
            total = _at(page, spec.total or ())
            self.done = isinstance(total, int) and reached >= total
        elif spec.stop == "short_page":
            self.done = self.size is not None and received < self.size

    def next_item(self) -> Any:
        """The next item, :data:`NEED_PAGE` when a page must be fetched first, or :data:`END`.

        A marker, not ``StopIteration``: the asyncio iterator must end with ``StopAsyncIteration``
        (a ``StopIteration`` raised inside a coroutine becomes a ``RuntimeError``), and so each
        iterator raises its own flavour's.
        """
        if self.remaining == 0:
            return END
        if self._index < len(self._items):
            item = self._items[self._index]
            self._index += 1
            if self.remaining is not None:
                self.remaining -= 1
            return item
        if self.done:
            return END
        self._items = []
        return NEED_PAGE

    def receive_whole(self, page: object) -> None:
        """Take a fetched page that is handed out whole (a page iterator): none of its items is left to give."""
        self.receive(page)
        self._index = len(self._items)

    def next_page(self) -> bool:
        """Whether another page may be fetched (pages are handed out whole)."""
        if self.remaining == 0 or self.done:
            return False
        if self.remaining is not None:
            self.remaining -= 1  # for pages, the bound counts pages
        return True

    # -- where it is ----------------------------------------------------------------------------

    @property
    def resume_token(self) -> str | None:
        """The position of the next item not handed out yet, as a token; None when the listing is complete."""
        if self._index < len(self._items):
            if self.spec.style == "offset":
                assert isinstance(self._page_cursor, int)
                return encode_token(self.spec.operation, self._page_cursor + self._index, 0, self.size)
            return encode_token(self.spec.operation, self._page_cursor, self._index, self.size)
        if self.done:
            return None
        return encode_token(self.spec.operation, self.cursor, self.skip, self.size)


# -- the iterators: fetching only -------------------------------------------------------------------

Fetch = Callable[[Mapping[str, object], object], Any]
AsyncFetch = Callable[[Mapping[str, object], object], Awaitable[Any]]


class ItemIterator(Iterator[T]):
    """The items of a listing, across pages fetched one at a time as they are needed.

    ``resume_token`` (None once the listing is complete) is where the next item would come from:
    pass it as ``starting_token`` to the same ``iter_<op>()`` to continue, in this process or another.
    """

    def __init__(self, fetch: Fetch, walk: Walk) -> None:
        self._fetch = fetch
        self._walk = walk

    def __iter__(self) -> ItemIterator[T]:
        return self

    def __next__(self) -> T:
        while True:
            item = self._walk.next_item()
            if item is END:
                raise StopIteration
            if item is not NEED_PAGE:
                return item  # type: ignore[no-any-return]
            self._walk.receive(self._fetch(*self._walk.request()))

    @property
    def resume_token(self) -> str | None:
        return self._walk.resume_token


class AsyncItemIterator(AsyncIterator[T]):
    """The asyncio counterpart of :class:`ItemIterator` (``async for``)."""

    def __init__(self, fetch: AsyncFetch, walk: Walk) -> None:
        self._fetch = fetch
        self._walk = walk

    def __aiter__(self) -> AsyncItemIterator[T]:
        return self

    async def __anext__(self) -> T:
        while True:
            item = self._walk.next_item()
            if item is END:
                raise StopAsyncIteration
            if item is not NEED_PAGE:
                return item  # type: ignore[no-any-return]
            self._walk.receive(await self._fetch(*self._walk.request()))

    @property
    def resume_token(self) -> str | None:
        return self._walk.resume_token


class PageIterator(Iterator[P]):
    """Whole responses of a listing, one per page; ``resume_token`` is where the next page starts."""

    def __init__(self, fetch: Fetch, walk: Walk) -> None:
        self._fetch = fetch
        self._walk = walk

    def __iter__(self) -> PageIterator[P]:
        return self

    def __next__(self) -> P:
        if not self._walk.next_page():
            raise StopIteration
        page = self._fetch(*self._walk.request())
        self._walk.receive_whole(page)
        return page  # type: ignore[no-any-return]

    @property
    def resume_token(self) -> str | None:
        return self._walk.resume_token


class AsyncPageIterator(AsyncIterator[P]):
    """The asyncio counterpart of :class:`PageIterator`."""

    def __init__(self, fetch: AsyncFetch, walk: Walk) -> None:
        self._fetch = fetch
        self._walk = walk

    def __aiter__(self) -> AsyncPageIterator[P]:
        return self

    async def __anext__(self) -> P:
        if not self._walk.next_page():
            raise StopAsyncIteration
        page = await self._fetch(*self._walk.request())
        self._walk.receive_whole(page)
        return page  # type: ignore[no-any-return]

    @property
    def resume_token(self) -> str | None:
        return self._walk.resume_token


# -- what generated methods call --------------------------------------------------------------------


def _walk(
    operation: Operation[Any],
    arguments: Mapping[str, object],
    body: object,
    bound: int | None,
    bound_name: str,
    starting_token: str | None,
) -> Walk:
    json_body = body.to_dict() if hasattr(body, "to_dict") else body
    if json_body is not None and not isinstance(json_body, Mapping):
        raise PaginatorSpecError(f"{operation.name}: a paginated request body must be a JSON object")
    spec = paginator(operation)
    _count(bound_name, bound)
    return Walk(spec, arguments, json_body, max_items=bound, starting_token=starting_token)


def iterate_items(
    call: Callable[[Operation[Any], Mapping[str, object], object], Any],
    operation: Operation[Any],
    arguments: Mapping[str, object],
    body: object = None,
    *,
    max_items: int | None = None,
    starting_token: str | None = None,
) -> ItemIterator[Any]:
    """The items of ``operation`` (a generated ``Service._call`` does each page); nothing is sent until iterated."""
    walk = _walk(operation, arguments, body, max_items, "max_items", starting_token)
    return ItemIterator(lambda page_arguments, page_body: call(operation, page_arguments, page_body), walk)


def iterate_items_async(
    call: Callable[[Operation[Any], Mapping[str, object], object], Awaitable[Any]],
    operation: Operation[Any],
    arguments: Mapping[str, object],
    body: object = None,
    *,
    max_items: int | None = None,
    starting_token: str | None = None,
) -> AsyncItemIterator[Any]:
    walk = _walk(operation, arguments, body, max_items, "max_items", starting_token)
    return AsyncItemIterator(lambda page_arguments, page_body: call(operation, page_arguments, page_body), walk)


def iterate_pages(
    call: Callable[[Operation[Any], Mapping[str, object], object], Any],
    operation: Operation[Any],
    arguments: Mapping[str, object],
    body: object = None,
    *,
    max_pages: int | None = None,
    starting_token: str | None = None,
) -> PageIterator[Any]:
    """The responses of ``operation``, one per page; nothing is sent until iterated."""
    walk = _walk(operation, arguments, body, max_pages, "max_pages", starting_token)
    return PageIterator(lambda page_arguments, page_body: call(operation, page_arguments, page_body), walk)


def iterate_pages_async(
    call: Callable[[Operation[Any], Mapping[str, object], object], Awaitable[Any]],
    operation: Operation[Any],
    arguments: Mapping[str, object],
    body: object = None,
    *,
    max_pages: int | None = None,
    starting_token: str | None = None,
) -> AsyncPageIterator[Any]:
    walk = _walk(operation, arguments, body, max_pages, "max_pages", starting_token)
    return AsyncPageIterator(lambda page_arguments, page_body: call(operation, page_arguments, page_body), walk)


publish(AsyncItemIterator, AsyncPageIterator, ItemIterator, PageIterator, PaginatorSpecError)
