from typing import Literal

ShowJobQueryType = Literal["detail", "diff", "list", "overview", "upgradeJob"]

SHOW_JOB_QUERY_TYPE_VALUES: set[ShowJobQueryType] = {
    "detail",
    "diff",
    "list",
    "overview",
    "upgradeJob",
}


def check_show_job_query_type(value: str) -> ShowJobQueryType:
    if value in SHOW_JOB_QUERY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_JOB_QUERY_TYPE_VALUES!r}")
