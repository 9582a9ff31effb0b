"""Iterating the documented examples out of the bundled specs (not copied into tests)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from huaweicloud_jobs_core._spec import follow_ref, load_document

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
    """The spec bundled in the service's generated package."""
    return load_document(f"huaweicloud_jobs_{service}")


def response_examples() -> Iterator[ResponseExample]:
    for service in SERVICES:
        doc = document(service)
        for path, item in doc["paths"].items():
            for method, operation in item.items():
                for status, response in operation["responses"].items():
                    response = follow_ref(doc, response)
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
                            follow_ref(doc, example)["value"],
                            media.get("schema"),
                        )
