from typing import Literal

ShowJobType = Literal[
    "cloud_connection",
    "compare",
    "db_table_details",
    "detail",
    "diagnosis",
    "diagnosis_history",
    "file",
    "is_writable",
    "log",
    "network",
    "overview",
    "precheck",
    "progress",
    "repair_detail",
    "repair_export_status",
    "repair_progress",
]

SHOW_JOB_TYPE_VALUES: set[ShowJobType] = {
    "cloud_connection",
    "compare",
    "db_table_details",
    "detail",
    "diagnosis",
    "diagnosis_history",
    "file",
    "is_writable",
    "log",
    "network",
    "overview",
    "precheck",
    "progress",
    "repair_detail",
    "repair_export_status",
    "repair_progress",
}


def check_show_job_type(value: str) -> ShowJobType:
    if value in SHOW_JOB_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_JOB_TYPE_VALUES!r}")
