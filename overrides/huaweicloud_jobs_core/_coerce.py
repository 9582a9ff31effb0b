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
against ``enum`` by ``_validation``).

The value is coerced in place (it is a freshly parsed response body, owned by the caller): a batch
of 100,000 results is not copied once more on its way to the models.
"""

from __future__ import annotations

from typing import Any

from ._spec import JsonSchema

__all__ = ["SchemaMismatchError", "coerce"]

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


class SchemaMismatchError(ValueError):
    """A response value does not have the type its schema documents."""

    def __init__(self, field: str, expected: str, value: object = None, *, missing: bool = False) -> None:
        self.field = field
        self.expected = expected
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
    if kind is None and "properties" in schema:
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
