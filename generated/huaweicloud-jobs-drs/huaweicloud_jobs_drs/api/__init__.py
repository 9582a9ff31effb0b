"""Typed operations of Data Replication Service (DRS) job control (generated from its OpenAPI document, version 1.2.0)."""

from __future__ import annotations

from typing import Any

from huaweicloud_jobs_core import (
    AsyncItemIterator,
    AsyncPageIterator,
    AsyncWait,
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

from ..models.job_list_item import JobListItem
from ..models.list_jobs_job_type import ListJobsJobType
from ..models.list_jobs_net_type import ListJobsNetType
from ..models.list_jobs_response import ListJobsResponse
from ..models.list_jobs_sort_dir import ListJobsSortDir
from ..models.list_jobs_sort_key import ListJobsSortKey
from ..models.list_jobs_x_language import ListJobsXLanguage
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
_LIST_JOBS: Operation[ListJobsResponse] = Operation(
    PACKAGE, "list_jobs", "GET", "/v5/{project_id}/jobs", ListJobsResponse.from_dict
)
_STOP_JOB: Operation[StopJobResponse] = Operation(
    PACKAGE, "stop_job", "POST", "/v5/{project_id}/jobs/{job_id}/stop", StopJobResponse.from_dict
)
_SHOW_JOB: Operation[ShowJobResponse] = Operation(
    PACKAGE, "show_job", "GET", "/v5/{project_id}/jobs/{job_id}", ShowJobResponse.from_dict
)


class ServiceWithRawResponse(RawServiceBase):
    """Data Replication Service (DRS) job control: synchronous operations, each returning a RawResponse."""

    def list_jobs(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
    ) -> RawResponse[ListJobsResponse]:
        """Querying the task list

        Queries the tenant's tasks ("查询任务列表"), a page at a time, filtered by
        enterprise project, engine type, network type, status, name or task ID.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the 400 below is the error shape of the DRS "Stopping a Task" page. The
        SDK sends `Content-Type: application/json` on this GET although it has no body;
        it is not modelled as a parameter. A list item carries no tags, and the
        service has no tag filter here (tags are in the task detail, show_job).
        """
        return self._call_raw(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
        )

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

    async def list_jobs(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
    ) -> RawResponse[ListJobsResponse]:
        """Querying the task list

        Queries the tenant's tasks ("查询任务列表"), a page at a time, filtered by
        enterprise project, engine type, network type, status, name or task ID.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the 400 below is the error shape of the DRS "Stopping a Task" page. The
        SDK sends `Content-Type: application/json` on this GET although it has no body;
        it is not modelled as a parameter. A list item carries no tags, and the
        service has no tag filter here (tags are in the task detail, show_job).
        """
        return await self._call_raw(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
        )

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

    def resume_wait(self, continuation_token: str, *, on_state: StateCallback | None = None) -> Wait[Any]:
        """A wait saved with ``continuation_token()``, here or in another process; ``result()`` goes on polling."""
        return resume_wait(self, continuation_token, on_state=on_state)

    def list_jobs(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
    ) -> ListJobsResponse:
        """Querying the task list

        Queries the tenant's tasks ("查询任务列表"), a page at a time, filtered by
        enterprise project, engine type, network type, status, name or task ID.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the 400 below is the error shape of the DRS "Stopping a Task" page. The
        SDK sends `Content-Type: application/json` on this GET although it has no body;
        it is not modelled as a parameter. A list item carries no tags, and the
        service has no tag filter here (tags are in the task detail, show_job).
        """
        return self._call(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
        )

    def iter_list_jobs(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> ItemIterator[JobListItem]:
        """list_jobs, item by item across its pages (offset in the query), each fetched when it is needed.

        ``max_items`` bounds the items; the iterator's ``resume_token`` continues the listing as ``starting_token``.
        """
        return iterate_items(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
            None,
            max_items=max_items,
            starting_token=starting_token,
        )

    def list_jobs_pages(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
        max_pages: int | None = None,
        starting_token: str | None = None,
    ) -> PageIterator[ListJobsResponse]:
        """list_jobs, page by page (each the whole response), each fetched when it is needed; ``max_pages`` bounds them."""
        return iterate_pages(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
            None,
            max_pages=max_pages,
            starting_token=starting_token,
        )

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
        options: WaitOptions | None = None,
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
        options: WaitOptions | None = None,
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
        job_id: str,
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
    """Data Replication Service (DRS) job control: asyncio operations."""

    @property
    def with_raw_response(self) -> AsyncServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return AsyncServiceWithRawResponse(self._transport)

    def resume_wait(self, continuation_token: str, *, on_state: StateCallback | None = None) -> AsyncWait[Any]:
        """A wait saved with ``continuation_token()``, here or in another process; ``result()`` goes on polling."""
        return resume_wait_async(self, continuation_token, on_state=on_state)

    async def list_jobs(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
    ) -> ListJobsResponse:
        """Querying the task list

        Queries the tenant's tasks ("查询任务列表"), a page at a time, filtered by
        enterprise project, engine type, network type, status, name or task ID.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the 400 below is the error shape of the DRS "Stopping a Task" page. The
        SDK sends `Content-Type: application/json` on this GET although it has no body;
        it is not modelled as a parameter. A list item carries no tags, and the
        service has no tag filter here (tags are in the task detail, show_job).
        """
        return await self._call(
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
        )

    def iter_list_jobs(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> AsyncItemIterator[JobListItem]:
        """list_jobs, item by item across its pages (offset in the query), each fetched when it is needed.

        ``max_items`` bounds the items; the iterator's ``resume_token`` continues the listing as ``starting_token``.
        """
        return iterate_items_async(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
            None,
            max_items=max_items,
            starting_token=starting_token,
        )

    def list_jobs_pages(
        self,
        *,
        job_type: ListJobsJobType,
        name: str | Unset = UNSET,
        status: str | Unset = UNSET,
        engine_type: str | Unset = UNSET,
        net_type: ListJobsNetType | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        offset: int | Unset = UNSET,
        limit: int | Unset = UNSET,
        sort_key: ListJobsSortKey | Unset = UNSET,
        sort_dir: ListJobsSortDir | Unset = UNSET,
        instance_ids: list[str] | Unset = UNSET,
        instance_ip: str | Unset = UNSET,
        x_language: ListJobsXLanguage | Unset = UNSET,
        max_pages: int | None = None,
        starting_token: str | None = None,
    ) -> AsyncPageIterator[ListJobsResponse]:
        """list_jobs, page by page (each the whole response), each fetched when it is needed; ``max_pages`` bounds them."""
        return iterate_pages_async(
            self._call,
            _LIST_JOBS,
            {
                "job_type": job_type,
                "name": name,
                "status": status,
                "engine_type": engine_type,
                "net_type": net_type,
                "enterprise_project_id": enterprise_project_id,
                "offset": offset,
                "limit": limit,
                "sort_key": sort_key,
                "sort_dir": sort_dir,
                "instance_ids": instance_ids,
                "instance_ip": instance_ip,
                "X-Language": x_language,
            },
            None,
            max_pages=max_pages,
            starting_token=starting_token,
        )

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
        options: WaitOptions | None = None,
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
        options: WaitOptions | None = None,
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
        job_id: str,
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
