"""parse_error_body: documented examples, hostile inputs, and "never raises" properties."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from huaweicloud_jobs_core._error_body import (
    MAX_EXAMINED_BYTES,
    ErrorDetails,
    parse_error_body,
    request_id_from_headers,
)

# --- examples verbatim from the API documents -------------------------------------------


def test_lakeformation_flat_type_mismatch() -> None:
    body = (
        b'{ "error_code" : "common.01000001", "error_msg" : "failed to read http request, please check '
        b'your input, code: 400, reason: Type mismatch., cause: TypeMismatchException" }'
    )
    assert parse_error_body(body, "application/json") == ErrorDetails(
        error_code="common.01000001",
        message="failed to read http request, please check your input, code: 400, "
        "reason: Type mismatch., cause: TypeMismatchException",
    )


def test_lakeformation_common_error_code_and_solution() -> None:
    body = json.dumps(
        {
            "error_code": "common.01000001",
            "error_msg": "response status exception, code: 404",
            "common_error_code": "CBC.0150",
            "solution_msg": "Check the instance ID.",
        }
    ).encode()
    details = parse_error_body(body)
    assert details.common_error_code == "CBC.0150"
    assert details.solution_msg == "Check the instance ID."
    assert details.error_code == "common.01000001"


def test_aom_http_code() -> None:
    body = (
        b'{ "error_code" : "AOM.31001306", "error_msg" : "Execution not exist. recordInfo is not exist.", '
        b'"http_code" : 404 }'
    )
    assert parse_error_body(body) == ErrorDetails(
        error_code="AOM.31001306",
        message="Execution not exist. recordInfo is not exist.",
        http_code=404,
    )


def test_drs_flat() -> None:
    body = b'{"error_code": "DRS.10000010", "error_msg": "Job does not exist, please check job id."}'
    details = parse_error_body(body)
    assert (details.error_code, details.message) == (
        "DRS.10000010",
        "Job does not exist, please check job id.",
    )


NESTED = (
    b'{ "error" : { "code" : "403", "message" : "X-Auth-Token is invalid in the request", '
    b'"error_code" : null, "error_msg" : null, "title" : "Forbidden" }, "error_code" : "403", '
    b'"error_msg" : "X-Auth-Token is invalid in the request", "title" : "Forbidden" }'
)


def test_nested_error_object() -> None:
    details = parse_error_body(NESTED)
    assert details.error_code == "403"
    assert details.message == "X-Auth-Token is invalid in the request"


def test_nested_only_falls_back_to_error_code_then_code() -> None:
    only_nested = b'{"error": {"code": "403", "message": "denied", "error_code": null, "title": "Forbidden"}}'
    assert parse_error_body(only_nested) == ErrorDetails(error_code="403", message="denied")
    nested_specific = b'{"error": {"code": "403", "message": "generic", "error_code": "IAM.0001", "error_msg": "x"}}'
    assert parse_error_body(nested_specific) == ErrorDetails(error_code="IAM.0001", message="x")


def test_top_level_wins_over_nested() -> None:
    body = b'{"error_code": "TOP.1", "error_msg": "top", "error": {"error_code": "IN.1", "error_msg": "in"}}'
    assert parse_error_body(body) == ErrorDetails(error_code="TOP.1", message="top")


def test_apig_single_quoted_values_are_not_json_but_parse() -> None:
    body = b"""{ "error_code": 'APIG.1002', "error_msg": 'Incorrect token or token resolution failed' }"""
    with pytest.raises(ValueError):
        json.loads(body)
    assert parse_error_body(body, "application/json") == ErrorDetails(
        error_code="APIG.1002", message="Incorrect token or token resolution failed"
    )


# --- other shapes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"{'error_code': 'X.1', 'error_msg': 'it\\'s broken'}", ErrorDetails("X.1", "it's broken")),
        (
            b'{"code": "APIGW.0301", "message": "Incorrect IAM authentication information"}',
            ErrorDetails("APIGW.0301", "Incorrect IAM authentication information"),
        ),
        (b'{"errorCode": "E1", "errorMsg": "camel"}', ErrorDetails("E1", "camel")),
        (
            b'{"error": "invalid_grant", "error_description": "expired"}',
            ErrorDetails("invalid_grant", "expired"),
        ),
        (
            b'{"error": {"code": 401, "message": "The request you have made requires authentication.",'
            b' "title": "Unauthorized"}}',
            ErrorDetails("401", "The request you have made requires authentication."),
        ),
        (b'{"title": "Forbidden"}', ErrorDetails(message="Forbidden")),
        (b'{"error_code": "", "error_msg": "   "}', ErrorDetails()),
        (b'{"error_code": true, "error_msg": 5}', ErrorDetails()),
        (b'[{"error_code": "A.1", "error_msg": "in a list"}]', ErrorDetails("A.1", "in a list")),
        (b"[]", ErrorDetails()),
        (b"[1, 2]", ErrorDetails()),
        (b"42", ErrorDetails()),
        (b"null", ErrorDetails()),
        (b"true", ErrorDetails()),
        (b'"Service Unavailable"', ErrorDetails(message="Service Unavailable")),
        (b"", ErrorDetails()),
        (b"   \r\n\t ", ErrorDetails()),
        (
            b"upstream connect error or disconnect/reset before headers",
            ErrorDetails(message="upstream connect error or disconnect/reset before headers"),
        ),
        (b"\xef\xbb\xbf" + b'{"error_code": "BOM.1"}', ErrorDetails("BOM.1")),
    ],
)
def test_shapes(body: bytes, expected: ErrorDetails) -> None:
    assert parse_error_body(body) == expected


def test_truncated_json_keeps_complete_pairs() -> None:
    body = b'{"error_code": "DRS.10000010", "error_msg": "Job does not exist, please ch'
    assert parse_error_body(body) == ErrorDetails(error_code="DRS.10000010")
    assert parse_error_body(NESTED[:140]) == ErrorDetails(
        error_code="403", message="X-Auth-Token is invalid in the request"
    )


def test_broken_json_with_escapes_and_numbers() -> None:
    body = b'{"error_code": "E.1", "error_msg": "line1\\nline2 \\"quoted\\" \\u00e9", "http_code": 503, oops'
    assert parse_error_body(body) == ErrorDetails("E.1", 'line1\nline2 "quoted" \u00e9', http_code=503)


def test_html_title_is_the_message() -> None:
    body = b"<html><head>\n<TITLE>502 Bad\n  Gateway &amp; co</TITLE></head><body>nginx</body></html>"
    assert parse_error_body(body, "text/html") == ErrorDetails(message="502 Bad Gateway & co")


def test_html_ignores_json_like_text_in_scripts() -> None:
    body = b'<html><script>var x = {"error_code": "NOT.ME"};</script><p>oops</p></html>'
    assert parse_error_body(body) == ErrorDetails()
    assert parse_error_body(b"<html><title>unterminated") == ErrorDetails()


def test_invalid_utf8_does_not_become_a_message() -> None:
    assert parse_error_body(b"\xff\xfe\x00garbage\x80") == ErrorDetails()
    body = b'{"error_code": "E.1", "error_msg": "bad \xff byte"}'
    assert parse_error_body(body) == ErrorDetails("E.1", "bad \ufffd byte")


def test_declared_charset_is_used() -> None:
    body = '{"error_code": "E.1", "error_msg": "作业不存在"}'.encode("gbk")
    assert parse_error_body(body, "application/json; charset=GBK").message == "作业不存在"
    # An unknown or non-text "charset" falls back to UTF-8.
    utf8 = '{"error_msg": "é"}'.encode()
    assert parse_error_body(utf8, "application/json; charset=nope").message == "é"
    assert parse_error_body(utf8, "application/json; charset=base64").message == "é"
    assert parse_error_body(utf8, 'application/json; charset="').message == "é"


def test_text_plain_content_type_only_matters_for_plain_text() -> None:
    assert parse_error_body(b"[not json", "text/plain").message == "[not json"
    assert parse_error_body(b"[not json").message is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (404, 404),
        (0, 0),
        (999, 999),
        ("404", 404),
        (" 503 ", 503),
        (1000, None),
        (-1, None),
        ("4o4", None),
        ("١٢٣", None),  # non-ASCII digits
        ("99999999999999999999", None),
        (404.0, None),
        (True, None),
        (None, None),
        ([404], None),
        ({"x": 1}, None),
    ],
)
def test_http_code_accepts_only_ints_0_to_999(raw: object, expected: int | None) -> None:
    body = json.dumps({"error_code": "X", "http_code": raw}).encode()
    assert parse_error_body(body).http_code == expected


def test_only_the_first_64_kib_is_examined() -> None:
    padding = b" " * MAX_EXAMINED_BYTES
    assert parse_error_body(padding + b'{"error_code": "LATE"}') == ErrorDetails()
    early = b'{"error_code": "EARLY", "pad": "' + b"x" * (4 * MAX_EXAMINED_BYTES) + b'"}'
    assert parse_error_body(early).error_code == "EARLY"


def test_long_fields_are_bounded() -> None:
    body = json.dumps({"error_code": "C" * 10_000, "error_msg": "m" * 20_000}).encode()
    details = parse_error_body(body)
    assert details.error_code is not None and len(details.error_code) <= 200
    assert details.message is not None and len(details.message) <= 4096


def test_accepts_bytearray_and_memoryview() -> None:
    raw = b'{"error_code": "E.1"}'
    assert parse_error_body(bytearray(raw)).error_code == "E.1"  # type: ignore[arg-type]
    assert parse_error_body(memoryview(raw)).error_code == "E.1"  # type: ignore[arg-type]


PATHOLOGICAL = [
    b"[" * 100_000,
    b"{" * 100_000,
    b'{"a":' * 20_000,
    b'"error_code": "' + b"\\" * 100_000,
    b"""'error_code':'""" * 10_000,
    b'"error_code"' + b" " * 100_000,
    b'"error_msg": "' * 10_000,
    b"<title" * 20_000,
    b"<title>" + b"x" * 100_000,
    b"<" + b"<title>" * 20_000,
    b'{"http_code": ' + b"9" * 100_000,
    b"1" * 100_000,
    b"\x00" * 100_000,
    b"\xff" * 100_000,
]


@pytest.mark.parametrize("body", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_bodies_are_fast(body: bytes) -> None:
    start = time.perf_counter()
    details = parse_error_body(body)
    # A guard against catastrophic backtracking (minutes on such input), not a speed target.
    assert time.perf_counter() - start < 5.0
    assert isinstance(details, ErrorDetails)


# --- properties ------------------------------------------------------------------------------


def _check(details: ErrorDetails) -> None:
    assert isinstance(details, ErrorDetails)
    for value in (details.error_code, details.message, details.common_error_code, details.solution_msg):
        assert value is None or (isinstance(value, str) and value and value == value.strip())
    assert details.http_code is None or (type(details.http_code) is int and 0 <= details.http_code <= 999)


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
ERRORISH_KEYS = [
    "error_code",
    "error_msg",
    "errorCode",
    "errorMsg",
    "code",
    "message",
    "msg",
    "error",
    "error_description",
    "common_error_code",
    "solution_msg",
    "http_code",
    "title",
    "detail",
]
errorish_objects = st.dictionaries(
    st.sampled_from(ERRORISH_KEYS),
    json_values | st.dictionaries(st.sampled_from(ERRORISH_KEYS), json_values, max_size=6),
    max_size=len(ERRORISH_KEYS),
)


@given(st.binary(max_size=4096), st.none() | st.text(max_size=40))
def test_any_bytes_never_raise(body: bytes, content_type: str | None) -> None:
    _check(parse_error_body(body, content_type))


@given(json_values)
def test_any_json_never_raises(value: Any) -> None:
    _check(parse_error_body(json.dumps(value).encode()))


@given(errorish_objects, st.integers(min_value=0, max_value=400))
def test_errorish_objects_and_their_truncations_never_raise(obj: dict[str, Any], cut: int) -> None:
    body = json.dumps(obj).encode()
    _check(parse_error_body(body))
    _check(parse_error_body(body[:cut]))
    # The same object written with single quotes (the APIG style) never raises either.
    _check(parse_error_body(body.replace(b'"', b"'")))


@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip() == s and s.isprintable()))
def test_string_codes_round_trip(code: str) -> None:
    body = json.dumps({"error_code": code, "error_msg": code}).encode()
    assert parse_error_body(body) == ErrorDetails(error_code=code[:200], message=code)


@settings(max_examples=25, deadline=None)
@given(st.binary(min_size=1, max_size=64), st.integers(min_value=1, max_value=4000))
def test_repeated_fragments_stay_fast(fragment: bytes, times: int) -> None:
    body = (fragment * times)[: 2 * MAX_EXAMINED_BYTES]
    start = time.perf_counter()
    _check(parse_error_body(body))
    # A guard against catastrophic backtracking (minutes on such input), not a speed target.
    assert time.perf_counter() - start < 5.0


def test_a_cut_message_does_not_end_in_whitespace() -> None:
    # Found by the property test above in CI: a 4,096-character cut landed just after a tab.
    details = parse_error_body(b"!\t" * 4000)
    assert details.message is not None and len(details.message) <= 4096
    assert details.message == details.message.strip() and details.message.endswith("!")
    code = parse_error_body(json.dumps({"error_code": "E" + " E" * 300}).encode()).error_code
    assert code is not None and len(code) <= 200 and code == code.strip()


# --- request ids ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X-Request-Id": "abc"}, "abc"),
        ({"X-request-id": "from-delete-doc"}, "from-delete-doc"),
        ({"x-openstack-request-id": "req-1"}, "req-1"),
        ({"X-Trace-Id": "t-1"}, "t-1"),
        ({"X-Trace-Id": "t", "X-Openstack-Request-Id": "o", "X-REQUEST-ID": "r"}, "r"),
        ({"X-Trace-Id": "t", "X-Openstack-Request-Id": "o"}, "o"),
        ({"X-Request-Id": "  ", "X-Trace-Id": "t"}, "t"),
        ({"Content-Type": "application/json"}, None),
        ({}, None),
    ],
)
def test_request_id_from_headers(headers: dict[str, str], expected: str | None) -> None:
    assert request_id_from_headers(headers) == expected


def test_request_id_from_httpx_headers() -> None:
    assert request_id_from_headers(httpx.Headers({"x-request-id": "h-1"})) == "h-1"
