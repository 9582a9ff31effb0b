"""Every use of an httpx or httpcore private attribute, in one place.

httpx gives no public way to do four things the runtime needs:

* append signed headers to a request without re-scanning them (``Headers._list``): the
  signer's fast path, a tenth of a signature per header;
* tell a response whose body is already in memory (``Response._content``) from a stream, and
  hand back the body read under the project's own size cap and deadline;
* decode a ``Content-Encoding`` other than gzip/deflate chunk by chunk while the cap is counted
  on the decoded bytes (``Response._get_content_decoder``);
* reach the connection pool of each of a client's transports (``Client._transport``,
  ``Client._mounts``, ``HTTPTransport._pool``, ``ConnectionPool._network_backend``), to put
  the per-attempt deadline on its sockets.

Each use is one function below; ``tests/test_httpx_private.py`` checks each attribute against
the installed httpx and httpcore, so an upgrade that moves one fails there, by name, and not
somewhere in a request. Where a check at import can find out (the header list), a missing
attribute falls back to the public API instead of failing.
"""

from __future__ import annotations

from typing import Any, Final

import httpx


def _headers_list_works() -> bool:
    """Whether ``httpx.Headers`` keeps its items in ``_list`` as (raw name, lower name, value).

    httpx has done so since 0.18; appending to that list is what ``Headers.__setitem__`` does
    for a new name, minus a scan of every header and two encodes. Checked once at import by
    behaviour, not by version: anything else gets the public ``__setitem__``.
    """
    try:
        headers = httpx.Headers([("A", "1")])
        items = headers._list
        if not isinstance(items, list) or items != [(b"A", b"a", b"1")]:
            return False
        items.append((b"X-Probe", b"x-probe", b"2"))
        return headers.raw == [(b"A", b"1"), (b"X-Probe", b"2")] and headers.get_list("x-probe") == ["2"]
    except Exception:  # any surprise means: use the public API
        return False


HEADERS_LIST_WORKS: Final = _headers_list_works()


def headers_list(headers: httpx.Headers) -> list[tuple[bytes, bytes, bytes]]:
    """The list behind ``headers``: append (raw name, lower name, value) to add a header.

    Only when ``HEADERS_LIST_WORKS``; callers take the public path otherwise.
    """
    items: list[tuple[bytes, bytes, bytes]] = headers._list
    return items


def body_in_memory(response: httpx.Response) -> bool:
    """Whether the body is already read (an ``httpx.MockTransport`` response, a replayed one)."""
    return hasattr(response, "_content")


def set_body(response: httpx.Response, content: bytes) -> None:
    """Make ``content`` the body ``response.content`` returns, as ``Response.read()`` would."""
    response._content = content


def content_decoder(response: httpx.Response) -> Any:
    """httpx's decoder for the response's ``Content-Encoding`` (``.decode(bytes)``, ``.flush()``)."""
    return response._get_content_decoder()


def client_transports(client: httpx.Client | httpx.AsyncClient) -> list[Any]:
    """The client's default transport and its mounted ones (None for a NO_PROXY pattern)."""
    return [client._transport, *client._mounts.values()]


def network_backend(transport: Any) -> Any:
    """The httpcore network backend under an httpx transport; None for any other transport."""
    return getattr(getattr(transport, "_pool", None), "_network_backend", None)


def set_network_backend(transport: Any, backend: Any) -> None:
    """Replace the network backend under an httpx transport (one ``network_backend`` returned)."""
    transport._pool._network_backend = backend
