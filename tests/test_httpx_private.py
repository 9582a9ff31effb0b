"""Each httpx/httpcore private attribute the runtime relies on, checked against the installed versions.

An httpx upgrade that renames or reshapes one of them fails here, naming the attribute and the
version, instead of somewhere inside a request (``_httpx_private`` holds every use).
"""

from __future__ import annotations

import asyncio
import gzip
import importlib.metadata

import httpcore
import httpx

from huaweicloud_jobs_core import _deadline_sockets, _httpx_private

VERSIONS = f"httpx {importlib.metadata.version('httpx')}, httpcore {importlib.metadata.version('httpcore')}"


def test_headers_list_is_the_header_store() -> None:
    """``Headers._list``: (raw name, lower name, value) triples that appending to adds a header."""
    assert _httpx_private.HEADERS_LIST_WORKS, f"Headers._list changed shape in {VERSIONS}"
    headers = httpx.Headers({"Host": "example.test"})
    _httpx_private.headers_list(headers).append((b"X-Sdk-Date", b"x-sdk-date", b"20261203T000000Z"))
    assert headers["x-sdk-date"] == "20261203T000000Z", f"Headers._list is not the store in {VERSIONS}"
    assert headers.raw == [(b"Host", b"example.test"), (b"X-Sdk-Date", b"20261203T000000Z")]


def test_body_in_memory_tells_read_responses_from_streams() -> None:
    """``Response._content``: present once the body is read, absent on an unread stream."""
    assert _httpx_private.body_in_memory(httpx.Response(200, content=b"{}")), f"Response._content in {VERSIONS}"
    streamed = httpx.Response(200, stream=httpx.ByteStream(b"{}"))
    assert not _httpx_private.body_in_memory(streamed), f"Response._content set before reading in {VERSIONS}"
    streamed.read()
    assert _httpx_private.body_in_memory(streamed)


def test_set_body_is_what_content_and_json_return() -> None:
    """Setting ``Response._content`` makes it the body every public accessor returns."""
    response = httpx.Response(200, stream=httpx.ByteStream(b"ignored"))
    _httpx_private.set_body(response, b'{"a": 1}')
    assert response.content == b'{"a": 1}', f"Response._content is not the body in {VERSIONS}"
    assert response.json() == {"a": 1}
    assert response.text == '{"a": 1}'


def test_content_decoder_decodes_by_chunk() -> None:
    """``Response._get_content_decoder()``: httpx's decoder for the declared Content-Encoding."""
    body = gzip.compress(b'{"job_id": "1"}' * 100)
    response = httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(body))
    decoder = _httpx_private.content_decoder(response)
    decoded = b"".join(decoder.decode(body[i : i + 7]) for i in range(0, len(body), 7)) + decoder.flush()
    assert decoded == b'{"job_id": "1"}' * 100, f"Response._get_content_decoder() changed in {VERSIONS}"


def test_client_transports_reach_every_connection_pool() -> None:
    """``Client._transport``, ``Client._mounts``, ``HTTPTransport._pool``, ``ConnectionPool._network_backend``."""
    mounted = httpx.HTTPTransport()
    with httpx.Client(mounts={"http://mounted.test": mounted}) as client:
        transports = _httpx_private.client_transports(client)
        assert len(transports) == 2 and transports[1] is mounted, f"Client._transport/_mounts changed in {VERSIONS}"
        for transport in transports:
            backend = _httpx_private.network_backend(transport)
            assert isinstance(backend, httpcore.NetworkBackend), f"HTTPTransport._pool changed in {VERSIONS}"
            wrapped = _deadline_sockets.Backend(backend)
            _httpx_private.set_network_backend(transport, wrapped)
            assert _httpx_private.network_backend(transport) is wrapped


def test_async_client_transports_reach_every_connection_pool() -> None:
    """The same four attributes on ``AsyncClient`` and ``AsyncHTTPTransport``."""

    async def check() -> None:
        mounted = httpx.AsyncHTTPTransport()
        async with httpx.AsyncClient(mounts={"http://mounted.test": mounted}) as client:
            transports = _httpx_private.client_transports(client)
            assert len(transports) == 2 and transports[1] is mounted, f"Client._mounts changed in {VERSIONS}"
            for transport in transports:
                backend = _httpx_private.network_backend(transport)
                assert isinstance(backend, httpcore.AsyncNetworkBackend), f"_pool changed in {VERSIONS}"
                wrapped = _deadline_sockets.AsyncBackend(backend)
                _httpx_private.set_network_backend(transport, wrapped)
                assert _httpx_private.network_backend(transport) is wrapped

    asyncio.run(check())


def test_network_backend_of_another_transport_is_none() -> None:
    """A transport that is not httpx's own has no pool: None, never an AttributeError."""
    assert _httpx_private.network_backend(httpx.MockTransport(lambda request: httpx.Response(200))) is None
