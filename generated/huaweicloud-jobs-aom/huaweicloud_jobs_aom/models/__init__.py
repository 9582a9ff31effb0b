"""The data models of the inputs and outputs; each model's module is imported on first use.

A service's API imports only the models its operations build or return, and a model imports the
ones nested in it when it parses them: a large response tree costs nothing until it is read.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .error_response import ErrorResponse
    from .execution_node_result import ExecutionNodeResult
    from .execution_node_result_output import ExecutionNodeResultOutput
    from .execution_status_response import ExecutionStatusResponse
    from .terminate_execution_response import TerminateExecutionResponse

_MODULES = {
    "ErrorResponse": ".error_response",
    "ExecutionNodeResult": ".execution_node_result",
    "ExecutionNodeResultOutput": ".execution_node_result_output",
    "ExecutionStatusResponse": ".execution_status_response",
    "TerminateExecutionResponse": ".terminate_execution_response",
}
__all__ = (
    "ErrorResponse",
    "ExecutionNodeResult",
    "ExecutionNodeResultOutput",
    "ExecutionStatusResponse",
    "TerminateExecutionResponse",
)


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_MODULES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
