"""Every operation of every spec in ``openapi/``, and how to call it through the public client.

Nothing here names a service or an operation. Operations come from globbing
``openapi/*.yaml``; the client method is ``getattr(cloud.<service>, <operationId>)``; its
arguments come from the spec (parameter examples, enum values, the request-body example,
or values synthesised from the schema) and are shaped by the method's type hints (a
model class gets ``Model.from_dict(value)``). A documented input the method does not
accept, or a required argument the spec gives no value for, is an error: the spec and
the client disagree.
"""

from __future__ import annotations

import builtins
import inspect
import keyword
import re
import types
import typing
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import yaml

from huaweicloud_jobs_core._spec import resolve_refs

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "openapi"
PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"  # 32 characters: fits every spec's project_id
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
SKIPPED_PARAMETERS = frozenset({"project_id", "content-type"})  # filled in by the client itself


@dataclass(frozen=True)
class SpecOperation:
    """One operation as its spec documents it (all ``$ref``s resolved)."""

    service: str
    operation_id: str
    method: str
    path: str
    parameters: tuple[dict[str, Any], ...]
    request_body: dict[str, Any] | None
    responses: dict[int, dict[str, Any]] = field(repr=False)

    @property
    def id(self) -> str:
        return f"{self.service}.{self.operation_id}"

    @property
    def success_statuses(self) -> list[int]:
        return [status for status in self.responses if 200 <= status < 300]

    @property
    def error_statuses(self) -> list[int]:
        return [status for status in self.responses if not 200 <= status < 300]

    def media(self, status: int) -> dict[str, Any]:
        content: dict[str, Any] = self.responses[status].get("content", {})
        return dict(content.get("application/json", {}))

    def examples(self, status: int) -> dict[str, Any]:
        """Named examples of a response: ``{name: value}``."""
        return {name: example["value"] for name, example in self.media(status).get("examples", {}).items()}

    def has_waiter(self, name: str) -> bool:
        """Whether a success response of this operation declares the waiter ``name`` (``x-waiters``)."""
        return any(name in self.responses[status].get("x-waiters", {}) for status in self.success_statuses)

    def has_body(self, status: int) -> bool:
        return bool(self.responses[status].get("content"))


def load_operations(specs: Path = SPECS) -> list[SpecOperation]:
    operations = []
    for spec_path in sorted(specs.glob("*.yaml")):
        document = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        for path, raw_item in document["paths"].items():
            item = resolve_refs(document, raw_item)
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                operation = item[method]
                responses = {int(code): body for code, body in operation["responses"].items() if str(code).isdigit()}
                operations.append(
                    SpecOperation(
                        service=spec_path.stem,
                        operation_id=operation["operationId"],
                        method=method.upper(),
                        path=path,
                        parameters=tuple([*item.get("parameters", []), *operation.get("parameters", [])]),
                        request_body=operation.get("requestBody"),
                        responses=responses,
                    )
                )
    return operations


def python_name(name: str) -> str:
    """The argument name the generator gives a spec name: ``X-Language`` → ``x_language``."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    identifier = re.sub(r"[^0-9A-Za-z]+", "_", snake).strip("_").lower()
    return identifier + "_" if keyword.iskeyword(identifier) or identifier in dir(builtins) else identifier


def sample(schema: dict[str, Any], name: str) -> Any:
    """A value that satisfies ``schema`` (the keywords the specs use)."""
    if "example" in schema:
        return schema["example"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    if kind == "array":
        return [sample(schema.get("items", {}), name)]
    if kind == "object":
        properties = schema.get("properties", {})
        return {key: sample(properties[key], key) for key in schema.get("required", ())}
    return fit_length(f"contract-{name}", schema)


def fit_length(text: str, schema: dict[str, Any]) -> str:
    """``text`` cut or padded (with a UUID's characters) to the schema's length limits."""
    minimum = int(schema.get("minLength", 1))
    maximum = int(schema.get("maxLength", max(len(text), minimum)))
    if len(text) < minimum:
        filler = uuid.uuid5(uuid.NAMESPACE_URL, text).hex * (1 + minimum // 32)
        text += "-" + filler
    return text[: max(minimum, min(len(text), maximum))]


def request_example(operation: SpecOperation) -> Any:
    """The first documented request-body example, else a value synthesised from the schema."""
    if operation.request_body is None:
        return None
    media = operation.request_body.get("content", {}).get("application/json", {})
    for example in media.get("examples", {}).values():
        return example["value"]
    if "example" in media:
        return media["example"]
    return sample(media.get("schema", {}), "body")


def documented_inputs(operation: SpecOperation) -> dict[str, Any]:
    """``{python argument name: value}`` for every documented input the caller provides."""
    values: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter["name"].lower() in SKIPPED_PARAMETERS:
            continue
        if "example" in parameter:
            value = parameter["example"]
        else:
            value = sample(parameter.get("schema", {}), parameter["name"])
        values[python_name(parameter["name"])] = value
    body = request_example(operation)
    if isinstance(body, dict):
        values.update({python_name(key): value for key, value in body.items()})
    return values


def _options(hint: Any) -> list[Any]:
    """The members of a union hint that can hold a value (``Unset`` and ``None`` left out)."""
    members = list(get_args(hint)) if get_origin(hint) in (Union, types.UnionType) else [hint]
    return [member for member in members if member is not type(None) and getattr(member, "__name__", "") != "Unset"]


def convert(value: Any, hint: Any) -> Any:
    """A JSON value shaped as the hint wants it: objects become models, lists are converted item by item."""
    for option in _options(hint):
        if isinstance(option, type) and hasattr(option, "from_dict") and isinstance(value, dict):
            return option.from_dict(value)
        if get_origin(option) is list and isinstance(value, list):
            (item_hint,) = get_args(option)
            return [convert(item, item_hint) for item in value]
    return value


def client_function(service: Any, operation: SpecOperation) -> Callable[..., Any]:
    """The unbound ``Service``/``AsyncService`` method for an operation."""
    function = getattr(type(service), operation.operation_id, None)
    if function is None:
        raise LookupError(f"{type(service).__module__}.{type(service).__name__} has no {operation.operation_id}()")
    return typing.cast(Callable[..., Any], function)


def call_arguments(
    service: Any, operation: SpecOperation, overrides: dict[str, Any] | None = None
) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments for ``getattr(service, operationId)``, from the spec."""
    function = client_function(service, operation)
    hints = get_type_hints(function)
    values = {**documented_inputs(operation), **(overrides or {})}
    accepted = [name for name in inspect.signature(function).parameters if name != "self"]
    unknown = sorted(set(values) - set(accepted))
    if unknown:
        raise LookupError(f"{operation.id}: the spec documents {unknown}, which the client method does not accept")
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for name, parameter in inspect.signature(function).parameters.items():
        if name == "self":
            continue
        required = parameter.default is inspect.Parameter.empty
        if name not in values:
            if required:
                raise LookupError(f"{operation.id}: the spec gives no value for the required argument {name!r}")
            continue
        value = convert(values[name], hints.get(name, Any))
        if required and parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            positional.append(value)
        else:
            keywords[name] = value
    return positional, keywords


def call(cloud: Any, operation: SpecOperation, overrides: dict[str, Any] | None = None) -> Any:
    """Call the operation through ``cloud`` (a ``Cloud``: the result; an ``AsyncCloud``: a coroutine)."""
    service = getattr(cloud, operation.service)
    positional, keywords = call_arguments(service, operation, overrides)
    return getattr(service, operation.operation_id)(*positional, **keywords)


def result_hint(cloud: Any, operation: SpecOperation) -> Any:
    """The annotated return type of the client method (what a success must parse into)."""
    return get_type_hints(client_function(getattr(cloud, operation.service), operation))["return"]


def path_parameters(operation: SpecOperation) -> Iterator[dict[str, Any]]:
    """The path parameters a caller passes (``project_id`` comes from the client)."""
    for parameter in operation.parameters:
        if parameter["in"] == "path" and parameter["name"] not in SKIPPED_PARAMETERS:
            yield parameter
