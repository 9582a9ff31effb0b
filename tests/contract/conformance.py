"""Does a parsed result really have the types its annotations promise?

``mismatches(value, hint)`` walks a value against a type hint (unions, ``Literal``,
lists and ``list`` subclasses such as ``BatchResult[...]``, dicts, attrs models with
``from __future__`` annotations) and lists every place where they disagree: a ``str``
field holding an int, a ``bool`` holding the string ``"true"``, an ``int`` holding
``True``, a model whose additional properties have non-string keys, ...
"""

from __future__ import annotations

import enum
import importlib
import json
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import attrs


def _is_json(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True


def model_hints(cls: type[Any]) -> dict[str, Any]:
    """``get_type_hints`` of a generated model: nested models are imported only for type checkers,
    so names are resolved in the package's ``models`` namespace too."""
    generated = next(
        (base for base in cls.__mro__ if ".models." in base.__module__), cls
    )  # not IssuedToken's public home
    package = generated.__module__.split(".")[0]
    try:
        models = importlib.import_module(f"{package}.models")
    except ImportError:
        return get_type_hints(cls)
    # The models package imports each model on first use: resolve every public name through it.
    namespace = {name: getattr(models, name) for name in getattr(models, "__all__", ())}
    return get_type_hints(cls, localns=namespace)


def _model_mismatches(value: Any, where: str) -> list[str]:
    cls = type(value)
    hints = model_hints(cls)
    problems: list[str] = []
    for attribute in attrs.fields(cls):
        current = getattr(value, attribute.name)
        if attribute.name == "additional_properties":
            if not isinstance(current, dict) or not all(isinstance(key, str) for key in current):
                problems.append(f"{where}.additional_properties: not a dict with str keys: {current!r}")
            elif not _is_json(current):
                problems.append(f"{where}.additional_properties: not JSON data: {current!r}")
            continue
        problems += mismatches(current, hints[attribute.name], f"{where}.{attribute.name}")
    return problems


def mismatches(value: Any, hint: Any, where: str = "result") -> list[str]:
    """Every disagreement between ``value`` and ``hint`` (empty when the value conforms)."""
    origin = get_origin(hint)
    if hint is Any:
        return []
    if origin in (Union, types.UnionType):
        options = [mismatches(value, option, where) for option in get_args(hint)]
        if any(not problems for problems in options):
            return []
        for option, problems in zip(get_args(hint), options, strict=True):
            if isinstance(option, type) and isinstance(value, option):
                return problems  # the member the value belongs to says best what is wrong
        shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
        return [f"{where}: {type(value).__name__} {shown} is none of {hint}"]
    if origin is Literal:
        return [] if value in get_args(hint) and isinstance(value, str | int) else [f"{where}: {value!r} not in {hint}"]
    if hint is type(None):
        return [] if value is None else [f"{where}: expected None, got {value!r}"]
    if isinstance(origin, type) and issubclass(origin, list):
        if not isinstance(value, origin):
            return [f"{where}: expected {origin.__name__}, got {type(value).__name__}"]
        (item_hint,) = get_args(hint) or (Any,)
        return [
            problem for index, item in enumerate(value) for problem in mismatches(item, item_hint, f"{where}[{index}]")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: expected dict, got {type(value).__name__}"]
        key_hint, value_hint = get_args(hint) or (Any, Any)
        return [
            problem
            for key, item in value.items()
            for problem in [
                *mismatches(key, key_hint, f"{where} key"),
                *mismatches(item, value_hint, f"{where}[{key!r}]"),
            ]
        ]
    if hint is bool:
        return [] if type(value) is bool else [f"{where}: expected bool, got {type(value).__name__} {value!r}"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected int, got {type(value).__name__} {value!r}"]
    if hint is float:
        return [] if type(value) is float else [f"{where}: expected float, got {type(value).__name__} {value!r}"]
    if hint is str:
        return [] if isinstance(value, str) else [f"{where}: expected str, got {type(value).__name__} {value!r}"]
    if isinstance(hint, type):
        if not isinstance(value, hint):
            return [f"{where}: expected {hint.__name__}, got {type(value).__name__} {value!r}"]
        if attrs.has(hint):
            return _model_mismatches(value, where)
        if issubclass(hint, enum.Enum):
            return []
        return []
    raise TypeError(f"{where}: cannot check against the hint {hint!r}")
