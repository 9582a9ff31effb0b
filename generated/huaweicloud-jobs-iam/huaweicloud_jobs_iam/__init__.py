"""A client library for accessing Identity and Access Management (IAM) token issuing"""

from .api import SERVICE, SPEC_VERSION, AsyncService, Service
from .client import AuthenticatedClient, Client

__all__ = (
    "SERVICE",
    "SPEC_VERSION",
    "AsyncService",
    "AuthenticatedClient",
    "Client",
    "Service",
)
