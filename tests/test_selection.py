"""Client-side selection: name globs, tags, states; shared by the library and the command line."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from huaweicloud_jobs import AsyncCloud, Cloud, InvalidParameterError, Selection, select, select_async
from huaweicloud_jobs.testing import FakeCloud
from huaweicloud_jobs_aom.models import Workflow

from conftest import PROJECT_ID


def workflow(name: str, status: str, tags: dict[str, str]) -> Workflow:
    return Workflow.from_dict({"id": f"wf-{name}", "name": name, "status": status, "tags": tags})


WORKFLOWS = [
    workflow("nightly-orders", "executing", {"team": "etl", "env": "prod"}),
    workflow("nightly-users", "success", {"team": "etl"}),
    workflow("hourly-orders", "executing", {"team": "etl"}),
    workflow("nightly-ml", "executing", {"team": "ml"}),
]


def names(items: Any) -> list[str]:
    return [item["name"] if isinstance(item, dict) else item.name for item in items]


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (Selection.of(name="nightly-*"), ["nightly-orders", "nightly-users", "nightly-ml"]),
        (Selection.of(name=["hourly-*", "*-users"]), ["nightly-users", "hourly-orders"]),
        (Selection.of(tags={"team": "etl"}), ["nightly-orders", "nightly-users", "hourly-orders"]),
        (Selection.of(tags=["team=etl", "env=prod"]), ["nightly-orders"]),
        (Selection.of(states={"executing"}), ["nightly-orders", "hourly-orders", "nightly-ml"]),
        (Selection.of(name="nightly-*", tags="team=etl", states="executing"), ["nightly-orders"]),
        (Selection.of(name="NIGHTLY-*"), []),  # case-sensitive
        (Selection(), ["nightly-orders", "nightly-users", "hourly-orders", "nightly-ml"]),
    ],
)
def test_selection_on_models_and_on_json(selection: Selection, expected: list[str]) -> None:
    assert names(select(WORKFLOWS, selection)) == expected
    assert names(select([item.to_dict() for item in WORKFLOWS], selection)) == expected


def test_tags_in_every_shape_the_services_use() -> None:
    wanted = Selection.of(tags={"team": "etl"})
    assert wanted.matches({"name": "a", "tags": {"team": "etl"}})
    assert wanted.matches({"name": "a", "tags": [{"key": "team", "value": "etl"}, {"key": "x", "value": "y"}]})
    assert wanted.matches({"name": "a", "tags": "team=etl,x=y"})
    assert not wanted.matches({"name": "a", "tags": {"team": "ml"}})
    assert not wanted.matches({"name": "a"})


def test_a_field_the_items_do_not_have_is_an_error_not_an_empty_result() -> None:
    fake = FakeCloud(["dli"])
    fake.add_job("dli", 7, states=["job_running"], fields={"name": "etl-7", "tags": {"team": "etl"}})
    with Cloud(token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport()) as cloud:
        with pytest.raises(InvalidParameterError, match="FlinkJob items have no field 'tags'"):
            list(select(cloud.dli.iter_list_jobs(), tags={"team": "etl"}))
        # DLI filters tags itself (server-side); the client then narrows by name.
        chosen = select(cloud.dli.iter_list_jobs(tags="team=etl"), name="etl-*")
        assert [job.job_id for job in chosen] == [7]


def test_bad_arguments_are_typed_errors() -> None:
    with pytest.raises(InvalidParameterError, match="invalid tag: expected KEY=VALUE"):
        Selection.of(tags=["team"])
    with pytest.raises(InvalidParameterError, match="invalid name: must be a non-empty glob"):
        Selection.of(name=[""])


def test_selection_is_lazy_over_a_listing_and_async_too() -> None:
    fake = FakeCloud(["drs"])
    for index in range(30):
        fake.add_job(
            "drs",
            f"task-{index}",
            states=["INCRE_TRANSFER_STARTED"],
            fields={"name": f"nightly-{index}", "job_type": "sync"},
        )
    with Cloud(token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport()) as cloud:
        chosen = select(cloud.drs.iter_list_jobs(job_type="sync", limit=10), name="nightly-1*")
        assert next(chosen).id == "task-1" and len(fake.requests) == 1  # one page fetched so far
        assert [task.id for task in chosen] == [f"task-{index}" for index in range(10, 20)]

    async def main() -> list[Any]:
        async with AsyncCloud(token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport()) as c:
            return [task.id async for task in select_async(c.drs.iter_list_jobs(job_type="sync"), name="*-2?")]

    assert asyncio.run(main()) == [f"task-{index}" for index in range(20, 30)]
