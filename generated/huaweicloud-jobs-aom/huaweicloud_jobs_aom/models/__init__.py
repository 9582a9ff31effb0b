"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .terminate_execution_response import TerminateExecutionResponse

__all__ = (
    "ErrorResponse",
    "TerminateExecutionResponse",
)
