"""Resumable waits: ``continuation_token()`` / ``resume_wait(token)``, and ``--wait --state-file`` after a kill."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from test_cli import command_line, environment

from huaweicloud_jobs import AsyncCloud, Cloud, InvalidParameterError, WaiterTimeoutError
from huaweicloud_jobs.testing import FakeCloud, FakeTime

from conftest import PROJECT_ID

ENDING = ["RELEASE_RESOURCE_STARTED"] * 6 + ["RELEASE_RESOURCE_COMPLETE"]


class Interrupted(Exception):
    """Stands for the process dying in the middle of a wait."""


def cloud_for(fake: FakeCloud, clock: FakeTime) -> Cloud:
    return Cloud(
        token="t",
        project_id=PROJECT_ID,
        region="cn-north-4",
        transport=fake.transport(),
        sleep=clock.sleep,
        clock=clock.clock,
    )


def test_a_wait_saved_as_a_token_is_resumed_by_another_client_without_stopping_again() -> None:
    fake, clock = FakeCloud(["drs"]), FakeTime()
    fake.add_job("drs", "task-1", states=["INCRE_TRANSFER_STARTED"], after_stop=ENDING)

    def dying_sleep(seconds: float) -> None:  # the process dies during its second sleep
        clock.sleep(seconds)
        if len(clock.sleeps) == 2:
            raise Interrupted

    with Cloud(
        token="t",
        project_id=PROJECT_ID,
        region="cn-north-4",
        transport=fake.transport(),
        sleep=dying_sleep,
        clock=clock.clock,
    ) as cloud:
        cloud.drs.stop_job("task-1")
        handle = cloud.drs.begin_wait_until_job_stopped("task-1", delay=2, max_delay=4)
        assert fake.requests_for("show_job") == []  # nothing is read before result()
        with pytest.raises(Interrupted):
            handle.result()
    token = handle.continuation_token()
    assert handle.state == "RELEASE_RESOURCE_STARTED" and handle.polls == 2
    with cloud_for(fake, FakeTime()) as other:
        resumed = other.drs.resume_wait(token)
        assert resumed.state == "RELEASE_RESOURCE_STARTED" and resumed.polls == 2
        final = resumed.result()
    assert final is not None and final.job.status == "RELEASE_RESOURCE_COMPLETE"
    assert len(fake.requests_for("stop_job")) == 1
    assert len(fake.requests_for("show_job")) == len(ENDING)  # every state read once, across both clients
    assert len(token) < 600


def test_tokens_are_checked() -> None:
    fake, clock = FakeCloud(["drs", "dli"]), FakeTime()
    with cloud_for(fake, clock) as cloud:
        drs_token = cloud.drs.begin_wait_until_job_stopped("task-1").continuation_token()
        with pytest.raises(
            InvalidParameterError, match="is a wait of huaweicloud_jobs_drs, not of huaweicloud_jobs_dli"
        ):
            cloud.dli.resume_wait(drs_token)
        for bad in ("", "nonsense", "e30", drs_token[:-4]):
            with pytest.raises(InvalidParameterError, match="continuation_token"):
                cloud.drs.resume_wait(bad)


def test_a_deadline_that_passed_while_nobody_waited_gets_one_more_read() -> None:
    fake, clock = FakeCloud(["drs"]), FakeTime()
    fake.add_job("drs", "task-1", states=["INCRE_TRANSFER_STARTED"], after_stop=["RELEASE_RESOURCE_STARTED"])
    with cloud_for(fake, clock) as cloud:
        cloud.drs.stop_job("task-1")
        token = cloud.drs.begin_wait_until_job_stopped("task-1", timeout=0.5).continuation_token()
        time.sleep(0.6)  # the wall-clock deadline passes
        with pytest.raises(WaiterTimeoutError) as late:
            cloud.drs.resume_wait(token).result()
    assert late.value.state == "RELEASE_RESOURCE_STARTED" and late.value.polls == 1


def test_async_resume() -> None:
    fake, clock = FakeCloud(["dli"]), FakeTime()
    fake.add_job("dli", 9, states=["job_running"], after_stop=["job_canceling", "job_canceling", "job_cancel_success"])

    async def main() -> Any:
        async with AsyncCloud(
            token="t",
            project_id=PROJECT_ID,
            region="cn-north-4",
            transport=fake.transport(),
            sleep=clock.async_sleep,
            clock=clock.clock,
        ) as cloud:
            await cloud.dli.stop_jobs([9])
            token = cloud.dli.begin_wait_until_job_stopped(9).continuation_token()
            return await cloud.dli.resume_wait(token).result()

    final = asyncio.run(main())
    assert final.job_detail.status == "job_cancel_success" and len(fake.requests_for("stop_jobs")) == 1


# -- the command line: killed in the middle of a wait, run again ----------------------------------


@pytest.mark.slow
def test_a_killed_wait_resumes_from_the_state_file_without_a_second_stop(tmp_path: Path) -> None:
    fake = FakeCloud(["dli"])
    jobs = [301, 302, 303]
    for job in jobs:
        fake.add_job("dli", job, states=["job_running"], after_stop=["job_canceling"] * 12 + ["job_cancel_success"])
    (tmp_path / "ids").write_text("\n".join(map(str, jobs)) + "\n", encoding="utf-8")
    state = tmp_path / "state.json"
    with fake.serve():
        endpoints = [word for svc, url in fake.endpoints().items() for word in ("--endpoint", f"{svc}={url}")]
        args = [*command_line(), "--allow-http", *endpoints, "dli", "stop-jobs", "--from-file", str(tmp_path / "ids")]
        args += ["--wait", "--delay", "0.1", "--max-delay", "0.1", "--state-file", str(state)]
        env = environment(HUAWEICLOUD_SDK_REGION="cn-north-4")
        first = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 30
        while len(fake.requests_for("show_job")) < 4 and time.monotonic() < deadline:  # well into the wait
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=10)
        assert first.returncode == -signal.SIGKILL
        reads_before = len(fake.requests_for("show_job"))
        recorded = json.loads(state.read_text(encoding="utf-8"))
        (entry,) = recorded["calls"].values()
        assert "done" not in entry and len(entry["waits"]) == 3

        second = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
        assert second.returncode == 0, second.stderr
        (outcome,) = [json.loads(line) for line in second.stdout.splitlines()]
        assert outcome["ok"] and [w["id"] for w in outcome["result"]["waited"]] == jobs
        assert {w["result"]["job_detail"]["status"] for w in outcome["result"]["waited"]} == {"job_cancel_success"}
        assert len(fake.requests_for("stop_jobs")) == 1  # the restart resumed the waits, it did not stop again
        assert len(fake.requests_for("show_job")) > reads_before

        requests = len(fake.requests)
        third = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
        assert third.returncode == 0 and json.loads(third.stdout) == outcome  # done: reported, nothing sent
        assert len(fake.requests) == requests
