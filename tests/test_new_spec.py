"""A new ``openapi/<svc>.yaml`` is the only edit a new service needs.

The repository is copied (its tracked files) to a temporary folder, ``tests/data/newservice.yaml``
is added there as ``openapi/newservice.yaml`` (a paginated GET with query parameters, a status
read with a waiter, a POST action with a header and a body, hyphenated response properties,
int64/float fields, nested arrays of objects, response values listed with ``enum`` as documents list
them, an ``enum`` schema used by both a request and a response, and no ``x-paginators``), and so is
``tests/data/pagedservice.yaml`` as ``openapi/pagedservice.yaml`` (a listing that declares
``x-paginators``, paged by marker, with a waiter), and ``tests/data/namedservice.yaml`` as
``openapi/namedservice.yaml`` (what real documents name and return: properties and parameters named
``id``, ``type``, ``self``, ``datetime``, ``class``, ``from``, ``HTTPCode``, ``jobId``, a bare array,
a bare string, integer enums both ways, arrays of objects nested in arrays of objects, 204s with no
body, a status read whose waiter follows the stop); ``tools/generate.py`` regenerates, and in the copy,
with no other file edited: the lint and type checks of the new package, the drift check, the tests
that derive their services, operations and examples from ``openapi/``, the Prism contract tests when
Prism is installed, and the demo (which calls every operation of every spec) all pass. A response
value the document does not list is parsed and kept (sync, asyncio, waiter, CLI); the request side of
the shared schema still refuses one before sending.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from local_server import LocalServer, Reply

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow
NEW_SPECS = ("newservice", "pagedservice", "namedservice")


def run(arguments: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(arguments, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{' '.join(arguments)}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("repo") / "repo"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in tracked:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for name in NEW_SPECS:
        shutil.copyfile(ROOT / "tests" / "data" / f"{name}.yaml", target / "openapi" / f"{name}.yaml")
    return target


@pytest.fixture(scope="module")
def env(copy: Path) -> dict[str, str]:
    """This interpreter, with the copy's runtime and generated packages ahead of the installed ones."""
    run([sys.executable, "tools/generate.py"], copy, dict(os.environ))
    paths = [copy / "overrides", *sorted(p for p in (copy / "generated").iterdir() if p.is_dir())]
    environ = dict(os.environ)
    environ["PYTHONPATH"] = os.pathsep.join(str(path) for path in paths)
    environ["MYPYPATH"] = environ["PYTHONPATH"]
    environ["HYPOTHESIS_PROFILE"] = "dev"  # the property tests with fewer examples: this run checks wiring
    return environ


def test_the_new_service_is_generated_and_wired(copy: Path, env: dict[str, str]) -> None:
    probe = "import huaweicloud_jobs as h, huaweicloud_jobs_newservice as n; print(h.SERVICES, n.__file__)"
    result = run([sys.executable, "-c", probe], copy, env)
    assert "'newservice'" in result.stdout and "'pagedservice'" in result.stdout and str(copy) in result.stdout
    probe = (
        "import huaweicloud_jobs_newservice as n; print([m for m in dir(n.Service) if 'iter_' in m or 'pages' in m])"
    )
    assert run([sys.executable, "-c", probe], copy, env).stdout.strip() == "[]"  # no x-paginators: no iterator
    run([sys.executable, "tools/generate.py", "--check"], copy, env)


def test_lint_and_types_of_the_new_package(copy: Path, env: dict[str, str]) -> None:
    run([sys.executable, "-m", "openapi_spec_validator", *[f"openapi/{name}.yaml" for name in NEW_SPECS]], copy, env)
    run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            *[f"-phuaweicloud_jobs_{name}" for name in NEW_SPECS],
            "-phuaweicloud_jobs",
        ],
        copy,
        env,
    )


def test_the_spec_driven_tests_pass_with_the_new_spec(copy: Path, env: dict[str, str]) -> None:
    """The tests that derive services, operations and examples from ``openapi/``, on the copy.

    Whole files where they are quick; in the slower per-operation files, the new service's cases
    (their ids name it). The rest of the suite does not iterate specs, so a new one cannot change it.
    """
    quick = [
        "tests/test_spec_examples.py",
        "tests/test_exported_members.py",
        "tests/test_testing_kit.py",
        "tests/test_public_surface.py",
        "tests/test_command_tables.py",
    ]
    per_operation = [
        "tests/test_faults.py",
        "tests/test_fuzz_models.py",
        "tests/test_fuzz_requests.py",
        "tests/test_cli.py",
        "tests/test_waiters.py",
    ]
    pytest_args = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    result = run([*pytest_args, *quick], copy, env)
    assert " passed" in result.stdout
    result = run([*pytest_args, *per_operation, "-k", " or ".join(NEW_SPECS)], copy, env)
    assert " passed" in result.stdout


def test_the_contract_tests_pass_with_the_new_spec(copy: Path, env: dict[str, str]) -> None:
    prism = ROOT / "node_modules" / ".bin" / "prism"
    if not prism.exists():
        pytest.skip("Prism is not installed here (nox -s contract installs it)")
    contract = {**env, "PRISM_REQUIRED": "1", "PRISM_BIN": str(prism)}
    result = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "tests/contract",
            "-k",
            " or ".join(NEW_SPECS),
        ],
        copy,
        contract,
    )
    assert "passed" in result.stdout


def test_the_demo_calls_the_new_operations(copy: Path, env: dict[str, str]) -> None:
    result = run([sys.executable, "tools/demo.py"], copy, env)
    assert "newservice list_queued_jobs" in result.stdout and "newservice cancel_queued_job" in result.stdout
    assert "pagedservice list_runs" in result.stdout and "pagedservice wait_until_run_cancelled" in result.stdout
    assert "namedservice stop_task" in result.stdout and "namedservice wait_until_task_stopped" in result.stdout


# Values the document's enums do not list: a state, an integer class, a priority (the shared schema).
UNLISTED = {"job-id": "j-1", "state": "parked_2031", "retry-class": 7, "priority": "urgent"}

# Runs in the copy (its runtime and generated packages), against the testing kit's spec-driven fake.
PROBE = """
import asyncio, json, sys
from huaweicloud_jobs import AsyncCloud, Cloud, InvalidParameterError
from huaweicloud_jobs.testing import FakeCloud, FakeTime

UNLISTED = json.loads(sys.argv[1])
CANCELLED = {"job-id": "j-1", "cancelled": True, "priority": "urgent"}


def script(fake):
    fake.add_job("newservice", "j-1", states=["running"], after_stop=["cancelling", "parked_2031", "cancelled"])
    fake.fail_next("newservice", "show_queued_job", status=200, body=UNLISTED)
    fake.fail_next("newservice", "list_queued_jobs", status=200, body={"total-count": 1, "jobs": [UNLISTED]})
    fake.fail_next("newservice", "cancel_queued_job", status=200, body=CANCELLED)


def refused(fake, attempt):
    sent = len(fake.requests)
    try:
        attempt()
    except InvalidParameterError as error:
        return {"error": str(error), "sent": len(fake.requests) - sent}
    return {"error": None, "sent": len(fake.requests) - sent}


def sync_run():
    fake, clock, states = FakeCloud(["newservice"]), FakeTime(), []
    script(fake)
    options = dict(token="t", project_id="p" * 32, region="cn-north-4", transport=fake.transport(), clock=clock.clock)
    options["sleep"] = clock.sleep
    with Cloud(**options) as cloud:
        job = cloud.newservice.show_queued_job("j-1")
        page = cloud.newservice.list_queued_jobs()
        cancelled = cloud.newservice.cancel_queued_job("j-1", priority="high")
        waited = cloud.newservice.cancel_queued_job_and_wait("j-1", on_state=lambda s, _: states.append(s))
        refusal = refused(fake, lambda: cloud.newservice.cancel_queued_job("j-1", priority="urgent"))
    return job, page, cancelled, waited, states, refusal


async def async_run():
    fake, clock, states = FakeCloud(["newservice"]), FakeTime(), []
    script(fake)
    options = dict(token="t", project_id="p" * 32, region="cn-north-4", transport=fake.transport(), clock=clock.clock)
    options["sleep"] = clock.async_sleep
    async with AsyncCloud(**options) as cloud:
        job = await cloud.newservice.show_queued_job("j-1")
        page = await cloud.newservice.list_queued_jobs()
        cancelled = await cloud.newservice.cancel_queued_job("j-1", priority="high")
        waited = await cloud.newservice.cancel_queued_job_and_wait("j-1", on_state=lambda s, _: states.append(s))
        sent = len(fake.requests)
        try:
            await cloud.newservice.cancel_queued_job("j-1", priority="urgent")
            refusal = {"error": None}
        except InvalidParameterError as error:
            refusal = {"error": str(error)}
        refusal["sent"] = len(fake.requests) - sent
    return job, page, cancelled, waited, states, refusal


def observed(job, page, cancelled, waited, states, refusal):
    return {
        "read": [job.state, job.retry_class, job.priority, job.to_dict()],
        "page": page.to_dict()["jobs"],
        "cancel": cancelled.priority,
        "waited": waited.state,
        "states": states,
        "refusal": refusal,
    }


print(json.dumps({"sync": observed(*sync_run()), "async": observed(*asyncio.run(async_run()))}))
"""


@pytest.fixture(scope="module")
def probed(copy: Path, env: dict[str, str]) -> dict[str, Any]:
    result = run([sys.executable, "-c", PROBE, json.dumps(UNLISTED)], copy, env)
    observed: dict[str, Any] = json.loads(result.stdout)
    return observed


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_an_unlisted_response_value_is_parsed_and_kept(probed: dict[str, Any], flavour: str) -> None:
    """Response enums are open (x-known-values in the models); the shared schema stays closed for requests."""
    seen = probed[flavour]
    assert seen["read"] == ["parked_2031", 7, "urgent", UNLISTED]
    assert seen["page"] == [UNLISTED]
    assert seen["cancel"] == "urgent"  # the shared schema, as a response: open
    assert seen["states"] == ["cancelling", "parked_2031", "cancelled"]  # the waiter polled on through it
    assert seen["waited"] == "cancelled"
    refusal = seen["refusal"]  # the shared schema, as a request: closed, checked before sending
    assert refusal["sent"] == 0 and refusal["error"] is not None
    assert "priority" in refusal["error"] and "'low', 'high'" in refusal["error"] and "'urgent'" in refusal["error"]


def test_an_unlisted_response_value_reaches_the_cli_json_output(copy: Path, env: dict[str, str]) -> None:
    credentials = {"HUAWEICLOUD_SDK_AK": "AKNEWSPECNEWSPEC0000", "HUAWEICLOUD_SDK_SK": "sk-new-spec"}
    cli_env = {**env, **credentials, "HUAWEICLOUD_SDK_PROJECT_ID": "p" * 32}
    with LocalServer(copy / "openapi") as server:
        endpoint = ["--allow-http", "--endpoint", f"newservice={server.base_url}"]
        body = json.dumps(UNLISTED).encode()
        server.enqueue(Reply(200, body, {"Content-Type": "application/json"}))
        shown = run(
            [sys.executable, "-m", "huaweicloud_jobs", *endpoint, "newservice", "show-queued-job", "j-1"], copy, cli_env
        )
        page = json.dumps({"total-count": 1, "jobs": [UNLISTED]}).encode()
        server.enqueue(Reply(200, page, {"Content-Type": "application/json"}))
        listed = run(
            [sys.executable, "-m", "huaweicloud_jobs", *endpoint, "newservice", "list-queued-jobs"], copy, cli_env
        )
    assert json.loads(shown.stdout) == UNLISTED
    assert json.loads(listed.stdout)["jobs"] == [UNLISTED]


ITERATE = """
from huaweicloud_jobs import Cloud
from huaweicloud_jobs.testing import FakeCloud

fake = FakeCloud(["pagedservice"])
fake.add_items("pagedservice", "list_runs", [{"run_id": f"r-{i}", "state": "running"} for i in range(30)])
with Cloud(token="t", project_id="0" * 32, region="cn-north-4", transport=fake.transport()) as cloud:
    first = cloud.pagedservice.iter_list_runs(limit=7, max_items=10)
    head = [run.run_id for run in first]
    rest = [run.run_id for run in cloud.pagedservice.iter_list_runs(limit=7, starting_token=first.resume_token)]
print(len(head + rest), len(set(head + rest)), [r.query.get("marker") for r in fake.requests])
"""


def test_the_new_paginator_iterates_with_no_other_edit(copy: Path, env: dict[str, str]) -> None:
    result = run([sys.executable, "-c", ITERATE], copy, env)
    assert result.stdout.strip() == "30 30 [None, '7', '7', '14', '21', '28']", result.stdout


# What real documents name and return (tests/data/namedservice.yaml), through the library and the CLI.
NAMED = """
import asyncio, json
from huaweicloud_jobs import AsyncCloud, Cloud, InvalidParameterError
from huaweicloud_jobs.testing import FakeCloud, FakeTime

TASK = {
    "id": "t-1", "jobId": "t-1", "type": "full", "self": "https://x/t-1", "datetime": "2026-01-02T03:04:05Z",
    "class": "batch", "HTTPCode": 200, "level": 9, "status": "stopped",
    "stages": [{"name": "load", "items": [{"id": "i-1", "from": "a", "done": True}]}],
}


def script(fake):
    fake.add_job("namedservice", "t-1", states=["running"], after_stop=["stopping", "stopped"])
    fake.fail_next("namedservice", "show_task", status=200, body=TASK)
    fake.fail_next("namedservice", "list_tasks", status=200, body=[{"id": "t-1", "type": "brief", "status": "new"}])
    fake.fail_next("namedservice", "show_task_log", status=200, body=json.dumps("started; stopped"))


def observed(task, tasks, log, stopped, deleted, waited, states, refusal, sent):
    return {
        "task": [task.id, task.job_id, task.type_, task.self_, task.datetime_, task.class_, task.http_code, task.level],
        "nested": task.stages[0].items[0].from_,
        "round_trip": task.to_dict() == TASK,
        "tasks": [[t.id, t.type_, t.status] for t in tasks],
        "log": log,
        "acknowledged": [stopped.status_code, deleted.status_code],
        "waited": waited.status,
        "states": states,
        "refusal": refusal,
        "sent": sent,
    }


def sync_run():
    fake, clock, states = FakeCloud(["namedservice"]), FakeTime(), []
    script(fake)
    options = dict(token="t", project_id="p" * 32, region="cn-north-4", transport=fake.transport(), clock=clock.clock)
    with Cloud(**options, sleep=clock.sleep) as cloud:
        svc = cloud.namedservice
        task = svc.show_task("t-1")
        tasks = svc.list_tasks(type_="full", from_=2, datetime_="2026-01-01", self_=True)
        log = [svc.show_task_log("t-1"), svc.show_task_log("t-1")]  # a JSON string, then the example as text
        stopped = svc.stop_task("t-1", 1, class_="manual", http_code=499, self_=True)
        waited = svc.stop_task_and_wait("t-1", 0, on_state=lambda s, _: states.append(s))
        deleted = svc.delete_task_record("r-1", missing_ok=True)
        try:
            svc.stop_task("t-1", 7)
            refusal = None
        except InvalidParameterError as error:
            refusal = str(error)
    sent = [[r.operation, r.query, r.json] for r in fake.requests]
    return observed(task, tasks, log, stopped, deleted, waited, states, refusal, sent)


async def async_run():
    fake, clock, states = FakeCloud(["namedservice"]), FakeTime(), []
    script(fake)
    options = dict(token="t", project_id="p" * 32, region="cn-north-4", transport=fake.transport(), clock=clock.clock)
    async with AsyncCloud(**options, sleep=clock.async_sleep) as cloud:
        svc = cloud.namedservice
        task = await svc.show_task("t-1")
        tasks = await svc.list_tasks(type_="full", from_=2, datetime_="2026-01-01", self_=True)
        log = [await svc.show_task_log("t-1"), await svc.show_task_log("t-1")]
        stopped = await svc.stop_task("t-1", 1, class_="manual", http_code=499, self_=True)
        waited = await svc.stop_task_and_wait("t-1", 0, on_state=lambda s, _: states.append(s))
        deleted = await svc.delete_task_record("r-1", missing_ok=True)
        try:
            await svc.stop_task("t-1", 7)
            refusal = None
        except InvalidParameterError as error:
            refusal = str(error)
    sent = [[r.operation, r.query, r.json] for r in fake.requests]
    return observed(task, tasks, log, stopped, deleted, waited, states, refusal, sent)


print(json.dumps({"sync": sync_run(), "async": asyncio.run(async_run())}))
"""


@pytest.fixture(scope="module")
def named(copy: Path, env: dict[str, str]) -> dict[str, Any]:
    result = run([sys.executable, "-c", NAMED], copy, env)
    observed: dict[str, Any] = json.loads(result.stdout)
    return observed


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_the_names_real_documents_use_reach_the_wire_as_documented(named: dict[str, Any], flavour: str) -> None:
    seen = named[flavour]
    assert seen["task"] == ["t-1", "t-1", "full", "https://x/t-1", "2026-01-02T03:04:05Z", "batch", 200, 9]
    assert seen["nested"] == "a" and seen["round_trip"] is True  # arrays of objects in arrays of objects
    assert seen["tasks"] == [["t-1", "brief", "new"]]  # a bare array; an unlisted status kept
    assert seen["log"] == ["started; stopped", "started; stopped"]  # a bare string, JSON or not
    assert seen["acknowledged"] == [204, 404]  # no body; a delete of a missing record with missing_ok is done
    assert seen["waited"] == "stopped" and seen["states"][-1] == "stopped"
    refusal = seen["refusal"]  # the request's integer enum is closed, checked before sending
    assert refusal is not None and "type" in refusal and "7" in refusal
    sent = {operation: (query, body) for operation, query, body in seen["sent"]}
    assert sent["list_tasks"][0] == {"type": "full", "from": "2", "datetime": "2026-01-01", "self": "true"}
    stops = [body for operation, _, body in seen["sent"] if operation == "stop_task"]
    assert stops[0] == {"type": 1, "class": "manual", "HTTPCode": 499, "self": True}
    assert stops[1] == {"type": 0} and len(stops) == 2  # the refused one was never sent


def test_the_cli_names_arguments_as_the_generator_does(copy: Path, env: dict[str, str]) -> None:
    credentials = {"HUAWEICLOUD_SDK_AK": "AKNEWSPECNEWSPEC0000", "HUAWEICLOUD_SDK_SK": "sk-new-spec"}
    cli_env = {**env, **credentials, "HUAWEICLOUD_SDK_PROJECT_ID": "p" * 32}
    command = [sys.executable, "-m", "huaweicloud_jobs"]
    shown = run([*command, "namedservice", "stop-task", "--help"], copy, cli_env).stdout
    assert "--class" in shown and "--http-code" in shown and "--self" in shown and "(one of: 0, 1, 2)" in shown
    with LocalServer(copy / "openapi") as server:
        endpoint = ["--allow-http", "--endpoint", f"namedservice={server.base_url}"]
        stop = [*command, *endpoint, "namedservice", "stop-task", "t-1", "1", "--class", "manual"]
        stopped = run([*stop, "--http-code", "499", "--self"], copy, cli_env)
        listed = run(
            [*command, *endpoint, "namedservice", "list-tasks", "--type", "full", "--from", "2"], copy, cli_env
        )
        log = run([*command, *endpoint, "namedservice", "show-task-log", "t-1"], copy, cli_env)
        refused = subprocess.run(
            [*command, *endpoint, "namedservice", "stop-task", "t-1", "7"],
            cwd=copy,
            env=cli_env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        # --from-file fills the path's id; the body's required type is given once, for every line
        bulk = [*command, *endpoint, "namedservice", "stop-task", "--from-file", "-", "2", "--concurrency", "1"]
        each = subprocess.run(
            bulk, cwd=copy, env=cli_env, input="t-8\nt-9\n", capture_output=True, text=True, timeout=60, check=False
        )
        received = list(server.requests)
    assert json.loads(stopped.stdout)["status_code"] == 204
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == ["t-1", "t-2"]  # a listing: ndjson
    assert json.loads(log.stdout) == "started; stopped"
    assert refused.returncode == 2 and json.loads(refused.stderr)["error"] == "InvalidParameterError"
    assert received[0].json() == {"type": 1, "class": "manual", "HTTPCode": 499, "self": True}
    assert "type=full" in received[1].path and "from=2" in received[1].path
    assert each.returncode == 0, each.stderr
    assert [json.loads(line)["input"] for line in each.stdout.splitlines()] == ["t-8", "t-9"]
    assert [(r.path.rsplit("/", 2)[-2], r.json()) for r in received[3:]] == [("t-8", {"type": 2}), ("t-9", {"type": 2})]
    assert len(received) == 5
