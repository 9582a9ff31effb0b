"""Checking a response body against its documented schema, and coercing what services get wrong.

The generated models trust their input; this runs first, walking the JSON next to the
schema from the bundled spec. A value of the wrong type raises :class:`SchemaMismatchError`
naming the field (the transport turns it into ``ResponseValidationError``). Coercions, each
seen from a real service:

- the strings ``"true"``/``"false"`` for a boolean (DLI sends ``"is_success": "true"``);
- an ASCII integer string for an integer;
- ``null`` for an optional field that is not nullable: treated as absent.

Response values are *not* checked against ``enum`` lists: services add states, and a new
one must not fail a call that went through (the models are generated with every response
``enum`` read as ``x-known-values``, see tools/response_enums.py; requests are still checked
against ``enum`` by ``_validation``). A value documented with ``oneOf``/``anyOf`` (a field the
documents type two ways) is the first alternative it satisfies.

:func:`coerce_leniently` is for a body that failed: it leaves out the optional fields that do
not match, so a reader that does not need them (a waiter polling a state) can go on.

The value is coerced in place (it is a freshly parsed response body, owned by the caller): a batch
of 100,000 results is not copied once more on its way to the models.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from ._spec import JsonSchema

__all__ = ["SchemaMismatchError", "coerce", "coerce_leniently"]

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


class SchemaMismatchError(ValueError):
    """A response value does not have the type its schema documents."""

    def __init__(self, field: str, expected: str, value: object = None, *, missing: bool = False) -> None:
        self.field = field
        self.expected = expected
        self.missing = missing
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        found = "it is missing" if missing else f"got {type(value).__name__} {shown}"
        super().__init__(f"field {field or '(body)'!r}: expected {expected}, {found}")


def coerce(value: Any, schema: JsonSchema, field: str = "") -> Any:
    """``value`` checked against ``schema`` (refs already resolved), with the coercions above.

    Lists and objects are changed in place and returned; pass a copy to keep the original.
    """
    if value is None:
        if schema.get("nullable"):
            return None
        raise SchemaMismatchError(field, f"a {schema.get('type', 'value')}", value)
    kind = schema.get("type")
    if kind is None:
        alternatives = schema.get("oneOf") or schema.get("anyOf")
        if alternatives:
            return _first_alternative(value, alternatives, field)
        if "properties" in schema:
            kind = "object"
    if kind == "object":
        return _object(value, schema, field)
    if kind == "array":
        if not isinstance(value, list):
            raise SchemaMismatchError(field, "an array", value)
        items = schema.get("items")
        if not items:
            return value
        for index, item in enumerate(value):
            value[index] = coerce(item, items, f"{field}[{index}]")
        return value
    if kind == "string":
        if isinstance(value, str):
            return value
        raise SchemaMismatchError(field, "a string", value)
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value in _TRUE:
            return True
        if isinstance(value, str) and value in _FALSE:
            return False
        raise SchemaMismatchError(field, "a boolean", value)
    if kind == "integer":
        return _integer(value, field)
    if kind == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise SchemaMismatchError(field, "a number", value)
    return value  # no type (or a composition the specs do not use): passed through


def _first_alternative(value: Any, alternatives: list[JsonSchema], field: str) -> Any:
    for alternative in alternatives:
        try:  # a container is tried on a copy: a failed alternative may have changed it in place
            return coerce(copy.deepcopy(value) if isinstance(value, dict | list) else value, alternative, field)
        except SchemaMismatchError:
            continue
    kinds = [str(alternative.get("type", "value")) for alternative in alternatives]
    expected = " or ".join(f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}" for kind in kinds)
    raise SchemaMismatchError(field, expected, value)


def _integer(value: object, field: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text[:1] in ("+", "-") else text
        if digits.isascii() and digits.isdigit() and len(digits) <= 20:
            return int(text)
    raise SchemaMismatchError(field, "an integer", value)


def _object(value: object, schema: JsonSchema, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SchemaMismatchError(field, "an object", value)
    properties: dict[str, JsonSchema] = schema.get("properties", {})
    required = schema.get("required", ())
    prefix = f"{field}." if field else ""
    absent: list[str] = []
    for key, item in value.items():
        known = properties.get(key)
        if known is None:
            continue  # additional properties are kept as received
        if item is None and not known.get("nullable") and key not in required:
            absent.append(key)  # null for an optional field: absent
        else:
            value[key] = coerce(item, known, prefix + key)  # same keys: safe while iterating
    for key in absent:
        del value[key]
    for key in required:
        if key not in value:
            raise SchemaMismatchError(prefix + key, "a required field", missing=True)
    return value


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_MAX_LEFT_OUT = 32


def coerce_leniently(load: Callable[[], Any], schema: JsonSchema) -> tuple[Any, tuple[str, ...]]:
    """``coerce`` of the body ``load()`` parses, leaving out each optional field that does not match.

    Returns the checked body and the fields left out. Raises :class:`SchemaMismatchError` when
    leaving fields out is not enough: a required field is wrong, or the body itself is.
    """
    raw = load()
    left_out: list[str] = []
    while True:
        try:
            return coerce(copy.deepcopy(raw), schema), tuple(left_out)
        except SchemaMismatchError as mismatch:
            if mismatch.missing or len(left_out) >= _MAX_LEFT_OUT or not _remove(raw, mismatch.field):
                raise
            left_out.append(mismatch.field)


def _remove(body: Any, field: str) -> bool:
    """Delete the innermost object member on the path ``field`` (``a.b[2].c``); False when there is none."""
    parts: list[str | int] = [name or int(index) for name, index in _PATH_PART.findall(field)]
    keys = [position for position, part in enumerate(parts) if isinstance(part, str)]
    if not keys:
        return False
    container = body
    try:
        for part in parts[: keys[-1]]:
            container = container[part]
        del container[parts[keys[-1]]]
    except (KeyError, IndexError, TypeError):  # a path this body does not have (a key with "." or "[" in it)
        return False
    return True
