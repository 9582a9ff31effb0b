"""Memory of one DLI batch stop with many job ids, measured in a process of its own.

    python bench/memory.py --base-url http://127.0.0.1:PORT --mode ours|bare [--count 100000]

Prints one JSON object: the tracemalloc peak of the call (request built, sent, response
parsed into results), what the results retain afterwards, the growth of ru_maxrss over
the call (a high-water mark, so measured on the first large call, before tracing), the
call's wall time without tracing, and the request and response sizes.

``ours`` goes through the public client (``Cloud.dli.stop_jobs``, AK/SK signing, input
validation, typed results); ``bare`` posts the same body with a plain ``httpx.Client``
and decodes the JSON list, the least any client has to do.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"
AK = "BENCHACCESSKEY000000"
SK = "bench-secret-key-not-a-real-one"  # a made-up key for a local server
PATH = f"/v1.0/{PROJECT_ID}/streaming/jobs/stop"


def _maxrss_bytes() -> int:
    # Linux reports KiB, macOS bytes.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _caller(mode: str, base_url: str) -> tuple[Callable[[list[int]], Any], Callable[[], None]]:
    if mode == "ours":
        from huaweicloud_jobs import Cloud, Credentials

        cloud = Cloud(
            credentials=Credentials(ak=AK, sk=SK, project_id=PROJECT_ID),
            endpoints={"dli": base_url},
            allow_http=True,
        )

        def ours(job_ids: list[int]) -> Any:
            return cloud.dli.stop_jobs(job_ids, trigger_savepoint=False)

        return ours, cloud.close

    import httpx

    client = httpx.Client(base_url=base_url, headers={"User-Agent": "huaweicloud-jobs"})

    def bare(job_ids: list[int]) -> Any:
        response = client.post(
            PATH,
            json={"job_ids": job_ids, "trigger_savepoint": False},
            headers={"Content-Type": "application/json", "X-Project-Id": PROJECT_ID},
        )
        response.raise_for_status()
        return response.json()

    return bare, client.close


def _succeeded(item: Any) -> bool:
    return (item["is_success"] if isinstance(item, dict) else item.is_success) is True


def measure(mode: str, base_url: str, count: int) -> dict[str, Any]:
    call, close = _caller(mode, base_url)
    call([1, 2, 3])  # imports, connection, spec caches: none of that is the batch's cost
    job_ids = list(range(1_000_000, 1_000_000 + count))  # the caller's data, not ours to count
    request_bytes = len(json.dumps({"job_ids": job_ids, "trigger_savepoint": False}, separators=(",", ":")))
    gc.collect()

    rss_before = _maxrss_bytes()
    started = time.perf_counter()
    results = call(job_ids)
    seconds = time.perf_counter() - started
    rss_delta = _maxrss_bytes() - rss_before
    response_items = len(results)
    if response_items != count or not all(_succeeded(item) for item in results):
        raise SystemExit(f"{mode}: expected {count} successful results, got {response_items}")
    del results
    gc.collect()

    tracemalloc.start()
    results = call(job_ids)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del results
    close()
    return {
        "mode": mode,
        "count": count,
        "tracemalloc_peak_bytes": peak,
        "retained_bytes": retained,
        "ru_maxrss_delta_bytes": rss_delta,
        "seconds_untraced": seconds,
        "request_body_bytes": request_bytes,
        "response_items": response_items,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--mode", choices=("ours", "bare"), required=True)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.mode, args.base_url, args.count)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
