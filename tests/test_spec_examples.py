"""Every documented example response that is valid JSON parses into its generated model."""

from __future__ import annotations

import importlib
from typing import Any

import pytest

from huaweicloud_jobs_core._spec import resolve_refs

from spec_examples import ResponseExample, document, response_examples

EXAMPLES = list(response_examples())


def model_class(example: ResponseExample, schema: dict[str, Any]) -> Any:
    name = schema["$ref"].rsplit("/", 1)[-1]
    return getattr(importlib.import_module(f"{example.package}.models"), name)


def test_every_operation_has_examples() -> None:
    operations = {(e.service, e.operation) for e in EXAMPLES}
    assert {
        ("lakeformation", "stop_job"),
        ("lakeformation", "delete_job"),
        ("drs", "stop_job"),
        ("dli", "stop_jobs"),
        ("aom", "terminate_execution"),
    } <= operations
    # 6+6 LakeFormation error examples, 2 DRS, 1 DLI, 5 AOM, 1 IAM.
    assert len(EXAMPLES) == 21


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.schema], ids=lambda e: e.id)
def test_json_example_parses_into_its_model(example: ResponseExample) -> None:
    schema = example.schema
    assert schema is not None
    if schema.get("type") == "array":
        cls = model_class(example, schema["items"])
        parsed = [cls.from_dict(item) for item in example.value]
        assert parsed and all(isinstance(item, cls) for item in parsed)
        originals = example.value
    else:
        cls = model_class(example, schema)
        parsed = [cls.from_dict(example.value)]
        originals = [example.value]
    properties = resolve_refs(document(example.service), schema.get("items", schema))["properties"]
    for model, original in zip(parsed, originals, strict=True):
        for key, value in original.items():
            attribute = getattr(model, key)
            if hasattr(attribute, "to_dict"):
                attribute = attribute.to_dict()
            if properties[key].get("type") == "boolean":
                assert attribute is (value in (True, "true"))
            else:
                assert attribute == value


def test_non_json_examples_are_kept_verbatim() -> None:
    verbatim = [e for e in EXAMPLES if isinstance(e.value, str)]
    assert {e.operation for e in verbatim} == {"stop_job", "delete_job"}
    assert all(e.status == 401 and "'APIG.1002'" in e.value for e in verbatim)


def test_dli_example_string_boolean_becomes_true() -> None:
    (example,) = [e for e in EXAMPLES if e.service == "dli"]
    assert example.value[0]["is_success"] == "true"
    from huaweicloud_jobs_dli.models import StopJobsResult

    assert StopJobsResult.from_dict(example.value[0]).is_success is True
