"""What the bundled OpenAPI document says about one operation.

Every generated package carries the document it was generated from
(``<package>/openapi.json``). Requests are built, arguments checked, statuses
accepted and responses checked from what it says, so a fact added to a spec is
honoured without touching this code. Service-specific rules are declared there as
extensions, never guessed here:

- ``x-error-in-body: {code, message, resource_id, state, failure}`` on a success response:
  a non-empty ``code`` field in that body, or a ``state`` field holding one of the
  ``failure`` values, means the operation failed (DRS: ``error_code``, or ``status: failed``);
- ``x-item-success: <field>`` on a success response whose body is an array: the field
  that tells whether each item succeeded (DLI);
- ``x-bare-string: <field>`` on a success response whose body is an object: a body that is a
  bare string instead (a JSON string, or text that is not JSON) is read as ``{<field>: text}``
  (AOM: the SDK types the terminate answer as a string, its page shows an object);
- ``x-idempotent: {value, reason}`` on an operation: whether it may be sent again after
  it may have reached the server;
- ``x-waiters`` on a read operation's success response: polling definitions (see ``_waiters``).

Documents are loaded once per package, on the first call that needs them.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
from pathlib import Path
from typing import Any, NamedTuple

JsonSchema = dict[str, Any]

# The records below are NamedTuples, not dataclasses: they are internal, immutable, built once per
# operation, and a NamedTuple class costs about a tenth of a frozen dataclass's at import time.


class Parameter(NamedTuple):
    name: str
    location: str
    required: bool
    schema: JsonSchema
    explode: bool = True  # an array query value: repeated (True) or one comma-separated value (False)


class OperationInputs(NamedTuple):
    """The documented parameters and request body schema of one operation."""

    parameters: tuple[Parameter, ...]
    body: JsonSchema | None
    body_required: bool


class ErrorInBody(NamedTuple):
    """Fields of a success body that report a failure (``x-error-in-body``).

    The body reports a failure when its ``code`` field is non-empty, or when its ``state`` field
    holds one of the ``failure`` values (either may be declared alone).
    """

    code: str | None = None
    message: str | None = None
    resource_id: str | None = None
    state: str | None = None
    failure: tuple[str, ...] = ()

    def failed_state(self, body: dict[str, Any]) -> str | None:
        """The value of the ``state`` field when it is a declared failure value, else None."""
        if self.state is None:
            return None
        value = body.get(self.state)
        return value if isinstance(value, str) and value in self.failure else None

    def reports_failure(self, body: dict[str, Any]) -> bool:
        return bool(self.code is not None and body.get(self.code)) or self.failed_state(body) is not None


class SuccessResponse(NamedTuple):
    """One documented 2xx response."""

    status: int
    schema: JsonSchema | None
    request_id_headers: tuple[str, ...] = ()
    error_in_body: ErrorInBody | None = None
    item_success: str | None = None
    bare_string: str | None = None


class OperationSpec(NamedTuple):
    """Everything the runtime reads about one operation, resolved once."""

    service: str
    name: str
    method: str
    path: str
    inputs: OperationInputs
    success: dict[int, SuccessResponse]
    idempotent: bool
    header_defaults: dict[str, str]
    waiters: dict[str, dict[str, Any]]
    extensions: dict[str, Any]

    @property
    def first_success(self) -> SuccessResponse | None:
        return self.success[min(self.success)] if self.success else None


@functools.cache
def load_document(package: str) -> dict[str, Any]:
    """The package's bundled ``openapi.json`` (read beside its ``__init__``: no importlib.resources at import)."""
    module = sys.modules.get(package) or importlib.import_module(package)
    path = Path(module.__file__ or "").parent / "openapi.json"
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
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


def _inputs(document: dict[str, Any], path_item: dict[str, Any], operation: dict[str, Any]) -> OperationInputs:
    raw_parameters = [*path_item.get("parameters", []), *operation.get("parameters", [])]
    parameters = tuple(
        Parameter(
            name=parameter["name"],
            location=parameter["in"],
            required=bool(parameter.get("required", False)),
            schema=parameter.get("schema", {}),
            explode=bool(parameter.get("explode", parameter.get("style", "form") == "form")),
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


def _success_response(document: dict[str, Any], status: int, raw: Any) -> SuccessResponse:
    response = follow_ref(document, raw)
    media = response.get("content", {}).get("application/json")
    schema = resolve_refs(document, media.get("schema", {})) if media is not None else None
    headers = tuple(name for name in response.get("headers", {}) if "request" in name.lower())
    error_in_body = response.get("x-error-in-body")
    return SuccessResponse(
        status=status,
        schema=schema,
        request_id_headers=headers,
        error_in_body=_error_in_body(error_in_body) if error_in_body else None,
        item_success=response.get("x-item-success"),
        bare_string=response.get("x-bare-string"),
    )


def _error_in_body(declared: dict[str, Any]) -> ErrorInBody:
    return ErrorInBody(**{**declared, "failure": tuple(str(value) for value in declared.get("failure", ()))})


def _waiters(document: dict[str, Any], operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``x-waiters`` of the operation's success responses (declared beside the body whose field they watch)."""
    found: dict[str, dict[str, Any]] = {}
    for code, raw in operation.get("responses", {}).items():
        if code.isdigit() and 200 <= int(code) < 300:
            found.update(follow_ref(document, raw).get("x-waiters", {}))
    return found


@functools.cache
def operation_spec(package: str, method: str, path: str) -> OperationSpec:
    document = load_document(package)
    path_item = document["paths"][path]
    operation = path_item[method.lower()]
    inputs = _inputs(document, path_item, operation)
    success = {
        int(code): _success_response(document, int(code), raw)
        for code, raw in operation.get("responses", {}).items()
        if code.isdigit() and 200 <= int(code) < 300
    }
    idempotent = operation.get("x-idempotent", {})
    return OperationSpec(
        service=str(document["info"].get("x-service") or service_host_prefix(package)),
        name=operation.get("operationId", ""),
        method=method.upper(),
        path=path,
        inputs=inputs,
        success=success,
        # Undeclared: re-sent only when the request provably never left (see RetryPolicy).
        idempotent=bool(idempotent.get("value", False)) if isinstance(idempotent, dict) else bool(idempotent),
        header_defaults={
            parameter.name: str(parameter.schema["default"])
            for parameter in inputs.parameters
            if parameter.location == "header"
            and parameter.name.lower() == "content-type"
            and "default" in parameter.schema
        },
        waiters=_waiters(document, operation),
        extensions={key: value for key, value in operation.items() if key.startswith("x-")},
    )


@functools.cache
def server_template(package: str) -> tuple[str, dict[str, str]]:
    """The first server URL of the document and the defaults of its variables."""
    server = load_document(package)["servers"][0]
    defaults = {name: str(variable.get("default", "")) for name, variable in server.get("variables", {}).items()}
    return server["url"], defaults


def service_host_prefix(package: str) -> str:
    """The ``{service}`` part of the endpoint host (for example ``drs``), from the document's server."""
    _, defaults = server_template(package)
    host = defaults.get("service")
    if not host:
        raise KeyError(f"{package}: the first server of its document has no 'service' variable default")
    return host
