"""Exit codes and the JSON document of an error: what the command line says when something fails.

The exit codes are stable across versions (the ``--help`` epilog and the documentation's table are
:data:`EXIT_CODES`). An error is matched to its code by class: the runtime's exception classes (the
names listed here, resolved from ``huaweicloud_jobs_core`` once it is loaded, as it is whenever one
of its errors exists), :class:`UsageError` and the builtins.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from ._cli_commands import UsageError

__all__ = [
    "EXIT_CODES",
    "INTERRUPTED",
    "ITEMS_FAILED",
    "OK",
    "ExitCode",
    "error_json",
    "exit_code_for",
    "exit_code_table",
]


@dataclass(frozen=True)
class ExitCode:
    code: int
    meaning: str
    errors: tuple[str, ...]


EXIT_CODES: tuple[ExitCode, ...] = (
    ExitCode(0, "success", ()),
    ExitCode(1, "some items failed: a bulk run (--from-file) or a batch operation reporting failed items", ()),
    ExitCode(
        2,
        "usage or invalid input, rejected before sending (or HTTP 400)",
        ("UsageError", "InvalidParameterError", "ProjectRequiredError", "EndpointError", "BadRequestError"),
    ),
    ExitCode(
        3,
        "credentials, authentication or permission",
        ("CredentialsError", "SigningError", "AuthenticationError", "PermissionDeniedError"),
    ),
    ExitCode(4, "not found (HTTP 404)", ("NotFoundError",)),
    ExitCode(
        5,
        "conflict or failed state (HTTP 409, failure inside a 2xx body, failed batch, waiter failure)",
        ("ConflictError", "OperationFailedError", "BatchFailedError", "WaiterFailedError"),
    ),
    ExitCode(
        6,
        "timeout (client or server side, including a waiter's timeout)",
        ("ClientTimeoutError", "ServerTimeoutError", "RequestTimeoutError"),
    ),
    ExitCode(7, "connection failed (refused, reset, DNS, TLS)", ("ConnectionFailedError", "TransportError")),
    ExitCode(
        8,
        "server error or anything unexpected",
        ("ServerError", "RateLimitError", "UnexpectedStatusError", "ResponseValidationError", "Exception"),
    ),
    ExitCode(130, "interrupted (Ctrl-C)", ("KeyboardInterrupt",)),
)
"""The exit codes, stable across versions: the ``--help`` epilog and the README table are this table.

An exception gets the code of the first class of its MRO listed here, so a new subclass of a
listed error (a waiter's timeout under ``RequestTimeoutError``, say) gets its parent's code.
"""


OK, ITEMS_FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130


def exit_code_for(error: BaseException) -> int:
    """The documented exit code of an exception (see :data:`EXIT_CODES`), matched by class, not by name.

    The listed names are the runtime's exception classes (resolved once the runtime is loaded, as
    it is whenever one of its errors exists), this module's :class:`UsageError` and the builtins;
    a class of the same name from anywhere else is not one of them.
    """
    codes = _codes_by_class()
    for cls in type(error).__mro__:
        if cls in codes:
            return codes[cls]
    return 8


def _codes_by_class() -> dict[type, int]:
    import builtins

    runtime = sys.modules.get("huaweicloud_jobs_core")
    codes: dict[type, int] = {}
    for entry in EXIT_CODES:
        for name in entry.errors:
            cls = UsageError if name == "UsageError" else getattr(runtime, name, None) or getattr(builtins, name, None)
            if isinstance(cls, type):
                codes.setdefault(cls, entry.code)
    return codes


def exit_code_table() -> str:
    """The table of :data:`EXIT_CODES` in Markdown (the README has this exact text)."""
    lines = ["| code | meaning | errors |", "|---|---|---|"]
    for entry in EXIT_CODES:
        errors = ", ".join(f"`{name}`" for name in entry.errors if name != "Exception")
        if "Exception" in entry.errors:
            errors += ", any other error"
        lines.append(f"| {entry.code} | {entry.meaning} | {errors or '—'} |")
    return "\n".join(lines)


def error_json(error: BaseException, service: str | None = None, operation: str | None = None) -> dict[str, Any]:
    """The one JSON object printed on stderr for an error."""
    document: dict[str, Any] = {
        "error": type(error).__name__,
        "exit_code": exit_code_for(error),
        "message": str(error) or type(error).__name__,
        "status_code": getattr(error, "status_code", None),
        "error_code": getattr(error, "error_code", None),
        "request_id": getattr(error, "request_id", None),
        "service": getattr(error, "service", None) or service,
        "operation": getattr(error, "operation", None) or operation,
    }
    if hasattr(error, "parameter"):
        document["parameter"] = error.parameter
    if isinstance(error, UsageError) and error.usage:
        document["usage"] = error.usage
    return document
