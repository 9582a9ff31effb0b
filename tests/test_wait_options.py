"""WaitOptions: one frozen object for a wait's overrides, taken by every generated wait method, sync and asyncio."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from test_waiters import COMPLETE, RUNNING, STARTED, async_cloud_for, cloud_for

from huaweicloud_jobs import InvalidParameterError, WaiterTimeoutError, WaitOptions
from huaweicloud_jobs.testing import FakeCloud, FakeTime


def test_wait_options_are_frozen_and_checked() -> None:
    options = WaitOptions(timeout=60, delay=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.timeout = 5  # type: ignore[misc]
    for bad in ({"timeout": 0}, {"delay": -1}, {"max_delay": True}, {"success": "DONE"}, {"on_state": 3}):
        with pytest.raises(InvalidParameterError) as caught:
            WaitOptions(**bad)
        assert caught.value.parameter == next(iter(bad))


def test_keywords_override_the_options_object() -> None:
    base = WaitOptions(timeout=60, delay=1, max_delay=2)
    assert WaitOptions.given(base, timeout=None, delay=5) == WaitOptions(timeout=60, delay=5, max_delay=2)
    assert WaitOptions.given(None, timeout=30) == WaitOptions(timeout=30)
    assert WaitOptions.given(base) is base
    with pytest.raises(InvalidParameterError, match="options"):
        WaitOptions.given({"timeout": 5})  # type: ignore[arg-type]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_generated_methods_take_options_and_keywords_win(flavour: str) -> None:
    fake, clock = FakeCloud(), FakeTime()
    fake.add_job("drs", "job-1", states=[RUNNING], after_stop=[STARTED] * 6 + [COMPLETE])
    fake.add_job("drs", "job-2", states=[STARTED])
    options = WaitOptions(delay=1, max_delay=2, timeout=600)

    async def run_async() -> None:
        async with async_cloud_for(fake, clock) as cloud:
            await cloud.drs.stop_job_and_wait("job-1", options=options)
            with pytest.raises(WaiterTimeoutError):
                await cloud.drs.wait_until_job_stopped("job-2", options=options, timeout=30)
            wait = cloud.drs.begin_wait_until_job_stopped("job-2", options=options, timeout=10)
            with pytest.raises(WaiterTimeoutError):
                await wait.result()

    if flavour == "sync":
        with cloud_for(fake, clock) as cloud:
            cloud.drs.stop_job_and_wait("job-1", options=options)
            with pytest.raises(WaiterTimeoutError):
                cloud.drs.wait_until_job_stopped("job-2", options=options, timeout=30)
            wait = cloud.drs.begin_wait_until_job_stopped("job-2", options=options, timeout=10)
            with pytest.raises(WaiterTimeoutError):
                wait.result()
    else:
        asyncio.run(run_async())
    stop_sleeps = clock.sleeps[:6]
    assert len(stop_sleeps) == 6 and max(stop_sleeps) <= 2  # delay and max_delay of the options object
    # the keyword timeouts (30 s, then 10 s) won over the object's 600 s
    assert clock.now == pytest.approx(sum(stop_sleeps) + 30 + 10)
