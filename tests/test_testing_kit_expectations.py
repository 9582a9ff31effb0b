"""The testing kit's Stubber-like expectations and moto-like timed state changes."""

from __future__ import annotations

import pytest
from test_waiters import cloud_for

from huaweicloud_jobs import BadRequestError, WaiterTimeoutError
from huaweicloud_jobs.testing import FakeCloud, FakeTime

RUNNING, STOPPING, STOPPED = "INCRE_TRANSFER_STARTED", "RELEASE_RESOURCE_STARTED", "RELEASE_RESOURCE_COMPLETE"


def test_met_expectations_leave_nothing_pending() -> None:
    fake, clock = FakeCloud(["drs"]), FakeTime()
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STOPPED])
    fake.expect("drs", "stop_job", path={"job_id": "job-1"}, json={"is_force_stop": True})
    fake.expect("drs", "show_job", path={"job_id": "job-1"}, query={"type": "overview"})
    with cloud_for(fake, clock) as cloud:
        cloud.drs.stop_job_and_wait("job-1", is_force_stop=True)
    fake.assert_no_pending()


def test_a_request_that_breaks_an_expectation_is_refused_and_reported() -> None:
    fake, clock = FakeCloud(["drs"]), FakeTime()
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STOPPED])
    fake.expect("drs", "stop_job", json={"is_force_stop": True})
    with cloud_for(fake, clock) as cloud, pytest.raises(BadRequestError, match=r"FAKE\.EXPECTATION"):
        cloud.drs.stop_job("job-1")  # no is_force_stop in the body
    assert not fake.job("drs", "job-1").stopped  # refused, so it did not act
    with pytest.raises(AssertionError, match="drs stop_job: body"):
        fake.assert_no_pending()


def test_an_expectation_never_met_is_reported() -> None:
    fake = FakeCloud(["drs"])
    fake.expect("drs", "show_job", query={"type": "overview"})
    with pytest.raises(AssertionError, match=r"expected drs show_job .*not sent"):
        fake.assert_no_pending()
    with pytest.raises(ValueError, match="no operation"):
        fake.expect("drs", "no_such_operation")


def test_states_that_last_a_duration_move_with_the_clock() -> None:
    fake_time = FakeTime()
    fake = FakeCloud(["drs"], clock=fake_time.clock)
    job = fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STOPPING, STOPPED], hold=30)
    seen: list[str | None] = []
    with cloud_for(fake, fake_time) as cloud:
        cloud.drs.stop_job_and_wait("job-1", delay=5, max_delay=5, on_state=lambda state, _: seen.append(state))
    assert seen == [STOPPING, STOPPED]
    assert 30 <= fake_time.now <= 40  # stopping lasted 30 s of the fake clock, whatever the number of reads
    assert job.reads >= 6


def test_a_duration_longer_than_the_wait_times_out() -> None:
    fake_time = FakeTime()
    fake = FakeCloud(["drs"], clock=fake_time.clock)
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STOPPING, STOPPED], hold=600)
    with cloud_for(fake, fake_time) as cloud, pytest.raises(WaiterTimeoutError):
        cloud.drs.stop_job_and_wait("job-1", timeout=60)
    with pytest.raises(ValueError, match="hold"):
        fake.add_job("drs", "job-2", states=[RUNNING], hold=0)
