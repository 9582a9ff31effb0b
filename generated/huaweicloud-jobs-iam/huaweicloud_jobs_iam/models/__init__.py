"""Contains all the data models used in inputs/outputs"""

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
