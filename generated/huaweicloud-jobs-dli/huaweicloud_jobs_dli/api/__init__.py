"""Typed operations of Data Lake Insight (DLI) Flink job control (generated from its OpenAPI document, version 1.2.0)."""

from __future__ import annotations

from typing import Any

from huaweicloud_jobs_core import (
    AsyncItemIterator,
    AsyncPageIterator,
    AsyncWait,
    BatchResult,
    ItemIterator,
    PageIterator,
    RawResponse,
    StateCallback,
    Wait,
    WaitOptions,
)
from huaweicloud_jobs_core.seam import (
    AsyncRawServiceBase,
    AsyncServiceBase,
    Operation,
    RawServiceBase,
    ServiceBase,
    begin_wait,
    begin_wait_async,
    iterate_items,
    iterate_items_async,
    iterate_pages,
    iterate_pages_async,
    resume_wait,
    resume_wait_async,
)
from huaweicloud_jobs_core.types import UNSET, Unset

from ..models.flink_job import FlinkJob
from ..models.list_jobs_job_type import ListJobsJobType
from ..models.list_jobs_order import ListJobsOrder
from ..models.list_jobs_response import ListJobsResponse
from ..models.show_job_response import ShowJobResponse
from ..models.stop_jobs_request import StopJobsRequest
from ..models.stop_jobs_result import StopJobsResult

PACKAGE = __name__.split(".")[0]
_STOP_JOBS: Operation[BatchResult[StopJobsResult]] = Operation(
    PACKAGE, "stop_jobs", "POST", "/v1.0/{project_id}/streaming/jobs/stop", StopJobsResult.from_dict
)
_LIST_JOBS: Operation[ListJobsResponse] = Operation(
    PACKAGE, "list_jobs", "GET", "/v1.0/{project_id}/streaming/jobs", ListJobsResponse.from_dict
)
_SHOW_JOB: Operation[ShowJobResponse] = Operation(
    PACKAGE, "show_job", "GET", "/v1.0/{project_id}/streaming/jobs/{job_id}", ShowJobResponse.from_dict
)


class ServiceWithRawResponse(RawServiceBase):
    """Data Lake Insight (DLI) Flink job control: synchronous operations, each returning a RawResponse."""

    def stop_jobs(
        self,
        job_ids: list[int],
        *,
        trigger_savepoint: bool | Unset = False,
    ) -> RawResponse[BatchResult[StopJobsResult]]:
        """Stopping Jobs in Batches

        This API is used to stop running jobs in batches.
        """
        return self._call_raw(
            _STOP_JOBS,
            {},
            StopJobsRequest(
                job_ids=job_ids,
                trigger_savepoint=trigger_savepoint,
            ),
        )

    def list_jobs(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
    ) -> RawResponse[ListJobsResponse]:
        """Querying the Flink job list

        Queries the user's Flink jobs ("查询Flink作业列表"), a page at a time; all states
        by default, or those of one `status`, name, type, queue, user or tags.
        Transcribed from the SDK, which documents no status codes other than the 200
        model. Named list_jobs here, beside stop_jobs and show_job. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter. A list item carries no tags: selecting by tag is
        the service's `tags` filter.
        """
        return self._call_raw(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
        )

    def show_job(
        self,
        job_id: int,
    ) -> RawResponse[ShowJobResponse]:
        """Querying Flink job details

        Queries the details of one Flink job ("查询Flink作业详情"), including its
        status. Transcribed from the SDK, which documents no status codes other than
        the 200 model. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return self._call_raw(
            _SHOW_JOB,
            {
                "job_id": job_id,
            },
        )


class AsyncServiceWithRawResponse(AsyncRawServiceBase):
    """Data Lake Insight (DLI) Flink job control: asyncio operations, each returning a RawResponse."""

    async def stop_jobs(
        self,
        job_ids: list[int],
        *,
        trigger_savepoint: bool | Unset = False,
    ) -> RawResponse[BatchResult[StopJobsResult]]:
        """Stopping Jobs in Batches

        This API is used to stop running jobs in batches.
        """
        return await self._call_raw(
            _STOP_JOBS,
            {},
            StopJobsRequest(
                job_ids=job_ids,
                trigger_savepoint=trigger_savepoint,
            ),
        )

    async def list_jobs(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
    ) -> RawResponse[ListJobsResponse]:
        """Querying the Flink job list

        Queries the user's Flink jobs ("查询Flink作业列表"), a page at a time; all states
        by default, or those of one `status`, name, type, queue, user or tags.
        Transcribed from the SDK, which documents no status codes other than the 200
        model. Named list_jobs here, beside stop_jobs and show_job. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter. A list item carries no tags: selecting by tag is
        the service's `tags` filter.
        """
        return await self._call_raw(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
        )

    async def show_job(
        self,
        job_id: int,
    ) -> RawResponse[ShowJobResponse]:
        """Querying Flink job details

        Queries the details of one Flink job ("查询Flink作业详情"), including its
        status. Transcribed from the SDK, which documents no status codes other than
        the 200 model. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return await self._call_raw(
            _SHOW_JOB,
            {
                "job_id": job_id,
            },
        )


class Service(ServiceBase):
    """Data Lake Insight (DLI) Flink job control: synchronous operations."""

    @property
    def with_raw_response(self) -> ServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return ServiceWithRawResponse(self._transport)

    def resume_wait(self, continuation_token: str, *, on_state: StateCallback | None = None) -> Wait[Any]:
        """A wait saved with ``continuation_token()``, here or in another process; ``result()`` goes on polling."""
        return resume_wait(self, continuation_token, on_state=on_state)

    def stop_jobs(
        self,
        job_ids: list[int],
        *,
        trigger_savepoint: bool | Unset = False,
    ) -> BatchResult[StopJobsResult]:
        """Stopping Jobs in Batches

        This API is used to stop running jobs in batches.
        """
        return self._call(
            _STOP_JOBS,
            {},
            StopJobsRequest(
                job_ids=job_ids,
                trigger_savepoint=trigger_savepoint,
            ),
        )

    def list_jobs(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
    ) -> ListJobsResponse:
        """Querying the Flink job list

        Queries the user's Flink jobs ("查询Flink作业列表"), a page at a time; all states
        by default, or those of one `status`, name, type, queue, user or tags.
        Transcribed from the SDK, which documents no status codes other than the 200
        model. Named list_jobs here, beside stop_jobs and show_job. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter. A list item carries no tags: selecting by tag is
        the service's `tags` filter.
        """
        return self._call(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
        )

    def iter_list_jobs(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> ItemIterator[FlinkJob]:
        """list_jobs, item by item across its pages (offset in the query), each fetched when it is needed.

        ``max_items`` bounds the items; the iterator's ``resume_token`` continues the listing as ``starting_token``.
        """
        return iterate_items(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
            None,
            max_items=max_items,
            starting_token=starting_token,
        )

    def list_jobs_pages(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
        max_pages: int | None = None,
        starting_token: str | None = None,
    ) -> PageIterator[ListJobsResponse]:
        """list_jobs, page by page (each the whole response), each fetched when it is needed; ``max_pages`` bounds them."""
        return iterate_pages(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
            None,
            max_pages=max_pages,
            starting_token=starting_token,
        )

    def show_job(
        self,
        job_id: int,
    ) -> ShowJobResponse:
        """Querying Flink job details

        Queries the details of one Flink job ("查询Flink作业详情"), including its
        status. Transcribed from the SDK, which documents no status codes other than
        the 200 model. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return self._call(
            _SHOW_JOB,
            {
                "job_id": job_id,
            },
        )

    def wait_until_job_stopped(
        self,
        job_id: int,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ShowJobResponse | None:
        """Waits until a Flink job that was stopped with stop_jobs is no longer running.

        Polls show_job until ``job_detail.status`` is one of job_cancel_success, job_finish, job_arrearage_stopped, job_submit_fail, job_init; fails on job_cancel_fail;
        gives up after 1800 s (``timeout``); polls after 5 s, doubling up to 30 s (``delay``,
        ``max_delay``). ``success``/``failure`` replace the states; ``on_state(state, waited)`` is called on each change.
        """
        return self._wait(
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            WaitOptions.given(
                options,
                timeout=timeout,
                delay=delay,
                max_delay=max_delay,
                success=success,
                failure=failure,
                on_state=on_state,
            ),
        )

    def begin_wait_until_job_stopped(
        self,
        job_id: int,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> Wait[ShowJobResponse]:
        """wait_until_job_stopped, resumable: nothing is read until ``result()``; ``continuation_token()`` saves it for ``resume_wait``."""
        return begin_wait(
            self,
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            WaitOptions.given(
                options,
                timeout=timeout,
                delay=delay,
                max_delay=max_delay,
                success=success,
                failure=failure,
                on_state=on_state,
            ),
        )


class AsyncService(AsyncServiceBase):
    """Data Lake Insight (DLI) Flink job control: asyncio operations."""

    @property
    def with_raw_response(self) -> AsyncServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return AsyncServiceWithRawResponse(self._transport)

    def resume_wait(self, continuation_token: str, *, on_state: StateCallback | None = None) -> AsyncWait[Any]:
        """A wait saved with ``continuation_token()``, here or in another process; ``result()`` goes on polling."""
        return resume_wait_async(self, continuation_token, on_state=on_state)

    async def stop_jobs(
        self,
        job_ids: list[int],
        *,
        trigger_savepoint: bool | Unset = False,
    ) -> BatchResult[StopJobsResult]:
        """Stopping Jobs in Batches

        This API is used to stop running jobs in batches.
        """
        return await self._call(
            _STOP_JOBS,
            {},
            StopJobsRequest(
                job_ids=job_ids,
                trigger_savepoint=trigger_savepoint,
            ),
        )

    async def list_jobs(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
    ) -> ListJobsResponse:
        """Querying the Flink job list

        Queries the user's Flink jobs ("查询Flink作业列表"), a page at a time; all states
        by default, or those of one `status`, name, type, queue, user or tags.
        Transcribed from the SDK, which documents no status codes other than the 200
        model. Named list_jobs here, beside stop_jobs and show_job. The SDK sends
        `Content-Type: application/json` on this GET although it has no body; it is
        not modelled as a parameter. A list item carries no tags: selecting by tag is
        the service's `tags` filter.
        """
        return await self._call(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
        )

    def iter_list_jobs(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> AsyncItemIterator[FlinkJob]:
        """list_jobs, item by item across its pages (offset in the query), each fetched when it is needed.

        ``max_items`` bounds the items; the iterator's ``resume_token`` continues the listing as ``starting_token``.
        """
        return iterate_items_async(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
            None,
            max_items=max_items,
            starting_token=starting_token,
        )

    def list_jobs_pages(
        self,
        *,
        job_type: ListJobsJobType | Unset = UNSET,
        limit: int | Unset = UNSET,
        name: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        order: ListJobsOrder | Unset = UNSET,
        queue_name: str | Unset = UNSET,
        root_job_id: int | Unset = UNSET,
        show_detail: bool | Unset = UNSET,
        status: str | Unset = UNSET,
        sys_enterprise_project_name: str | Unset = UNSET,
        tags: str | Unset = UNSET,
        user_name: str | Unset = UNSET,
        max_pages: int | None = None,
        starting_token: str | None = None,
    ) -> AsyncPageIterator[ListJobsResponse]:
        """list_jobs, page by page (each the whole response), each fetched when it is needed; ``max_pages`` bounds them."""
        return iterate_pages_async(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "limit": limit,
                "name": name,
                "offset": offset,
                "order": order,
                "queue_name": queue_name,
                "root_job_id": root_job_id,
                "show_detail": show_detail,
                "status": status,
                "sys_enterprise_project_name": sys_enterprise_project_name,
                "tags": tags,
                "user_name": user_name,
            },
            None,
            max_pages=max_pages,
            starting_token=starting_token,
        )

    async def show_job(
        self,
        job_id: int,
    ) -> ShowJobResponse:
        """Querying Flink job details

        Queries the details of one Flink job ("查询Flink作业详情"), including its
        status. Transcribed from the SDK, which documents no status codes other than
        the 200 model. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return await self._call(
            _SHOW_JOB,
            {
                "job_id": job_id,
            },
        )

    async def wait_until_job_stopped(
        self,
        job_id: int,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ShowJobResponse | None:
        """Waits until a Flink job that was stopped with stop_jobs is no longer running.

        Polls show_job until ``job_detail.status`` is one of job_cancel_success, job_finish, job_arrearage_stopped, job_submit_fail, job_init; fails on job_cancel_fail;
        gives up after 1800 s (``timeout``); polls after 5 s, doubling up to 30 s (``delay``,
        ``max_delay``). ``success``/``failure`` replace the states; ``on_state(state, waited)`` is called on each change.
        """
        return await self._wait(
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            WaitOptions.given(
                options,
                timeout=timeout,
                delay=delay,
                max_delay=max_delay,
                success=success,
                failure=failure,
                on_state=on_state,
            ),
        )

    def begin_wait_until_job_stopped(
        self,
        job_id: int,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> AsyncWait[ShowJobResponse]:
        """wait_until_job_stopped, resumable: nothing is read until ``result()``; ``continuation_token()`` saves it for ``resume_wait``."""
        return begin_wait_async(
            self,
            _SHOW_JOB,
            "job_stopped",
            {
                "job_id": job_id,
            },
            WaitOptions.given(
                options,
                timeout=timeout,
                delay=delay,
                max_delay=max_delay,
                success=success,
                failure=failure,
                on_state=on_state,
            ),
        )
