"""Keeping secret fields of generated models out of their reprs.

The stock attrs models print every field. A field the spec declares ``format: password``
(a password, an SK, a security token, an ID token) is shown as ``'***'`` instead, in every
model of the package that has a field of that name. Each generated package calls
:func:`hide_secret_fields` once, at import; the spec says what is secret, no list here does.
"""

from __future__ import annotations

import importlib
from typing import Any

import attrs

from ._spec import load_document

__all__ = ["hide_secret_fields"]


def _secret_schemas(components: dict[str, Any]) -> list[str]:
    """Names of the component schemas with a ``format: password`` property (the models to mask)."""
    return [
        name
        for name, schema in components.get("schemas", {}).items()
        if any(isinstance(p, dict) and p.get("format") == "password" for p in schema.get("properties", {}).values())
    ]


def _secret_names(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        for name, schema in node.get("properties", {}).items():
            if isinstance(schema, dict) and schema.get("format") == "password":
                found.add(name)
        for value in node.values():
            _secret_names(value, found)
    elif isinstance(node, list):
        for item in node:
            _secret_names(item, found)


def _masked_repr(secret_fields: frozenset[str]) -> Any:
    def __repr__(self: Any) -> str:
        shown = ", ".join(
            f"{field.name}={'***' if field.name in secret_fields else repr(getattr(self, field.name))}"
            for field in attrs.fields(type(self))
            if field.repr
        )
        return f"{type(self).__name__}({shown})"

    return __repr__


def hide_secret_fields(package: str) -> None:
    """Give the package's models with ``format: password`` fields a repr that masks them."""
    secrets: set[str] = set()
    _secret_names(load_document(package).get("components", {}), secrets)
    _secret_names(load_document(package).get("paths", {}), secrets)
    if not secrets:
        return
    models = importlib.import_module(f"{package}.models")
    # Only the models named after a schema with a secret (imported here; the rest stay unimported).
    for name in _secret_schemas(load_document(package).get("components", {})):
        value = getattr(models, name, None)
        if isinstance(value, type) and attrs.has(value):
            fields = frozenset(field.name for field in attrs.fields(value)) & secrets
            if fields:
                value.__repr__ = _masked_repr(fields)  # type: ignore[method-assign]
