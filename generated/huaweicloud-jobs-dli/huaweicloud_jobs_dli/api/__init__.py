"""Typed operations of Data Lake Insight (DLI) Flink job control (generated from its OpenAPI document, version 1.0.0)."""

from __future__ import annotations

from functools import partial

import httpx

from ..models.stop_jobs_request import StopJobsRequest
from ..models.stop_jobs_result import StopJobsResult
from ..types import AsyncTransport, BatchResult, Operation, Transport, Unset, parse_list
from .streaming import stop_jobs as _stop_jobs

SERVICE = "dli"
SPEC_VERSION = "1.0.0"


_OPERATION_STOP_JOBS = Operation(
    package=__name__.split(".")[0],
    service=SERVICE,
    name="stop_jobs",
    method="POST",
    path="/v1.0/{project_id}/streaming/jobs/stop",
    success_status=(200,),
    request_id_headers=(),
)


def _parse_stop_jobs(response: httpx.Response) -> BatchResult[StopJobsResult]:
    response_200 = []
    for response_200_item_data in parse_list(response.json(), "response_200"):
        response_200_item = StopJobsResult.from_dict(response_200_item_data)

        response_200.append(response_200_item)

    return BatchResult(response_200)


class Service:
    """Data Lake Insight (DLI) Flink job control: synchronous operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def stop_jobs(
        self,
        job_ids: list[int],
        *,
        trigger_savepoint: bool | Unset = False,
    ) -> BatchResult[StopJobsResult]:
        """Stopping Jobs in Batches

        This API is used to stop running jobs in batches.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
        }
        request = partial(
            _stop_jobs._get_kwargs,
            project_id=project_id,
            body=StopJobsRequest(
                job_ids=job_ids,
                trigger_savepoint=trigger_savepoint,
            ),
        )
        return self._transport.send(_OPERATION_STOP_JOBS, arguments, request, _parse_stop_jobs)


class AsyncService:
    """Data Lake Insight (DLI) Flink job control: asyncio operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def stop_jobs(
        self,
        job_ids: list[int],
        *,
        trigger_savepoint: bool | Unset = False,
    ) -> BatchResult[StopJobsResult]:
        """Stopping Jobs in Batches

        This API is used to stop running jobs in batches.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
        }
        request = partial(
            _stop_jobs._get_kwargs,
            project_id=project_id,
            body=StopJobsRequest(
                job_ids=job_ids,
                trigger_savepoint=trigger_savepoint,
            ),
        )
        return await self._transport.send(_OPERATION_STOP_JOBS, arguments, request, _parse_stop_jobs)
