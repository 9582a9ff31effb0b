"""The command table of one service: what the generator produced, as data (``<package>/commands.json``).

Written by ``tools/generate.py`` right after openapi-python-client has built a package, from the
endpoint and property objects it parsed and rendered, so every Python name in the table is the one
the generator gave (``HTTPCode`` → ``http_code``, ``datetime`` → ``datetime_``, ``self`` →
``self_``, ``id`` → ``id``): nothing re-derives its naming rule. The spec supplies what the
generator does not keep (descriptions, limits, waiters, paginators).

The command line builds its parsers from this table, and ``tools/spec_operations.py`` and the tests
read it to name the arguments of an operation; ``tests/test_command_tables.py`` checks that every
entry agrees with the generated method's signature.

One entry per operation, in the order of the generated ``Service`` class::

    {"method": python method name, "operation_id": spec operationId, "http_method", "path",
     "summary", "description",
     "parameters": [{"name": python name, "spec_name", "in": path|query|header|body,
                     "kind": str|int|float|bool|enum|model|any, "list": bool, "model": class name or null,
                     "values": enum values or null, "required": bool, "positional": bool,
                     "description", "limits": {maxItems, minItems, maxLength, minLength, minimum, maximum},
                     "default": a documented default or null}],
     "missing_ok": bool (then the last parameter is ``missing_ok``, "in": "client"),
     "result": acknowledgement|batch|list|model|value,
     "paginator": {"iter": "iter_<m>", "pages": "<m>_pages", "parameters": [...]} or null,
     "waiters": [{"name", "method": "wait_until_<w>", "begin": "begin_wait_until_<w>", "after": operationId or null,
                  "description"}],
     "and_wait": {"method": "<m>_and_wait", "waiter", "read"} or null,
     "followed_by": [waiters (any read) whose ``after`` is this operation]}

``models`` (top level) maps each model class to ``{JSON property: attribute}``. ``wait_parameters``
are the keyword arguments every waiter method takes, as the command line offers them (``options``
and ``on_state`` are for Python callers only).
"""

from __future__ import annotations

from typing import Any

LIMIT_KEYWORDS = ("maxItems", "minItems", "maxLength", "minLength", "minimum", "maximum")
SKIPPED_PATH_PARAMETERS = frozenset({"project_id"})  # bound by the client (the template's rule)

WAIT_PARAMETERS: tuple[dict[str, Any], ...] = tuple(
    {
        "name": name,
        "spec_name": None,
        "in": "wait",
        "kind": kind,
        "list": is_list,
        "model": None,
        "values": None,
        "required": False,
        "positional": False,
        "description": description,
        "limits": {},
        "default": None,
    }
    for name, kind, is_list, description in (
        ("timeout", "float", False, "give up after this many seconds (default: the waiter's)"),
        ("delay", "float", False, "seconds before the first poll, doubling after each (default: the waiter's)"),
        ("max_delay", "float", False, "longest pause between polls (default: the waiter's)"),
        ("success", "str", True, "states that end the wait (replace the waiter's)"),
        ("failure", "str", True, "states that fail the wait (replace the waiter's)"),
    )
)
"""The waiter keywords the templates give every ``wait_until_*``, ``begin_wait_until_*`` and ``*_and_wait``."""

PAGINATOR_PARAMETERS: tuple[dict[str, Any], ...] = tuple(
    {
        "name": name,
        "spec_name": None,
        "in": "paginator",
        "kind": "int" if name == "max_items" else "str",
        "list": False,
        "model": None,
        "values": None,
        "required": False,
        "positional": False,
        "description": description,
        "limits": {},
        "default": None,
    }
    for name, description in (
        ("max_items", "stop after this many items"),
        ("starting_token", "continue a listing from the token a previous one printed"),
    )
)


MISSING_OK: dict[str, Any] = {
    "name": "missing_ok",
    "spec_name": None,
    "in": "client",
    "kind": "bool",
    "list": False,
    "model": None,
    "values": None,
    "required": False,
    "positional": False,
    "description": "succeed when the resource is already gone (HTTP 404)",
    "limits": {},
    "default": False,
}
"""The keyword the templates give every DELETE whose success has no body."""


def command_table(openapi: Any, spec: dict[str, Any], package: str, identifier: Any) -> dict[str, Any]:
    """The table of one package from openapi-python-client's ``GeneratorData`` and the spec as written.

    ``identifier`` is the generator's own ``python_identifier`` (the templates' global of that name).
    """
    operations: list[dict[str, Any]] = []
    collections = sorted(openapi.endpoint_collections_by_tag.items())
    reads = [endpoint for _, collection in collections for endpoint in collection.endpoints]
    for _, collection in collections:
        for endpoint in collection.endpoints:
            operations.append(_operation(endpoint, collection.endpoints, reads, spec, identifier))
    return {
        "package": package,
        "title": str(spec.get("info", {}).get("title", "")),
        "wait_parameters": list(WAIT_PARAMETERS),
        "operations": operations,
        "models": {
            str(model.class_info.name): {
                _raw(p.name): str(p.python_name)
                for p in [*(model.required_properties or []), *(model.optional_properties or [])]
            }
            for model in sorted(openapi.models, key=lambda model: str(model.class_info.name))
        },
    }


def _operation(
    endpoint: Any, same_tag: list[Any], reads: list[Any], spec: dict[str, Any], identifier: Any
) -> dict[str, Any]:
    method = str(identifier(endpoint.name))
    path = spec_path(endpoint)
    source = _spec_operation(spec, path, str(endpoint.method))
    parameters = [*_path_parameters(endpoint, source, spec), *_body_parameters(endpoint, source, spec)]
    parameters += _option_parameters(endpoint, source, spec)
    response = _success(endpoint)
    extensions = dict((getattr(response, "data", None) and response.data.model_extra) or {}) if response else {}
    result = _result(response, extensions)
    missing_ok = str(endpoint.method).lower() == "delete" and result == "acknowledgement"
    if missing_ok:
        parameters.append(MISSING_OK)
    paginator = None
    if "x-paginators" in extensions:
        paginator = {"iter": f"iter_{method}", "pages": f"{method}_pages", "parameters": list(PAGINATOR_PARAMETERS)}
    waiters = [
        {
            "name": name,
            "method": f"wait_until_{name}",
            "begin": f"begin_wait_until_{name}",
            "after": str(waiter["after"]) if waiter.get("after") else None,
            "description": _text(waiter.get("description")),
        }
        for name, waiter in (extensions.get("x-waiters") or {}).items()
    ]
    and_wait = None
    for read in same_tag:  # the template's rule: a waiter of a read in the same tag, with the same ids
        for name, waiter in _waiters(read).items():
            if and_wait is None and waiter.get("after") == endpoint.name and _ids(read) == _ids(endpoint):
                and_wait = {"method": f"{method}_and_wait", "waiter": name, "read": str(identifier(read.name))}
    followed_by = [
        name for read in reads for name, waiter in _waiters(read).items() if waiter.get("after") == endpoint.name
    ]
    return {
        "method": method,
        "operation_id": str(source.get("operationId", endpoint.name)),
        "http_method": str(endpoint.method).upper(),
        "path": path,
        "summary": _text(endpoint.summary),
        "description": _text(endpoint.description),
        "parameters": parameters,
        "missing_ok": missing_ok,
        "result": result,
        "paginator": paginator,
        "waiters": waiters,
        "and_wait": and_wait,
        "followed_by": followed_by,
    }


def spec_path(endpoint: Any) -> str:
    """The path as the spec writes it: the generator's endpoint has its parameters renamed to Python names."""
    path = _raw(endpoint.path)
    for p in endpoint.path_parameters:
        path = path.replace("{" + str(p.python_name) + "}", "{" + _raw(p.name) + "}")
    return path


def _success(endpoint: Any) -> Any:
    """The first 2xx response pattern (the templates' ``success`` macro)."""
    for response in endpoint.responses.patterns:
        bounds = response.status_code.range
        if bounds and bounds[0] >= 200 and bounds[1] < 300:
            return response
    return None


def _waiters(endpoint: Any) -> dict[str, dict[str, Any]]:
    response = _success(endpoint)
    if response is None:
        return {}
    return dict((response.data.model_extra or {}).get("x-waiters") or {})


def _ids(endpoint: Any) -> list[tuple[str, str]]:
    return [
        (_raw(p.name), str(p.python_name))
        for p in endpoint.path_parameters
        if _raw(p.name) not in SKIPPED_PATH_PARAMETERS
    ]


def _result(response: Any, extensions: dict[str, Any]) -> str:
    if response is None or response.source["return_type"] == "None":
        return "acknowledgement"
    kind = type(response.prop).__name__
    if kind == "ListProperty":
        return "batch" if "x-item-success" in extensions else "list"
    return "model" if kind == "ModelProperty" else "value"


def _path_parameters(endpoint: Any, source: dict[str, Any], spec: dict[str, Any]) -> list[dict[str, Any]]:
    documented = _documented_parameters(source, spec)
    return [
        _entry(p, "path", documented.get(("path", _raw(p.name)), {}), positional=True)
        for p in endpoint.path_parameters
        if _raw(p.name) not in SKIPPED_PATH_PARAMETERS
    ]


def _option_parameters(endpoint: Any, source: dict[str, Any], spec: dict[str, Any]) -> list[dict[str, Any]]:
    documented = _documented_parameters(source, spec)
    found = []
    for location, props in (("query", endpoint.query_parameters), ("header", endpoint.header_parameters)):
        for p in props:
            if _raw(p.name).lower() != "content-type":
                found.append(_entry(p, location, documented.get((location, _raw(p.name)), {}), positional=False))
    return found


def _body_parameters(endpoint: Any, source: dict[str, Any], spec: dict[str, Any]) -> list[dict[str, Any]]:
    """A JSON object body is flattened into its properties (required ones positional); any other is ``body``."""
    if len(endpoint.bodies) != 1:
        return []
    prop = endpoint.bodies[0].prop
    schema = _resolve(spec, source.get("requestBody", {}))
    schema = _resolve(spec, schema.get("content", {}).get("application/json", {}).get("schema", {}))
    if not hasattr(prop, "class_info") or type(prop).__name__ != "ModelProperty":
        entry = _entry(prop, "body", schema, positional=True)
        return [{**entry, "name": "body", "spec_name": None, "required": True}]
    properties = schema.get("properties", {})
    return [
        _entry(p, "body", _resolve(spec, properties.get(_raw(p.name), {})), positional)
        for positional, props in ((True, prop.required_properties), (False, prop.optional_properties))
        for p in props
    ]


def _entry(prop: Any, location: str, documented: dict[str, Any], positional: bool) -> dict[str, Any]:
    """One argument: names and type from the generator's property, text and limits from the spec."""
    schema = documented.get("schema", documented) if location != "body" else documented
    is_list = type(prop).__name__ == "ListProperty"
    item = prop.inner_property if is_list else prop
    kind, model, values = _kind(item)
    documented_values = (schema.get("items", {}) if is_list else schema).get("enum")
    if values is not None and documented_values:
        values = list(documented_values)  # the document's order
    description = documented.get("description") or schema.get("description") or prop.description or ""
    limits = {key: schema[key] for key in LIMIT_KEYWORDS if key in schema}
    return {
        "name": str(prop.python_name),
        "spec_name": _raw(prop.name),
        "in": location,
        "kind": kind,
        "list": is_list,
        "model": model,
        "values": values,
        "required": bool(prop.required),
        "positional": positional,
        "description": _text(description),
        "limits": limits,
        "default": _default(prop),
    }


def _default(prop: Any) -> Any:
    """A documented default the signature carries (JSON values only), else None."""
    value = getattr(getattr(prop, "default", None), "raw_value", None)
    return value if isinstance(value, str | int | float | bool) else None


def _kind(prop: Any) -> tuple[str, str | None, list[Any] | None]:
    name = type(prop).__name__
    if name in ("LiteralEnumProperty", "EnumProperty"):
        values = sorted(prop.values.values() if isinstance(prop.values, dict) else prop.values, key=str)
        return "enum", None, values
    if name == "ModelProperty":
        return "model", str(prop.class_info.name), None
    simple = {"BooleanProperty": "bool", "IntProperty": "int", "FloatProperty": "float", "AnyProperty": "any"}
    return simple.get(name, "str"), None, None


def _spec_operation(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    item = spec.get("paths", {}).get(path, {})
    operation = _resolve(spec, item).get(method.lower(), {})
    return {**operation, "_path_parameters": _resolve(spec, item).get("parameters", [])}


def _documented_parameters(source: dict[str, Any], spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    found = {}
    for raw in [*source.get("_path_parameters", []), *source.get("parameters", [])]:
        parameter = _resolve(spec, raw)
        parameter = {**parameter, "schema": _resolve(spec, parameter.get("schema", {}))}
        found[(str(parameter.get("in")), str(parameter.get("name")))] = parameter
    return found


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    """A local ``$ref`` followed (through chains); anything else as it is."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _raw(value: Any) -> str:
    """The text of the generator's ``UntrustedString`` (names, paths and texts as the spec writes them)."""
    return str(value.get_untrusted_value()) if hasattr(value, "get_untrusted_value") else str(value)


def _text(value: Any) -> str:
    return " ".join(_raw(value or "").split())
