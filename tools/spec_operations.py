"""Every operation of every spec in ``openapi/``, and how to call it through the public client.

Nothing here names a service or an operation. Operations come from globbing
``openapi/*.yaml``; the client method is ``getattr(cloud.<service>, <operationId>)``; its
arguments come from the spec (parameter examples, enum values, the request-body example,
or values synthesised from the schema), are named and placed as the package's generated
command table says (``commands.json``: the generator's own Python names), and are shaped by
the method's type hints (a model class gets ``Model.from_dict(value)``). A documented input the method does not
accept, or a required argument the spec gives no value for, is an error: the spec and
the client disagree.
"""

from __future__ import annotations

import functools
import types
import typing
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import yaml

from huaweicloud_jobs._cli_commands import read_table
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


@functools.cache
def command_table(package: str) -> dict[str, Any]:
    """The command table generated into a package (``commands.json``): the generator's own Python names."""
    return read_table(package)


def table_entry(operation: SpecOperation) -> dict[str, Any]:
    """The generated table's entry for an operation (found by operationId)."""
    table = command_table(f"huaweicloud_jobs_{operation.service}")
    for entry in table["operations"]:
        if entry["operation_id"] == operation.operation_id:
            return dict(entry)
    raise LookupError(f"{operation.id}: not in the command table of huaweicloud_jobs_{operation.service}")


def argument_name(operation: SpecOperation, spec_name: str, location: str | None = None) -> str:
    """The Python argument the generated method has for a documented input (``HTTPCode`` → ``http_code``)."""
    for parameter in table_entry(operation)["parameters"]:
        if parameter["spec_name"] == spec_name and location in (None, parameter["in"]):
            return str(parameter["name"])
    raise LookupError(f"{operation.id}: the client method takes no argument for {spec_name!r} ({location or 'any'})")


def field_name(model: type, key: str) -> str:
    """The attribute a generated model has for a JSON property (read from its package's table).

    A handwritten subclass (a ``_patch.py`` model such as IAM's ``IssuedToken``) has its generated
    base's fields.
    """
    generated = next(cls for cls in model.__mro__ if ".models." in cls.__module__)  # IssuedToken names huaweicloud_jobs
    models = command_table(generated.__module__.split(".")[0])["models"]
    return str(models[generated.__name__][key])


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
    """``{python argument name: value}`` for every documented input the caller provides.

    The names are the generated method's, from the package's command table; a documented input the
    method has no argument for is an error (the spec and the client disagree).
    """
    values: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter["name"].lower() in SKIPPED_PARAMETERS:
            continue
        if "example" in parameter:
            value = parameter["example"]
        else:
            value = sample(parameter.get("schema", {}), parameter["name"])
        values[argument_name(operation, parameter["name"], parameter["in"])] = value
    body = request_example(operation)
    flattened = any(p["in"] == "body" and p["spec_name"] for p in table_entry(operation)["parameters"])
    if isinstance(body, dict) and flattened:
        values.update({argument_name(operation, key, "body"): value for key, value in body.items()})
    elif body is not None:
        values["body"] = body
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
    """The unbound ``Service``/``AsyncService`` method for an operation (named as its command table says)."""
    method = table_entry(operation)["method"]
    function = getattr(type(service), method, None)
    if function is None:
        raise LookupError(f"{type(service).__module__}.{type(service).__name__} has no {method}()")
    return typing.cast(Callable[..., Any], function)


def call_arguments(
    service: Any, operation: SpecOperation, overrides: dict[str, Any] | None = None
) -> tuple[list[Any], dict[str, Any]]:
    """Positional and keyword arguments for ``getattr(service, operationId)``, from the spec.

    Which argument is positional and which required is the command table's (what the generator
    produced); values are shaped by the method's type hints (a model class gets ``from_dict``).
    """
    hints = get_type_hints(client_function(service, operation))
    values = {**documented_inputs(operation), **(overrides or {})}
    parameters = table_entry(operation)["parameters"]
    unknown = sorted(set(values) - {parameter["name"] for parameter in parameters})
    if unknown:
        raise LookupError(f"{operation.id}: the spec documents {unknown}, which the client method does not accept")
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for parameter in parameters:
        name = parameter["name"]
        if name not in values:
            if parameter["required"]:
                raise LookupError(f"{operation.id}: the spec gives no value for the required argument {name!r}")
            continue
        value = convert(values[name], hints.get(name, Any))
        if parameter["positional"]:
            positional.append(value)
        else:
            keywords[name] = value
    return positional, keywords


def call(cloud: Any, operation: SpecOperation, overrides: dict[str, Any] | None = None) -> Any:
    """Call the operation through ``cloud`` (a ``Cloud``: the result; an ``AsyncCloud``: a coroutine)."""
    service = getattr(cloud, operation.service)
    positional, keywords = call_arguments(service, operation, overrides)
    return getattr(service, table_entry(operation)["method"])(*positional, **keywords)


def result_hint(cloud: Any, operation: SpecOperation) -> Any:
    """The annotated return type of the client method (what a success must parse into)."""
    return get_type_hints(client_function(getattr(cloud, operation.service), operation))["return"]


def path_parameters(operation: SpecOperation) -> Iterator[dict[str, Any]]:
    """The path parameters a caller passes (``project_id`` comes from the client)."""
    for parameter in operation.parameters:
        if parameter["in"] == "path" and parameter["name"] not in SKIPPED_PARAMETERS:
            yield parameter
