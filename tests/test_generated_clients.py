"""Each operation through its generated package alone (no glue) against a real local server."""

from __future__ import annotations

import json
from typing import TypeVar

import huaweicloud_jobs_aom.api.workflow.terminate_execution as aom_terminate
import huaweicloud_jobs_dli.api.streaming.stop_jobs as dli_stop
import huaweicloud_jobs_drs.api.jobs.stop_job as drs_stop
import huaweicloud_jobs_lakeformation.api.jobs.delete_job as lf_delete
import huaweicloud_jobs_lakeformation.api.jobs.stop_job as lf_stop
from huaweicloud_jobs_aom.client import AuthenticatedClient as AomClient
from huaweicloud_jobs_aom.models import TerminateExecutionResponse
from huaweicloud_jobs_dli.client import AuthenticatedClient as DliClient
from huaweicloud_jobs_dli.models import StopJobsRequest, StopJobsResult
from huaweicloud_jobs_drs.client import AuthenticatedClient as DrsClient
from huaweicloud_jobs_drs.models import StopJobRequest, StopJobResponse
from huaweicloud_jobs_lakeformation.client import AuthenticatedClient as LfClient

from conftest import PROJECT_ID
from local_server import LocalServer

TOKEN = "test-token"
C = TypeVar("C", AomClient, DliClient, DrsClient, LfClient)


def token_client(cls: type[C], server: LocalServer) -> C:
    """A generated client that sends the documented X-Auth-Token header."""
    return cls(base_url=server.base_url, token=TOKEN, prefix="", auth_header_name="X-Auth-Token")


def test_lakeformation_stop_job_sends_post_and_gets_202(server: LocalServer) -> None:
    client = token_client(LfClient, server)
    response = lf_stop.sync_detailed(PROJECT_ID, "inst-1", "job-1", client=client)
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", f"/v1/{PROJECT_ID}/instances/inst-1/lf-jobs/job-1/stop")
    assert sent.headers["X-Auth-Token"] == TOKEN
    assert sent.body == b""
    assert response.status_code == 202


def test_lakeformation_delete_job_sends_delete_and_gets_request_id(server: LocalServer) -> None:
    client = token_client(LfClient, server)
    job_id = "c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r"
    response = lf_delete.sync_detailed(PROJECT_ID, "inst-1", job_id, client=client)
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("DELETE", f"/v1/{PROJECT_ID}/instances/inst-1/lf-jobs/{job_id}")
    assert response.status_code == 200
    assert response.headers["X-request-id"] == "req-x-request-id"


def test_drs_stop_job_sends_json_body_and_language(server: LocalServer) -> None:
    client = token_client(DrsClient, server)
    parsed = drs_stop.sync(
        PROJECT_ID, "job-9", client=client, body=StopJobRequest(is_force_stop=True), x_language="en-us"
    )
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", f"/v5/{PROJECT_ID}/jobs/job-9/stop")
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["X-Language"] == "en-us"
    assert sent.json() == {"is_force_stop": True}
    assert isinstance(parsed, StopJobResponse)
    assert parsed.status == "success"


def test_dli_stop_jobs_sends_int64_ids_and_parses_string_booleans(server: LocalServer) -> None:
    client = token_client(DliClient, server)
    parsed = dli_stop.sync(
        PROJECT_ID, client=client, body=StopJobsRequest(job_ids=[128, 2**62], trigger_savepoint=False)
    )
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", f"/v1.0/{PROJECT_ID}/streaming/jobs/stop")
    assert json.loads(sent.body) == {"job_ids": [128, 2**62], "trigger_savepoint": False}
    assert isinstance(parsed, list)
    assert isinstance(parsed[0], StopJobsResult)
    # The documented example answers "true" (a string); the model holds the boolean.
    assert parsed[0].is_success is True


def test_aom_terminate_execution_sends_content_type_and_parses_result(server: LocalServer) -> None:
    client = token_client(AomClient, server)
    project = "a" * 32
    parsed = aom_terminate.sync(project, "wf-1", "ex-1", client=client)
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", f"/v1/{project}/cms/workflow/wf-1/executions/ex-1/terminate")
    assert sent.headers["Content-Type"] == "application/json"
    assert isinstance(parsed, TerminateExecutionResponse)
    assert parsed.result == "success"


def test_generated_path_parameters_are_percent_encoded(server: LocalServer) -> None:
    client = token_client(DrsClient, server)
    drs_stop.sync_detailed(PROJECT_ID, "a/b?c#d e", client=client, body=StopJobRequest())
    assert server.requests[-1].path == f"/v5/{PROJECT_ID}/jobs/a%2Fb%3Fc%23d%20e/stop"
