from typing import Literal

ShowJobLogLevel = Literal["Error", "Info", "Warn"]

SHOW_JOB_LOG_LEVEL_VALUES: set[ShowJobLogLevel] = {
    "Error",
    "Info",
    "Warn",
}


def check_show_job_log_level(value: str) -> ShowJobLogLevel:
    if value in SHOW_JOB_LOG_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_JOB_LOG_LEVEL_VALUES!r}")
