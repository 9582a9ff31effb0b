from typing import Literal

ListJobsOrder = Literal["asc", "desc"]

LIST_JOBS_ORDER_VALUES: set[ListJobsOrder] = {
    "asc",
    "desc",
}


def check_list_jobs_order(value: str) -> ListJobsOrder:
    if value in LIST_JOBS_ORDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_ORDER_VALUES!r}")
