"""The main job: call every operation of every spec through the public client against a local server.

Starts the spec-driven local server on 127.0.0.1, builds ``Cloud`` with AK/SK signing and
the endpoints pointed at it, and calls each operation of each ``openapi/*.yaml`` with the
arguments its spec documents (``tools/spec_operations.py``), then each waiter once. Nothing
here names a service or an operation: a new spec is demonstrated with no edit. It prints what
was sent and what came back, and fails if any call fails.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from huaweicloud_jobs import Cloud, Credentials, HuaweiCloudJobsError, RetryPolicy

from local_server import LocalServer
from spec_operations import PROJECT_ID, call, call_arguments, load_operations


def show(server: LocalServer, label: str, result: object) -> None:
    sent = server.requests[-1]
    shown_headers = {
        k: v for k, v in sent.headers.items() if k.lower() in ("content-type", "x-sdk-date", "x-project-id")
    }
    signed = sent.headers.get("Authorization", "").split(",")[0]
    print(f"\n== {label}")
    print(f"   sent     {sent.method} {sent.path}")
    print(f"   headers  {json.dumps(shown_headers)}  auth: {signed}, ...")
    if sent.body:
        print(f"   body     {sent.body.decode()[:200]}")
    print(f"   received {result!r}"[:400])


def main() -> int:
    credentials = Credentials(ak="DEMOACCESSKEY0000000", sk="demo-secret-key", project_id=PROJECT_ID)
    operations = load_operations()
    failures = 0
    with (
        LocalServer() as server,
        Cloud(
            credentials=credentials, endpoints=server.endpoints(), allow_http=True, retry=RetryPolicy.disabled()
        ) as cloud,
    ):
        for operation in operations:
            try:
                show(server, f"{operation.service} {operation.operation_id}", call(cloud, operation))
            except HuaweiCloudJobsError as exc:
                failures += 1
                print(f"FAILED {operation.id}: {exc}", file=sys.stderr)
        for operation in operations:
            service = getattr(cloud, operation.service)
            for name in sorted(dir(service)):
                if not name.startswith("wait_until_") or not operation.has_waiter(name.removeprefix("wait_until_")):
                    continue
                positional, _ = call_arguments(service, operation)
                try:
                    show(server, f"{operation.service} {name}", getattr(service, name)(*positional, timeout=5))
                except HuaweiCloudJobsError as exc:
                    failures += 1
                    print(f"FAILED {operation.service}.{name}: {exc}", file=sys.stderr)
    print(f"\n{len(server.requests)} requests sent to {server.base_url}; {failures} failed.")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
