from typing import Literal

ListJobsJobType = Literal["flink_jar_job", "flink_opensource_sql_job", "flink_sql_edge_job", "flink_sql_job"]

LIST_JOBS_JOB_TYPE_VALUES: set[ListJobsJobType] = {
    "flink_jar_job",
    "flink_opensource_sql_job",
    "flink_sql_edge_job",
    "flink_sql_job",
}


def check_list_jobs_job_type(value: str) -> ListJobsJobType:
    if value in LIST_JOBS_JOB_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_JOB_TYPE_VALUES!r}")
