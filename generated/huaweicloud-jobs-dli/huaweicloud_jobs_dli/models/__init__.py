"""Contains all the data models used in inputs/outputs"""

from .flink_job import FlinkJob
from .flink_job_job_config import FlinkJobJobConfig
from .show_job_response import ShowJobResponse
from .stop_jobs_request import StopJobsRequest
from .stop_jobs_result import StopJobsResult

__all__ = (
    "FlinkJob",
    "FlinkJobJobConfig",
    "ShowJobResponse",
    "StopJobsRequest",
    "StopJobsResult",
)
