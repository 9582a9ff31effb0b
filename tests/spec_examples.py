"""Iterating the documented examples out of the bundled specs (not copied into tests)."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SERVICES = sorted(path.stem for path in (ROOT / "openapi").glob("*.yaml"))


@dataclass(frozen=True)
class ResponseExample:
    service: str
    package: str
    operation: str
    method: str
    path: str
    status: int
    name: str
    value: Any
    schema: dict[str, Any] | None

    @property
    def id(self) -> str:
        return f"{self.service}-{self.operation}-{self.status}-{self.name}"

    @property
    def body(self) -> bytes:
        """The body as the service sends it: JSON, or the verbatim text of a non-JSON example."""
        if isinstance(self.value, str):
            return self.value.encode()
        return json.dumps(self.value).encode()


def document(service: str) -> dict[str, Any]:
    package = f"huaweicloud_jobs_{service}"
    text = importlib.resources.files(package).joinpath("openapi.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def resolve(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def response_examples() -> Iterator[ResponseExample]:
    for service in SERVICES:
        doc = document(service)
        for path, item in doc["paths"].items():
            for method, operation in item.items():
                for status, response in operation["responses"].items():
                    response = resolve(doc, response)
                    media = response.get("content", {}).get("application/json", {})
                    for name, example in media.get("examples", {}).items():
                        yield ResponseExample(
                            service,
                            f"huaweicloud_jobs_{service}",
                            operation["operationId"],
                            method.upper(),
                            path,
                            int(status),
                            name,
                            resolve(doc, example)["value"],
                            media.get("schema"),
                        )
