"""A local stand-in for the cloud's API gateway, driven by the specs in openapi/.

It listens on 127.0.0.1, answers every operation of every spec with that
operation's documented success example, and records each request exactly as
received (raw path, headers, body). Tests script faults on top: queued
responses (any status, headers and raw body), stalls and connection resets.

    with LocalServer() as server:
        server.base_url                      # http://127.0.0.1:PORT
        server.enqueue(Reply(503), Reply(200, body=b'{"status":"success"}'))
        ...
        server.requests[-1].path             # what arrived
"""

from __future__ import annotations

import json
import re
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

SPECS = Path(__file__).resolve().parent.parent / "openapi"


@dataclass(frozen=True)
class Reply:
    """A scripted answer. ``reset`` closes the socket abruptly after the headers; ``delay`` stalls first."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    operation: str | None

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class Route:
    service: str
    operation: str
    method: str
    pattern: re.Pattern[str]
    default: Reply


def _success_reply(operation: dict[str, Any]) -> Reply:
    for status, response in sorted(operation["responses"].items()):
        if str(status).startswith("2"):
            headers = {name: "req-" + name.lower() for name in response.get("headers", {})}
            media = response.get("content", {}).get("application/json")
            if media is None:
                return Reply(int(status), headers=headers)
            examples: dict[str, Any] = media.get("examples", {})
            first: dict[str, Any] = next(iter(examples.values()), {})
            example = first.get("value", {})
            return Reply(int(status), json.dumps(example).encode(), {"Content-Type": "application/json", **headers})
    raise ValueError(f"operation {operation['operationId']} documents no 2xx response")


def load_routes(specs: Path = SPECS) -> list[Route]:
    routes = []
    for spec_path in sorted(specs.glob("*.yaml")):
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        for path, item in spec["paths"].items():
            regex = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$"
            for method, operation in item.items():
                if method in ("get", "put", "post", "delete", "patch"):
                    routes.append(
                        Route(
                            spec_path.stem,
                            operation["operationId"],
                            method.upper(),
                            re.compile(regex),
                            _success_reply(operation),
                        )
                    )
    return routes


class LocalServer:
    def __init__(self, specs: Path = SPECS) -> None:
        self.routes = load_routes(specs)
        self.requests: list[Received] = []
        self._queue: deque[Reply] = deque()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls on small responses

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def handle_one_request(self) -> None:
                try:
                    super().handle_one_request()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (e.g. a read timeout)
                    self.close_connection = True

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                raw_path = self.path.split("?", 1)[0]
                route = next((r for r in server.routes if r.method == self.command and r.pattern.match(raw_path)), None)
                with server._lock:
                    server.requests.append(
                        Received(
                            self.command,
                            self.path,
                            dict(self.headers.items()),
                            body,
                            route.operation if route else None,
                        )
                    )
                    reply = server._queue.popleft() if server._queue else None
                if reply is None:
                    reply = route.default if route else Reply(404, b'{"error_code":"LOCAL.404","error_msg":"no route"}')
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                headers = dict(reply.headers)
                if not any(name.lower() == "x-request-id" for name in headers):
                    headers["X-Request-Id"] = f"local-{len(server.requests)}"
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.reset:
                    # RST instead of FIN: the client sees a reset mid-response.
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                self.wfile.write(reply.body)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base_url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}"

    def enqueue(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def reset(self) -> None:
        """Forget the recorded requests and the replies still queued (one server for many tests)."""
        with self._lock:
            self.requests.clear()
            self._queue.clear()

    def endpoints(self) -> dict[str, str]:
        """Every service pointed at this server (the ``endpoints=`` argument of a cloud)."""
        return {route.service: self.base_url for route in self.routes}

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
