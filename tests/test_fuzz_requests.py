"""Fuzzing the request side: any ID reaches the server intact, in its own path segment, signed.

For every operation of every spec with caller-supplied path parameters (discovered from
``openapi/*.yaml``), hypothesis draws IDs -- any Unicode but lone surrogates, reserved
characters, spaces, ``%``, ``+``, control characters, within the parameter's documented
length -- and calls the operation through the public ``Cloud`` against the local server
(examples per test: the profile's ``max_examples``, 200 in CI). What the server received
must

* route to the same operation, each ID in its own segment, percent-decoding back to exactly the ID;
* carry a signature that the official ``huaweicloudsdkcore`` signer (a test-only oracle)
  recomputes identically from the method, raw path, query, headers and body received.

``.``, ``..`` and ``""`` must be refused with :class:`InvalidParameterError` before sending.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, unquote

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials  # type: ignore[import-untyped]
from huaweicloudsdkcore.sdk_request import SdkRequest  # type: ignore[import-untyped]
from huaweicloudsdkcore.signer.signer import Signer as OfficialSigner  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from huaweicloud_jobs import Cloud, Credentials, InvalidParameterError, RetryPolicy

from local_server import LocalServer, Received
from spec_operations import PROJECT_ID, SpecOperation, argument_name, call, load_operations, path_parameters

AK = "AKFUZZREQUESTS000000"
SK = "sk-fuzz-requests-secret"
OPERATIONS = [operation for operation in load_operations() if list(path_parameters(operation))]
# Connection-level headers the signer deliberately leaves out (the official SDK never sees them).
UNSIGNED = {"connection", "content-length", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"}

PIECES = [*" /?#%+&=;:@!$'()*,~-._[]\\|^`\"<>{}", "%2F", "%2e", "%25", "é", "中", "😀", "\u00a0", "\x00", "\n"]
reserved = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
any_unicode = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be UTF-8 encoded


def identifiers(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """IDs within the documented length limits, never the dot segments ``.`` and ``..``; integers for integer IDs."""
    if schema.get("type") == "integer":
        return st.integers(min_value=-(2**63), max_value=2**63 - 1)
    minimum = max(int(schema.get("minLength", 1)), 1)
    maximum = int(schema.get("maxLength", 40))
    fitted = st.builds(
        lambda head, filler: (head + filler)[:maximum].ljust(minimum, "~"),
        st.one_of(reserved, st.text(any_unicode, max_size=maximum)),
        st.text(any_unicode, min_size=minimum, max_size=minimum),
    )
    return st.one_of(fitted, st.text(any_unicode, min_size=minimum, max_size=maximum)).filter(
        lambda text: text not in (".", "..")
    )


@pytest.fixture(scope="module")
def request_server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


@pytest.fixture(scope="module")
def request_cloud(request_server: LocalServer) -> Iterator[Cloud]:
    credentials = Credentials(ak=AK, sk=SK, project_id=PROJECT_ID)
    with Cloud(
        credentials=credentials, endpoints=request_server.endpoints(), allow_http=True, retry=RetryPolicy.disabled()
    ) as cloud:
        yield cloud


def path_pattern(operation: SpecOperation) -> re.Pattern[str]:
    """The operation's path template with each ``{name}`` capturing one raw segment."""
    parts = re.split(r"\{([^}]+)\}", operation.path)
    regex = "".join(re.escape(part) if index % 2 == 0 else f"(?P<{part}>[^/]*)" for index, part in enumerate(parts))
    return re.compile(f"^{regex}$")


def official_authorization(received: Received) -> tuple[str, str, list[str]]:
    """(Authorization sent, Authorization the official signer computes, signed header names)."""
    headers = {name.lower(): value.encode("latin-1").decode("utf-8") for name, value in received.headers.items()}
    authorization = headers["authorization"]
    algorithm, _, rest = authorization.partition(" ")
    assert algorithm == "SDK-HMAC-SHA256", authorization
    fields = dict(part.split("=", 1) for part in rest.split(", "))
    signed = fields["SignedHeaders"].split(";")
    raw_path, _, query = received.path.partition("?")
    official = SdkRequest(
        method=received.method,
        schema="http",
        host=headers["host"],
        resource_path=raw_path,
        query_params=parse_qsl(query, keep_blank_values=True),
        header_params={name: headers[name] for name in signed},
        body=received.body,
    )
    OfficialSigner(BasicCredentials(fields["Access"], SK)).sign(official)
    unsigned = set(headers) - set(signed) - {"authorization"}
    assert unsigned <= UNSIGNED, f"headers sent but not signed: {sorted(unsigned - UNSIGNED)}"
    return authorization, official.header_params["Authorization"], signed


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.id)
@given(data=st.data())
def test_any_id_arrives_intact_and_signed(
    request_cloud: Cloud, request_server: LocalServer, operation: SpecOperation, data: st.DataObject
) -> None:
    ids = {
        parameter["name"]: data.draw(identifiers(parameter.get("schema", {})), label=parameter["name"])
        for parameter in path_parameters(operation)
    }
    before = len(request_server.requests)
    call(request_cloud, operation, {argument_name(operation, name, "path"): value for name, value in ids.items()})
    assert len(request_server.requests) == before + 1
    received = request_server.requests[-1]
    assert (received.method, received.operation) == (operation.method, operation.operation_id)
    raw_path = received.path.partition("?")[0]
    match = path_pattern(operation).match(raw_path)
    assert match, f"{raw_path!r} does not match {operation.path}"
    assert match["project_id"] == PROJECT_ID
    for name, value in ids.items():
        segment = match[name]
        assert not set(segment) & set("/?# "), segment
        assert unquote(segment, errors="strict") == str(value), (name, segment)
    sent, recomputed, signed = official_authorization(received)
    assert sent == recomputed
    assert {"host", "x-sdk-date", "x-project-id"} <= set(signed)


@pytest.mark.parametrize(
    ("operation", "parameter"),
    [(op, p["name"]) for op in OPERATIONS for p in path_parameters(op)],
    ids=lambda value: value.id if isinstance(value, SpecOperation) else str(value),
)
@pytest.mark.parametrize("value", [".", "..", ""], ids=["dot", "dotdot", "empty"])
def test_dot_segments_and_empty_ids_are_refused_before_sending(
    request_cloud: Cloud, request_server: LocalServer, operation: SpecOperation, parameter: str, value: str
) -> None:
    before = len(request_server.requests)
    with pytest.raises(InvalidParameterError) as caught:
        call(request_cloud, operation, {argument_name(operation, parameter, "path"): value})
    assert caught.value.parameter == parameter
    assert len(request_server.requests) == before


@pytest.mark.parametrize("value", ["\ud800", "job-\udcff"])
def test_lone_surrogates_are_an_invalid_parameter(
    request_cloud: Cloud, request_server: LocalServer, value: str
) -> None:
    operation = next(op for op in OPERATIONS if len(list(path_parameters(op))) == 1)
    (parameter,) = path_parameters(operation)
    with pytest.raises(InvalidParameterError):
        call(request_cloud, operation, {argument_name(operation, parameter["name"], "path"): value})


@given(st.one_of(st.text(), st.integers(), st.sampled_from(["job-1_a.b~c", "a b", "x/y", "é", "%41"])))
def test_a_path_value_is_encoded_as_quote_would(value: str | int) -> None:
    # build_request skips quote() for values of unreserved characters only; the result must not differ.
    from urllib.parse import quote

    from huaweicloud_jobs_core._request import _path_value

    assert _path_value(value) == quote(str(value), safe="")
