"""Names no longer public, kept for one release: each still resolves, with a ``DeprecationWarning``.

Codegen plumbing left the public surface for the seam module (``huaweicloud_jobs_core.seam``, the
import path of generated code, not of users); two names of one class became one. Both
``huaweicloud_jobs_core`` and the umbrella ``huaweicloud_jobs`` resolve these names through
:func:`deprecated_name` (``tools/generate.py`` gives the umbrella the list); when the release that
drops them comes, the table goes.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Literal, NamedTuple


class Deprecated(NamedTuple):
    home: str
    """The runtime module that defines the object (relative to this package)."""
    name: str
    """Its name there."""
    now: Literal["seam", "renamed", "internal"]
    """Where users should look: the seam (generated code's path), a new public name, or nowhere."""


DEPRECATED = {
    "AsyncHttpTransport": Deprecated("._transport", "AsyncHttpTransport", "seam"),
    "AsyncRawServiceBase": Deprecated("._service", "AsyncRawServiceBase", "seam"),
    "AsyncServiceBase": Deprecated("._service", "AsyncServiceBase", "seam"),
    "AsyncTransport": Deprecated("._service", "AsyncTransport", "internal"),
    "BaseAsyncCloud": Deprecated("._client", "BaseAsyncCloud", "seam"),
    "BaseCloud": Deprecated("._client", "BaseCloud", "seam"),
    "HttpTransport": Deprecated("._transport", "HttpTransport", "seam"),
    "IamTokenAuth": Deprecated("._tokens", "TokenAuth", "renamed"),
    "Operation": Deprecated("._service", "Operation", "seam"),
    "RawServiceBase": Deprecated("._service", "RawServiceBase", "seam"),
    "ServiceBase": Deprecated("._service", "ServiceBase", "seam"),
    "Transport": Deprecated("._service", "Transport", "internal"),
    "begin_wait": Deprecated("._resumable", "begin_wait", "seam"),
    "begin_wait_async": Deprecated("._resumable", "begin_wait_async", "seam"),
    "iterate_items": Deprecated("._paginators", "iterate_items", "seam"),
    "iterate_items_async": Deprecated("._paginators", "iterate_items_async", "seam"),
    "iterate_pages": Deprecated("._paginators", "iterate_pages", "seam"),
    "iterate_pages_async": Deprecated("._paginators", "iterate_pages_async", "seam"),
    "resume_wait": Deprecated("._resumable", "resume_wait", "seam"),
    "resume_wait_async": Deprecated("._resumable", "resume_wait_async", "seam"),
}
"""Old public name -> where the object lives and what replaces the name."""


def deprecated_name(package: str, name: str, *, removed_in: str) -> object:
    """The object ``package.name`` gave before, with a ``DeprecationWarning`` saying what to use instead."""
    entry = DEPRECATED[name]
    if entry.now == "seam":
        advice = f"it is plumbing of generated code, which imports it from huaweicloud_jobs_core.seam.{entry.name}"
    elif entry.now == "renamed":
        advice = f"use {package}.{entry.name} (the same class)"
    else:
        advice = "it is internal (the interface generated services are built on), with no public replacement"
    warnings.warn(f"{package}.{name} is deprecated and goes in {removed_in}: {advice}", DeprecationWarning, 3)
    return getattr(importlib.import_module(entry.home, __package__), entry.name)
