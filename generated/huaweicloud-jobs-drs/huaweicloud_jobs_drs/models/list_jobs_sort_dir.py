from typing import Literal

ListJobsSortDir = Literal["asc", "desc"]

LIST_JOBS_SORT_DIR_VALUES: set[ListJobsSortDir] = {
    "asc",
    "desc",
}


def check_list_jobs_sort_dir(value: str) -> ListJobsSortDir:
    if value in LIST_JOBS_SORT_DIR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_SORT_DIR_VALUES!r}")
