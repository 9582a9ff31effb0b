"""Typed operations of Identity and Access Management (IAM) token issuing (generated from its OpenAPI document, version 1.1.0)."""

from __future__ import annotations

from huaweicloud_jobs_core import RawResponse
from huaweicloud_jobs_core.seam import AsyncRawServiceBase, AsyncServiceBase, Operation, RawServiceBase, ServiceBase
from huaweicloud_jobs_core.types import UNSET, Unset

from ..models.auth import Auth
from ..models.create_token_nocatalog import CreateTokenNocatalog
from ..models.id_token_auth import IdTokenAuth
from ..models.id_token_request import IdTokenRequest
from ..models.scoped_token_response import ScopedTokenResponse
from ..models.temporary_access_key_auth import TemporaryAccessKeyAuth
from ..models.temporary_access_key_request import TemporaryAccessKeyRequest
from ..models.temporary_access_key_response import TemporaryAccessKeyResponse
from ..models.token_request import TokenRequest
from ..models.token_response import TokenResponse

PACKAGE = __name__.split(".")[0]
_CREATE_TOKEN: Operation[TokenResponse] = Operation(
    PACKAGE, "create_token", "POST", "/v3/auth/tokens", TokenResponse.from_dict
)
_CREATE_TOKEN_WITH_ID_TOKEN: Operation[ScopedTokenResponse] = Operation(
    PACKAGE, "create_token_with_id_token", "POST", "/v3.0/OS-AUTH/id-token/tokens", ScopedTokenResponse.from_dict
)
_CREATE_TEMPORARY_ACCESS_KEY_BY_TOKEN: Operation[TemporaryAccessKeyResponse] = Operation(
    PACKAGE,
    "create_temporary_access_key_by_token",
    "POST",
    "/v3.0/OS-CREDENTIAL/securitytokens",
    TemporaryAccessKeyResponse.from_dict,
)


class ServiceWithRawResponse(RawServiceBase):
    """Identity and Access Management (IAM) token issuing: synchronous operations, each returning a RawResponse."""

    def create_token(
        self,
        auth: Auth,
        *,
        nocatalog: CreateTokenNocatalog | Unset = UNSET,
    ) -> RawResponse[TokenResponse]:
        """Obtaining a token

        Issues a token scoped to a project.
        """
        return self._call_raw(
            _CREATE_TOKEN,
            {
                "nocatalog": nocatalog,
            },
            TokenRequest(
                auth=auth,
            ),
        )

    def create_token_with_id_token(
        self,
        auth: IdTokenAuth,
        *,
        x_idp_id: str,
    ) -> RawResponse[ScopedTokenResponse]:
        """Obtaining a federated token (OpenID Connect ID token)

        Obtains a federated authentication token with an OpenID Connect ID token
        ("获取联邦认证token(OpenId Connect Id token方式)"). The identity provider is
        named in X-Idp-Id; with `auth.scope` the token is scoped to that domain or
        project. The token is returned in the X-Subject-Token response header. The
        ID token is the credential: the request carries no other authentication.
        The SDK sends `Content-Type: application/json;charset=UTF-8`.
        """
        return self._call_raw(
            _CREATE_TOKEN_WITH_ID_TOKEN,
            {
                "X-Idp-Id": x_idp_id,
            },
            IdTokenRequest(
                auth=auth,
            ),
        )

    def create_temporary_access_key_by_token(
        self,
        auth: TemporaryAccessKeyAuth,
    ) -> RawResponse[TemporaryAccessKeyResponse]:
        """Obtaining temporary access keys with a token

        Obtains a temporary AK/SK and security token with a token ("通过token获取临时
        访问密钥"). They are valid for 15 minutes to 24 hours and must be used
        together: a request signed with them carries the security token in the
        `X-Security-Token` header. The token authenticating the request is sent as
        X-Auth-Token (the SDK authenticates with its own credentials; the body's
        `auth.identity.token.id` means the same as X-Auth-Token and is to be
        deprecated). The API can be called on the global endpoint or a regional one.
        The SDK sends `Content-Type: application/json;charset=UTF-8`. (The same path
        also serves CreateTemporaryAccessKeyByAgency, with the method
        `assume_role`; it is not modelled here.)
        """
        return self._call_raw(
            _CREATE_TEMPORARY_ACCESS_KEY_BY_TOKEN,
            {},
            TemporaryAccessKeyRequest(
                auth=auth,
            ),
        )


class AsyncServiceWithRawResponse(AsyncRawServiceBase):
    """Identity and Access Management (IAM) token issuing: asyncio operations, each returning a RawResponse."""

    async def create_token(
        self,
        auth: Auth,
        *,
        nocatalog: CreateTokenNocatalog | Unset = UNSET,
    ) -> RawResponse[TokenResponse]:
        """Obtaining a token

        Issues a token scoped to a project.
        """
        return await self._call_raw(
            _CREATE_TOKEN,
            {
                "nocatalog": nocatalog,
            },
            TokenRequest(
                auth=auth,
            ),
        )

    async def create_token_with_id_token(
        self,
        auth: IdTokenAuth,
        *,
        x_idp_id: str,
    ) -> RawResponse[ScopedTokenResponse]:
        """Obtaining a federated token (OpenID Connect ID token)

        Obtains a federated authentication token with an OpenID Connect ID token
        ("获取联邦认证token(OpenId Connect Id token方式)"). The identity provider is
        named in X-Idp-Id; with `auth.scope` the token is scoped to that domain or
        project. The token is returned in the X-Subject-Token response header. The
        ID token is the credential: the request carries no other authentication.
        The SDK sends `Content-Type: application/json;charset=UTF-8`.
        """
        return await self._call_raw(
            _CREATE_TOKEN_WITH_ID_TOKEN,
            {
                "X-Idp-Id": x_idp_id,
            },
            IdTokenRequest(
                auth=auth,
            ),
        )

    async def create_temporary_access_key_by_token(
        self,
        auth: TemporaryAccessKeyAuth,
    ) -> RawResponse[TemporaryAccessKeyResponse]:
        """Obtaining temporary access keys with a token

        Obtains a temporary AK/SK and security token with a token ("通过token获取临时
        访问密钥"). They are valid for 15 minutes to 24 hours and must be used
        together: a request signed with them carries the security token in the
        `X-Security-Token` header. The token authenticating the request is sent as
        X-Auth-Token (the SDK authenticates with its own credentials; the body's
        `auth.identity.token.id` means the same as X-Auth-Token and is to be
        deprecated). The API can be called on the global endpoint or a regional one.
        The SDK sends `Content-Type: application/json;charset=UTF-8`. (The same path
        also serves CreateTemporaryAccessKeyByAgency, with the method
        `assume_role`; it is not modelled here.)
        """
        return await self._call_raw(
            _CREATE_TEMPORARY_ACCESS_KEY_BY_TOKEN,
            {},
            TemporaryAccessKeyRequest(
                auth=auth,
            ),
        )


class Service(ServiceBase):
    """Identity and Access Management (IAM) token issuing: synchronous operations."""

    @property
    def with_raw_response(self) -> ServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return ServiceWithRawResponse(self._transport)

    def create_token(
        self,
        auth: Auth,
        *,
        nocatalog: CreateTokenNocatalog | Unset = UNSET,
    ) -> TokenResponse:
        """Obtaining a token

        Issues a token scoped to a project.
        """
        return self._call(
            _CREATE_TOKEN,
            {
                "nocatalog": nocatalog,
            },
            TokenRequest(
                auth=auth,
            ),
        )

    def create_token_with_id_token(
        self,
        auth: IdTokenAuth,
        *,
        x_idp_id: str,
    ) -> ScopedTokenResponse:
        """Obtaining a federated token (OpenID Connect ID token)

        Obtains a federated authentication token with an OpenID Connect ID token
        ("获取联邦认证token(OpenId Connect Id token方式)"). The identity provider is
        named in X-Idp-Id; with `auth.scope` the token is scoped to that domain or
        project. The token is returned in the X-Subject-Token response header. The
        ID token is the credential: the request carries no other authentication.
        The SDK sends `Content-Type: application/json;charset=UTF-8`.
        """
        return self._call(
            _CREATE_TOKEN_WITH_ID_TOKEN,
            {
                "X-Idp-Id": x_idp_id,
            },
            IdTokenRequest(
                auth=auth,
            ),
        )

    def create_temporary_access_key_by_token(
        self,
        auth: TemporaryAccessKeyAuth,
    ) -> TemporaryAccessKeyResponse:
        """Obtaining temporary access keys with a token

        Obtains a temporary AK/SK and security token with a token ("通过token获取临时
        访问密钥"). They are valid for 15 minutes to 24 hours and must be used
        together: a request signed with them carries the security token in the
        `X-Security-Token` header. The token authenticating the request is sent as
        X-Auth-Token (the SDK authenticates with its own credentials; the body's
        `auth.identity.token.id` means the same as X-Auth-Token and is to be
        deprecated). The API can be called on the global endpoint or a regional one.
        The SDK sends `Content-Type: application/json;charset=UTF-8`. (The same path
        also serves CreateTemporaryAccessKeyByAgency, with the method
        `assume_role`; it is not modelled here.)
        """
        return self._call(
            _CREATE_TEMPORARY_ACCESS_KEY_BY_TOKEN,
            {},
            TemporaryAccessKeyRequest(
                auth=auth,
            ),
        )


class AsyncService(AsyncServiceBase):
    """Identity and Access Management (IAM) token issuing: asyncio operations."""

    @property
    def with_raw_response(self) -> AsyncServiceWithRawResponse:
        """The same operations, returning a RawResponse (status, headers, request id and the parsed result)."""
        return AsyncServiceWithRawResponse(self._transport)

    async def create_token(
        self,
        auth: Auth,
        *,
        nocatalog: CreateTokenNocatalog | Unset = UNSET,
    ) -> TokenResponse:
        """Obtaining a token

        Issues a token scoped to a project.
        """
        return await self._call(
            _CREATE_TOKEN,
            {
                "nocatalog": nocatalog,
            },
            TokenRequest(
                auth=auth,
            ),
        )

    async def create_token_with_id_token(
        self,
        auth: IdTokenAuth,
        *,
        x_idp_id: str,
    ) -> ScopedTokenResponse:
        """Obtaining a federated token (OpenID Connect ID token)

        Obtains a federated authentication token with an OpenID Connect ID token
        ("获取联邦认证token(OpenId Connect Id token方式)"). The identity provider is
        named in X-Idp-Id; with `auth.scope` the token is scoped to that domain or
        project. The token is returned in the X-Subject-Token response header. The
        ID token is the credential: the request carries no other authentication.
        The SDK sends `Content-Type: application/json;charset=UTF-8`.
        """
        return await self._call(
            _CREATE_TOKEN_WITH_ID_TOKEN,
            {
                "X-Idp-Id": x_idp_id,
            },
            IdTokenRequest(
                auth=auth,
            ),
        )

    async def create_temporary_access_key_by_token(
        self,
        auth: TemporaryAccessKeyAuth,
    ) -> TemporaryAccessKeyResponse:
        """Obtaining temporary access keys with a token

        Obtains a temporary AK/SK and security token with a token ("通过token获取临时
        访问密钥"). They are valid for 15 minutes to 24 hours and must be used
        together: a request signed with them carries the security token in the
        `X-Security-Token` header. The token authenticating the request is sent as
        X-Auth-Token (the SDK authenticates with its own credentials; the body's
        `auth.identity.token.id` means the same as X-Auth-Token and is to be
        deprecated). The API can be called on the global endpoint or a regional one.
        The SDK sends `Content-Type: application/json;charset=UTF-8`. (The same path
        also serves CreateTemporaryAccessKeyByAgency, with the method
        `assume_role`; it is not modelled here.)
        """
        return await self._call(
            _CREATE_TEMPORARY_ACCESS_KEY_BY_TOKEN,
            {},
            TemporaryAccessKeyRequest(
                auth=auth,
            ),
        )
