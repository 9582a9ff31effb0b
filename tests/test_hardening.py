"""Hostile servers, hostile input and lifecycle misuse: every failure is a typed, bounded, secret-free error."""

from __future__ import annotations

import asyncio
import gc
import json
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from hostile_server import HostileServer, gzip_bomb, head, reset, send_large

from huaweicloud_jobs import (
    AsyncCloud,
    ClientClosedError,
    ClientTimeoutError,
    Cloud,
    ConnectionFailedError,
    HuaweiCloudJobsError,
    InvalidParameterError,
    ResponseTooLargeError,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    UnexpectedStatusError,
    bulk_call_async,
)
from huaweicloud_jobs_core import _defaults
from huaweicloud_jobs_core._exceptions import MAX_BODY_BYTES

from conftest import PROJECT_ID
from local_server import LocalServer

JOB = "0123456789abcdef0123456789abcdef"


def _cloud(base_url: str, **options: object) -> Cloud:
    settings: dict[str, object] = {
        "token": "static-token",
        "project_id": PROJECT_ID,
        "endpoints": {"drs": base_url, "dli": base_url, "lakeformation": base_url, "aom": base_url},
        "allow_http": True,
        "retry": RetryPolicy.disabled(),
        "timeout": httpx.Timeout(5.0, connect=2.0),
    }
    settings.update(options)
    return Cloud(**settings)  # type: ignore[arg-type]


def _ok(conn: socket.socket, body: bytes = b'{"job_id": "x", "status": "success"}') -> None:
    conn.sendall(head(headers={"Content-Type": "application/json", "Content-Length": str(len(body))}) + body)


# --------------------------------------------------------------------------- oversized and hostile input


@pytest.mark.parametrize("size", [_defaults.MAX_PATH_VALUE_CHARS + 1, 70 * 1024, 10 * 1024 * 1024])
def test_oversized_job_id_is_refused_before_anything_is_built(server: LocalServer, size: int) -> None:
    with _cloud(server.base_url) as cloud, pytest.raises(InvalidParameterError) as caught:
        cloud.drs.stop_job("a" * size)
    assert caught.value.parameter == "job_id"
    assert str(size) in str(caught.value) and len(str(caught.value)) < 300
    assert server.requests == []


def test_longest_allowed_job_id_is_sent(server: LocalServer) -> None:
    with _cloud(server.base_url) as cloud:
        cloud.drs.stop_job("a" * _defaults.MAX_PATH_VALUE_CHARS)
    assert len(server.requests) == 1


def test_oversized_query_and_header_values_are_refused(server: LocalServer) -> None:
    with _cloud(server.base_url) as cloud:
        with pytest.raises(InvalidParameterError) as query:
            cloud.drs.show_job(JOB, type_="progress", query_id="q" * (_defaults.MAX_QUERY_VALUE_CHARS + 1))
        assert query.value.parameter == "query_id"
        with pytest.raises(InvalidParameterError) as header:
            cloud.drs.stop_job(JOB, x_language="\r\nX-Injected: 1")  # type: ignore[arg-type]
        assert header.value.parameter == "X-Language"
    assert server.requests == []


@pytest.mark.parametrize(
    "job_id",
    [".", "..", "", "a\x00b", "a\r\nb", "\ud800", "x\udfff", "a/../b", "..%2F", "a\\b", "\x7f", "\u2028"],
)
def test_hostile_ids_are_refused_or_sent_verbatim_in_one_segment(server: LocalServer, job_id: str) -> None:
    with _cloud(server.base_url) as cloud:
        try:
            cloud.drs.stop_job(job_id)
        except InvalidParameterError as refused:
            assert refused.parameter == "job_id"
            assert server.requests == []
            return
    sent = server.requests[-1].path
    prefix, suffix = f"/v5/{PROJECT_ID}/jobs/", "/stop"
    assert sent.startswith(prefix) and sent.endswith(suffix)
    assert unquote(sent[len(prefix) : -len(suffix)]) == job_id


# --------------------------------------------------------------------------- hostile responses


def test_huge_success_body_raises_response_too_large_and_closes() -> None:
    size = 400 * 1024 * 1024
    sent: list[int] = []

    def huge(conn: socket.socket, request: bytes) -> None:
        sent.append(send_large(conn, size))

    with HostileServer(huge) as hostile, _cloud(hostile.base_url, max_response_bytes=64 * 1024) as cloud:
        with pytest.raises(ResponseTooLargeError) as caught:
            cloud.drs.stop_job(JOB)
        assert hostile.idle(10), "the connection was left open"
    # Declared too large: not read, the connection closed; what the server got out is what the
    # socket buffers held, not the body.
    assert len(sent) == 1 and sent[0] < size // 8, f"{sent} bytes of {size} were sent"
    assert caught.value.limit == 64 * 1024
    assert isinstance(caught.value, ResponseValidationError)
    assert len(caught.value.body) <= MAX_BODY_BYTES


def test_huge_chunked_success_body_stops_at_the_cap() -> None:
    def chunked(conn: socket.socket, request: bytes) -> None:
        conn.sendall(head(headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
        piece = b"x" * 65536
        try:
            for _ in range(2000):  # 128 MiB if nobody stops reading
                conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            conn.sendall(b"0\r\n\r\n")
        except OSError:
            pass

    with (
        HostileServer(chunked) as hostile,
        _cloud(hostile.base_url, max_response_bytes=256 * 1024) as cloud,
        pytest.raises(ResponseTooLargeError),
    ):
        cloud.drs.stop_job(JOB)


def test_gzip_bomb_raises_response_too_large() -> None:
    bomb = gzip_bomb(256 * 1024 * 1024)

    def bombing(conn: socket.socket, request: bytes) -> None:
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": str(len(bomb))}
        conn.sendall(head(headers=headers) + bomb)

    with (
        HostileServer(bombing) as hostile,
        _cloud(hostile.base_url) as cloud,
        pytest.raises(ResponseTooLargeError) as caught,
    ):
        cloud.drs.stop_job(JOB)
    assert caught.value.limit == _defaults.MAX_RESPONSE_BYTES


def test_small_gzip_and_deflate_bodies_are_decoded() -> None:
    import zlib

    body = json.dumps({"id": JOB, "status": "success"}).encode()
    encoded = {"gzip": zlib.compress(body, wbits=16 + zlib.MAX_WBITS), "deflate": zlib.compress(body)}
    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    encoded["raw"] = raw_deflate.compress(body) + raw_deflate.flush()
    for name, data in encoded.items():
        encoding = "deflate" if name == "raw" else name

        def answer(conn: socket.socket, request: bytes, data: bytes = data, encoding: str = encoding) -> None:
            conn.sendall(head(headers={"Content-Encoding": encoding, "Transfer-Encoding": "chunked"}))
            conn.sendall(b"%x\r\n%s\r\n0\r\n\r\n" % (len(data), data))

        with HostileServer(answer) as hostile, _cloud(hostile.base_url) as cloud:
            assert cloud.drs.stop_job(JOB).id == JOB


def test_huge_error_body_is_cut_and_still_a_status_error() -> None:
    def error(conn: socket.socket, request: bytes) -> None:
        conn.sendall(head("500 Internal Server Error", {"Transfer-Encoding": "chunked"}))
        try:
            for _ in range(1000):
                conn.sendall(b"10000\r\n" + b"<" * 65536 + b"\r\n")
        except OSError:
            pass

    with (
        HostileServer(error) as hostile,
        _cloud(hostile.base_url, max_response_bytes=128 * 1024) as cloud,
        pytest.raises(ServerError) as caught,
    ):
        cloud.drs.stop_job(JOB)
    assert caught.value.status_code == 500
    assert len(caught.value.body) <= MAX_BODY_BYTES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("truncated", ConnectionFailedError),
        ("garbage status line", ConnectionFailedError),
        ("no status line", ConnectionFailedError),
        ("malformed json", ResponseValidationError),
        ("reset mid-body", ConnectionFailedError),
        ("bad gzip", ConnectionFailedError),
        ("switching protocols", UnexpectedStatusError),
        ("undocumented 1xx then close", ConnectionFailedError),
        ("undocumented 299", UnexpectedStatusError),
    ],
)
def test_hostile_answers_are_typed_errors(name: str, expected: type[Exception]) -> None:
    def answer(conn: socket.socket, request: bytes) -> None:
        if name == "truncated":
            conn.sendall(head(headers={"Content-Length": "100"}) + b'{"job_id": "x"')
            conn.close()
        elif name == "garbage status line":
            conn.sendall(b"HTTP/1.1 2OO OK\r\n\r\n")
            conn.close()
        elif name == "no status line":
            conn.sendall(b"\x00\xff\xfe garbage\r\n\r\n")
            conn.close()
        elif name == "malformed json":
            _ok(conn, b'{"job_id": "x", ')
        elif name == "reset mid-body":
            conn.sendall(head(headers={"Content-Length": "100000"}) + b"{" * 1000)
            reset(conn)
        elif name == "bad gzip":
            conn.sendall(head(headers={"Content-Encoding": "gzip", "Content-Length": "20"}) + b"\x1f\x8b" + b"x" * 18)
        elif name == "switching protocols":
            conn.sendall(head("101 Switching Protocols", {"Upgrade": "h2c", "Connection": "Upgrade"}))
            conn.close()
        elif name == "undocumented 1xx then close":
            conn.sendall(head("103 Early Hints"))
            conn.close()
        elif name == "undocumented 299":
            conn.sendall(head("299 Odd", {"Content-Length": "0"}))

    with (
        HostileServer(answer) as hostile,
        _cloud(hostile.base_url) as cloud,
        pytest.raises(HuaweiCloudJobsError) as caught,
    ):
        cloud.drs.stop_job(JOB)
    assert type(caught.value) is expected, repr(caught.value)


def test_slow_drip_body_hits_the_attempt_deadline() -> None:
    def drip(conn: socket.socket, request: bytes) -> None:
        conn.sendall(head(headers={"Content-Type": "application/json", "Content-Length": "1000"}))
        try:
            for _ in range(1000):
                conn.sendall(b" ")
                time.sleep(0.05)
        except OSError:
            pass

    timeout = httpx.Timeout(0.4, connect=1.0)  # each read within 0.4 s, the whole attempt within 0.8 s
    with HostileServer(drip) as hostile, _cloud(hostile.base_url, timeout=timeout) as cloud:
        started = time.monotonic()
        with pytest.raises(ClientTimeoutError) as caught:
            cloud.drs.stop_job(JOB)
        assert time.monotonic() - started < 3
    assert "no complete response within 0.8 s" in str(caught.value)


def test_max_response_bytes_is_checked() -> None:
    for bad in (0, -1, 100, True, 1.5, "8MiB"):
        with pytest.raises(InvalidParameterError) as caught:
            _cloud("http://127.0.0.1:1", max_response_bytes=bad)
        assert caught.value.parameter == "max_response_bytes"


PEAK_SCRIPT = textwrap.dedent(
    """
    import resource, socket, sys, threading
    sys.path[:0] = sys.argv[1:3]
    import httpx
    from hostile_server import HostileServer, gzip_bomb, head
    from huaweicloud_jobs import Cloud, ResponseTooLargeError, RetryPolicy

    bomb = gzip_bomb(2 * 1024 * 1024 * 1024)  # 2 GiB of zeros, ~2 MiB compressed
    def bombing(conn, request):
        headers = {"Content-Encoding": "gzip", "Content-Length": str(len(bomb))}
        try:
            conn.sendall(head(headers=headers) + bomb)
        except OSError:
            pass

    with HostileServer(bombing) as server:
        cloud = Cloud(token="t", project_id="0" * 32, endpoints={"drs": server.base_url}, allow_http=True,
                      retry=RetryPolicy.disabled())
        cloud.drs.stop_job("warm-up") if False else None
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for _ in range(3):
            try:
                cloud.drs.stop_job("j")
            except ResponseTooLargeError:
                pass
            else:
                raise SystemExit("no ResponseTooLargeError")
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cloud.close()
    print((after - before) * 1024)
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's unit")
def test_peak_memory_of_a_gzip_bomb_is_bounded() -> None:
    tests = Path(__file__).parent
    result = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(tests), str(tests.parent / "tools")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    grown = int(result.stdout.split()[-1])
    print(f"peak RSS growth for a 2 GiB gzip bomb: {grown / 2**20:.1f} MiB")
    assert grown < 64 * 2**20


# --------------------------------------------------------------------------- lifecycle


def test_async_cloud_works_across_event_loops(server: LocalServer) -> None:
    cloud = AsyncCloud(token="t", project_id=PROJECT_ID, endpoints=server.endpoints(), allow_http=True)

    async def stop() -> str:
        return str((await cloud.drs.stop_job(JOB)).status)

    first = asyncio.run(stop())
    gc.collect()
    second = asyncio.run(stop())  # a new loop: raised "RuntimeError: Event loop is closed"
    assert first and second

    async def close() -> None:
        await cloud.aclose()

    asyncio.run(close())
    with pytest.raises(ClientClosedError):
        asyncio.run(stop())


def test_closed_clouds_raise_client_closed(server: LocalServer) -> None:
    cloud = _cloud(server.base_url)
    service = cloud.drs
    cloud.close()
    with pytest.raises(ClientClosedError):
        service.stop_job(JOB)
    with pytest.raises(ClientClosedError):
        cloud.drs.stop_job(JOB)

    async def run() -> None:
        async with AsyncCloud(token="t", project_id=PROJECT_ID, endpoints=server.endpoints(), allow_http=True) as aio:
            await aio.drs.stop_job(JOB)
        with pytest.raises(ClientClosedError):
            await aio.drs.stop_job(JOB)

    asyncio.run(run())


def test_cancelled_bulk_run_keeps_what_finished() -> None:
    flushed: list[object] = []

    async def call(key: int) -> int:
        if key >= 3:
            await asyncio.sleep(60)
        return key * 10

    async def run() -> None:
        task = asyncio.ensure_future(bulk_call_async(range(6), call, concurrency=6, on_outcome=flushed.append))
        while len(flushed) < 3:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError) as caught:
            await task
        outcomes = caught.value.outcomes  # type: ignore[attr-defined]
        assert [(o.key, o.result) for o in outcomes] == [(0, 0), (1, 10), (2, 20)]

    asyncio.run(run())
    assert sorted(o.key for o in flushed) == [0, 1, 2]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- misc


@pytest.fixture
def drip_server() -> Iterator[HostileServer]:
    with HostileServer(lambda conn, request: _ok(conn)) as hostile:
        yield hostile
