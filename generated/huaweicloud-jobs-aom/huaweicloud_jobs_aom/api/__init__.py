"""Typed operations of Application Operations Management (AOM) workflow execution control (generated from its OpenAPI document, version 1.2.0)."""

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

from ..models.execution_status_response import ExecutionStatusResponse
from ..models.terminate_execution_response import TerminateExecutionResponse
from ..models.workflow import Workflow
from ..models.workflow_execution_brief import WorkflowExecutionBrief
from ..models.workflow_page import WorkflowPage
from ..models.workflow_query import WorkflowQuery
from ..models.workflow_query_sort_field import WorkflowQuerySortField
from ..models.workflow_query_sort_type import WorkflowQuerySortType
from ..models.workflow_query_tags import WorkflowQueryTags
from ..models.workflow_query_type import WorkflowQueryType

PACKAGE = __name__.split(".")[0]
_LIST_WORKFLOW: Operation[WorkflowPage] = Operation(
    PACKAGE, "list_workflow", "POST", "/v1/{project_id}/cms/workflow-list", WorkflowPage.from_dict
)
_LIST_WORKFLOW_EXECUTIONS: Operation[list[WorkflowExecutionBrief]] = Operation(
    PACKAGE,
    "list_workflow_executions",
    "GET",
    "/v1/{project_id}/cms/workflow/{workflow_id}/executions",
    WorkflowExecutionBrief.from_dict,
)
_TERMINATE_EXECUTION: Operation[TerminateExecutionResponse] = Operation(
    PACKAGE,
    "terminate_execution",
    "POST",
    "/v1/{project_id}/cms/workflow/{workflow_id}/executions/{execution_id}/terminate",
    TerminateExecutionResponse.from_dict,
)
_SHOW_EXECUTION_STATUS: Operation[ExecutionStatusResponse] = Operation(
    PACKAGE,
    "show_execution_status",
    "GET",
    "/v1/{project_id}/cms/workflow/{workflow_id}/executions/{execution_id}/status",
    ExecutionStatusResponse.from_dict,
)


class ServiceWithRawResponse(RawServiceBase):
    """Application Operations Management (AOM) workflow execution control: synchronous operations, each returning a RawResponse."""

    def list_workflow(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
    ) -> RawResponse[WorkflowPage]:
        """Querying the task (workflow) list

        Returns the tasks (workflows) created so far ("查询任务列表"), a page at a time,
        filtered by name, status, type, creator or update time. Per the SDK, the API
        is open in the regions CN North-Beijing4, CN East-Shanghai1, CN
        East-Shanghai2 and CN South-Guangzhou. Transcribed from the SDK, which
        documents no status codes other than the 200 model; the error responses of
        the "终止任务执行" page of the same API group are assumed to apply. A POST
        that only reads: the query is its body.
        """
        return self._call_raw(
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
        )

    def list_workflow_executions(
        self,
        workflow_id: str,
        *,
        x_enterprise_project_id: str | Unset = UNSET,
    ) -> RawResponse[list[WorkflowExecutionBrief]]:
        """Obtaining the execution history of a task

        Returns the executions of one task (workflow) ("获取任务执行历史"): one unpaged
        list, as the SDK documents no paging parameters. Per the SDK, the API is open
        in the regions CN North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN
        South-Guangzhou. Transcribed from the SDK, which documents no status codes
        other than the 200 model; the error responses of the "终止任务执行" page are
        assumed to apply. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return self._call_raw(
            _LIST_WORKFLOW_EXECUTIONS,
            {
                "workflow_id": workflow_id,
                "x_enterprise_project_id": x_enterprise_project_id,
            },
        )

    def terminate_execution(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> RawResponse[TerminateExecutionResponse]:
        """Terminating a task execution

        Terminates a task that is being executed: the workflow ID and execution ID
        select the task to terminate; the status of the termination is returned.
        """
        return self._call_raw(
            _TERMINATE_EXECUTION,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )

    def show_execution_status(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> RawResponse[ExecutionStatusResponse]:
        """Obtaining the execution details of a workflow execution

        Obtains the execution details of a task ("获取工作流执行中的执行详情"): the
        workflow ID and execution ID select the task; its execution details, including
        `status`, are returned. Per the SDK, the API is open in the regions CN
        North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN South-Guangzhou.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the error responses below are those of the "终止任务执行" page of the
        same API group, assumed to apply (not documented for this operation). The
        SDK sends `Content-Type: application/json` on this GET although it has no
        body; it is not modelled as a parameter.
        """
        return self._call_raw(
            _SHOW_EXECUTION_STATUS,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )


class AsyncServiceWithRawResponse(AsyncRawServiceBase):
    """Application Operations Management (AOM) workflow execution control: asyncio operations, each returning a RawResponse."""

    async def list_workflow(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
    ) -> RawResponse[WorkflowPage]:
        """Querying the task (workflow) list

        Returns the tasks (workflows) created so far ("查询任务列表"), a page at a time,
        filtered by name, status, type, creator or update time. Per the SDK, the API
        is open in the regions CN North-Beijing4, CN East-Shanghai1, CN
        East-Shanghai2 and CN South-Guangzhou. Transcribed from the SDK, which
        documents no status codes other than the 200 model; the error responses of
        the "终止任务执行" page of the same API group are assumed to apply. A POST
        that only reads: the query is its body.
        """
        return await self._call_raw(
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
        )

    async def list_workflow_executions(
        self,
        workflow_id: str,
        *,
        x_enterprise_project_id: str | Unset = UNSET,
    ) -> RawResponse[list[WorkflowExecutionBrief]]:
        """Obtaining the execution history of a task

        Returns the executions of one task (workflow) ("获取任务执行历史"): one unpaged
        list, as the SDK documents no paging parameters. Per the SDK, the API is open
        in the regions CN North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN
        South-Guangzhou. Transcribed from the SDK, which documents no status codes
        other than the 200 model; the error responses of the "终止任务执行" page are
        assumed to apply. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return await self._call_raw(
            _LIST_WORKFLOW_EXECUTIONS,
            {
                "workflow_id": workflow_id,
                "x_enterprise_project_id": x_enterprise_project_id,
            },
        )

    async def terminate_execution(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> RawResponse[TerminateExecutionResponse]:
        """Terminating a task execution

        Terminates a task that is being executed: the workflow ID and execution ID
        select the task to terminate; the status of the termination is returned.
        """
        return await self._call_raw(
            _TERMINATE_EXECUTION,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )

    async def show_execution_status(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> RawResponse[ExecutionStatusResponse]:
        """Obtaining the execution details of a workflow execution

        Obtains the execution details of a task ("获取工作流执行中的执行详情"): the
        workflow ID and execution ID select the task; its execution details, including
        `status`, are returned. Per the SDK, the API is open in the regions CN
        North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN South-Guangzhou.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the error responses below are those of the "终止任务执行" page of the
        same API group, assumed to apply (not documented for this operation). The
        SDK sends `Content-Type: application/json` on this GET although it has no
        body; it is not modelled as a parameter.
        """
        return await self._call_raw(
            _SHOW_EXECUTION_STATUS,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )


class Service(ServiceBase):
    """Application Operations Management (AOM) workflow execution control: synchronous operations."""

    @property
    def with_raw_response(self) -> ServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return ServiceWithRawResponse(self._transport)

    def resume_wait(self, continuation_token: str, *, on_state: StateCallback | None = None) -> Wait[Any]:
        """A wait saved with ``continuation_token()``, here or in another process; ``result()`` goes on polling."""
        return resume_wait(self, continuation_token, on_state=on_state)

    def list_workflow(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
    ) -> WorkflowPage:
        """Querying the task (workflow) list

        Returns the tasks (workflows) created so far ("查询任务列表"), a page at a time,
        filtered by name, status, type, creator or update time. Per the SDK, the API
        is open in the regions CN North-Beijing4, CN East-Shanghai1, CN
        East-Shanghai2 and CN South-Guangzhou. Transcribed from the SDK, which
        documents no status codes other than the 200 model; the error responses of
        the "终止任务执行" page of the same API group are assumed to apply. A POST
        that only reads: the query is its body.
        """
        return self._call(
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
        )

    def iter_list_workflow(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> ItemIterator[Workflow]:
        """list_workflow, item by item across its pages (page in the body), each fetched when it is needed.

        ``max_items`` bounds the items; the iterator's ``resume_token`` continues the listing as ``starting_token``.
        """
        return iterate_items(
            self._call,
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
            max_items=max_items,
            starting_token=starting_token,
        )

    def list_workflow_pages(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
        max_pages: int | None = None,
        starting_token: str | None = None,
    ) -> PageIterator[WorkflowPage]:
        """list_workflow, page by page (each the whole response), each fetched when it is needed; ``max_pages`` bounds them."""
        return iterate_pages(
            self._call,
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
            max_pages=max_pages,
            starting_token=starting_token,
        )

    def list_workflow_executions(
        self,
        workflow_id: str,
        *,
        x_enterprise_project_id: str | Unset = UNSET,
    ) -> list[WorkflowExecutionBrief]:
        """Obtaining the execution history of a task

        Returns the executions of one task (workflow) ("获取任务执行历史"): one unpaged
        list, as the SDK documents no paging parameters. Per the SDK, the API is open
        in the regions CN North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN
        South-Guangzhou. Transcribed from the SDK, which documents no status codes
        other than the 200 model; the error responses of the "终止任务执行" page are
        assumed to apply. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return self._call(
            _LIST_WORKFLOW_EXECUTIONS,
            {
                "workflow_id": workflow_id,
                "x_enterprise_project_id": x_enterprise_project_id,
            },
        )

    def terminate_execution(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> TerminateExecutionResponse:
        """Terminating a task execution

        Terminates a task that is being executed: the workflow ID and execution ID
        select the task to terminate; the status of the termination is returned.
        """
        return self._call(
            _TERMINATE_EXECUTION,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )

    def terminate_execution_and_wait(
        self,
        workflow_id: str,
        execution_id: str,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ExecutionStatusResponse | None:
        """terminate_execution, then wait_until_execution_terminated with the same ids and options. A refused stop of a job already in a success state returns that state."""
        return self._act_and_wait(
            lambda: self.terminate_execution(
                workflow_id,
                execution_id,
            ),
            _SHOW_EXECUTION_STATUS,
            "execution_terminated",
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
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

    def show_execution_status(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> ExecutionStatusResponse:
        """Obtaining the execution details of a workflow execution

        Obtains the execution details of a task ("获取工作流执行中的执行详情"): the
        workflow ID and execution ID select the task; its execution details, including
        `status`, are returned. Per the SDK, the API is open in the regions CN
        North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN South-Guangzhou.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the error responses below are those of the "终止任务执行" page of the
        same API group, assumed to apply (not documented for this operation). The
        SDK sends `Content-Type: application/json` on this GET although it has no
        body; it is not modelled as a parameter.
        """
        return self._call(
            _SHOW_EXECUTION_STATUS,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )

    def wait_until_execution_terminated(
        self,
        workflow_id: str,
        execution_id: str,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ExecutionStatusResponse | None:
        """Waits until a workflow execution that was terminated with terminate_execution has ended.

        Polls show_execution_status until ``status`` is one of cancel, success; fails on fail, approvalFailed;
        gives up after 900 s (``timeout``); polls after 5 s, doubling up to 30 s (``delay``,
        ``max_delay``). ``success``/``failure`` replace the states; ``on_state(state, waited)`` is called on each change.
        """
        return self._wait(
            _SHOW_EXECUTION_STATUS,
            "execution_terminated",
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
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

    def begin_wait_until_execution_terminated(
        self,
        workflow_id: str,
        execution_id: str,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> Wait[ExecutionStatusResponse]:
        """wait_until_execution_terminated, resumable: nothing is read until ``result()``; ``continuation_token()`` saves it for ``resume_wait``."""
        return begin_wait(
            self,
            _SHOW_EXECUTION_STATUS,
            "execution_terminated",
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
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
    """Application Operations Management (AOM) workflow execution control: asyncio operations."""

    @property
    def with_raw_response(self) -> AsyncServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return AsyncServiceWithRawResponse(self._transport)

    def resume_wait(self, continuation_token: str, *, on_state: StateCallback | None = None) -> AsyncWait[Any]:
        """A wait saved with ``continuation_token()``, here or in another process; ``result()`` goes on polling."""
        return resume_wait_async(self, continuation_token, on_state=on_state)

    async def list_workflow(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
    ) -> WorkflowPage:
        """Querying the task (workflow) list

        Returns the tasks (workflows) created so far ("查询任务列表"), a page at a time,
        filtered by name, status, type, creator or update time. Per the SDK, the API
        is open in the regions CN North-Beijing4, CN East-Shanghai1, CN
        East-Shanghai2 and CN South-Guangzhou. Transcribed from the SDK, which
        documents no status codes other than the 200 model; the error responses of
        the "终止任务执行" page of the same API group are assumed to apply. A POST
        that only reads: the query is its body.
        """
        return await self._call(
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
        )

    def iter_list_workflow(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> AsyncItemIterator[Workflow]:
        """list_workflow, item by item across its pages (page in the body), each fetched when it is needed.

        ``max_items`` bounds the items; the iterator's ``resume_token`` continues the listing as ``starting_token``.
        """
        return iterate_items_async(
            self._call,
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
            max_items=max_items,
            starting_token=starting_token,
        )

    def list_workflow_pages(
        self,
        *,
        search: str | Unset = UNSET,
        type_: WorkflowQueryType | Unset = UNSET,
        tags: WorkflowQueryTags | Unset = UNSET,
        page: int | Unset = UNSET,
        size: int | Unset = UNSET,
        enterprise_project_id: str | Unset = UNSET,
        create_by: str | Unset = UNSET,
        sort_field: WorkflowQuerySortField | Unset = UNSET,
        sort_type: WorkflowQuerySortType | Unset = UNSET,
        search_time_start: int | Unset = UNSET,
        search_time_end: int | Unset = UNSET,
        status: str | Unset = UNSET,
        max_pages: int | None = None,
        starting_token: str | None = None,
    ) -> AsyncPageIterator[WorkflowPage]:
        """list_workflow, page by page (each the whole response), each fetched when it is needed; ``max_pages`` bounds them."""
        return iterate_pages_async(
            self._call,
            _LIST_WORKFLOW,
            {},
            WorkflowQuery(
                search=search,
                type_=type_,
                tags=tags,
                page=page,
                size=size,
                enterprise_project_id=enterprise_project_id,
                create_by=create_by,
                sort_field=sort_field,
                sort_type=sort_type,
                search_time_start=search_time_start,
                search_time_end=search_time_end,
                status=status,
            ),
            max_pages=max_pages,
            starting_token=starting_token,
        )

    async def list_workflow_executions(
        self,
        workflow_id: str,
        *,
        x_enterprise_project_id: str | Unset = UNSET,
    ) -> list[WorkflowExecutionBrief]:
        """Obtaining the execution history of a task

        Returns the executions of one task (workflow) ("获取任务执行历史"): one unpaged
        list, as the SDK documents no paging parameters. Per the SDK, the API is open
        in the regions CN North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN
        South-Guangzhou. Transcribed from the SDK, which documents no status codes
        other than the 200 model; the error responses of the "终止任务执行" page are
        assumed to apply. The SDK sends `Content-Type: application/json` on this GET
        although it has no body; it is not modelled as a parameter.
        """
        return await self._call(
            _LIST_WORKFLOW_EXECUTIONS,
            {
                "workflow_id": workflow_id,
                "x_enterprise_project_id": x_enterprise_project_id,
            },
        )

    async def terminate_execution(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> TerminateExecutionResponse:
        """Terminating a task execution

        Terminates a task that is being executed: the workflow ID and execution ID
        select the task to terminate; the status of the termination is returned.
        """
        return await self._call(
            _TERMINATE_EXECUTION,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )

    async def terminate_execution_and_wait(
        self,
        workflow_id: str,
        execution_id: str,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ExecutionStatusResponse | None:
        """terminate_execution, then wait_until_execution_terminated with the same ids and options. A refused stop of a job already in a success state returns that state."""
        return await self._act_and_wait(
            lambda: self.terminate_execution(
                workflow_id,
                execution_id,
            ),
            _SHOW_EXECUTION_STATUS,
            "execution_terminated",
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
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

    async def show_execution_status(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> ExecutionStatusResponse:
        """Obtaining the execution details of a workflow execution

        Obtains the execution details of a task ("获取工作流执行中的执行详情"): the
        workflow ID and execution ID select the task; its execution details, including
        `status`, are returned. Per the SDK, the API is open in the regions CN
        North-Beijing4, CN East-Shanghai1, CN East-Shanghai2 and CN South-Guangzhou.
        Transcribed from the SDK, which documents no status codes other than the 200
        model; the error responses below are those of the "终止任务执行" page of the
        same API group, assumed to apply (not documented for this operation). The
        SDK sends `Content-Type: application/json` on this GET although it has no
        body; it is not modelled as a parameter.
        """
        return await self._call(
            _SHOW_EXECUTION_STATUS,
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
            },
        )

    async def wait_until_execution_terminated(
        self,
        workflow_id: str,
        execution_id: str,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> ExecutionStatusResponse | None:
        """Waits until a workflow execution that was terminated with terminate_execution has ended.

        Polls show_execution_status until ``status`` is one of cancel, success; fails on fail, approvalFailed;
        gives up after 900 s (``timeout``); polls after 5 s, doubling up to 30 s (``delay``,
        ``max_delay``). ``success``/``failure`` replace the states; ``on_state(state, waited)`` is called on each change.
        """
        return await self._wait(
            _SHOW_EXECUTION_STATUS,
            "execution_terminated",
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
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

    def begin_wait_until_execution_terminated(
        self,
        workflow_id: str,
        execution_id: str,
        *,
        options: WaitOptions | None = None,
        timeout: float | None = None,
        delay: float | None = None,
        max_delay: float | None = None,
        success: list[str] | None = None,
        failure: list[str] | None = None,
        on_state: StateCallback | None = None,
    ) -> AsyncWait[ExecutionStatusResponse]:
        """wait_until_execution_terminated, resumable: nothing is read until ``result()``; ``continuation_token()`` saves it for ``resume_wait``."""
        return begin_wait_async(
            self,
            _SHOW_EXECUTION_STATUS,
            "execution_terminated",
            {
                "workflow_id": workflow_id,
                "execution_id": execution_id,
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
