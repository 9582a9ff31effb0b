"""Bulk stops against a service that admits N calls per second: the client's flow control, measured.

The bench server (bench/server.py) admits DRS stops from a token bucket of ``admit`` per second
and answers ``429`` with an API gateway's throttling error above it. Each run sends ``calls``
stops at ``concurrency`` 16:

* ``adaptive``: ``bulk_call_async`` with the default ``AsyncCloud`` (``rate_limit="adaptive"``);
* ``adaptive, threads``: ``bulk_call`` (a thread pool) with the default ``Cloud``;
* ``unlimited (before)``: ``bulk_call_async`` with ``rate_limit=None``, the behaviour before flow
  control: every call sent as soon as a slot is free, a 429 only retried (3 attempts, backoff).

Reported per run: completed calls per second (succeeded / wall time) against ``admit``, the share
of requests the server answered 429, and the calls that failed (429 on every attempt).
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any, Protocol


class _Server(Protocol):
    base_url: str

    def stats(self) -> dict[str, int]: ...

    def configure(self, **settings: int) -> dict[str, int]: ...


AK = "HPUABENCHMARKAK0000"
SK = "bench-secret-key-0000000000000000000000"
PROJECT_ID = "0" * 32


def _cloud_settings(server: _Server, rate_limit: str | None) -> dict[str, Any]:
    from huaweicloud_jobs import Credentials

    return {
        "credentials": Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
        "endpoints": {"drs": server.base_url},
        "allow_http": True,
        "rate_limit": rate_limit,
    }


def _ids(calls: int) -> list[str]:
    return [f"c7debc9c-8e09-4a5d-8dd6-{index:012d}" for index in range(calls)]


async def _run_async(
    server: _Server, admit: int, calls: int, concurrency: int, rate_limit: str | None
) -> dict[str, Any]:
    """``bulk_call_async`` over an ``AsyncCloud``: tasks on one event loop."""
    from huaweicloud_jobs import AsyncCloud, bulk_call_async

    server.configure(admit=admit)
    before = server.stats()
    async with AsyncCloud(**_cloud_settings(server, rate_limit)) as cloud:
        started = time.perf_counter()
        outcomes = await bulk_call_async(_ids(calls), lambda job: cloud.drs.stop_job(job), concurrency=concurrency)
        wall = time.perf_counter() - started
        limiter = cloud.drs._transport.limiter  # type: ignore[attr-defined]
    return _tally(server, admit, before, outcomes, wall, limiter)


def _run_threads(server: _Server, admit: int, calls: int, concurrency: int, rate_limit: str | None) -> dict[str, Any]:
    """``bulk_call`` over a ``Cloud``: a thread pool."""
    from huaweicloud_jobs import Cloud, bulk_call

    server.configure(admit=admit)
    before = server.stats()
    with Cloud(**_cloud_settings(server, rate_limit)) as cloud:
        started = time.perf_counter()
        outcomes = bulk_call(_ids(calls), lambda job: cloud.drs.stop_job(job), concurrency=concurrency)
        wall = time.perf_counter() - started
        limiter = cloud.drs._transport.limiter  # type: ignore[attr-defined]
    return _tally(server, admit, before, outcomes, wall, limiter)


def _tally(
    server: _Server, admit: int, before: dict[str, int], outcomes: Any, wall: float, limiter: Any
) -> dict[str, Any]:
    after = server.stats()
    requests = after["requests"] - before["requests"]
    throttled = after["throttled"]
    calls = len(outcomes)
    succeeded = sum(outcome.ok for outcome in outcomes)
    return {
        "calls": calls,
        "succeeded": succeeded,
        "failed": calls - succeeded,
        "wall_s": wall,
        "completed_per_s": succeeded / wall,
        "share_of_admit": succeeded / wall / admit if admit else None,
        "requests": requests,
        "throttled": throttled,
        "throttled_share": throttled / requests if requests else 0.0,
        "cuts": limiter.throttles if limiter is not None else None,
    }


def bench_ratelimit(server: _Server, admits: tuple[int, ...], calls: int, baseline_calls: int) -> dict[str, Any]:
    concurrency = 16
    # Warm: connections and imports, with flow control off.
    asyncio.run(_run_async(server, 0, 2 * concurrency, concurrency, None))
    _run_threads(server, 0, 2 * concurrency, concurrency, None)
    results: dict[str, Any] = {"concurrency": concurrency, "runs": {}}
    try:
        for admit in admits:
            runs = results["runs"][str(admit)] = {}
            for name, rate_limit, count in (
                ("adaptive", "adaptive", calls),
                ("adaptive, threads", "adaptive", calls),
                ("unlimited (before)", None, baseline_calls),
            ):
                if name == "adaptive, threads":
                    runs[name] = _run_threads(server, admit, count, concurrency, rate_limit)
                else:
                    runs[name] = asyncio.run(_run_async(server, admit, count, concurrency, rate_limit))
                entry = runs[name]
                print(
                    f"  ratelimit: admit {admit}/s, {name}: {entry['completed_per_s']:.1f}/s "
                    f"({entry['share_of_admit']:.3f}), 429 {entry['throttled_share']:.2%}, failed {entry['failed']}",
                    file=sys.stderr,
                )
    finally:
        server.configure(admit=0)
    return results
