from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.terminate_execution_response import TerminateExecutionResponse
from ...types import Response


def _get_kwargs(
    project_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    content_type: str = "application/json",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Content-Type"] = content_type

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/{project_id}/cms/workflow/{workflow_id}/executions/{execution_id}/terminate".format(
            project_id=quote(str(project_id), safe=""),
            workflow_id=quote(str(workflow_id), safe=""),
            execution_id=quote(str(execution_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TerminateExecutionResponse | None:
    if response.status_code == 200:
        response_200 = TerminateExecutionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TerminateExecutionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    content_type: str = "application/json",
) -> Response[ErrorResponse | TerminateExecutionResponse]:
    """Terminating a task execution

     Terminates a task that is being executed: the workflow ID and execution ID
    select the task to terminate; the status of the termination is returned.

    Args:
        project_id (str):
        workflow_id (str):
        execution_id (str):
        content_type (str):  Default: 'application/json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TerminateExecutionResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        execution_id=execution_id,
        content_type=content_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    content_type: str = "application/json",
) -> ErrorResponse | TerminateExecutionResponse | None:
    """Terminating a task execution

     Terminates a task that is being executed: the workflow ID and execution ID
    select the task to terminate; the status of the termination is returned.

    Args:
        project_id (str):
        workflow_id (str):
        execution_id (str):
        content_type (str):  Default: 'application/json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TerminateExecutionResponse
    """

    return sync_detailed(
        project_id=project_id,
        workflow_id=workflow_id,
        execution_id=execution_id,
        client=client,
        content_type=content_type,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    content_type: str = "application/json",
) -> Response[ErrorResponse | TerminateExecutionResponse]:
    """Terminating a task execution

     Terminates a task that is being executed: the workflow ID and execution ID
    select the task to terminate; the status of the termination is returned.

    Args:
        project_id (str):
        workflow_id (str):
        execution_id (str):
        content_type (str):  Default: 'application/json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TerminateExecutionResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        workflow_id=workflow_id,
        execution_id=execution_id,
        content_type=content_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    workflow_id: str,
    execution_id: str,
    *,
    client: AuthenticatedClient | Client,
    content_type: str = "application/json",
) -> ErrorResponse | TerminateExecutionResponse | None:
    """Terminating a task execution

     Terminates a task that is being executed: the workflow ID and execution ID
    select the task to terminate; the status of the termination is returned.

    Args:
        project_id (str):
        workflow_id (str):
        execution_id (str):
        content_type (str):  Default: 'application/json'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TerminateExecutionResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            workflow_id=workflow_id,
            execution_id=execution_id,
            client=client,
            content_type=content_type,
        )
    ).parsed
