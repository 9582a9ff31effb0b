"""Fuzzing the response parsers: any body in, a typed result or a library error out.

Two levels, both with hypothesis (examples per test: the profile's ``max_examples``,
200 in CI):

* every result model of every generated package (the model an operation returns; the models nested
  in it are reached through it), parsed by the public ``Cloud`` over an ``httpx.MockTransport``;
* every operation of every spec, through the public ``Cloud`` against the local server,
  with the fuzzed body as the success response.

The outcome must be a result whose fields have their annotated types (``str`` fields
hold ``str``, ``bool`` fields ``bool``, ``int`` fields ``int`` -- never ``True`` --, or
``UNSET``), or :class:`ResponseValidationError` / :class:`OperationFailedError`; never a
bare ``KeyError``/``TypeError``/``AttributeError``/... The defects these fuzzers found
(arrays read as objects, unchecked arrays, deep nesting) have regression tests at the end.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import types
from collections.abc import Iterator
from typing import Any, Literal, Union, get_args, get_origin

import httpx
import pytest
from contract.conformance import mismatches, model_hints
from hypothesis import given
from hypothesis import strategies as st

from huaweicloud_jobs import (
    Cloud,
    Credentials,
    HuaweiCloudJobsError,
    OperationFailedError,
    ResponseValidationError,
    RetryPolicy,
)
from huaweicloud_jobs_core._spec import ErrorInBody, operation_spec
from huaweicloud_jobs_core.types import Unset

from local_server import LocalServer, Reply
from spec_operations import PROJECT_ID, SpecOperation, call, field_name, load_operations, result_hint

ACCEPTED_ERRORS = (ResponseValidationError, OperationFailedError)


def model_package(model: type[Any]) -> str:
    """The service package of a model: its generated base's (IAM's IssuedToken names huaweicloud_jobs, where users
    import it)."""
    generated = next((base for base in model.__mro__ if ".models." in base.__module__), model)
    return generated.__module__.split(".")[0]


def model_id(model: type[Any]) -> str:
    return f"{model_package(model).removeprefix('huaweicloud_jobs_')}.{model.__name__}"


OPERATIONS = load_operations()


def _result_models() -> dict[type[Any], tuple[SpecOperation, Any]]:
    """The model each operation returns (in its success result), with one operation returning it and its result type."""
    found: dict[type[Any], tuple[SpecOperation, Any]] = {}
    with Cloud(token="fuzz-token", region="cn-north-4", project_id=PROJECT_ID) as cloud:
        for operation in OPERATIONS:
            hint = result_hint(cloud, operation) if operation.success_statuses else None
            model = _first_model(hint)
            if model is not None:
                found.setdefault(model, (operation, hint))
    return found


def _first_model(hint: Any) -> type[Any] | None:
    if isinstance(hint, type) and hasattr(hint, "from_dict"):
        return hint
    for argument in get_args(hint):
        found = _first_model(argument)
        if found is not None:
            return found
    return None


RESULT_MODELS = _result_models()
MODELS = sorted(RESULT_MODELS, key=model_id)


# --------------------------------------------------------------------------- strategies

WEIRD_STRINGS = ["", " ", "true", "false", "True", "FALSE", "yes", "1", "0", "-0", " +5 ", "+-5", "²", "١٢", "null"]
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(WEIRD_STRINGS),
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def json_keys(model: type[Any]) -> tuple[str, ...]:
    """The JSON property names a model reads (from its generated ``from_dict``)."""
    return tuple(dict.fromkeys(re.findall(r'd\.pop\("([^"]+)"', inspect.getsource(model.from_dict))))


def _members(hint: Any) -> list[Any]:
    if get_origin(hint) in (Union, types.UnionType):
        return [member for member in get_args(hint) if getattr(member, "__name__", "") != "Unset"]
    return [hint]


def typed_value(hint: Any, depth: int) -> st.SearchStrategy[Any]:
    """Values close to what a field documents (and near misses), to reach past the first check."""
    strategies: list[st.SearchStrategy[Any]] = [json_values]
    for member in _members(hint):
        origin = get_origin(member)
        if member is str:
            strategies.append(st.text(max_size=20))
        elif member is bool:
            strategies += [st.booleans(), st.sampled_from(WEIRD_STRINGS)]
        elif member is int:
            strategies += [st.integers(), st.integers().map(str), st.sampled_from(WEIRD_STRINGS)]
        elif member is float:
            strategies += [st.floats(allow_nan=False, allow_infinity=False), st.integers()]
        elif origin is Literal:
            strategies.append(st.sampled_from(get_args(member)))
        elif origin is list:
            strategies.append(st.lists(typed_value(get_args(member)[0], depth), max_size=3))
        elif isinstance(member, type) and hasattr(member, "from_dict") and depth < 3:
            strategies.append(shaped(member, depth + 1))
    return st.one_of(strategies)


_SHAPED: dict[tuple[type[Any], int], st.SearchStrategy[dict[str, Any]]] = {}


def shaped(model: type[Any], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """JSON objects with the model's properties (each maybe missing, maybe mistyped) plus extra keys."""
    if (model, depth) not in _SHAPED:
        hints = model_hints(model)
        known = st.fixed_dictionaries(
            {}, optional={key: typed_value(hints.get(field_name(model, key), Any), depth) for key in json_keys(model)}
        )
        extra = st.dictionaries(st.text(max_size=8), json_values, max_size=2)
        _SHAPED[model, depth] = st.builds(lambda extra, known: {**extra, **known}, extra, known)
    return _SHAPED[model, depth]


def encoded(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


_BODIES: dict[type[Any] | None, st.SearchStrategy[bytes]] = {}


def bodies(model: type[Any] | None) -> st.SearchStrategy[bytes]:
    """Response bodies: shaped objects, arrays of them, any JSON, and bytes that are not JSON at all."""
    if model not in _BODIES:
        options: list[st.SearchStrategy[bytes]] = [json_values.map(encoded), st.binary(max_size=24)]
        if model is not None:
            options += [shaped(model).map(encoded), st.lists(shaped(model), max_size=3).map(encoded)]
        _BODIES[model] = st.one_of(options)
    return _BODIES[model]


# --------------------------------------------------------------------------- checks


def parse_with_finish(model: type[Any], body: bytes) -> Any:
    """Parse ``body`` as the success response of an operation returning ``model``; return the error if raised."""
    operation, _ = RESULT_MODELS[model]
    status = operation.success_statuses[0]
    headers = {"Content-Type": "application/json", "X-Subject-Token": "fuzz-subject-token"}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers=headers)

    with Cloud(
        token="fuzz-token",
        region="cn-north-4",
        project_id=PROJECT_ID,
        transport=httpx.MockTransport(answer),
        retry=RetryPolicy.disabled(),
    ) as cloud:
        try:
            return call(cloud, operation)
        except HuaweiCloudJobsError as error:
            return error


def real_mismatches(value: Any, hint: Any) -> list[str]:
    """Fields whose value does not have the annotated type."""
    return list(mismatches(value, hint))


def error_in_body(error: OperationFailedError) -> ErrorInBody:
    """The ``x-error-in-body`` declaration of the operation that raised ``error``."""
    operation = next(op for op in OPERATIONS if (op.service, op.operation_id) == (error.service, error.operation))
    package = f"huaweicloud_jobs_{operation.service}"
    success = operation_spec(package, operation.method, operation.path).success[operation.success_statuses[0]]
    assert success.error_in_body is not None, f"{operation.id} declares no x-error-in-body"
    return success.error_in_body


def check_outcome(outcome: Any, hint: Any, body: bytes) -> None:
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, ACCEPTED_ERRORS), f"{type(outcome).__name__}: {outcome}"
        if isinstance(outcome, OperationFailedError):
            declared = error_in_body(outcome)
            reported = json.loads(body)
            if isinstance(reported, dict):  # else: an array read as an object (test_only_a_json_object_...)
                assert declared.reports_failure(reported), "OperationFailedError for a body that reports no failure"
                code = reported.get(declared.code) if declared.code else None
                assert outcome.error_code == (str(code) if code else None)
        return
    problems = real_mismatches(outcome, hint)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("model", MODELS, ids=model_id)
@given(data=st.data())
def test_any_body_gives_a_typed_model_or_a_validation_error(model: type[Any], data: st.DataObject) -> None:
    body = data.draw(bodies(model), label="body")
    check_outcome(parse_with_finish(model, body), RESULT_MODELS[model][1], body)


def test_result_models_of_every_package_with_models_are_fuzzed() -> None:
    with_models = {operation.service for operation, _ in RESULT_MODELS.values()}
    assert {model_package(model) for model in MODELS} == {f"huaweicloud_jobs_{s}" for s in with_models}
    assert len(MODELS) >= len(with_models) > 0


# --------------------------------------------------------------------------- through the public client


@pytest.fixture(scope="module")
def fuzz_server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


@pytest.fixture(scope="module")
def fuzz_cloud(fuzz_server: LocalServer) -> Iterator[Cloud]:
    credentials = Credentials(ak="AKFUZZFUZZFUZZFUZZ00", sk="sk-fuzz", project_id=PROJECT_ID)
    with Cloud(
        credentials=credentials, endpoints=fuzz_server.endpoints(), allow_http=True, retry=RetryPolicy.disabled()
    ) as cloud:
        yield cloud


# A 204 carries no body (RFC 9110 section 15.3.5): an operation answering one has no body to fuzz.
WITH_BODIES = [op for op in OPERATIONS if op.success_statuses and op.success_statuses[0] != 204]


@pytest.mark.parametrize("operation", WITH_BODIES, ids=lambda op: op.id)
@given(data=st.data())
def test_any_success_body_through_the_public_client(
    fuzz_cloud: Cloud, fuzz_server: LocalServer, operation: SpecOperation, data: st.DataObject
) -> None:
    hint = result_hint(fuzz_cloud, operation)
    body = data.draw(bodies(_first_model(hint)), label="body")
    status = operation.success_statuses[0]
    fuzz_server.enqueue(Reply(status, body, {"Content-Type": "application/json"}))
    try:
        outcome = call(fuzz_cloud, operation)
    except HuaweiCloudJobsError as error:
        outcome = error
    check_outcome(outcome, hint, body)


# --------------------------------------------------------------------------- defects the fuzzers found (fixed)

DRS_RESPONSE = "huaweicloud_jobs_drs.models.StopJobResponse"


def _model(path: str) -> type[Any]:
    module, _, name = path.rpartition(".")
    found: type[Any] = getattr(importlib.import_module(module), name)
    return found


@pytest.mark.parametrize("body", [b'[["status", "success"]]', b'["ab"]', b"[]", b"[[null, null]]"])
def test_only_a_json_object_parses_into_a_model(body: bytes) -> None:
    outcome = parse_with_finish(_model(DRS_RESPONSE), body)
    assert isinstance(outcome, ResponseValidationError), outcome


@pytest.mark.parametrize("body", [b"{}", b'""', b'{"": 1}'])
def test_only_a_json_array_parses_into_a_batch_result(fuzz_cloud: Cloud, fuzz_server: LocalServer, body: bytes) -> None:
    fuzz_server.enqueue(Reply(200, body, {"Content-Type": "application/json"}))
    with pytest.raises(ResponseValidationError, match="expected an array"):
        fuzz_cloud.dli.stop_jobs([1, 2])


@pytest.mark.parametrize("methods", [5, [1, 2], "password"])
def test_token_methods_are_type_checked(methods: object) -> None:
    body = encoded({"token": {"expires_at": "2026-11-24T09:30:00.000000Z", "methods": methods}})
    outcome = parse_with_finish(_model("huaweicloud_jobs_iam.IssuedToken"), body)
    assert isinstance(outcome, ResponseValidationError), outcome


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000])
def test_deeply_nested_body_is_a_validation_error(body: bytes) -> None:
    outcome = parse_with_finish(_model(DRS_RESPONSE), body)
    assert isinstance(outcome, ResponseValidationError), outcome


def test_null_for_an_optional_field_reads_as_absent() -> None:
    body = encoded({"token": {"expires_at": "2026-11-24T09:30:00.000000Z", "methods": None}})
    outcome = parse_with_finish(_model("huaweicloud_jobs_iam.IssuedToken"), body)
    assert not isinstance(outcome, BaseException), outcome
    assert isinstance(outcome.token.methods, Unset)
