"""The list operations: in their specs with provenance, sent as the SDK sends them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from huaweicloud_jobs import Cloud
from huaweicloud_jobs.testing import FakeCloud

from conftest import PROJECT_ID, ROOT

LISTS = {
    "drs": ("list_jobs", "huaweicloudsdkdrs", "DrsClient.list_jobs"),
    "dli": ("list_jobs", "huaweicloudsdkdli", "DliClient.list_flink_jobs"),
    "aom": ("list_workflow", "huaweicloudsdkaom", "AomClient.list_workflow"),
}
UNPAGED = {"aom": ("list_workflow_executions", "huaweicloudsdkaom", "AomClient.list_workflow_executions")}


def operation(service: str, operation_id: str) -> dict[str, Any]:
    document = yaml.safe_load((ROOT / "openapi" / f"{service}.yaml").read_text(encoding="utf-8"))
    for item in document["paths"].values():
        for method, candidate in item.items():
            if isinstance(candidate, dict) and candidate.get("operationId") == operation_id:
                return dict(candidate, method=method)
    raise LookupError(f"{service}.{operation_id}")


@pytest.mark.parametrize("service", sorted({**LISTS, **UNPAGED}))
def test_each_list_operation_names_its_source(service: str) -> None:
    for table in (LISTS, UNPAGED):
        if service not in table:
            continue
        operation_id, package, method = table[service]
        source = operation(service, operation_id)["x-source"]
        assert source["package"] == package and str(source["version"]) == "3.1.219" and source["method"] == method


@pytest.mark.parametrize("service", sorted(LISTS))
def test_paged_lists_declare_their_paginator_and_unpaged_ones_do_not(service: str) -> None:
    paged = operation(service, LISTS[service][0])
    assert {"style", "in", "cursor", "items", "stop", "reason"} <= set(paged["responses"]["200"]["x-paginators"])
    for operation_id, _, _ in UNPAGED.values():
        assert "x-paginators" not in operation("aom", operation_id)["responses"]["200"]


def test_lakeformation_says_it_has_no_job_listing() -> None:
    text = Path(ROOT / "openapi" / "lakeformation.yaml").read_text(encoding="utf-8")
    assert "No job listing" in text and "x-paginators" in text
    document = yaml.safe_load(text)
    assert not [op for item in document["paths"].values() for op in item.values() if "list" in op["operationId"]]


def test_drs_instance_ids_are_one_comma_separated_value() -> None:
    # The SDK's collection format for instance_ids is csv: ?instance_ids=a,b, not ?instance_ids=a&instance_ids=b.
    fake = FakeCloud(["drs"])
    with Cloud(token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport()) as cloud:
        cloud.drs.list_jobs(job_type="sync", instance_ids=["inst-a", "inst-b"], limit=5)
    sent = fake.requests[-1]
    assert sent.status == 200, sent
    assert sent.query["instance_ids"] == "inst-a,inst-b" and sent.path.count("instance_ids=") == 1
