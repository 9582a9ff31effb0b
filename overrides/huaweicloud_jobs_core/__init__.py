"""The runtime under every generated huaweicloud-jobs package.

Read bottom-up: defaults (``_defaults``) → credentials (``_credentials``) → signing
(``_signing``) and tokens (``_tokens``) → errors (``_exceptions``, ``_error_body``) →
retries (``_retry``) → endpoints (``_endpoints``) → the spec and what it says
(``_spec``, ``_validation``, ``_request``, ``_coerce``) → results and the seam the
generated packages use (``_results``, ``_service``, ``types``) → sending
(``_transport``) → the client (``_client``) → bulk helpers (``_bulk``). This package
imports no generated package; users import ``huaweicloud_jobs``, which re-exports it.
"""

from typing import TYPE_CHECKING

from . import _redaction
from ._client import DEFAULT_TIMEOUT
from ._credentials import Credentials, CredentialsNotFoundError, TemporaryCredentials
from ._deprecations import DEPRECATED, deprecated_name
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
from ._paginators import AsyncItemIterator, AsyncPageIterator, ItemIterator, PageIterator, PaginatorSpecError
from ._results import Acknowledgement, BatchResult, RawResponse
from ._resumable import AsyncWait, Wait
from ._retry import RetryPolicy
from ._signing import AkSkAuth, Signer, SigningError
from ._version import __version__
from ._waiters import StateCallback, WaiterFailedError, WaiterTimeoutError, WaitOptions

if TYPE_CHECKING:
    from ._bulk import BulkOutcome, bulk_call, bulk_call_async
    from ._federation import FederationCredentialsProvider, FederationScope
    from ._metadata import MetadataCredentialsError, MetadataCredentialsProvider
    from ._providers import (
        ArgumentsCredentialsProvider,
        CredentialProvider,
        CredentialProviderChain,
        EnvironmentCredentialsProvider,
        ProfileCredentialsProvider,
        ProviderAkSkAuth,
        SourceReport,
        StaticCredentialsProvider,
        default_credential_chain,
    )
    from ._regions import RegionsFileError
    from ._selection import Selection, select, select_async
    from ._tokens import CachedTokenProvider, IssuedSecret, StaticTokenAuth, TokenAuth, TokenSource

_redaction.install()

# Imported on first use, so that `import huaweicloud_jobs_core` (and a call signed with AK/SK) does not
# pay for them: the credential sources (Cloud.from_env() imports them), tokens and bulk calls.
_LAZY = {
    "BulkOutcome": "._bulk",
    "bulk_call": "._bulk",
    "bulk_call_async": "._bulk",
    "CachedTokenProvider": "._tokens",
    "IssuedSecret": "._tokens",
    "StaticTokenAuth": "._tokens",
    "TokenAuth": "._tokens",
    "TokenSource": "._tokens",
    "ArgumentsCredentialsProvider": "._providers",
    "CredentialProvider": "._providers",
    "CredentialProviderChain": "._providers",
    "EnvironmentCredentialsProvider": "._providers",
    "ProfileCredentialsProvider": "._providers",
    "ProviderAkSkAuth": "._providers",
    "SourceReport": "._providers",
    "StaticCredentialsProvider": "._providers",
    "default_credential_chain": "._providers",
    "MetadataCredentialsError": "._metadata",
    "MetadataCredentialsProvider": "._metadata",
    "FederationCredentialsProvider": "._federation",
    "FederationScope": "._federation",
    "RegionsFileError": "._regions",
    "Selection": "._selection",
    "select": "._selection",
    "select_async": "._selection",
}


def __getattr__(name: str) -> object:
    if name in DEPRECATED:  # kept for one release, with a warning
        return deprecated_name(__name__, name, removed_in="0.3.0")
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DEFAULT_TIMEOUT",
    "HUAWEI_CLOUD",
    "OPEN_TELEKOM_CLOUD",
    "APIStatusError",
    "Acknowledgement",
    "AkSkAuth",
    "ArgumentsCredentialsProvider",
    "AsyncItemIterator",
    "AsyncPageIterator",
    "AsyncWait",
    "AuthenticationError",
    "BadRequestError",
    "BatchFailedError",
    "BatchResult",
    "BulkOutcome",
    "CachedTokenProvider",
    "ClientClosedError",
    "ClientTimeoutError",
    "CloudProfile",
    "ConflictError",
    "ConnectionFailedError",
    "CredentialProvider",
    "CredentialProviderChain",
    "Credentials",
    "CredentialsError",
    "CredentialsNotFoundError",
    "EndpointError",
    "EnvironmentCredentialsProvider",
    "FederationCredentialsProvider",
    "FederationScope",
    "HuaweiCloudJobsError",
    "InvalidParameterError",
    "IssuedSecret",
    "ItemIterator",
    "MetadataCredentialsError",
    "MetadataCredentialsProvider",
    "NotFoundError",
    "OperationFailedError",
    "PageIterator",
    "PaginatorSpecError",
    "PermissionDeniedError",
    "ProfileCredentialsProvider",
    "ProjectRequiredError",
    "ProviderAkSkAuth",
    "RateLimitError",
    "RawResponse",
    "RegionsFileError",
    "RequestTimeoutError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "Selection",
    "ServerError",
    "ServerTimeoutError",
    "Signer",
    "SigningError",
    "SourceReport",
    "StateCallback",
    "StaticCredentialsProvider",
    "StaticTokenAuth",
    "TemporaryCredentials",
    "TokenAuth",
    "TokenSource",
    "TransportError",
    "UnexpectedStatusError",
    "Wait",
    "WaitOptions",
    "WaiterFailedError",
    "WaiterTimeoutError",
    "__version__",
    "bulk_call",
    "bulk_call_async",
    "default_credential_chain",
    "select",
    "select_async",
]
