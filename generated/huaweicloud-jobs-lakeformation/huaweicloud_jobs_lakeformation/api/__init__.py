"""Typed operations of LakeFormation job control (generated from its OpenAPI document, version 1.1.1)."""

from __future__ import annotations

from huaweicloud_jobs_core import Acknowledgement, RawResponse
from huaweicloud_jobs_core.seam import AsyncRawServiceBase, AsyncServiceBase, Operation, RawServiceBase, ServiceBase

PACKAGE = __name__.split(".")[0]
_STOP_JOB: Operation[Acknowledgement] = Operation(
    PACKAGE, "stop_job", "POST", "/v1/{project_id}/instances/{instance_id}/lf-jobs/{job_id}/stop", None
)
_DELETE_JOB: Operation[Acknowledgement] = Operation(
    PACKAGE, "delete_job", "DELETE", "/v1/{project_id}/instances/{instance_id}/lf-jobs/{job_id}", None
)


class ServiceWithRawResponse(RawServiceBase):
    """LakeFormation job control: synchronous operations, each returning a RawResponse."""

    def stop_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> RawResponse[Acknowledgement]:
        """Stopping a job

        Stop a job. (From the page "停止任务"; the API can be debugged in API Explorer.)
        """
        return self._call_raw(
            _STOP_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
        )

    def delete_job(
        self,
        instance_id: str,
        job_id: str,
        *,
        missing_ok: bool = False,
    ) -> RawResponse[Acknowledgement]:
        """Deleting a Job

        This API is used to delete jobs. A task that has been submitted or is running
        needs to be stopped before being deleted.
        """
        return self._call_raw(
            _DELETE_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
            missing_ok=missing_ok,
        )


class AsyncServiceWithRawResponse(AsyncRawServiceBase):
    """LakeFormation job control: asyncio operations, each returning a RawResponse."""

    async def stop_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> RawResponse[Acknowledgement]:
        """Stopping a job

        Stop a job. (From the page "停止任务"; the API can be debugged in API Explorer.)
        """
        return await self._call_raw(
            _STOP_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
        )

    async def delete_job(
        self,
        instance_id: str,
        job_id: str,
        *,
        missing_ok: bool = False,
    ) -> RawResponse[Acknowledgement]:
        """Deleting a Job

        This API is used to delete jobs. A task that has been submitted or is running
        needs to be stopped before being deleted.
        """
        return await self._call_raw(
            _DELETE_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
            missing_ok=missing_ok,
        )


class Service(ServiceBase):
    """LakeFormation job control: synchronous operations."""

    @property
    def with_raw_response(self) -> ServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return ServiceWithRawResponse(self._transport)

    def stop_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> Acknowledgement:
        """Stopping a job

        Stop a job. (From the page "停止任务"; the API can be debugged in API Explorer.)
        """
        return self._call(
            _STOP_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
        )

    def delete_job(
        self,
        instance_id: str,
        job_id: str,
        *,
        missing_ok: bool = False,
    ) -> Acknowledgement:
        """Deleting a Job

        This API is used to delete jobs. A task that has been submitted or is running
        needs to be stopped before being deleted.
        """
        return self._call(
            _DELETE_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
            missing_ok=missing_ok,
        )


class AsyncService(AsyncServiceBase):
    """LakeFormation job control: asyncio operations."""

    @property
    def with_raw_response(self) -> AsyncServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return AsyncServiceWithRawResponse(self._transport)

    async def stop_job(
        self,
        instance_id: str,
        job_id: str,
    ) -> Acknowledgement:
        """Stopping a job

        Stop a job. (From the page "停止任务"; the API can be debugged in API Explorer.)
        """
        return await self._call(
            _STOP_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
        )

    async def delete_job(
        self,
        instance_id: str,
        job_id: str,
        *,
        missing_ok: bool = False,
    ) -> Acknowledgement:
        """Deleting a Job

        This API is used to delete jobs. A task that has been submitted or is running
        needs to be stopped before being deleted.
        """
        return await self._call(
            _DELETE_JOB,
            {
                "instance_id": instance_id,
                "job_id": job_id,
            },
            missing_ok=missing_ok,
        )
