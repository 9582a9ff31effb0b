"""Bulk calls, sync (``bulk_call``, a thread pool) and asyncio (``bulk_call_async``): every job accounted
for, in input order, failures and timeouts included; rate spacing; interruption; the deprecated
``await bulk_call(...)``."""

from __future__ import annotations

import asyncio
import itertools
import json
import signal
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from huaweicloud_jobs import (
    AsyncCloud,
    BulkOutcome,
    ClientTimeoutError,
    Cloud,
    Credentials,
    InvalidParameterError,
    NotFoundError,
    RetryPolicy,
    bulk_call,
    bulk_call_async,
)
from huaweicloud_jobs_core._bulk import _BulkRun, _Start, _Wait
from huaweicloud_jobs_drs.models import StopJobResponse

from conftest import PROJECT_ID
from local_server import LocalServer, Reply

CREDENTIALS = Credentials(ak="AKTESTTESTTESTTEST00", sk="sk-test", project_id=PROJECT_ID)
FLAVOURS = ["sync", "asyncio"]


def run_stops(flavour: str, server: LocalServer, jobs: list[str], **options: Any) -> list[BulkOutcome[str, Any]]:
    """``drs.stop_job`` for every job through the flavour's cloud and bulk function."""
    settings: dict[str, Any] = {
        "credentials": CREDENTIALS,
        "endpoints": server.endpoints(),
        "allow_http": True,
        "retry": RetryPolicy.disabled(),
        "timeout": 0.5,
    }
    if flavour == "sync":
        with Cloud(**settings) as cloud:
            return bulk_call(jobs, cloud.drs.stop_job, **options)

    async def run() -> list[BulkOutcome[str, Any]]:
        async with AsyncCloud(**settings) as cloud:
            return await bulk_call_async(jobs, cloud.drs.stop_job, **options)

    return asyncio.run(run())


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_bulk_reports_every_job_with_failures_and_timeouts(server: LocalServer, flavour: str) -> None:
    jobs = [f"job-{n}" for n in range(12)]
    progress: list[tuple[int, int]] = []
    # Replies are served in arrival order: 3 not found, 2 stall past the timeout, the rest succeed.
    server.enqueue(
        *[Reply(404, b'{"error_code":"DRS.10000010","error_msg":"Job does not exist"}')] * 3,
        *[Reply(200, b'{"status":"success"}', delay=1.5)] * 2,
    )
    outcomes = run_stops(
        flavour, server, jobs, concurrency=1, on_progress=lambda done, total: progress.append((done, total))
    )
    assert [o.key for o in outcomes] == jobs
    errors = [o.error for o in outcomes]
    assert [isinstance(e, NotFoundError) for e in errors[:3]] == [True] * 3  # concurrency 1: in input order
    assert [isinstance(e, ClientTimeoutError) for e in errors[3:5]] == [True] * 2
    assert all(isinstance(o.result, StopJobResponse) and o.result.status == "success" for o in outcomes[5:])
    assert progress == [(done, 12) for done in range(1, 13)]
    assert len(server.requests) == 12


def in_flight_probe(limit: int) -> tuple[Callable[[int], int], Callable[[], int]]:
    """A sync call that holds until ``limit`` calls run at once (then lets every call through), and the peak seen."""
    lock = threading.Lock()
    full = threading.Event()
    in_flight = peak = 0

    def call(key: int) -> int:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
            if in_flight == limit:
                full.set()
        full.wait(timeout=10)
        with lock:
            in_flight -= 1
        if key % 5 == 0:
            raise ValueError(f"bad {key}")
        return key * 2

    return call, lambda: peak


def test_sync_concurrency_is_bounded_and_reached() -> None:
    call, peak = in_flight_probe(4)
    outcomes = bulk_call(range(40), call, concurrency=4)
    assert peak() == 4
    assert [o.result for o in outcomes if o.ok] == [k * 2 for k in range(40) if k % 5]
    assert [str(o.error) for o in outcomes if not o.ok] == [f"bad {k}" for k in range(0, 40, 5)]


def test_asyncio_concurrency_is_bounded_and_reached() -> None:
    in_flight = peak = 0

    async def run() -> list[BulkOutcome[int, int]]:
        full = asyncio.Event()

        async def call(key: int) -> int:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            if in_flight == 4:
                full.set()
            await asyncio.wait_for(full.wait(), timeout=10)
            in_flight -= 1
            if key % 5 == 0:
                raise ValueError(f"bad {key}")
            return key * 2

        return await bulk_call_async(range(40), call, concurrency=4)

    outcomes = asyncio.run(run())
    assert peak == 4
    assert [o.result for o in outcomes if o.ok] == [k * 2 for k in range(40) if k % 5]
    assert [str(o.error) for o in outcomes if not o.ok] == [f"bad {k}" for k in range(0, 40, 5)]


def test_sync_outcomes_in_input_order_callbacks_in_completion_order() -> None:
    """Each call waits for the next key's to finish: they finish last key first."""
    finished = [threading.Event() for _ in range(6)]
    seen: list[tuple[str, Any]] = []
    threads: set[threading.Thread] = set()

    def call(key: int) -> int:
        if key < 5 and not finished[key + 1].wait(timeout=10):
            raise TimeoutError(f"key {key + 1} never finished")
        return key * 10

    def on_outcome(outcome: BulkOutcome[int, int]) -> None:
        threads.add(threading.current_thread())
        seen.append(("outcome", outcome.key))
        finished[outcome.key].set()

    def on_progress(done: int, total: int) -> None:
        threads.add(threading.current_thread())
        seen.append(("progress", (done, total)))

    outcomes = bulk_call(range(6), call, concurrency=6, on_outcome=on_outcome, on_progress=on_progress)
    assert [(o.key, o.result) for o in outcomes] == [(k, k * 10) for k in range(6)]
    assert seen == [
        step for n, key in enumerate(range(5, -1, -1)) for step in [("outcome", key), ("progress", (n + 1, 6))]
    ]
    assert threads == {threading.current_thread()}  # the callbacks run in the calling thread


def test_asyncio_outcomes_in_input_order_callbacks_in_completion_order() -> None:
    seen: list[tuple[str, Any]] = []

    async def run() -> list[BulkOutcome[int, int]]:
        finished = [asyncio.Event() for _ in range(6)]

        async def call(key: int) -> int:
            if key < 5:
                await asyncio.wait_for(finished[key + 1].wait(), timeout=10)
            return key * 10

        def on_outcome(outcome: BulkOutcome[int, int]) -> None:
            seen.append(("outcome", outcome.key))
            finished[outcome.key].set()

        return await bulk_call_async(
            range(6),
            call,
            concurrency=6,
            on_outcome=on_outcome,
            on_progress=lambda done, total: seen.append(("progress", (done, total))),
        )

    outcomes = asyncio.run(run())
    assert [(o.key, o.result) for o in outcomes] == [(k, k * 10) for k in range(6)]
    assert seen == [
        step for n, key in enumerate(range(5, -1, -1)) for step in [("outcome", key), ("progress", (n + 1, 6))]
    ]


def test_calls_start_in_input_order_for_both_flavours() -> None:
    started: list[int] = []
    sync = bulk_call(range(30), lambda key: started.append(key), concurrency=1)
    assert started == list(range(30)) and len(sync) == 30

    async def call(key: int) -> None:
        started.append(key)

    started.clear()
    asyncio.run(bulk_call_async(range(30), call, concurrency=3))
    assert started == list(range(30))


def test_an_empty_run_is_an_empty_list() -> None:
    async def call(key: int) -> int:
        return key

    assert bulk_call([], lambda key: key) == []
    assert asyncio.run(bulk_call_async([], call)) == []


# --------------------------------------------------------------------------- rate


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_engine_spaces_starts_evenly_at_the_rate() -> None:
    """The one engine both flavours drive: with ``rate=4``, a start every 0.25 s, whatever the concurrency."""
    clock = FakeClock()
    run: _BulkRun[str, str, Any] = _BulkRun(
        "abcde", concurrency=5, rate=4, on_outcome=None, on_progress=None, clock=clock
    )
    starts: list[tuple[str, float]] = []
    for step in run.steps():
        if isinstance(step, _Start):
            starts.append((step.key, clock.now))
            run.started(step.index, object())  # nothing finishes: only the rate holds the starts back
        else:
            assert isinstance(step, _Wait) and step.timeout is not None, step
            clock.now += step.timeout
        if len(starts) == 5:
            break
    assert [key for key, _ in starts] == list("abcde")
    assert [later - earlier for (_, earlier), (_, later) in itertools.pairwise(starts)] == [0.25] * 4


def test_the_engine_waits_for_a_call_when_concurrency_is_reached() -> None:
    run: _BulkRun[int, int, Any] = _BulkRun(range(3), concurrency=2, rate=None, on_outcome=None, on_progress=None)
    steps = run.steps()
    first, second, third = next(steps), None, None
    assert isinstance(first, _Start)
    run.started(first.index, "one")
    second = next(steps)
    assert isinstance(second, _Start)
    run.started(second.index, "two")
    third = next(steps)
    assert third == _Wait(None)  # two in flight: the third waits for one to finish
    run.stop()
    assert next(steps) == _Wait(None)  # stopped: nothing more starts, the two sent are still waited for


def test_sync_rate_spaces_the_calls() -> None:
    starts: list[float] = []

    def call(key: int) -> int:
        starts.append(time.monotonic())
        return key

    outcomes = bulk_call(range(6), call, concurrency=6, rate=50)
    assert [outcome.result for outcome in outcomes] == list(range(6))
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert all(gap >= 0.015 for gap in gaps), gaps  # 20 ms apart (a lower bound: a slow machine only widens it)


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize(
    ("options", "parameter"),
    [({"concurrency": 0}, "concurrency"), ({"concurrency": True}, "concurrency"), ({"rate": 0}, "rate")],
)
def test_bad_options_are_typed_errors_before_any_call(flavour: str, options: dict[str, Any], parameter: str) -> None:
    calls: list[int] = []

    async def call(key: int) -> int:
        calls.append(key)
        return key

    with pytest.raises(InvalidParameterError, match=parameter) as caught:
        if flavour == "sync":
            bulk_call([1], calls.append, **options)
        else:
            asyncio.run(bulk_call_async([1], call, **options))
    assert caught.value.parameter == parameter and calls == []


def test_sync_refuses_a_coroutine_function_and_awaitables() -> None:
    async def stop(key: int) -> int:
        return key

    with pytest.raises(InvalidParameterError, match="bulk_call_async") as caught:
        bulk_call([1, 2], stop)  # type: ignore[unused-coroutine]  # typed as the deprecated asyncio path
    assert caught.value.parameter == "call"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the coroutines are closed: no "never awaited" warning
        outcomes = bulk_call([1, 2], lambda key: stop(key))
    assert [type(o.error) for o in outcomes] == [InvalidParameterError] * 2
    assert "bulk_call_async" in str(outcomes[0].error)


def test_asyncio_refuses_a_plain_result() -> None:
    def plain(key: int) -> int:
        return key

    outcomes: list[BulkOutcome[int, int]] = asyncio.run(bulk_call_async([1, 2], plain))  # type: ignore[arg-type]
    assert [type(o.error) for o in outcomes] == [InvalidParameterError] * 2
    assert "bulk_call(" in str(outcomes[0].error)


# --------------------------------------------------------------------------- the deprecated path


def test_await_bulk_call_in_a_running_loop_warns_and_still_works(server: LocalServer) -> None:
    async def run() -> list[BulkOutcome[str, StopJobResponse]]:
        async with AsyncCloud(credentials=CREDENTIALS, endpoints=server.endpoints(), allow_http=True) as cloud:
            with pytest.warns(DeprecationWarning, match="bulk_call_async") as warned:
                pending = bulk_call(["job-1", "job-2"], cloud.drs.stop_job, concurrency=2)
            assert warned[0].filename == __file__  # the warning points at the caller
            return await pending

    outcomes = asyncio.run(run())
    assert [(o.key, o.ok) for o in outcomes] == [("job-1", True), ("job-2", True)]
    assert len(server.requests) == 2


def test_sync_bulk_call_outside_a_loop_does_not_warn() -> None:
    def in_a_thread_while_a_loop_runs_elsewhere() -> list[BulkOutcome[int, int]]:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return bulk_call(range(3), lambda key: key + 1)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [o.result for o in bulk_call(range(3), lambda key: key + 1)] == [1, 2, 3]

    async def run() -> list[BulkOutcome[int, int]]:
        return await asyncio.to_thread(in_a_thread_while_a_loop_runs_elsewhere)  # a loop in another thread

    assert [o.result for o in asyncio.run(run())] == [1, 2, 3]


# --------------------------------------------------------------------------- interruption, sync

CHILD = """
import json, os, sys
from huaweicloud_jobs import Cloud, Credentials, RetryPolicy, bulk_call

url, total, project = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seen = []
credentials = Credentials(ak="AKTESTTESTTESTTEST00", sk="sk-test", project_id=project)
with Cloud(credentials=credentials, endpoints={"drs": url}, allow_http=True, retry=RetryPolicy.disabled(),
           timeout=60) as cloud:
    try:
        bulk_call([f"job-{n}" for n in range(total)], cloud.drs.stop_job, concurrency=2,
                  on_outcome=lambda outcome: seen.append(outcome.key))
    except KeyboardInterrupt as interrupt:
        report = {"outcomes": [[o.key, o.ok] for o in interrupt.outcomes], "seen": seen}
        print(json.dumps(report), flush=True)
        os._exit(130)  # a second Ctrl-C leaves calls running: do not wait for them at exit
print(json.dumps({"finished": len(seen)}), flush=True)
"""


def start_child(server: LocalServer, total: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, server.base_url, str(total), PROJECT_ID],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As from a terminal: a test runner started in the background (`nox ... &`) ignores SIGINT, its
        # children inherit that, and Python then installs no KeyboardInterrupt handler at all.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def wait_for_requests(server: LocalServer, count: int) -> None:
    deadline = time.monotonic() + 60  # a loaded machine can take seconds to start the process
    while len(server.requests) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(server.requests) >= count, f"fewer than {count} requests in 60 s"


@pytest.mark.slow
def test_ctrl_c_stops_new_calls_and_waits_for_those_sent(server: LocalServer) -> None:
    server.enqueue(*[Reply(200, b'{"status":"success"}', delay=0.4) for _ in range(40)])
    child = start_child(server, 40)
    wait_for_requests(server, 3)
    child.send_signal(signal.SIGINT)
    stdout, stderr = child.communicate(timeout=30)
    assert child.returncode == 130, stderr
    report = json.loads(stdout)
    keys = [key for key, _ in report["outcomes"]]
    assert 3 <= len(keys) < 40
    assert keys == [f"job-{n}" for n in range(len(keys))]  # the finished ones, in input order
    assert all(ok for _, ok in report["outcomes"])  # the calls in flight were waited for, not abandoned
    assert len(keys) == len(server.requests)  # every call sent is among the outcomes; none started after
    assert sorted(report["seen"]) == sorted(keys)  # on_outcome saw each as it finished


@pytest.mark.slow
def test_a_second_ctrl_c_leaves_at_once(server: LocalServer) -> None:
    server.enqueue(*[Reply(200, b'{"status":"success"}')] * 2, *[Reply(200, b'{"status":"success"}', delay=60)] * 8)
    child = start_child(server, 10)
    wait_for_requests(server, 4)  # two answered, two held by the server
    deadline = time.monotonic() + 30  # liveness only: the held calls would take 60 s
    while child.poll() is None and time.monotonic() < deadline:
        child.send_signal(signal.SIGINT)  # the first stops new calls, the next one leaves
        time.sleep(0.2)
    stdout, stderr = child.communicate(timeout=30)
    assert child.returncode == 130, stderr
    report = json.loads(stdout)
    assert report["outcomes"] == [["job-0", True], ["job-1", True]]
    assert len(server.requests) == 4  # nothing started after the first Ctrl-C


# --------------------------------------------------------------------------- clients


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
