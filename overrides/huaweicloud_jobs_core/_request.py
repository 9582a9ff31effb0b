"""Building an operation's HTTP request from its spec and the call's arguments.

The generated methods pass their arguments by documented name (``{"job_id": ..., "X-Language": ...}``)
and the body as a generated model; the route, query string, headers and JSON body are laid out
here, after every value has been checked against the spec (``_validation``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

from . import _defaults
from ._exceptions import InvalidParameterError
from ._spec import OperationSpec
from ._validation import check_arguments, check_body
from .types import Unset

__all__ = ["build_request"]


# Characters ``quote(value, safe="")`` leaves as they are: a value made only of them is its own encoding.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


def _path_value(value: object) -> str:
    text = str(value)
    return text if _UNRESERVED.fullmatch(text) else quote(text, safe="")


def _query_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def build_request(spec: OperationSpec, arguments: Mapping[str, object], body: Any) -> dict[str, Any]:
    """Keyword arguments for ``httpx.Client.request``; raises ``InvalidParameterError`` first if any value is bad."""
    check_arguments(spec.inputs, arguments)
    json_body = body.to_dict() if hasattr(body, "to_dict") else body
    check_body(spec.inputs, json_body)
    path: dict[str, str] = {}
    params: list[tuple[str, str]] = []
    headers: dict[str, str] = dict(spec.header_defaults) if spec.header_defaults else {}
    for parameter in spec.inputs.parameters:
        value = arguments.get(parameter.name)
        if value is None or isinstance(value, Unset):
            continue
        if parameter.location == "path":
            path[parameter.name] = _path_value(value)
        elif parameter.location == "query":
            values = value if isinstance(value, list | tuple) else (value,)
            if parameter.explode:
                params.extend((parameter.name, _query_value(item)) for item in values)
            else:  # style: form, explode: false -- one value, comma-separated (``instance_ids=a,b``)
                params.append((parameter.name, ",".join(_query_value(item) for item in values)))
        elif parameter.location == "header":
            headers[parameter.name] = str(value)
    request: dict[str, Any] = {"method": spec.method, "url": spec.path.format_map(path)}
    if params:
        request["params"] = params
        # Bound the whole encoded URL before httpx sees it (each value is bounded already).
        size = len(request["url"]) + 1 + len(urlencode(params))
        if size > _defaults.MAX_URL_CHARS:
            raise InvalidParameterError(
                "query", f"the URL would be up to {size} characters long; at most {_defaults.MAX_URL_CHARS} are allowed"
            )
    if json_body is not None:
        request["json"] = json_body
        headers["Content-Type"] = "application/json"
    if headers:
        request["headers"] = headers
    return request
