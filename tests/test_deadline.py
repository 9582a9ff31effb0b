"""The attempt deadline: a server that trickles forever gets a ``ClientTimeoutError`` in time.

httpx's timeouts bound each socket operation: a server that sends one byte every 0.2 s, or
``102 Processing`` forever, never trips a 0.75 s read timeout. Every attempt must still end by
its deadline (2 read timeouts: 1.5 s here), sync and asyncio, with its connection closed and
no thread or socket left behind; waiters and the command line are bounded the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hostile_server import HostileServer, Script, drip_body, drip_head, head, processing_forever, read_request
from test_cli import command_line, environment, error_of

from huaweicloud_jobs import (
    AsyncCloud,
    ClientTimeoutError,
    Cloud,
    MetadataCredentialsError,
    MetadataCredentialsProvider,
    RetryPolicy,
    WaiterTimeoutError,
)
from huaweicloud_jobs_core import _deadline, _defaults, _httpx_private

from conftest import PROJECT_ID

READ_TIMEOUT = 0.75
DEADLINE = READ_TIMEOUT * _defaults.ATTEMPT_DEADLINE_FACTOR  # 1.5 s
LIVENESS = 1.0  # the error must come within DEADLINE + LIVENESS
TRICKLES = {"drip_head": drip_head, "processing_forever": processing_forever, "drip_body": drip_body}


def _options(base_url: str, **options: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "token": "static-token",
        "project_id": PROJECT_ID,
        "endpoints": {"drs": base_url},
        "allow_http": True,
        "retry": RetryPolicy.disabled(),
        "timeout": httpx.Timeout(READ_TIMEOUT, connect=1.0),
    }
    settings.update(options)
    return settings


def _open_sockets() -> set[str]:
    """Sockets this process holds open (client and server sides alike), by inode."""
    sockets = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the listing's own descriptor, gone once listed
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:"):
                sockets.add(target)
    return sockets


@pytest.fixture
def nothing_left_behind() -> Iterator[None]:
    """No thread or socket the test opened outlives it (waiting up to 3 s for servers to wind down).

    Compared as sets, not counts: a thread or socket an earlier test left winding down may end
    during this one (as happens when test files share a worker), and that is not this test's leak.
    """
    threads, sockets = set(threading.enumerate()), _open_sockets()

    def survivors() -> tuple[set[threading.Thread], set[str]]:
        return set(threading.enumerate()) - threads, _open_sockets() - sockets

    yield
    ends = time.monotonic() + 3
    while survivors() != (set(), set()) and time.monotonic() < ends:
        time.sleep(0.05)
    left_threads, left_sockets = survivors()
    assert not left_threads, left_threads
    assert not left_sockets, left_sockets


def _sync_call(base_url: str, **options: Any) -> tuple[ClientTimeoutError, float]:
    with Cloud(**_options(base_url, **options)) as cloud:
        started = time.monotonic()
        with pytest.raises(ClientTimeoutError) as caught:
            cloud.drs.stop_job("job-1")
        return caught.value, time.monotonic() - started


def _async_call(base_url: str, **options: Any) -> tuple[ClientTimeoutError, float]:
    async def main() -> tuple[ClientTimeoutError, float]:
        async with AsyncCloud(**_options(base_url, **options)) as cloud:
            started = time.monotonic()
            with pytest.raises(ClientTimeoutError) as caught:
                await cloud.drs.stop_job("job-1")
            return caught.value, time.monotonic() - started

    return asyncio.run(main())


FLAVOURS: dict[str, Callable[..., tuple[ClientTimeoutError, float]]] = {"sync": _sync_call, "async": _async_call}


@pytest.mark.usefixtures("nothing_left_behind")
@pytest.mark.parametrize("flavour", sorted(FLAVOURS))
@pytest.mark.parametrize("trickle", sorted(TRICKLES))
def test_a_trickling_server_ends_the_attempt_at_its_deadline(trickle: str, flavour: str) -> None:
    with HostileServer(TRICKLES[trickle]) as hostile:
        error, elapsed = FLAVOURS[flavour](hostile.base_url)
        # The client closed the connection when the deadline passed: the server's side of it has ended.
        assert hostile.idle(2), "the connection was left open"
    assert elapsed < DEADLINE + LIVENESS, f"{elapsed:.2f} s"
    assert error.sent is True and len(hostile.requests) == 1
    assert f"no complete response within {DEADLINE:g} s (the attempt deadline" in str(error)


def _returns_the_connection_first(script: Script) -> Script:
    """``script``, after the first request on a connection was answered at once (so it is pooled)."""

    def answer(conn: socket.socket, request: bytes) -> None:
        body = b'{"job_id": "x", "status": "success"}'
        conn.sendall(head(headers={"Content-Type": "application/json", "Content-Length": str(len(body))}) + body)
        next_request = read_request(conn)
        if next_request:
            script(conn, next_request)

    return answer


@pytest.mark.usefixtures("nothing_left_behind")
@pytest.mark.parametrize("flavour", sorted(FLAVOURS))
def test_a_pooled_connection_is_bounded_too(flavour: str) -> None:
    def second_call(base_url: str) -> tuple[ClientTimeoutError, float]:
        if flavour == "sync":
            with Cloud(**_options(base_url)) as cloud:
                cloud.drs.stop_job("job-1")
                started = time.monotonic()
                with pytest.raises(ClientTimeoutError) as caught:
                    cloud.drs.stop_job("job-1")
                return caught.value, time.monotonic() - started

        async def main() -> tuple[ClientTimeoutError, float]:
            async with AsyncCloud(**_options(base_url)) as cloud:
                await cloud.drs.stop_job("job-1")
                started = time.monotonic()
                with pytest.raises(ClientTimeoutError) as caught:
                    await cloud.drs.stop_job("job-1")
                return caught.value, time.monotonic() - started

        return asyncio.run(main())

    with HostileServer(_returns_the_connection_first(processing_forever)) as hostile:
        error, elapsed = second_call(hostile.base_url)
        assert hostile.idle(2)
    assert elapsed < DEADLINE + LIVENESS and "the attempt deadline" in str(error)


@pytest.mark.usefixtures("nothing_left_behind")
@pytest.mark.parametrize("flavour", sorted(FLAVOURS))
def test_the_retry_policy_decides_after_a_deadline_as_after_a_read_timeout(flavour: str) -> None:
    retry = RetryPolicy(max_attempts=2, initial_backoff=0.1, max_backoff=0.1)
    with HostileServer(drip_head) as hostile:
        error, elapsed = FLAVOURS[flavour](hostile.base_url, retry=retry)  # stop_job is idempotent: sent again
        assert hostile.idle(2)
    assert len(hostile.requests) == 2 and error.sent is True
    assert elapsed < 2 * DEADLINE + 0.1 + LIVENESS


@pytest.mark.usefixtures("nothing_left_behind")
def test_a_client_of_yours_is_bounded_too() -> None:
    with HostileServer(drip_head) as hostile, httpx.Client() as mine:
        error, elapsed = _sync_call(hostile.base_url, http_client=mine)
        assert hostile.idle(2)
    assert elapsed < DEADLINE + LIVENESS and "the attempt deadline" in str(error)


@pytest.mark.usefixtures("nothing_left_behind")
def test_an_ecs_metadata_service_that_drips_is_cut_at_its_total_timeout() -> None:
    with HostileServer(drip_head) as hostile:
        provider = MetadataCredentialsProvider(base_url=hostile.base_url, read_timeout=READ_TIMEOUT, total_timeout=1.5)
        started = time.monotonic()
        with pytest.raises(MetadataCredentialsError, match="timed out"):
            provider.get_credentials()
        elapsed = time.monotonic() - started
        provider.close()
        assert hostile.idle(2)
    assert elapsed < 1.5 + LIVENESS, f"{elapsed:.2f} s"


def test_bind_wraps_httpx_transports_only_and_once() -> None:
    with (
        httpx.Client() as stock,
        httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200))) as mock,
    ):
        assert _deadline.bind(stock) is True
        backend = _httpx_private.network_backend(_httpx_private.client_transports(stock)[0])
        assert _deadline.bind(stock) is True
        assert _httpx_private.network_backend(_httpx_private.client_transports(stock)[0]) is backend
        assert _deadline.bind(mock) is False


def test_deadlines_nest_to_the_earlier_one() -> None:
    assert _deadline.current() is None
    with _deadline.within(10, "outer") as outer:
        with _deadline.within(60, "inner") as inner:
            assert inner is outer
        with _deadline.within(1, "inner") as inner:
            assert inner is not None and outer is not None and inner.at < outer.at and inner.what == "inner"
        with _deadline.within(None, "none") as same:
            assert same is outer
        assert _deadline.current() is outer
    assert _deadline.current() is None


def _answer_stop_then(poll: Script) -> Script:
    """Answer the stop at once; every poll (a GET) gets ``poll``."""

    def answer(conn: socket.socket, request: bytes) -> None:
        if request.startswith(b"GET "):
            poll(conn, request)
            return
        body = b'{"job_id": "job-1", "status": "success"}'
        conn.sendall(head(headers={"Content-Type": "application/json", "Content-Length": str(len(body))}) + body)

    return answer


@pytest.mark.usefixtures("nothing_left_behind")
@pytest.mark.parametrize("flavour", sorted(FLAVOURS))
def test_a_hanging_poll_does_not_overrun_the_waiter_deadline(flavour: str) -> None:
    wait_timeout = 2.0
    # The client's own deadline (2 x 30 s) and retries (3 attempts) would keep one poll going for minutes.
    options = _options("", timeout=None, retry=RetryPolicy())

    def wait(base_url: str) -> tuple[WaiterTimeoutError, float]:
        options["endpoints"] = {"drs": base_url}
        if flavour == "sync":
            with Cloud(**options) as cloud:
                started = time.monotonic()
                with pytest.raises(WaiterTimeoutError) as caught:
                    cloud.drs.wait_until_job_stopped("job-1", timeout=wait_timeout)
                return caught.value, time.monotonic() - started

        async def main() -> tuple[WaiterTimeoutError, float]:
            async with AsyncCloud(**options) as cloud:
                started = time.monotonic()
                with pytest.raises(WaiterTimeoutError) as caught:
                    await cloud.drs.wait_until_job_stopped("job-1", timeout=wait_timeout)
                return caught.value, time.monotonic() - started

        return asyncio.run(main())

    with HostileServer(_answer_stop_then(drip_head)) as hostile:
        error, elapsed = wait(hostile.base_url)
        assert hostile.idle(2)
    assert elapsed < wait_timeout + LIVENESS, f"{elapsed:.2f} s"
    assert error.polls == 1 and len(hostile.requests) == 1  # the poll ran into the deadline; no retry past it


@pytest.mark.slow
@pytest.mark.usefixtures("nothing_left_behind")
def test_the_command_line_timeout_bounds_the_attempt_and_the_wait() -> None:
    def run(base_url: str, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
        started = time.monotonic()
        result = subprocess.run(
            [*command_line(), "--allow-http", "--endpoint", f"drs={base_url}", *args],
            capture_output=True,
            text=True,
            env=environment(),
            timeout=30,
        )
        return result, time.monotonic() - started

    startup = 5.0  # a fresh interpreter importing the clients; the bound is a liveness check
    with HostileServer(drip_head) as hostile:
        result, elapsed = run(
            hostile.base_url, "--retries", "1", "--timeout", str(READ_TIMEOUT), "drs", "stop-job", "j"
        )
        assert hostile.idle(2)
    assert result.returncode == 6, result.stderr
    error = error_of(result)
    assert error["error"] == "ClientTimeoutError" and f"within {DEADLINE:g} s" in error["message"]
    assert elapsed < DEADLINE + startup

    with HostileServer(_answer_stop_then(drip_head)) as hostile:
        result, elapsed = run(hostile.base_url, "drs", "stop-job", "j", "--wait", "--wait-timeout", "2")
        assert hostile.idle(2)
    assert result.returncode == 6 and error_of(result)["error"] == "WaiterTimeoutError", result.stderr
    assert elapsed < 2 + startup
