"""What generated packages and per-service ``_patch.py`` code use of the runtime beyond its public API.

Generated code imports the runtime's public names (``huaweicloud_jobs_core.__all__``), its
``types`` module, and this module -- never a private ``huaweicloud_jobs_core._*`` module (a test
checks every generated file and every ``overrides/huaweicloud_jobs_<svc>/_patch.py``). The names
here are therefore part of the runtime's compatibility promise: removing or changing one is a
breaking change, and the runtime's version moves accordingly. Generated distributions pin the
runtime as a compatible release (``huaweicloud-jobs-core ~= <the version they were generated
with>``), so a package never meets a runtime without the seam it was generated against.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._credentials import TemporaryCredentials
    from ._defaults import IAM_TIMEOUT, TOKEN_REFRESH_MARGIN
    from ._endpoints import checked_url
    from ._federation import FederationScope
    from ._model_secrets import hide_secret_fields

# Each name loads its module on first use: a service package needs only ``hide_secret_fields``
# at import, and should not pay for the IAM federation code.
_HOMES = {
    "IAM_TIMEOUT": "._defaults",
    "TOKEN_REFRESH_MARGIN": "._defaults",
    "FederationScope": "._federation",
    "TemporaryCredentials": "._credentials",
    "checked_url": "._endpoints",
    "hide_secret_fields": "._model_secrets",
}

__all__ = [
    "IAM_TIMEOUT",
    "TOKEN_REFRESH_MARGIN",
    "FederationScope",
    "TemporaryCredentials",
    "checked_url",
    "hide_secret_fields",
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
