"""Paginators (``x-paginators``): every item exactly once, in order, in each paging style, resumable.

Each style against the testing kit (its transport) and against a loopback server (the kit's
``serve()``): offset/limit in the query (DLI ``list_jobs``), page/size in the body (AOM
``list_workflow``) and marker/next_marker (``tests/data/pagedservice.yaml``, bundled here as a
package of its own: none of the real services pages by marker). Then the wire format against the
spec-driven local server, 100,000 items at bounded memory, and the errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from huaweicloud_jobs import AsyncCloud, Cloud, InvalidParameterError
from huaweicloud_jobs.testing import FakeCloud
from huaweicloud_jobs_core import PaginatorSpecError
from huaweicloud_jobs_core._paginators import declared_paginator, field_of
from huaweicloud_jobs_core.seam import Operation, ServiceBase, iterate_items, iterate_pages

from conftest import PROJECT_ID, ROOT
from local_server import LocalServer, Reply

PAGED = "huaweicloud_jobs_pagedservice"
RUNS: Operation[Any] = Operation(PAGED, "list_runs", "GET", "/v3/{project_id}/runs", None)


def bundle(folder: Path, document: dict[str, Any], package: str = PAGED) -> None:
    """A package holding nothing but a bundled spec, importable from ``folder``."""
    (folder / package).mkdir(parents=True, exist_ok=True)
    (folder / package / "__init__.py").write_text("", encoding="utf-8")
    (folder / package / "openapi.json").write_text(json.dumps(document), encoding="utf-8")


def paged_document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "tests" / "data" / "pagedservice.yaml").read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def paged_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    folder = tmp_path_factory.mktemp("bundled")
    bundle(folder, paged_document())
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(folder))
        yield


# -- one lister per style: (service, records, id of a listed item, the listing) -----------------------

Lister = Callable[[Cloud, int | None, str | None], Any]


def dli_records(count: int) -> list[dict[str, Any]]:
    return [{"job_id": 1000 + index, "name": f"etl-{index}", "status": "job_running"} for index in range(count)]


def aom_records(count: int) -> list[dict[str, Any]]:
    return [{"id": f"wf-{index:04}", "name": f"wf-{index}", "status": "executing"} for index in range(count)]


def run_records(count: int) -> list[dict[str, Any]]:
    return [{"run_id": f"r-{index:04}", "name": f"nightly-{index}", "state": "running"} for index in range(count)]


STYLES: dict[str, tuple[str, str, Callable[[int], list[dict[str, Any]]], str, Lister]] = {
    "offset": (
        "dli",
        "list_jobs",
        dli_records,
        "job_id",
        lambda cloud, most, token: cloud.dli.iter_list_jobs(limit=7, max_items=most, starting_token=token),
    ),
    "page": (
        "aom",
        "list_workflow",
        aom_records,
        "id",
        lambda cloud, most, token: cloud.aom.iter_list_workflow(size=7, max_items=most, starting_token=token),
    ),
    "marker": (
        "pagedservice",
        "list_runs",
        run_records,
        "run_id",
        lambda cloud, most, token: iterate_items(
            ServiceBase(cloud._transport(PAGED))._call, RUNS, {"limit": 7}, max_items=most, starting_token=token
        ),
    ),
}


def count(value: object) -> int:
    assert isinstance(value, list), value
    return len(value)


def ids(items: Any, field: str) -> list[Any]:
    return [item[field] if isinstance(item, dict) else getattr(item, field) for item in items]


@contextlib.contextmanager
def cloud_for(fake: FakeCloud, mode: str) -> Iterator[Cloud]:
    if mode == "transport":
        with Cloud(token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport()) as cloud:
            yield cloud
    else:
        with (
            fake.serve(),
            Cloud(
                token="t", project_id=PROJECT_ID, region="cn-north-4", endpoints=fake.endpoints(), allow_http=True
            ) as cloud,
        ):
            yield cloud


@pytest.mark.parametrize("mode", ["transport", "serve"])
@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_item_once_in_order_and_resumed_from_its_token(paged_package: None, style: str, mode: str) -> None:
    service, operation, records, field, lister = STYLES[style]
    fake = FakeCloud([service])
    expected = ids(records(50), field)
    fake.add_items(service, operation, records(50))
    with cloud_for(fake, mode) as cloud:
        everything = lister(cloud, None, None)
        assert ids(everything, field) == expected
        assert everything.resume_token is None
        assert len(fake.requests) == 8  # 50 items, 7 a page: 8 pages, none more

        first = lister(cloud, 17, None)  # stops in the middle of the third page
        head = ids(first, field)
        token = first.resume_token
        assert head == expected[:17] and isinstance(token, str)
        fake.reset()
        rest = ids(lister(cloud, None, token), field)
        assert head + rest == expected
        # From item 17 on, not from the first page: offset 17 exactly, else page 3 (skipping 3 of its items).
        assert len(fake.requests) == {"offset": 5, "page": 6, "marker": 6}[style]


def test_items_are_fetched_lazily(paged_package: None) -> None:
    fake = FakeCloud(["dli"])
    fake.add_items("dli", "list_jobs", dli_records(30))
    with cloud_for(fake, "transport") as cloud:
        iterator = cloud.dli.iter_list_jobs(limit=10)
        assert fake.requests == []  # nothing is sent before the first item is asked for
        next(iterator)
        assert len(fake.requests) == 1
        for _ in range(9):
            next(iterator)
        assert len(fake.requests) == 1
        next(iterator)
        assert len(fake.requests) == 2 and fake.requests[-1].query["offset"] == "10"


def test_pages_are_whole_responses_and_resume_by_page(paged_package: None) -> None:
    fake = FakeCloud(["aom"])
    fake.add_items("aom", "list_workflow", aom_records(23))
    with cloud_for(fake, "transport") as cloud:
        pages = cloud.aom.list_workflow_pages(max_pages=2)
        sizes = [count(page.elements) for page in pages]
        assert sizes == [10, 10] and all(page.total_elements == 23 for page in fake_pages(cloud))
        rest = list(cloud.aom.list_workflow_pages(starting_token=pages.resume_token))
        assert [count(page.elements) for page in rest] == [3]
        assert [request.json for request in fake.requests][-1] == {"page": 2, "size": 10}


def fake_pages(cloud: Cloud) -> Any:
    return cloud.aom.list_workflow_pages()


def test_server_side_filters_and_the_declared_page_size(paged_package: None) -> None:
    fake = FakeCloud(["dli"])
    for index in range(30):
        state = "job_running" if index % 3 else "job_idle"
        fake.add_job("dli", 500 + index, states=[state], fields={"name": f"etl-{index}", "tags": {"team": "etl"}})
    with cloud_for(fake, "transport") as cloud:
        running = list(cloud.dli.iter_list_jobs(status="job_running"))
    assert [job.job_id for job in running] == [500 + index for index in range(30) if index % 3]
    assert {request.query["limit"] for request in fake.requests} == {"100"}  # x-paginators page_size
    assert all(request.query["status"] == "job_running" for request in fake.requests)


def test_async_iteration_and_resume(paged_package: None) -> None:
    fake = FakeCloud(["dli"])
    fake.add_items("dli", "list_jobs", dli_records(40))

    async def main() -> tuple[list[Any], list[Any], list[int]]:
        async with AsyncCloud(token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport()) as c:
            first = c.dli.iter_list_jobs(limit=6, max_items=15)
            head = [job.job_id async for job in first]
            rest = [job.job_id async for job in c.dli.iter_list_jobs(limit=6, starting_token=first.resume_token)]
            pages = [count(field_of(page, "job_list").jobs) async for page in c.dli.list_jobs_pages(limit=25)]
        return head, rest, pages

    head, rest, pages = asyncio.run(main())
    assert head + rest == [1000 + index for index in range(40)] and len(head) == 15
    assert pages == [25, 15]


# -- the wire, against the spec-driven local server ---------------------------------------------------


def test_the_offset_advances_by_the_items_received_and_an_empty_page_ends(server: LocalServer) -> None:
    def page(job_ids: list[int], total: int) -> Reply:
        body = {"is_success": "true", "job_list": {"total_count": total, "jobs": [{"job_id": i} for i in job_ids]}}
        return Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json"})

    # The service gives 3 where 5 were asked for, then claims more than it has and answers an empty page.
    server.enqueue(page([1, 2, 3], 1000), page([4, 5, 6, 7, 8], 1000), page([], 1000))
    with Cloud(
        token="t", project_id=PROJECT_ID, region="cn-north-4", endpoints=server.endpoints(), allow_http=True
    ) as cloud:
        listed = [job.job_id for job in cloud.dli.iter_list_jobs(limit=5)]
    assert listed == [1, 2, 3, 4, 5, 6, 7, 8]
    offsets = [request.path.split("offset=")[1].split("&")[0] for request in server.requests]
    assert offsets == ["0", "3", "8"]


# -- many items, bounded memory ----------------------------------------------------------------------

MANY = 100_000
PEAK_BOUND = 24 * 2**20
"""Bytes. Measured: about 9 to 14 MiB for 100,000 DLI jobs in pages of 1,000 (one page: the fake's answer, the
response, its models; the same for 300,000 jobs); 100,000 FlinkJob models held at once take far more."""


def test_100000_items_at_bounded_memory(paged_package: None) -> None:
    fake = FakeCloud(["dli"])
    fake.add_items("dli", "list_jobs", dli_records(MANY))
    with cloud_for(fake, "transport") as cloud:
        tracemalloc.start()
        try:
            count = 0
            for job in cloud.dli.iter_list_jobs(limit=1000):
                assert job.job_id == 1000 + count
                count += 1
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert count == MANY
    assert len(fake.requests) == MANY // 1000
    print(f"peak traced memory while iterating {MANY} items: {peak / 2**20:.1f} MiB")
    assert peak < PEAK_BOUND, f"{peak / 2**20:.1f} MiB"


# -- errors -----------------------------------------------------------------------------------------


def test_bad_tokens_and_bounds_are_typed_errors(paged_package: None) -> None:
    fake = FakeCloud(["dli", "aom"])
    fake.add_items("dli", "list_jobs", dli_records(5))
    with cloud_for(fake, "transport") as cloud:
        first = cloud.dli.iter_list_jobs(limit=2, max_items=1)
        list(first)
        dli_token = first.resume_token
        assert dli_token
        with pytest.raises(InvalidParameterError, match=r"starting_token: was made by dli\.list_jobs"):
            next(cloud.aom.iter_list_workflow(starting_token=dli_token))
        for bad in ("", "not a token", "e30", "x" * 5000):
            with pytest.raises(InvalidParameterError, match="starting_token"):
                cloud.dli.iter_list_jobs(starting_token=bad)
        with pytest.raises(InvalidParameterError, match="give it or offset, not both"):
            cloud.dli.iter_list_jobs(offset=3, starting_token=dli_token)
        with pytest.raises(InvalidParameterError, match="max_items"):
            cloud.dli.iter_list_jobs(max_items=-1)
        with pytest.raises(InvalidParameterError, match="max_pages"):
            cloud.dli.list_jobs_pages(max_pages=True)
        with pytest.raises(InvalidParameterError, match="limit"):
            list(cloud.dli.iter_list_jobs(limit=-5))  # checked against the spec before sending
    assert all(request.query.get("limit") != "-5" for request in fake.requests)


BROKEN = {
    "no such style": ({"style": "cursor"}, "style must be one of"),
    "cursor not an input": ({"cursor": "after"}, "cursor 'after' is not a query input"),
    "total without a path": ({"stop": "total", "style": "offset", "next_marker": None}, "needs total"),
    "marker without next_marker": ({"next_marker": None}, "style marker goes with next_marker"),
    "page size zero": ({"page_size": 0}, "page_size must be a positive integer"),
    "body without a body": ({"in": "body"}, "cursor 'marker' is not a body input"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_declaration_names_its_fault(tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    change, message = BROKEN[case]
    document = paged_document()
    declared = document["paths"]["/v3/{project_id}/runs"]["get"]["responses"]["200"]["x-paginators"]
    declared.update(change)
    package = f"huaweicloud_jobs_broken_{abs(hash(case))}"
    bundle(tmp_path, document, package)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PaginatorSpecError, match=message) as raised:
        declared_paginator(package, "GET", "/v3/{project_id}/runs")
    assert "pagedservice.list_runs: x-paginators" in str(raised.value)


def test_an_operation_without_a_paginator_cannot_be_iterated(paged_package: None) -> None:
    show: Operation[Any] = Operation(PAGED, "show_run", "GET", "/v3/{project_id}/runs/{run_id}", None)
    with pytest.raises(PaginatorSpecError, match="declares no x-paginators"):
        iterate_pages(lambda *args: None, show, {"run_id": "r-1"})
