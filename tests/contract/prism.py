"""Running Prism (``prism mock``) and reading what it says about each request.

Used by conftest.py (processes) and the tests (``PrismAuth`` records every exchange).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from spec_operations import ROOT

READY_TIMEOUT = 90.0  # seconds for every Prism to listen (they start in parallel)
PRISM_ERROR_TYPE = "https://stoplight.io/prism/errors#"


@dataclass
class PrismServer:
    """One running ``prism mock`` process serving one spec."""

    spec: Path
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    log: IO[bytes] = field(repr=False)

    @property
    def service(self) -> str:
        return self.spec.stem

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 30) -> str:
        self.log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()


def prism_executable() -> Path | None:
    configured = os.environ.get("PRISM_BIN")
    candidate = Path(configured) if configured else ROOT / "node_modules" / ".bin" / "prism"
    return candidate if candidate.exists() else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_prism(executable: Path, spec: Path, log_dir: Path) -> PrismServer:
    port = free_port()
    log_path = log_dir / f"prism-{spec.stem}-{port}.log"
    log = log_path.open("wb")
    command = [str(executable), "mock", "--host", "127.0.0.1", "--port", str(port), str(spec)]
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    return PrismServer(spec, port, process, log_path, log)


def is_ready(server: PrismServer) -> bool:
    """Prism answers anything once it listens (an unknown path gets its NO_PATH_MATCHED problem)."""
    try:
        httpx.get(f"{server.base_url}/__contract_readiness__", timeout=2.0, trust_env=False)
    except httpx.TransportError:
        return False
    return True


def start_all(executable: Path, specs: list[Path], log_dir: Path) -> list[PrismServer]:
    """Start one Prism per spec, in parallel; retry a spec whose port was taken meanwhile."""
    pending = {spec: start_prism(executable, spec, log_dir) for spec in specs}
    attempts = dict.fromkeys(specs, 1)
    ready: list[PrismServer] = []
    deadline = time.monotonic() + READY_TIMEOUT
    try:
        while pending:
            for spec, server in list(pending.items()):
                if server.process.poll() is not None:
                    server.stop()
                    if attempts[spec] >= 3:
                        raise RuntimeError(
                            f"Prism for {spec.name} exited with {server.process.returncode}:\n{server.log_tail()}"
                        )
                    attempts[spec] += 1
                    pending[spec] = start_prism(executable, spec, log_dir)
                elif is_ready(server):
                    ready.append(pending.pop(spec))
            if pending and time.monotonic() > deadline:
                tails = "\n".join(f"--- {s.spec.name}:\n{s.log_tail()}" for s in pending.values())
                raise RuntimeError(f"Prism did not listen within {READY_TIMEOUT:.0f} s:\n{tails}")
            if pending:
                time.sleep(0.2)
    except BaseException:
        for server in [*ready, *pending.values()]:
            server.stop()
        raise
    return sorted(ready, key=lambda server: server.service)


@dataclass(frozen=True)
class Exchange:
    """One request as signed and sent, and Prism's answer."""

    method: str
    url: str
    request_headers: dict[str, str]
    prefer: str | None
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def violations(self) -> list[dict[str, Any]]:
        raw = self.headers.get("sl-violations")
        return list(json.loads(raw)) if raw else []

    @property
    def request_violations(self) -> list[dict[str, Any]]:
        return [v for v in self.violations if v.get("location", [""])[0] == "request"]

    @property
    def response_violations(self) -> list[dict[str, Any]]:
        return [v for v in self.violations if v.get("location", [""])[0] == "response"]

    @property
    def prism_problem(self) -> dict[str, Any] | None:
        """Prism's own error (no route, unsupported Prefer, invalid request...), not a spec response."""
        if not self.headers.get("content-type", "").startswith("application/problem+json"):
            return None
        try:
            problem = json.loads(self.body)
        except ValueError:
            return None
        if isinstance(problem, dict) and str(problem.get("type", "")).startswith(PRISM_ERROR_TYPE):
            return problem
        return None

    def describe(self) -> str:
        return f"{self.method} {self.url} (Prefer: {self.prefer}) -> {self.status}"


class PrismAuth(httpx.Auth):
    """Test-only auth: adds Prism's ``Prefer`` header, then signs with the wrapped AK/SK auth.

    ``Prefer`` is added before signing, so it is signed like every other header. Each
    exchange (the signed request and Prism's response) is recorded for the checks. A test
    token goes in ``X-Auth-Token`` too, so that operations accepting only a token (IAM's
    securitytokens) satisfy their security scheme as well as the AK/SK ones.
    """

    requires_request_body = True
    requires_response_body = True

    def __init__(self, inner: httpx.Auth) -> None:
        self._inner = inner
        self.prefer: str | None = None
        self.exchanges: list[Exchange] = []

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.prefer:
            request.headers["Prefer"] = self.prefer
        request.headers["X-Auth-Token"] = "prism-test-token"
        flow = self._inner.auth_flow(request)
        signed = next(flow)
        response = yield signed
        self.exchanges.append(
            Exchange(
                method=signed.method,
                url=str(signed.url),
                request_headers=dict(signed.headers),
                prefer=self.prefer,
                status=response.status_code,
                headers=response.headers,
                body=response.content,
            )
        )
        try:
            flow.send(response)
        except StopIteration:
            return
        raise AssertionError("the wrapped auth asked for a second round trip")
