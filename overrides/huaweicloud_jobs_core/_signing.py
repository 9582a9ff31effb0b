"""Huawei Cloud APIG AK/SK request signing (SDK-HMAC-SHA256 and SDK-HMAC-SM3) for httpx.

The canonical request follows the official ``huaweicloudsdkcore`` signer rule for rule, so
a signature made here equals the one the official SDK makes for the same request:

* canonical URI: the path is percent-decoded, split on ``/``, each segment re-encoded
  with only ``A-Z a-z 0-9 - _ . ~`` left bare, and a ``/`` appended if it does not end in one;
* canonical query: ``key=value`` pairs decoded (``+`` is a space, as httpx's ``params=``
  encodes it), sorted by decoded (key, value), re-encoded like path segments, ``&``-joined;
  a key without ``=`` becomes ``key=``;
* signed headers: all headers, lower-cased and sorted, except names containing ``_``;
  values stripped of surrounding whitespace (``str.strip()``, so Unicode spaces too).
  Connection-level headers (``Connection``, ``Content-Length``, ``Transfer-Encoding``, ...)
  are not signed either: the official SDK never sees them (``requests`` adds them after
  signing) and proxies may rewrite them;
* payload: the hex hash of the body, the empty-body hash for an empty body, or the value of
  ``X-Sdk-Content-Sha256`` (``X-Sdk-Content-Sm3`` for SM3) when set; that header is set to
  ``UNSIGNED-PAYLOAD`` for any ``Content-Type`` not starting with ``application/json`` or
  ``application/bson``.

We sign what httpx puts on the wire, so everything is read from the request's encoded form
(``request.url.raw_path``, raw header bytes, ``request.content``), not from decoded values
that httpx would encode differently. Where the wire form could be read two ways by the
gateway, the request is normalised first, as the official SDK does: the query is rewritten
to its canonical form (no ``+`` for spaces, sorted) and header values are stripped.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from datetime import datetime
from itertools import repeat
from typing import Final, Literal, Protocol
from urllib.parse import parse_qsl, quote, unquote

import httpx

from . import _httpx_private
from ._credentials import Credentials
from ._exceptions import HuaweiCloudJobsError, InvalidParameterError
from ._public import publish

__all__ = ["AkSkAuth", "Algorithm", "Signer", "SigningError", "canonical_query", "canonical_uri"]

Algorithm = Literal["SDK-HMAC-SHA256", "SDK-HMAC-SM3"]


class SigningError(HuaweiCloudJobsError, ValueError):
    """The request cannot be signed as it stands (the message never holds a secret)."""


_DATE_FORMAT: Final = "%Y%m%dT%H%M%SZ"
# Characters quote() never encodes (RFC 3986 unreserved) plus the path separator.
_PATH_SAFE: Final = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~/"
# The ASCII characters str.strip() removes (the official signer strips str values); bytes.strip()
# alone would miss \x1c-\x1f.
_ASCII_WS: Final = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_SIGNED_JSON_TYPES: Final = (b"application/json", b"application/bson")
# Connection-level headers that proxies and load balancers may legitimately rewrite; the
# official SDK never signs them either (its HTTP library adds them after signing).
_UNSIGNED: Final = frozenset(
    {
        b"connection",
        b"content-length",
        b"keep-alive",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
    }
)
# Marks the X-Sdk-Date we generated, so a re-sign (retry) refreshes it instead of keeping it.
_AUTO_DATE_KEY: Final = "huaweicloud_jobs_core.auto_sdk_date"


class _Hash(Protocol):
    @property
    def block_size(self) -> int: ...

    def update(self, data: bytes, /) -> None: ...

    def digest(self) -> bytes: ...

    def hexdigest(self) -> str: ...

    def copy(self) -> _Hash: ...


def _sm3(data: bytes = b"") -> _Hash:
    return hashlib.new("sm3", data)


def _hash_factory(algorithm: str) -> tuple[Callable[..., _Hash], str]:
    """Return (hash constructor, payload-hash header name) for an algorithm."""
    if algorithm == "SDK-HMAC-SHA256":
        return hashlib.sha256, "X-Sdk-Content-Sha256"
    if algorithm == "SDK-HMAC-SM3":
        try:
            _sm3()
        except ValueError:
            raise SigningError(
                "SDK-HMAC-SM3 needs SM3 in hashlib, and this interpreter's OpenSSL does not provide it"
            ) from None
        return _sm3, "X-Sdk-Content-Sm3"
    raise SigningError(f"unsupported signing algorithm {algorithm!r}")


def canonical_uri(raw_path: bytes) -> bytes:
    """Canonical URI of an encoded path, exactly as the official signer derives it.

    Decoding and re-encoding (rather than using the path as sent) makes ``%7E`` and ``~``,
    or ``%41`` and ``A``, sign alike, as the gateway sees them.
    """
    if raw_path.translate(None, _PATH_SAFE):
        try:
            decoded = unquote(raw_path.decode("ascii"))
        except UnicodeDecodeError:
            raise SigningError("request path is not ASCII") from None
        raw_path = "/".join([quote(segment, safe="~") for segment in decoded.split("/")]).encode("ascii")
    return raw_path if raw_path.endswith(b"/") else raw_path + b"/"


def canonical_query(raw_query: bytes) -> bytes:
    """Canonical query string of an encoded query (``+`` and ``%20`` both mean space)."""
    if not raw_query:
        return b""
    try:
        pairs = parse_qsl(raw_query.decode("ascii"), keep_blank_values=True)
    except UnicodeDecodeError:
        raise SigningError("request query is not ASCII") from None
    pairs.sort()
    return "&".join([f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs]).encode("ascii")


def _strip_header_values(
    request: httpx.Request, entries: dict[bytes, bytes], names: list[bytes], underscored: list[bytes]
) -> list[bytes]:
    """Strip values like the official signer (``str.strip()``, so Unicode spaces too).

    The official SDK also sends the stripped values, so we rewrite the headers when needed:
    the wire must carry what the signature covers (and h11 refuses edge whitespace anyway).
    Returns the stripped values of ``names``.
    """
    changed = False
    for name in (*names, *underscored):
        value = entries[name]
        new = value.strip(_ASCII_WS)
        if not new.isascii():
            try:
                new = new.decode("utf-8").strip().encode("utf-8")
            except UnicodeDecodeError:
                shown = name.decode("ascii", "replace")
                raise SigningError(f"value of header {shown!r} is not UTF-8") from None
        if new != value:
            entries[name] = new
            changed = True
    if changed:
        request.headers = httpx.Headers([(n, entries.get(n.lower(), v)) for n, v in request.headers.raw])
    return [entries[name] for name in names]


# Where the canonical headers are split around the X-Sdk-Date value (see Signer._plan).
_Plan = tuple[tuple[tuple[bytes, bytes, bytes], ...], bytes, bytes, str, "bytes | None"]
_PLAN_CACHE_SIZE: Final = 64


# Appending to the header list skips a scan of every header and two encodes per new header
# (about 1 µs a header, a tenth of a signature); see _httpx_private.
_FAST_HEADERS: Final = _httpx_private.HEADERS_LIST_WORKS


def _hmac_pads(key: bytes, new: Callable[..., _Hash]) -> tuple[_Hash, _Hash]:
    """The HMAC inner and outer hash states for ``key`` (RFC 2104), to ``.copy()`` per signature.

    Same result as ``hmac.new(key, msg, digest)``, at about half the cost per message: no
    Python-level ``hmac.HMAC`` wrapper, and the key block is hashed once, not per message.
    """
    block = new().block_size
    if len(key) > block:
        key = _digest(new, key)
    key = key.ljust(block, b"\0")
    inner, outer = new(), new()
    inner.update(key.translate(hmac.trans_36))
    outer.update(key.translate(hmac.trans_5C))
    return inner, outer


def _digest(new: Callable[..., _Hash], data: bytes) -> bytes:
    h = new()
    h.update(data)
    return h.digest()


def _header_block(names: list[bytes], values: list[bytes], signed_headers: bytes) -> tuple[bytes, bytes]:
    """Canonical headers and signed-header list, split around the X-Sdk-Date value.

    ``head + date + tail`` is ``name:value`` lines joined by newlines, a blank line and the
    signed-header list: the middle of the canonical request. ``values`` at X-Sdk-Date is ignored.
    """
    at = names.index(b"x-sdk-date")
    lines = list(map(b":".join, zip(names, values, strict=True)))
    head = b"".join([line + b"\n" for line in lines[:at]]) + b"x-sdk-date:"
    tail = b"".join([b"\n" + line for line in lines[at + 1 :]]) + b"\n\n" + signed_headers
    return head, tail


class Signer:
    """Signs ``httpx.Request`` objects in place with an AK/SK pair.

    Everything that does not depend on the request (the HMAC key pads, hash functions, the
    ``Authorization`` prefix, the empty-body hash) is computed once here. The SK lives only
    inside the two keyed hash states, never in an attribute of its own.

    ``headers`` are set on every request before signing, so they are signed (``AkSkAuth``
    passes the project/domain id and the security token here).

    Requests that share their headers (a client's calls to one service do) share the work on
    them: the canonical header block, minus the date, is kept per header list (at most 64),
    so signing such a request only hashes its body and the canonical request and appends
    ``X-Sdk-Date`` and ``Authorization``. Only requests that need no rewriting are cached
    (no date or ``Authorization`` of their own, nothing to strip, ``Host`` present); the
    rest take the general path, which gives the same signature.
    """

    __slots__ = (
        "_ak",
        "_algorithm",
        "_content_header",
        "_content_header_lower",
        "_date_cache",
        "_empty_hash",
        "_extra",
        "_hash",
        "_inner",
        "_outer",
        "_plans",
        "_prefix",
        "_to_sign",
    )

    def __init__(
        self,
        ak: str,
        sk: str,
        algorithm: Algorithm = "SDK-HMAC-SHA256",
        *,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        if not ak or not sk:
            raise SigningError("both AK and SK are required for signing")
        if not (ak.isascii() and ak.isprintable()) or " " in ak or "," in ak:
            raise SigningError("the AK must be printable ASCII without spaces or commas")
        self._hash, self._content_header = _hash_factory(algorithm)
        self._content_header_lower = self._content_header.lower().encode("ascii")
        self._algorithm: Algorithm = algorithm
        self._to_sign = algorithm.encode("ascii") + b"\n"
        self._ak = ak
        self._inner, self._outer = _hmac_pads(sk.encode("utf-8"), self._hash)
        self._empty_hash = self._hash(b"").hexdigest().encode("ascii")
        self._prefix = f"{algorithm} Access={ak}, SignedHeaders="
        self._date_cache: tuple[int, bytes] = (-1, b"")
        self._extra = tuple((name, value) for name, value in headers)
        self._plans: dict[tuple[tuple[bytes, bytes], ...], _Plan] = {}

    def _now(self) -> bytes:
        """The current X-Sdk-Date, formatted once per second (one tuple, so thread-safe)."""
        second = int(time.time())
        cached_second, cached = self._date_cache
        if second != cached_second:
            cached = time.strftime(_DATE_FORMAT, time.gmtime(second)).encode("ascii")
            self._date_cache = (second, cached)
        return cached

    @property
    def algorithm(self) -> Algorithm:
        return self._algorithm

    def __repr__(self) -> str:
        masked = self._ak[:4] + "****" if len(self._ak) > 8 else "****"
        return f"Signer(ak={masked!r}, algorithm={self._algorithm!r})"

    def sign(self, request: httpx.Request) -> None:
        """Set ``X-Sdk-Date`` (unless the caller set one) and ``Authorization`` on ``request``.

        May also rewrite the query to canonical form, strip header values and add
        ``X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD``, so that the wire matches the signature.
        A previous ``Authorization`` is dropped and replaced.
        """
        headers = request.headers
        key = tuple(headers.raw)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plan(request, key)
            if plan is None:
                return  # signed on the general path
        appends, head, tail, authorization, override = plan
        date = self._now()
        request.extensions[_AUTO_DATE_KEY] = date
        if _FAST_HEADERS:
            items = _httpx_private.headers_list(headers)
            items.extend(appends)
            items.append((b"X-Sdk-Date", b"x-sdk-date", date))
            items.append(
                (
                    b"Authorization",
                    b"authorization",
                    (authorization + self._signature(request, head + date + tail, date, override)).encode("ascii"),
                )
            )
        else:
            for name, _, value in appends:
                headers[name.decode("ascii")] = value.decode("ascii")
            headers["X-Sdk-Date"] = date.decode("ascii")
            headers["Authorization"] = authorization + self._signature(request, head + date + tail, date, override)

    def _plan(self, request: httpx.Request, key: tuple[tuple[bytes, bytes], ...]) -> _Plan | None:
        """Work out (and cache) the header part of a signature, or sign ``request`` outright.

        Returns a plan when applying it to ``request`` signs it correctly, i.e. when signing
        only appends headers; otherwise signs ``request`` on the general path and returns None.
        """
        entries = {name.lower(): value for name, value in key}
        if len(entries) != len(key):
            raise SigningError(_repeated_header_message(key))
        cacheable = b"host" in entries and b"x-sdk-date" not in entries and b"authorization" not in entries
        appends: list[tuple[bytes, bytes, bytes]] = []
        for extra_name, extra_value in self._extra:
            raw_name, raw_value = extra_name.encode("ascii"), extra_value.encode("utf-8")
            if entries.get(raw_name.lower()) != raw_value:  # already there with this value: nothing to do
                appends.append((raw_name, raw_name.lower(), raw_value))
        content_type = entries.get(b"content-type")
        if content_type and not content_type.startswith(_SIGNED_JSON_TYPES):
            appends.append((self._content_header.encode("ascii"), self._content_header_lower, b"UNSIGNED-PAYLOAD"))
        if cacheable:
            for _, lower, value in appends:
                if lower in entries:  # a replacement, not an append
                    cacheable = False
                entries[lower] = value
            entries[b"x-sdk-date"] = b"00000000T000000Z"  # stands in for the date in the checks below
            names = sorted(entries.keys() - _UNSIGNED)
            signed_headers = b";".join(names)
            values = list(map(entries.__getitem__, names))
            if (
                b"_" in signed_headers
                or list(map(bytes.strip, values, repeat(_ASCII_WS))) != values
                or not b"".join(values).isascii()
            ):
                cacheable = False
        if not cacheable:
            self._sign_general(request)
            return None
        override = entries.get(self._content_header_lower)
        head, tail = _header_block(names, values, signed_headers)
        plan: _Plan = (tuple(appends), head, tail, f"{self._prefix}{signed_headers.decode()}, Signature=", override)
        if len(self._plans) >= _PLAN_CACHE_SIZE:
            self._plans.clear()
        self._plans[key] = plan
        return plan

    def _sign_general(self, request: httpx.Request) -> None:
        """Sign any request, rewriting it where the wire would differ from what is signed."""
        headers = request.headers
        for name, value in self._extra:
            headers[name] = value
        raw = headers.raw
        entries = {name.lower(): value for name, value in raw}
        if len(entries) != len(raw):
            raise SigningError(_repeated_header_message(raw))
        entries.pop(b"authorization", None)  # a stale one is replaced below, never signed
        if b"host" not in entries:  # httpx adds Host when it builds a request; restore it if removed
            headers["Host"] = request.url.netloc.decode("ascii")
            entries[b"host"] = request.url.netloc

        date = entries.get(b"x-sdk-date")
        if date is None or date == request.extensions.get(_AUTO_DATE_KEY):
            date = self._now()
            headers["X-Sdk-Date"] = date.decode("ascii")
            entries[b"x-sdk-date"] = date
            request.extensions[_AUTO_DATE_KEY] = date
        elif not _is_sdk_date(date):
            raise SigningError("X-Sdk-Date must be a UTC time formatted as YYYYMMDDTHHMMSSZ")

        content_type = entries.get(b"content-type")
        if content_type and not content_type.startswith(_SIGNED_JSON_TYPES):
            headers[self._content_header] = "UNSIGNED-PAYLOAD"
            entries[self._content_header_lower] = b"UNSIGNED-PAYLOAD"

        names = sorted(entries.keys() - _UNSIGNED)
        signed_headers = b";".join(names)
        underscored: list[bytes] = []
        if b"_" in signed_headers:  # sent (stripped) but never signed, as in the official signer
            underscored = [name for name in names if b"_" in name]
            names = [name for name in names if b"_" not in name]
            signed_headers = b";".join(names)
        values = list(map(entries.__getitem__, names))
        stripped = list(map(bytes.strip, values, repeat(_ASCII_WS)))
        if stripped != values or underscored or not b"".join(values).isascii():
            stripped = _strip_header_values(request, entries, names, underscored)
            headers = request.headers
            date = entries[b"x-sdk-date"]

        override = entries.get(self._content_header_lower)
        head, tail = _header_block(names, stripped, signed_headers)
        signature = self._signature(request, head + date + tail, date, override)
        headers["Authorization"] = f"{self._prefix}{signed_headers.decode()}, Signature={signature}"

    def _signature(self, request: httpx.Request, header_block: bytes, date: bytes, override: bytes | None) -> str:
        """The hex signature of ``request`` given its canonical header block (the shared tail of both paths).

        Canonicalises (and, if needed, rewrites) the query. ``override`` is the caller's
        payload-hash header, which the official signer lets stand in for the body's hash.
        """
        body = _body(request)
        payload_hash = (override or self._hash(body).hexdigest().encode("ascii")) if body else self._empty_hash
        raw_path, _, raw_query = request.url.raw_path.partition(b"?")
        query = canonical_query(raw_query)
        if query != raw_query:
            request.url = request.url.copy_with(query=query or None)
        canonical = b"%s\n%s\n%s\n%s\n%s" % (
            request.method.encode("ascii"),
            canonical_uri(raw_path),
            query,
            header_block,
            payload_hash,
        )
        inner = self._inner.copy()
        inner.update(self._to_sign + date + b"\n" + self._hash(canonical).hexdigest().encode("ascii"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def _body(request: httpx.Request) -> bytes:
    try:
        return request.content
    except httpx.RequestNotRead:
        return request.read()


def _repeated_header_message(raw: Sequence[tuple[bytes, bytes]]) -> str:
    seen: set[bytes] = set()
    for name, _ in raw:
        if name.lower() in seen:
            break
        seen.add(name.lower())
    return f"header {name.decode('ascii', 'replace')!r} is repeated; repeated headers cannot be signed"


def _is_sdk_date(date: bytes) -> bool:
    """Check ``YYYYMMDDTHHMMSSZ`` by hand; ``time.strptime`` would cost more than the signature."""
    if len(date) != 16 or date[8:9] != b"T" or date[15:16] != b"Z" or not (date[:8] + date[9:15]).isdigit():
        return False
    try:
        datetime(int(date[:4]), int(date[4:6]), int(date[6:8]), int(date[9:11]), int(date[11:13]), int(date[13:15]))
    except ValueError:
        return False
    return True


class AkSkAuth(httpx.Auth):
    """httpx authentication that signs every attempt with AK/SK.

    ``scope="project"`` adds ``X-Project-Id`` (project-level APIs), ``scope="global"`` adds
    ``X-Domain-Id`` (global APIs); the header is left out when the id is unset, as the
    official SDK does. Temporary credentials add ``X-Security-Token``. These headers are
    added before signing, so they are signed. ``auth_flow`` does no I/O, so the same object
    works with both ``httpx.Client`` and ``httpx.AsyncClient``.
    """

    requires_request_body = True

    def __init__(
        self,
        credentials: Credentials,
        *,
        algorithm: Algorithm = "SDK-HMAC-SHA256",
        scope: Literal["project", "global"] = "project",
    ) -> None:
        if scope not in ("project", "global"):
            raise InvalidParameterError("scope", f"must be 'project' or 'global', not {scope!r}")
        self._credentials = credentials
        self._scope = scope
        extra: list[tuple[str, str]] = []
        if scope == "project" and credentials.project_id:
            extra.append(("X-Project-Id", credentials.project_id))
        if scope == "global" and credentials.domain_id:
            extra.append(("X-Domain-Id", credentials.domain_id))
        if credentials.security_token:
            extra.append(("X-Security-Token", credentials.security_token))
        self._signer = Signer(credentials.ak, credentials.sk, algorithm, headers=extra)

    def __repr__(self) -> str:
        return (
            f"AkSkAuth(credentials={self._credentials!r}, algorithm={self._signer.algorithm!r}, scope={self._scope!r})"
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self._signer.sign(request)
        yield request


publish(AkSkAuth, Signer, SigningError)
