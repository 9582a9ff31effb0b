"""A deliberately misbehaving HTTP server on 127.0.0.1, scripted per connection with raw bytes.

``HostileServer(script)`` calls ``script(conn, request_head)`` for every request it reads;
the script writes whatever it likes (garbage status lines, endless or bombing bodies, resets).
Helpers below build the common hostile answers.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable

Script = Callable[[socket.socket, bytes], None]


def read_request(conn: socket.socket) -> bytes:
    """Read one request (head and Content-Length body); b'' if the client went away."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head


def reset(conn: socket.socket) -> None:
    """Close with RST instead of FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def head(status: str = "200 OK", headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def send_large(conn: socket.socket, size: int, *, chunk: bytes = b"x" * 65536) -> int:
    """A JSON-ish 200 body of ``size`` bytes, streamed without holding it in memory.

    Returns how many bytes of the body went out before the client closed the connection (``size`` if it did not).
    """
    conn.sendall(head(headers={"Content-Type": "application/json", "Content-Length": str(size)}))
    sent = 0
    try:
        while sent < size:
            piece = chunk[: size - sent]
            conn.sendall(piece)
            sent += len(piece)
    except OSError:
        pass
    return sent


TRICKLE_INTERVAL = 0.2
"""Seconds between two pieces of a trickling answer: each read gets something long before a read timeout."""
TRICKLE_LIMIT = 30.0
"""A trickling answer stops by itself after this long, so a server never outlives a failed test for ever."""


def _trickle(conn: socket.socket, pieces: Iterable[bytes]) -> None:
    """Send ``pieces`` one per ``TRICKLE_INTERVAL``, until the client goes away or ``TRICKLE_LIMIT`` passes."""
    ends = time.monotonic() + TRICKLE_LIMIT
    try:
        for piece in pieces:
            if time.monotonic() > ends:
                return
            conn.sendall(piece)
            time.sleep(TRICKLE_INTERVAL)
    except OSError:
        pass  # the client closed the connection


def drip_head(conn: socket.socket, request: bytes) -> None:
    """A status line and headers, one byte at a time, never finished."""
    endless_header = itertools.chain(b"HTTP/1.1 200 OK\r\nX-Drip: ", itertools.repeat(ord("a")))
    _trickle(conn, (bytes([byte]) for byte in endless_header))


def processing_forever(conn: socket.socket, request: bytes) -> None:
    """Interim ``102 Processing`` responses, and never a final one."""
    _trickle(conn, itertools.repeat(b"HTTP/1.1 102 Processing\r\n\r\n"))


def drip_body(conn: socket.socket, request: bytes) -> None:
    """Complete headers of a 1000-byte JSON body, then the body one byte at a time."""
    conn.sendall(head(headers={"Content-Type": "application/json", "Content-Length": "1000"}))
    _trickle(conn, itertools.repeat(b" ", 1000))


def gzip_bomb(inflated: int) -> bytes:
    """A gzip stream of ``inflated`` zero bytes (about 1000:1)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(inflated >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


class HostileServer:
    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[bytes] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._handlers: list[threading.Thread] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            handler = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._handlers.append(handler)
            handler.start()

    def idle(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s until every connection has ended (the client closed it); True if so."""
        ends = time.monotonic() + timeout
        for handler in list(self._handlers):
            handler.join(max(0.0, ends - time.monotonic()))
        return not any(handler.is_alive() for handler in self._handlers)

    def _handle(self, conn: socket.socket) -> None:
        try:
            while True:
                request = read_request(conn)
                if not request:
                    return
                self.requests.append(request)
                self.script(conn, request)
                if conn.fileno() == -1:
                    return
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                conn.close()

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)  # wakes the accept() in _serve (close alone does not)
        self._sock.close()
        self._thread.join(5)
