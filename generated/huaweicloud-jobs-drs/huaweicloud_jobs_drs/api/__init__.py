"""Typed operations of Data Replication Service (DRS) job control (generated from its OpenAPI document, version 1.1.0)."""

from __future__ import annotations

from huaweicloud_jobs_core import (
    AsyncRawServiceBase,
    AsyncServiceBase,
    Operation,
    RawResponse,
    RawServiceBase,
    ServiceBase,
    StateCallback,
)
from huaweicloud_jobs_core.types import UNSET, Unset

from ..models.show_job_compare_detail_type import ShowJobCompareDetailType
from ..models.show_job_compare_type import ShowJobCompareType
from ..models.show_job_log_level import ShowJobLogLevel
from ..models.show_job_object_type import ShowJobObjectType
from ..models.show_job_query_type import ShowJobQueryType
from ..models.show_job_response import ShowJobResponse
from ..models.show_job_type import ShowJobType
from ..models.show_job_x_language import ShowJobXLanguage
from ..models.stop_job_request import StopJobRequest
from ..models.stop_job_response import StopJobResponse
from ..models.stop_job_x_language import StopJobXLanguage

PACKAGE = __name__.split(".")[0]
_STOP_JOB: Operation[StopJobResponse] = Operation(
    PACKAGE, "stop_job", "POST", "/v5/{project_id}/jobs/{job_id}/stop", StopJobResponse.from_dict
)
_SHOW_JOB: Operation[ShowJobResponse] = Operation(
    PACKAGE, "show_job", "GET", "/v5/{project_id}/jobs/{job_id}", ShowJobResponse.from_dict
)


class ServiceWithRawResponse(RawServiceBase):
    """Data Replication Service (DRS) job control: synchronous operations, each returning a RawResponse."""

    def stop_job(
        self,
        job_id: str,
        *,
        is_force_stop: bool | Unset = False,
        x_language: StopJobXLanguage | Unset = UNSET,
    ) -> RawResponse[StopJobResponse]:
        """Stopping a Task

        This API is used to stop a task with a specified ID.
        """
        return self._call_raw(
            _STOP_JOB,
            {
                "job_id": job_id,
                "X-Language": x_language,
            },
            StopJobRequest(
                is_force_stop=is_force_stop,
            ),
        )

    def show_job(
        self,
        job_id: str,
        *,
        type_: ShowJobType,
        query_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        compare_type: ShowJobCompareType | Unset = UNSET,
        query_type: ShowJobQueryType | Unset = UNSET,
        object_type: ShowJobObjectType | Unset = UNSET,
        compare_task_id: str | Unset = UNSET,
        source_db_name: str | Unset = UNSET,
        target_db_name: str | Unset = UNSET,
        compare_detail_type: ShowJobCompareDetailType | Unset = UNSET,
        log_level: ShowJobLogLevel | Unset = UNSET,
        x_language: ShowJobXLanguage | Unset = UNSET,
    ) -> RawResponse[ShowJobResponse]:
        """Querying task details

        Queries the details of a task ("查询任务详情"). The mandatory query parameter
        `type` selects which detail the body carries; `type=overview` or
        `type=detail` gives the task's `status`. Transcribed from the SDK: the SDK
        documents no status codes other than the 200 model; the 400 below is the
        error shape of the DRS "Stopping a Task" page. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter.
        """
        return self._call_raw(
            _SHOW_JOB,
            {
                "job_id": job_id,
                "type": type_,
                "query_id": query_id,
                "offset": offset,
                "limit": limit,
                "compare_type": compare_type,
                "query_type": query_type,
                "object_type": object_type,
                "compare_task_id": compare_task_id,
                "source_db_name": source_db_name,
                "target_db_name": target_db_name,
                "compare_detail_type": compare_detail_type,
                "log_level": log_level,
                "X-Language": x_language,
            },
        )


class AsyncServiceWithRawResponse(AsyncRawServiceBase):
    """Data Replication Service (DRS) job control: asyncio operations, each returning a RawResponse."""

    async def stop_job(
        self,
        job_id: str,
        *,
        is_force_stop: bool | Unset = False,
        x_language: StopJobXLanguage | Unset = UNSET,
    ) -> RawResponse[StopJobResponse]:
        """Stopping a Task

        This API is used to stop a task with a specified ID.
        """
        return await self._call_raw(
            _STOP_JOB,
            {
                "job_id": job_id,
                "X-Language": x_language,
            },
            StopJobRequest(
                is_force_stop=is_force_stop,
            ),
        )

    async def show_job(
        self,
        job_id: str,
        *,
        type_: ShowJobType,
        query_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        compare_type: ShowJobCompareType | Unset = UNSET,
        query_type: ShowJobQueryType | Unset = UNSET,
        object_type: ShowJobObjectType | Unset = UNSET,
        compare_task_id: str | Unset = UNSET,
        source_db_name: str | Unset = UNSET,
        target_db_name: str | Unset = UNSET,
        compare_detail_type: ShowJobCompareDetailType | Unset = UNSET,
        log_level: ShowJobLogLevel | Unset = UNSET,
        x_language: ShowJobXLanguage | Unset = UNSET,
    ) -> RawResponse[ShowJobResponse]:
        """Querying task details

        Queries the details of a task ("查询任务详情"). The mandatory query parameter
        `type` selects which detail the body carries; `type=overview` or
        `type=detail` gives the task's `status`. Transcribed from the SDK: the SDK
        documents no status codes other than the 200 model; the 400 below is the
        error shape of the DRS "Stopping a Task" page. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter.
        """
        return await self._call_raw(
            _SHOW_JOB,
            {
                "job_id": job_id,
                "type": type_,
                "query_id": query_id,
                "offset": offset,
                "limit": limit,
                "compare_type": compare_type,
                "query_type": query_type,
                "object_type": object_type,
                "compare_task_id": compare_task_id,
                "source_db_name": source_db_name,
                "target_db_name": target_db_name,
                "compare_detail_type": compare_detail_type,
                "log_level": log_level,
                "X-Language": x_language,
            },
        )


class Service(ServiceBase):
    """Data Replication Service (DRS) job control: synchronous operations."""

    @property
    def with_raw_response(self) -> ServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return ServiceWithRawResponse(self._transport)

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
        return self._call(
            _STOP_JOB,
            {
                "job_id": job_id,
                "X-Language": x_language,
            },
            StopJobRequest(
                is_force_stop=is_force_stop,
            ),
        )

    def stop_job_and_wait(
        self,
        job_id: str,
        *,
        is_force_stop: bool | Unset = False,
        x_language: StopJobXLanguage | Unset = UNSET,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ShowJobResponse | None:
        """stop_job, then wait_until_job_stopped with the same ids and options. A refused stop of a job already in a success state returns that state."""
        return self._act_and_wait(
            lambda: self.stop_job(
                job_id,
                is_force_stop=is_force_stop,
                x_language=x_language,
            ),
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
        )

    def show_job(
        self,
        job_id: str,
        *,
        type_: ShowJobType,
        query_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        compare_type: ShowJobCompareType | Unset = UNSET,
        query_type: ShowJobQueryType | Unset = UNSET,
        object_type: ShowJobObjectType | Unset = UNSET,
        compare_task_id: str | Unset = UNSET,
        source_db_name: str | Unset = UNSET,
        target_db_name: str | Unset = UNSET,
        compare_detail_type: ShowJobCompareDetailType | Unset = UNSET,
        log_level: ShowJobLogLevel | Unset = UNSET,
        x_language: ShowJobXLanguage | Unset = UNSET,
    ) -> ShowJobResponse:
        """Querying task details

        Queries the details of a task ("查询任务详情"). The mandatory query parameter
        `type` selects which detail the body carries; `type=overview` or
        `type=detail` gives the task's `status`. Transcribed from the SDK: the SDK
        documents no status codes other than the 200 model; the 400 below is the
        error shape of the DRS "Stopping a Task" page. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter.
        """
        return self._call(
            _SHOW_JOB,
            {
                "job_id": job_id,
                "type": type_,
                "query_id": query_id,
                "offset": offset,
                "limit": limit,
                "compare_type": compare_type,
                "query_type": query_type,
                "object_type": object_type,
                "compare_task_id": compare_task_id,
                "source_db_name": source_db_name,
                "target_db_name": target_db_name,
                "compare_detail_type": compare_detail_type,
                "log_level": log_level,
                "X-Language": x_language,
            },
        )

    def wait_until_job_stopped(
        self,
        job_id: str,
        *,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ShowJobResponse | None:
        """Waits until a task that was ended with stop_job has finished ending.

        Polls show_job until ``job.status`` is one of RELEASE_RESOURCE_COMPLETE, RELEASE_CHILD_TRANSFER_COMPLETE, DELETED; fails on RELEASE_RESOURCE_FAILED;
        gives up after 1800 s (``timeout``); polls after 10 s, doubling up to 60 s (``delay``,
        ``max_delay``). ``success``/``failure`` replace the states; ``on_state(state, waited)`` is called on each change.
        """
        return self._wait(
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
        )


class AsyncService(AsyncServiceBase):
    """Data Replication Service (DRS) job control: asyncio operations."""

    @property
    def with_raw_response(self) -> AsyncServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return AsyncServiceWithRawResponse(self._transport)

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
        return await self._call(
            _STOP_JOB,
            {
                "job_id": job_id,
                "X-Language": x_language,
            },
            StopJobRequest(
                is_force_stop=is_force_stop,
            ),
        )

    async def stop_job_and_wait(
        self,
        job_id: str,
        *,
        is_force_stop: bool | Unset = False,
        x_language: StopJobXLanguage | Unset = UNSET,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ShowJobResponse | None:
        """stop_job, then wait_until_job_stopped with the same ids and options. A refused stop of a job already in a success state returns that state."""
        return await self._act_and_wait(
            lambda: self.stop_job(
                job_id,
                is_force_stop=is_force_stop,
                x_language=x_language,
            ),
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
        )

    async def show_job(
        self,
        job_id: str,
        *,
        type_: ShowJobType,
        query_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        compare_type: ShowJobCompareType | Unset = UNSET,
        query_type: ShowJobQueryType | Unset = UNSET,
        object_type: ShowJobObjectType | Unset = UNSET,
        compare_task_id: str | Unset = UNSET,
        source_db_name: str | Unset = UNSET,
        target_db_name: str | Unset = UNSET,
        compare_detail_type: ShowJobCompareDetailType | Unset = UNSET,
        log_level: ShowJobLogLevel | Unset = UNSET,
        x_language: ShowJobXLanguage | Unset = UNSET,
    ) -> ShowJobResponse:
        """Querying task details

        Queries the details of a task ("查询任务详情"). The mandatory query parameter
        `type` selects which detail the body carries; `type=overview` or
        `type=detail` gives the task's `status`. Transcribed from the SDK: the SDK
        documents no status codes other than the 200 model; the 400 below is the
        error shape of the DRS "Stopping a Task" page. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter.
        """
        return await self._call(
            _SHOW_JOB,
            {
                "job_id": job_id,
                "type": type_,
                "query_id": query_id,
                "offset": offset,
                "limit": limit,
                "compare_type": compare_type,
                "query_type": query_type,
                "object_type": object_type,
                "compare_task_id": compare_task_id,
                "source_db_name": source_db_name,
                "target_db_name": target_db_name,
                "compare_detail_type": compare_detail_type,
                "log_level": log_level,
                "X-Language": x_language,
            },
        )

    async def wait_until_job_stopped(
        self,
        job_id: str,
        *,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ShowJobResponse | None:
        """Waits until a task that was ended with stop_job has finished ending.

        Polls show_job until ``job.status`` is one of RELEASE_RESOURCE_COMPLETE, RELEASE_CHILD_TRANSFER_COMPLETE, DELETED; fails on RELEASE_RESOURCE_FAILED;
        gives up after 1800 s (``timeout``); polls after 10 s, doubling up to 60 s (``delay``,
        ``max_delay``). ``success``/``failure`` replace the states; ``on_state(state, waited)`` is called on each change.
        """
        return await self._wait(
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
        )
