"""The data models of the inputs and outputs; each model's module is imported on first use.

A service's API imports only the models its operations build or return, and a model imports the
ones nested in it when it parses them: a large response tree costs nothing until it is read.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ak_sk_identity import AkSkIdentity
    from .auth import Auth
    from .create_token_nocatalog import CreateTokenNocatalog
    from .credential import Credential
    from .domain_info import DomainInfo
    from .error_response import ErrorResponse
    from .error_response_error import ErrorResponseError
    from .federation_user import FederationUser
    from .id_info import IdInfo
    from .id_token_auth import IdTokenAuth
    from .id_token_request import IdTokenRequest
    from .id_token_scope import IdTokenScope
    from .id_token_scope_target import IdTokenScopeTarget
    from .id_token_value import IdTokenValue
    from .identity import Identity
    from .identity_methods_item import IdentityMethodsItem
    from .identity_token import IdentityToken
    from .named_domain import NamedDomain
    from .os_federation_info import OsFederationInfo
    from .os_federation_info_groups_item import OsFederationInfoGroupsItem
    from .password_identity import PasswordIdentity
    from .project_info import ProjectInfo
    from .project_scope import ProjectScope
    from .role_info import RoleInfo
    from .scope import Scope
    from .scoped_token_info import ScopedTokenInfo
    from .scoped_token_info_catalog_item import ScopedTokenInfoCatalogItem
    from .scoped_token_response import ScopedTokenResponse
    from .secret_value import SecretValue
    from .service_policy import ServicePolicy
    from .service_statement import ServiceStatement
    from .service_statement_condition import ServiceStatementCondition
    from .service_statement_condition_additional_property import ServiceStatementConditionAdditionalProperty
    from .service_statement_effect import ServiceStatementEffect
    from .temporary_access_key_auth import TemporaryAccessKeyAuth
    from .temporary_access_key_identity import TemporaryAccessKeyIdentity
    from .temporary_access_key_identity_methods_item import TemporaryAccessKeyIdentityMethodsItem
    from .temporary_access_key_request import TemporaryAccessKeyRequest
    from .temporary_access_key_response import TemporaryAccessKeyResponse
    from .token import Token
    from .token_request import TokenRequest
    from .token_response import TokenResponse
    from .user import User

_MODULES = {
    "AkSkIdentity": ".ak_sk_identity",
    "Auth": ".auth",
    "CreateTokenNocatalog": ".create_token_nocatalog",
    "Credential": ".credential",
    "DomainInfo": ".domain_info",
    "ErrorResponse": ".error_response",
    "ErrorResponseError": ".error_response_error",
    "FederationUser": ".federation_user",
    "IdInfo": ".id_info",
    "IdTokenAuth": ".id_token_auth",
    "IdTokenRequest": ".id_token_request",
    "IdTokenScope": ".id_token_scope",
    "IdTokenScopeTarget": ".id_token_scope_target",
    "IdTokenValue": ".id_token_value",
    "Identity": ".identity",
    "IdentityMethodsItem": ".identity_methods_item",
    "IdentityToken": ".identity_token",
    "NamedDomain": ".named_domain",
    "OsFederationInfo": ".os_federation_info",
    "OsFederationInfoGroupsItem": ".os_federation_info_groups_item",
    "PasswordIdentity": ".password_identity",
    "ProjectInfo": ".project_info",
    "ProjectScope": ".project_scope",
    "RoleInfo": ".role_info",
    "Scope": ".scope",
    "ScopedTokenInfo": ".scoped_token_info",
    "ScopedTokenInfoCatalogItem": ".scoped_token_info_catalog_item",
    "ScopedTokenResponse": ".scoped_token_response",
    "SecretValue": ".secret_value",
    "ServicePolicy": ".service_policy",
    "ServiceStatement": ".service_statement",
    "ServiceStatementCondition": ".service_statement_condition",
    "ServiceStatementConditionAdditionalProperty": ".service_statement_condition_additional_property",
    "ServiceStatementEffect": ".service_statement_effect",
    "TemporaryAccessKeyAuth": ".temporary_access_key_auth",
    "TemporaryAccessKeyIdentity": ".temporary_access_key_identity",
    "TemporaryAccessKeyIdentityMethodsItem": ".temporary_access_key_identity_methods_item",
    "TemporaryAccessKeyRequest": ".temporary_access_key_request",
    "TemporaryAccessKeyResponse": ".temporary_access_key_response",
    "Token": ".token",
    "TokenRequest": ".token_request",
    "TokenResponse": ".token_response",
    "User": ".user",
}
__all__ = (
    "AkSkIdentity",
    "Auth",
    "CreateTokenNocatalog",
    "Credential",
    "DomainInfo",
    "ErrorResponse",
    "ErrorResponseError",
    "FederationUser",
    "Identity",
    "IdentityMethodsItem",
    "IdentityToken",
    "IdInfo",
    "IdTokenAuth",
    "IdTokenRequest",
    "IdTokenScope",
    "IdTokenScopeTarget",
    "IdTokenValue",
    "NamedDomain",
    "OsFederationInfo",
    "OsFederationInfoGroupsItem",
    "PasswordIdentity",
    "ProjectInfo",
    "ProjectScope",
    "RoleInfo",
    "Scope",
    "ScopedTokenInfo",
    "ScopedTokenInfoCatalogItem",
    "ScopedTokenResponse",
    "SecretValue",
    "ServicePolicy",
    "ServiceStatement",
    "ServiceStatementCondition",
    "ServiceStatementConditionAdditionalProperty",
    "ServiceStatementEffect",
    "TemporaryAccessKeyAuth",
    "TemporaryAccessKeyIdentity",
    "TemporaryAccessKeyIdentityMethodsItem",
    "TemporaryAccessKeyRequest",
    "TemporaryAccessKeyResponse",
    "Token",
    "TokenRequest",
    "TokenResponse",
    "User",
)


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_MODULES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
