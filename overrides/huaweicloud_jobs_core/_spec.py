"""What the bundled OpenAPI document says about an operation's inputs.

Every generated package carries the document it was generated from
(``<package>/openapi.json``). Input checks and endpoint templates are read from
there, so a constraint added to a spec is enforced without touching this code.
Documents are loaded once per package, on the first call that needs them.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

JsonSchema = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: JsonSchema


@dataclass(frozen=True, slots=True)
class OperationInputs:
    """The documented parameters and request body schema of one operation."""

    parameters: tuple[Parameter, ...]
    body: JsonSchema | None
    body_required: bool


@functools.cache
def load_document(package: str) -> dict[str, Any]:
    text = resources.files(package).joinpath("openapi.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def follow_ref(document: dict[str, Any], node: Any) -> Any:
    """The node a local ``$ref`` (``#/components/...``) points to, through chains of refs."""
    while isinstance(node, dict) and "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def resolve_refs(document: dict[str, Any], node: Any) -> Any:
    """``node`` with every local ``$ref`` replaced by its target, recursively."""
    node = follow_ref(document, node)
    if isinstance(node, dict):
        return {key: resolve_refs(document, value) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve_refs(document, item) for item in node]
    return node


@functools.cache
def operation_inputs(package: str, method: str, path: str) -> OperationInputs:
    document = load_document(package)
    path_item = document["paths"][path]
    operation = path_item[method.lower()]
    raw_parameters = [*path_item.get("parameters", []), *operation.get("parameters", [])]
    parameters = tuple(
        Parameter(
            name=parameter["name"],
            location=parameter["in"],
            required=bool(parameter.get("required", False)),
            schema=parameter.get("schema", {}),
        )
        for parameter in (resolve_refs(document, raw) for raw in raw_parameters)
    )
    body: JsonSchema | None = None
    body_required = False
    if "requestBody" in operation:
        request_body = resolve_refs(document, operation["requestBody"])
        body_required = bool(request_body.get("required", False))
        media = request_body.get("content", {}).get("application/json")
        if media is not None:
            body = media.get("schema", {})
    return OperationInputs(parameters=parameters, body=body, body_required=body_required)


@functools.cache
def server_template(package: str) -> tuple[str, dict[str, str]]:
    """The first server URL of the document and the defaults of its variables."""
    server = load_document(package)["servers"][0]
    defaults = {name: str(variable.get("default", "")) for name, variable in server.get("variables", {}).items()}
    return server["url"], defaults


def service_host_prefix(package: str) -> str:
    """The ``{service}`` part of the endpoint host (for example ``drs``)."""
    _, defaults = server_template(package)
    return defaults.get("service") or package.rsplit("_", 1)[-1]
