"""Typed operations of Application Operations Management (AOM) workflow execution control (generated from its OpenAPI document, version 1.0.0)."""

from __future__ import annotations

from functools import partial

import httpx

from ..models.terminate_execution_response import TerminateExecutionResponse
from ..types import AsyncTransport, Operation, Transport
from .workflow import terminate_execution as _terminate_execution

SERVICE = "aom"
SPEC_VERSION = "1.0.0"


_OPERATION_TERMINATE_EXECUTION = Operation(
    package=__name__.split(".")[0],
    service=SERVICE,
    name="terminate_execution",
    method="POST",
    path="/v1/{project_id}/cms/workflow/{workflow_id}/executions/{execution_id}/terminate",
    success_status=(200,),
    request_id_headers=(),
)


def _parse_terminate_execution(response: httpx.Response) -> TerminateExecutionResponse:
    response_200 = TerminateExecutionResponse.from_dict(response.json())

    return response_200


class Service:
    """Application Operations Management (AOM) workflow execution control: synchronous operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def terminate_execution(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> TerminateExecutionResponse:
        """Terminating a task execution

        Terminates a task that is being executed: the workflow ID and execution ID
        select the task to terminate; the status of the termination is returned.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "workflow_id": workflow_id,
            "execution_id": execution_id,
        }
        request = partial(
            _terminate_execution._get_kwargs,
            project_id=project_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        )
        return self._transport.send(_OPERATION_TERMINATE_EXECUTION, arguments, request, _parse_terminate_execution)


class AsyncService:
    """Application Operations Management (AOM) workflow execution control: asyncio operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def terminate_execution(
        self,
        workflow_id: str,
        execution_id: str,
    ) -> TerminateExecutionResponse:
        """Terminating a task execution

        Terminates a task that is being executed: the workflow ID and execution ID
        select the task to terminate; the status of the termination is returned.
        """
        project_id = self._transport.project_id
        arguments: dict[str, object] = {
            "project_id": project_id,
            "workflow_id": workflow_id,
            "execution_id": execution_id,
        }
        request = partial(
            _terminate_execution._get_kwargs,
            project_id=project_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
        )
        return await self._transport.send(
            _OPERATION_TERMINATE_EXECUTION, arguments, request, _parse_terminate_execution
        )
