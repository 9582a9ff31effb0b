"""A client library for accessing Data Replication Service (DRS) job control"""

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
