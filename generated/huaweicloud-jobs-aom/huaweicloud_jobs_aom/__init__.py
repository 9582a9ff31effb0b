"""Application Operations Management (AOM) workflow execution control: typed operations (Service, AsyncService), generated from its OpenAPI document."""

from .api import AsyncService, AsyncServiceWithRawResponse, Service, ServiceWithRawResponse

# isort: split
from ._patch import *  # noqa: F403 -- handwritten code for this service (overrides/<package>/_patch.py); its names win
from ._patch import __all__ as _patched

__version__ = "1.1.0"
__all__ = ["AsyncService", "AsyncServiceWithRawResponse", "Service", "ServiceWithRawResponse", "__version__", *_patched]
