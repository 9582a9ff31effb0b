"""What generated packages and per-service ``_patch.py`` code use of the runtime beyond its public API.

Generated code imports the runtime's public names (``huaweicloud_jobs_core.__all__``, the names
users import), its ``types`` module, and this module -- never a private ``huaweicloud_jobs_core._*``
module (a test checks every generated file and every ``overrides/huaweicloud_jobs_<svc>/_patch.py``).
Here is the plumbing only generated code needs: the operation descriptor and service base classes
the typed services are built on, the HTTP transports, the base classes of ``Cloud`` and
``AsyncCloud``, the paginator and resumable-wait entry points behind ``iter_<op>()`` and
``begin_wait_until_<name>()``, and the helpers of IAM's handwritten code. The names here are
therefore part of the runtime's compatibility promise: removing or changing one is a breaking
change, and the runtime's version moves accordingly. Generated distributions pin the runtime as a
compatible release (``huaweicloud-jobs-core ~= <the version they were generated with>``), so a
package never meets a runtime without the seam it was generated against.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._client import BaseAsyncCloud, BaseCloud
    from ._credentials import TemporaryCredentials
    from ._defaults import IAM_TIMEOUT, TOKEN_REFRESH_MARGIN
    from ._deprecations import deprecated_name
    from ._endpoints import checked_url
    from ._federation import FederationScope
    from ._model_secrets import hide_secret_fields
    from ._paginators import iterate_items, iterate_items_async, iterate_pages, iterate_pages_async
    from ._resumable import begin_wait, begin_wait_async, resume_wait, resume_wait_async
    from ._service import AsyncRawServiceBase, AsyncServiceBase, Operation, RawServiceBase, ServiceBase
    from ._transport import AsyncHttpTransport, HttpTransport

# Each name loads its module on first use: a service package needs only ``hide_secret_fields``
# at import, and should not pay for the IAM federation code.
_HOMES = {
    "IAM_TIMEOUT": "._defaults",
    "TOKEN_REFRESH_MARGIN": "._defaults",
    "AsyncHttpTransport": "._transport",
    "AsyncRawServiceBase": "._service",
    "AsyncServiceBase": "._service",
    "BaseAsyncCloud": "._client",
    "BaseCloud": "._client",
    "FederationScope": "._federation",
    "HttpTransport": "._transport",
    "Operation": "._service",
    "RawServiceBase": "._service",
    "ServiceBase": "._service",
    "TemporaryCredentials": "._credentials",
    "begin_wait": "._resumable",
    "begin_wait_async": "._resumable",
    "checked_url": "._endpoints",
    "deprecated_name": "._deprecations",
    "hide_secret_fields": "._model_secrets",
    "iterate_items": "._paginators",
    "iterate_items_async": "._paginators",
    "iterate_pages": "._paginators",
    "iterate_pages_async": "._paginators",
    "resume_wait": "._resumable",
    "resume_wait_async": "._resumable",
}

__all__ = [
    "IAM_TIMEOUT",
    "TOKEN_REFRESH_MARGIN",
    "AsyncHttpTransport",
    "AsyncRawServiceBase",
    "AsyncServiceBase",
    "BaseAsyncCloud",
    "BaseCloud",
    "FederationScope",
    "HttpTransport",
    "Operation",
    "RawServiceBase",
    "ServiceBase",
    "TemporaryCredentials",
    "begin_wait",
    "begin_wait_async",
    "checked_url",
    "deprecated_name",
    "hide_secret_fields",
    "iterate_items",
    "iterate_items_async",
    "iterate_pages",
    "iterate_pages_async",
    "resume_wait",
    "resume_wait_async",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __package__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
