"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .execution_node_result import ExecutionNodeResult
from .execution_node_result_output import ExecutionNodeResultOutput
from .execution_status_response import ExecutionStatusResponse
from .terminate_execution_response import TerminateExecutionResponse

__all__ = (
    "ErrorResponse",
    "ExecutionNodeResult",
    "ExecutionNodeResultOutput",
    "ExecutionStatusResponse",
    "TerminateExecutionResponse",
)
