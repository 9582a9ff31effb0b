"""Contains all the data models used in inputs/outputs"""

from .stop_jobs_request import StopJobsRequest
from .stop_jobs_result import StopJobsResult

__all__ = (
    "StopJobsRequest",
    "StopJobsResult",
)
