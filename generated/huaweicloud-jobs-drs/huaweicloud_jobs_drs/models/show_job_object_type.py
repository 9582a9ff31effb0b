from typing import Literal

ShowJobObjectType = Literal["DB", "INDEX", "TABLE"]

SHOW_JOB_OBJECT_TYPE_VALUES: set[ShowJobObjectType] = {
    "DB",
    "INDEX",
    "TABLE",
}


def check_show_job_object_type(value: str) -> ShowJobObjectType:
    if value in SHOW_JOB_OBJECT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_JOB_OBJECT_TYPE_VALUES!r}")
