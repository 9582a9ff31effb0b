"""Checking arguments against their documented schema before anything is sent.

Only the JSON-Schema keywords the specs use are interpreted: ``type`` (with
``format: int32/int64`` ranges), ``enum``, ``minLength``/``maxLength``,
``pattern``, ``minimum``/``maximum``, ``items``, ``properties`` and ``required``.
A violation raises :class:`InvalidParameterError` naming the parameter, e.g.
``invalid job_ids[1]: must be an integer, got True``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from . import _defaults
from ._exceptions import InvalidParameterError
from ._redaction import is_secret_field
from ._spec import JsonSchema, OperationInputs
from .types import Unset

_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_JSON_TYPES = {"object": "an object", "array": "an array", "string": "a string", "boolean": "a boolean"}


def _shown(value: object, name: str = "") -> str:
    if name and is_secret_field(name):
        return "'***'"  # a password, SK or token is never echoed back
    if isinstance(value, str | bytes) and len(value) > 60:
        value = value[:60]  # no repr() of a 10 MB value just to cut it
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_LIMITS = {
    "path": _defaults.MAX_PATH_VALUE_CHARS,
    "query": _defaults.MAX_QUERY_VALUE_CHARS,
    "header": _defaults.MAX_HEADER_VALUE_CHARS,
}


def _check_size(value: object, location: str, name: str) -> None:
    """Bound the length of path/query/header values before anything else looks at them."""
    limit = _LIMITS.get(location)
    if limit is None:
        return
    for item in value if isinstance(value, list | tuple) else (value,):
        if isinstance(item, str | bytes) and len(item) > limit:
            raise InvalidParameterError(
                name, f"is {len(item)} characters long; a {location} value may have at most {limit}"
            )
        if location == "header" and isinstance(item, str) and not (item.isascii() and item.isprintable()):
            raise InvalidParameterError(name, "must be printable ASCII (a header value is one line of ASCII)")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def check_value(value: object, schema: JsonSchema, name: str) -> None:
    """Raise :class:`InvalidParameterError` unless ``value`` satisfies ``schema``."""
    kind = schema.get("type")
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidParameterError(name, f"must be an integer, got {_shown(value, name)}")
        bounds = _INT_RANGES.get(schema.get("format", ""))
        if bounds and not bounds[0] <= value <= bounds[1]:
            raise InvalidParameterError(name, f"must fit in {schema['format']}, got {value}")
    elif kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidParameterError(name, f"must be a number, got {_shown(value, name)}")
    elif kind == "string":
        if not isinstance(value, str):
            raise InvalidParameterError(name, f"must be a string, got {_shown(value, name)}")
        if not value.isascii():
            _check_encodable(value, name)
        _check_string(value, schema, name)
    elif kind == "boolean":
        if not isinstance(value, bool):
            raise InvalidParameterError(name, f"must be a boolean, got {_shown(value, name)}")
    elif kind == "array":
        if not isinstance(value, list | tuple):
            raise InvalidParameterError(name, f"must be an array, got {_shown(value, name)}")
        items = schema.get("items")
        if items and not _plain_integers_in_range(value, items):
            for index, item in enumerate(value):
                check_value(item, items, f"{name}[{index}]")
    elif kind == "object":
        if not isinstance(value, Mapping):
            raise InvalidParameterError(name, f"must be an object, got {_shown(value, name)}")
        _check_object(value, schema, name)
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(repr(option) for option in schema["enum"])
        raise InvalidParameterError(name, f"must be one of {allowed}, got {_shown(value, name)}")
    if kind in ("integer", "number"):
        assert isinstance(value, int | float)
        if "minimum" in schema and value < schema["minimum"]:
            raise InvalidParameterError(name, f"must be >= {schema['minimum']}, got {value}")
        if "maximum" in schema and value > schema["maximum"]:
            raise InvalidParameterError(name, f"must be <= {schema['maximum']}, got {value}")


def _plain_integers_in_range(values: list[Any] | tuple[Any, ...], items: JsonSchema) -> bool:
    """Fast path for large id arrays: all plain ints within the documented bounds.

    When it says no, the item-by-item check runs and names the offending index.
    """
    if items.get("type") != "integer" or set(items) - {"type", "format", "minimum", "maximum", "description"}:
        return False
    if not all(type(item) is int for item in values):
        return False
    if not values:
        return True
    low, high = _INT_RANGES.get(items.get("format", ""), (None, None))
    low = items.get("minimum", low)
    high = items.get("maximum", high)
    return (low is None or min(values) >= low) and (high is None or max(values) <= high)


def _check_encodable(value: str, name: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidParameterError(name, f"is not valid Unicode text (lone surrogate at index {exc.start})") from None


def _check_string(value: str, schema: JsonSchema, name: str) -> None:
    length = len(value)
    minimum, maximum = schema.get("minLength"), schema.get("maxLength")
    if (minimum is not None and length < minimum) or (maximum is not None and length > maximum):
        if minimum == maximum:
            expected = f"exactly {minimum} characters"
        elif maximum is None:
            expected = f"at least {minimum} characters"
        elif minimum is None:
            expected = f"at most {maximum} characters"
        else:
            expected = f"{minimum} to {maximum} characters"
        raise InvalidParameterError(name, f"must be {expected}, got {length}")
    pattern = schema.get("pattern")
    if pattern is not None and not _compiled(pattern).search(value):
        raise InvalidParameterError(name, f"must match {pattern!r}, got {_shown(value, name)}")


def _check_object(value: Mapping[Any, Any], schema: JsonSchema, name: str) -> None:
    prefix = f"{name}." if name else ""
    for required in schema.get("required", ()):
        if required not in value or isinstance(value[required], Unset):  # a model's field set to UNSET
            raise InvalidParameterError(f"{prefix}{required}", "is required")
    properties = schema.get("properties", {})
    for key, item in value.items():
        if key in properties:
            check_value(item, properties[key], f"{prefix}{key}")


def check_arguments(inputs: OperationInputs, arguments: Mapping[str, object]) -> None:
    """Check the path, query and header arguments of one call."""
    for parameter in inputs.parameters:
        if parameter.location == "header" and parameter.name.lower() == "content-type":
            continue  # set by the generated code, never by callers
        value = arguments.get(parameter.name)
        if value is None or isinstance(value, Unset):
            if parameter.required:
                raise InvalidParameterError(parameter.name, "is required")
            continue
        _check_size(value, parameter.location, parameter.name)
        check_value(value, parameter.schema, parameter.name)
        if parameter.location == "path":
            _check_path_segment(value, parameter.name)


def check_body(inputs: OperationInputs, body: object) -> None:
    """Check the JSON body of one call."""
    if inputs.body is not None and body is not None:
        check_value(body, inputs.body, "")


def _check_path_segment(value: object, name: str) -> None:
    """Values that would change the route even when percent-encoded."""
    if value == "":
        raise InvalidParameterError(name, "must not be empty")
    if value in (".", ".."):
        raise InvalidParameterError(name, f"{value!r} is a dot segment: URL normalisation would change the route")
