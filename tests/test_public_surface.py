"""What the layering gives users: raw responses, the httpx transport seam, IAM tokens, explain()."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import httpx
import pytest

from huaweicloud_jobs import (
    Acknowledgement,
    AsyncCloud,
    ClientClosedError,
    Cloud,
    Credentials,
    InvalidParameterError,
    IssuedToken,
    NotFoundError,
    RawResponse,
    UnexpectedStatusError,
)

PROJECT_ID = "054ba152d480d55b2f5dc0069e7ddef0"
CREDENTIALS = Credentials(ak="AKTESTTESTTESTTEST00", sk="sk-test-secret", project_id=PROJECT_ID)


class Recorder:
    """An httpx.MockTransport handler that answers from a script and records what it was sent."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answers.pop(0)


def mock_cloud(recorder: Recorder) -> Cloud:
    return Cloud(credentials=CREDENTIALS, region="cn-north-4", transport=httpx.MockTransport(recorder))


def test_mock_transport_runs_a_signed_call_without_sockets() -> None:
    recorder = Recorder(httpx.Response(200, json={"status": "success"}, headers={"X-Request-Id": "r-1"}))
    with mock_cloud(recorder) as cloud:
        assert cloud.drs.stop_job("job-1", is_force_stop=True).status == "success"
    (sent,) = recorder.requests
    assert str(sent.url) == f"https://drs.cn-north-4.myhuaweicloud.com/v5/{PROJECT_ID}/jobs/job-1/stop"
    assert json.loads(sent.content) == {"is_force_stop": True}
    assert sent.headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=AKTESTTESTTESTTEST00")


def test_mock_transport_works_for_asyncio_too() -> None:
    recorder = Recorder(httpx.Response(202))

    async def run() -> Acknowledgement:
        async with AsyncCloud(
            credentials=CREDENTIALS, region="cn-north-4", transport=httpx.MockTransport(recorder)
        ) as cloud:
            return await cloud.lakeformation.stop_job("instance-1", "job-1")

    assert asyncio.run(run()).accepted


def test_raw_response_carries_status_headers_request_id_and_the_parsed_result() -> None:
    recorder = Recorder(
        httpx.Response(200, json={"status": "success"}, headers={"X-Request-Id": "r-2", "X-Extra": "x"})
    )
    with mock_cloud(recorder) as cloud:
        raw = cloud.drs.with_raw_response.stop_job("job-1")
    assert isinstance(raw, RawResponse)
    assert (raw.status_code, raw.request_id, raw.header("x-extra")) == (200, "r-2", "x")
    assert raw.parsed.status == "success"
    assert "r-2" in repr(raw) and "X-Extra" not in repr(raw)  # headers may hold secrets: not shown


def test_a_documented_request_id_header_is_read_for_results_and_errors_alike() -> None:
    recorder = Recorder(
        httpx.Response(200, headers={"X-request-id": "delete-1"}),
        httpx.Response(404, json={"error_code": "LF.404", "error_msg": "gone"}, headers={"X-request-id": "delete-2"}),
    )
    with mock_cloud(recorder) as cloud:
        assert (
            cloud.lakeformation.delete_job("instance-1", "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r").request_id
            == "delete-1"
        )
        with pytest.raises(NotFoundError) as caught:
            cloud.lakeformation.delete_job("instance-1", "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r")
    assert caught.value.request_id == "delete-2"


def test_an_undocumented_success_status_is_unexpected() -> None:
    recorder = Recorder(httpx.Response(204))
    with mock_cloud(recorder) as cloud, pytest.raises(UnexpectedStatusError, match="undocumented success status"):
        cloud.drs.stop_job("job-1")


def test_a_closed_cloud_says_so() -> None:
    recorder = Recorder(httpx.Response(200, json={"status": "success"}))
    cloud = mock_cloud(recorder)
    service = cloud.drs
    cloud.close()
    with pytest.raises(ClientClosedError, match="closed"):
        service.stop_job("job-1")


def test_iam_create_token_returns_the_token_from_the_header() -> None:
    body = {"token": {"expires_at": "2026-11-24T09:30:00.000000Z", "methods": ["password"]}}
    recorder = Recorder(httpx.Response(201, json=body, headers={"X-Subject-Token": "MIIsubject-token"}))
    with mock_cloud(recorder) as cloud:
        from huaweicloud_jobs_iam.models import (
            Auth,
            Identity,
            NamedDomain,
            PasswordIdentity,
            ProjectScope,
            Scope,
            User,
        )

        password = PasswordIdentity(user=User(name="u", password="p-secret", domain=NamedDomain(name="d")))
        auth = Auth(
            identity=Identity(methods=["password"], password=password), scope=Scope(project=ProjectScope(id=PROJECT_ID))
        )
        issued = cloud.iam.create_token(auth, nocatalog="true")
    assert isinstance(issued, IssuedToken)
    assert issued.subject_token == "MIIsubject-token"
    assert issued.expires_at == datetime(2026, 11, 24, 9, 30, tzinfo=UTC).timestamp()
    assert "MIIsubject-token" not in repr(issued)


def test_an_http_client_of_yours_is_used_and_left_open() -> None:
    recorder = Recorder(httpx.Response(200, json={"status": "success"}))
    with httpx.Client(transport=httpx.MockTransport(recorder)) as client:
        with Cloud(credentials=CREDENTIALS, region="cn-north-4", http_client=client) as cloud:
            cloud.drs.stop_job("job-1")
        assert not client.is_closed
    assert recorder.requests[0].headers["Authorization"].startswith("SDK-HMAC-SHA256")


def test_the_wrong_kind_of_transport_is_a_clear_error() -> None:
    with pytest.raises(InvalidParameterError, match="transport"):
        Cloud(credentials=CREDENTIALS, region="cn-north-4", transport="not a transport")  # type: ignore[arg-type]


def test_explain_names_endpoints_and_credential_sources_without_secrets() -> None:
    environ = {
        "HUAWEICLOUD_SDK_AK": "AKEXPLAINEXPLAIN0000",
        "HUAWEICLOUD_SDK_SK": "explain-secret-key",
        "HUAWEICLOUD_SDK_PROJECT_ID": PROJECT_ID,
        "HUAWEICLOUD_JOBS_DRS_ENDPOINT": "https://drs.example.test",
    }
    with Cloud.from_env(region="cn-north-4", environ=environ) as cloud:
        lines = cloud.explain()
    text = "\n".join(lines)
    assert "drs: https://drs.example.test from HUAWEICLOUD_JOBS_DRS_ENDPOINT" in text
    assert "dli: https://dli.cn-north-4.myhuaweicloud.com" in text
    assert any(line.startswith("credentials:") and "chosen" in line for line in lines)
    assert "explain-secret-key" not in text and "explain-secret-key" not in repr(cloud)


def test_fields_the_spec_declares_secret_are_masked_in_model_reprs() -> None:
    from huaweicloud_jobs_iam.models import Credential, NamedDomain, User

    credential = Credential(
        access="AKVISIBLE", secret="sk-never-shown", securitytoken="token-never-shown", expires_at="t"
    )
    user = User(name="alice", password="password-never-shown", domain=NamedDomain(name="d"))
    shown = repr(credential) + str(credential) + repr(user) + f"{user}"
    assert "AKVISIBLE" in shown and "alice" in shown
    for secret in ("sk-never-shown", "token-never-shown", "password-never-shown"):
        assert secret not in shown


def test_an_unreachable_endpoint_moves_on_to_the_next_one() -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        if request.url.host == "drs-a.example.test":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json={"status": "success"})

    endpoints = {"drs": ["https://drs-a.example.test", "https://drs-b.example.test"]}
    with Cloud(credentials=CREDENTIALS, endpoints=endpoints, transport=httpx.MockTransport(answer)) as cloud:
        assert cloud.drs.stop_job("job-1").status == "success"
    assert seen == ["drs-a.example.test", "drs-b.example.test"]


def test_cloud_refuses_an_async_http_client_and_an_async_transport() -> None:
    """Typed per flavour: mypy (tests are checked with --strict, where an unused ignore is an error) rejects
    each call below, so each ``type: ignore[arg-type]`` proves it; at run time the cloud is refused when built."""
    async_client = httpx.AsyncClient()
    with pytest.raises(InvalidParameterError, match=r"http_client.*httpx\.Client.*got AsyncClient"):
        Cloud(credentials=CREDENTIALS, region="cn-north-4", http_client=async_client)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match=r"transport.*got AsyncHTTPTransport"):
        Cloud(credentials=CREDENTIALS, region="cn-north-4", transport=httpx.AsyncHTTPTransport())  # type: ignore[arg-type]
    asyncio.run(async_client.aclose())


def test_async_cloud_refuses_a_sync_http_client_and_a_sync_transport() -> None:
    with (
        httpx.Client() as sync_client,
        pytest.raises(InvalidParameterError, match=r"http_client.*AsyncClient.*got Client"),
    ):
        AsyncCloud(credentials=CREDENTIALS, region="cn-north-4", http_client=sync_client)  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match=r"transport.*got HTTPTransport"):
        AsyncCloud(credentials=CREDENTIALS, region="cn-north-4", transport=httpx.HTTPTransport())  # type: ignore[arg-type]


def test_a_mock_transport_serves_both_flavours() -> None:
    """httpx.MockTransport is a transport of both kinds: accepted by both clouds, with no ignore needed."""
    recorder = Recorder(httpx.Response(200, json={"status": "success"}))
    Cloud(credentials=CREDENTIALS, region="cn-north-4", transport=httpx.MockTransport(recorder)).close()
    asyncio.run(
        AsyncCloud(credentials=CREDENTIALS, region="cn-north-4", transport=httpx.MockTransport(recorder)).aclose()
    )
