"""A minimal, fast HTTP/1.1 server for the benchmarks (raw asyncio protocol, no dependencies).

Run it as its own process so that it does not compete with the client for the GIL:

    python bench/server.py [--port 0] [--lifetime 900]

It listens on 127.0.0.1 only, prints ``PORT <n>`` on stdout once it accepts
connections, and exits when stdin closes (its parent went away), on SIGTERM, or
after ``--lifetime`` seconds, whichever comes first. Connections are kept alive
and use TCP_NODELAY. Routes:

* ``POST /v5/{project_id}/jobs/{job_id}/stop`` (DRS) → ``{"status":"success"}``
* ``POST /v1.0/{project_id}/streaming/jobs/stop`` (DLI) → one
  ``{"is_success":true,"message":"..."}`` per id in the request's ``job_ids``
* ``GET /v5/{project_id}/jobs/{job_id}?type=overview`` (DRS ``show_job``) → a ``ShowJobResponse``
  shaped like openapi/drs.yaml's example: ``job.status`` is ``RELEASE_RESOURCE_STARTED`` for the
  first ``polls - 1`` reads of a job id and ``RELEASE_RESOURCE_COMPLETE`` from then on
  (``polls`` set with ``/__config``, default 1)
* ``GET /__stats`` → ``{"connections": accepted so far, "requests": answered so far (not counting these),
  "throttled": DRS stops answered 429}``
* ``GET /__config?slow_every=N&slow_ms=M&polls=P&admit=A`` → sets the slow pattern (every N-th DRS stop is
  answered M ms late; 0 turns it off), the polls until a job reads as ended, and the flow control of DRS
  stops (``admit`` per second from a token bucket holding ``admit / 20``, at least 1; above it
  ``429`` with an API gateway's throttling error; 0 turns it off); answers the settings
* anything else → 404

Late answers are written with ``loop.call_later``: fine for clients that do not pipeline (httpx).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
import time

_DRS_BODY = b'{"status":"success"}'
_NOT_FOUND = b'{"error_code":"BENCH.404","error_msg":"no route"}'
_BAD_REQUEST = b'{"error_code":"BENCH.400","error_msg":"bad request"}'
_MAX_HEADER = 64 * 1024
# Counters for GET /__stats: keep-alive at work shows as few connections for many requests.
_STATS = {"connections": 0, "requests": 0, "throttled": 0}
# Set through GET /__config: every slow_every-th DRS stop answered slow_ms late; polls per job.
_CONFIG = {"slow_every": 0, "slow_ms": 0, "polls": 1, "admit": 0}
_BUCKET = {"tokens": 0.0, "at": 0.0}
_COUNTERS = {"drs_stops": 0}
_POLLS: dict[bytes, int] = {}


def _response(status: bytes, body: bytes) -> bytes:
    return b"".join(
        (
            b"HTTP/1.1 ",
            status,
            b"\r\nContent-Type: application/json\r\nX-Request-Id: bench\r\nContent-Length: ",
            str(len(body)).encode("ascii"),
            b"\r\n\r\n",
            body,
        )
    )


_DRS_RESPONSE = _response(b"200 OK", _DRS_BODY)
_THROTTLED_RESPONSE = _response(
    b"429 Too Many Requests", b'{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}'
)
_NOT_FOUND_RESPONSE = _response(b"404 Not Found", _NOT_FOUND)
_BAD_REQUEST_RESPONSE = _response(b"400 Bad Request", _BAD_REQUEST)


def _dli_response(body: bytes) -> bytes:
    try:
        job_ids = json.loads(body)["job_ids"]
        items = [f'{{"is_success":true,"message":"stop of job {int(job)} delivered"}}' for job in job_ids]
    except (ValueError, KeyError, TypeError):
        return _BAD_REQUEST_RESPONSE
    return _response(b"200 OK", ("[" + ",".join(items) + "]").encode("ascii"))


def _show_job_response(job_id: bytes) -> bytes:
    """DRS show_job (type=overview), as in openapi/drs.yaml's ``ended`` example; ends after ``polls`` reads."""
    seen = _POLLS.get(job_id, 0) + 1
    _POLLS[job_id] = seen
    status = "RELEASE_RESOURCE_COMPLETE" if seen >= _CONFIG["polls"] else "RELEASE_RESOURCE_STARTED"
    job = {
        "id": job_id.decode("ascii", "replace"),
        "status": status,
        "create_time": "1698135000000",
        "task_version": "v1",
        "base_info": {
            "name": "DRS-mysql-sync-01",
            "job_type": "sync",
            "engine_type": "mysql-to-mysql",
            "job_direction": "up",
            "task_type": "FULL_INCR_TRANS",
            "net_type": "eip",
            "charging_mode": "on_demand",
            "enterprise_project_id": "0",
            "multi_write": False,
        },
    }
    return _response(b"200 OK", json.dumps({"job": job}, separators=(",", ":")).encode("ascii"))


def _configure(target: bytes) -> bytes:
    query = target.split(b"?", 1)[1] if b"?" in target else b""
    for pair in query.decode("ascii", "replace").split("&"):
        name, _, value = pair.partition("=")
        if name in _CONFIG:
            _CONFIG[name] = int(value)
    if "polls=" in query.decode("ascii", "replace"):
        _POLLS.clear()
    _COUNTERS["drs_stops"] = 0
    _STATS["throttled"] = 0
    _BUCKET["tokens"], _BUCKET["at"] = max(1.0, _CONFIG["admit"] / 20), time.monotonic()
    return _response(b"200 OK", json.dumps(_CONFIG).encode("ascii"))


def delay_of(method: bytes, target: bytes) -> float:
    """Seconds to hold this request's answer: every ``slow_every``-th DRS stop is slow."""
    every = _CONFIG["slow_every"]
    if every <= 0 or method != b"POST" or not target.startswith(b"/v5/") or not target.endswith(b"/stop"):
        return 0.0
    _COUNTERS["drs_stops"] += 1
    return _CONFIG["slow_ms"] / 1000 if _COUNTERS["drs_stops"] % every == 0 else 0.0


def admitted() -> bool:
    """The flow control of DRS stops: a token bucket of ``admit`` per second (off when 0)."""
    rate = _CONFIG["admit"]
    if rate <= 0:
        return True
    now = time.monotonic()
    tokens = min(max(1.0, rate / 20), _BUCKET["tokens"] + (now - _BUCKET["at"]) * rate)
    _BUCKET["at"] = now
    if tokens < 1:
        _BUCKET["tokens"] = tokens
        _STATS["throttled"] += 1
        return False
    _BUCKET["tokens"] = tokens - 1
    return True


def route(method: bytes, target: bytes, body: bytes) -> bytes:
    path, _, query = target.partition(b"?")
    if method == b"GET" and path == b"/__stats":  # not counted itself
        return _response(b"200 OK", json.dumps(_STATS).encode("ascii"))
    if method == b"GET" and path == b"/__config":
        return _configure(target)
    _STATS["requests"] += 1
    if method == b"GET" and path.startswith(b"/v5/") and b"/jobs/" in path and b"type=overview" in query:
        return _show_job_response(path.rsplit(b"/", 1)[1])
    if method == b"POST" and path.endswith(b"/stop"):
        if path.startswith(b"/v5/") and b"/jobs/" in path:
            return _DRS_RESPONSE if admitted() else _THROTTLED_RESPONSE
        if path.startswith(b"/v1.0/") and path.endswith(b"/streaming/jobs/stop"):
            return _dli_response(body)
    return _NOT_FOUND_RESPONSE


class HttpProtocol(asyncio.Protocol):
    """HTTP/1.1 with keep-alive and pipelining; Content-Length bodies only (what httpx sends)."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._transport: asyncio.Transport | None = None
        # Set once a request head is parsed and its body is still arriving.
        self._pending: tuple[bytes, bytes, int, bool] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        _STATS["connections"] += 1
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        transport = self._transport
        assert transport is not None
        out: list[bytes] = []
        close = False
        while True:
            if self._pending is None:
                end = self._buffer.find(b"\r\n\r\n")
                if end < 0:
                    if len(self._buffer) > _MAX_HEADER:
                        out.append(_BAD_REQUEST_RESPONSE)
                        close = True
                    break
                head = bytes(self._buffer[:end])
                del self._buffer[: end + 4]
                lines = head.split(b"\r\n")
                parts = lines[0].split(b" ")
                if len(parts) != 3:
                    out.append(_BAD_REQUEST_RESPONSE)
                    close = True
                    break
                length = 0
                keep_alive = parts[2] == b"HTTP/1.1"
                for line in lines[1:]:
                    name, _, value = line.partition(b":")
                    lowered = name.strip().lower()
                    if lowered == b"content-length":
                        length = int(value)
                    elif lowered == b"connection":
                        token = value.strip().lower()
                        keep_alive = token != b"close" and (keep_alive or token == b"keep-alive")
                self._pending = (parts[0], parts[1], length, keep_alive)
            method, target, length, keep_alive = self._pending
            if len(self._buffer) < length:
                break
            body = bytes(self._buffer[:length])
            del self._buffer[:length]
            self._pending = None
            delay = delay_of(method, target)
            if delay > 0:  # written later, with what was queued before it (no pipelining expected)
                out.append(route(method, target, body))
                asyncio.get_running_loop().call_later(delay, self._write, b"".join(out), not keep_alive)
                out = []
                if not keep_alive:
                    return
                continue
            out.append(route(method, target, body))
            if not keep_alive:
                close = True
                break
        if out:
            transport.write(b"".join(out) if len(out) > 1 else out[0])
        if close:
            transport.close()

    def _write(self, data: bytes, close: bool) -> None:
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        transport.write(data)
        if close:
            transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._transport = None


async def serve(port: int, lifetime: float) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(HttpProtocol, "127.0.0.1", port, backlog=1024, reuse_address=True)
    bound = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"PORT {bound}\n")
    sys.stdout.flush()
    stop = asyncio.Event()
    with contextlib.suppress(NotImplementedError):
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
    # Stop when the parent closes our stdin (it exited or is done with us).
    with contextlib.suppress(OSError, ValueError):
        loop.add_reader(sys.stdin.fileno(), lambda: None if os.read(sys.stdin.fileno(), 4096) else stop.set())
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=lifetime)
    server.close()
    await server.wait_closed()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--lifetime", type=float, default=900.0, help="exit after this many seconds at most")
    args = parser.parse_args(argv)
    asyncio.run(serve(args.port, args.lifetime))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
