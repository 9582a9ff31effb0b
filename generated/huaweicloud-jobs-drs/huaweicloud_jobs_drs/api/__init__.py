"""Typed operations of Data Replication Service (DRS) job control (generated from its OpenAPI document, version 1.0.0)."""

from __future__ import annotations

from functools import partial

import httpx

from ..models.stop_job_request import StopJobRequest
from ..models.stop_job_response import StopJobResponse
from ..models.stop_job_x_language import StopJobXLanguage
from ..types import UNSET, AsyncTransport, Operation, Transport, Unset
from .jobs import stop_job as _stop_job

SERVICE = "drs"
SPEC_VERSION = "1.0.0"


_OPERATION_STOP_JOB = Operation(
    package=__name__.split(".")[0],
    service=SERVICE,
    name="stop_job",
    method="POST",
    path="/v5/{project_id}/jobs/{job_id}/stop",
    success_status=(200,),
    request_id_headers=(),
)


def _parse_stop_job(response: httpx.Response) -> StopJobResponse:
    response_200 = StopJobResponse.from_dict(response.json())

    return response_200


class Service:
    """Data Replication Service (DRS) job control: synchronous operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def stop_job(
        self,
        job_id: str,
        *,
        is_force_stop: bool | Unset = False,
        x_language: StopJobXLanguage | Unset = UNSET,
    ) -> StopJobResponse:
        """Stopping a Task

        This API is used to stop a task with a specified ID.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "job_id": job_id,
            "X-Language": x_language,
        }
        request = partial(
            _stop_job._get_kwargs,
            project_id=project_id,
            job_id=job_id,
            x_language=x_language,
            body=StopJobRequest(
                is_force_stop=is_force_stop,
            ),
        )
        return self._transport.send(_OPERATION_STOP_JOB, arguments, request, _parse_stop_job)


class AsyncService:
    """Data Replication Service (DRS) job control: asyncio operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def stop_job(
        self,
        job_id: str,
        *,
        is_force_stop: bool | Unset = False,
        x_language: StopJobXLanguage | Unset = UNSET,
    ) -> StopJobResponse:
        """Stopping a Task

        This API is used to stop a task with a specified ID.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "job_id": job_id,
            "X-Language": x_language,
        }
        request = partial(
            _stop_job._get_kwargs,
            project_id=project_id,
            job_id=job_id,
            x_language=x_language,
            body=StopJobRequest(
                is_force_stop=is_force_stop,
            ),
        )
        return await self._transport.send(_OPERATION_STOP_JOB, arguments, request, _parse_stop_job)
