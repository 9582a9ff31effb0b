from typing import Literal

ShowJobCompareType = Literal["content_compare", "data_compare", "line_compare", "object_compare"]

SHOW_JOB_COMPARE_TYPE_VALUES: set[ShowJobCompareType] = {
    "content_compare",
    "data_compare",
    "line_compare",
    "object_compare",
}


def check_show_job_compare_type(value: str) -> ShowJobCompareType:
    if value in SHOW_JOB_COMPARE_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_JOB_COMPARE_TYPE_VALUES!r}")
