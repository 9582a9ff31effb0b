"""Listings for the testing kit: records served page by page, as each list operation's spec declares.

A *listing* is an operation that declares ``x-paginators`` (its items at the declared path, paged in
the declared style), or a GET whose success body is an array (one unpaged list). The fake answers
it with the service's fake jobs (id and current state filled in, plus the job's ``fields``), or with
the records given for that operation (``FakeCloud.add_items``). Every request input whose name is
a field of the item filters by equality (``tags``: every ``key=value`` pair must be among the
record's tags, given as ``k=v,k2=v2`` or as an object); the project and sort orders are not honoured
(every record is in the project asked for, in the order it was added). Nothing here does I/O:
:func:`answer` turns a request into a body.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from ._exceptions import InvalidParameterError
from ._paginators import Paginator, declared_paginator
from ._selection import tags_of
from ._spec import JsonSchema, OperationSpec

__all__ = ["Listing", "answer", "find_listings"]


class Listing(NamedTuple):
    """What the fake needs to answer one list operation."""

    operation: str
    paginator: Paginator | None
    items: tuple[str, ...]  # path of the items in the body; () when the body is the array
    item_schema: JsonSchema
    status: int
    template: Any  # a documented example body (or a minimal one)
    item_template: dict[str, Any]  # a documented item (or an empty one)
    default_size: int


def _child(schema: JsonSchema, path: Sequence[str]) -> JsonSchema:
    for part in path:
        schema = schema.get("properties", {}).get(part, {})
    return schema


def _get(value: Any, path: Sequence[str]) -> Any:
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _put(target: Any, path: Sequence[str], value: Any) -> Any:
    """``target`` with ``value`` at ``path`` (objects created on the way); the value itself for an empty path."""
    if not path:
        return value
    if not isinstance(target, dict):
        target = {}
    node = target
    for part in path[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[path[-1]] = value
    return target


def find_listings(
    package: str, specs: Mapping[str, OperationSpec], examples: Callable[[str, int], list[Any]]
) -> dict[str, Listing]:
    """The list operations of one bundled spec."""
    found: dict[str, Listing] = {}
    for name, spec in specs.items():
        success = spec.first_success
        if success is None or success.schema is None:
            continue
        declared = declared_paginator(package, spec.method, spec.path)
        if declared is not None:
            path = declared.items
        elif spec.method == "GET" and success.schema.get("type") == "array":
            path = ()
        else:
            continue
        array = _child(success.schema, path)
        item_schema = array.get("items", {})
        if "properties" not in item_schema:
            continue
        documented = [value for value in examples(name, success.status) if value is not None]
        template = copy.deepcopy(documented[0]) if documented else ({} if path else [])
        first_items = _get(template, path) if path else template
        item_template = first_items[0] if isinstance(first_items, list) and first_items else {}
        size_input = next(
            (p.schema for p in spec.inputs.parameters if declared is not None and p.name == declared.limit), None
        )
        if size_input is None and declared is not None and declared.limit and spec.inputs.body:
            size_input = spec.inputs.body.get("properties", {}).get(declared.limit)
        default_size = int((size_input or {}).get("default", 10))
        found[name] = Listing(
            name,
            declared,
            path,
            item_schema,
            success.status,
            template,
            dict(item_template) if isinstance(item_template, dict) else {},
            default_size,
        )
    return found


def _matches(record: Mapping[str, Any], filters: Mapping[str, Any]) -> bool:
    for name, wanted in filters.items():
        have = record.get(name)
        if name == "tags":
            try:
                needed, present = tags_of(wanted) or {}, tags_of(have) or {}
            except InvalidParameterError:
                return False
            if any(present.get(key) != item for key, item in needed.items()):
                return False
        elif have is None or str(have).lower() != str(wanted).lower():
            return False
    return True


def answer(listing: Listing, records: Sequence[Mapping[str, Any]], inputs: Mapping[str, Any]) -> tuple[int, Any]:
    """The status and body answering a listing request whose inputs (path, query and body fields) are ``inputs``.

    A marker of the fake is the position of the next record, as a string; a marker it did not make is a 400.
    """
    paginator = listing.paginator
    properties = listing.item_schema.get("properties", {})
    paging = {paginator.cursor, paginator.limit, "project_id"} if paginator else {"project_id"}
    filters = {
        name: value
        for name, value in inputs.items()
        if name not in paging and value not in (None, "") and (name in properties or name == "tags")
    }
    selected = [record for record in records if _matches(record, filters)] if filters else records
    start, end = 0, len(selected)
    if paginator is not None:
        size = int(inputs.get(paginator.limit or "", listing.default_size) or listing.default_size)
        cursor = inputs.get(paginator.cursor)
        if paginator.style == "offset":
            start = int(cursor or 0)
        elif paginator.style == "page":
            start = (int(cursor if cursor not in (None, "") else paginator.first_page) - paginator.first_page) * size
        elif cursor not in (None, ""):
            if not str(cursor).isdigit():
                return 400, {"error_code": "FAKE.400", "error_msg": f"the marker {cursor!r} was not made by this fake"}
            start = int(str(cursor))
        start = max(start, 0)
        end = min(start + size, len(selected))
    page = [_item(listing, record, properties) for record in selected[start:end]]
    body = _put(copy.deepcopy(listing.template), listing.items, page)
    if paginator is not None and paginator.total:
        body = _put(body, paginator.total, len(selected))
    if paginator is not None and paginator.next_marker:
        body = _put(body, paginator.next_marker, str(end) if end < len(selected) else None)
    return listing.status, body


def _item(listing: Listing, record: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, Any]:
    item = copy.deepcopy(listing.item_template)
    for name, value in record.items():
        if name in properties:
            item[name] = value
    return item
