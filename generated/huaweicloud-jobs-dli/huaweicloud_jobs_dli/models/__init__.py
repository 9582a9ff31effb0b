"""The data models of the inputs and outputs; each model's module is imported on first use.

A service's API imports only the models its operations build or return, and a model imports the
ones nested in it when it parses them: a large response tree costs nothing until it is read.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .flink_job import FlinkJob
    from .flink_job_job_config import FlinkJobJobConfig
    from .flink_job_list import FlinkJobList
    from .list_jobs_job_type import ListJobsJobType
    from .list_jobs_order import ListJobsOrder
    from .list_jobs_response import ListJobsResponse
    from .show_job_response import ShowJobResponse
    from .stop_jobs_request import StopJobsRequest
    from .stop_jobs_result import StopJobsResult

_MODULES = {
    "FlinkJob": ".flink_job",
    "FlinkJobJobConfig": ".flink_job_job_config",
    "FlinkJobList": ".flink_job_list",
    "ListJobsJobType": ".list_jobs_job_type",
    "ListJobsOrder": ".list_jobs_order",
    "ListJobsResponse": ".list_jobs_response",
    "ShowJobResponse": ".show_job_response",
    "StopJobsRequest": ".stop_jobs_request",
    "StopJobsResult": ".stop_jobs_result",
}
__all__ = (
    "FlinkJob",
    "FlinkJobJobConfig",
    "FlinkJobList",
    "ListJobsJobType",
    "ListJobsOrder",
    "ListJobsResponse",
    "ShowJobResponse",
    "StopJobsRequest",
    "StopJobsResult",
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
