"""``--dry-run``: a transport that records the signed request, secrets masked, and sends nothing."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["DryRunStop", "dry_run_transport"]

SECRET_HEADERS = frozenset({"authorization", "x-auth-token", "x-security-token"})


class DryRunStop(Exception):
    def __init__(self, request: dict[str, Any]) -> None:
        super().__init__("dry run")
        self.request = request


def _mask(name: str, value: str) -> str:
    if name.lower() not in SECRET_HEADERS:
        return value
    scheme, _, rest = value.partition(" ")
    if name.lower() == "authorization" and "SignedHeaders=" in rest:
        signed = next(part.strip() for part in rest.split(",") if part.strip().startswith("SignedHeaders="))
        return f"{scheme} Access=***, {signed}, Signature=***"
    return "***"


def dry_run_transport() -> Any:
    import httpx

    class DryRunTransport(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            names = {name.lower() for name in request.headers}
            content = request.read()
            try:
                body: Any = json.loads(content) if content else None
            except ValueError:
                body = content.decode("utf-8", "replace")
            raise DryRunStop(
                {
                    "dry_run": True,
                    "signed": bool(names & {"authorization", "x-auth-token"}),
                    "method": request.method,
                    "url": str(request.url),
                    "headers": {name: _mask(name, value) for name, value in request.headers.items()},
                    "body": body,
                }
            )

    return DryRunTransport()
