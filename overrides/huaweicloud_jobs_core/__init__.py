"""The runtime under every generated huaweicloud-jobs package.

Read bottom-up: defaults (``_defaults``) → credentials (``_credentials``) → signing
(``_signing``) and tokens (``_tokens``) → errors (``_exceptions``, ``_error_body``) →
retries (``_retry``) → endpoints (``_endpoints``) → the spec and what it says
(``_spec``, ``_validation``, ``_request``, ``_coerce``) → results and the seam the
generated packages use (``_results``, ``_service``, ``types``) → sending
(``_transport``) → the client (``_client``) → bulk helpers (``_bulk``). This package
imports no generated package; users import ``huaweicloud_jobs``, which re-exports it.
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
    BatchFailedError,
    ClientClosedError,
    ClientTimeoutError,
    ConflictError,
    ConnectionFailedError,
    CredentialsError,
    HuaweiCloudJobsError,
    InvalidParameterError,
    NotFoundError,
    OperationFailedError,
    PermissionDeniedError,
    ProjectRequiredError,
    RateLimitError,
    RequestTimeoutError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    ServerTimeoutError,
    TransportError,
    UnexpectedStatusError,
)
from ._results import Acknowledgement, BatchResult, RawResponse
from ._retry import RetryPolicy
from ._service import (
    AsyncRawServiceBase,
    AsyncServiceBase,
    AsyncTransport,
    Operation,
    RawServiceBase,
    ServiceBase,
    Transport,
)
from ._signing import AkSkAuth, Signer, SigningError
from ._tokens import CachedTokenProvider, IamTokenAuth, IssuedSecret, StaticTokenAuth, TokenAuth, TokenSource
from ._transport import AsyncHttpTransport, HttpTransport
from ._version import __version__
from ._waiters import StateCallback, WaiterFailedError, WaiterTimeoutError, WaitOptions

_redaction.install()

__all__ = [
    "DEFAULT_TIMEOUT",
    "HUAWEI_CLOUD",
    "OPEN_TELEKOM_CLOUD",
    "APIStatusError",
    "Acknowledgement",
    "AkSkAuth",
    "AsyncHttpTransport",
    "AsyncRawServiceBase",
    "AsyncServiceBase",
    "AsyncTransport",
    "AuthenticationError",
    "BadRequestError",
    "BaseAsyncCloud",
    "BaseCloud",
    "BatchFailedError",
    "BatchResult",
    "BulkOutcome",
    "CachedTokenProvider",
    "ClientClosedError",
    "ClientTimeoutError",
    "CloudProfile",
    "ConflictError",
    "ConnectionFailedError",
    "Credentials",
    "CredentialsError",
    "EndpointError",
    "HttpTransport",
    "HuaweiCloudJobsError",
    "IamTokenAuth",
    "InvalidParameterError",
    "IssuedSecret",
    "NotFoundError",
    "Operation",
    "OperationFailedError",
    "PermissionDeniedError",
    "ProjectRequiredError",
    "RateLimitError",
    "RawResponse",
    "RawServiceBase",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "ServerError",
    "ServerTimeoutError",
    "ServiceBase",
    "Signer",
    "SigningError",
    "StateCallback",
    "StaticTokenAuth",
    "TokenAuth",
    "TokenSource",
    "Transport",
    "TransportError",
    "UnexpectedStatusError",
    "WaitOptions",
    "WaiterFailedError",
    "WaiterTimeoutError",
    "__version__",
    "bulk_call",
]
