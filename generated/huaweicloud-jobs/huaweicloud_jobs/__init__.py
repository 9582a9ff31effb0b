"""One entry point to every service: ``Cloud`` (sync) and ``AsyncCloud`` (asyncio).

Generated from templates/umbrella by ``nox -s generate``: one property per spec in openapi/.
Everything else is re-exported from the runtime, ``huaweicloud_jobs_core``; names of a
service's handwritten code (its ``_patch``) are imported from that package on first use.

Every name is resolved on first use (PEP 562), so ``import huaweicloud_jobs`` costs almost
nothing until a name is used: the command line (``huaweicloud-jobs --help``) starts without
loading httpx, attrs or the runtime.
"""

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from huaweicloud_jobs_core import APIStatusError as APIStatusError
    from huaweicloud_jobs_core import Acknowledgement as Acknowledgement
    from huaweicloud_jobs_core import AkSkAuth as AkSkAuth
    from huaweicloud_jobs_core import ArgumentsCredentialsProvider as ArgumentsCredentialsProvider
    from huaweicloud_jobs_core import AsyncItemIterator as AsyncItemIterator
    from huaweicloud_jobs_core import AsyncPageIterator as AsyncPageIterator
    from huaweicloud_jobs_core import AsyncWait as AsyncWait
    from huaweicloud_jobs_core import AuthenticationError as AuthenticationError
    from huaweicloud_jobs_core import BadRequestError as BadRequestError
    from huaweicloud_jobs_core import BatchFailedError as BatchFailedError
    from huaweicloud_jobs_core import BatchResult as BatchResult
    from huaweicloud_jobs_core import BulkOutcome as BulkOutcome
    from huaweicloud_jobs_core import CachedTokenProvider as CachedTokenProvider
    from huaweicloud_jobs_core import ClientClosedError as ClientClosedError
    from huaweicloud_jobs_core import ClientTimeoutError as ClientTimeoutError
    from huaweicloud_jobs_core import CloudProfile as CloudProfile
    from huaweicloud_jobs_core import ConflictError as ConflictError
    from huaweicloud_jobs_core import ConnectionFailedError as ConnectionFailedError
    from huaweicloud_jobs_core import CredentialProvider as CredentialProvider
    from huaweicloud_jobs_core import CredentialProviderChain as CredentialProviderChain
    from huaweicloud_jobs_core import Credentials as Credentials
    from huaweicloud_jobs_core import CredentialsError as CredentialsError
    from huaweicloud_jobs_core import CredentialsNotFoundError as CredentialsNotFoundError
    from huaweicloud_jobs_core import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from huaweicloud_jobs_core import EndpointError as EndpointError
    from huaweicloud_jobs_core import EnvironmentCredentialsProvider as EnvironmentCredentialsProvider
    from huaweicloud_jobs_core import FederationCredentialsProvider as FederationCredentialsProvider
    from huaweicloud_jobs_core import FederationScope as FederationScope
    from huaweicloud_jobs_core import HUAWEI_CLOUD as HUAWEI_CLOUD
    from huaweicloud_jobs_core import HuaweiCloudJobsError as HuaweiCloudJobsError
    from huaweicloud_jobs_core import InvalidParameterError as InvalidParameterError
    from huaweicloud_jobs_core import IssuedSecret as IssuedSecret
    from huaweicloud_jobs_core import ItemIterator as ItemIterator
    from huaweicloud_jobs_core import MetadataCredentialsError as MetadataCredentialsError
    from huaweicloud_jobs_core import MetadataCredentialsProvider as MetadataCredentialsProvider
    from huaweicloud_jobs_core import NotFoundError as NotFoundError
    from huaweicloud_jobs_core import OPEN_TELEKOM_CLOUD as OPEN_TELEKOM_CLOUD
    from huaweicloud_jobs_core import OperationFailedError as OperationFailedError
    from huaweicloud_jobs_core import PageIterator as PageIterator
    from huaweicloud_jobs_core import PaginatorSpecError as PaginatorSpecError
    from huaweicloud_jobs_core import PermissionDeniedError as PermissionDeniedError
    from huaweicloud_jobs_core import ProfileCredentialsProvider as ProfileCredentialsProvider
    from huaweicloud_jobs_core import ProjectRequiredError as ProjectRequiredError
    from huaweicloud_jobs_core import ProviderAkSkAuth as ProviderAkSkAuth
    from huaweicloud_jobs_core import RateLimitError as RateLimitError
    from huaweicloud_jobs_core import RawResponse as RawResponse
    from huaweicloud_jobs_core import RegionsFileError as RegionsFileError
    from huaweicloud_jobs_core import RequestTimeoutError as RequestTimeoutError
    from huaweicloud_jobs_core import ResponseTooLargeError as ResponseTooLargeError
    from huaweicloud_jobs_core import ResponseValidationError as ResponseValidationError
    from huaweicloud_jobs_core import RetryPolicy as RetryPolicy
    from huaweicloud_jobs_core import Selection as Selection
    from huaweicloud_jobs_core import ServerError as ServerError
    from huaweicloud_jobs_core import ServerTimeoutError as ServerTimeoutError
    from huaweicloud_jobs_core import Signer as Signer
    from huaweicloud_jobs_core import SigningError as SigningError
    from huaweicloud_jobs_core import SourceReport as SourceReport
    from huaweicloud_jobs_core import StateCallback as StateCallback
    from huaweicloud_jobs_core import StaticCredentialsProvider as StaticCredentialsProvider
    from huaweicloud_jobs_core import StaticTokenAuth as StaticTokenAuth
    from huaweicloud_jobs_core import TemporaryCredentials as TemporaryCredentials
    from huaweicloud_jobs_core import TokenAuth as TokenAuth
    from huaweicloud_jobs_core import TokenSource as TokenSource
    from huaweicloud_jobs_core import TransportError as TransportError
    from huaweicloud_jobs_core import UnexpectedStatusError as UnexpectedStatusError
    from huaweicloud_jobs_core import Wait as Wait
    from huaweicloud_jobs_core import WaitOptions as WaitOptions
    from huaweicloud_jobs_core import WaiterFailedError as WaiterFailedError
    from huaweicloud_jobs_core import WaiterTimeoutError as WaiterTimeoutError
    from huaweicloud_jobs_core import __version__ as __version__
    from huaweicloud_jobs_core import bulk_call as bulk_call
    from huaweicloud_jobs_core import bulk_call_async as bulk_call_async
    from huaweicloud_jobs_core import default_credential_chain as default_credential_chain
    from huaweicloud_jobs_core import select as select
    from huaweicloud_jobs_core import select_async as select_async
    from ._cloud import AsyncCloud as AsyncCloud
    from ._cloud import Cloud as Cloud
    from huaweicloud_jobs_iam import IamTokenProvider as IamTokenProvider
    from huaweicloud_jobs_iam import IssuedToken as IssuedToken
    from huaweicloud_jobs_iam import exchange_id_token as exchange_id_token

__version__ = "2.0.0"
"""This distribution's version; the runtime's is ``huaweicloud_jobs_core.__version__``."""

SERVICES = (
    "aom",
    "dli",
    "drs",
    "iam",
    "lakeformation",
)
"""The attribute names of every service on ``Cloud`` and ``AsyncCloud``."""

_FROM_CORE = (
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
    "DEFAULT_TIMEOUT",
    "EndpointError",
    "EnvironmentCredentialsProvider",
    "FederationCredentialsProvider",
    "FederationScope",
    "HUAWEI_CLOUD",
    "HuaweiCloudJobsError",
    "InvalidParameterError",
    "IssuedSecret",
    "ItemIterator",
    "MetadataCredentialsError",
    "MetadataCredentialsProvider",
    "NotFoundError",
    "OPEN_TELEKOM_CLOUD",
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
)
_FROM_SERVICES = {
    "IamTokenProvider": "huaweicloud_jobs_iam",
    "IssuedToken": "huaweicloud_jobs_iam",
    "exchange_id_token": "huaweicloud_jobs_iam",
}
# Names this package no longer offers, kept until 3.0.0 with a DeprecationWarning naming the
# replacement (the runtime's table: huaweicloud_jobs_core/_deprecations.py); not in __all__ nor dir().
_DEPRECATED = (
    "AsyncHttpTransport",
    "AsyncRawServiceBase",
    "AsyncServiceBase",
    "AsyncTransport",
    "BaseAsyncCloud",
    "BaseCloud",
    "HttpTransport",
    "IamTokenAuth",
    "Operation",
    "RawServiceBase",
    "ServiceBase",
    "Transport",
    "begin_wait",
    "begin_wait_async",
    "iterate_items",
    "iterate_items_async",
    "iterate_pages",
    "iterate_pages_async",
    "resume_wait",
    "resume_wait_async",
)

# Written out, not built from the two tables above: static tools (type checkers, the API reference of the
# documentation) read a literal list only.
__all__ = [
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
    "DEFAULT_TIMEOUT",
    "EndpointError",
    "EnvironmentCredentialsProvider",
    "FederationCredentialsProvider",
    "FederationScope",
    "HUAWEI_CLOUD",
    "HuaweiCloudJobsError",
    "InvalidParameterError",
    "IssuedSecret",
    "ItemIterator",
    "MetadataCredentialsError",
    "MetadataCredentialsProvider",
    "NotFoundError",
    "OPEN_TELEKOM_CLOUD",
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
    "SERVICES",
    "AsyncCloud",
    "Cloud",
    "IamTokenProvider",
    "IssuedToken",
    "exchange_id_token",
]

if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name in _FROM_CORE:
            module = "huaweicloud_jobs_core"
        elif name in ("Cloud", "AsyncCloud"):
            module = __name__ + "._cloud"
        elif name in _FROM_SERVICES:
            module = _FROM_SERVICES[name]
        elif name in _DEPRECATED:
            from huaweicloud_jobs_core.seam import deprecated_name

            return deprecated_name(__name__, name, removed_in="3.0.0")
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(_importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
