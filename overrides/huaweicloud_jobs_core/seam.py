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

from ._credentials import TemporaryCredentials
from ._defaults import IAM_TIMEOUT, TOKEN_REFRESH_MARGIN
from ._endpoints import checked_url
from ._federation import FederationScope
from ._model_secrets import hide_secret_fields
from ._spec import load_document, resolve_refs

__all__ = [
    "IAM_TIMEOUT",
    "TOKEN_REFRESH_MARGIN",
    "FederationScope",
    "TemporaryCredentials",
    "checked_url",
    "hide_secret_fields",
    "load_document",
    "resolve_refs",
]
