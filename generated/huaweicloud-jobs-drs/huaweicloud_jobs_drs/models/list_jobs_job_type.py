from typing import Literal

ListJobsJobType = Literal["cloudDataGuard", "migration", "replay", "sync"]

LIST_JOBS_JOB_TYPE_VALUES: set[ListJobsJobType] = {
    "cloudDataGuard",
    "migration",
    "replay",
    "sync",
}


def check_list_jobs_job_type(value: str) -> ListJobsJobType:
    if value in LIST_JOBS_JOB_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_JOB_TYPE_VALUES!r}")
