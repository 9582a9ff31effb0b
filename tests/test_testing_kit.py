"""The testing kit itself: both modes, recording, gateway-like refusals, error injection, spec coverage."""

from __future__ import annotations

import asyncio
import ssl
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

import huaweicloud_jobs.testing
import huaweicloud_jobs_core.testing
from huaweicloud_jobs import AsyncCloud, Cloud, IssuedToken, RetryPolicy, ServerError
from huaweicloud_jobs.testing import VANISHED, FakeCloud, FakeTime, installed_services

from conftest import PROJECT_ID
from loopback_tls import HAVE_OPENSSL, make_certificates, server_context
from spec_operations import SpecOperation, argument_name, call_arguments, load_operations, path_parameters, table_entry

ROOT = Path(__file__).resolve().parent.parent
SPECS = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "openapi").glob("*.yaml"))
}
DRS = f"https://drs.cn-north-4.myhuaweicloud.com/v5/{PROJECT_ID}/jobs"
DLI = f"https://dli.cn-north-4.myhuaweicloud.com/v1.0/{PROJECT_ID}/streaming/jobs"
AUTH = {"X-Auth-Token": "t"}
OPERATIONS = {(operation.service, operation.operation_id): operation for operation in load_operations()}


def declared_waiters() -> dict[str, set[tuple[str, str, str]]]:
    """(read operation, waiter, after) of every x-waiters block in openapi/, per service."""
    found: dict[str, set[tuple[str, str, str]]] = {}
    for service, document in SPECS.items():
        for item in document["paths"].values():
            for operation in item.values():
                if not isinstance(operation, dict):
                    continue
                for response in operation.get("responses", {}).values():
                    for name, waiter in response.get("x-waiters", {}).items():
                        found.setdefault(service, set()).add((operation["operationId"], name, waiter["after"]))
    return found


def client(fake: FakeCloud) -> httpx.Client:
    return httpx.Client(transport=fake.transport(), headers=AUTH)


# -- spec coverage -----------------------------------------------------------------------------------


def test_the_umbrella_reexports_the_kit() -> None:
    assert huaweicloud_jobs.testing.__all__ == huaweicloud_jobs_core.testing.__all__
    for name in huaweicloud_jobs_core.testing.__all__:
        assert getattr(huaweicloud_jobs.testing, name) is getattr(huaweicloud_jobs_core.testing, name)


def test_every_spec_is_an_installed_service_of_the_fake() -> None:
    assert set(installed_services()) == set(SPECS)
    assert set(FakeCloud().services) == set(SPECS)


def test_every_declared_waiter_is_covered_automatically() -> None:
    fake = FakeCloud()
    covered = {
        service: {(route.read, route.waiter, route.stop) for route in fake.waiters(service)}
        for service in fake.services
    }
    assert {service: routes for service, routes in covered.items() if routes} == declared_waiters()
    assert declared_waiters(), "no spec declares a waiter any more?"


@pytest.mark.parametrize("service", sorted(declared_waiters()))
def test_each_waiter_runs_stop_and_wait_against_the_fake(service: str) -> None:
    """Derived from the spec: a job in a neutral state, stopped, then polled into the first success state."""
    fake = FakeCloud()
    clock = FakeTime()
    for route in fake.waiters(service):
        success = sorted(route.success)[0]
        job = fake.add_job(service, 42, states=["some_running_state"], after_stop=["some_stopping_state", success])
        with Cloud(
            token="t", project_id=PROJECT_ID, region="cn-north-4", transport=fake.transport(), sleep=clock.sleep
        ) as cloud:
            api = getattr(cloud, service)
            read, stop = OPERATIONS[service, route.read], OPERATIONS[service, str(route.stop)]
            ids = [job_id(parameter.get("schema", {})) for parameter in path_parameters(read)]
            # The stop's documented inputs, its job (a path id, or a batch's one-item array) this one.
            batch = {name: [job_id(schema.get("items", {}))] for name, schema in body_arrays(stop).items()}
            chosen = {parameter["name"]: job_id(parameter.get("schema", {})) for parameter in path_parameters(stop)}
            overrides = {argument_name(stop, name): value for name, value in {**chosen, **batch}.items()}
            positional, keywords = call_arguments(api, stop, overrides)
            entry = table_entry(stop)
            if entry["and_wait"]:
                result = getattr(api, entry["and_wait"]["method"])(*positional, **keywords)
            else:
                getattr(api, entry["method"])(*positional, **keywords)
                result = getattr(api, f"wait_until_{route.waiter}")(*ids)
        value: Any = result
        for part in route.state:
            value = getattr(value, part)
        assert value == success
        assert job.stopped and job.reads == 2
        assert [r.operation for r in fake.requests] == [route.stop, route.read, route.read]


def job_id(schema: dict[str, Any]) -> int | str:
    """The fake job's id (42) as a parameter of this schema takes it."""
    return 42 if schema.get("type") == "integer" else "42"


def body_arrays(operation: SpecOperation) -> dict[str, dict[str, Any]]:
    """The array properties of an operation's JSON body (a batch stop's ids), by name."""
    body = (operation.request_body or {}).get("content", {}).get("application/json", {})
    properties = body.get("schema", {}).get("properties", {})
    return {name: schema for name, schema in properties.items() if schema.get("type") == "array"}


# -- the state machine ------------------------------------------------------------------------------------


def test_script_advances_only_after_a_stop() -> None:
    fake = FakeCloud(["drs"])
    job = fake.add_job("drs", "j", states=["A", "B"], after_stop=["C", "D"])
    with client(fake) as http:
        read = [http.get(f"{DRS}/j", params={"type": "overview"}).json()["job"]["status"] for _ in range(3)]
        assert read == ["A", "B", "B"]
        assert http.post(f"{DRS}/j/stop", json={}).status_code == 200
        read = [http.get(f"{DRS}/j", params={"type": "overview"}).json()["job"]["status"] for _ in range(3)]
        assert read == ["C", "D", "D"]
    assert job.stops == 1 and job.reads == 6 and job.state == "D"


def test_stop_answer_is_the_documented_example_with_the_id() -> None:
    fake = FakeCloud(["drs"])
    fake.add_job("drs", "j", states=["RUNNING"])
    with client(fake) as http:
        assert http.post(f"{DRS}/j/stop", json={"is_force_stop": True}).json() == {"status": "success", "id": "j"}


def test_vanishing_job_and_deletes_answer_what_the_service_says() -> None:
    fake = FakeCloud(["drs", "lakeformation", "aom"])
    fake.add_job("drs", "j", states=["RUNNING"], after_stop=[VANISHED])
    unknown_task = {"error_code": "DRS.10000010", "error_msg": "Job does not exist, please check job id."}
    with client(fake) as http:
        http.post(f"{DRS}/j/stop", json={})
        gone = http.get(f"{DRS}/j", params={"type": "overview"})  # DRS: 400 DRS.10000010 (the waiter's not_found_codes)
        assert (gone.status_code, gone.json()) == (400, unknown_task)
        fake.add_job("drs", "k", states=["RUNNING"])
        fake.remove_job("drs", "k")
        assert http.get(f"{DRS}/k", params={"type": "overview"}).json() == unknown_task
        aom = f"https://aom.cn-north-4.myhuaweicloud.com/v1/{PROJECT_ID}/cms/workflow/w/executions/e/status"
        assert http.get(aom).status_code == 404  # a service whose waiter declares no code: 404
        job_id = "0" * 36
        url = f"https://lakeformation.cn-north-4.myhuaweicloud.com/v1/{PROJECT_ID}/instances/i/lf-jobs/{job_id}"
        fake.add_job("lakeformation", job_id, states=["RUNNING"])
        assert http.delete(url).status_code == 200
        missing = http.delete(url)
        assert missing.status_code == 404
        assert (
            missing.json()
            == SPECS["lakeformation"]["components"]["responses"]["NotFound"]["content"]["application/json"]["examples"][
                "not_found"
            ]["value"]
        )


def test_batch_stop_answers_one_item_per_id() -> None:
    fake = FakeCloud(["dli"])
    fake.add_job("dli", 1, states=["job_running"], after_stop=["job_canceling"])
    fake.add_job("dli", 2, states=["job_cancel_success"])
    with client(fake) as http:
        items = http.post(f"{DLI}/stop", json={"job_ids": [1, 2, 3]}).json()
    assert [item["is_success"] for item in items] == ["true", False, False]
    assert fake.job("dli", 1).stopped and not fake.job("dli", 2).stopped


# -- what the gateway refuses ------------------------------------------------------------------------------


def test_unknown_path_or_method_is_the_gateways_404() -> None:
    fake = FakeCloud()
    with client(fake) as http:
        for response in (http.get(f"{DRS}/j/unknown"), http.put(f"{DRS}/j", json={}), http.get("https://x.invalid/")):
            assert response.status_code == 404
            assert response.json()["error_code"] == "APIGW.0101"
    assert all(request.operation is None for request in fake.requests)


def test_missing_required_parameter_is_a_400_shaped_like_the_service() -> None:
    fake = FakeCloud(["drs", "aom"])
    fake.add_job("drs", "j", states=["RUNNING"])
    with client(fake) as http:
        no_type = http.get(f"{DRS}/j")  # `type` is a required query parameter
        assert no_type.status_code == 400
        assert set(no_type.json()) == {"error_code", "error_msg"} and "type" in no_type.json()["error_msg"]
        bad_enum = http.get(f"{DRS}/j", params={"type": "everything"})
        assert bad_enum.status_code == 400 and "type" in bad_enum.json()["error_msg"]
        short_project = "https://aom.cn-north-4.myhuaweicloud.com/v1/short/cms/workflow/w/executions/e/terminate"
        aom = http.post(short_project, headers={"Content-Type": "application/json"})
        assert aom.status_code == 400
        assert set(aom.json()) == {"error_code", "error_msg", "http_code"} and aom.json()["http_code"] == 400


def test_body_that_breaks_the_schema_is_a_400() -> None:
    fake = FakeCloud(["dli", "drs"])
    with client(fake) as http:
        assert http.post(f"{DLI}/stop", json={"trigger_savepoint": True}).status_code == 400  # job_ids required
        assert http.post(f"{DLI}/stop", json={"job_ids": ["a"]}).status_code == 400
        assert http.post(f"{DLI}/stop", content=b"{not json").status_code == 400
        assert http.post(f"{DRS}/j/stop", json={"is_force_stop": "yes"}).status_code == 400
        assert http.post(f"{DRS}/j/stop").status_code == 400  # body required
    assert [request.status for request in fake.requests] == [400] * 5


def test_path_parameter_of_the_wrong_type_is_a_400() -> None:
    fake = FakeCloud(["dli"])
    with client(fake) as http:
        assert http.get(f"{DLI}/not-a-number").status_code == 400


def test_request_without_credentials_is_a_401() -> None:
    fake = FakeCloud(["drs"])
    with httpx.Client(transport=fake.transport()) as http:
        assert http.get(f"{DRS}/j", params={"type": "overview"}).status_code == 401
    assert FakeCloud(["drs"], require_auth=False).handle("GET", f"{DRS}/j?type=overview", {}, b"")[0] == 400


# -- injection and recording ----------------------------------------------------------------------------------


def test_fail_next_injects_errors_without_acting() -> None:
    fake = FakeCloud(["drs"])
    job = fake.add_job("drs", "j", states=["RUNNING"], after_stop=["STOPPING"])
    fake.fail_next("drs", "stop_job", status=503, times=2)
    with client(fake) as http:
        statuses = [http.post(f"{DRS}/j/stop", json={}).status_code for _ in range(3)]
    assert statuses == [503, 503, 200] and job.stops == 1
    with pytest.raises(ValueError, match="no operation"):
        fake.fail_next("drs", "nope")
    with pytest.raises(ValueError, match="unknown service"):
        fake.fail_next("ecs", "stop_job")


def test_injected_errors_reach_the_client_after_its_retries() -> None:
    fake = FakeCloud(["drs"])
    fake.add_job("drs", "j", states=["RUNNING"])
    fake.fail_next("drs", "show_job", status=503, times=5)
    clock = FakeTime()
    policy = RetryPolicy(max_attempts=3)
    with Cloud(
        token="t",
        project_id=PROJECT_ID,
        region="cn-north-4",
        transport=fake.transport(),
        sleep=clock.sleep,
        retry=policy,
    ) as cloud:
        with pytest.raises(ServerError):
            cloud.drs.show_job("j", type_="overview")
        assert cloud.drs.show_job("j", type_="overview").job is not None  # 2 faults left, 3 attempts
    assert [request.status for request in fake.requests] == [503, 503, 503, 503, 503, 200]


def test_requests_are_recorded() -> None:
    fake = FakeCloud(["dli"])
    fake.add_job("dli", 7, states=["job_running"])
    with client(fake) as http:
        http.post(f"{DLI}/stop", json={"job_ids": [7]}, headers={"X-Trace": "abc"})
    (request,) = fake.requests
    assert request.method == "POST" and request.path == f"/v1.0/{PROJECT_ID}/streaming/jobs/stop"
    assert request.service == "dli" and request.operation == "stop_jobs" and request.status == 200
    assert request.json == {"job_ids": [7]} and request.headers["x-trace"] == "abc"
    fake.reset()
    assert fake.requests == [] and fake.job("dli", 7).stopped


class _Slept:
    """Stands in for the kit's ``time`` or ``asyncio`` module: records what is slept, sleeps nothing."""

    def __init__(self, module: Any) -> None:
        self._module = module
        self.seconds: list[float] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def sleep(self, seconds: float) -> Any:
        self.seconds.append(seconds)
        return asyncio.sleep(0) if self._module is asyncio else None


def test_latency_delays_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault's delay is slept before its answer, in the sync and the asyncio transport (recorded, not timed)."""
    kit = huaweicloud_jobs_core.testing
    slept_sync, slept_async = _Slept(time), _Slept(asyncio)
    monkeypatch.setattr(kit, "time", slept_sync)
    monkeypatch.setattr(kit, "asyncio", slept_async)
    fake = FakeCloud(["drs"])
    fake.add_job("drs", "j", states=["RUNNING"])
    fake.fail_next("drs", "show_job", status=500, delay=0.05)
    with client(fake) as http:
        assert http.get(f"{DRS}/j", params={"type": "overview"}).status_code == 500
        assert http.get(f"{DRS}/j", params={"type": "overview"}).status_code == 200  # the next one: no delay
    assert slept_sync.seconds == [0.05]

    async def twice() -> list[int]:
        async with httpx.AsyncClient(transport=fake.transport(), headers=AUTH) as http:
            answers = [await http.get(f"{DRS}/j", params={"type": "overview"}) for _ in range(2)]
        return [answer.status_code for answer in answers]

    fake.fail_next("drs", "show_job", status=503, delay=0.25)
    assert asyncio.run(twice()) == [503, 200]
    assert slept_async.seconds == [0.25] and slept_sync.seconds == [0.05]


# -- the two modes ------------------------------------------------------------------------------------------


def test_async_cloud_through_the_transport() -> None:
    fake = FakeCloud()
    fake.add_job("aom", "e", states=["executing"], after_stop=["canceling", "cancel"])
    clock = FakeTime()

    async def run() -> Any:
        async with AsyncCloud(
            token="t",
            project_id=PROJECT_ID,
            region="cn-north-4",
            transport=fake.transport(),
            sleep=clock.async_sleep,
            clock=clock.clock,
        ) as cloud:
            return await cloud.aom.terminate_execution_and_wait("w", "e")

    result = asyncio.run(run())
    assert result.status == "cancel" and result.execution_id == "e" and result.workflow_id == "w"
    assert clock.sleeps and clock.now == sum(clock.sleeps)


def test_serve_mode_is_a_real_loopback_server() -> None:
    fake = FakeCloud()
    fake.add_job("drs", "j", states=["RUNNING"], after_stop=["RELEASE_RESOURCE_COMPLETE"])
    with pytest.raises(RuntimeError):
        fake.endpoints()
    with fake.serve() as url:
        assert url.startswith("http://127.0.0.1:")
        # code that builds its own client: plain paths are routed by the documents
        with httpx.Client(base_url=url, headers=AUTH) as http:
            assert http.get(f"/v5/{PROJECT_ID}/jobs/j", params={"type": "overview"}).status_code == 200
            assert http.get("/nowhere").status_code == 404
        with Cloud(
            token="t", project_id=PROJECT_ID, endpoints=fake.endpoints(), allow_http=True, sleep=lambda s: None
        ) as cloud:
            result = cloud.drs.stop_job_and_wait("j")
    assert getattr(getattr(result, "job", None), "status", None) == "RELEASE_RESOURCE_COMPLETE"
    assert [request.operation for request in fake.requests] == ["show_job", None, "stop_job", "show_job"]


@pytest.mark.skipif(not HAVE_OPENSSL, reason="the openssl command is not installed")
def test_serve_mode_speaks_tls_with_a_server_context(tmp_path: Path) -> None:
    """For code that refuses plain http (a cloud without allow_http=True, the command line)."""
    pki = make_certificates(tmp_path)
    fake = FakeCloud(["drs"])
    fake.add_job("drs", "j", states=["RUNNING"], after_stop=["RELEASE_RESOURCE_COMPLETE"])
    with fake.serve(ssl_context=server_context(pki)) as url:
        assert url.startswith("https://127.0.0.1:")
        trusted = ssl.create_default_context(cafile=str(pki / "ca.pem"))
        with httpx.Client(base_url=url, headers=AUTH, verify=trusted) as http:
            assert http.get(f"/v5/{PROJECT_ID}/jobs/j", params={"type": "overview"}).status_code == 200
        plain = httpx.Client(base_url=url.replace("https:", "http:"), headers=AUTH)
        with plain, pytest.raises(httpx.TransportError):
            plain.get(f"/v5/{PROJECT_ID}/jobs/j", params={"type": "overview"})
        # https: no allow_http needed
        with Cloud(token="t", project_id=PROJECT_ID, endpoints=fake.endpoints(), verify=str(pki / "ca.pem")) as cloud:
            assert cloud.drs.stop_job_and_wait("j") is not None
    assert fake.job("drs", "j").stopped


def test_required_response_headers_are_sent() -> None:
    """IAM's create_token answers its token in the X-Subject-Token header the document marks required."""
    from huaweicloud_jobs_iam.models import Auth

    body = SPECS["iam"]["paths"]["/v3/auth/tokens"]["post"]["requestBody"]["content"]["application/json"]
    auth = Auth.from_dict(next(iter(body["examples"].values()))["value"]["auth"])
    with Cloud(
        token="t", project_id=PROJECT_ID, region="cn-north-4", transport=FakeCloud(["iam"]).transport()
    ) as cloud:
        issued = cloud.iam.create_token(auth)
    assert isinstance(issued, IssuedToken)
    assert issued.subject_token == "fake-x-subject-token"
    assert issued.token.expires_at


def test_serve_mode_resets_the_connection_after_acting() -> None:
    fake = FakeCloud(["lakeformation"])
    job_id = "1" * 36
    fake.add_job("lakeformation", job_id, states=["RUNNING"])
    fake.fail_next("lakeformation", "delete_job", reset=True)
    with fake.serve() as url, httpx.Client(base_url=url, headers=AUTH) as http:
        with pytest.raises(httpx.TransportError):
            http.delete(f"/v1/{PROJECT_ID}/instances/i/lf-jobs/{job_id}")
        assert http.delete(f"/v1/{PROJECT_ID}/instances/i/lf-jobs/{job_id}").status_code == 404
    assert fake.job("lakeformation", job_id).deleted


def test_add_job_checks_its_arguments() -> None:
    fake = FakeCloud(["drs"])
    with pytest.raises(ValueError):
        fake.add_job("drs", "j", states=[])
    with pytest.raises(TypeError):
        fake.add_job("drs", "j", states="RUNNING")
    with pytest.raises(ValueError, match="unknown service"):
        fake.add_job("dli", 1, states=["job_running"])
    with pytest.raises(ValueError, match="no installed package"):
        FakeCloud(["ecs"])


def test_fake_time() -> None:
    clock = FakeTime(100)
    clock.sleep(2.5)
    asyncio.run(clock.async_sleep(1))
    assert clock.clock() == 103.5 and clock.sleeps == [2.5, 1]
