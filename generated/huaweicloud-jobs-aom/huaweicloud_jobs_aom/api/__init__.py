"""Typed operations of Application Operations Management (AOM) workflow execution control (generated from its OpenAPI document, version 1.1.0)."""

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

from ..models.execution_status_response import ExecutionStatusResponse
from ..models.terminate_execution_response import TerminateExecutionResponse

PACKAGE = __name__.split(".")[0]
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
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
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
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
        )


class AsyncService(AsyncServiceBase):
    """Application Operations Management (AOM) workflow execution control: asyncio operations."""

    @property
    def with_raw_response(self) -> AsyncServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return AsyncServiceWithRawResponse(self._transport)

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
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
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
            timeout=timeout,
            delay=delay,
            max_delay=max_delay,
            success=success,
            failure=failure,
            on_state=on_state,
        )
