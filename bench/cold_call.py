"""A whole ``huaweicloud-jobs drs stop-job ID`` process against a whole bare-httpx script.

Both send the same signed DRS stop to the bench server and exit: interpreter start, imports,
credentials from the environment, signing, one request, output. The baseline is
bench/bare_signed_stop.py (httpx, hashlib and hmac, nothing of ours). Runs alternate, after one
warm-up each so both read compiled bytecode.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
JOB_ID = "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"


def _environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if "HUAWEICLOUD" not in key and "CLOUD_SDK" not in key}
    env.update(
        HUAWEICLOUD_SDK_AK="BENCHACCESSKEY000000",
        HUAWEICLOUD_SDK_SK="bench-secret-key-not-a-real-one",
        HUAWEICLOUD_SDK_PROJECT_ID="054ba152d480d55b2f5dc0069e7ddef0",
        HUAWEICLOUD_JOBS_METADATA="off",  # never ask a metadata address
    )
    return env


def commands(base_url: str) -> dict[str, list[str]]:
    script = shutil.which("huaweicloud-jobs", path=str(Path(sys.executable).parent))
    cli = [script] if script else [sys.executable, "-m", "huaweicloud_jobs"]
    return {
        "cli": [*cli, "--allow-http", "--endpoint", f"drs={base_url}", "drs", "stop-job", JOB_ID],
        "bare": [sys.executable, str(BENCH / "bare_signed_stop.py"), base_url, JOB_ID],
    }


def bench_cold_call(base_url: str, runs: int) -> dict[str, Any]:
    env = _environment()
    chosen = commands(base_url)
    for command in chosen.values():  # warm-up: bytecode compiled, and a check that both succeed
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if completed.returncode != 0 or "success" not in completed.stdout:
            raise RuntimeError(f"{command[0]} failed: {completed.stderr[-500:]}")
    wall: dict[str, list[float]] = {name: [] for name in chosen}
    for _ in range(runs):
        for name, command in chosen.items():
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
            wall[name].append(time.perf_counter() - started)
    result: dict[str, Any] = {"runs": runs, "command": "huaweicloud-jobs drs stop-job ID"}
    for name, samples in wall.items():
        result[name] = {"wall_ms": statistics.median(samples) * 1000, "wall_ms_runs": [s * 1000 for s in samples]}
    result["ratio"] = result["cli"]["wall_ms"] / result["bare"]["wall_ms"]
    return result
