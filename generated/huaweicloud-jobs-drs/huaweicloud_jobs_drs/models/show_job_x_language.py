from typing import Literal

ShowJobXLanguage = Literal["en-us", "zh-cn"]

SHOW_JOB_X_LANGUAGE_VALUES: set[ShowJobXLanguage] = {
    "en-us",
    "zh-cn",
}


def check_show_job_x_language(value: str) -> ShowJobXLanguage:
    if value in SHOW_JOB_X_LANGUAGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_JOB_X_LANGUAGE_VALUES!r}")
