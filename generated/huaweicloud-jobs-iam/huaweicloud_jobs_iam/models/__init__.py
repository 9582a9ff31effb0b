"""Contains all the data models used in inputs/outputs"""

from .ak_sk_identity import AkSkIdentity
from .auth import Auth
from .create_token_nocatalog import CreateTokenNocatalog
from .error_response import ErrorResponse
from .error_response_error import ErrorResponseError
from .identity import Identity
from .identity_methods_item import IdentityMethodsItem
from .named_domain import NamedDomain
from .password_identity import PasswordIdentity
from .project_scope import ProjectScope
from .scope import Scope
from .secret_value import SecretValue
from .token import Token
from .token_request import TokenRequest
from .token_response import TokenResponse
from .user import User

__all__ = (
    "AkSkIdentity",
    "Auth",
    "CreateTokenNocatalog",
    "ErrorResponse",
    "ErrorResponseError",
    "Identity",
    "IdentityMethodsItem",
    "NamedDomain",
    "PasswordIdentity",
    "ProjectScope",
    "Scope",
    "SecretValue",
    "Token",
    "TokenRequest",
    "TokenResponse",
    "User",
)
