from typing import Literal

StopJobXLanguage = Literal["en-us", "zh-cn"]

STOP_JOB_X_LANGUAGE_VALUES: set[StopJobXLanguage] = {
    "en-us",
    "zh-cn",
}


def check_stop_job_x_language(value: str) -> StopJobXLanguage:
    if value in STOP_JOB_X_LANGUAGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STOP_JOB_X_LANGUAGE_VALUES!r}")
