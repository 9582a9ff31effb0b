"""The public entry point (``huaweicloud_jobs.Cloud`` / ``AsyncCloud``) against a real local server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from urllib.parse import unquote

import pytest

from huaweicloud_jobs import (
    AsyncCloud,
    Cloud,
    Credentials,
    CredentialsError,
    EndpointError,
    InvalidParameterError,
    OperationFailedError,
    ProjectRequiredError,
)

from conftest import PROJECT_ID
from local_server import LocalServer, Reply

CREDENTIALS = Credentials(ak="AKTESTTESTTESTTEST00", sk="sk-test-secret", project_id=PROJECT_ID)
AOM_PROJECT = "0" * 32
JOB = "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"


@pytest.fixture
def cloud(server: LocalServer) -> Iterator[Cloud]:
    with Cloud(credentials=CREDENTIALS, endpoints=server.endpoints(), allow_http=True) as built:
        yield built


def assert_signed(server: LocalServer) -> None:
    headers = server.requests[-1].headers
    assert headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=AKTESTTESTTESTTEST00, SignedHeaders=")
    assert headers["X-Project-Id"] == PROJECT_ID
    assert len(headers["X-Sdk-Date"]) == 16


def test_drs_stop_job(cloud: Cloud, server: LocalServer) -> None:
    result = cloud.drs.stop_job(JOB, is_force_stop=True, x_language="zh-cn")
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", f"/v5/{PROJECT_ID}/jobs/{JOB}/stop")
    assert sent.json() == {"is_force_stop": True}
    assert sent.headers["X-Language"] == "zh-cn"
    assert_signed(server)
    assert result.status == "success"


def test_drs_failure_inside_200_raises(cloud: Cloud, server: LocalServer) -> None:
    server.enqueue(
        Reply(
            200,
            b'{"id": "j1", "status": "failed", "error_code": "DRS.10000010", "error_msg": "Job does not exist"}',
        )
    )
    with pytest.raises(OperationFailedError) as caught:
        cloud.drs.stop_job("j1")
    assert caught.value.error_code == "DRS.10000010"
    assert caught.value.status_code == 200
    assert caught.value.resource_id == "j1"


def test_dli_stop_jobs_returns_real_booleans_and_failures(cloud: Cloud, server: LocalServer) -> None:
    result = cloud.dli.stop_jobs([128, 137], trigger_savepoint=False)
    assert server.requests[-1].json() == {"job_ids": [128, 137], "trigger_savepoint": False}
    assert [item.is_success for item in result] == [True]
    assert result.all_succeeded
    server.enqueue(
        Reply(
            200,
            b'[{"is_success": "true", "message": "ok"}, {"is_success": false, "message": "job 137 is not running"}]',
        )
    )
    mixed = cloud.dli.stop_jobs([128, 137])
    assert [item.message for item in mixed.failures] == ["job 137 is not running"]
    with pytest.raises(Exception, match="1 of 2 batch items failed"):
        mixed.raise_for_failures()


def test_lakeformation_stop_is_accepted_and_delete_has_request_id(cloud: Cloud, server: LocalServer) -> None:
    stopped = cloud.lakeformation.stop_job("inst-1", "job-1")
    assert stopped.accepted and stopped.status_code == 202
    assert stopped.request_id == "local-1"
    deleted = cloud.lakeformation.delete_job("inst-1", JOB)
    assert server.requests[-1].method == "DELETE"
    assert deleted.request_id == "req-x-request-id"
    assert not deleted.accepted


def test_aom_terminate_execution(server: LocalServer) -> None:
    with Cloud(credentials=CREDENTIALS, project_id=AOM_PROJECT, endpoints=server.endpoints(), allow_http=True) as cloud:
        result = cloud.aom.terminate_execution("wf-1", "ex-1")
    sent = server.requests[-1]
    assert sent.path == f"/v1/{AOM_PROJECT}/cms/workflow/wf-1/executions/ex-1/terminate"
    assert sent.headers["Content-Type"] == "application/json"
    assert result.result == "success"


def test_async_cloud_calls_every_operation(server: LocalServer) -> None:
    async def run() -> None:
        async with AsyncCloud(credentials=CREDENTIALS, endpoints=server.endpoints(), allow_http=True) as cloud:
            assert (await cloud.drs.stop_job(JOB)).status == "success"
            assert (await cloud.dli.stop_jobs([1]))[0].is_success is True
            assert (await cloud.lakeformation.stop_job("i", "j")).accepted
            assert (await cloud.lakeformation.delete_job("i", JOB)).request_id == "req-x-request-id"
            assert (await cloud.with_options(timeout=5).aom.terminate_execution("wf", "ex")).result == "success"

    asyncio.run(run())
    operations = ["stop_job", "stop_jobs", "stop_job", "delete_job", "terminate_execution"]
    assert [r.operation for r in server.requests] == operations
    assert all(r.headers["Authorization"].startswith("SDK-HMAC-SHA256") for r in server.requests)


def test_one_connection_pool_per_service_is_reused(cloud: Cloud, server: LocalServer) -> None:
    cloud.drs.stop_job("a")
    cloud.drs.stop_job("b")
    assert cloud.drs is cloud.drs
    assert len(cloud._clients) == 1


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda c: c.dli.stop_jobs([1, True]), "job_ids[1]"),
        (lambda c: c.dli.stop_jobs([1.0]), "job_ids[0]"),
        (lambda c: c.dli.stop_jobs([2**63]), "job_ids[0]"),
        (lambda c: c.dli.stop_jobs("128"), "job_ids"),
        (lambda c: c.drs.stop_job("j", x_language="fr-fr"), "X-Language"),
        (lambda c: c.drs.stop_job("j", is_force_stop="yes"), "is_force_stop"),
        (lambda c: c.drs.stop_job("."), "job_id"),
        (lambda c: c.drs.stop_job(".."), "job_id"),
        (lambda c: c.drs.stop_job(""), "job_id"),
        (lambda c: c.drs.stop_job(42), "job_id"),
        (lambda c: c.lakeformation.delete_job("i", "too-short"), "job_id"),
    ],
)
def test_bad_input_is_rejected_before_sending(
    cloud: Cloud, server: LocalServer, call: Callable[[Cloud], object], parameter: str
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        call(cloud)
    assert caught.value.parameter == parameter
    assert server.requests == []


def test_aom_limits_come_from_the_spec(server: LocalServer) -> None:
    short_project = Credentials(ak="AKTESTTESTTESTTEST00", sk="s", project_id="proj-123")
    short_cloud = Cloud(credentials=short_project, endpoints=server.endpoints(), allow_http=True)
    with short_cloud as cloud, pytest.raises(InvalidParameterError, match="must be exactly 32 characters, got 8"):
        cloud.aom.terminate_execution("wf", "ex")
    with Cloud(credentials=CREDENTIALS, project_id=AOM_PROJECT, endpoints=server.endpoints(), allow_http=True) as cloud:
        with pytest.raises(InvalidParameterError, match="workflow_id: must be 1 to 64 characters, got 65"):
            cloud.aom.terminate_execution("w" * 65, "ex")
        cloud.aom.terminate_execution("w" * 64, "e")
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "job_id", ["a/b", "../x", "a?b=c", "a#frag", "with space", "ünïcødé-作业", "%2F", "a+b", "~._-"]
)
def test_ids_never_change_the_route(cloud: Cloud, server: LocalServer, job_id: str) -> None:
    cloud.drs.stop_job(job_id)
    sent = server.requests[-1]
    prefix, suffix = f"/v5/{PROJECT_ID}/jobs/", "/stop"
    assert sent.path.startswith(prefix) and sent.path.endswith(suffix)
    encoded = sent.path[len(prefix) : -len(suffix)]
    assert "/" not in encoded and "?" not in encoded and "#" not in encoded
    assert unquote(encoded) == job_id


def test_project_id_is_required_once_not_per_call(server: LocalServer) -> None:
    with (
        Cloud(
            credentials=Credentials(ak="AKTESTTESTTESTTEST00", sk="s"),
            endpoints=server.endpoints(),
            allow_http=True,
        ) as cloud,
        pytest.raises(ProjectRequiredError, match="HUAWEICLOUD_SDK_PROJECT_ID"),
    ):
        cloud.drs.stop_job("j")
    assert server.requests == []


def test_from_env_reads_the_official_variables(server: LocalServer) -> None:
    environ = {
        "HUAWEICLOUD_SDK_AK": "AKFROMENVIRONMENT000",
        "HUAWEICLOUD_SDK_SK": "secret",
        "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT_ID,
        "HUAWEICLOUD_JOBS_DRS_ENDPOINT": server.base_url,
    }
    with Cloud.from_env(region="cn-north-4", environ=environ, allow_http=True) as cloud:
        cloud.drs.stop_job("j")
    assert "Access=AKFROMENVIRONMENT000" in server.requests[-1].headers["Authorization"]


def test_missing_credentials_fail_when_building() -> None:
    with pytest.raises(CredentialsError, match="HUAWEICLOUD_SDK_SK"):
        Cloud.from_env(region="cn-north-4", environ={"HUAWEICLOUD_SDK_AK": "AKONLY00000000000000"})
    with pytest.raises(CredentialsError, match="no authentication"):
        Cloud(region="cn-north-4")


def test_static_token_is_sent_instead_of_a_signature(server: LocalServer) -> None:
    with Cloud(token="tok-123", project_id=PROJECT_ID, endpoints=server.endpoints(), allow_http=True) as cloud:
        cloud.drs.stop_job("j")
    headers = server.requests[-1].headers
    assert headers["X-Auth-Token"] == "tok-123"
    assert "Authorization" not in headers
    assert "tok-123" not in repr(cloud)


@pytest.mark.parametrize(
    ("cloud_name", "region", "service", "expected"),
    [
        ("huaweicloud", "cn-north-4", "drs", "https://drs.cn-north-4.myhuaweicloud.com"),
        ("huaweicloud", "ap-southeast-1", "aom", "https://aom.ap-southeast-1.myhuaweicloud.com"),
        ("huaweicloud", "eu-west-101", "dli", "https://dli.eu-west-101.myhuaweicloud.eu"),
        ("otc", "eu-de", "dli", "https://dli.eu-de.otc.t-systems.com"),
        ("otc", "eu-nl", "drs", "https://drs.eu-nl.otc.t-systems.com"),
        ("otc", "eu-ch2", "drs", "https://drs.eu-ch2.sc.otc.t-systems.com"),
    ],
)
def test_endpoint_from_region(cloud_name: str, region: str, service: str, expected: str) -> None:
    with Cloud(credentials=CREDENTIALS, region=region, cloud=cloud_name, environ={}) as cloud:
        assert cloud.base_url(service) == expected


def test_endpoint_overrides_and_http_opt_in() -> None:
    environ = {"HUAWEICLOUD_JOBS_DRS_ENDPOINT": "https://drs.internal.example"}
    with Cloud(
        credentials=CREDENTIALS,
        region="cn-north-4",
        environ=environ,
        endpoints={"aom": "https://aom.private/"},
    ) as cloud:
        assert cloud.base_url("drs") == "https://drs.internal.example"
        assert cloud.base_url("aom") == "https://aom.private"
        assert cloud.base_url("dli") == "https://dli.cn-north-4.myhuaweicloud.com"
    plain_http = Cloud(credentials=CREDENTIALS, endpoints={"drs": "http://127.0.0.1:1"}, environ={})
    with plain_http as cloud, pytest.raises(EndpointError, match="allow_http=True"):
        cloud.base_url("drs")
    with Cloud(credentials=CREDENTIALS, environ={}) as cloud, pytest.raises(EndpointError, match="region"):
        cloud.base_url("drs")
    with pytest.raises(EndpointError, match="unknown cloud"):
        Cloud(credentials=CREDENTIALS, cloud="azure")


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"credentials": "AK:SK"}, "invalid credentials: must be a Credentials"),
        ({"credentials": CREDENTIALS, "retry": 3}, "invalid retry: must be a RetryPolicy"),
        ({"credentials": CREDENTIALS, "region": 4}, "invalid region: must be a string"),
        ({"credentials": CREDENTIALS, "endpoints": ["http://x"]}, "invalid endpoints: must be a mapping"),
        ({"token": b"bytes-token"}, "invalid token: must be a string"),
    ],
)
def test_settings_of_the_wrong_type_are_named(settings: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        Cloud(**settings)  # type: ignore[arg-type]
