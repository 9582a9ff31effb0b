"""Response values are open: the document the models are generated from lists them as ``x-known-values``.

Documentation pages list a field's values as an enum, and a spec transcribed from them says
``enum``. For a value the client sends that is the contract: the runtime refuses anything else
before sending (``huaweicloud_jobs_core._validation``), and the generated argument type is a
``Literal``. For a value the service sends it is only what was documented so far: a service adds
a state, and a client generated from a closed enum would fail the call (the generated models
reject a value outside their ``Literal``). So, before the generator reads a spec,
:func:`open_response_enums` rewrites every ``enum`` that a response can reach -- inline or through
``$ref``, in a body or a header, in a success or an error response -- into ``x-known-values``
(the same list, for readers): the model types the field as its ``type`` (``str``, ``int``) and
keeps whatever the service sends; a waiter polls on through a state it does not know.

A schema used by both a request and a response (one ``$ref`` target) is open in the model -- a
response carrying a new value must parse -- and still closed on the wire: the bundled
``openapi.json`` is the spec as written, ``enum`` included, and the runtime checks every argument
against it before anything is sent. Enums only requests reach are left as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_SCHEMA_MAPS = ("properties",)  # name -> schema
_SCHEMA_SINGLES = ("items", "additionalProperties", "not")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def open_response_enums(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``document`` in which every ``enum`` a response reaches is ``x-known-values``.

    The copy goes through JSON, so a YAML anchor shared by a request and a response is two
    separate objects and only the response's is changed; ``document`` itself is not changed.
    Values already listed in ``x-known-values`` stay first, in their order.
    """
    opened: dict[str, Any] = json.loads(json.dumps(document))
    for _, schema in response_schemas(opened):
        if "enum" in schema:
            known = list(schema.get("x-known-values", []))
            schema["x-known-values"] = known + [value for value in schema.pop("enum") if value not in known]
    return opened


def response_schemas(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, schema)`` for every schema a response reaches, each once; ``where`` is its JSON pointer.

    A schema reached through ``$ref`` is named by the ref (``#/components/schemas/Job/properties/state``);
    an inline one by its operation (``GET /v1/jobs/{id} 200 application/json/properties/state``).
    """
    seen: set[str] = set()
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method not in HTTP_METHODS or not isinstance(operation, dict):
                continue
            for status, response in operation.get("responses", {}).items():
                where = f"{method.upper()} {path} {status}"
                response, where = _follow(document, response, where, seen, is_schema=False)
                for media_type, media in (response or {}).get("content", {}).items():
                    yield from _walk(document, media.get("schema"), f"{where} {media_type}", seen)
                for name, header in (response or {}).get("headers", {}).items():
                    header, at = _follow(document, header, f"{where} header {name}", seen, is_schema=False)
                    if header is not None:
                        yield from _walk(document, header.get("schema"), at, seen)


def _follow(
    document: dict[str, Any], node: Any, where: str, seen: set[str], *, is_schema: bool
) -> tuple[dict[str, Any] | None, str]:
    """The node a chain of local ``$ref``s ends at, and its name; None for a schema already walked."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if is_schema and ref in seen:
            return None, ref
        seen.add(ref)
        target: Any = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node, where = target, ref
    return (node if isinstance(node, dict) else None), where


def _walk(document: dict[str, Any], node: Any, where: str, seen: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    schema, where = _follow(document, node, where, seen, is_schema=True)
    if schema is None:
        return
    yield where, schema
    for key in _SCHEMA_MAPS:
        for name, child in schema.get(key, {}).items():
            yield from _walk(document, child, f"{where}/{key}/{name}", seen)
    for key in _SCHEMA_SINGLES:
        if isinstance(schema.get(key), dict):
            yield from _walk(document, schema[key], f"{where}/{key}", seen)
    for key in _SCHEMA_LISTS:
        for index, child in enumerate(schema.get(key, [])):
            yield from _walk(document, child, f"{where}/{key}/{index}", seen)
