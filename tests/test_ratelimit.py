"""The adaptive rate limiter: its rules on a fake clock, a simulated throttling service, and a real one.

The simulation is a discrete-event model of a bulk run (workers, round trips) against a service
that admits N calls per second from a token bucket and answers 429 above it: deterministic, so
it states the limiter's figures without timing anything. ``nox -s bench`` measures the same
against a real loopback server.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from huaweicloud_jobs import AsyncCloud, Cloud, Credentials
from huaweicloud_jobs_core import InvalidParameterError, bulk_call_async
from huaweicloud_jobs_core._ratelimit import GENTLE_CUT, MIN_SAMPLE, STEEP_CUT, RateLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


# ---------------------------------------------------------------------------------------------
# Rules


def test_unthrottled_limiter_never_waits() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    for _ in range(1000):
        pause, _ticket = limiter.acquire()
        assert pause == 0.0
        limiter.record(_ticket, throttled=False)
    assert limiter.rate() is None and limiter.throttles == 0


def test_ceiling_spaces_calls_evenly() -> None:
    clock = FakeClock()
    limiter = RateLimiter(ceiling=10, adaptive=False, clock=clock)
    pauses = [limiter.acquire()[0] for _ in range(5)]
    assert pauses == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4])
    clock.now += 10  # idle time is not saved up as a burst
    assert limiter.acquire()[0] == 0.0
    assert limiter.acquire()[0] == pytest.approx(0.1)


def test_first_429_cuts_steeply_from_the_measured_send_rate() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    tickets = []
    for _ in range(100):  # 100 calls over 0.5 s: 200 calls/s
        tickets.append(limiter.acquire()[1])
        clock.now += 0.005
    limiter.record(tickets[-1], throttled=True)
    assert limiter.throttles == 1
    assert limiter.rate() == pytest.approx(200 * STEEP_CUT, rel=0.02)
    assert limiter.acquire()[0] == 0.0
    assert limiter.acquire()[0] == pytest.approx(1 / (200 * STEEP_CUT), rel=0.02)


def test_a_429_of_a_slot_taken_before_the_cut_is_ignored_and_its_slot_is_void() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    old = [limiter.acquire()[1] for _ in range(20)]
    clock.now += 0.1
    limiter.record(old[0], throttled=True)
    rate = limiter.rate()
    for ticket in old[1:]:
        limiter.record(ticket, throttled=True)
        assert not limiter.still_valid(ticket)
    assert limiter.throttles == 1 and limiter.rate() == rate


def test_later_429_estimates_the_limit_from_what_was_admitted() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    first = limiter.acquire()[1]
    clock.now += 0.01
    limiter.record(first, throttled=True)
    # A second of calls at 50/s admitted, then a 429: the limit is about 50/s.
    clock.now += 5
    for _ in range(50):
        ticket = limiter.acquire()[1]
        clock.now += 0.02
        limiter.record(ticket, throttled=False)
    ticket = limiter.acquire()[1]
    limiter.record(ticket, throttled=True)
    assert limiter.throttles == 2
    assert limiter.rate() == pytest.approx(50 * GENTLE_CUT, rel=0.05)


def test_fewer_than_min_sample_answers_do_not_cut_again() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    limiter.record(limiter.acquire()[1], throttled=True)
    clock.now += 0.001
    for _ in range(MIN_SAMPLE - 1):
        limiter.record(limiter.acquire()[1], throttled=True)
    assert limiter.throttles == 1
    limiter.record(limiter.acquire()[1], throttled=True)
    assert limiter.throttles == 2


def test_rate_grows_back_after_a_cut_and_beyond() -> None:
    clock = FakeClock()
    limiter = RateLimiter(clock=clock)
    limiter.record(limiter.acquire()[1], throttled=True)
    cut = limiter.rate()
    assert cut is not None
    clock.now += 1.0
    back = limiter.rate()
    clock.now += 2.0
    beyond = limiter.rate()
    assert cut is not None and back is not None and beyond is not None
    assert cut < back < beyond


def test_ceiling_bounds_the_adaptive_rate() -> None:
    clock = FakeClock()
    limiter = RateLimiter(ceiling=5, clock=clock)
    assert limiter.rate() == 5
    limiter.record(limiter.acquire()[1], throttled=True)
    clock.now += 1000
    assert limiter.rate() == 5


@pytest.mark.parametrize("bad", [0, -1, 0.1, True, "fast", float("nan")])
def test_bad_rate_is_a_typed_error(bad: object) -> None:
    with pytest.raises(InvalidParameterError, match="rate"):
        RateLimiter(ceiling=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match="rate_limit"):
        Cloud(credentials=Credentials("AK" * 10, "SK" * 20, "p" * 32), region="cn-north-4", rate_limit=bad)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# A simulated bulk run against a throttling service


@dataclass
class Run:
    completed_per_second: float
    throttled_share: float
    throttled: int
    limiter: RateLimiter | None = field(repr=False)


def simulate(admit: float, total: int, *, workers: int = 16, round_trip: float = 0.002, limited: bool = True) -> Run:
    """``total`` calls by ``workers`` workers against a token bucket of ``admit``/s (bursts of 5%).

    A refused call is sent again at once (through the limiter when there is one).
    """
    clock = FakeClock()
    clock.now = 0.0
    limiter = RateLimiter(clock=clock) if limited else None
    burst = max(1.0, admit / 20)
    tokens, refilled = burst, 0.0
    events: list[tuple[float, int, str, float]] = []
    sequence = 0

    def push(at: float, kind: str, ticket: float = 0.0) -> None:
        nonlocal sequence
        sequence += 1
        heapq.heappush(events, (at, sequence, kind, ticket))

    def take_slot(now: float) -> None:
        pause, ticket = limiter.acquire() if limiter else (0.0, now)
        push(now + pause, "send", ticket)

    for _ in range(workers):
        push(0.0, "next")
    remaining, completed, throttled, finished = total, 0, 0, 0.0
    while events:
        now, _, kind, ticket = heapq.heappop(events)
        clock.now = now
        if kind == "next":
            if remaining:
                remaining -= 1
                take_slot(now)
        elif kind == "send":
            if limiter is not None and not limiter.still_valid(ticket):
                take_slot(now)
                continue
            tokens, refilled = min(burst, tokens + (now - refilled) * admit), now
            admitted = tokens >= 1
            tokens -= admitted
            push(now + round_trip, "ok" if admitted else "429", ticket)
        else:
            if limiter is not None:
                limiter.record(ticket, throttled=kind == "429")
            if kind == "429":
                throttled += 1
                take_slot(now)
            else:
                completed, finished = completed + 1, now
                push(now, "next")
    return Run(completed / finished, throttled / (completed + throttled), throttled, limiter)


@pytest.mark.parametrize("admit", [50, 200, 1000])
@pytest.mark.parametrize(("workers", "round_trip"), [(16, 0.002), (64, 0.01)])
def test_simulated_bulk_run_completes_near_the_service_rate_with_few_429s(
    admit: int, workers: int, round_trip: float
) -> None:
    run = simulate(admit, 10_000, workers=workers, round_trip=round_trip)
    assert run.completed_per_second >= 0.95 * admit
    assert run.throttled_share <= 0.02


def test_simulated_bulk_run_without_a_limiter_is_mostly_429s() -> None:
    """What the limiter is for: the same run sent as fast as the client can."""
    run = simulate(200, 2_000, limited=False)
    assert run.throttled_share > 0.5


# ---------------------------------------------------------------------------------------------
# A real loopback service that admits N calls per second


class ThrottlingService:
    """DRS stop on 127.0.0.1: a token bucket of ``admit`` calls/s (burst 5%), 429 above it."""

    def __init__(self, admit: float) -> None:
        import time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.admit = admit
        self.ok = 0
        self.refused = 0
        lock = threading.Lock()
        bucket = {"tokens": max(1.0, admit / 20), "at": time.monotonic()}
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with lock:
                    now = time.monotonic()
                    tokens = min(max(1.0, service.admit / 20), bucket["tokens"] + (now - bucket["at"]) * service.admit)
                    admitted = tokens >= 1
                    bucket["tokens"], bucket["at"] = tokens - admitted, now
                    if admitted:
                        service.ok += 1
                    else:
                        service.refused += 1
                if admitted:
                    status, body = 200, {"status": "success"}
                else:
                    status, body = (
                        429,
                        {"error_code": "APIGW.0308", "error_msg": "The throttling threshold has been reached"},
                    )
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def service() -> Iterator[ThrottlingService]:
    running = ThrottlingService(admit=40)
    yield running
    running.close()


def _cloud_options(service: ThrottlingService) -> dict[str, object]:
    return {
        "credentials": Credentials("AK" * 10, "SK" * 20, "0" * 32),
        "region": "cn-north-4",
        "endpoints": {"drs": service.url},
        "allow_http": True,
    }


@pytest.mark.slow
def test_bulk_stops_against_a_throttling_service_learn_its_rate() -> None:
    running = ThrottlingService(admit=40)
    try:

        async def run() -> list[object]:
            async with AsyncCloud(**_cloud_options(running)) as cloud:  # type: ignore[arg-type]
                outcomes = await bulk_call_async([f"job-{n}" for n in range(120)], cloud.drs.stop_job, concurrency=16)
                limiter = cloud.drs._transport.limiter  # type: ignore[attr-defined]
                assert limiter is not None and limiter.throttles >= 1
                return list(outcomes)

        outcomes = asyncio.run(run())
    finally:
        running.close()
    assert all(outcome.ok for outcome in outcomes)  # type: ignore[attr-defined]
    assert running.ok == 120  # every call got through: none ran out of attempts (unlimited, many do)
    # The first burst of 16 and the probes that find the rate (a few dozen on a loaded machine); an unlimited
    # loopback client sends several times what is admitted, so its 429s outnumber the calls.
    assert running.refused <= running.ok


def test_rate_limit_none_sends_as_before(service: ThrottlingService) -> None:
    """``rate_limit=None``: no limiter, a 429 is only retried (today's behaviour)."""
    with Cloud(rate_limit=None, sleep=lambda _: None, **_cloud_options(service)) as cloud:  # type: ignore[arg-type]
        assert cloud.drs._transport.limiter is None  # type: ignore[attr-defined]
        cloud.drs.stop_job("job-1")


def test_fixed_rate_limit_spaces_sync_calls(service: ThrottlingService) -> None:
    slots: list[float] = []  # when each call was allowed to go (the sleep is not taken)
    with Cloud(
        rate_limit=20,
        sleep=lambda pause: slots.append(time.monotonic() + pause),
        **_cloud_options(service),  # type: ignore[arg-type]
    ) as cloud:
        for n in range(5):
            cloud.drs.stop_job(f"job-{n}")
    assert service.refused == 0 and service.ok == 5
    assert len(slots) == 4  # the first call went at once
    gaps = [later - earlier for earlier, later in itertools.pairwise(slots)]
    assert gaps == pytest.approx([0.05] * 3, abs=1e-3)


def test_views_share_one_limiter_per_service_endpoint(service: ThrottlingService) -> None:
    with Cloud(**_cloud_options(service)) as cloud:  # type: ignore[arg-type]
        view = cloud.with_options(timeout=5)
        assert cloud.drs._transport.limiter is view.drs._transport.limiter  # type: ignore[attr-defined]


def test_bulk_call_rate_spaces_the_calls() -> None:
    calls: list[float] = []

    async def run() -> None:
        loop = asyncio.get_running_loop()

        async def call(key: int) -> int:
            calls.append(loop.time())
            return key

        outcomes = await bulk_call_async(range(6), call, concurrency=6, rate=50)
        assert [outcome.result for outcome in outcomes] == list(range(6))

    asyncio.run(run())
    gaps = [later - earlier for earlier, later in itertools.pairwise(calls)]
    assert all(gap >= 0.015 for gap in gaps), gaps  # 20 ms apart, less the loop's timer resolution


def test_bulk_call_bad_rate_is_a_typed_error() -> None:
    async def call(key: int) -> int:
        return key

    with pytest.raises(InvalidParameterError, match="rate"):
        asyncio.run(bulk_call_async([1], call, rate=0))


def test_a_429_through_the_transport_engages_the_limiter() -> None:
    answers = iter([429, 200, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        body = {"status": "success"} if status == 200 else {"error_code": "APIGW.0308", "error_msg": "throttled"}
        return httpx.Response(status, json=body)

    with Cloud(
        credentials=Credentials("AK" * 10, "SK" * 20, "0" * 32),
        region="cn-north-4",
        transport=httpx.MockTransport(handler),
        sleep=lambda _: None,
    ) as cloud:
        limiter = cloud.drs._transport.limiter  # type: ignore[attr-defined]
        assert limiter.rate() is None
        cloud.drs.stop_job("job-1")
        assert limiter.throttles == 1 and limiter.rate() is not None
