"""Standalone timing and profile of AK/SK signing of one DRS stop request (bench/run.py section 3, in detail).

    python bench/signing_profile.py            # medians/best of Signer.sign and AkSkAuth.auth_flow
    python bench/signing_profile.py --profile  # plus a cProfile of Signer.sign
    python bench/signing_profile.py --parts    # plus the cost of each step measured on its own

Requests are built exactly as bench/run.py builds them (httpx.Client.build_request with the
client's default headers); building is not timed, only signing. Numbers are µs per request:
the median and the best of many batches, timed by run.sign_batches, the same function that
gives run.py's signing figure (run.py: 41 batches of 2,000 in the full run).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import hmac
import pstats
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from statistics import median

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import AK, BARE_HEADERS, DRS_BODY, DRS_PATH, SK, USER_AGENT, drs_stop_requests, sign_batches

from huaweicloud_jobs_core._credentials import Credentials
from huaweicloud_jobs_core._signing import AkSkAuth, Signer

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"


# One way of timing signing, shared with bench/run.py's section (its figure and these agree).
batches = sign_batches


def client_requests(n: int) -> list[httpx.Request]:
    """DRS stop requests as the generated client builds them: X-Project-Id comes from the auth, not the client."""
    with httpx.Client(base_url="https://drs.cn-north-4.myhuaweicloud.com", headers={"User-Agent": USER_AGENT}) as c:
        return [c.build_request("POST", DRS_PATH, json=DRS_BODY) for _ in range(n)]


def distinct_jobs(n: int) -> list[httpx.Request]:
    """Like drs_stop_requests, but every request stops another job (no two paths alike)."""
    with httpx.Client(base_url="https://drs.cn-north-4.myhuaweicloud.com", headers={"User-Agent": USER_AGENT}) as c:
        return [
            c.build_request("POST", f"/v5/{PROJECT_ID}/jobs/{uuid.uuid4()}/stop", json=DRS_BODY, headers=BARE_HEADERS)
            for _ in range(n)
        ]


def auth_sign(auth: AkSkAuth) -> Callable[[httpx.Request], object]:
    def sign(request: httpx.Request) -> object:
        return next(auth.auth_flow(request))

    return sign


def report(name: str, sample: list[float]) -> None:
    print(f"{name:<28} median {median(sample):6.2f} µs   best {min(sample):6.2f} µs   ({len(sample)} batches)")


def parts(n: int) -> None:
    """Each step alone, on the same request, to see where the time goes."""
    request = drs_stop_requests(1)[0]
    headers = request.headers
    body = request.content
    key = SK.encode()
    mac = hmac.new(key, digestmod="sha256")
    cases: dict[str, Callable[[], object]] = {
        "headers.raw + dict": lambda: {k.lower(): v for k, v in headers.raw},
        "headers['X'] = v (httpx)": lambda: headers.__setitem__("X-Sdk-Date", "20240101T000000Z"),
        "request.url.raw_path": lambda: request.url.raw_path,
        "sha256(body).hexdigest": lambda: hashlib.sha256(body).hexdigest(),
        "hmac.new(key).hexdigest": lambda: hmac.new(key, b"x" * 120, "sha256").hexdigest(),
        "keyed hmac .copy().hexdigest": lambda: mac.copy().hexdigest(),
        "time.time()": time.time,
    }
    for name, fn in cases.items():
        started = time.perf_counter()
        for _ in range(n):
            fn()
        print(f"  {name:<30} {(time.perf_counter() - started) / n * 1e6:6.3f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=2000, help="requests per batch")
    parser.add_argument("--rounds", type=int, default=41, help="batches")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--parts", action="store_true")
    args = parser.parse_args()

    signer = Signer(AK, SK)
    auth = AkSkAuth(Credentials(ak=AK, sk=SK, project_id=PROJECT_ID))
    batches(signer.sign, 200, 3)  # warm up
    report("Signer.sign", batches(signer.sign, args.n, args.rounds))
    report("Signer.sign, distinct jobs", batches(signer.sign, args.n, args.rounds, distinct_jobs))
    report("AkSkAuth.auth_flow", batches(auth_sign(auth), args.n, args.rounds, client_requests))
    if args.parts:
        parts(args.n * 10)
    if args.profile:
        requests = drs_stop_requests(args.n * 10)
        profiler = cProfile.Profile()
        profiler.enable()
        for request in requests:
            signer.sign(request)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
