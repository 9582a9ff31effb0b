"""The main job: call every operation of every spec through the public client against a local server.

Starts the spec-driven local server on 127.0.0.1, builds ``Cloud`` with AK/SK signing and
the endpoints pointed at it, and calls each operation of each ``openapi/*.yaml`` with the
arguments its spec documents (``tools/spec_operations.py``), then each waiter once. Then, against
the testing kit's fake, "select, then stop": for each waiter whose stop takes one job id (or a batch
of them) and whose service has a paged listing, a few fake jobs are listed page by page, selected
client-side by a name glob, stopped and waited for. Nothing here names a service or an operation:
a new spec is demonstrated with no edit. It prints what was sent and what came back, and fails if
any call fails.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from huaweicloud_jobs import Cloud, Credentials, HuaweiCloudJobsError, RetryPolicy, select
from huaweicloud_jobs.testing import FakeCloud, FakeTime

from local_server import LocalServer
from spec_operations import (
    PROJECT_ID,
    SpecOperation,
    argument_name,
    call,
    call_arguments,
    load_operations,
    path_parameters,
    sample,
    table_entry,
)


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
    failures += select_then_stop(operations)
    return 1 if failures else 0


def required_query_values(operation: SpecOperation) -> dict[str, Any]:
    """``{query parameter name: documented value}`` of the operation's mandatory query parameters."""
    return {
        parameter["name"]: parameter["example"]
        if "example" in parameter
        else sample(parameter.get("schema", {}), parameter["name"])
        for parameter in operation.parameters
        if parameter.get("in") == "query" and parameter.get("required")
    }


def select_then_stop(operations: list[SpecOperation]) -> int:
    """List fake jobs page by page, keep those named nightly-*, stop them and wait: per waiter that allows it."""
    by_id = {(operation.service, operation.operation_id): operation for operation in operations}
    fake, clock, failures = FakeCloud(), FakeTime(), 0
    with Cloud(
        credentials=Credentials(ak="DEMOACCESSKEY0000000", sk="demo-secret-key", project_id=PROJECT_ID),
        region="cn-north-4",
        transport=fake.transport(),
        sleep=clock.sleep,
        clock=clock.clock,
    ) as cloud:
        for route in fake.waiters():
            paged = [name for name, is_paged in fake.listings(route.service).items() if is_paged]
            stop = by_id.get((route.service, route.stop or ""))
            ids = [parameter["name"] for parameter in path_parameters(stop)] if stop else []
            body = (stop.request_body or {}).get("content", {}).get("application/json", {}) if stop else {}
            arrays = [k for k, v in body.get("schema", {}).get("properties", {}).items() if v.get("type") == "array"]
            if stop is None or not paged or len(ids) + len(arrays) != 1:
                continue  # e.g. a stop that needs two ids, or a service without a paged listing
            service = getattr(cloud, route.service)
            # The listing's mandatory filters (DRS: job_type), with their documented values; the jobs carry them.
            filters = required_query_values(by_id[(route.service, paged[0])])
            names = {
                f"{route.service}-{index}": ("nightly" if index % 2 else "adhoc") + f"-{index}" for index in range(6)
            }
            for job_id, name in names.items():
                job = str(100 + len(fake.jobs)) if arrays else job_id  # a batch of ids: numeric ones
                fake.add_job(
                    route.service,
                    job,
                    states=["(running)"],
                    after_stop=sorted(route.success)[:1] or ["done"],
                    fields={"name": name, **filters},
                )
            lister = by_id[(route.service, paged[0])]
            listing = getattr(service, f"iter_{paged[0]}")(
                **{argument_name(lister, key, "query"): value for key, value in filters.items()}
            )
            listed = list(select(listing, name="nightly-*"))
            chosen = [
                job.job_id
                for job in fake.jobs
                if job.service == route.service
                and job.fields["name"] in {getattr(item, "name", None) for item in listed}
            ]
            print(
                f"\n== select, then stop: {route.service} {paged[0]} -> {len(listed)} named nightly-* -> {route.stop}"
            )
            try:
                if arrays:
                    positional, keywords = call_arguments(
                        service, stop, {argument_name(stop, arrays[0], "body"): [int(j) for j in chosen]}
                    )
                    getattr(service, table_entry(stop)["method"])(*positional, **keywords)
                    finals = [getattr(service, f"wait_until_{route.waiter}")(int(j)) for j in chosen]
                else:
                    finals = []
                    for job in chosen:
                        positional, keywords = call_arguments(service, stop, {argument_name(stop, ids[0], "path"): job})
                        getattr(service, table_entry(stop)["method"])(*positional, **keywords)
                        finals.append(getattr(service, f"wait_until_{route.waiter}")(job))
                print(f"   stopped  {chosen}; each now {sorted({fake.job(route.service, j).state for j in chosen})}")
                print(f"   requests {[r.operation for r in fake.requests if r.service == route.service]}")
                assert len(finals) == len(chosen) == 3 and all(fake.job(route.service, j).stopped for j in chosen)
            except (HuaweiCloudJobsError, AssertionError) as exc:
                failures += 1
                print(f"FAILED select, then stop ({route.service}): {exc!r}", file=sys.stderr)
    return failures


if __name__ == "__main__":
    raise SystemExit(main())
