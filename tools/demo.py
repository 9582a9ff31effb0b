"""The main job: call every operation through the public client against a local server.

Starts the spec-driven local server on 127.0.0.1, builds ``Cloud`` with AK/SK
signing and the endpoints pointed at it, calls each operation of each service,
and prints what was sent and what came back.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from huaweicloud_jobs import Cloud, Credentials, HuaweiCloudJobsError

from local_server import LocalServer

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"


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
        print(f"   body     {sent.body.decode()}")
    print(f"   received {result!r}")


def main() -> int:
    credentials = Credentials(ak="DEMOACCESSKEY0000000", sk="demo-secret-key", project_id=PROJECT_ID)
    with (
        LocalServer() as server,
        Cloud(credentials=credentials, endpoints=server.endpoints(), allow_http=True) as cloud,
    ):
        try:
            show(
                server,
                "LakeFormation stop_job",
                cloud.lakeformation.stop_job("2180518f-42b8-4947-b20b-adfc53981a25", "job-1"),
            )
            show(
                server,
                "LakeFormation delete_job",
                cloud.lakeformation.delete_job(
                    "2180518f-42b8-4947-b20b-adfc53981a25", "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"
                ),
            )
            show(
                server,
                "DRS stop_job",
                cloud.drs.stop_job("c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r", is_force_stop=True),
            )
            show(server, "DLI stop_jobs", cloud.dli.stop_jobs([128, 137], trigger_savepoint=False))
            show(server, "AOM terminate_execution", cloud.aom.terminate_execution("workflow-1", "execution-1"))
        except HuaweiCloudJobsError as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"\n{len(server.requests)} requests sent to {server.base_url}, all answered as documented.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
