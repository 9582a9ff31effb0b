"""Contract tests: every operation of every spec, through the public client, against Prism.

Prism (one ``prism mock`` per ``openapi/*.yaml``, see conftest.py) validates each request
against the spec and answers from it. A request it finds at odds with the spec -- its
``sl-violations`` header names a ``request`` location, or it answers with one of its own
``application/problem+json`` errors -- fails the test with Prism's message. The answers
are driven with ``Prefer`` (signed like every other header):

* ``code=S`` and ``code=S, example=NAME`` for every documented status and example: a
  success parses into the annotated result type; an error raises exactly the exception
  class of its status, with the example's ``error_code``/``error_msg``;
* ``code=S, dynamic=true`` (schema-generated bodies, ``CONTRACT_DYNAMIC_ROUNDS`` times,
  25 by default): a success parses into a typed result (``OperationFailedError`` when the
  body carries an ``error_code``; ``ResponseValidationError`` only for bodies Prism itself
  flags as breaking the schema); an error raises its status's class; nothing else escapes.

A response that breaks the spec (Prism flags its own answer, which comes from a spec
example) fails too, unless listed in ``KNOWN_RESPONSE_VIOLATIONS`` with the reason.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from huaweicloud_jobs import (
    AkSkAuth,
    APIStatusError,
    AsyncCloud,
    AuthenticationError,
    BadRequestError,
    Cloud,
    ConflictError,
    Credentials,
    HuaweiCloudJobsError,
    NotFoundError,
    OperationFailedError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    ServerTimeoutError,
    UnexpectedStatusError,
)

from .conformance import mismatches
from .prism import Exchange, PrismAuth, PrismServer
from spec_operations import (
    PROJECT_ID,
    SpecOperation,
    argument_name,
    call,
    fit_length,
    load_operations,
    path_parameters,
    result_hint,
)

OPERATIONS = load_operations()
CREDENTIALS = Credentials(ak="AKCONTRACTTESTS00000", sk="sk-contract-secret", project_id=PROJECT_ID)
DYNAMIC_ROUNDS = int(os.environ.get("CONTRACT_DYNAMIC_ROUNDS", "25"))

# The exception each documented status must raise (written out: it is what is under test).
STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: ServerTimeoutError,
    409: ConflictError,
    429: RateLimitError,
}

# (service, operation, status, violation location) -> why the spec keeps an example that breaks its schema.
KNOWN_RESPONSE_VIOLATIONS = {
    ("dli", "stop_jobs", 200, "response.body.0.is_success"): (
        "the page's example sends is_success as the string 'true' although it documents a boolean; "
        "kept verbatim, the client reads it as True"
    ),
    ("dli", "show_job", 200, "response.body.is_success"): (
        "the SDK types is_success as a string ('true') where the page types the same field a boolean; "
        "the example keeps the SDK's form, the client reads it as True"
    ),
}

TRICKY_IDS = ["a/b", "../x", "a?b=c#d", "with space", "ünïcødé-作业", "%2F", "a+b", "~._-", "😀", "%"]


def expected_error(status: int) -> type[APIStatusError]:
    if status in STATUS_ERRORS:
        return STATUS_ERRORS[status]
    return ServerError if 500 <= status <= 599 else UnexpectedStatusError


def location(violation: dict[str, Any]) -> str:
    return ".".join(str(part) for part in violation.get("location", []))


def shown(violations: list[dict[str, Any]]) -> str:
    return "\n".join(f"  - {location(v)}: {v.get('message')} [{v.get('code')}]" for v in violations)


# --------------------------------------------------------------------------- fixtures and checks


@pytest.fixture(scope="session")
def prism_auth() -> PrismAuth:
    return PrismAuth(AkSkAuth(CREDENTIALS))


def cloud_options(prism: dict[str, PrismServer], auth: PrismAuth) -> dict[str, Any]:
    return {
        "auth": auth,
        "project_id": PROJECT_ID,
        "endpoints": {service: server.base_url for service, server in prism.items()},
        "allow_http": True,
        "retry": RetryPolicy.disabled(),
    }


@pytest.fixture(scope="session")
def cloud(prism: dict[str, PrismServer], prism_auth: PrismAuth) -> Iterator[Cloud]:
    with Cloud(**cloud_options(prism, prism_auth)) as built:
        yield built


def check_exchange(operation: SpecOperation, exchange: Exchange) -> None:
    """Fail with Prism's own words if the request, or Prism's answer, breaks the spec."""
    if exchange.request_violations:
        pytest.fail(
            f"Prism: the request breaks {operation.service}.yaml ({exchange.describe()}):\n"
            f"{shown(exchange.request_violations)}",
            pytrace=False,
        )
    problem = exchange.prism_problem
    if problem is not None:
        pytest.fail(
            f"Prism answered with its own error ({exchange.describe()}): "
            f"{problem.get('type')}: {problem.get('title')} -- {problem.get('detail')}",
            pytrace=False,
        )
    unexpected = [
        violation
        for violation in exchange.response_violations
        if (operation.service, operation.operation_id, exchange.status, location(violation))
        not in KNOWN_RESPONSE_VIOLATIONS
    ]
    if unexpected:
        pytest.fail(
            f"Prism: its answer, taken from {operation.service}.yaml, breaks the spec's own schema "
            f"({exchange.describe()}):\n{shown(unexpected)}",
            pytrace=False,
        )
    authorization = exchange.request_headers.get("authorization", "")
    assert authorization.startswith(f"SDK-HMAC-SHA256 Access={CREDENTIALS.ak}, SignedHeaders="), authorization
    if exchange.prefer:
        assert "prefer" in authorization.split("SignedHeaders=")[1].split(",")[0].split(";")


def send(
    auth: PrismAuth, operation: SpecOperation, action: Callable[[], Any], prefer: str | None
) -> tuple[Any, Exchange]:
    """Run one call with ``Prefer: prefer``; return its result (or library error) and the exchange."""
    before = len(auth.exchanges)
    auth.prefer = prefer
    try:
        outcome: Any = action()
    except HuaweiCloudJobsError as error:
        outcome = error
    finally:
        auth.prefer = None
    exchanges = auth.exchanges[before:]
    assert len(exchanges) == 1, [exchange.describe() for exchange in exchanges]
    check_exchange(operation, exchanges[0])
    return outcome, exchanges[0]


def check_success(cloud: Cloud, operation: SpecOperation, outcome: Any, exchange: Exchange) -> None:
    if isinstance(outcome, BaseException):
        raise AssertionError(f"{exchange.describe()}: {type(outcome).__name__}: {outcome}") from outcome
    problems = mismatches(outcome, result_hint(cloud, operation))
    assert not problems, "\n".join(problems)
    if hasattr(outcome, "to_dict") and not exchange.response_violations:
        assert outcome.to_dict() == json.loads(exchange.body)
    if isinstance(outcome, list) and not exchange.response_violations:
        assert [item.to_dict() for item in outcome] == json.loads(exchange.body)
    if hasattr(outcome, "accepted"):
        assert outcome.status_code == exchange.status
        documented = operation.responses[exchange.status].get("headers", {})
        for header in documented:
            assert outcome.request_id == exchange.headers.get(header), header


def check_error(operation: SpecOperation, status: int, outcome: Any, example: Any = None) -> None:
    expected = expected_error(status)
    assert type(outcome) is expected, f"HTTP {status}: expected {expected.__name__}, got {outcome!r}"
    assert outcome.status_code == status
    assert (outcome.service, outcome.operation) == (operation.service, operation.operation_id)
    if isinstance(example, dict):
        if isinstance(example.get("error_code"), str):
            assert outcome.error_code == example["error_code"]
        if isinstance(example.get("error_msg"), str):
            assert outcome.message == example["error_msg"]
    elif isinstance(example, str):
        assert outcome.message and outcome.message in example


# --------------------------------------------------------------------------- coverage


def test_every_spec_is_served_and_every_operation_is_callable(
    prism: dict[str, PrismServer], cloud: Cloud, prism_auth: PrismAuth
) -> None:
    assert sorted(prism) == sorted({operation.service for operation in OPERATIONS})
    assert len(OPERATIONS) >= 6
    for operation in OPERATIONS:
        assert callable(getattr(getattr(cloud, operation.service), operation.operation_id))


# --------------------------------------------------------------------------- requests


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.id)
def test_request_matches_the_spec(cloud: Cloud, prism_auth: PrismAuth, operation: SpecOperation) -> None:
    outcome, exchange = send(prism_auth, operation, lambda: call(cloud, operation), None)
    check_success(cloud, operation, outcome, exchange)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.id)
def test_async_request_matches_the_spec(
    prism: dict[str, PrismServer], prism_auth: PrismAuth, cloud: Cloud, operation: SpecOperation
) -> None:
    async def run() -> Any:
        async with AsyncCloud(**cloud_options(prism, prism_auth)) as async_cloud:
            return await call(async_cloud, operation)

    outcome, exchange = send(prism_auth, operation, lambda: asyncio.run(run()), None)
    check_success(cloud, operation, outcome, exchange)


ENUM_CASES = [
    (operation, parameter["name"], value)
    for operation in OPERATIONS
    for parameter in operation.parameters
    if parameter["name"].lower() not in ("content-type", "project_id")
    for value in parameter.get("schema", {}).get("enum", [])
]


@pytest.mark.parametrize(
    ("operation", "parameter", "value"), ENUM_CASES, ids=[f"{op.id}-{name}={value}" for op, name, value in ENUM_CASES]
)
def test_every_enum_value_is_accepted(
    cloud: Cloud, prism_auth: PrismAuth, operation: SpecOperation, parameter: str, value: Any
) -> None:
    outcome, exchange = send(
        prism_auth, operation, lambda: call(cloud, operation, {argument_name(operation, parameter): value}), None
    )
    check_success(cloud, operation, outcome, exchange)


BOOLEAN_CASES = [
    (operation, name, value)
    for operation in OPERATIONS
    if operation.request_body
    for name, schema in operation.request_body["content"]["application/json"]["schema"].get("properties", {}).items()
    if schema.get("type") == "boolean"
    for value in (True, False)
]


@pytest.mark.parametrize(
    ("operation", "field", "value"), BOOLEAN_CASES, ids=[f"{op.id}-{name}={value}" for op, name, value in BOOLEAN_CASES]
)
def test_every_boolean_body_field_is_accepted(
    cloud: Cloud, prism_auth: PrismAuth, operation: SpecOperation, field: str, value: bool
) -> None:
    outcome, exchange = send(
        prism_auth, operation, lambda: call(cloud, operation, {argument_name(operation, field, "body"): value}), None
    )
    check_success(cloud, operation, outcome, exchange)


ID_CASES = [
    (operation, parameter["name"], fit_length(tricky, parameter.get("schema", {})))
    for operation in OPERATIONS
    for parameter in path_parameters(operation)
    if parameter.get("schema", {}).get("type", "string") == "string"  # integer ids: no reserved characters
    for tricky in TRICKY_IDS
]


@pytest.mark.parametrize(
    ("operation", "parameter", "value"),
    ID_CASES,
    ids=[f"{op.id}-{name}-{i}" for i, (op, name, _) in enumerate(ID_CASES)],
)
def test_reserved_and_unicode_ids_match_the_spec(
    cloud: Cloud, prism_auth: PrismAuth, operation: SpecOperation, parameter: str, value: str
) -> None:
    outcome, exchange = send(
        prism_auth, operation, lambda: call(cloud, operation, {argument_name(operation, parameter): value}), None
    )
    check_success(cloud, operation, outcome, exchange)


def test_prism_rejects_a_request_that_breaks_the_spec(cloud: Cloud, prism_auth: PrismAuth) -> None:
    """The harness itself: Prism validates requests and ``check_exchange`` reports it."""
    operation = next(op for op in OPERATIONS if any(p.get("schema", {}).get("minLength") for p in op.parameters))
    _, good = send(prism_auth, operation, lambda: call(cloud, operation), None)
    unsigned = {
        k: v for k, v in good.request_headers.items() if k not in ("authorization", "x-auth-token", "content-length")
    }
    project = f"/{PROJECT_ID}/"
    for url in (good.url, good.url.replace(project, "/p/")):
        response = httpx.request(good.method, url, headers=unsigned if url == good.url else good.request_headers)
        rejected = Exchange(good.method, url, {}, None, response.status_code, response.headers, response.content)
        assert rejected.request_violations or rejected.prism_problem, rejected.describe()
        with pytest.raises(pytest.fail.Exception, match="Prism"):
            check_exchange(operation, rejected)


# --------------------------------------------------------------------------- documented responses

STATUS_CASES = [(operation, status) for operation in OPERATIONS for status in operation.responses]
EXAMPLE_CASES = [
    (operation, status, name)
    for operation in OPERATIONS
    for status in operation.responses
    for name in operation.examples(status)
]


@pytest.mark.parametrize(
    ("operation", "status"), STATUS_CASES, ids=[f"{op.id}-{status}" for op, status in STATUS_CASES]
)
def test_documented_status(cloud: Cloud, prism_auth: PrismAuth, operation: SpecOperation, status: int) -> None:
    outcome, exchange = send(prism_auth, operation, lambda: call(cloud, operation), f"code={status}")
    assert exchange.status == status
    if 200 <= status < 300:
        check_success(cloud, operation, outcome, exchange)
    else:
        first = next(iter(operation.examples(status).values()), None)
        check_error(operation, status, outcome, first)


@pytest.mark.parametrize(
    ("operation", "status", "name"),
    EXAMPLE_CASES,
    ids=[f"{op.id}-{status}-{name}" for op, status, name in EXAMPLE_CASES],
)
def test_documented_example(
    cloud: Cloud, prism_auth: PrismAuth, operation: SpecOperation, status: int, name: str
) -> None:
    prefer = f"code={status}, example={name}"
    outcome, exchange = send(prism_auth, operation, lambda: call(cloud, operation), prefer)
    assert exchange.status == status
    example = operation.examples(status)[name]
    if isinstance(example, str):
        assert json.loads(exchange.body) == example  # Prism sends a non-JSON example as a JSON string
    if 200 <= status < 300:
        check_success(cloud, operation, outcome, exchange)
    else:
        check_error(operation, status, outcome, example)


def test_known_response_violations_still_occur(cloud: Cloud, prism_auth: PrismAuth) -> None:
    """Each entry of KNOWN_RESPONSE_VIOLATIONS is still needed (else remove it)."""
    for service, operation_id, status, where in KNOWN_RESPONSE_VIOLATIONS:
        operation = next(op for op in OPERATIONS if (op.service, op.operation_id) == (service, operation_id))
        _, exchange = send(prism_auth, operation, functools.partial(call, cloud, operation), f"code={status}")
        assert where in {location(v) for v in exchange.response_violations}


def test_error_code_inside_a_json_string_body_is_found(cloud: Cloud, prism_auth: PrismAuth) -> None:
    cases = [
        (operation, status, name)
        for operation, status, name in EXAMPLE_CASES
        if isinstance(operation.examples(status)[name], str)
    ]
    assert cases
    for operation, status, name in cases:
        outcome, _ = send(
            prism_auth, operation, functools.partial(call, cloud, operation), f"code={status}, example={name}"
        )
        assert isinstance(outcome, APIStatusError) and outcome.error_code == "APIG.1002", outcome


# --------------------------------------------------------------------------- dynamic responses

# Prism can generate a body only from a schema: a response documented by examples alone
# (LakeFormation's 401/403/408) falls back to another status in dynamic mode.
DYNAMIC_CASES = [
    (operation, status)
    for operation, status in STATUS_CASES
    if not operation.has_body(status) or "schema" in operation.media(status)
]


@pytest.mark.parametrize(
    ("operation", "status"), DYNAMIC_CASES, ids=[f"{op.id}-{status}" for op, status in DYNAMIC_CASES]
)
def test_dynamic_responses(cloud: Cloud, prism_auth: PrismAuth, operation: SpecOperation, status: int) -> None:
    for _ in range(DYNAMIC_ROUNDS):
        prefer = f"code={status}, dynamic=true"
        outcome, exchange = send(prism_auth, operation, lambda: call(cloud, operation), prefer)
        assert exchange.status == status
        if not 200 <= status < 300:
            check_error(operation, status, outcome)
        elif isinstance(outcome, OperationFailedError):
            body = json.loads(exchange.body)
            assert isinstance(body, dict) and body.get("error_code") == outcome.error_code, exchange.body
        elif isinstance(outcome, ResponseValidationError):
            # The documents type IAM's expires_at as a plain string; the token provider needs a time
            # from it, so Prism's random text there is refused, by design, as unusable.
            unusable_time = "is not an ISO 8601 time" in outcome.reason
            assert exchange.response_violations or unusable_time, f"a body valid per the spec was refused: {outcome}"
        else:
            check_success(cloud, operation, outcome, exchange)
