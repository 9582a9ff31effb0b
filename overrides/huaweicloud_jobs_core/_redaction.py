"""Keeping secrets out of httpcore's DEBUG trace.

httpcore logs raw response headers at DEBUG (``receive_response_headers.complete
return_value=(..., [(b'X-Subject-Token', b'MII...'), ...])``), which would put IAM
tokens in a user's logs. This filter blanks the values of secret-bearing headers
in those records; it is attached once, to httpcore's tracing loggers only.
"""

from __future__ import annotations

import logging
import re

SECRET_HEADERS = ("x-subject-token", "x-auth-token", "authorization", "x-security-token")
_TEXT_PATTERN = re.compile(r"(\(b'(?:" + "|".join(SECRET_HEADERS) + r")', b)'[^']*'", re.IGNORECASE)
_TRACE_LOGGERS = ("httpcore.http11", "httpcore.http2", "httpcore.connection", "httpcore.proxy")


class SecretHeaderFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "b'" in record.msg:
            record.msg = _TEXT_PATTERN.sub(r"\1'***'", record.msg)
        return True


_FILTER = SecretHeaderFilter()


def install() -> None:
    """Attach the filter to httpcore's trace loggers (idempotent)."""
    for name in _TRACE_LOGGERS:
        trace_logger = logging.getLogger(name)
        if _FILTER not in trace_logger.filters:
            trace_logger.addFilter(_FILTER)
