"""Data Replication Service (DRS) job control: typed operations (Service, AsyncService), generated from its OpenAPI document."""

from huaweicloud_jobs_core.seam import hide_secret_fields

from .api import AsyncService, AsyncServiceWithRawResponse, Service, ServiceWithRawResponse

hide_secret_fields(__name__)  # fields the spec declares `format: password` are masked in reprs

# isort: split
from ._patch import *  # noqa: F403 -- handwritten code for this service (overrides/<package>/_patch.py); its names win
from ._patch import __all__ as _patched

__version__ = "1.2.0"
__all__ = ["AsyncService", "AsyncServiceWithRawResponse", "Service", "ServiceWithRawResponse", "__version__", *_patched]
