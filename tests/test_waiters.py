"""Waiting until a job is stopped, end to end through Cloud/AsyncCloud and the testing kit (no real waits)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import attrs
import pytest
from contract.conformance import model_hints

from huaweicloud_jobs import (
    Acknowledgement,
    AsyncCloud,
    BadRequestError,
    BulkOutcome,
    Cloud,
    NotFoundError,
    RetryPolicy,
    WaiterFailedError,
    WaiterTimeoutError,
    bulk_call_async,
)
from huaweicloud_jobs.testing import VANISHED, FakeCloud, FakeTime

from conftest import PROJECT_ID
from spec_operations import load_operations, result_hint

ROOT = Path(__file__).resolve().parent.parent
LF_INSTANCE = "2180518f-42b8-4947-b20b-adfc53981a25"
LF_JOB = "0f2c7a1e-5b9d-4c3e-8a6f-1d2e3f4a5b6c"
STARTED, COMPLETE, FAILED = "RELEASE_RESOURCE_STARTED", "RELEASE_RESOURCE_COMPLETE", "RELEASE_RESOURCE_FAILED"
RUNNING = "INCRE_TRANSFER_STARTED"


@pytest.fixture
def fake() -> FakeCloud:
    return FakeCloud()


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime()


def cloud_for(fake: FakeCloud, clock: FakeTime, **options: Any) -> Cloud:
    return Cloud(
        token="test-token",
        project_id=PROJECT_ID,
        region="cn-north-4",
        transport=fake.transport(),
        sleep=clock.sleep,
        clock=clock.clock,
        **options,
    )


def async_cloud_for(fake: FakeCloud, clock: FakeTime, **options: Any) -> AsyncCloud:
    return AsyncCloud(
        token="test-token",
        project_id=PROJECT_ID,
        region="cn-north-4",
        transport=fake.transport(),
        sleep=clock.async_sleep,
        clock=clock.clock,
        **options,
    )


@pytest.fixture
def cloud(fake: FakeCloud, clock: FakeTime) -> Iterator[Cloud]:
    with cloud_for(fake, clock) as built:
        yield built


def field(result: object, path: str) -> Any:
    """A dotted field of a result model (None where a part is absent)."""
    value: Any = result
    for part in path.split("."):
        value = getattr(value, part, None)
    return value


def reads(fake: FakeCloud, service: str = "drs") -> int:
    return len(fake.requests_for("show_job", service))


# -- outcomes of one wait ------------------------------------------------------------------------


def test_success_after_n_polls(fake: FakeCloud, clock: FakeTime, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED] * 4 + [COMPLETE])
    result = cloud.drs.stop_job_and_wait("job-1")
    assert field(result, "job.status") == COMPLETE and field(result, "job.id") == "job-1"
    assert reads(fake) == 5 and len(clock.sleeps) == 4
    assert clock.now == pytest.approx(sum(clock.sleeps))
    assert all(0 < delay <= 60 for delay in clock.sleeps)


def test_and_wait_honours_delay_and_max_delay_sync_and_async(fake: FakeCloud, clock: FakeTime) -> None:
    # The sync <stop>_and_wait once dropped delay and max_delay on their way to the poller.
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED] * 6 + [COMPLETE])
    with cloud_for(fake, clock) as cloud:
        cloud.drs.stop_job_and_wait("job-1", delay=1, max_delay=2)
    assert len(clock.sleeps) == 6 and max(clock.sleeps) <= 2

    fake.add_job("drs", "job-2", states=[RUNNING], after_stop=[STARTED] * 6 + [COMPLETE])
    before = len(clock.sleeps)

    async def run() -> None:
        async with async_cloud_for(fake, clock) as cloud:
            await cloud.drs.stop_job_and_wait("job-2", delay=1, max_delay=2)

    asyncio.run(run())
    assert len(clock.sleeps) - before == 6 and max(clock.sleeps[before:]) <= 2


def test_drs_fixed_poll_argument_is_sent_with_every_poll(fake: FakeCloud, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED, STARTED, COMPLETE])
    cloud.drs.stop_job_and_wait("job-1")
    polls = fake.requests_for("show_job")
    assert len(polls) == 3
    assert all(poll.query == {"type": "overview"} for poll in polls)


def test_failure_state_raises_with_last_state_and_waited_time(fake: FakeCloud, clock: FakeTime, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED, STARTED, FAILED])
    with pytest.raises(WaiterFailedError) as caught:
        cloud.drs.stop_job_and_wait("job-1")
    error = caught.value
    assert error.state == FAILED and error.polls == 3 and error.service == "drs" and error.waiter == "job_stopped"
    assert error.waited == pytest.approx(sum(clock.sleeps)) and error.waited > 0
    assert FAILED in str(error)


def test_timeout_raises_with_last_state(fake: FakeCloud, clock: FakeTime, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED])
    with pytest.raises(WaiterTimeoutError) as caught:
        cloud.drs.stop_job_and_wait("job-1")
    assert caught.value.state == STARTED
    assert caught.value.waited == pytest.approx(1800)  # the declared timeout, never slept past
    assert clock.now == pytest.approx(1800)


def test_unknown_state_keeps_polling_then_success(fake: FakeCloud, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=["RELEASE_RESOURCE_QUEUED_2030", COMPLETE])
    result = cloud.drs.stop_job_and_wait("job-1")
    assert field(result, "job.status") == COMPLETE
    assert reads(fake) == 2


def test_unknown_state_in_a_plain_status_read_is_returned(fake: FakeCloud, cloud: Cloud) -> None:
    fake.add_job("dli", 128, states=["job_hibernating"])
    job = cloud.dli.show_job(128)
    assert field(job, "job_detail.status") == "job_hibernating"


def test_unknown_value_in_a_stop_response_does_not_fail_the_call(fake: FakeCloud, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING])
    fake.fail_next("drs", "stop_job", status=200, body={"id": "job-1", "status": "accepted_v2"})
    assert cloud.drs.stop_job("job-1").status == "accepted_v2"
    fake.add_job("aom", "exec-1", states=["executing"])
    fake.fail_next("aom", "terminate_execution", status=200, body={"result": "terminating_async"})
    assert cloud.aom.terminate_execution("wf-1", "exec-1").result == "terminating_async"


def test_transient_503_while_polling_is_polled_again(fake: FakeCloud, clock: FakeTime) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED, COMPLETE])
    with cloud_for(fake, clock, retry=RetryPolicy.disabled()) as cloud:  # the waiter itself, not client retries
        cloud.drs.stop_job("job-1")
        fake.fail_next("drs", "show_job", status=503, times=2)
        result = cloud.drs.wait_until_job_stopped("job-1")
    assert field(result, "job.status") == COMPLETE
    assert [poll.status for poll in fake.requests_for("show_job")] == [503, 503, 200, 200]


def test_not_found_while_waiting_is_success_where_declared(fake: FakeCloud, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED, VANISHED])
    assert cloud.drs.stop_job_and_wait("job-1") is None
    fake.add_job("aom", "exec-1", states=["executing"], after_stop=["canceling", VANISHED])
    with pytest.raises(WaiterFailedError, match="not found"):  # aom declares not_found: failure
        cloud.aom.terminate_execution_and_wait("wf-1", "exec-1")


def test_cancelling_an_async_wait_propagates_and_sends_nothing_more(fake: FakeCloud, clock: FakeTime) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED])
    sleeping = asyncio.Event

    async def run() -> None:
        asleep = sleeping()
        never = sleeping()

        async def sleep(seconds: float) -> None:
            asleep.set()
            await never.wait()

        async with AsyncCloud(
            token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport(), sleep=sleep
        ) as cloud:
            task = asyncio.create_task(cloud.drs.stop_job_and_wait("job-1"))
            await asleep.wait()
            sent = len(fake.requests)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            for _ in range(20):
                await asyncio.sleep(0)
            assert len(fake.requests) == sent == 2  # the stop and one poll

    asyncio.run(run())


# -- stop-and-wait edge cases -----------------------------------------------------------------------


def test_stop_of_a_job_already_in_a_success_state_returns_that_state(fake: FakeCloud, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[COMPLETE])
    result = cloud.drs.stop_job_and_wait("job-1")
    assert field(result, "job.status") == COMPLETE
    stop, read = fake.requests
    assert stop.operation == "stop_job" and stop.status == 400  # the service refuses to stop an ended task
    assert read.operation == "show_job" and read.status == 200
    fake.add_job("aom", "exec-1", states=["cancel"])
    done = cloud.aom.terminate_execution_and_wait("wf-1", "exec-1")
    assert done is not None and done.status == "cancel"
    assert fake.requests_for("terminate_execution")[0].status == 400


def test_a_refused_stop_of_a_running_job_is_not_hidden(fake: FakeCloud, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING])
    fake.fail_next("drs", "stop_job", status=400)
    with pytest.raises(BadRequestError) as caught:
        cloud.drs.stop_job_and_wait("job-1")
    assert caught.value.status_code == 400 and len(fake.requests_for("show_job")) == 1


def test_on_state_sees_each_state_change_once(fake: FakeCloud, clock: FakeTime, cloud: Cloud) -> None:
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED, STARTED, "NEW_STATE", "NEW_STATE", COMPLETE])
    seen: list[tuple[str | None, float]] = []
    cloud.drs.stop_job_and_wait("job-1", on_state=lambda state, waited: seen.append((state, waited)))
    assert [state for state, _ in seen] == [STARTED, "NEW_STATE", COMPLETE]
    assert seen[0][1] == 0 and seen[-1][1] == pytest.approx(clock.now)


def test_per_call_overrides(fake: FakeCloud, clock: FakeTime, cloud: Cloud) -> None:
    fake.add_job("drs", "a", states=[RUNNING], after_stop=[STARTED, COMPLETE])
    early = cloud.drs.stop_job_and_wait("a", success=[STARTED])
    assert field(early, "job.status") == STARTED

    fake.add_job("drs", "b", states=[RUNNING], after_stop=[STARTED, COMPLETE])
    with pytest.raises(WaiterFailedError) as failed:
        cloud.drs.stop_job_and_wait("b", failure=[STARTED])
    assert failed.value.state == STARTED

    fake.add_job("drs", "c", states=[RUNNING], after_stop=[STARTED])
    started = clock.now
    with pytest.raises(WaiterTimeoutError) as timed_out:
        cloud.drs.wait_until_job_stopped("c", timeout=30, delay=1, max_delay=2)
    assert timed_out.value.waited == pytest.approx(30) and clock.now - started == pytest.approx(30)
    assert max(clock.sleeps[-5:]) <= 2


# -- deletes -----------------------------------------------------------------------------------------


def test_lakeformation_delete_missing_ok(fake: FakeCloud, cloud: Cloud) -> None:
    with pytest.raises(NotFoundError):
        cloud.lakeformation.delete_job(LF_INSTANCE, LF_JOB)
    gone = cloud.lakeformation.delete_job(LF_INSTANCE, LF_JOB, missing_ok=True)
    assert isinstance(gone, Acknowledgement) and gone.missing

    fake.add_job("lakeformation", LF_JOB, states=["RUNNING"])
    stopped = cloud.lakeformation.stop_job(LF_INSTANCE, LF_JOB)
    assert stopped.accepted and fake.job("lakeformation", LF_JOB).stops == 1
    deleted = cloud.lakeformation.delete_job(LF_INSTANCE, LF_JOB, missing_ok=True)
    assert not deleted.missing and fake.job("lakeformation", LF_JOB).deleted


def test_delete_whose_first_answer_is_lost_is_reported_done(fake: FakeCloud, clock: FakeTime, cloud: Cloud) -> None:
    fake.add_job("lakeformation", LF_JOB, states=["STOPPED"])
    fake.fail_next("lakeformation", "delete_job", reset=True)  # deleted, then the connection is reset
    result = cloud.lakeformation.delete_job(LF_INSTANCE, LF_JOB)
    assert isinstance(result, Acknowledgement) and result.missing
    assert [request.status for request in fake.requests_for("delete_job")] == [0, 404]
    assert fake.job("lakeformation", LF_JOB).deleted


# -- many jobs -------------------------------------------------------------------------------------------

OUTCOMES = ("stopped", "failed", "timeout", "vanished", "already", "unknown")


def drs_job(fake: FakeCloud, index: int) -> str:
    job_id = f"job-{index:04d}"
    kind = OUTCOMES[index % len(OUTCOMES)]
    if kind == "stopped":
        fake.add_job("drs", job_id, states=[RUNNING], after_stop=[COMPLETE])
    elif kind == "failed":
        fake.add_job("drs", job_id, states=[RUNNING], after_stop=[FAILED])
    elif kind == "timeout":
        fake.add_job("drs", job_id, states=[RUNNING], after_stop=[STARTED])
    elif kind == "vanished":
        fake.add_job("drs", job_id, states=[RUNNING], after_stop=[VANISHED])
    elif kind == "already":
        fake.add_job("drs", job_id, states=[COMPLETE])
    return job_id  # "unknown": never added


def test_bulk_stop_and_wait_of_1000_jobs(fake: FakeCloud, clock: FakeTime) -> None:
    ids = [drs_job(fake, index) for index in range(1000)]

    async def run() -> list[BulkOutcome[str, Any]]:
        async with async_cloud_for(fake, clock) as cloud:
            return await bulk_call_async(ids, lambda job: cloud.drs.stop_job_and_wait(job, timeout=60), concurrency=50)

    outcomes = asyncio.run(run())
    assert [outcome.key for outcome in outcomes] == ids
    for index, outcome in enumerate(outcomes):
        kind = OUTCOMES[index % len(OUTCOMES)]
        if kind in ("stopped", "already"):
            assert outcome.ok and field(outcome.result, "job.status") == COMPLETE, (index, outcome)
        elif kind in ("vanished", "unknown"):  # DRS: a task that is gone is not running
            assert outcome.ok and outcome.result is None, (index, outcome)
        elif kind == "failed":
            assert isinstance(outcome.error, WaiterFailedError) and outcome.error.state == FAILED
        else:
            assert isinstance(outcome.error, WaiterTimeoutError) and outcome.error.state == STARTED
    assert len(fake.requests_for("stop_job")) == 1000


def test_dli_batch_stop_then_wait_per_job(fake: FakeCloud, clock: FakeTime) -> None:
    states = {0: ["job_cancel_success"], 1: ["job_cancel_fail"], 2: ["job_canceling"], 3: [VANISHED]}
    ids = list(range(1, 1001))
    for job_id in ids:
        fake.add_job("dli", job_id, states=["job_running"], after_stop=states[job_id % 4])

    async def run() -> tuple[Any, list[BulkOutcome[int, Any]]]:
        async with async_cloud_for(fake, clock) as cloud:
            batch = await cloud.dli.stop_jobs(ids)
            outcomes = await bulk_call_async(
                ids, lambda job: cloud.dli.wait_until_job_stopped(job, timeout=60), concurrency=100
            )
            return batch, outcomes

    batch, outcomes = asyncio.run(run())
    assert len(batch) == 1000 and not batch.failures
    assert len(fake.requests_for("stop_jobs")) == 1
    assert [outcome.key for outcome in outcomes] == ids
    for outcome in outcomes:
        kind = outcome.key % 4
        if kind == 0:
            assert outcome.ok and field(outcome.result, "job_detail.status") == "job_cancel_success"
            assert field(outcome.result, "job_detail.job_id") == outcome.key
        elif kind == 1:
            assert isinstance(outcome.error, WaiterFailedError) and outcome.error.state == "job_cancel_fail"
        elif kind == 2:
            assert isinstance(outcome.error, WaiterTimeoutError) and outcome.error.state == "job_canceling"
        else:
            assert outcome.ok and outcome.result is None


# -- response values stay open -------------------------------------------------------------------


def _closed_values(hint: Any, where: str, seen: set[type[Any]]) -> Iterator[str]:
    """Every place in a result type that only parses listed values (a ``Literal``), with its type."""
    if get_origin(hint) is Literal:
        yield f"{where} is typed {hint}"
    elif isinstance(hint, type) and attrs.has(hint):
        if hint not in seen:
            seen.add(hint)
            for name, field_hint in model_hints(hint).items():
                yield from _closed_values(field_hint, f"{hint.__module__}.{hint.__qualname__}.{name}", seen)
    else:
        for argument in get_args(hint):
            yield from _closed_values(argument, where, seen)


@pytest.mark.parametrize("spec", sorted((ROOT / "openapi").glob("*.yaml")), ids=lambda path: path.stem)
def test_no_result_model_closes_a_response_value(spec: Path) -> None:
    """A value a service adds later (a state above all) never fails a call: no result field is a Literal.

    Specs may list response values with ``enum`` (as documents do) or ``x-known-values``; the generator
    reads both as known values (tools/response_enums.py), so this holds by construction.
    """
    operations = [op for op in load_operations() if op.service == spec.stem and op.success_statuses]
    seen: set[type[Any]] = set()
    with Cloud(token="test-token", project_id=PROJECT_ID, region="cn-north-4") as cloud:
        closed = [where for op in operations for where in _closed_values(result_hint(cloud, op), op.id, seen)]
    assert not closed, (
        f"{spec.name}: a response value outside these lists would fail the whole call:\n  "
        + "\n  ".join(closed)
        + "\ntools/generate.py gives the generator every enum a response reaches as x-known-values "
        "(tools/response_enums.py): run `nox -s generate` and commit generated/; if a field stays a Literal, "
        "response_enums.response_schemas misses the place where the spec reaches its schema."
    )


def test_a_deadline_closer_than_the_clock_can_resolve_still_ends_the_wait(fake: FakeCloud) -> None:
    """Regression: waiters sharing a clock left one 3.6e-15 s short of its deadline, where adding the
    remainder does not move a clock at 33.2 s; it waited "the rest" forever (seen in a 1,000-job run)."""
    fake.add_job("drs", "job-1", states=["INCRE_TRANSFER_STARTED"])
    started, stuck = 3.175994589733666, 33.17599458973366  # stuck + (30 - (stuck - started)) == stuck
    clock = FakeTime(start=started)
    calls = 0

    def sleep(seconds: float) -> None:
        nonlocal calls
        calls += 1
        assert calls < 100, "the wait never ended"
        clock.now = stuck if calls == 1 else clock.now + seconds

    cloud = Cloud(
        token="t",
        project_id=PROJECT_ID,
        region="cn-north-4",
        transport=fake.transport(),
        sleep=sleep,
        clock=clock.clock,
    )
    with cloud, pytest.raises(WaiterTimeoutError):
        cloud.drs.wait_until_job_stopped("job-1", timeout=30)
    assert calls == 1
