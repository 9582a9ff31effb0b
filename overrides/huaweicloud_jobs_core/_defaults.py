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

MAX_RESPONSE_BYTES = 8 * 1024 * 1024
"""The most bytes of one response body kept, counted *after* decompression.

Every documented response of these job-control APIs is a few KiB (the biggest, a DLI or
DRS job list, well under 1 MiB); 8 MiB leaves room for growth while bounding what a hostile
or broken server (a 400 MB page, a gzip bomb) can make a call hold: a success body larger
than this raises ``ResponseTooLargeError``; an error body is cut to it. Configurable per
cloud with ``Cloud(max_response_bytes=...)``.
"""

ATTEMPT_DEADLINE_FACTOR = 2.0
"""One attempt -- connecting, sending, and receiving the whole response, interim ``1xx``
responses, headers and body -- may take at most this many read timeouts, from its start.

httpx's timeouts bound each socket operation, not a response: a server that drips its
status line or body one byte per second, or answers ``102 Processing`` forever, would
otherwise hold a call forever. With the default 30 s read timeout an attempt ends within
60 s (an 8 MiB body at 60 s is ~140 KB/s); ``Cloud(timeout=10)`` makes it 20 s; a read
timeout of None (``httpx.Timeout(None)``) sets no deadline. When it passes the connection
is closed and ``ClientTimeoutError`` raised; the retry policy decides as for a read timeout.
"""

WAITER_MIN_POLL_SECONDS = 1.0
"""A waiter's poll ends by the waiter's deadline, but may always take this long.

The last poll is made at the deadline itself (one last look at the job); it gets this
long, so a wait ends at most 1 s after its deadline even when the service hangs.
"""

MAX_PATH_VALUE_CHARS = 4 * 1024
"""The longest value of one path parameter (a job id, a project id).

Real ids are 32-64 characters; gateways refuse request lines over 8-16 KiB and httpx
refuses URLs over 64 KiB. 4 KiB fails a wrong value (a pasted file) with a clear
``InvalidParameterError`` before anything is built.
"""

MAX_QUERY_VALUE_CHARS = 8 * 1024
"""The longest value of one query parameter (before percent-encoding)."""

MAX_HEADER_VALUE_CHARS = 8 * 1024
"""The longest value of one header parameter: nginx/APIG's default limit for one header line is 8 KiB."""

MAX_URL_CHARS = 32 * 1024
"""The longest URL (path and query, percent-encoded) a request may have; httpx's own hard limit is 64 KiB."""
