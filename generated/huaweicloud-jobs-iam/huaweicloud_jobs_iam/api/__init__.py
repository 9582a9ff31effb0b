"""Typed operations of Identity and Access Management (IAM) token issuing (generated from its OpenAPI document, version 1.0.0)."""

from __future__ import annotations

from functools import partial

import httpx

from ..models.auth import Auth
from ..models.create_token_nocatalog import CreateTokenNocatalog
from ..models.token_request import TokenRequest
from ..models.token_response import TokenResponse
from ..types import UNSET, AsyncTransport, Operation, Transport, Unset
from .tokens import create_token as _create_token

SERVICE = "iam"
SPEC_VERSION = "1.0.0"


_OPERATION_CREATE_TOKEN = Operation(
    package=__name__.split(".")[0],
    service=SERVICE,
    name="create_token",
    method="POST",
    path="/v3/auth/tokens",
    success_status=(201,),
    request_id_headers=(),
)


def _parse_create_token(response: httpx.Response) -> TokenResponse:
    response_201 = TokenResponse.from_dict(response.json())

    return response_201


class Service:
    """Identity and Access Management (IAM) token issuing: synchronous operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def create_token(
        self,
        auth: Auth,
        *,
        nocatalog: CreateTokenNocatalog | Unset = UNSET,
    ) -> TokenResponse:
        """Obtaining a token

        Issues a token scoped to a project.
        """
        arguments: dict[str, object] = {
            "nocatalog": nocatalog,
        }
        request = partial(
            _create_token._get_kwargs,
            nocatalog=nocatalog,
            body=TokenRequest(
                auth=auth,
            ),
        )
        return self._transport.send(_OPERATION_CREATE_TOKEN, arguments, request, _parse_create_token)


class AsyncService:
    """Identity and Access Management (IAM) token issuing: asyncio operations bound to one transport (credentials, project, retries)."""

    def __init__(self, transport: AsyncTransport) -> None:
        self._transport = transport

    async def create_token(
        self,
        auth: Auth,
        *,
        nocatalog: CreateTokenNocatalog | Unset = UNSET,
    ) -> TokenResponse:
        """Obtaining a token

        Issues a token scoped to a project.
        """
        arguments: dict[str, object] = {
            "nocatalog": nocatalog,
        }
        request = partial(
            _create_token._get_kwargs,
            nocatalog=nocatalog,
            body=TokenRequest(
                auth=auth,
            ),
        )
        return await self._transport.send(_OPERATION_CREATE_TOKEN, arguments, request, _parse_create_token)
