"""AK/SK signing: byte-for-byte agreement with the official huaweicloudsdkcore signer.

The official SDK is a test-only oracle. Two kinds of checks:

* property: for hypothesis-generated requests, the signature on our ``httpx.Request``
  equals the official signer's on the equivalent ``SdkRequest`` built from the same
  decoded components (and the query we put on the wire equals the one the official SDK
  sends);
* end to end: a loopback ``http.server`` recomputes the signature with the official signer
  from the raw request line, headers and body it received, i.e. from what httpx really sent.
"""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import http.server
import json
import logging
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock
from urllib.parse import parse_qsl, quote

import httpx
import pytest
from huaweicloudsdkcore.auth.credentials import (  # type: ignore[import-untyped]
    BasicCredentials,
    GlobalCredentials,
)
from huaweicloudsdkcore.sdk_request import SdkRequest  # type: ignore[import-untyped]
from huaweicloudsdkcore.signer import signer as official_signer  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huaweicloud_jobs_core import _signing
from huaweicloud_jobs_core._credentials import Credentials
from huaweicloud_jobs_core._signing import AkSkAuth, Algorithm, Signer, SigningError, canonical_query, canonical_uri

AK = "HPUAEXAMPLEAKEXAMPLE"
SK = "sk-Example-Secret-Key-0123456789abcdefABCDEF"
TOKEN = "sts-token-Example-Secret-0123456789"
PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"
DOMAIN_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
SM3_AVAILABLE = "sm3" in hashlib.algorithms_available
ALGORITHMS: list[Algorithm] = ["SDK-HMAC-SHA256", "SDK-HMAC-SM3"] if SM3_AVAILABLE else ["SDK-HMAC-SHA256"]
OfficialSigner = official_signer.Signer
OFFICIAL = {"SDK-HMAC-SHA256": official_signer.Signer, "SDK-HMAC-SM3": official_signer.SM3Signer}
PAYLOAD_HEADER = {"SDK-HMAC-SHA256": "X-Sdk-Content-Sha256", "SDK-HMAC-SM3": "X-Sdk-Content-Sm3"}
DRS_STOP = (
    "https://drs.cn-north-4.myhuaweicloud.com/v5/054ba152d480d55b2f5dc0069e7ddef0"
    "/jobs/c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r/stop"
)
# Headers we deliberately leave unsigned (the official SDK never sees them either).
UNSIGNED = {
    "connection",
    "content-length",
    "keep-alive",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}
RESERVED_HEADERS = UNSIGNED | {
    "host",
    "content-type",
    "authorization",
    "x-sdk-date",
    "x-sdk-content-sha256",
    "x-sdk-content-sm3",
    "x-project-id",
    "x-domain-id",
    "x-security-token",
    "expect",
}


def official_authorization(
    algorithm: str,
    *,
    method: str,
    scheme: str,
    host: str,
    resource_path: str,
    query: list[tuple[str, str]],
    headers: dict[str, str],
    body: bytes,
) -> tuple[str, SdkRequest]:
    request = SdkRequest(
        method=method,
        schema=scheme,
        host=host,
        resource_path=resource_path,
        query_params=list(query),
        header_params=dict(headers),
        body=body,
    )
    OFFICIAL[algorithm](BasicCredentials(AK, SK)).sign(request)
    return request.header_params["Authorization"], request


def sdk_date(instant: datetime) -> str:
    return instant.strftime("%Y%m%dT%H%M%SZ")


# --------------------------------------------------------------------------- strategies

UNICODE_SPACES = "\u00a0\u2003\u3000\x85"
# Everything but surrogates (which cannot be UTF-8 encoded), biased towards the interesting bits.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
reserved_text = st.text(st.sampled_from([*" /?#%+&=;:@!$'()*,~-._[]\\|^`\"<>{}", "é", "中", "😀"]), max_size=6)
fancy_text = st.one_of(any_text, reserved_text)
# Raw path segments as a careless caller would write them into the URL: httpx encodes what it
# must. '%', '?', '#', '/' would change the meaning and control characters are refused by httpx.
raw_segment = st.text(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="%?#/"), max_size=8).filter(
    lambda s: s not in (".", "..")
)
encoded_segment = fancy_text.filter(lambda s: s not in (".", ".."))
header_name = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,14}", fullmatch=True).filter(
    lambda n: n.lower() not in RESERVED_HEADERS
)
# Header values that h11 can carry once stripped: no CR/LF/NUL, inner whitespace only SP/HTAB.
header_value = st.builds(
    lambda lead, core, trail: lead + core + trail,
    st.text(st.sampled_from(" \t" + UNICODE_SPACES), max_size=2),
    st.text(
        st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters=UNICODE_SPACES),
        max_size=12,
    ),
    st.text(st.sampled_from(" \t" + UNICODE_SPACES), max_size=2),
)
CONTENT_TYPES = [
    None,
    "application/json",
    "application/json;charset=UTF-8",
    "application/bson",
    "application/jsonl",
    "Application/JSON",
    " application/json",
    "text/plain; charset=utf-8",
    "application/octet-stream",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xYzZY",
]
body_strategy = st.one_of(
    st.just(b""),
    st.binary(max_size=64),
    st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(any_text, any_text, max_size=3)),
)
ENDPOINTS = [
    # scheme, netloc in the URL, Host header httpx sends (= what the official SDK signs)
    ("https", "drs.cn-north-4.myhuaweicloud.com", "drs.cn-north-4.myhuaweicloud.com"),
    ("https", "drs.cn-north-4.myhuaweicloud.com:443", "drs.cn-north-4.myhuaweicloud.com"),
    ("http", "127.0.0.1:8080", "127.0.0.1:8080"),
    ("https", "[::1]:8443", "[::1]:8443"),
]
dates = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)).map(sdk_date)


@st.composite
def request_parts(draw: st.DrawFn) -> dict[str, Any]:
    path_mode = draw(st.sampled_from(["encoded", "raw"]))
    segments = draw(st.lists(encoded_segment if path_mode == "encoded" else raw_segment, min_size=1, max_size=5))
    names = draw(st.lists(header_name, max_size=4, unique_by=str.lower))
    algorithm = draw(st.sampled_from(ALGORITHMS))
    override = draw(st.sampled_from([None, "UNSIGNED-PAYLOAD", "0" * 64, "cafe"]))
    return {
        "method": draw(st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])),
        "endpoint": draw(st.sampled_from(ENDPOINTS)),
        "path_mode": path_mode,
        "segments": segments,
        "trailing_slash": draw(st.booleans()),
        "query_mode": draw(st.sampled_from(["params", "url", "url-bare-keys"])),
        "query": draw(st.lists(st.tuples(fancy_text, fancy_text), max_size=5)),
        "headers": {name: draw(header_value) for name in names},
        "content_type": draw(st.sampled_from(CONTENT_TYPES)),
        "body": draw(body_strategy),
        "algorithm": algorithm,
        "payload_override": None if override is None else (PAYLOAD_HEADER[algorithm], override),
        "date": draw(dates),
    }


def build_pair(parts: dict[str, Any]) -> tuple[httpx.Request, dict[str, Any]]:
    """The httpx.Request a caller would build, and the official SdkRequest inputs for it."""
    scheme, netloc, host = parts["endpoint"]
    segments: list[str] = parts["segments"]
    suffix = "/" if parts["trailing_slash"] else ""
    encoded_path = "/" + "/".join(quote(s, safe="") for s in segments) + suffix
    url_path = encoded_path if parts["path_mode"] == "encoded" else "/" + "/".join(segments) + suffix
    query: list[tuple[str, str]] = parts["query"]
    params: Any = None
    if query and parts["query_mode"] == "params":
        params = query
    elif query:
        pairs = [
            quote(k, safe="")
            if parts["query_mode"] == "url-bare-keys" and k and not v
            else f"{quote(k, safe='')}={quote(v, safe='')}"
            for k, v in query
        ]
        url_path += "?" + "&".join(pairs)
    official_headers: dict[str, str] = dict(parts["headers"])
    official_headers["X-Sdk-Date"] = parts["date"]
    if parts["content_type"] is not None:
        official_headers["Content-Type"] = parts["content_type"]
    if parts["payload_override"] is not None:
        name, value = parts["payload_override"]
        official_headers[name] = value
    request = httpx.Request(
        parts["method"],
        f"{scheme}://{netloc}{url_path}",
        params=params,
        headers=[(k.encode(), v.encode("utf-8")) for k, v in official_headers.items()],
        content=parts["body"],
    )
    official = {
        "method": parts["method"],
        "scheme": scheme,
        "host": host,
        "resource_path": encoded_path,
        "query": query,
        "headers": official_headers,
        "body": parts["body"],
    }
    return request, official


# --------------------------------------------------------------------------- the oracle property


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request_parts())
def test_signature_matches_official_signer(parts: dict[str, Any]) -> None:
    request, official = build_pair(parts)
    Signer(AK, SK, parts["algorithm"]).sign(request)
    expected, official_request = official_authorization(parts["algorithm"], **official)

    assert request.headers["Authorization"] == expected
    # The wire carries the official SDK's query form (sorted, %20 for spaces) ...
    official_query = official_request.uri.partition("?")[2]
    assert request.url.query.decode("ascii") == official_query
    # ... and, when the caller encoded the path like the official SDK does, the same target.
    if parts["path_mode"] == "encoded":
        assert request.url.raw_path.decode("ascii") == official_request.uri
    # Every signed header goes out with the value the official SDK would send.
    signed = expected.split("SignedHeaders=")[1].split(",")[0].split(";")
    for name in signed:
        ours = request.headers.get_list(name, split_commas=False)
        theirs = [v for k, v in official_request.header_params.items() if k.lower() == name]
        assert len(ours) == 1
        assert request.headers.raw[[k.lower() for k, _ in request.headers.raw].index(name.encode())][1] == (
            theirs[-1].encode("latin-1")
        )


def epoch(date: str) -> float:
    return calendar.timegm(time.strptime(date, "%Y%m%dT%H%M%SZ"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request_parts(), st.booleans(), st.sampled_from([None, "project", "global"]))
def test_cached_plan_matches_official_signer(parts: dict[str, Any], fast_headers: bool, scope: str | None) -> None:
    """The per-header-list cache: with the date left to the signer (so requests are cacheable),
    three requests with the same headers but their own bodies sign like the official signer;
    the second and third reuse the first one's plan. With and without the direct header append."""
    date = parts["date"]
    extra: list[tuple[str, str]] = []
    if scope == "project":
        extra = [("X-Project-Id", PROJECT_ID), ("X-Security-Token", TOKEN)]
    elif scope == "global":
        extra = [("X-Domain-Id", DOMAIN_ID)]
    signer = Signer(AK, SK, parts["algorithm"], headers=extra)
    bodies = [parts["body"], bytes(reversed(parts["body"])), parts["body"][:1].upper() + parts["body"][1:]]
    with (
        mock.patch.object(_signing, "time", FakeClock(epoch(date))),
        mock.patch.object(_signing, "_FAST_HEADERS", fast_headers and _signing._FAST_HEADERS),
    ):
        for body in bodies:
            request, official = build_pair({**parts, "body": body})
            del request.headers["X-Sdk-Date"]
            signer.sign(request)
            official["headers"] = {**official["headers"], **dict(extra)}
            expected, official_request = official_authorization(parts["algorithm"], **official)
            assert request.headers["Authorization"] == expected
            assert request.headers["X-Sdk-Date"] == date
            assert request.url.query.decode("ascii") == official_request.uri.partition("?")[2]
            signed = expected.split("SignedHeaders=")[1].split(",")[0].split(";")
            for name in signed:
                theirs = [v for k, v in official_request.header_params.items() if k.lower() == name]
                ours = [v for k, v in request.headers.raw if k.lower() == name.encode()]
                assert ours == [theirs[-1].encode("latin-1")]
            assert len(request.headers.get_list("Authorization")) == 1


@pytest.mark.parametrize("fast_headers", [True, False])
def test_cached_plan_is_reused_and_bounded(fast_headers: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_signing, "_FAST_HEADERS", fast_headers and _signing._FAST_HEADERS)
    signer = Signer(AK, SK, headers=[("X-Project-Id", PROJECT_ID)])
    with httpx.Client(base_url="https://drs.cn-north-4.myhuaweicloud.com", headers={"User-Agent": "t"}) as client:
        signed = []
        for force in (True, False, True):
            request = client.build_request("POST", DRS_STOP, json={"is_force_stop": force})
            signer.sign(request)
            signed.append(request)
        assert len(signer._plans) == 2  # one per header list (the Content-Length differs)
        # The same request signed on the general path (a caller-set date is never cached) agrees.
        for request in signed:
            again = client.build_request("POST", DRS_STOP, json=json.loads(request.content))
            again.headers["X-Sdk-Date"] = request.headers["X-Sdk-Date"]
            Signer(AK, SK, headers=[("X-Project-Id", PROJECT_ID)]).sign(again)
            assert again.headers["Authorization"] == request.headers["Authorization"]
            assert dict(again.headers) == dict(request.headers)
        for i in range(200):
            signer.sign(client.build_request("GET", DRS_STOP, headers={"X-Trace": str(i)}))
        assert 0 < len(signer._plans) <= 64


def test_plan_cache_holds_no_secret() -> None:
    """Cached plans hold header names/values, never the SK (and the STS token only as a header value)."""
    signer = Signer(AK, SK)
    signer.sign(httpx.Request("POST", DRS_STOP, json={"is_force_stop": True}))
    assert SK.encode() not in repr(signer._plans).encode()
    assert SK not in repr(signer)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_drs_stop_example(algorithm: Algorithm) -> None:
    """The typical call: a small JSON POST with the project id and a caller-fixed date."""
    date = "20240305T101112Z"
    headers = {"Content-Type": "application/json;charset=UTF-8", "X-Project-Id": PROJECT_ID, "X-Sdk-Date": date}
    body = b'{"is_force_stop": true}'
    request = httpx.Request("POST", DRS_STOP, headers=headers, content=body)
    Signer(AK, SK, algorithm).sign(request)
    url = httpx.URL(DRS_STOP)
    expected, _ = official_authorization(
        algorithm,
        method="POST",
        scheme="https",
        host=url.host,
        resource_path=url.path,
        query=[],
        headers=headers,
        body=body,
    )
    assert request.headers["Authorization"] == expected
    assert expected.startswith(f"{algorithm} Access={AK}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, ")


# --------------------------------------------------------------------------- replicated quirks


@pytest.mark.parametrize(
    ("raw_path", "expected"),
    [
        (b"/", b"/"),
        (b"/v5/jobs", b"/v5/jobs/"),  # a trailing slash is always added ...
        (b"/v5/jobs/", b"/v5/jobs/"),  # ... so /jobs and /jobs/ sign alike
        (b"/a//b", b"/a//b/"),  # empty segments are kept
        (b"/a%7Eb/~", b"/a~b/~/"),  # ~ is never encoded
        (b"/a b/a%20b", b"/a%20b/a%20b/"),
        (b"/a+b", b"/a%2Bb/"),  # + in a path is a plus, not a space
        (b"/%41%62c", b"/Abc/"),  # needless escapes are decoded
        (b"/a%2Fb", b"/a/b/"),  # an encoded slash becomes a separator
        (b"/!$&'()*,;=:@", b"/%21%24%26%27%28%29%2A%2C%3B%3D%3A%40/"),  # sub-delims are encoded
        (b"/%C3%A9", b"/%C3%A9/"),
        (b"/%e9", b"/%EF%BF%BD/"),  # invalid UTF-8 becomes U+FFFD; hex is upper-cased
        (b"/%zz", b"/%25zz/"),  # a stray % is encoded
    ],
)
def test_canonical_uri_quirks(raw_path: bytes, expected: bytes) -> None:
    assert canonical_uri(raw_path) == expected
    official = OfficialSigner(BasicCredentials(AK, SK))._process_canonical_uri(
        SdkRequest(resource_path=raw_path.decode())
    )
    assert official.encode() == expected


@pytest.mark.parametrize(
    ("raw_query", "expected"),
    [
        (b"", b""),
        (b"b=2&a=1", b"a=1&b=2"),  # sorted by key ...
        (b"a=2&a=10&a=1", b"a=1&a=10&a=2"),  # ... then by value, as strings
        (b"a", b"a="),  # a bare key gets '='
        (b"a=&b", b"a=&b="),
        (b"a=1&&b=2&", b"a=1&b=2"),  # empty parts vanish
        (b"=x", b"=x"),  # an empty key is kept
        (b"q=a+b", b"q=a%20b"),  # + is a space (as httpx's params= encodes it) ...
        (b"q=a%2Bb", b"q=a%2Bb"),  # ... and %2B a plus
        (b"q=%7E~", b"q=~~"),
        (b"q=%C3%A9", b"q=%C3%A9"),
        (b"k%5B%5D=1", b"k%5B%5D=1"),
        (b"Z=1&a=1&%5B=1", b"Z=1&%5B=1&a=1"),  # order of the decoded strings, not of the encoding
    ],
)
def test_canonical_query_quirks(raw_query: bytes, expected: bytes) -> None:
    assert canonical_query(raw_query) == expected
    pairs = parse_qsl(raw_query.decode(), keep_blank_values=True)
    official = OfficialSigner._process_canonical_query_string(SdkRequest(query_params=pairs))
    assert official.encode() == expected


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize(
    ("content_type", "body", "unsigned"),
    [
        ("application/json", b"{}", False),
        ("application/json;charset=UTF-8", b"{}", False),
        ("application/jsonl", b"{}", False),  # a prefix match
        ("application/bson", b"\x05\x00\x00\x00\x00", False),
        ("Application/JSON", b"{}", True),  # case-sensitive
        ("text/plain", b"x", True),
        ("multipart/form-data; boundary=x", b"--x--", True),
        ("application/octet-stream", b"", True),  # header added, but an empty body hashes as empty
        (None, b"x", False),
    ],
)
def test_unsigned_payload_rule(algorithm: Algorithm, content_type: str | None, body: bytes, unsigned: bool) -> None:
    headers = {"X-Sdk-Date": "20240101T000000Z"}
    if content_type:
        headers["Content-Type"] = content_type
    request = httpx.Request("PUT", "https://example.com/x", headers=headers, content=body)
    Signer(AK, SK, algorithm).sign(request)
    header = PAYLOAD_HEADER[algorithm]
    assert (request.headers.get(header) == "UNSIGNED-PAYLOAD") is unsigned
    expected, _ = official_authorization(
        algorithm,
        method="PUT",
        scheme="https",
        host="example.com",
        resource_path="/x",
        query=[],
        headers=headers,
        body=body,
    )
    assert request.headers["Authorization"] == expected


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"  v \xc2\xa0", "  v \xa0"),  # NBSP: str.strip() removes Unicode spaces
        (b"\x1cv w\x1f", "\x1cv w\x1f"),  # str.strip() also removes \x1c-\x1f, bytes.strip() does not
        (b"\t\xe3\x80\x80v\xe3\x80\x80", "\t\u3000v\u3000"),
        (b"   ", "   "),
    ],
)
def test_header_values_are_stripped_on_the_wire_too(raw: bytes, text: str) -> None:
    request = httpx.Request("GET", "https://example.com/", headers={b"X-A": raw, b"X-Sdk-Date": b"20240101T000000Z"})
    Signer(AK, SK).sign(request)
    sent = request.headers.raw[[k for k, _ in request.headers.raw].index(b"X-A")][1]
    assert sent == text.strip().encode()
    expected, _ = official_authorization(
        "SDK-HMAC-SHA256",
        method="GET",
        scheme="https",
        host="example.com",
        resource_path="/",
        query=[],
        headers={"X-A": text, "X-Sdk-Date": "20240101T000000Z"},
        body=b"",
    )
    assert request.headers["Authorization"] == expected


def test_underscore_and_transport_headers_are_not_signed() -> None:
    request = httpx.Request(
        "POST",
        "https://example.com/",
        headers={"X_Under": "1", "Connection": "keep-alive", "X-Ok": "2"},
        content=b"body",
    )
    Signer(AK, SK).sign(request)
    assert "SignedHeaders=host;x-ok;x-sdk-date," in request.headers["Authorization"]
    assert request.headers["X_Under"] == "1"


# --------------------------------------------------------------------------- dates, retries, edge cases


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now
        self.gmtime = time.gmtime
        self.strftime = time.strftime

    def time(self) -> float:
        return self.now


def test_auto_date_is_refreshed_on_every_sign(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock(1_700_000_000.0)
    monkeypatch.setattr(_signing, "time", clock)
    signer = Signer(AK, SK)
    request = httpx.Request("GET", "https://example.com/a")
    signer.sign(request)
    first = (request.headers["X-Sdk-Date"], request.headers["Authorization"])
    assert first[0] == "20231114T221320Z"
    clock.now += 61
    signer.sign(request)  # a retry of the same request object
    assert request.headers["X-Sdk-Date"] == "20231114T221421Z"
    assert request.headers["Authorization"] != first[1]
    assert len(request.headers.get_list("Authorization")) == 1


def test_caller_date_is_kept_on_every_sign(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock(1_700_000_000.0)
    monkeypatch.setattr(_signing, "time", clock)
    request = httpx.Request("GET", "https://example.com/a", headers={"x-sdk-date": "20200101T000000Z"})
    Signer(AK, SK).sign(request)
    first = request.headers["Authorization"]
    clock.now += 3600
    Signer(AK, SK).sign(request)
    assert request.headers["X-Sdk-Date"] == "20200101T000000Z"
    assert request.headers["Authorization"] == first


def test_auth_flow_resigns_each_attempt(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock(1_700_000_000.0)
    monkeypatch.setattr(_signing, "time", clock)
    seen: list[tuple[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.headers["X-Sdk-Date"], request.headers["Authorization"]))
        return httpx.Response(200)

    with httpx.Client(transport=httpx.MockTransport(handler), auth=AkSkAuth(Credentials(AK, SK))) as client:
        request = client.build_request("POST", "https://example.com/v1/x", json={"a": 1})
        client.send(request)
        clock.now += 30
        client.send(request)  # what a retry layer does
    assert seen[0][0] != seen[1][0]
    assert seen[0][1] != seen[1][1]


@pytest.mark.parametrize("bad", ["2024-01-01T00:00:00Z", "20240101T000000", "20241301T000000Z", " 20240101T000000Z"])
def test_malformed_caller_date_is_rejected(bad: str) -> None:
    request = httpx.Request("GET", "https://example.com/", headers={"X-Sdk-Date": bad})
    with pytest.raises(SigningError, match="X-Sdk-Date"):
        Signer(AK, SK).sign(request)


def test_previous_authorization_is_replaced_not_signed() -> None:
    request = httpx.Request("GET", "https://example.com/", headers={"Authorization": "Bearer stale"})
    Signer(AK, SK).sign(request)
    assert request.headers.get_list("Authorization")[0].startswith("SDK-HMAC-SHA256 ")
    assert "authorization" not in request.headers["Authorization"].split("SignedHeaders=")[1]


def test_repeated_header_is_rejected() -> None:
    request = httpx.Request("GET", "https://example.com/", headers=[("X-A", "1"), ("x-a", "2")])
    with pytest.raises(SigningError, match="'x-a' is repeated"):
        Signer(AK, SK).sign(request)


def test_non_utf8_header_value_is_rejected_without_showing_it() -> None:
    request = httpx.Request("GET", "https://example.com/", headers={b"X-Secretish": b"\xff\xfesecret"})
    with pytest.raises(SigningError, match="'x-secretish' is not UTF-8") as info:
        Signer(AK, SK).sign(request)
    assert "secret" not in str(info.value).replace("x-secretish", "")


def test_unread_streaming_body_is_read_and_hashed() -> None:
    request = httpx.Request("POST", "https://example.com/", content=iter([b'{"a":', b"1}"]))
    request.headers["X-Sdk-Date"] = "20240101T000000Z"
    Signer(AK, SK).sign(request)
    expected, _ = official_authorization(
        "SDK-HMAC-SHA256",
        method="POST",
        scheme="https",
        host="example.com",
        resource_path="/",
        query=[],
        headers={"X-Sdk-Date": "20240101T000000Z"},
        body=b'{"a":1}',
    )
    assert request.headers["Authorization"] == expected


def test_missing_host_header_is_restored() -> None:
    request = httpx.Request("GET", "https://example.com:8443/")
    del request.headers["Host"]
    Signer(AK, SK).sign(request)
    assert request.headers["Host"] == "example.com:8443"


def test_sm3_unavailable_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_new = hashlib.new

    def no_sm3(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.lower() == "sm3":
            raise ValueError("unsupported hash type sm3")
        return real_new(name, *args, **kwargs)

    monkeypatch.setattr(hashlib, "new", no_sm3)
    with pytest.raises(SigningError, match="SDK-HMAC-SM3 needs SM3"):
        Signer(AK, SK, "SDK-HMAC-SM3")


@pytest.mark.skipif(SM3_AVAILABLE, reason="this interpreter has SM3")
def test_sm3_missing_in_this_interpreter() -> None:
    with pytest.raises(SigningError, match="SDK-HMAC-SM3 needs SM3"):
        Signer(AK, SK, "SDK-HMAC-SM3")


def test_bad_construction() -> None:
    with pytest.raises(SigningError):
        Signer("", SK)
    with pytest.raises(SigningError, match="AK must be printable ASCII"):
        Signer("AK\nX-Injected: 1", SK)
    with pytest.raises(SigningError):
        Signer(AK, SK, "SDK-HMAC-MD5")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="scope"):
        AkSkAuth(Credentials(AK, SK), scope="regional")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- AkSkAuth headers


@pytest.mark.parametrize(
    ("credentials", "scope", "expected"),
    [
        (Credentials(AK, SK, project_id=PROJECT_ID), "project", {"x-project-id": PROJECT_ID}),
        (Credentials(AK, SK, domain_id=DOMAIN_ID), "global", {"x-domain-id": DOMAIN_ID}),
        (Credentials(AK, SK, project_id=PROJECT_ID, domain_id=DOMAIN_ID), "global", {"x-domain-id": DOMAIN_ID}),
        (Credentials(AK, SK), "project", {}),
        (
            Credentials(AK, SK, project_id=PROJECT_ID, security_token=TOKEN),
            "project",
            {"x-project-id": PROJECT_ID, "x-security-token": TOKEN},
        ),
    ],
)
def test_auth_adds_signed_id_and_token_headers(credentials: Credentials, scope: Any, expected: dict[str, str]) -> None:
    request = httpx.Request("GET", "https://example.com/v3/x", headers={"X-Sdk-Date": "20240101T000000Z"})
    flow = AkSkAuth(credentials, scope=scope).sync_auth_flow(request)
    signed_request = next(flow)
    extra = {
        k: v for k, v in signed_request.headers.items() if k in {"x-project-id", "x-domain-id", "x-security-token"}
    }
    assert extra == expected
    signed = signed_request.headers["Authorization"].split("SignedHeaders=")[1].split(",")[0].split(";")
    assert set(expected) <= set(signed)
    # The official credentials classes add the same headers before signing.
    if scope == "project":
        official_credentials = BasicCredentials(AK, SK, credentials.project_id)
    else:
        official_credentials = GlobalCredentials(AK, SK, credentials.domain_id)
    if credentials.security_token:
        official_credentials.with_security_token(credentials.security_token)
    official_request = SdkRequest(
        method="GET",
        schema="https",
        host="example.com",
        resource_path="/v3/x",
        query_params=[],
        header_params={"X-Sdk-Date": "20240101T000000Z"},
        body=b"",
    )
    official_credentials.sign_request(official_request)
    assert signed_request.headers["Authorization"] == official_request.header_params["Authorization"]


def test_sm3_auth_matches_official() -> None:
    if not SM3_AVAILABLE:
        pytest.skip("no SM3 in this interpreter")
    request = httpx.Request("POST", DRS_STOP, headers={"X-Sdk-Date": "20240101T000000Z"}, json={"is_force_stop": True})
    next(AkSkAuth(Credentials(AK, SK, project_id=PROJECT_ID), algorithm="SDK-HMAC-SM3").sync_auth_flow(request))
    assert request.headers["Authorization"].startswith("SDK-HMAC-SM3 Access=")
    url = httpx.URL(DRS_STOP)
    expected, _ = official_authorization(
        "SDK-HMAC-SM3",
        method="POST",
        scheme="https",
        host=url.host,
        resource_path=url.path,
        query=[],
        headers={"X-Sdk-Date": "20240101T000000Z", "Content-Type": "application/json", "X-Project-Id": PROJECT_ID},
        body=request.content,
    )
    assert request.headers["Authorization"] == expected


# --------------------------------------------------------------------------- secrets


def test_reprs_are_safe() -> None:
    credentials = Credentials(AK, SK, project_id=PROJECT_ID, security_token=TOKEN)
    signer = Signer(AK, SK)
    auth = AkSkAuth(credentials)
    for text in (repr(signer), str(signer), repr(auth), str(auth)):
        assert SK not in text
        assert TOKEN not in text
        assert AK not in text
        assert "HPUA****" in text


# --------------------------------------------------------------------------- against a real server


class VerifyingHandler(http.server.BaseHTTPRequestHandler):
    """Recomputes the signature with the official signer from what arrived on the socket."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # otherwise every keep-alive request waits for a delayed ACK
    received: list[dict[str, Any]] = []  # noqa: RUF012 - shared with the test thread on purpose

    def log_message(self, format: str, *args: Any) -> None:  # keep http.server quiet
        pass

    def _verify(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        target = self.requestline.split(" ")[1]  # self.path collapses a leading "//"
        path, _, query = target.partition("?")
        authorization = self.headers.get("Authorization", "")
        algorithm, _, rest = authorization.partition(" ")
        fields = dict(part.split("=", 1) for part in rest.split(", "))
        signed = fields["SignedHeaders"].split(";")
        # http.server decodes header bytes as latin-1; undo that to get the UTF-8 text back.
        received = {k.lower(): v.encode("latin-1").decode("utf-8") for k, v in self.headers.items()}
        official = SdkRequest(
            method=self.command,
            schema="http",
            host=received["host"],
            resource_path=path,
            query_params=parse_qsl(query, keep_blank_values=True),
            header_params={name: received[name] for name in signed},
            body=body,
        )
        OFFICIAL[algorithm](BasicCredentials(fields["Access"], SK)).sign(official)
        recomputed = official.header_params["Authorization"]
        unsigned = {k for k in received if k not in signed and k != "authorization"}
        ok = recomputed == authorization and all(k in UNSIGNED or "_" in k for k in unsigned)
        record = {
            "ok": ok,
            "target": target,
            "signed": signed,
            "unsigned": sorted(unsigned),
            "received": authorization,
            "recomputed": recomputed,
        }
        VerifyingHandler.received.append(record)
        payload = json.dumps(record).encode()
        self.send_response(200 if ok else 401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _verify


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), VerifyingHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def live_client(server_url: str) -> Iterator[httpx.Client]:
    credentials = Credentials(AK, SK, project_id=PROJECT_ID, security_token=TOKEN)
    with httpx.Client(base_url=server_url, auth=AkSkAuth(credentials), trust_env=False, timeout=10) as client:
        yield client


def assert_verified(
    response: httpx.Response, required: frozenset[str] = frozenset({"x-project-id", "x-security-token"})
) -> dict[str, Any]:
    record: dict[str, Any] = VerifyingHandler.received[-1]
    assert response.status_code == 200, record
    assert {"host", "x-sdk-date"} | required <= set(record["signed"])
    return record


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=request_parts())
def test_real_server_accepts_signatures(live_client: httpx.Client, parts: dict[str, Any]) -> None:
    parts = {**parts, "algorithm": "SDK-HMAC-SHA256", "endpoint": ("http", "127.0.0.1:1", "127.0.0.1:1")}
    template, _ = build_pair(parts)
    headers = [(k, v) for k, v in template.headers.raw if k.lower() not in (b"host", b"content-length", b"x-sdk-date")]
    url = str(live_client.base_url).rstrip("/") + template.url.raw_path.decode("ascii")
    response = live_client.request(parts["method"], url, headers=headers, content=parts["body"])
    record = assert_verified(response)
    if parts["content_type"]:
        assert "content-type" in record["signed"]
    assert "+" not in record["target"].partition("?")[2]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_real_server_typical_calls(server_url: str, algorithm: Algorithm) -> None:
    credentials = Credentials(AK, SK, project_id=PROJECT_ID, security_token=TOKEN)
    with httpx.Client(base_url=server_url, auth=AkSkAuth(credentials, algorithm=algorithm), trust_env=False) as client:
        path = "/v5/054ba152d480d55b2f5dc0069e7ddef0/jobs/c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r/stop"
        assert_verified(client.post(path, json={"is_force_stop": True}))
        record = assert_verified(client.get("/v3/jobs", params={"name": "a b+c", "limit": 10, "tag": ["z", "é"]}))
        assert record["target"] == "/v3/jobs?limit=10&name=a%20b%2Bc&tag=z&tag=%C3%A9"
        assert_verified(client.put("/v3/files/a%20b/", content=b"\x00\x01", headers={"Content-Type": "text/plain"}))
        assert_verified(client.delete("/v3/jobs/x", headers={b"X-Label": "中文 value".encode()}))


def test_real_server_async_client(server_url: str) -> None:
    credentials = Credentials(AK, SK, project_id=PROJECT_ID, security_token=TOKEN)

    async def main() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=server_url, auth=AkSkAuth(credentials), trust_env=False) as client:
            return [
                await client.post("/v5/p/jobs/j/stop", json={"is_force_stop": True}),
                await client.get("/v5/p/jobs", params={"offset": 0, "q": "x y"}),
            ]

    for response in asyncio.run(main()):
        assert_verified(response)


def test_no_secrets_in_debug_logs(server_url: str, caplog: pytest.LogCaptureFixture) -> None:
    credentials = Credentials(AK, SK, project_id=PROJECT_ID, security_token=TOKEN)
    caplog.set_level(logging.DEBUG)
    with httpx.Client(base_url=server_url, auth=AkSkAuth(credentials), trust_env=False) as client:
        response = client.post("/v5/p/jobs/j/stop", json={"is_force_stop": True})
    record = assert_verified(response)
    signature = record["received"].rsplit("Signature=", 1)[1]
    assert caplog.records, "httpx/httpcore should have logged at DEBUG"
    for log_record in caplog.records:
        text = log_record.getMessage() + repr(log_record.args)
        for secret in (SK, TOKEN, signature):
            assert secret not in text


def test_stale_date_is_not_reused_across_sends(server_url: str) -> None:
    """A retried request object gets a fresh date (server-side still verifies)."""
    stale = sdk_date(datetime.now(UTC) - timedelta(hours=1))
    with httpx.Client(base_url=server_url, auth=AkSkAuth(Credentials(AK, SK)), trust_env=False) as client:
        request = client.build_request("GET", "/v1/x")
        assert_verified(client.send(request), required=frozenset())
        # Pretend the first attempt happened an hour ago.
        request.headers["X-Sdk-Date"] = stale
        request.extensions[_signing._AUTO_DATE_KEY] = stale.encode()
        assert_verified(client.send(request), required=frozenset())
    assert request.headers["X-Sdk-Date"] != stale
