"""Every default of the runtime, in one place, with the reason for each value."""

from __future__ import annotations

import httpx

TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Connect within 5 s; each read, write and pool wait within 30 s."""

IAM_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
"""A token request is small: connect within 5 s, each read/write within 10 s."""

LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=64)
"""Keep as many idle connections as a typical bulk run has in flight: a reopened connection costs a TLS handshake."""

USER_AGENT = "huaweicloud-jobs"

RETRY_MAX_ATTEMPTS = 3
"""Attempts in all, the first included."""
RETRY_INITIAL_BACKOFF = 0.5
RETRY_MAX_BACKOFF = 8.0
RETRY_STATUSES = frozenset({408, 429, 502, 503, 504})
"""400/401/403/404 cannot be fixed by repeating; 500 may mean the operation was (partly) carried out."""
RETRY_MAX_RETRY_AFTER = 60.0
"""The longest single wait a server's ``Retry-After`` can impose."""
RETRY_MAX_TOTAL_WAIT = 60.0
"""The most one call may spend waiting between attempts, all waits together."""

TOKEN_REFRESH_MARGIN = 300.0
"""Refresh a token this many seconds before it expires."""
FAILED_REFRESH_BACKOFF = 30.0
"""After a failed early refresh, keep using the still-valid token this long before trying again."""

BULK_CONCURRENCY = 8
"""Calls in flight at once in a bulk run."""

REQUEST_ID_HEADERS = ("X-Request-Id", "X-Openstack-Request-Id", "X-Trace-Id")
"""Where a gateway puts the request id, after the headers an operation documents itself."""
