"""Bulk stops through the public async client: every job accounted for, failures and timeouts included."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from huaweicloud_jobs import (
    AsyncCloud,
    BulkOutcome,
    ClientTimeoutError,
    Cloud,
    Credentials,
    NotFoundError,
    RetryPolicy,
    bulk_call,
)
from huaweicloud_jobs_drs.models import StopJobResponse

from conftest import PROJECT_ID
from local_server import LocalServer, Reply

CREDENTIALS = Credentials(ak="AKTESTTESTTESTTEST00", sk="sk-test", project_id=PROJECT_ID)


def test_bulk_reports_every_job_with_failures_and_timeouts(server: LocalServer) -> None:
    jobs = [f"job-{n}" for n in range(12)]
    progress: list[tuple[int, int]] = []

    async def run() -> list[BulkOutcome[str, StopJobResponse]]:
        async with AsyncCloud(
            credentials=CREDENTIALS,
            endpoints=server.endpoints(),
            allow_http=True,
            retry=RetryPolicy.disabled(),
            timeout=0.5,
        ) as cloud:
            # Replies are served in arrival order: 3 not found, 2 stall past the timeout, the rest succeed.
            server.enqueue(
                *[Reply(404, b'{"error_code":"DRS.10000010","error_msg":"Job does not exist"}')] * 3,
                *[Reply(200, b'{"status":"success"}', delay=1.5)] * 2,
            )
            outcomes = await bulk_call(
                jobs,
                lambda job: cloud.drs.stop_job(job),
                concurrency=1,
                on_progress=lambda done, total: progress.append((done, total)),
            )
            return outcomes

    outcomes = asyncio.run(run())
    assert [o.key for o in outcomes] == jobs
    errors = [o.error for o in outcomes]
    assert sum(isinstance(e, NotFoundError) for e in errors) == 3
    assert sum(isinstance(e, ClientTimeoutError) for e in errors) == 2
    assert sum(o.result is not None and o.result.status == "success" for o in outcomes) == 7
    assert progress[-1] == (12, 12) and len(progress) == 12


def test_bulk_concurrency_is_bounded(server: LocalServer) -> None:
    in_flight = 0
    peak = 0

    async def call(key: int) -> int:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        if key % 5 == 0:
            raise ValueError(f"bad {key}")
        return key * 2

    outcomes = asyncio.run(bulk_call(range(40), call, concurrency=4))
    assert peak == 4
    assert [o.result for o in outcomes if o.ok] == [k * 2 for k in range(40) if k % 5]
    assert [str(o.error) for o in outcomes if not o.ok] == [f"bad {k}" for k in range(0, 40, 5)]


def test_bulk_rejects_a_bad_concurrency() -> None:
    async def call(key: int) -> int:
        return key

    with pytest.raises(ValueError, match="concurrency"):
        asyncio.run(bulk_call([1], call, concurrency=0))


def test_clouds_close_their_connections(server: LocalServer) -> None:
    with Cloud(credentials=CREDENTIALS, endpoints=server.endpoints(), allow_http=True) as cloud:
        cloud.drs.stop_job("j")
        clients = list(cloud._clients.values())
    assert clients and all(client.is_closed for client in clients)

    async def run() -> list[httpx.AsyncClient]:
        async with AsyncCloud(credentials=CREDENTIALS, endpoints=server.endpoints(), allow_http=True) as cloud:
            await cloud.drs.stop_job("j")
            await cloud.dli.stop_jobs([1])
            return list(cloud._clients.values())

    async_clients = asyncio.run(run())
    assert len(async_clients) == 2 and all(client.is_closed for client in async_clients)
