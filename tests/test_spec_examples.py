"""Every documented example response that is valid JSON parses into its generated model."""

from __future__ import annotations

import importlib
from typing import Any

import httpx
import pytest

from huaweicloud_jobs import Cloud
from huaweicloud_jobs_core._coerce import coerce
from huaweicloud_jobs_core._spec import resolve_refs

from spec_examples import SERVICES, ResponseExample, document, response_examples

EXAMPLES = list(response_examples())


def model_class(example: ResponseExample, schema: dict[str, Any]) -> Any:
    name = schema["$ref"].rsplit("/", 1)[-1]
    return getattr(importlib.import_module(f"{example.package}.models"), name)


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


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.schema], ids=lambda e: e.id)
def test_json_example_parses_into_its_model(example: ResponseExample) -> None:
    schema = example.schema
    assert schema is not None
    # Through the runtime's check of the body against its schema, as a response would be;
    # then the model gives back exactly the checked JSON (nested models and arrays included).
    checked = coerce(example.value, resolve_refs(document(example.service), schema))
    if schema.get("type") == "array":
        cls = model_class(example, schema["items"])
        parsed = [cls.from_dict(item) for item in checked]
        assert parsed and all(isinstance(item, cls) for item in parsed)
        assert [item.to_dict() for item in parsed] == checked
    else:
        cls = model_class(example, schema)
        assert cls.from_dict(checked).to_dict() == checked


def test_non_json_examples_are_kept_verbatim() -> None:
    verbatim = [e for e in EXAMPLES if isinstance(e.value, str)]
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
