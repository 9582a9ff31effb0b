"""``nox -s bench``: how much the clients cost on top of plain httpx, and how the rest scales.

    python bench/run.py                  # everything, prints a table, writes bench/results.json
    python bench/run.py --quick          # a fast smoke run with small counts (numbers are noisy)
    python bench/run.py --only sync,sign # some sections: sync, async, sign, import, generate, memory
    python bench/run.py --profile DIR    # also write cProfile/importtime evidence into DIR

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
import timeit
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

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
SECTIONS = ("sync", "async", "sign", "import", "generate", "memory")


@dataclass(frozen=True)
class Settings:
    sync_calls: int = 2000
    sync_rounds: int = 6
    sync_block: int = 100
    # httpx's async pool is slow at concurrency 64 (a few hundred calls/s here): keep rounds short.
    async_calls: int = 384
    async_rounds: int = 10
    concurrency: int = 64
    sign_requests: int = 2000
    sign_repeats: int = 9
    import_runs: int = 11
    generate_runs: int = 3
    synthetic_sizes: tuple[int, ...] = (50, 200)
    memory_ids: int = 100_000
    warmup_calls: int = 200


QUICK = Settings(
    sync_calls=200,
    sync_rounds=5,
    sync_block=50,
    async_calls=256,
    async_rounds=5,
    sign_requests=500,
    sign_repeats=5,
    import_runs=9,
    generate_runs=1,
    synthetic_sizes=(5, 20),
    memory_ids=20_000,
    warmup_calls=20,
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
            [sys.executable, str(BENCH / "server.py"), "--lifetime", "900"],
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
    from huaweicloud_jobs import Cloud, Credentials

    cloud = Cloud(
        credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
        endpoints={"drs": server.base_url, "dli": server.base_url},
        allow_http=True,
    )
    bare = httpx.Client(base_url=server.base_url, headers={"User-Agent": USER_AGENT})

    def ours_call() -> Any:
        return cloud.drs.stop_job(JOB_ID, is_force_stop=True)

    def bare_call() -> Any:
        response = bare.post(DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS)
        response.raise_for_status()
        return response.json()

    calls: dict[str, Callable[[], Any]] = {"ours": ours_call, "bare httpx": bare_call}
    sdk = official_sdk_client(server.base_url)
    sdk_note = sdk if isinstance(sdk, str) else None
    if not isinstance(sdk, str):
        calls["official SDK"] = sdk
    if sdk_note:
        print(f"  note: {sdk_note}", file=sys.stderr)

    assert ours_call().status == "success"
    assert bare_call() == {"status": "success"}
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
    return result


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


async def _bench_async(server: Server, settings: Settings) -> dict[str, Any]:
    from huaweicloud_jobs import AsyncCloud, Credentials

    bare = httpx.AsyncClient(base_url=server.base_url, headers={"User-Agent": USER_AGENT})
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
        for call in calls.values():
            await _drive(call, settings.warmup_calls * 2, settings.concurrency)

        def timed(call: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[tuple[float, float]]]:
            return lambda: _drive(call, settings.async_calls, settings.concurrency)

        before = server.stats()
        samples = await interleave_async(
            server, {name: timed(call) for name, call in calls.items()}, settings.async_rounds, "async"
        )
        after = server.stats()

    n = settings.async_calls
    result: dict[str, Any] = {
        "calls_per_round": n,
        "rounds": settings.async_rounds,
        "concurrency": settings.concurrency,
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
    return asyncio.run(_bench_async(server, settings))


# --------------------------------------------------------------------------- 3. signing


def drs_stop_requests(count: int) -> list[httpx.Request]:
    """DRS stop requests exactly as our sync client builds them before its auth signs them."""
    with httpx.Client(base_url="https://drs.cn-north-4.myhuaweicloud.com", headers={"User-Agent": USER_AGENT}) as c:
        return [c.build_request("POST", DRS_PATH, json=DRS_BODY, headers=BARE_HEADERS) for _ in range(count)]


def bench_sign(settings: Settings) -> dict[str, Any]:
    from huaweicloud_jobs_core._signing import Signer

    signer = Signer(AK, SK)
    sample = drs_stop_requests(1)[0]
    signer.sign(sample)
    assert sample.headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=" + AK)
    n = settings.sign_requests
    # timeit: setup (building n fresh requests) runs once per repeat and is not timed.
    timer = timeit.Timer(
        "sign(next(requests))",
        setup="requests = iter(build(n))",
        globals={"sign": signer.sign, "build": drs_stop_requests, "n": n},
    )
    fresh = [seconds / n for seconds in timer.repeat(repeat=settings.sign_repeats, number=n)]
    resign = timeit.Timer("sign(request)", globals={"sign": signer.sign, "request": sample})
    again = [seconds / n for seconds in resign.repeat(repeat=settings.sign_repeats, number=n)]
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
        "us_per_request": median(fresh) * 1e6,
        "us_per_request_repeats": [s * 1e6 for s in fresh],
        "us_per_resign": median(again) * 1e6,
        "us_per_request_interleaved": median(interleaved) * 1e6,
        "signed_headers": sample.headers["Authorization"].split("SignedHeaders=")[1].split(",")[0],
    }


# --------------------------------------------------------------------------- 4. import


IMPORT_STATEMENTS = {
    "startup": "pass",
    "httpx": "import httpx",
    "ours": "import huaweicloud_jobs, huaweicloud_jobs_drs",
}


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
        wall: dict[str, list[float]] = {name: [] for name in IMPORT_STATEMENTS}
        for _ in range(settings.import_runs):
            for name, statement in IMPORT_STATEMENTS.items():
                started = time.perf_counter()
                subprocess.run([sys.executable, "-c", statement], env=env, check=True)  # noqa: S603
                wall[name].append(time.perf_counter() - started)
        startup_modules = {name for depth, _, _, name in _importtime("pass", env) if depth == 0}
        importtime: dict[str, list[float]] = {"httpx": [], "ours": []}
        for _ in range(settings.import_runs):
            for name in importtime:
                importtime[name].append(_import_total_ms(IMPORT_STATEMENTS[name], startup_modules, env))
        # What our import adds on top of httpx: other packages our modules pull in, and our own code.
        rows = _importtime("import httpx; import huaweicloud_jobs, huaweicloud_jobs_drs", env)
        after_httpx = rows[next(i for i, row in enumerate(rows) if row[0] == 0 and row[3] == "httpx") + 1 :]
        added = _import_breakdown(after_httpx)
    startup = median(wall["startup"])
    result: dict[str, Any] = {"runs": settings.import_runs, "startup_ms": startup * 1000}
    for name in ("httpx", "ours"):
        result[name] = {
            "wall_ms": (median(wall[name]) - startup) * 1000,
            "wall_ms_runs": [(w - startup) * 1000 for w in wall[name]],
            "importtime_ms": median(importtime[name]),
        }
    result["ratio"] = result["ours"]["wall_ms"] / result["httpx"]["wall_ms"]
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


def table(results: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str, str, str]] = []
    sync = results.get("sync")
    if sync:
        ours, bare = sync["ours"], sync["bare httpx"]
        rows.append(
            (
                f"1. sync DRS stop, {sync['rounds']}x{sync['calls_per_round']} calls",
                f"{ours['calls_per_s']:,.0f}/s ({ours['us_per_call']:.0f} µs)",
                f"{bare['calls_per_s']:,.0f}/s ({bare['us_per_call']:.0f} µs)",
                f"{ours['ratio_vs_bare']:.2f}x time/call{rounds_range(ours)}",
                f"≤ 1.10x {mark(ours['ratio_vs_bare'] <= 1.10)}",
            )
        )
        rows.append(
            (
                "   client CPU per call",
                f"{ours['cpu_us_per_call']:.0f} µs",
                f"{bare['cpu_us_per_call']:.0f} µs",
                f"{ours['cpu_ratio_vs_bare']:.2f}x",
                "",
            )
        )
        sdk = sync.get("official SDK")
        if sdk:
            rows.append(
                (
                    "   official SDK (huaweicloudsdkdrs)",
                    f"{sdk['calls_per_s']:,.0f}/s ({sdk['us_per_call']:.0f} µs)",
                    "",
                    f"{sdk['ratio_vs_bare']:.2f}x time/call{rounds_range(sdk)}",
                    "",
                )
            )
        elif sync.get("official_sdk_note"):
            rows.append(("   official SDK", "skipped", "", "", ""))
    aio = results.get("async")
    if aio:
        ours, bare = aio["ours"], aio["bare httpx"]
        rows.append(
            (
                f"2. asyncio DRS stop, concurrency {aio['concurrency']}",
                f"{ours['calls_per_s']:,.0f}/s",
                f"{bare['calls_per_s']:,.0f}/s",
                f"{ours['ratio_vs_bare']:.2f}x throughput{rounds_range(ours)}",
                f"≥ 0.90x {mark(ours['ratio_vs_bare'] >= 0.90)}",
            )
        )
        rows.append(
            (
                "   client CPU per call",
                f"{ours['cpu_us_per_call']:.0f} µs",
                f"{bare['cpu_us_per_call']:.0f} µs",
                f"{ours['cpu_ratio_vs_bare']:.2f}x",
                "",
            )
        )
    sign = results.get("sign")
    if sign:
        rows.append(
            (
                "3. AK/SK signing, one DRS stop",
                f"{sign['us_per_request']:.1f} µs (best {min(sign['us_per_request_repeats']):.1f})",
                "",
                "",
                f"≤ 15 µs {mark(sign['us_per_request'] <= 15)}",
            )
        )
        rows.append(
            (
                "   interleaved with request building",
                f"{sign['us_per_request_interleaved']:.1f} µs",
                "",
                "",
                "",
            )
        )
    imp = results.get("import")
    if imp:
        rows.append(
            (
                "4. import (wall, minus startup)",
                f"{imp['ours']['wall_ms']:.0f} ms",
                f"{imp['httpx']['wall_ms']:.0f} ms",
                f"{imp['ratio']:.2f}x",
                f"≤ 1.3x {mark(imp['ratio'] <= 1.3)}",
            )
        )
        rows.append(
            (
                "   -X importtime",
                f"{imp['ours']['importtime_ms']:.0f} ms",
                f"{imp['httpx']['importtime_ms']:.0f} ms",
                f"{imp['importtime_ratio']:.2f}x",
                "",
            )
        )
    gen = results.get("generate")
    if gen and "skipped" not in gen:
        rows.append(
            (
                f"5. generate all {len(gen['specs'])} specs",
                f"{gen['all_specs_s']:.1f} s",
                "",
                "",
                f"≤ 5 s {mark(gen['all_specs_s'] <= 5)}",
            )
        )
        for size, seconds in gen["synthetic_s_by_operations"].items():
            rows.append((f"   synthetic spec, {size} operations", f"{seconds:.1f} s", "", "", ""))
        if "ms_per_extra_operation" in gen:
            rows.append(("   cost per extra operation", f"{gen['ms_per_extra_operation']:.0f} ms", "", "", ""))
    elif gen:
        rows.append(("5. generation", "skipped", "", "", ""))
    mem = results.get("memory")
    if mem:
        ours, bare = mem["ours"], mem["bare"]
        mib = 1024 * 1024
        rows.append(
            (
                f"6. DLI batch stop, {mem['job_ids']:,} ids: peak",
                f"{ours['tracemalloc_peak_bytes'] / mib:.1f} MiB",
                f"{bare['tracemalloc_peak_bytes'] / mib:.1f} MiB",
                f"{mem['peak_ratio']:.2f}x",
                "",
            )
        )
        rows.append(
            (
                "   ru_maxrss growth",
                f"{ours['ru_maxrss_delta_bytes'] / mib:.1f} MiB",
                f"{bare['ru_maxrss_delta_bytes'] / mib:.1f} MiB",
                "",
                "",
            )
        )
        rows.append(
            (
                "   wall time of the batch call",
                f"{ours['seconds_untraced'] * 1000:.0f} ms",
                f"{bare['seconds_untraced'] * 1000:.0f} ms",
                f"{ours['seconds_untraced'] / bare['seconds_untraced']:.2f}x",
                "",
            )
        )
    header = ("measure", "ours", "baseline (bare httpx)", "ratio", "target")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]

    def line(row: tuple[str, ...]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "httpx": httpx.__version__,
        "sniffio_missing": importlib.util.find_spec("sniffio") is None,
    }


@contextlib.contextmanager
def section(name: str, timings: dict[str, float]) -> Iterator[None]:
    print(f"[{name}]", file=sys.stderr)
    started = time.perf_counter()
    yield
    timings[name] = time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke test, not a measurement")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--output", type=Path, default=BENCH / "results.json", help="where to write the JSON results")
    parser.add_argument("--profile", type=Path, help="also write profiles (cProfile, importtime) into this folder")
    args = parser.parse_args(argv)
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)}")
    settings = QUICK if args.quick else Settings()

    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine(), "settings": settings.__dict__ | {"quick": args.quick}}
    timings: dict[str, float] = {}
    with Server() as server:
        if "sync" in only:
            with section("sync", timings):
                results["sync"] = bench_sync(server, settings)
        if "async" in only:
            with section("async", timings):
                results["async"] = bench_async(server, settings)
        if "memory" in only:
            with section("memory", timings):
                results["memory"] = bench_memory(server, settings)
        if args.profile:
            with section("profile", timings):
                profile_evidence(server, args.profile, settings)
    if "sign" in only:
        with section("sign", timings):
            results["sign"] = bench_sign(settings)
    if "import" in only:
        with section("import", timings):
            results["import"] = bench_import(settings)
    if "generate" in only:
        with section("generate", timings):
            results["generate"] = bench_generate(settings)
    results["section_seconds"] = timings
    results["total_seconds"] = time.perf_counter() - started

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    m = results["machine"]
    print()
    load = m["load_average_at_start"]
    print(
        f"huaweicloud-jobs benchmarks: Python {m['python']}, {m['cpus']} CPUs, httpx {m['httpx']}"
        + (f", load average at start {load[0]:.2f}" if load else "")
    )
    print(table(results))
    if results["machine"]["sniffio_missing"]:
        print(
            "note: sniffio is not installed, so httpcore's async pool retries a failing `import sniffio` "
            "several times per request (a sys.path scan each): both async clients pay it"
        )
    sync = results.get("sync", {})
    if sync.get("official_sdk_note"):
        print(f"note: {sync['official_sdk_note']}")
    for name in ("sync", "async"):
        if name in results:
            server_stats = results[name]["server"]
            opened = ", ".join(
                f"{contender} {value['new_connections']}"
                for contender, value in results[name].items()
                if isinstance(value, dict) and "new_connections" in value and contender != "server"
            )
            print(f"{name}: server answered {server_stats['requests']:,} requests; connections opened: {opened}")
    if "import" in results:
        added = results["import"]["added_over_httpx"]
        top = ", ".join(
            f"{row['module']} {row['cumulative_ms']:.0f} ms (by {row['by']})"
            for row in added["pulled_in"]
            if row["cumulative_ms"] >= 1
        )
        own = added["own_modules_self_ms"]
        print(f"import, on top of httpx (-X importtime): {top}; the glue and DRS modules themselves {own:.0f} ms")
    print(f"total {results['total_seconds']:.0f} s; results written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
