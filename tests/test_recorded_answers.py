"""Every waiter and every stop against recorded answers (``tests/data/recorded``), from a loopback server.

The answers are written from the official SDK's models and the seeds, never from ``openapi/``
(see ``tests/data/recorded/README.md``), and the outcomes below are stated by hand: which state a
result carries is read through the SDK's field names (``RESULT_STATE``), not through the specs'
``x-waiters``. So a wrong state path, a state in the wrong list or a state name that does not
exist fails here, where the testing kit (whose answers are built from ``x-waiters``) cannot see it.
Both flavours, sync and asyncio, run every case; the clock is fake, the server and client real.
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from huaweicloud_jobs import (
    AsyncCloud,
    BadRequestError,
    BatchResult,
    Cloud,
    HuaweiCloudJobsError,
    NotFoundError,
    OperationFailedError,
    ResponseValidationError,
    RetryPolicy,
    WaiterFailedError,
    WaiterTimeoutError,
)
from huaweicloud_jobs.testing import FakeTime
from huaweicloud_jobs_core.types import Unset

from conftest import PROJECT_ID, ROOT
from local_server import LocalServer, Reply

RECORDED = ROOT / "tests" / "data" / "recorded"

# The ids each service's waiter takes, from the seeds' examples (and the recorded bodies).
IDS: dict[str, tuple[Any, ...]] = {
    "drs": ("c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r",),
    "dli": (128,),
    "aom": ("wf-3f9a1c2e7b8d4e5f", "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"),
}
WAITER = {"drs": "job_stopped", "dli": "job_stopped", "aom": "execution_terminated"}
READ = {"drs": "show_job", "dli": "show_job", "aom": "show_execution_status"}
STOP = {"drs": "stop_job", "dli": "stop_jobs", "aom": "terminate_execution"}

# Where each result carries its state, by the SDK's field names (ShowJobDetailResponse.job.status,
# ShowFlinkJobResponse.job_detail.status, SearchWorkflowExecutionDetailResponse.status).
RESULT_STATE: dict[str, Callable[[Any], Any]] = {
    "drs": lambda result: result.job.status,
    "dli": lambda result: result.job_detail.status,
    "aom": lambda result: result.status,
}


def recorded(service: str, operation: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((RECORDED / f"{service}_{operation}.json").read_text(encoding="utf-8"))
    return document


def answer(service: str, operation: str, name: str) -> dict[str, Any]:
    found: dict[str, Any] = recorded(service, operation)["answers"][name]
    return found


def reply(service: str, operation: str, name: str, change: Callable[[Any], None] | None = None) -> Reply:
    """The recorded answer as the server sends it (``change`` edits a copy of its JSON body first)."""
    recorded_answer = answer(service, operation, name)
    if "text" in recorded_answer:
        return Reply(recorded_answer["status"], recorded_answer["text"].encode(), {"Content-Type": "text/plain"})
    body = copy.deepcopy(recorded_answer["body"])
    if change is not None:
        change(body)
    return Reply(recorded_answer["status"], json.dumps(body).encode(), {"Content-Type": "application/json"})


def run(flavour: str, server: LocalServer, clock: FakeTime, call: Callable[[Any], Any]) -> Any:
    """``call(cloud)`` with a sync or asyncio cloud pointed at ``server``: its result, or the error it raised."""
    options: dict[str, Any] = {
        "token": "recorded-answers-token",
        "project_id": PROJECT_ID,
        "endpoints": server.endpoints(),
        "allow_http": True,
        "retry": RetryPolicy.disabled(),  # the waiters' own handling of each answer, not the client's retries
        "clock": clock.clock,
    }
    if flavour == "sync":
        with Cloud(sleep=clock.sleep, **options) as cloud:
            try:
                return call(cloud)
            except HuaweiCloudJobsError as error:
                return error

    async def main() -> Any:
        async with AsyncCloud(sleep=clock.async_sleep, **options) as cloud:
            try:
                return await call(cloud)
            except HuaweiCloudJobsError as error:
                return error

    return asyncio.run(main())


@pytest.fixture(scope="module")
def running_server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


@pytest.fixture
def server(running_server: LocalServer) -> LocalServer:
    """One loopback server for the module, with no requests and no queued answers at the start of each test."""
    running_server.reset()
    return running_server


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime()


# -- the recorded data -----------------------------------------------------------------------------------


def declared_waiters() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(service, read operation, waiter, declaration) of every x-waiters in openapi/."""
    for spec in sorted((ROOT / "openapi").glob("*.yaml")):
        document = yaml.safe_load(spec.read_text(encoding="utf-8"))
        for item in document["paths"].values():
            for operation in item.values():
                if not isinstance(operation, dict):
                    continue
                for response in operation.get("responses", {}).values():
                    for name, declared in response.get("x-waiters", {}).items():
                        yield spec.stem, operation["operationId"], name, declared


def test_every_recorded_answer_says_where_it_comes_from() -> None:
    files = sorted(RECORDED.glob("*.json"))
    assert files
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["_source"] and path.name == f"{document['service']}_{document['operation']}.json"
        for name, recorded_answer in document["answers"].items():
            assert recorded_answer["_source"], f"{path.name}: {name}"
            assert ("body" in recorded_answer) != ("text" in recorded_answer), f"{path.name}: {name}"


def test_every_waiter_and_its_stop_have_recorded_answers_and_cases() -> None:
    """A new waiter, or a state added to one, needs recorded answers and a stated outcome here, or this fails."""
    for service, read, name, declared in declared_waiters():
        assert (READ.get(service), WAITER.get(service), STOP.get(service)) == (read, name, declared["after"])
        assert (RECORDED / f"{service}_{read}.json").exists() and (
            RECORDED / f"{service}_{declared['after']}.json"
        ).exists()
        cases = {(case.outcome, case.state) for case in WAIT_CASES if case.service == service}
        assert {("success", state) for state in declared["success"]} <= cases, service
        assert {("failure", state) for state in declared["failure"]} <= cases, service
        assert any(outcome == "timeout" for outcome, _ in cases), service


def test_every_declared_state_occurs_in_the_recorded_answers_at_the_declared_path() -> None:
    """The states a waiter lists exist: each is found, at the waiter's state path, in an answer the SDK documents."""
    for service, read, _, declared in declared_waiters():
        found = set()
        for recorded_answer in recorded(service, read)["answers"].values():
            value: Any = recorded_answer.get("body")
            for part in declared["state"].split("."):
                value = value.get(part) if isinstance(value, dict) else None
            found.add(value)
        assert set(declared["success"]) | set(declared["failure"]) <= found, service


def test_every_waiter_has_a_failure_path() -> None:
    """A failure state, or a reason saying why the service has none (else a failed stop can only time out)."""
    for service, _, name, declared in declared_waiters():
        assert declared["failure"] or "no failure state" in declared["reason"].lower(), f"{service} {name}"


# -- waiting -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaitCase:
    service: str
    answers: tuple[str, ...]  # the recorded answers of the read, one per poll (the last repeated on a timeout)
    outcome: str  # success | gone | failure | timeout
    state: str | None = None

    @property
    def id(self) -> str:
        return f"{self.service}-{'-'.join(self.answers)}-{self.outcome}"


WAIT_CASES = [
    WaitCase("drs", ("running", "ending", "ended"), "success", "RELEASE_RESOURCE_COMPLETE"),
    WaitCase("drs", ("ending", "child_ending", "child_ended"), "success", "RELEASE_CHILD_TRANSFER_COMPLETE"),
    WaitCase("drs", ("ending", "deleted"), "success", "DELETED"),
    WaitCase("drs", ("ending", "ending_failed"), "failure", "RELEASE_RESOURCE_FAILED"),
    WaitCase("drs", ("ending", "unknown_task"), "gone"),  # 400 DRS.10000010: the task no longer exists
    WaitCase("drs", ("ending", "child_ending"), "timeout", "RELEASE_CHILD_TRANSFER_STARTED"),
    WaitCase("dli", ("running", "stopping", "stopped"), "success", "job_cancel_success"),
    WaitCase("dli", ("stopping", "stopped_boolean_success"), "success", "job_cancel_success"),
    WaitCase("dli", ("stopping", "finished"), "success", "job_finish"),
    WaitCase("dli", ("arrears_stopped",), "success", "job_arrearage_stopped"),
    WaitCase("dli", ("submit_failed",), "success", "job_submit_fail"),
    WaitCase("dli", ("draft",), "success", "job_init"),  # a draft is not running
    WaitCase("dli", ("stopping", "stop_failed"), "failure", "job_cancel_fail"),
    WaitCase("dli", ("stopping",), "timeout", "job_canceling"),
    WaitCase("aom", ("executing", "canceling", "canceled"), "success", "cancel"),
    WaitCase("aom", ("canceling", "canceled_iso_update_time"), "success", "cancel"),
    WaitCase("aom", ("canceling", "completed"), "success", "success"),
    WaitCase("aom", ("canceling", "failed"), "failure", "fail"),  # a terminate that did not take effect
    WaitCase("aom", ("paused", "approval_rejected"), "failure", "approvalFailed"),
    # the record stays readable, so a 404 means wrong ids: a failure, with the last state seen
    WaitCase("aom", ("canceling", "not_found"), "failure", "canceling"),
    WaitCase("aom", ("paused",), "timeout", "pausing"),
]


def wait_until(service: str, **options: Any) -> Callable[[Any], Any]:
    return lambda cloud: getattr(getattr(cloud, service), f"wait_until_{WAITER[service]}")(*IDS[service], **options)


@pytest.mark.parametrize("case", WAIT_CASES, ids=lambda case: case.id)
def test_waiter_against_recorded_answers(case: WaitCase, flavour: str, server: LocalServer, clock: FakeTime) -> None:
    answers = list(case.answers) + [case.answers[-1]] * (20 if case.outcome == "timeout" else 0)
    server.enqueue(*(reply(case.service, READ[case.service], name) for name in answers))
    outcome = run(flavour, server, clock, wait_until(case.service, timeout=60, delay=5, max_delay=5))
    if case.outcome == "success":
        assert not isinstance(outcome, BaseException), outcome
        assert RESULT_STATE[case.service](outcome) == case.state
    elif case.outcome == "gone":
        assert outcome is None
    elif case.outcome == "failure":
        assert isinstance(outcome, WaiterFailedError), outcome
        assert outcome.state == case.state
    else:
        assert isinstance(outcome, WaiterTimeoutError), outcome
        assert outcome.state == case.state and outcome.waited == pytest.approx(60)
    if case.outcome != "timeout":
        assert [request.operation for request in server.requests] == [READ[case.service]] * len(case.answers)


# -- a poll whose body breaks the schema on a field the waiter does not read -----------------------------------


def unreadable_begin_time(body: dict[str, Any]) -> None:
    body["begin_time"] = "yesterday"  # documented as an integer timestamp


def test_a_poll_failing_validation_on_a_field_the_waiter_does_not_read_does_not_end_the_wait(
    flavour: str, server: LocalServer, clock: FakeTime
) -> None:
    server.enqueue(
        reply("aom", "show_execution_status", "canceling", unreadable_begin_time),
        reply("aom", "show_execution_status", "canceled", unreadable_begin_time),
    )
    outcome = run(flavour, server, clock, wait_until("aom"))
    assert not isinstance(outcome, BaseException), outcome
    assert outcome.status == "cancel" and isinstance(outcome.begin_time, Unset)  # left out, the rest kept
    assert outcome.execution_result_list[0].node_id == "node-1"
    assert len(server.requests) == 2


def test_a_poll_failing_validation_on_the_watched_field_ends_the_wait(
    flavour: str, server: LocalServer, clock: FakeTime
) -> None:
    def unreadable_status(body: dict[str, Any]) -> None:
        body["status"] = {"name": "cancel"}

    server.enqueue(reply("aom", "show_execution_status", "canceled", unreadable_status))
    outcome = run(flavour, server, clock, wait_until("aom"))
    assert isinstance(outcome, ResponseValidationError) and "status" in outcome.left_out
    assert len(server.requests) == 1


def test_a_plain_read_still_refuses_the_body_and_names_what_was_left_out(server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(reply("aom", "show_execution_status", "canceled", unreadable_begin_time))
    outcome = run("sync", server, clock, lambda cloud: cloud.aom.show_execution_status(*IDS["aom"]))
    assert isinstance(outcome, ResponseValidationError) and "begin_time" in str(outcome)
    assert outcome.left_out == ("begin_time",) and outcome.partial.status == "cancel"


def test_last_update_time_is_read_in_both_documented_forms(server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(
        reply("aom", "show_execution_status", "canceled"),
        reply("aom", "show_execution_status", "canceled_iso_update_time"),
    )
    read = run("sync", server, clock, lambda cloud: [cloud.aom.show_execution_status(*IDS["aom"]) for _ in "ab"])
    assert [execution.last_update_time for execution in read] == [1732354260000, "2024-11-23T09:31:00Z"]


# -- stops, and stop-then-wait ------------------------------------------------------------------------------------


def stop_and_wait(service: str, **options: Any) -> Callable[[Any], Any]:
    return lambda cloud: getattr(getattr(cloud, service), f"{STOP[service]}_and_wait")(*IDS[service], **options)


def test_drs_stop_answered_failed_is_an_operation_failure(flavour: str, server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(reply("drs", "stop_job", "failed"))
    outcome = run(flavour, server, clock, lambda cloud: cloud.drs.stop_job(*IDS["drs"]))
    assert isinstance(outcome, OperationFailedError), outcome
    assert outcome.status_code == 200 and outcome.resource_id == IDS["drs"][0] and "failed" in str(outcome)


def test_drs_stop_answered_success_is_the_result(flavour: str, server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(reply("drs", "stop_job", "success"))
    outcome = run(flavour, server, clock, lambda cloud: cloud.drs.stop_job(*IDS["drs"]))
    assert not isinstance(outcome, BaseException) and outcome.status == "success"


def test_drs_stop_and_wait_after_a_failed_stop_reads_once_and_raises(
    flavour: str, server: LocalServer, clock: FakeTime
) -> None:
    """It once took the failed stop for a success and polled a running task until its deadline."""
    server.enqueue(reply("drs", "stop_job", "failed"), reply("drs", "show_job", "running"))
    outcome = run(flavour, server, clock, stop_and_wait("drs"))
    assert isinstance(outcome, OperationFailedError), outcome
    assert [request.operation for request in server.requests] == ["stop_job", "show_job"] and clock.sleeps == []


def test_drs_stop_and_wait_of_a_task_that_already_ended(flavour: str, server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(reply("drs", "stop_job", "failed"), reply("drs", "show_job", "ended"))
    outcome = run(flavour, server, clock, stop_and_wait("drs"))
    assert RESULT_STATE["drs"](outcome) == "RELEASE_RESOURCE_COMPLETE"


def test_drs_stop_and_wait_of_an_unknown_task(flavour: str, server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(reply("drs", "stop_job", "unknown_task"), reply("drs", "show_job", "unknown_task"))
    assert run(flavour, server, clock, stop_and_wait("drs")) is None  # gone: not running
    server.enqueue(reply("drs", "show_job", "unknown_task"))
    plain = run(flavour, server, clock, lambda cloud: cloud.drs.show_job(*IDS["drs"], type_="overview"))
    assert isinstance(plain, BadRequestError) and plain.error_code == "DRS.10000010"  # a plain read still raises


def test_drs_stop_and_wait_success(flavour: str, server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(
        reply("drs", "stop_job", "success"), reply("drs", "show_job", "ending"), reply("drs", "show_job", "ended")
    )
    outcome = run(flavour, server, clock, stop_and_wait("drs"))
    assert RESULT_STATE["drs"](outcome) == "RELEASE_RESOURCE_COMPLETE"


@pytest.mark.parametrize("recorded_answer", ["object", "json_string", "text"])
def test_aom_terminate_answer_in_every_documented_shape(
    recorded_answer: str, flavour: str, server: LocalServer, clock: FakeTime
) -> None:
    server.enqueue(reply("aom", "terminate_execution", recorded_answer))
    outcome = run(flavour, server, clock, lambda cloud: cloud.aom.terminate_execution(*IDS["aom"]))
    assert not isinstance(outcome, BaseException), outcome
    assert outcome.result == "success"
    server.enqueue(
        reply("aom", "terminate_execution", recorded_answer),
        reply("aom", "show_execution_status", "canceling"),
        reply("aom", "show_execution_status", "canceled"),
    )
    waited = run(flavour, server, clock, stop_and_wait("aom"))
    assert not isinstance(waited, BaseException) and waited.status == "cancel"


def test_aom_terminate_refused_then_a_body_with_an_unread_field_wrong(server: LocalServer, clock: FakeTime) -> None:
    """After a refused terminate, the one status read is read past a field the waiter does not watch too."""
    server.enqueue(
        reply("aom", "terminate_execution", "unsupported"),
        reply("aom", "show_execution_status", "completed", unreadable_begin_time),
    )
    outcome = run("sync", server, clock, stop_and_wait("aom"))
    assert not isinstance(outcome, BaseException), outcome
    assert outcome.status == "success"


def test_aom_terminate_refused_and_the_execution_not_found(server: LocalServer, clock: FakeTime) -> None:
    server.enqueue(
        reply("aom", "terminate_execution", "unsupported"), reply("aom", "show_execution_status", "not_found")
    )
    outcome = run("sync", server, clock, stop_and_wait("aom"))
    assert isinstance(outcome, BadRequestError) and not isinstance(outcome, NotFoundError)  # the refusal


@pytest.mark.parametrize("recorded_answer", ["delivered", "delivered_boolean"])
def test_dli_batch_stop_reads_is_success_as_a_bool(
    recorded_answer: str, flavour: str, server: LocalServer, clock: FakeTime
) -> None:
    server.enqueue(reply("dli", "stop_jobs", recorded_answer))
    outcome = run(flavour, server, clock, lambda cloud: cloud.dli.stop_jobs([128]))
    assert isinstance(outcome, BatchResult) and not outcome.failures
    assert [item.is_success for item in outcome] == [True]


@pytest.mark.parametrize("recorded_answer", ["stopped", "stopped_boolean_success"])
def test_dli_status_read_is_success_is_a_bool_in_both_forms(
    recorded_answer: str, server: LocalServer, clock: FakeTime
) -> None:
    server.enqueue(reply("dli", "show_job", recorded_answer))
    outcome = run("sync", server, clock, lambda cloud: cloud.dli.show_job(128))
    assert not isinstance(outcome, BaseException), outcome
    assert outcome.is_success is True
