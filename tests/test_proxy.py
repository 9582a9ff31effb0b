"""Proxies as httpx users expect them: HTTP_PROXY is honoured (trust_env) and NO_PROXY bypasses it.

A tiny absolute-form forward proxy and a target server, both on loopback, in threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import httpx
import pytest

pytestmark = pytest.mark.usefixtures("loopback_only")  # no test reaches past 127.0.0.1

PROXY_VARIABLES = [
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
]


@pytest.fixture(autouse=True)
def _no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def serve(handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class Target(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        body = b"target"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Proxy(BaseHTTPRequestHandler):
    """Forwards absolute-form requests (``GET http://host/path``) and records them."""

    seen: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        Proxy.seen.append(self.path)
        if not self.path.startswith("http://"):
            self.send_error(400, "absolute-form expected")
            return
        with httpx.Client(trust_env=False) as client:
            upstream = client.get(self.path)
        self.send_response(upstream.status_code)
        self.send_header("Via", "1.1 test-proxy")
        self.send_header("Content-Length", str(len(upstream.content)))
        self.end_headers()
        self.wfile.write(upstream.content)


@pytest.fixture
def servers() -> Iterator[tuple[str, str]]:
    Proxy.seen = []
    target, target_url = serve(Target)
    proxy, proxy_url = serve(Proxy)
    try:
        yield target_url, proxy_url
    finally:
        for server in (target, proxy):
            server.shutdown()
            server.server_close()


def test_http_proxy_is_used(servers: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    target_url, proxy_url = servers
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    with httpx.Client(trust_env=True) as client:
        response = client.get(f"{target_url}/v3/jobs")
    assert response.text == "target"
    assert response.headers["Via"] == "1.1 test-proxy"
    assert Proxy.seen == [f"{target_url}/v3/jobs"]


def test_no_proxy_bypasses_the_proxy(servers: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    target_url, proxy_url = servers
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with httpx.Client(trust_env=True) as client:
        response = client.get(f"{target_url}/v3/jobs")
    assert response.text == "target" and "Via" not in response.headers
    assert Proxy.seen == []


def test_trust_env_false_ignores_the_proxy(servers: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    target_url, proxy_url = servers
    monkeypatch.setenv("HTTP_PROXY", proxy_url)
    with httpx.Client(trust_env=False) as client:
        assert "Via" not in client.get(target_url).headers
    assert Proxy.seen == []


def test_explicit_proxy_argument(servers: tuple[str, str]) -> None:
    target_url, proxy_url = servers
    with httpx.Client(proxy=proxy_url) as client:
        assert client.get(target_url).headers["Via"] == "1.1 test-proxy"
    assert Proxy.seen == [f"{target_url}/"]
