"""The command line (``huaweicloud-jobs``), run as a real subprocess against the spec-driven local server.

Operations come from openapi/ (tests/contract/operations.py), so a new spec or operation is a new
case here with no edit. A few behaviours that need a service class which does not exist yet
(``<op>_and_wait``, ``missing_ok``) run in-process on a fake service class.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import huaweicloud_jobs
from huaweicloud_jobs import Cloud, Credentials, RequestTimeoutError, WaiterTimeoutError
from huaweicloud_jobs._cli import EXIT_CODES, exit_code_for, exit_code_table, run, to_json

from conftest import PROJECT_ID
from local_server import LocalServer, Reply
from spec_operations import SpecOperation, call, call_arguments, documented_inputs, load_operations, table_entry

pytestmark = pytest.mark.slow

AK, SK, SECURITY_TOKEN = "AKTESTTESTTESTTEST00", "sk-cli-test-secret-value", "security-token-cli-test-value"
OPERATIONS = load_operations()
SCRIPT = shutil.which("huaweicloud-jobs", path=str(Path(sys.executable).parent))


def command_line() -> list[str]:
    """The installed console script, else ``python -m huaweicloud_jobs``."""
    return [SCRIPT] if SCRIPT else [sys.executable, "-m", "huaweicloud_jobs"]


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if "SDK" not in key and "HUAWEICLOUD" not in key}
    env.update(HUAWEICLOUD_SDK_AK=AK, HUAWEICLOUD_SDK_SK=SK, HUAWEICLOUD_SDK_PROJECT_ID=PROJECT_ID)
    env.update(extra)
    return {key: value for key, value in env.items() if value}


def endpoint_options(server: LocalServer) -> list[str]:
    options = ["--allow-http"]
    for service, url in sorted(server.endpoints().items()):
        options += ["--endpoint", f"{service}={url}"]
    return options


def cli(
    server: LocalServer | None, *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    options = endpoint_options(server) if server else []
    return subprocess.run(
        [*command_line(), *options, *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env or environment(),
        timeout=30,
    )


def error_of(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    lines = [line for line in result.stderr.splitlines() if line.startswith("{")]
    assert len(lines) == 1, result.stderr
    document: dict[str, Any] = json.loads(lines[0])
    return document


def kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


def cli_arguments(operation: SpecOperation, folder: Path) -> list[str]:
    """The command line for an operation, from the spec's documented inputs and the generated command table."""
    values = documented_inputs(operation)
    entry = table_entry(operation)
    args = [operation.service, kebab(entry["method"])]
    for parameter in entry["parameters"]:
        name = parameter["name"]
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, dict):  # a model: a JSON document from a file, never inline
            path = folder / f"{operation.operation_id}-{name}.json"
            path.write_text(json.dumps(value), encoding="utf-8")
            value = f"@{path}"
        items = value if isinstance(value, list) else [value]
        if parameter["positional"] and parameter["required"] and parameter["kind"] != "bool":
            args += [str(item) for item in items]
        elif isinstance(value, bool):
            args.append(f"--{kebab(name)}" if value else f"--no-{kebab(name)}")
        else:
            for item in items:
                args += [f"--{kebab(name)}", str(item)]
    return args


def without_local_ids(value: Any) -> Any:
    """The result with the local server's per-request ids (``local-<n>``) left out."""
    if isinstance(value, dict):
        return {key: without_local_ids(item) for key, item in value.items() if not str(item).startswith("local-")}
    if isinstance(value, list):
        return [without_local_ids(item) for item in value]
    return value


@pytest.fixture
def local() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.id)
def test_every_operation_of_every_spec(local: LocalServer, operation: SpecOperation, tmp_path: Path) -> None:
    args = cli_arguments(operation, tmp_path)
    result = cli(local, *args, "--output", "json")
    assert result.returncode == 0, result.stderr
    assert [request.operation for request in local.requests] == [operation.operation_id]
    printed = json.loads(result.stdout)
    credentials = Credentials(ak=AK, sk=SK, project_id=PROJECT_ID)
    with Cloud(credentials=credentials, endpoints=local.endpoints(), allow_http=True) as cloud:
        service = getattr(cloud, operation.service)
        listing = getattr(service, f"iter_{operation.operation_id}", None)
        if listing is not None:  # x-paginators: the command lists every item, across pages
            positional, keywords = call_arguments(service, operation)
            expected = to_json(list(listing(*positional, **keywords)))
        else:
            expected = to_json(call(cloud, operation))
    assert without_local_ids(printed) == without_local_ids(expected)
    assert local.requests[0].path == local.requests[1].path  # the same request as the library's

    # --dry-run: the same request, signed, printed with its secrets masked; nothing reaches the server
    dry = cli(local, *args, "--dry-run", env=environment(HUAWEICLOUD_SDK_SECURITY_TOKEN=SECURITY_TOKEN))
    assert dry.returncode == 0, dry.stderr
    assert len(local.requests) == 2
    shown = json.loads(dry.stdout)
    assert shown["dry_run"] is True and shown["method"] == operation.method
    assert shown["url"].endswith(local.requests[0].path)
    sent = {name.lower() for name in local.requests[0].headers}
    assert sent - {"content-length"} <= {name.lower() for name in shown["headers"]} | {"x-security-token"}
    everything = dry.stdout + dry.stderr
    assert SK not in everything and SECURITY_TOKEN not in everything
    assert not re.search(r"[0-9a-f]{64}", everything)  # no signature
    if shown["signed"]:
        assert shown["headers"]["authorization"].endswith("Signature=***")


def test_help_lists_every_service_and_operation_and_the_exit_codes() -> None:
    top = subprocess.run([*command_line(), "--help"], capture_output=True, text=True, check=True)
    for service in huaweicloud_jobs.SERVICES:
        assert service in top.stdout
    for entry in EXIT_CODES:
        assert re.search(rf"^\s+{entry.code}\s+{re.escape(entry.meaning[:30])}", top.stdout, re.MULTILINE)
    for service in sorted({operation.service for operation in OPERATIONS}):
        listed = subprocess.run([*command_line(), service, "--help"], capture_output=True, text=True, check=True)
        for operation in OPERATIONS:
            if operation.service == service:
                assert kebab(operation.operation_id) in listed.stdout


def test_the_exit_code_table_lists_every_code() -> None:
    """The documentation's table (docs/command-line.md, generated from it; tests/test_docs_site.py checks the page)."""
    table = exit_code_table()
    for entry in EXIT_CODES:
        assert f"| {entry.code} | {entry.meaning} |" in table


def test_python_dash_m_is_the_same_command_and_global_options_go_anywhere(local: LocalServer) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "huaweicloud_jobs", "drs", "stop-job", "job-1", *endpoint_options(local)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=30,
    )
    assert result.returncode == 0 and json.loads(result.stdout) == {"status": "success"}


ERROR_CASES = [
    # (arguments, scripted replies, environment changes, exit code, error class)
    (["drs", "stop-job", "."], [], {}, 2, "InvalidParameterError"),
    (["dli", "stop-jobs", "1", "x"], [], {}, 2, "InvalidParameterError"),
    (["drs", "stop-job", "j", "--x-language", "fr-fr"], [], {}, 2, "InvalidParameterError"),
    (["drs", "stop-job", "j", "--no-such-option"], [], {}, 2, "UsageError"),
    (["drs", "stop-job", "--from-file", "-", "--concurrency", "many"], [], {}, 2, "UsageError"),
    (["drs", "no-such-operation"], [], {}, 2, "UsageError"),
    (["drs", "stop-job", "j"], [], {"HUAWEICLOUD_SDK_PROJECT_ID": ""}, 2, "ProjectRequiredError"),
    (["--endpoint", "drs=ftp://x", "drs", "stop-job", "j"], [], {}, 2, "EndpointError"),
    (["drs", "stop-job", "j"], [], {"HUAWEICLOUD_SDK_SK": ""}, 3, "CredentialsError"),
    (["drs", "stop-job", "j"], [Reply(401, b'{"error_code":"APIGW.0301","error_msg":"bad sig"}')], {}, 3, None),
    (["drs", "stop-job", "j"], [Reply(403, b'{"error_code":"DRS.0403","error_msg":"no"}')], {}, 3, None),
    (["lakeformation", "stop-job", "i", "j"], [Reply(404, b'{"error_code":"LF.404","error_msg":"gone"}')], {}, 4, None),
    (
        ["aom", "terminate-execution", "w", "e"],
        [Reply(409, b'{"error_code":"AOM.409","error_msg":"busy"}')],
        {},
        5,
        None,
    ),
    (
        ["drs", "stop-job", "j1"],
        [Reply(200, b'{"id":"j1","status":"failed","error_code":"DRS.10000010","error_msg":"Job does not exist"}')],
        {},
        5,
        "OperationFailedError",
    ),
    (  # the SDK's other documented stop result: a failure with no error code is still exit 5
        ["drs", "stop-job", "j1"],
        [Reply(200, b'{"id":"j1","status":"failed"}')],
        {},
        5,
        "OperationFailedError",
    ),
    (["--timeout", "0.3", "--retries", "1", "drs", "stop-job", "j"], [Reply(200, delay=1.5)], {}, 6, None),
    (
        ["--retries", "1", "drs", "stop-job", "j"],
        [Reply(500, b'{"error_code":"DRS.500","error_msg":"x"}')],
        {},
        8,
        None,
    ),
    (
        ["--retries", "1", "drs", "stop-job", "j"],
        [Reply(200, b"not json", {"Content-Type": "application/json"})],
        {},
        8,
        None,
    ),
]


@pytest.mark.parametrize(("args", "replies", "env", "code", "error"), ERROR_CASES)
def test_every_exit_code(
    local: LocalServer, args: list[str], replies: list[Reply], env: dict[str, str], code: int, error: str | None
) -> None:
    local.enqueue(*replies)
    result = cli(local, *args, env=environment(**env))
    assert result.returncode == code, result.stderr
    document = error_of(result)
    assert document["exit_code"] == code
    assert set(document) >= {"error", "status_code", "error_code", "message", "request_id", "service", "operation"}
    if error:
        assert document["error"] == error
    if replies and replies[0].status >= 400:
        assert document["status_code"] == replies[0].status
        assert document["error_code"] and document["request_id"] and document["service"]
    assert result.stdout == ""
    if code == 2 and document["error"] != "UsageError":
        assert local.requests == []  # rejected before sending
    assert SK not in result.stderr


@pytest.mark.parametrize(
    "policy",
    [{"Version": "1.1"}, {"Version": "1.1", "Statement": [{"Action": ["obs:object:GetObject"]}]}],
    ids=["no-statement", "statement-without-effect"],
)
def test_a_policy_missing_what_the_sdk_requires_is_refused_before_sending(
    local: LocalServer, tmp_path: Path, policy: dict[str, Any]
) -> None:
    document = tmp_path / "auth.json"
    document.write_text(json.dumps({"identity": {"methods": ["token"], "policy": policy}}), encoding="utf-8")
    result = cli(local, "iam", "create-temporary-access-key-by-token", f"@{document}")
    assert result.returncode == 2, result.stderr
    assert error_of(result)["error"] == "UsageError" and local.requests == []


def test_connection_refused_is_exit_7() -> None:
    with LocalServer() as closed:
        url = closed.base_url
    result = subprocess.run(
        [*command_line(), "--allow-http", "--retries", "1", "--endpoint", f"drs={url}", "drs", "stop-job", "j"],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=30,
    )
    assert result.returncode == 7 and error_of(result)["error"] == "ConnectionFailedError"


def test_a_batch_with_failed_items_is_exit_1(local: LocalServer) -> None:
    local.enqueue(
        Reply(200, b'[{"is_success": true, "message": "ok"}, {"is_success": false, "message": "not running"}]')
    )
    result = cli(local, "dli", "stop-jobs", "128", "137", "--trigger-savepoint")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {"is_success": True, "message": "ok"},
        {"is_success": False, "message": "not running"},
    ]
    assert local.requests[0].json() == {"job_ids": [128, 137], "trigger_savepoint": True}


def test_http_needs_allow_http_or_the_variable(local: LocalServer) -> None:
    args = ["--endpoint", f"drs={local.base_url}", "drs", "stop-job", "j"]
    refused = subprocess.run([*command_line(), *args], capture_output=True, text=True, env=environment(), timeout=30)
    assert refused.returncode == 2 and error_of(refused)["error"] == "EndpointError"
    allowed = subprocess.run(
        [*command_line(), *args],
        capture_output=True,
        text=True,
        env=environment(HUAWEICLOUD_JOBS_ALLOW_HTTP="1"),
        timeout=30,
    )
    assert allowed.returncode == 0, allowed.stderr


def test_table_output_and_quiet(local: LocalServer) -> None:
    table = cli(local, "--output", "table", "dli", "show-job", "128")
    assert re.search(r"^job_detail\.status\s+job_cancel_success$", table.stdout, re.MULTILINE)
    quiet = cli(local, "--quiet", "drs", "stop-job", "j")
    assert quiet.returncode == 0 and quiet.stdout == ""


def test_bulk_keeps_input_order_with_mixed_outcomes(local: LocalServer) -> None:
    ids = ["job-1", "job-2", ".", "job-4", "job-5", "job-6"]
    # The first request to arrive is answered last; one request is a 404 (which one depends on arrival).
    local.enqueue(
        Reply(200, b'{"status":"success"}', delay=0.6), Reply(404, b'{"error_code":"DRS.404","error_msg":"x"}')
    )
    result = cli(local, "drs", "stop-job", "--from-file", "-", "--concurrency", "3", stdin="\n".join(ids) + "\n\n")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == ids
    assert [line["ok"] for line in lines].count(True) == 4
    assert lines[2]["error"]["error"] == "InvalidParameterError" and lines[2]["exit_code"] == 2
    assert [line["error"]["error"] for line in lines if not line["ok"]].count("NotFoundError") == 1
    summary = json.loads(result.stderr.splitlines()[-1])["summary"]
    assert summary == {"total": 6, "succeeded": 4, "failed": 2, "not_started": 0, "interrupted": False}
    assert "\r[" not in result.stderr  # no progress bar when stderr is not a terminal
    assert len(local.requests) == 5


def test_bulk_resends_at_a_lower_rate_when_the_service_throttles(local: LocalServer) -> None:
    """The first answers are 429s (an API gateway's flow control, no Retry-After): every call still succeeds."""
    throttled = Reply(429, b'{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached"}')
    local.enqueue(*[throttled] * 4)
    ids = [f"job-{n}" for n in range(8)]
    result = cli(local, "drs", "stop-job", "--from-file", "-", "--concurrency", "4", stdin="\n".join(ids) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["input"] for line in lines] == ids and all(line["ok"] for line in lines)
    assert len(local.requests) == 12  # the 4 refused calls sent once more each


def test_bulk_rate_must_be_a_usable_number(local: LocalServer) -> None:
    result = cli(local, "drs", "stop-job", "--from-file", "-", "--rate", "0", stdin="job-1\n")
    assert result.returncode == 2
    error = json.loads(result.stderr.splitlines()[-1])
    assert error["error"] == "InvalidParameterError" and "rate_limit" in error["message"]
    assert local.requests == []


def test_bulk_fills_an_array_parameter_in_batches(local: LocalServer, tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("1\n2\n3\n4\n5\n", encoding="utf-8")
    result = cli(local, "dli", "stop-jobs", "--from-file", str(ids), "--batch-size", "2", "--concurrency", "1")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["input"] for line in result.stdout.splitlines()] == [[1, 2], [3, 4], [5]]
    assert [request.json()["job_ids"] for request in local.requests] == [[1, 2], [3, 4], [5]]


def test_bulk_dry_run_sends_nothing(local: LocalServer) -> None:
    ids = ["c7debc9c-8e09-4a5d-8dd6-cc44f78jb20a", "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20b"]
    result = cli(local, "lakeformation", "delete-job", "inst", "--from-file", "-", "--dry-run", stdin="\n".join(ids))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["result"]["url"].rsplit("/", 1)[-1] for line in lines] == ids
    assert all(line["result"]["signed"] and line["result"]["method"] == "DELETE" for line in lines)
    assert local.requests == []


def test_progress_bar_only_on_a_terminal(local: LocalServer) -> None:
    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(
            [*command_line(), *endpoint_options(local), "drs", "stop-job", "--from-file", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=slave,
            env=environment(),
        )
        os.close(slave)
        stdout, _ = process.communicate("\n".join(f"job-{n}" for n in range(5)).encode(), timeout=30)
        seen = b""
        while select.select([master], [], [], 0.5)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
    assert process.returncode == 0
    assert b"\r[" in seen and b"5/5" in seen
    assert b"\r" not in stdout and len(stdout.splitlines()) == 5


def test_ctrl_c_during_bulk_flushes_outcomes_and_exits_130(local: LocalServer, tmp_path: Path) -> None:
    local.enqueue(*[Reply(200, b'{"status":"success"}', delay=0.4) for _ in range(40)])
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(f"job-{n}" for n in range(40)) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [*command_line(), *endpoint_options(local), "drs", "stop-job", "--from-file", str(ids), "--concurrency", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
        # As from a terminal: a test runner started in the background (`nox ... &`) ignores SIGINT, its
        # children inherit that, and Python then installs no KeyboardInterrupt handler at all.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60  # a loaded machine can take seconds to start the process
    while len(local.requests) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(local.requests) >= 3, "the command sent fewer than 3 requests in 60 s"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    lines = [json.loads(line) for line in stdout.splitlines()]
    assert 3 <= len(lines) < 40
    assert [line["input"] for line in lines] == [f"job-{n}" for n in range(len(lines))]
    assert all(line["ok"] for line in lines)
    assert len(lines) == len(local.requests)  # every call that was sent is reported
    summary = json.loads(stderr.splitlines()[-1])["summary"]
    assert summary["interrupted"] is True and summary["not_started"] == 40 - len(lines)


def test_a_second_ctrl_c_during_bulk_leaves_at_once(local: LocalServer, tmp_path: Path) -> None:
    held = Reply(200, b'{"status":"success"}', delay=60)
    local.enqueue(*[Reply(200, b'{"status":"success"}')] * 2, *[held] * 8)
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(f"job-{n}" for n in range(10)) + "\n", encoding="utf-8")
    process = subprocess.Popen(
        [*command_line(), *endpoint_options(local), "drs", "stop-job", "--from-file", str(ids), "--concurrency", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as in the test above
    )
    deadline = time.monotonic() + 60
    while len(local.requests) < 4 and time.monotonic() < deadline:  # two answered, two held by the server
        time.sleep(0.05)
    assert len(local.requests) == 4, "the command did not send 4 requests in 60 s"
    deadline = time.monotonic() + 30  # liveness only: the held calls would take 60 s
    while process.poll() is None and time.monotonic() < deadline:
        process.send_signal(signal.SIGINT)  # the first stops new calls, the next one leaves
        time.sleep(0.2)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert [json.loads(line)["input"] for line in stdout.splitlines()] == ["job-0", "job-1"]
    assert "interrupted: no new calls; waiting for the calls already sent" in stderr
    summary = json.loads(stderr.splitlines()[-1])["summary"]
    assert summary == {"total": 10, "succeeded": 2, "failed": 0, "not_started": 6, "interrupted": True}
    assert len(local.requests) == 4


# ---------------------------------------------------------------------------------------------
# --wait, --missing-ok and waiter commands: generic rules, shown on a fake service class


class ThingTimeoutError(RequestTimeoutError):
    """What a service's own timeout could be: a subclass of a listed error gets its parent's code."""


CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []


class FakeService:
    def stop_thing(self, thing_id: str, *, force: bool = False) -> dict[str, str]:
        """Stop a thing."""
        CALLS.append(("stop_thing", (thing_id,), {"force": force}))
        return {"state": "stopping"}

    def stop_thing_and_wait(
        self, thing_id: str, *, force: bool = False, timeout: float | None = None
    ) -> dict[str, str]:
        """Stop a thing and wait until it is stopped."""
        CALLS.append(("stop_thing_and_wait", (thing_id,), {"force": force, "timeout": timeout}))
        if thing_id == "slow":
            raise ThingTimeoutError("thing slow did not stop within 1.0 s")
        return {"state": "stopped"}

    def delete_thing(self, thing_id: str, *, missing_ok: bool = False) -> None:
        """Delete a thing."""
        CALLS.append(("delete_thing", (thing_id,), {"missing_ok": missing_ok}))

    def wait_until_stopped(self, thing_id: str, *, timeout: float | None = None) -> dict[str, str]:
        """Wait until a thing is stopped."""
        CALLS.append(("wait_until_stopped", (thing_id,), {"timeout": timeout}))
        return {"state": "stopped"}

    @property
    def with_raw_response(self) -> FakeService:
        return self


class FakeCloud:
    @classmethod
    def from_env(cls, **options: Any) -> FakeCloud:
        return cls()

    def __enter__(self) -> FakeCloud:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    @property
    def fake(self) -> FakeService:
        return FakeService()


def parameter(name: str, kind: str = "str", *, where: str = "path", required: bool = True) -> dict[str, Any]:
    """One argument of a command table (the shape tools/command_table.py writes)."""
    return {
        "name": name,
        "spec_name": name if where in ("path", "query", "body") else None,
        "in": where,
        "kind": kind,
        "list": False,
        "model": None,
        "values": None,
        "required": required,
        "positional": where == "path",
        "description": "",
        "limits": {},
        "default": None if required else False,
    }


def operation(method: str, *arguments: dict[str, Any], **fields: Any) -> dict[str, Any]:
    entry = {
        "method": method,
        "operation_id": method,
        "http_method": "POST",
        "path": "/things/{thing_id}",
        "summary": method.replace("_", " ").capitalize() + ".",
        "description": "",
        "parameters": [parameter("thing_id"), *arguments],
        "missing_ok": False,
        "result": "model",
        "paginator": None,
        "waiters": [],
        "and_wait": None,
        "followed_by": [],
    }
    return {**entry, **fields}


FAKE_TABLE = {
    "package": "fake_things",
    "title": "A fake service",
    "wait_parameters": [parameter("timeout", "float", where="wait", required=False) | {"default": None}],
    "models": {},
    "operations": [
        operation(
            "stop_thing",
            parameter("force", "bool", where="query", required=False),
            and_wait={"method": "stop_thing_and_wait", "waiter": "stopped", "read": "show_thing"},
            followed_by=["stopped"],
        ),
        operation(
            "delete_thing",
            parameter("missing_ok", "bool", where="client", required=False),
            missing_ok=True,
            result="acknowledgement",
        ),
        operation(
            "show_thing",
            waiters=[
                {
                    "name": "stopped",
                    "method": "wait_until_stopped",
                    "begin": "begin_wait_until_stopped",
                    "after": "stop_thing",
                    "description": "Wait until a thing is stopped.",
                }
            ],
        ),
    ],
}
"""The command table of the fake service: what ``nox -s generate`` would write for it."""


def run_fake(*argv: str) -> int:
    CALLS.clear()
    return run(
        list(argv), services={"fake": "A fake service"}, load_cloud=lambda: FakeCloud, load_table=lambda _: FAKE_TABLE
    )


def test_wait_calls_the_and_wait_method(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_fake("fake", "stop-thing", "t1") == 0
    assert CALLS == [("stop_thing", ("t1",), {"force": False})]
    assert run_fake("fake", "stop-thing", "t1", "--force", "--wait", "--wait-timeout", "5") == 0
    assert CALLS == [("stop_thing_and_wait", ("t1",), {"force": True, "timeout": 5.0})]
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == [
        {"state": "stopping"},
        {"state": "stopped"},
    ]
    assert run_fake("fake", "stop-thing", "t1", "--wait-timeout", "5") == 2  # only with --wait
    assert json.loads(capsys.readouterr().err)["error"] == "UsageError"
    assert run_fake("fake", "stop-thing", "slow", "--wait") == 6
    assert json.loads(capsys.readouterr().err)["error"] == "ThingTimeoutError"


def test_missing_ok_waiters_and_and_wait_are_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_fake("fake", "delete-thing", "t1", "--missing-ok") == 0
    assert CALLS == [("delete_thing", ("t1",), {"missing_ok": True})]
    assert run_fake("fake", "wait-until-stopped", "t1", "--wait-timeout", "3") == 0
    assert CALLS == [("wait_until_stopped", ("t1",), {"timeout": 3.0})]
    assert run_fake("fake", "stop-thing-and-wait", "t1") == 0
    assert run_fake("fake", "with-raw-response") == 2  # properties are not commands
    assert run_fake("fake", "--help") == 0
    listed = capsys.readouterr().out
    assert {"stop-thing", "stop-thing-and-wait", "delete-thing", "wait-until-stopped"} <= set(listed.split())
    assert "with-raw-response" not in listed


def test_exit_codes_follow_the_class_hierarchy() -> None:
    assert exit_code_for(ThingTimeoutError("x")) == 6
    assert issubclass(WaiterTimeoutError, RequestTimeoutError)  # the runtime's own: a waiter's timeout is 6
    assert exit_code_for(KeyboardInterrupt()) == 130
    assert exit_code_for(RuntimeError("x")) == 8
    codes = [entry.code for entry in EXIT_CODES]
    assert codes == sorted(set(codes))


def test_exit_codes_match_the_runtime_classes_not_their_names() -> None:
    """A class named like a listed error, from anywhere else, is not that error: it is "anything unexpected"."""

    class NotFoundError(Exception):
        pass

    class RequestTimeoutError(RuntimeError):
        pass

    assert exit_code_for(NotFoundError("x")) == 8
    assert exit_code_for(RequestTimeoutError("x")) == 8
    assert exit_code_for(huaweicloud_jobs.RequestTimeoutError("x")) == 6


@pytest.mark.parametrize("argv", [["--help"], ["drs", "--help"], ["drs", "stop-job", "--help"]], ids=" ".join)
def test_help_starts_without_httpx_attrs_or_any_service(argv: list[str]) -> None:
    """The help of a service and of its commands reads the service's command table, and imports nothing more."""
    probe = (
        "import sys, contextlib, io\n"
        "from huaweicloud_jobs.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as shown:\n"
        f"    assert main({argv!r}) == 0\n"
        "assert 'usage:' in shown.getvalue()\n"
        "heavy = ('httpx', 'attrs', 'huaweicloud_jobs_core', 'huaweicloud_jobs_drs')\n"
        "loaded = [name for name in heavy if name in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, timeout=30)
