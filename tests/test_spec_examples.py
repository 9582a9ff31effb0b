"""Every documented example response that is valid JSON parses into its generated model."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest

from huaweicloud_jobs import Cloud
from huaweicloud_jobs_core._coerce import coerce
from huaweicloud_jobs_core._spec import resolve_refs

from spec_examples import SERVICES, ResponseExample, document, response_examples
from spec_operations import PROJECT_ID, call, load_operations

EXAMPLES = list(response_examples())


OPERATIONS = {(operation.service, operation.operation_id): operation for operation in load_operations()}


def answered_with(example: ResponseExample) -> Any:
    """The example's operation called through the public client, the example being the answer."""
    headers = {"Content-Type": "application/json", "X-Subject-Token": "example-subject-token"}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(example.status, json=example.value, headers=headers)

    with Cloud(token="t", project_id=PROJECT_ID, region="cn-north-4", transport=httpx.MockTransport(answer)) as cloud:
        return call(cloud, OPERATIONS[example.service, example.operation])


def test_every_operation_with_a_response_body_has_an_example() -> None:
    with_examples = {(e.service, e.operation) for e in EXAMPLES}
    documented = {
        (service, operation["operationId"])
        for service in SERVICES
        for item in document(service)["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        and any("content" in response for response in operation.get("responses", {}).values())
    }
    assert documented and documented <= with_examples


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.schema and 200 <= e.status < 300], ids=lambda e: e.id)
def test_json_example_parses_into_its_model(example: ResponseExample) -> None:
    schema = example.schema
    assert schema is not None
    # As a response would be: checked against its schema by the runtime, then built into the
    # model, which gives back exactly the checked JSON (nested models and arrays included).
    checked = coerce(copy.deepcopy(example.value), resolve_refs(document(example.service), schema))
    result = answered_with(example)
    if isinstance(result, list):
        assert [item.to_dict() if hasattr(item, "to_dict") else item for item in result] == checked
    else:  # a model, or a bare value (a string body)
        assert (result.to_dict() if hasattr(result, "to_dict") else result) == checked


def test_non_json_examples_are_kept_verbatim() -> None:
    verbatim = [e for e in EXAMPLES if isinstance(e.value, str) and (e.schema or {}).get("type") != "string"]
    assert {e.operation for e in verbatim} == {"stop_job", "delete_job"}
    assert all(e.status == 401 and "'APIG.1002'" in e.value for e in verbatim)


def test_dli_example_string_boolean_becomes_true() -> None:
    (example,) = [e for e in EXAMPLES if e.service == "dli" and e.operation == "stop_jobs"]
    assert example.value[0]["is_success"] == "true"
    with Cloud(
        token="t",
        project_id="p",
        region="cn-north-4",
        transport=httpx.MockTransport(lambda request: httpx.Response(200, json=example.value)),
    ) as cloud:
        results = cloud.dli.stop_jobs([1])
    assert results[0].is_success is True and results.all_succeeded
