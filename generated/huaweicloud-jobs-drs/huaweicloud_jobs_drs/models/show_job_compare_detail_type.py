from typing import Literal

ShowJobCompareDetailType = Literal["compare", "uncompare"]

SHOW_JOB_COMPARE_DETAIL_TYPE_VALUES: set[ShowJobCompareDetailType] = {
    "compare",
    "uncompare",
}


def check_show_job_compare_detail_type(value: str) -> ShowJobCompareDetailType:
    if value in SHOW_JOB_COMPARE_DETAIL_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_JOB_COMPARE_DETAIL_TYPE_VALUES!r}")
