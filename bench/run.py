"""``nox -s bench``: how much the clients cost on top of plain httpx, and how the rest scales.

    python bench/run.py                  # everything, prints a table, writes bench/results.json
    python bench/run.py --quick          # a fast smoke run with small counts (numbers are noisy)
    python bench/run.py --only sync,sign # some sections: sync, async, bulk, waiters, sign, import, generate, memory
    python bench/run.py --profile DIR    # also write cProfile/importtime evidence into DIR
    python bench/run.py --httpx2         # the same, with every client (ours and bare) running on httpx2

Every network call goes to bench/server.py, started as a separate process on 127.0.0.1
(keep-alive, TCP_NODELAY). Client-vs-client comparisons run in the same process and the
same run, interleaved round by round (A B A B ...), and report medians, so that drift of
the machine hits both sides alike. Targets are reported (✓/✗), never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import gc
import importlib.util
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if "--httpx2" in sys.argv:  # before anything imports httpx: every client here, ours included, runs on httpx2
    import httpx2

    httpx2.alias_httpx()

import httpx

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

from cold_call import bench_cold_call  # noqa: E402
from ratelimit import bench_ratelimit  # noqa: E402
from synthetic import spec_yaml  # noqa: E402

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"
JOB_ID = "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"
AK = "BENCHACCESSKEY000000"
SK = "bench-secret-key-not-a-real-one"  # a made-up key for a local server
USER_AGENT = "huaweicloud-jobs"
DRS_PATH = f"/v5/{PROJECT_ID}/jobs/{JOB_ID}/stop"
DRS_BODY = {"is_force_stop": True}
# What our client sends besides signing: bare httpx gets exactly these, unsigned.
BARE_HEADERS = {"Content-Type": "application/json", "X-Project-Id": PROJECT_ID}
SECTIONS = ("sync", "async", "bulk", "ratelimit", "waiters", "sign", "import", "cli", "generate", "memory")
# Bare httpx gets the connection pool our runtime configures (huaweicloud_jobs_core._defaults.LIMITS),
# so that the comparisons measure the client, not pool sizes (httpx's default keeps only 20 alive).
BARE_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=64)
# And its timeouts (_defaults.TIMEOUT): at concurrency 500 a request may queue for the pool longer than
# httpx's default 5 s.
BARE_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


@dataclass(frozen=True)
class Settings:
    sync_calls: int = 2000
    sync_rounds: int = 6
    sync_block: int = 100
    # httpx's async pool is slow at concurrency 64 (a few hundred calls/s here): keep rounds short.
    async_calls: int = 384
    async_rounds: int = 6
    concurrency: int = 64
    async_concurrencies: tuple[int, ...] = (64, 500)
    sign_requests: int = 2000
    sign_repeats: int = 41
    import_runs: int = 15
    profile_calls: int = 2000
    bulk_calls: int = 10_000
    bulk_rounds: int = 3
    bulk_concurrency: int = 64
    slow_every: int = 20
    slow_ms: int = 50
    waiter_jobs: int = 1000
    waiter_polls: int = 5
    generate_runs: int = 3
    synthetic_sizes: tuple[int, ...] = (50, 200)
    memory_ids: int = 100_000
    warmup_calls: int = 200
    ratelimit_admits: tuple[int, ...] = (50, 200, 1000)
    ratelimit_calls: int = 10_000
    # The same calls without flow control take as long and mostly fail: a fifth of them shows it.
    ratelimit_baseline_calls: int = 2_000


QUICK = Settings(
    sync_calls=200,
    sync_rounds=5,
    sync_block=50,
    async_calls=256,
    async_rounds=5,
    sign_requests=500,
    sign_repeats=9,
    import_runs=9,
    profile_calls=500,
    bulk_calls=2000,
    bulk_rounds=1,
    waiter_jobs=200,
    generate_runs=1,
    synthetic_sizes=(5, 20),
    memory_ids=20_000,
    warmup_calls=20,
    ratelimit_admits=(50, 200),
    ratelimit_calls=600,
    ratelimit_baseline_calls=200,
)


# --------------------------------------------------------------------------- helpers


def median(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float]) -> list[float]:
    return [min(values), max(values)]


def import_env(pycache: str) -> dict[str, str]:
    """For timing imports: bytecode cached (as after a pip install) in a scratch folder, never in the tree."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME")}
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


class Server:
    """bench/server.py in its own process; it exits when we close its stdin."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
            [sys.executable, str(BENCH / "server.py"), "--lifetime", "3600"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.startswith("PORT "):
            self._process.kill()
            raise SystemExit(f"bench server did not start: {line!r}")
        self.base_url = f"http://127.0.0.1:{int(line.split()[1])}"
        # One kept-alive connection for the counters, opened now, so reading them opens none.
        self._stats_client = httpx.Client(base_url=self.base_url)
        self.stats()

    def stats(self) -> dict[str, int]:
        stats: dict[str, int] = self._stats_client.get("/__stats").json()
        return stats

    def configure(self, **settings: int) -> dict[str, int]:
        """The server's slow pattern and polls per job (see bench/server.py); resets its counters."""
        answer: dict[str, int] = self._stats_client.get("/__config", params=settings).json()
        return answer

    def close(self) -> None:
        self._stats_client.close()
        assert self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def interleave(
    server: Server,
    contenders: dict[str, Callable[[int], tuple[float, float]]],
    rounds: int,
    calls: int,
    block: int,
    progress: str,
) -> dict[str, dict[str, list[float]]]:
    """Each round, ``calls`` calls per contender, interleaved in blocks (A B A B ... at ``block`` calls each).

    Fine-grained alternation makes load from elsewhere on the machine hit every contender alike.
    ``run(k)`` makes k calls and returns (wall, CPU) seconds. Records per round and contender the
    wall and CPU seconds per call, and the connections the server saw opened.
    """
    samples: dict[str, dict[str, list[float]]] = {
        name: {"wall": [], "cpu": [], "new_connections": []} for name in contenders
    }
    for round_index in range(rounds):
        totals = {name: [0.0, 0.0, 0] for name in contenders}
        gc.collect()
        done = 0
        while done < calls:
            size = min(block, calls - done)
            for name, run in contenders.items():
                before = server.stats()["connections"]
                wall, cpu = run(size)
                totals[name][0] += wall
                totals[name][1] += cpu
                totals[name][2] += server.stats()["connections"] - before
            done += size
        for name, (wall, cpu, opened) in totals.items():
            samples[name]["wall"].append(wall / calls)
            samples[name]["cpu"].append(cpu / calls)
            samples[name]["new_connections"].append(opened)
        print(f"  {progress}: round {round_index + 1}/{rounds}", file=sys.stderr)
    return samples


async def interleave_async(
    server: Server, contenders: dict[str, Callable[[], Awaitable[tuple[float, float]]]], rounds: int, progress: str
) -> dict[str, dict[str, list[float]]]:
    """:func:`interleave` for coroutines (the stats requests block the loop only between runs)."""
    samples: dict[str, dict[str, list[float]]] = {
        name: {"wall": [], "cpu": [], "new_connections": []} for name in contenders
    }
    for round_index in range(rounds):
        for name, run in contenders.items():
            gc.collect()
            before = server.stats()["connections"]
            wall, cpu = await run()
            samples[name]["wall"].append(wall)
            samples[name]["cpu"].append(cpu)
            samples[name]["new_connections"].append(server.stats()["connections"] - before)
        print(f"  {progress}: round {round_index + 1}/{rounds}", file=sys.stderr)
    return samples


# --------------------------------------------------------------------------- 1. sync


def official_sdk_client(base_url: str) -> Callable[[], Any] | str:
    """A DRS stop through the official SDK (huaweicloudsdkdrs), or why it is unavailable."""
    try:
        from huaweicloudsdkcore.auth.credentials import BasicCredentials  # type: ignore[import-untyped]
        from huaweicloudsdkcore.http.http_config import HttpConfig  # type: ignore[import-untyped]
        from huaweicloudsdkdrs.v5 import DrsClient, StopJobActionReq, StopJobActionRequest  # type: ignore[import-untyped]
    except ImportError as exc:
        return f"official SDK not installed ({exc.name}); `pip install huaweicloudsdkdrs` to compare"
    try:
        config = HttpConfig.get_default_config()
        config.ignore_ssl_verification = True  # plain http to 127.0.0.1 anyway
        client = (
            DrsClient.new_builder()
            .with_http_config(config)
            .with_credentials(BasicCredentials(AK, SK, PROJECT_ID))
            .with_endpoints([base_url])
            .build()
        )
        request = StopJobActionRequest(job_id=JOB_ID, body=StopJobActionReq(is_force_stop=True))

        def call() -> Any:
            return client.stop_job_action(request)

        if call().status != "success":
            return "official SDK answered unexpectedly; skipped"
    except Exception as exc:  # any failure of an optional comparison is a note, not an error
        return f"official SDK could not be used against the local server: {type(exc).__name__}: {exc}"
    return call


def bench_sync(server: Server, settings: Settings) -> dict[str, Any]:
    from huaweicloud_jobs import AkSkAuth, Cloud, Credentials

    cloud = Cloud(
        credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
        endpoints={"drs": server.base_url, "dli": server.base_url},
        allow_http=True,
    )
    bare = httpx.Client(
        base_url=server.base_url, headers={"User-Agent": USER_AGENT}, limits=BARE_LIMITS, timeout=BARE_TIMEOUT
    )

    # The floor of any signed call: bare httpx with our signer as its auth (the same two extra headers,
    # the same signature), without our validation, retries, body cap or typed result.
    signed = httpx.Client(
        base_url=server.base_url,
        headers={"User-Agent": USER_AGENT},
        limits=BARE_LIMITS,
        timeout=BARE_TIMEOUT,
        auth=AkSkAuth(Credentials(ak=AK, sk=SK, project_id=PROJECT_ID)),
    )

    def ours_call() -> Any:
        return cloud.drs.stop_job(JOB_ID, is_force_stop=True)

    def bare_call() -> Any:
        response = bare.post(DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS)
        response.raise_for_status()
        return response.json()

    def signed_call() -> Any:
        response = signed.post(DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS)
        response.raise_for_status()
        return response.json()

    calls: dict[str, Callable[[], Any]] = {
        "ours": ours_call,
        "bare httpx": bare_call,
        "bare httpx + signer": signed_call,
    }
    sdk = official_sdk_client(server.base_url)
    sdk_note = sdk if isinstance(sdk, str) else None
    if not isinstance(sdk, str):
        calls["official SDK"] = sdk
    if sdk_note:
        print(f"  note: {sdk_note}", file=sys.stderr)

    assert ours_call().status == "success"
    assert bare_call() == {"status": "success"}
    assert signed_call() == {"status": "success"}
    for call in calls.values():
        for _ in range(settings.warmup_calls):
            call()

    def timed(call: Callable[[], Any]) -> Callable[[int], tuple[float, float]]:
        def run(n: int) -> tuple[float, float]:
            wall0, cpu0 = time.perf_counter(), time.process_time()
            for _ in range(n):
                call()
            return time.perf_counter() - wall0, time.process_time() - cpu0

        return run

    before = server.stats()
    samples = interleave(
        server,
        {name: timed(call) for name, call in calls.items()},
        settings.sync_rounds,
        settings.sync_calls,
        settings.sync_block,
        "sync",
    )
    after = server.stats()
    cloud.close()
    bare.close()
    signed.close()

    result: dict[str, Any] = {"calls_per_round": settings.sync_calls, "rounds": settings.sync_rounds}
    for name, sample in samples.items():
        per_call = median(sample["wall"])
        result[name] = {
            "us_per_call": per_call * 1e6,
            "calls_per_s": 1 / per_call,
            "cpu_us_per_call": median(sample["cpu"]) * 1e6,
            "us_per_call_rounds": [w * 1e6 for w in sample["wall"]],
            "new_connections": sum(sample["new_connections"]),
        }
    base = samples["bare httpx"]
    for name in calls:
        if name != "bare httpx":
            ratios = [a / b for a, b in zip(samples[name]["wall"], base["wall"], strict=True)]
            result[name]["ratio_vs_bare"] = result[name]["us_per_call"] / result["bare httpx"]["us_per_call"]
            result[name]["cpu_ratio_vs_bare"] = (
                result[name]["cpu_us_per_call"] / result["bare httpx"]["cpu_us_per_call"]
            )
            result[name]["ratio_per_round_range"] = spread(ratios)
    result["server"] = {
        "requests": after["requests"] - before["requests"],
        "new_connections": after["connections"] - before["connections"],
    }
    result["official_sdk_note"] = sdk_note
    result["profile"] = sync_profile(server, settings)
    return result


# Where a sync call's time goes, by the module of each function (cProfile self time).
PROFILE_CATEGORIES = (
    ("signing", ("huaweicloud_jobs_core/_signing",)),
    ("body streaming + size cap (_receive)", ("_transport.py:_receive", "_BodyReader", "_declared_length")),
    ("runtime send loop (retries, audit, spans)", ("huaweicloud_jobs_core/_transport", "huaweicloud_jobs_core/_audit")),
    (
        "request building/validation",
        ("huaweicloud_jobs_core/_request", "_validation", "_coerce", "_spec", "huaweicloud_jobs_drs/api"),
    ),
    ("response check/parse (typed)", ("huaweicloud_jobs_core/_results", "huaweicloud_jobs_drs/models", "json/")),
    ("other runtime/generated", ("huaweicloud_jobs",)),
    ("httpx request/response objects", ("httpx/_models", "httpx/_urls", "httpx/_urlparse", "httpx/_content")),
    ("httpx client + auth flow", ("httpx/_client", "httpx/_auth", "httpx/")),
    ("transport loop (httpcore, h11, socket)", ("httpcore/", "h11/", "socket", "selectors", "ssl")),
)


def _category(filename: str, function: str) -> str:
    key = f"{filename.replace(os.sep, '/')}:{function}"
    for name, markers in PROFILE_CATEGORIES:
        if any(marker in key for marker in markers):
            return name
    return "other (builtins, stdlib)"


def _profile_split(call: Callable[[], Any], n: int) -> dict[str, Any]:
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.runcall(lambda: [call() for _ in range(n)])
    wall = time.perf_counter() - started
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    split: dict[str, float] = {}
    cumulative: dict[str, float] = {}
    for (filename, _, function), (_, _, own, cum, _) in stats.items():
        name = _category(filename, function)
        split[name] = split.get(name, 0.0) + own / n * 1e6
        key = f"{Path(filename).name}:{function}"
        cumulative[key] = max(cumulative.get(key, 0.0), cum / n * 1e6)
    return {"us_per_call_profiled": wall / n * 1e6, "split_us": split, "cumulative_us": cumulative}


def sync_profile(server: Server, settings: Settings) -> dict[str, Any]:
    """cProfile over ``profile_calls`` sync calls of ours and of bare httpx: self time per category, µs/call.

    Also the body streaming that ours does (``_receive``: ``send(stream=True)``, then the raw
    chunks through a size-capped reader) against bare httpx's ``send`` that reads the body at once:
    ours' send-and-read is ``_receive`` minus building and signing, bare's is ``Client.send``.
    """
    from huaweicloud_jobs import Cloud, Credentials

    cloud = Cloud(
        credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
        endpoints={"drs": server.base_url},
        allow_http=True,
    )
    bare = httpx.Client(
        base_url=server.base_url, headers={"User-Agent": USER_AGENT}, limits=BARE_LIMITS, timeout=BARE_TIMEOUT
    )

    def ours_call() -> Any:
        return cloud.drs.stop_job(JOB_ID, is_force_stop=True)

    def bare_call() -> Any:
        response = bare.post(DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS)
        response.raise_for_status()
        return response.json()

    for _ in range(settings.warmup_calls):
        ours_call()
        bare_call()
    ours = _profile_split(ours_call, settings.profile_calls)
    base = _profile_split(bare_call, settings.profile_calls)
    cloud.close()
    bare.close()
    names = sorted(set(ours["split_us"]) | set(base["split_us"]))
    difference = {name: ours["split_us"].get(name, 0.0) - base["split_us"].get(name, 0.0) for name in names}
    oc, bc = ours["cumulative_us"], base["cumulative_us"]
    receive = oc.get("_transport.py:_receive", 0.0)
    ours_send_read = receive - oc.get("_client.py:build_request", 0.0) - oc.get("_signing.py:sign", 0.0)
    return {
        "calls": settings.profile_calls,
        "ours": ours["split_us"],
        "bare httpx": base["split_us"],
        "difference_us": dict(sorted(difference.items(), key=lambda item: -item[1])),
        "profiled_us_per_call": {"ours": ours["us_per_call_profiled"], "bare httpx": base["us_per_call_profiled"]},
        "receive": {
            "ours_receive_cumulative_us": receive,
            "ours_send_and_read_us": ours_send_read,
            "bare_send_us": bc.get("_client.py:send", 0.0),
            "ours_signing_cumulative_us": oc.get("_signing.py:sign", 0.0),
        },
    }


def profile_line(profile: dict[str, Any]) -> str:
    """One line: where ours spends more than bare httpx per call, under cProfile."""
    differences = profile["difference_us"]
    top = [f"{name} {us:+.0f}" for name, us in differences.items() if us >= 1][:5]
    top += [f"{name} {us:+.0f}" for name, us in differences.items() if us <= -5]
    top.append(f"net {sum(differences.values()):+.0f}")
    receive = profile["receive"]
    stream = receive["ours_send_and_read_us"] - receive["bare_send_us"]
    timed = profile["profiled_us_per_call"]
    return (
        f"sync profile (cProfile, {profile['calls']} calls each, µs/call, ours {timed['ours']:.0f} vs bare "
        f"{timed['bare httpx']:.0f}): "
        + ", ".join(top)
        + f"; send+streamed read {receive['ours_send_and_read_us']:.0f}"
        f" vs bare send {receive['bare_send_us']:.0f} ({stream:+.0f})"
    )


# --------------------------------------------------------------------------- 2. asyncio


async def _drive(call: Callable[[], Awaitable[Any]], total: int, concurrency: int) -> tuple[float, float]:
    """``total`` calls with at most ``concurrency`` in flight: wall and CPU seconds."""
    remaining = total

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    wall0, cpu0 = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - wall0, time.process_time() - cpu0


async def _bench_async(server: Server, settings: Settings, concurrency: int) -> dict[str, Any]:
    from huaweicloud_jobs import AsyncCloud, Credentials

    bare = httpx.AsyncClient(
        base_url=server.base_url, headers={"User-Agent": USER_AGENT}, limits=BARE_LIMITS, timeout=BARE_TIMEOUT
    )
    n = max(settings.async_calls, 2 * concurrency)
    async with (
        AsyncCloud(
            credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
            endpoints={"drs": server.base_url, "dli": server.base_url},
            allow_http=True,
        ) as cloud,
        bare,
    ):

        async def ours_call() -> Any:
            return await cloud.drs.stop_job(JOB_ID, is_force_stop=True)

        async def bare_call() -> Any:
            response = await bare.post(DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS)
            response.raise_for_status()
            return response.json()

        assert (await ours_call()).status == "success"
        assert await bare_call() == {"status": "success"}
        calls = {"ours": ours_call, "bare httpx": bare_call}
        # Warm up with two rounds' worth of calls each: the first calls at a concurrency open the pool's
        # connections and run several times slower for both contenders (seen: rounds 1-3 at 0.6x of 4-6).
        for call in calls.values():
            await _drive(call, max(settings.warmup_calls * 2, 2 * n), concurrency)

        def timed(call: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[tuple[float, float]]]:
            return lambda: _drive(call, n, concurrency)

        before = server.stats()
        samples = await interleave_async(
            server,
            {name: timed(call) for name, call in calls.items()},
            settings.async_rounds,
            f"async, concurrency {concurrency}",
        )
        after = server.stats()

    result: dict[str, Any] = {
        "calls_per_round": n,
        "rounds": settings.async_rounds,
        "concurrency": concurrency,
    }
    for name, sample in samples.items():
        result[name] = {
            "calls_per_s": n / median(sample["wall"]),
            "cpu_us_per_call": median(sample["cpu"]) / n * 1e6,
            "calls_per_s_rounds": [n / w for w in sample["wall"]],
            "new_connections": sum(sample["new_connections"]),
        }
    ours, base = result["ours"], result["bare httpx"]
    ours["ratio_vs_bare"] = ours["calls_per_s"] / base["calls_per_s"]
    ours["cpu_ratio_vs_bare"] = ours["cpu_us_per_call"] / base["cpu_us_per_call"]
    ours["ratio_per_round_range"] = spread(
        [b / a for a, b in zip(samples["ours"]["wall"], samples["bare httpx"]["wall"], strict=True)]
    )
    result["server"] = {
        "requests": after["requests"] - before["requests"],
        "new_connections": after["connections"] - before["connections"],
    }
    return result


def bench_async(server: Server, settings: Settings) -> dict[str, Any]:
    """One entry per concurrency, keyed by it (as a string)."""
    return {str(c): asyncio.run(_bench_async(server, settings, c)) for c in settings.async_concurrencies}


# --------------------------------------------------------------------------- 2b. bulk


def _peak_rss_reset() -> bool:
    """Reset this process's peak RSS (VmHWM) so that the next contender's peak is its own (Linux only)."""
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    except OSError:
        return False
    return True


def _peak_rss_bytes() -> int:
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def bulk_job_ids(count: int) -> list[str]:
    return [f"c7debc9c-8e09-4a5d-8dd6-{index:012d}" for index in range(count)]


async def _bench_bulk(server: Server, settings: Settings) -> dict[str, Any]:
    from huaweicloud_jobs import AsyncCloud, Credentials, bulk_call_async

    ids = bulk_job_ids(settings.bulk_calls)
    concurrency = settings.bulk_concurrency
    bare = httpx.AsyncClient(
        base_url=server.base_url, headers={"User-Agent": USER_AGENT}, limits=BARE_LIMITS, timeout=BARE_TIMEOUT
    )
    async with (
        AsyncCloud(
            credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
            endpoints={"drs": server.base_url},
            allow_http=True,
        ) as cloud,
        bare,
    ):

        async def ours(keys: list[str]) -> int:
            outcomes = await bulk_call_async(
                keys, lambda job: cloud.drs.stop_job(job, is_force_stop=True), concurrency=concurrency
            )
            return sum(outcome.ok and outcome.result.status == "success" for outcome in outcomes)  # type: ignore[union-attr]

        async def bare_loop(keys: list[str]) -> int:
            semaphore = asyncio.Semaphore(concurrency)

            async def one(job: str) -> bool:
                async with semaphore:
                    response = await bare.post(f"/v5/{PROJECT_ID}/jobs/{job}/stop", json=DRS_BODY, headers=BARE_HEADERS)
                    response.raise_for_status()
                    return bool(response.json() == {"status": "success"})

            return sum(await asyncio.gather(*(one(job) for job in keys)))

        contenders: dict[str, Callable[[list[str]], Awaitable[int]]] = {"ours": ours, "bare httpx": bare_loop}
        for run in contenders.values():  # warm: connections, imports, caches
            await run(ids[: concurrency * 2])
        samples: dict[str, dict[str, list[float]]] = {
            name: {"wall": [], "cpu": [], "peak_rss": []} for name in contenders
        }
        server.configure(slow_every=settings.slow_every, slow_ms=settings.slow_ms)
        try:
            for round_index in range(settings.bulk_rounds):
                for name, run in contenders.items():
                    gc.collect()
                    _peak_rss_reset()
                    wall0, cpu0 = time.perf_counter(), time.process_time()
                    succeeded = await run(ids)
                    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
                    if succeeded != len(ids):
                        raise RuntimeError(f"bulk {name}: {succeeded} of {len(ids)} calls succeeded")
                    samples[name]["wall"].append(wall)
                    samples[name]["cpu"].append(cpu)
                    samples[name]["peak_rss"].append(_peak_rss_bytes())
                print(f"  bulk: round {round_index + 1}/{settings.bulk_rounds}", file=sys.stderr)
        finally:
            server.configure(slow_every=0, slow_ms=0)
    n = len(ids)
    result: dict[str, Any] = {
        "calls": n,
        "rounds": settings.bulk_rounds,
        "concurrency": concurrency,
        "slow": f"every {settings.slow_every}th DRS stop answered {settings.slow_ms} ms late",
        "peak_rss_is_per_contender": _peak_rss_reset(),
    }
    for name, sample in samples.items():
        result[name] = {
            "calls_per_s": n / median(sample["wall"]),
            "cpu_us_per_call": median(sample["cpu"]) / n * 1e6,
            "calls_per_s_rounds": [n / w for w in sample["wall"]],
            "peak_rss_bytes": max(sample["peak_rss"]),
        }
    result["ratio"] = result["ours"]["calls_per_s"] / result["bare httpx"]["calls_per_s"]
    result["cpu_ratio"] = result["ours"]["cpu_us_per_call"] / result["bare httpx"]["cpu_us_per_call"]
    return result


def bench_bulk(server: Server, settings: Settings) -> dict[str, Any]:
    return asyncio.run(_bench_bulk(server, settings))


# --------------------------------------------------------------------------- 2c. waiters


async def _no_sleep(_: float) -> None:
    await asyncio.sleep(0)


async def _bench_waiters(server: Server, settings: Settings) -> dict[str, Any]:
    from huaweicloud_jobs import AsyncCloud, Credentials, bulk_call_async

    jobs, polls = settings.waiter_jobs, settings.waiter_polls
    concurrency = settings.bulk_concurrency
    bare = httpx.AsyncClient(
        base_url=server.base_url, headers={"User-Agent": USER_AGENT}, limits=BARE_LIMITS, timeout=BARE_TIMEOUT
    )
    async with (
        AsyncCloud(
            credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
            endpoints={"drs": server.base_url},
            allow_http=True,
            sleep=_no_sleep,
        ) as cloud,
        bare,
    ):

        async def ours(keys: list[str]) -> int:
            outcomes = await bulk_call_async(keys, cloud.drs.wait_until_job_stopped, concurrency=concurrency)
            failed = [outcome.error for outcome in outcomes if not outcome.ok]
            if failed:
                raise RuntimeError(f"waiters: {len(failed)} failed, first {failed[0]!r}")
            return len(outcomes)

        async def bare_loop(keys: list[str]) -> int:
            semaphore = asyncio.Semaphore(concurrency)

            async def one(job: str) -> None:
                async with semaphore:
                    while True:
                        response = await bare.get(
                            f"/v5/{PROJECT_ID}/jobs/{job}", params={"type": "overview"}, headers=BARE_HEADERS
                        )
                        response.raise_for_status()
                        if response.json()["job"]["status"] in ("RELEASE_RESOURCE_COMPLETE", "DELETED"):
                            return
                        await _no_sleep(0)

            await asyncio.gather(*(one(job) for job in keys))
            return len(keys)

        contenders: dict[str, Callable[[list[str]], Awaitable[int]]] = {"ours": ours, "bare httpx": bare_loop}
        result: dict[str, Any] = {"jobs": jobs, "polls_per_job": polls, "concurrency": concurrency}
        for prefix, warming in (("warm", True), ("run", False)):
            for name, contender in contenders.items():
                count = concurrency if warming else jobs
                keys = [f"{prefix}-{name.replace(' ', '-')}-{index:06d}" for index in range(count)]
                server.configure(polls=polls)
                before = server.stats()["requests"]
                gc.collect()
                wall0, cpu0 = time.perf_counter(), time.process_time()
                await contender(keys)
                wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
                requests = server.stats()["requests"] - before
                if not warming:
                    if requests != count * polls:
                        raise RuntimeError(f"waiters {name}: {requests} polls, expected {count * polls}")
                    result[name] = {
                        "polls": requests,
                        "cpu_us_per_poll": cpu / requests * 1e6,
                        "wall_us_per_poll": wall / requests * 1e6,
                    }
        server.configure(polls=1)
    result["cpu_ratio"] = result["ours"]["cpu_us_per_poll"] / result["bare httpx"]["cpu_us_per_poll"]
    return result


def bench_waiters(server: Server, settings: Settings) -> dict[str, Any]:
    return asyncio.run(_bench_waiters(server, settings))


# --------------------------------------------------------------------------- 3. signing


def drs_stop_requests(count: int) -> list[httpx.Request]:
    """DRS stop requests exactly as our sync client builds them before its auth signs them."""
    with httpx.Client(base_url="https://drs.cn-north-4.myhuaweicloud.com", headers={"User-Agent": USER_AGENT}) as c:
        return [c.build_request("POST", DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS) for _ in range(count)]


def sign_batches(
    sign: Callable[[httpx.Request], object],
    n: int,
    rounds: int,
    build: Callable[[int], list[httpx.Request]] = drs_stop_requests,
) -> list[float]:
    """µs per request for each of ``rounds`` batches of ``n`` freshly built requests (building not timed).

    The one way signing is timed, here and in bench/signing_profile.py.
    """
    out = []
    for _ in range(rounds):
        requests = build(n)
        started = time.perf_counter()
        for request in requests:
            sign(request)
        out.append((time.perf_counter() - started) / n * 1e6)
    return out


def bench_sign(settings: Settings) -> dict[str, Any]:
    from huaweicloud_jobs_core._signing import Signer

    signer = Signer(AK, SK)
    sample = drs_stop_requests(1)[0]
    signer.sign(sample)
    assert sample.headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=" + AK)
    n = settings.sign_requests
    sign_batches(signer.sign, 200, 3)  # warm up
    fresh = sign_batches(signer.sign, n, settings.sign_repeats)
    # As in a client: each signature follows the building of its request, so caches are colder.
    interleaved = []
    with httpx.Client(base_url="https://drs.cn-north-4.myhuaweicloud.com", headers={"User-Agent": USER_AGENT}) as c:
        for _ in range(settings.sign_repeats):
            total = 0.0
            for _ in range(n):
                request = c.build_request("POST", DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS)
                started = time.perf_counter()
                signer.sign(request)
                total += time.perf_counter() - started
            interleaved.append(total / n)
    return {
        "us_per_request": median(fresh),
        "us_per_request_best": min(fresh),
        "us_per_request_batches": fresh,
        "batches": settings.sign_repeats,
        "requests_per_batch": n,
        "us_per_request_interleaved": median(interleaved) * 1e6,
        "signed_headers": sample.headers["Authorization"].split("SignedHeaders=")[1].split(",")[0],
    }


# --------------------------------------------------------------------------- 4. import


IMPORT_STATEMENTS = {
    "startup": "pass",
    "httpx": "import httpx",
    # The floor for any package of attrs models over httpx (the generated models need attrs).
    "httpx + attrs": "import httpx, attrs",
    "ours": "import huaweicloud_jobs; huaweicloud_jobs.Cloud; import huaweicloud_jobs_drs",
}


def cli_help_command() -> list[str]:
    """The console script of this environment, or ``python -m huaweicloud_jobs`` without one."""
    script = shutil.which("huaweicloud-jobs", path=str(Path(sys.executable).parent))
    return [script, "--help"] if script else [sys.executable, "-m", "huaweicloud_jobs", "--help"]


def _importtime(statement: str, env: dict[str, str]) -> list[tuple[int, int, int, str]]:
    """(depth, self µs, cumulative µs, module) for every import ``python -X importtime`` reports."""
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-X", "importtime", "-c", statement], env=env, capture_output=True, text=True, check=True
    )
    rows = []
    for line in completed.stderr.splitlines():
        # "import time:       678 |       1423 |   encodings.aliases" (two spaces per nesting level)
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((depth, int(own), int(cumulative), name.strip()))
    return rows


def _import_total_ms(statement: str, startup: set[str], env: dict[str, str]) -> float:
    rows = _importtime(statement, env)
    return sum(cum for depth, _, cum, name in rows if depth == 0 and name not in startup) / 1000


def _import_breakdown(rows: list[tuple[int, int, int, str]]) -> dict[str, Any]:
    """Packages that our modules import (with cumulative ms and the importer) and our own modules' self time.

    ``-X importtime`` prints a module after everything it imported, so a row's importer is the
    next row one level up.
    """
    measured = {"huaweicloud_jobs", "huaweicloud_jobs_core", "huaweicloud_jobs_drs"}
    pulled: list[dict[str, Any]] = []
    for index, (depth, _, cumulative, name) in enumerate(rows):
        importer = next((row[3] for row in rows[index + 1 :] if row[0] == depth - 1), "")
        package, importer_package = name.split(".")[0], importer.split(".")[0]
        if importer_package in measured and package not in measured:
            pulled.append({"module": name, "by": importer, "cumulative_ms": round(cumulative / 1000, 2)})
    pulled.sort(key=lambda row: -row["cumulative_ms"])
    own = sum(own_us for _, own_us, _, name in rows if name.split(".")[0] in measured) / 1000
    return {"pulled_in": pulled, "own_modules_self_ms": round(own, 2)}


def bench_import(settings: Settings) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = import_env(cache)
        for statement in IMPORT_STATEMENTS.values():
            for _ in range(2):
                subprocess.run([sys.executable, "-c", statement], env=env, check=True)  # noqa: S603
        commands = {name: [sys.executable, "-c", statement] for name, statement in IMPORT_STATEMENTS.items()}
        commands["cli --help"] = cli_help_command()
        subprocess.run(commands["cli --help"], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        wall: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(settings.import_runs):
            for name, command in commands.items():
                started = time.perf_counter()
                subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
                wall[name].append(time.perf_counter() - started)
        startup_modules = {name for depth, _, _, name in _importtime("pass", env) if depth == 0}
        importtime: dict[str, list[float]] = {"httpx": [], "ours": []}
        for _ in range(settings.import_runs):
            for name in importtime:
                importtime[name].append(_import_total_ms(IMPORT_STATEMENTS[name], startup_modules, env))
        # What our import adds on top of httpx: other packages our modules pull in, and our own code.
        rows = _importtime("import httpx; " + IMPORT_STATEMENTS["ours"], env)
        after_httpx = rows[next(i for i, row in enumerate(rows) if row[0] == 0 and row[3] == "httpx") + 1 :]
        added = _import_breakdown(after_httpx)
    startup = median(wall["startup"])
    result: dict[str, Any] = {"runs": settings.import_runs, "startup_ms": startup * 1000}
    for name in ("httpx", "httpx + attrs", "ours"):
        result[name] = {
            "wall_ms": (median(wall[name]) - startup) * 1000,
            "wall_ms_runs": [(w - startup) * 1000 for w in wall[name]],
        }
        if name in importtime:
            result[name]["importtime_ms"] = median(importtime[name])
    result["ratio"] = result["ours"]["wall_ms"] / result["httpx"]["wall_ms"]
    # The CLI against `python -c "import httpx"`, both whole processes (interpreter startup included).
    result["cli_help"] = {
        "command": " ".join(Path(part).name if i == 0 else part for i, part in enumerate(commands["cli --help"])),
        "wall_ms": median(wall["cli --help"]) * 1000,
        "python_c_import_httpx_ms": median(wall["httpx"]) * 1000,
        "wall_ms_runs": [w * 1000 for w in wall["cli --help"]],
    }
    result["cli_help"]["ratio"] = result["cli_help"]["wall_ms"] / result["cli_help"]["python_c_import_httpx_ms"]
    result["importtime_ratio"] = result["ours"]["importtime_ms"] / result["httpx"]["importtime_ms"]
    result["added_over_httpx"] = added
    return result


# --------------------------------------------------------------------------- 5. generation


def _generate(specs: Path, out: Path) -> float:
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    completed = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--specs", str(specs), "--generated", str(out)],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"tools/generate.py failed:\n{completed.stdout}\n{completed.stderr}")
    return seconds


def bench_generate(settings: Settings) -> dict[str, Any]:
    if shutil.which("openapi-python-client", path=str(Path(sys.executable).parent)) is None:
        return {"skipped": "openapi-python-client is not installed in this environment (the generate group)"}
    specs = sorted((ROOT / "openapi").glob("*.yaml"))
    result: dict[str, Any] = {"specs": [spec.name for spec in specs]}
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
        scratch = Path(tmp)
        runs = [_generate(ROOT / "openapi", scratch / f"all{i}" / "generated") for i in range(settings.generate_runs)]
        print(f"  generate: all specs {median(runs):.1f} s", file=sys.stderr)
        result["all_specs_s"] = median(runs)
        result["all_specs_runs_s"] = runs
        synthetic: dict[str, float] = {}
        for size in settings.synthetic_sizes:
            spec_dir = scratch / f"specs{size}"
            spec_dir.mkdir()
            (spec_dir / "synthetic.yaml").write_text(spec_yaml(size), encoding="utf-8")
            synthetic[str(size)] = _generate(spec_dir, scratch / f"syn{size}" / "generated")
            print(f"  generate: synthetic spec with {size} operations {synthetic[str(size)]:.1f} s", file=sys.stderr)
        result["synthetic_s_by_operations"] = synthetic
        sizes = settings.synthetic_sizes
        if len(sizes) >= 2:
            result["ms_per_extra_operation"] = (
                (synthetic[str(sizes[-1])] - synthetic[str(sizes[0])]) / (sizes[-1] - sizes[0]) * 1000
            )
    return result


# --------------------------------------------------------------------------- 6. memory


def bench_memory(server: Server, settings: Settings) -> dict[str, Any]:
    result: dict[str, Any] = {"job_ids": settings.memory_ids}
    for mode in ("ours", "bare"):
        completed = subprocess.run(  # noqa: S603
            [
                sys.executable,
                str(BENCH / "memory.py"),
                "--base-url",
                server.base_url,
                "--mode",
                mode,
                "--count",
                str(settings.memory_ids),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        result[mode] = json.loads(completed.stdout)
    result["peak_ratio"] = result["ours"]["tracemalloc_peak_bytes"] / result["bare"]["tracemalloc_peak_bytes"]
    return result


# --------------------------------------------------------------------------- profiling


def profile_evidence(server: Server, directory: Path, settings: Settings) -> None:
    """cProfile of the sync client and of signing, and -X importtime of our import, into ``directory``."""
    from huaweicloud_jobs import Cloud, Credentials
    from huaweicloud_jobs_core._signing import Signer

    directory.mkdir(parents=True, exist_ok=True)
    cloud = Cloud(
        credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
        endpoints={"drs": server.base_url, "dli": server.base_url},
        allow_http=True,
    )
    cloud.drs.stop_job(JOB_ID)
    cloud.dli.stop_jobs([1], trigger_savepoint=False)  # the DLI client and its TLS context, outside the profile
    signer, requests = Signer(AK, SK), drs_stop_requests(settings.sign_requests * 5)

    def sync_drs_stop() -> None:
        for _ in range(settings.sync_calls):
            cloud.drs.stop_job(JOB_ID, is_force_stop=True)

    def dli_batch() -> None:
        cloud.dli.stop_jobs(list(range(settings.memory_ids)), trigger_savepoint=False)

    def sign() -> None:
        for request in requests:
            signer.sign(request)

    cases: dict[str, Callable[[], None]] = {"sync_drs_stop": sync_drs_stop, "dli_batch": dli_batch, "sign": sign}
    for name, case in cases.items():
        profiler = cProfile.Profile()
        profiler.runcall(case)
        profiler.dump_stats(directory / f"{name}.prof")
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(30)
        (directory / f"{name}.txt").write_text(text.getvalue(), encoding="utf-8")
    cloud.close()
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as cache:
        env = import_env(cache)
        subprocess.run([sys.executable, "-c", IMPORT_STATEMENTS["ours"]], env=env, check=True)  # noqa: S603
        completed = subprocess.run(  # noqa: S603
            [sys.executable, "-X", "importtime", "-c", IMPORT_STATEMENTS["ours"]],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    (directory / "importtime.txt").write_text(completed.stderr, encoding="utf-8")
    print(f"  profile evidence written to {directory}", file=sys.stderr)


# --------------------------------------------------------------------------- report


def rounds_range(entry: dict[str, Any]) -> str:
    low, high = entry["ratio_per_round_range"]
    return f" (rounds {low:.2f}..{high:.2f})"


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


Row = tuple[str, str, str, str, str]


def evaluate(results: dict[str, Any]) -> tuple[list[Row], list[dict[str, Any]]]:
    """Table rows (measure, ours, baseline, ratio, target ✓/✗) and one record per target, with why a miss costs."""
    rows: list[Row] = []
    targets: list[dict[str, Any]] = []

    def target(measure: str, ours: str, base: str, ratio: str, goal: str, ok: bool, why: str = "") -> None:
        rows.append((measure, ours, base, ratio, f"{goal} {mark(ok)}"))
        record = {"measure": measure.strip(), "value": ours, "baseline": base, "ratio": ratio, "target": goal}
        targets.append(record | {"met": ok, **({"explanation": why} if why and not ok else {})})

    def info(measure: str, ours: str, base: str = "", ratio: str = "", note: str = "") -> None:
        rows.append((measure, ours, base, ratio, note))

    sync = results.get("sync")
    if sync:
        ours, bare = sync["ours"], sync["bare httpx"]
        why = profile_line(sync["profile"]) if "profile" in sync else ""
        if "bare httpx + signer" in sync:
            signed = sync["bare httpx + signer"]
            why += (
                f"; a signed call's floor (bare httpx with our signer) is {signed['ratio_vs_bare']:.2f}x "
                f"(CPU {signed['cpu_ratio_vs_bare']:.2f}x) of an unsigned one"
            )
        target(
            f"sync DRS stop (signed, retries, typed), {sync['rounds']}x{sync['calls_per_round']}: median",
            f"{ours['us_per_call']:.0f} µs",
            f"{bare['us_per_call']:.0f} µs",
            f"{ours['ratio_vs_bare']:.2f}x{rounds_range(ours)}",
            "≤ 1.05x",
            ours["ratio_vs_bare"] <= 1.05,
            why,
        )
        target(
            "   CPU per call",
            f"{ours['cpu_us_per_call']:.0f} µs",
            f"{bare['cpu_us_per_call']:.0f} µs",
            f"{ours['cpu_ratio_vs_bare']:.2f}x",
            "≤ 1.05x",
            ours["cpu_ratio_vs_bare"] <= 1.05,
            why,
        )
        floor = sync.get("bare httpx + signer")
        if floor:
            info(
                "   floor: bare httpx + our signer (same headers)",
                f"{floor['us_per_call']:.0f} µs",
                "",
                f"{floor['ratio_vs_bare']:.2f}x{rounds_range(floor)}",
                f"CPU {floor['cpu_ratio_vs_bare']:.2f}x; ours over it: "
                f"{ours['us_per_call'] / floor['us_per_call']:.2f}x",
            )
        sdk = sync.get("official SDK")
        if sdk:
            info(
                "   official SDK (huaweicloudsdkdrs)",
                f"{sdk['us_per_call']:.0f} µs",
                "",
                f"{sdk['ratio_vs_bare']:.2f}x{rounds_range(sdk)}",
            )
    for concurrency, aio in (results.get("async") or {}).items():
        ours, bare = aio["ours"], aio["bare httpx"]
        target(
            f"asyncio DRS stop, concurrency {concurrency}, {aio['rounds']}x{aio['calls_per_round']}",
            f"{ours['calls_per_s']:,.0f}/s",
            f"{bare['calls_per_s']:,.0f}/s",
            f"{ours['ratio_vs_bare']:.2f}x{rounds_range(ours)}",
            "≥ 1.0x",
            ours["ratio_vs_bare"] >= 1.0,
            f"client CPU per call {ours['cpu_us_per_call']:.0f} µs vs {bare['cpu_us_per_call']:.0f} µs "
            f"({ours['cpu_ratio_vs_bare']:.2f}x): the event loop is CPU-bound, so the throughput ratio follows the CPU",
        )
        info(
            "   CPU per call",
            f"{ours['cpu_us_per_call']:.0f} µs",
            f"{bare['cpu_us_per_call']:.0f} µs",
            f"{ours['cpu_ratio_vs_bare']:.2f}x",
        )
    bulk = results.get("bulk")
    if bulk:
        ours, bare = bulk["ours"], bulk["bare httpx"]
        mib = 1024 * 1024
        target(
            f"bulk: {bulk['calls']:,} DRS stops, concurrency {bulk['concurrency']}, 5% slow (bulk_call_async)",
            f"{ours['calls_per_s']:,.0f}/s",
            f"{bare['calls_per_s']:,.0f}/s",
            f"{bulk['ratio']:.2f}x",
            "≥ 0.90x",
            bulk["ratio"] >= 0.90,
            f"client CPU per call {ours['cpu_us_per_call']:.0f} µs vs {bare['cpu_us_per_call']:.0f} µs "
            f"({bulk['cpu_ratio']:.2f}x): the event loop is CPU-bound between slow answers",
        )
        info(
            "   peak RSS of the process",
            f"{ours['peak_rss_bytes'] / mib:.0f} MiB",
            f"{bare['peak_rss_bytes'] / mib:.0f} MiB",
            f"{ours['peak_rss_bytes'] / bare['peak_rss_bytes']:.2f}x",
            "stated",
        )
    limited = results.get("ratelimit")
    if limited:
        for admit, runs in limited["runs"].items():
            before = runs["unlimited (before)"]
            for engine in ("adaptive", "adaptive, threads"):
                ours = runs.get(engine)
                if ours is None:  # results from before the thread-pool engine was measured
                    continue
                ok = ours["share_of_admit"] >= 0.95 and ours["throttled_share"] <= 0.02 and not ours["failed"]
                how = "bulk_call_async, AsyncCloud" if engine == "adaptive" else "bulk_call (threads), Cloud"
                target(
                    f"bulk at the service's limit: {ours['calls']:,} DRS stops, service admits {admit}/s, "
                    f"concurrency {limited['concurrency']}, {how}: completed, 429s",
                    f"{ours['completed_per_s']:,.1f}/s, 429 {ours['throttled_share']:.2%}",
                    f"{before['completed_per_s']:,.1f}/s, 429 {before['throttled_share']:.2%}, "
                    f"{before['failed']:,} of {before['calls']:,} failed (asyncio, rate_limit=None)",
                    f"{ours['share_of_admit']:.3f} of {admit}/s",
                    "≥ 0.95 of N, ≤ 2% 429, none failed",
                    ok,
                    f"{engine}: {ours['cuts']} cuts, {ours['failed']} failed calls"
                    + (
                        f"; the asyncio client alone, unlimited, reached {before['completed_per_s']:,.0f}/s with no "
                        f"429 at all, so {admit}/s is past what it sends on this machine ({engine}: "
                        f"{ours['completed_per_s'] / before['completed_per_s']:.2f} of it)"
                        if before["throttled"] == 0
                        else ""
                    ),
                )
    waiters = results.get("waiters")
    if waiters:
        ours, bare = waiters["ours"], waiters["bare httpx"]
        info(
            f"waiters: {waiters['jobs']:,} DRS jobs x {waiters['polls_per_job']} polls, CPU per poll",
            f"{ours['cpu_us_per_poll']:.0f} µs",
            f"{bare['cpu_us_per_poll']:.0f} µs",
            f"{waiters['cpu_ratio']:.2f}x",
            "stated",
        )
    sign = results.get("sign")
    if sign:
        target(
            f"AK/SK signing, one DRS stop ({sign['batches']}x{sign['requests_per_batch']}): median",
            f"{sign['us_per_request']:.1f} µs (best {sign['us_per_request_best']:.1f})",
            "",
            "",
            "≤ 10 µs",
            sign["us_per_request"] <= 10,
            f"interleaved with request building {sign['us_per_request_interleaved']:.1f} µs; "
            "see python bench/signing_profile.py --parts --profile",
        )
    imp = results.get("import")
    if imp:
        added = imp["added_over_httpx"]
        pulled = ", ".join(
            f"{row['module']} {row['cumulative_ms']:.0f} ms"
            for row in added["pulled_in"][:4]
            if row["cumulative_ms"] >= 1
        )
        # The target is the floor (import httpx, attrs: the generated models need attrs) plus 0.1x.
        floor_ratio = imp["httpx + attrs"]["wall_ms"] / imp["httpx"]["wall_ms"] if "httpx + attrs" in imp else 1.1
        target(
            "import huaweicloud_jobs + .Cloud + huaweicloud_jobs_drs (minus startup)",
            f"{imp['ours']['wall_ms']:.0f} ms",
            f"{imp['httpx']['wall_ms']:.0f} ms",
            f"{imp['ratio']:.2f}x",
            f"≤ floor + 0.1x = {floor_ratio + 0.1:.2f}x",
            imp["ratio"] <= floor_ratio + 0.1,
            f"on top of httpx: {pulled or 'nothing else'}; own modules {added['own_modules_self_ms']:.0f} ms",
        )
        if "httpx + attrs" in imp:
            floor = imp["httpx + attrs"]["wall_ms"]
            info(
                "   floor: import httpx, attrs",
                f"{floor:.0f} ms",
                "",
                f"{floor / imp['httpx']['wall_ms']:.2f}x",
                f"ours over it: {imp['ours']['wall_ms'] / floor:.2f}x",
            )
        cli = imp["cli_help"]
        target(
            f"`{cli['command']}` vs python -c 'import httpx'",
            f"{cli['wall_ms']:.0f} ms",
            f"{cli['python_c_import_httpx_ms']:.0f} ms",
            f"{cli['ratio']:.2f}x",
            "≤ 1.5x",
            cli["ratio"] <= 1.5,
            "python -X importtime -m huaweicloud_jobs --help shows what the CLI loads",
        )
    cold = results.get("cli")
    if cold:
        target(
            f"`{cold['command']}`, whole process, vs a bare httpx script sending the same signed stop",
            f"{cold['cli']['wall_ms']:.0f} ms",
            f"{cold['bare']['wall_ms']:.0f} ms",
            f"{cold['ratio']:.2f}x",
            "≤ 1.3x",
            cold["ratio"] <= 1.3,
            "python -X importtime huaweicloud-jobs drs stop-job ID shows what a command loads",
        )
    gen = results.get("generate")
    if gen and "skipped" not in gen:
        target(
            f"regenerate all {len(gen['specs'])} specs",
            f"{gen['all_specs_s']:.1f} s",
            "",
            "",
            "≤ 5 s",
            gen["all_specs_s"] <= 5,
            f"runs {', '.join(f'{r:.1f}' for r in gen['all_specs_runs_s'])} s",
        )
    elif gen:
        info("regenerate all specs", "skipped")
    mem = results.get("memory")
    if mem:
        ours, bare = mem["ours"], mem["bare"]
        mib = 1024 * 1024
        target(
            f"DLI batch stop, {mem['job_ids']:,} ids: peak (tracemalloc)",
            f"{ours['tracemalloc_peak_bytes'] / mib:.1f} MiB",
            f"{bare['tracemalloc_peak_bytes'] / mib:.1f} MiB",
            f"{mem['peak_ratio']:.2f}x",
            "≤ 1.3x",
            mem["peak_ratio"] <= 1.3,
            f"retained after the call (the {mem['job_ids']:,} results) {ours['retained_bytes'] / mib:.1f} MiB "
            f"vs {bare['retained_bytes'] / mib:.1f} MiB of dicts; transient at the peak (peak minus retained) "
            f"{(ours['tracemalloc_peak_bytes'] - ours['retained_bytes']) / mib:.1f} MiB vs "
            f"{(bare['tracemalloc_peak_bytes'] - bare['retained_bytes']) / mib:.1f} MiB",
        )
        info(
            "   wall time of the batch call",
            f"{ours['seconds_untraced'] * 1000:.0f} ms",
            f"{bare['seconds_untraced'] * 1000:.0f} ms",
            f"{ours['seconds_untraced'] / bare['seconds_untraced']:.2f}x",
        )
    return rows, targets


def table(rows: list[Row]) -> str:
    header = ("measure", "ours", "baseline (bare httpx)", "ratio", "target")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]

    def line(row: tuple[str, ...]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


# The one-run table shown in the README's performance section and docs/performance.md, between
# these markers; `nox -s bench` rewrites it after a full run, tests/test_bench_table.py checks it
# matches bench/results.json (so the figures shown are the figures measured).
TABLE_START = "<!-- bench-table: written by `nox -s bench` from bench/results.json -->"
TABLE_END = "<!-- /bench-table -->"
TABLE_FILES = (ROOT / "README.md", ROOT / "docs" / "performance.md")


def summary(results: dict[str, Any]) -> str:
    """The machine line, the table and the count of targets met, as the documents show them."""
    rows, targets = evaluate(results)
    m = results["machine"]
    load = ""
    if m.get("load_average_at_start") and m.get("load_average_at_end"):
        load = f", load average {m['load_average_at_start'][0]:.1f} at start, {m['load_average_at_end'][0]:.1f} at end"
    head = f"One run of `nox -s bench`: Python {m['python']}, {m['cpus']} CPUs, {m['http_client']} {m['httpx']}{load}."
    met = sum(record["met"] for record in targets)
    return "\n".join([head, "", table(rows), "", f"Targets met: {met} of {len(targets)}."])


def with_table(text: str, block: str, where: Path) -> str:
    """``text`` with what lies between the table markers replaced by ``block``."""
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        raise SystemExit(f"{where}: no {TABLE_START!r} ... {TABLE_END!r} block to write the table into")
    return text[: start + len(TABLE_START)] + "\n" + block + "\n" + text[end:]


def stale_tables(results: dict[str, Any]) -> list[Path]:
    """The documents whose table differs from the one ``results`` gives."""
    block = summary(results)
    return [path for path in TABLE_FILES if with_table(path.read_text("utf-8"), block, path) != path.read_text("utf-8")]


def write_tables(results: dict[str, Any]) -> None:
    block = summary(results)
    for path in TABLE_FILES:
        path.write_text(with_table(path.read_text("utf-8"), block, path), encoding="utf-8")


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "httpx": httpx.__version__,
        "http_client": httpx.__name__,  # "httpx2" under --httpx2
        "sniffio_missing": importlib.util.find_spec("sniffio") is None,
    }


@contextlib.contextmanager
def section(name: str, timings: dict[str, float], results: dict[str, Any], partial: Path) -> Iterator[None]:
    """Time one section; after it, save every result so far to ``partial`` (a later failure keeps them)."""
    print(f"[{name}]", file=sys.stderr)
    started = time.perf_counter()
    yield
    timings[name] = time.perf_counter() - started
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke test, not a measurement")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--output", type=Path, default=BENCH / "results.json", help="where to write the JSON results")
    parser.add_argument("--profile", type=Path, help="also write profiles (cProfile, importtime) into this folder")
    parser.add_argument(
        "--httpx2",
        action="store_true",
        help="run every client on httpx2 (httpx2.alias_httpx(); results go to bench/results-httpx2.json)",
    )
    parser.add_argument(
        "--check-tables",
        action="store_true",
        help="run nothing: exit 1 if the README or docs table differs from the one --output's results give",
    )
    parser.add_argument(
        "--write-tables", action="store_true", help="run nothing: rewrite those tables from --output's results"
    )
    args = parser.parse_args(argv)
    if args.check_tables or args.write_tables:
        saved = json.loads(args.output.read_text("utf-8"))
        if args.write_tables:
            write_tables(saved)
            return 0
        stale = stale_tables(saved)
        for path in stale:
            print(f"{path.relative_to(ROOT)}: its table differs from {args.output}; run bench/run.py --write-tables")
        return 1 if stale else 0
    if args.httpx2 and args.output == BENCH / "results.json":
        args.output = BENCH / "results-httpx2.json"
    if args.httpx2 and args.only == ",".join(SECTIONS):
        args.only = "sync,async,bulk,waiters"  # the sections that send requests (imports run in subprocesses)
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)}")
    settings = QUICK if args.quick else Settings()

    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "settings": settings.__dict__ | {"quick": args.quick}}
    timings: dict[str, float] = {}
    partial = args.output.with_suffix(".partial.json")  # the sections finished so far, if a later one fails
    with Server() as server:
        if "sync" in only:
            with section("sync", timings, results, partial):
                results["sync"] = bench_sync(server, settings)
        if "async" in only:
            with section("async", timings, results, partial):
                results["async"] = bench_async(server, settings)
        if "bulk" in only:
            with section("bulk", timings, results, partial):
                results["bulk"] = bench_bulk(server, settings)
        if "ratelimit" in only:
            with section("ratelimit", timings, results, partial):
                results["ratelimit"] = bench_ratelimit(
                    server, settings.ratelimit_admits, settings.ratelimit_calls, settings.ratelimit_baseline_calls
                )
        if "cli" in only:
            with section("cli", timings, results, partial):
                results["cli"] = bench_cold_call(server.base_url, settings.import_runs)
        if "waiters" in only:
            with section("waiters", timings, results, partial):
                results["waiters"] = bench_waiters(server, settings)
        if "memory" in only:
            with section("memory", timings, results, partial):
                results["memory"] = bench_memory(server, settings)
        if args.profile:
            with section("profile", timings, results, partial):
                profile_evidence(server, args.profile, settings)
    if "sign" in only:
        with section("sign", timings, results, partial):
            results["sign"] = bench_sign(settings)
    if "import" in only:
        with section("import", timings, results, partial):
            results["import"] = bench_import(settings)
    if "generate" in only:
        with section("generate", timings, results, partial):
            results["generate"] = bench_generate(settings)
    results["section_seconds"] = timings
    results["total_seconds"] = time.perf_counter() - started
    results["machine"]["load_average_at_end"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    rows, targets = evaluate(results)
    results["targets"] = targets
    # A full, default run is the one the documents show.
    full = set(only) == set(SECTIONS) and not args.quick and not args.httpx2
    published = full and args.output == BENCH / "results.json"

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.unlink(missing_ok=True)
    m = results["machine"]
    print()
    load = m["load_average_at_start"]
    print(
        f"huaweicloud-jobs benchmarks: Python {m['python']}, {m['cpus']} CPUs, {m['http_client']} {m['httpx']}"
        + (f", load average at start {load[0]:.2f}, at end {m['load_average_at_end'][0]:.2f}" if load else "")
    )
    print(table(rows))
    met = sum(record["met"] for record in targets)
    print(f"targets met: {met} of {len(targets)}")
    printed = set()
    for record in targets:
        why = record.get("explanation")
        if not record["met"] and why and why not in printed:
            printed.add(why)
            print(f"✗ {record['measure']}: {why}")
    if results["machine"]["sniffio_missing"]:
        print(
            "note: sniffio is not installed, so httpcore's async pool retries a failing `import sniffio` "
            "several times per request (a sys.path scan each): both async clients pay it"
        )
    sync = results.get("sync", {})
    if sync.get("official_sdk_note"):
        print(f"note: {sync['official_sdk_note']}")
    runs = [("sync", results["sync"])] if "sync" in results else []
    runs += [(f"async {c}", entry) for c, entry in (results.get("async") or {}).items()]
    for name, entry in runs:
        opened = ", ".join(
            f"{contender} {value['new_connections']}"
            for contender, value in entry.items()
            if isinstance(value, dict) and "new_connections" in value and contender != "server"
        )
        print(f"{name}: server answered {entry['server']['requests']:,} requests; connections opened: {opened}")
    if "import" in results:
        added = results["import"]["added_over_httpx"]
        top = ", ".join(
            f"{row['module']} {row['cumulative_ms']:.0f} ms (by {row['by']})"
            for row in added["pulled_in"]
            if row["cumulative_ms"] >= 1
        )
        own = added["own_modules_self_ms"]
        print(f"import, on top of httpx (-X importtime): {top}; the glue and DRS modules themselves {own:.0f} ms")
    if published:
        write_tables(results)
    print(
        f"total {results['total_seconds']:.0f} s; results written to {args.output}"
        + (f" and the tables of {', '.join(str(path.relative_to(ROOT)) for path in TABLE_FILES)}" if published else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
