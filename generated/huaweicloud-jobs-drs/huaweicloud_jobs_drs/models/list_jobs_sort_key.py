from typing import Literal

ListJobsSortKey = Literal["create_time", "job_direction", "name", "net_type", "pay_mode", "status"]

LIST_JOBS_SORT_KEY_VALUES: set[ListJobsSortKey] = {
    "create_time",
    "job_direction",
    "name",
    "net_type",
    "pay_mode",
    "status",
}


def check_list_jobs_sort_key(value: str) -> ListJobsSortKey:
    if value in LIST_JOBS_SORT_KEY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_SORT_KEY_VALUES!r}")
