from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.stop_job_request import StopJobRequest
from ...models.stop_job_response import StopJobResponse
from ...models.stop_job_x_language import StopJobXLanguage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: str,
    job_id: str,
    *,
    body: StopJobRequest,
    content_type: str = "application/json",
    x_language: StopJobXLanguage | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Content-Type"] = content_type

    if not isinstance(x_language, Unset):
        headers["X-Language"] = str(x_language)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v5/{project_id}/jobs/{job_id}/stop".format(
            project_id=quote(str(project_id), safe=""),
            job_id=quote(str(job_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StopJobResponse | None:
    if response.status_code == 200:
        response_200 = StopJobResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | StopJobResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StopJobRequest,
    content_type: str = "application/json",
    x_language: StopJobXLanguage | Unset = UNSET,
) -> Response[ErrorResponse | StopJobResponse]:
    """Stopping a Task

     This API is used to stop a task with a specified ID.

    Args:
        project_id (str):
        job_id (str):
        content_type (str):  Default: 'application/json'.
        x_language (StopJobXLanguage | Unset):
        body (StopJobRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StopJobResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        job_id=job_id,
        body=body,
        content_type=content_type,
        x_language=x_language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StopJobRequest,
    content_type: str = "application/json",
    x_language: StopJobXLanguage | Unset = UNSET,
) -> ErrorResponse | StopJobResponse | None:
    """Stopping a Task

     This API is used to stop a task with a specified ID.

    Args:
        project_id (str):
        job_id (str):
        content_type (str):  Default: 'application/json'.
        x_language (StopJobXLanguage | Unset):
        body (StopJobRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StopJobResponse
    """

    return sync_detailed(
        project_id=project_id,
        job_id=job_id,
        client=client,
        body=body,
        content_type=content_type,
        x_language=x_language,
    ).parsed


async def asyncio_detailed(
    project_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StopJobRequest,
    content_type: str = "application/json",
    x_language: StopJobXLanguage | Unset = UNSET,
) -> Response[ErrorResponse | StopJobResponse]:
    """Stopping a Task

     This API is used to stop a task with a specified ID.

    Args:
        project_id (str):
        job_id (str):
        content_type (str):  Default: 'application/json'.
        x_language (StopJobXLanguage | Unset):
        body (StopJobRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StopJobResponse]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        job_id=job_id,
        body=body,
        content_type=content_type,
        x_language=x_language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: StopJobRequest,
    content_type: str = "application/json",
    x_language: StopJobXLanguage | Unset = UNSET,
) -> ErrorResponse | StopJobResponse | None:
    """Stopping a Task

     This API is used to stop a task with a specified ID.

    Args:
        project_id (str):
        job_id (str):
        content_type (str):  Default: 'application/json'.
        x_language (StopJobXLanguage | Unset):
        body (StopJobRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StopJobResponse
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            job_id=job_id,
            client=client,
            body=body,
            content_type=content_type,
            x_language=x_language,
        )
    ).parsed
