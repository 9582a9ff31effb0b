"""The audit trail: one log record per attempt, and optional OpenTelemetry spans.

``HUAWEICLOUD_JOBS_LOG=info`` (or ``debug``) in the environment switches on the stdlib logger
``huaweicloud_jobs`` at that level, with a stderr handler if it has none; without the
variable nothing is configured (configure logging yourself as usual). Each attempt is logged
at INFO: service, operation, method, path (the path template and the ids), status or error,
attempt number, duration and request id -- as ``extra`` fields as well as in the message.
Secrets never reach these records (no header and no body is logged, and the logger carries
the ``_redaction`` filter).

When ``opentelemetry-api`` is importable (``pip install huaweicloud-jobs-core[otel]``), each
call is a span (``huaweicloud_jobs <service>.<operation>``) with one child span per attempt.
The import is tried once, on the first call, never at module import; without the package
the cost per call is one attribute check.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["ENV_VARIABLE", "attempt_span", "call_span", "configure_from_env", "log_attempt", "logger"]

ENV_VARIABLE = "HUAWEICLOUD_JOBS_LOG"
logger = logging.getLogger("huaweicloud_jobs")

_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}
_configured = False
_NULL = contextlib.nullcontext()


def configure_from_env(environ: Mapping[str, str] | None = None) -> None:
    """Apply ``HUAWEICLOUD_JOBS_LOG`` once per process (later calls do nothing)."""
    global _configured
    if _configured:
        return
    _configured = True
    value = (os.environ if environ is None else environ).get(ENV_VARIABLE, "").strip().lower()
    level = _LEVELS.get(value)
    if level is None:
        return
    logger.setLevel(level)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)


def log_attempt(
    service: str,
    operation: str,
    method: str,
    path: str,
    attempt: int,
    outcome: str,
    started: float,
    now: float,
    request_id: str | None,
) -> None:
    """Log one attempt at INFO (the caller checks ``logger.isEnabledFor(INFO)`` first)."""
    duration_ms = (now - started) * 1000
    logger.info(
        "%s %s %s %s attempt %d: %s in %.1f ms (request_id=%s)",
        service,
        operation,
        method,
        path,
        attempt,
        outcome,
        duration_ms,
        request_id or "-",
        extra={
            "service": service,
            "operation": operation,
            "http_method": method,
            "path": path,
            "attempt": attempt,
            "outcome": outcome,
            "duration_ms": round(duration_ms, 3),
            "request_id": request_id,
        },
    )


class _Otel:
    """The OpenTelemetry tracer, looked up once; ``tracer`` stays None when the API is absent.

    The first calls of a thread pool start together: the lookup (an import of opentelemetry, tens
    of milliseconds) runs under a lock, so that none of them goes on untraced while another imports.
    """

    checked = False
    tracer: Any = None
    lock = threading.Lock()


def _tracer() -> Any:
    if not _Otel.checked:
        with _Otel.lock:
            if not _Otel.checked:
                _Otel.tracer = _lookup_tracer()
                _Otel.checked = True
    return _Otel.tracer


def _lookup_tracer() -> Any:
    try:
        from opentelemetry import trace  # type: ignore[import-not-found, attr-defined, unused-ignore]
    except ImportError:
        return None
    from ._version import __version__

    return trace.get_tracer("huaweicloud_jobs", __version__)


def call_span(service: str, operation: str, method: str, path: str) -> contextlib.AbstractContextManager[Any]:
    """A span for the whole call (all attempts), or a no-op context without OpenTelemetry."""
    tracer = _tracer()
    if tracer is None:
        return _NULL
    span: contextlib.AbstractContextManager[Any] = tracer.start_as_current_span(
        f"huaweicloud_jobs {service}.{operation}",
        attributes={
            "rpc.system": "huaweicloud",
            "rpc.service": service,
            "rpc.method": operation,
            "http.request.method": method,
            "url.template": path,
        },
    )
    return span


@contextlib.contextmanager
def _attempt(tracer: Any, service: str, operation: str, attempt: int) -> Iterator[Any]:
    with tracer.start_as_current_span(
        f"huaweicloud_jobs {service}.{operation} attempt {attempt}",
        attributes={"http.request.resend_count": attempt - 1},
    ) as span:
        yield span


def attempt_span(service: str, operation: str, attempt: int) -> contextlib.AbstractContextManager[Any]:
    """A child span for one attempt, or a no-op context without OpenTelemetry."""
    tracer = _Otel.tracer if _Otel.checked else _tracer()
    if tracer is None:
        return _NULL
    return _attempt(tracer, service, operation, attempt)


def record_outcome(span: Any, status: int | None, error: str | None, request_id: str | None) -> None:
    """Attributes of a finished attempt on its span (no-op without OpenTelemetry)."""
    if span is None or _Otel.tracer is None:
        return
    if status is not None:
        span.set_attribute("http.response.status_code", status)
    if request_id:
        span.set_attribute("huaweicloud.request_id", request_id)
    if error:
        span.set_attribute("error.type", error)
