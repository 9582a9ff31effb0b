"""Pooled connections the server has closed are retired before a request is sent on them.

httpcore asks each idle pooled connection whether it is readable (``get_extra_info("is_readable")``):
an idle HTTP/1.1 connection with something to read has been closed by the server. The runtime's
socket wrappers (``_deadline_sockets``) answer that question from the socket they keep, instead of
asking anyio's stream, whose answer rebuilds a table of attributes on every call.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from hostile_server import HostileServer, head

from huaweicloud_jobs import AsyncCloud, Cloud, RetryPolicy
from huaweicloud_jobs_core import _deadline_sockets

from conftest import PROJECT_ID

BODY = b'{"status": "success"}'


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    ours, theirs = socket.socketpair()
    yield ours, theirs
    ours.close()
    theirs.close()


def test_an_idle_open_socket_is_not_readable(pair: tuple[socket.socket, socket.socket]) -> None:
    assert _deadline_sockets._readable(pair[0]) is False


def test_a_socket_with_bytes_waiting_is_readable(pair: tuple[socket.socket, socket.socket]) -> None:
    pair[1].sendall(b"unasked")
    assert _deadline_sockets._readable(pair[0]) is True


def test_a_socket_whose_peer_closed_is_readable(pair: tuple[socket.socket, socket.socket]) -> None:
    pair[1].close()
    assert _deadline_sockets._readable(pair[0]) is True


def test_no_socket_or_a_closed_one_reads_as_readable(pair: tuple[socket.socket, socket.socket]) -> None:
    assert _deadline_sockets._readable(None) is True
    pair[0].close()
    assert _deadline_sockets._readable(pair[0]) is True


class _CountingStream:
    """An httpcore stream that records which extra information it was asked for."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.asked: list[str] = []

    def get_extra_info(self, info: str) -> Any:
        self.asked.append(info)
        return {"socket": self.sock, "server_addr": ("127.0.0.1", 1)}.get(info)


@pytest.mark.parametrize("wrapper", [_deadline_sockets._Stream, _deadline_sockets._AsyncStream])
def test_the_wrappers_answer_is_readable_from_their_socket(
    wrapper: Any, pair: tuple[socket.socket, socket.socket]
) -> None:
    inner = _CountingStream(pair[0])
    stream = wrapper(inner)
    assert inner.asked == ["socket"]  # once, when wrapped
    assert stream.get_extra_info("is_readable") is False
    pair[1].sendall(b"x")
    assert stream.get_extra_info("is_readable") is True
    assert inner.asked == ["socket"]
    assert stream.get_extra_info("server_addr") == ("127.0.0.1", 1)  # everything else is the inner stream's
    assert inner.asked == ["socket", "server_addr"]


class _ClosingServer:
    """Answers each request with a keep-alive 200 (no ``Connection: close``), then closes the connection."""

    def __init__(self) -> None:
        self.closed = threading.Event()

    def __call__(self, conn: socket.socket, request: bytes) -> None:
        conn.sendall(head(headers={"Content-Type": "application/json", "Content-Length": str(len(BODY))}) + BODY)
        conn.close()
        self.closed.set()


def _options(base_url: str) -> dict[str, Any]:
    return {
        "token": "static-token",
        "project_id": PROJECT_ID,
        "endpoints": {"drs": base_url},
        "allow_http": True,
        "retry": RetryPolicy.disabled(),  # a request sent on the dead connection would fail, not be retried
    }


def test_a_connection_the_server_closed_is_not_reused_sync() -> None:
    script = _ClosingServer()
    with HostileServer(script) as server, Cloud(**_options(server.base_url)) as cloud:
        for _ in range(3):
            script.closed.clear()
            assert cloud.drs.stop_job("job-1").status == "success"
            assert script.closed.wait(5)
        assert len(server.requests) == 3


def test_a_connection_the_server_closed_is_not_reused_async() -> None:
    script = _ClosingServer()

    async def run(base_url: str) -> None:
        async with AsyncCloud(**_options(base_url)) as cloud:
            for _ in range(3):
                script.closed.clear()
                assert (await cloud.drs.stop_job("job-1")).status == "success"
                assert await asyncio.to_thread(script.closed.wait, 5)

    with HostileServer(script) as server:
        asyncio.run(run(server.base_url))
        assert len(server.requests) == 3


def test_httpcore_still_asks_for_is_readable() -> None:
    """The shortcut is worth keeping only while httpcore asks this of its idle connections."""
    import inspect

    from httpcore._async import http11
    from httpcore._sync import http11 as sync_http11

    for module in (http11, sync_http11):
        assert 'get_extra_info("is_readable")' in inspect.getsource(module), module.__name__
