"""Typed operations of LakeFormation job control (generated from its OpenAPI document, version 1.0.0)."""

from __future__ import annotations

from functools import partial

import httpx

from ..types import Acknowledgement, AsyncTransport, Operation, Transport, request_id
from .jobs import delete_job as _delete_job
from .jobs import stop_job as _stop_job

SERVICE = "lakeformation"
SPEC_VERSION = "1.0.0"


_OPERATION_STOP_JOB = Operation(
    package=__name__.split(".")[0],
    service=SERVICE,
    name="stop_job",
    method="POST",
    path="/v1/{project_id}/instances/{instance_id}/lf-jobs/{job_id}/stop",
    success_status=(202,),
    request_id_headers=(),
)


def _parse_stop_job(response: httpx.Response) -> Acknowledgement:
    return Acknowledgement(
        status_code=response.status_code, request_id=request_id(response, _OPERATION_STOP_JOB.request_id_headers)
    )


_OPERATION_DELETE_JOB = Operation(
    package=__name__.split(".")[0],
    service=SERVICE,
    name="delete_job",
    method="DELETE",
    path="/v1/{project_id}/instances/{instance_id}/lf-jobs/{job_id}",
    success_status=(200,),
    request_id_headers=("X-request-id",),
)


def _parse_delete_job(response: httpx.Response) -> Acknowledgement:
    return Acknowledgement(
        status_code=response.status_code, request_id=request_id(response, _OPERATION_DELETE_JOB.request_id_headers)
    )


class Service:
    """LakeFormation job control: synchronous operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def stop_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> Acknowledgement:
        """Stopping a job

        Stop a job. (From the page "停止任务"; the API can be debugged in API Explorer.)
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "instance_id": instance_id,
            "job_id": job_id,
        }
        request = partial(
            _stop_job._get_kwargs,
            project_id=project_id,
            instance_id=instance_id,
            job_id=job_id,
        )
        return self._transport.send(_OPERATION_STOP_JOB, arguments, request, _parse_stop_job)

    def delete_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> Acknowledgement:
        """Deleting a Job

        This API is used to delete jobs. A task that has been submitted or is running
        needs to be stopped before being deleted.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "instance_id": instance_id,
            "job_id": job_id,
        }
        request = partial(
            _delete_job._get_kwargs,
            project_id=project_id,
            instance_id=instance_id,
            job_id=job_id,
        )
        return self._transport.send(_OPERATION_DELETE_JOB, arguments, request, _parse_delete_job)


class AsyncService:
    """LakeFormation job control: asyncio operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def stop_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> Acknowledgement:
        """Stopping a job

        Stop a job. (From the page "停止任务"; the API can be debugged in API Explorer.)
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "instance_id": instance_id,
            "job_id": job_id,
        }
        request = partial(
            _stop_job._get_kwargs,
            project_id=project_id,
            instance_id=instance_id,
            job_id=job_id,
        )
        return await self._transport.send(_OPERATION_STOP_JOB, arguments, request, _parse_stop_job)

    async def delete_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> Acknowledgement:
        """Deleting a Job

        This API is used to delete jobs. A task that has been submitted or is running
        needs to be stopped before being deleted.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "instance_id": instance_id,
            "job_id": job_id,
        }
        request = partial(
            _delete_job._get_kwargs,
            project_id=project_id,
            instance_id=instance_id,
            job_id=job_id,
        )
        return await self._transport.send(_OPERATION_DELETE_JOB, arguments, request, _parse_delete_job)
