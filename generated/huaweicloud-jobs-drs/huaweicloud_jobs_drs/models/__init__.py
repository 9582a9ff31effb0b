"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse
from .stop_job_request import StopJobRequest
from .stop_job_response import StopJobResponse
from .stop_job_x_language import StopJobXLanguage

__all__ = (
    "ErrorResponse",
    "StopJobRequest",
    "StopJobResponse",
    "StopJobXLanguage",
)
