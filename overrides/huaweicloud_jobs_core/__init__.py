"""Handwritten glue for the generated huaweicloud-jobs service clients.

Read in this order: credentials (``_credentials``) → signing (``_signing``) and
tokens (``_tokens``) → errors (``_exceptions``, ``_error_body``) → retries
(``_retry``) → endpoints (``_endpoints``) → checks and sending (``_spec``,
``_validation``, ``_transport``) → the client (``_client``) → bulk helpers
(``_bulk``). Users import ``huaweicloud_jobs``, which re-exports all of this.
"""

from . import _redaction
from ._bulk import BulkOutcome, bulk_call
from ._client import DEFAULT_TIMEOUT, BaseAsyncCloud, BaseCloud
from ._credentials import Credentials
from ._endpoints import HUAWEI_CLOUD, OPEN_TELEKOM_CLOUD, CloudProfile, EndpointError
from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ClientTimeoutError,
    ConflictError,
    ConnectionFailedError,
    CredentialsError,
    HuaweiCloudJobsError,
    InvalidParameterError,
    NotFoundError,
    OperationFailedError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ResponseValidationError,
    ServerError,
    ServerTimeoutError,
    TransportError,
    UnexpectedStatusError,
)
from ._retry import RetryPolicy
from ._signing import AkSkAuth, Signer, SigningError
from ._tokens import IamTokenAuth, IamTokenProvider, StaticTokenAuth
from ._transport import ProjectRequiredError

_redaction.install()

__all__ = [
    "DEFAULT_TIMEOUT",
    "HUAWEI_CLOUD",
    "OPEN_TELEKOM_CLOUD",
    "APIStatusError",
    "AkSkAuth",
    "AuthenticationError",
    "BadRequestError",
    "BaseAsyncCloud",
    "BaseCloud",
    "BulkOutcome",
    "ClientTimeoutError",
    "CloudProfile",
    "ConflictError",
    "ConnectionFailedError",
    "Credentials",
    "CredentialsError",
    "EndpointError",
    "HuaweiCloudJobsError",
    "IamTokenAuth",
    "IamTokenProvider",
    "InvalidParameterError",
    "NotFoundError",
    "OperationFailedError",
    "PermissionDeniedError",
    "ProjectRequiredError",
    "RateLimitError",
    "RequestTimeoutError",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerError",
    "ServerTimeoutError",
    "Signer",
    "SigningError",
    "StaticTokenAuth",
    "TransportError",
    "UnexpectedStatusError",
    "bulk_call",
]
