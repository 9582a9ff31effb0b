from typing import Literal

ListJobsXLanguage = Literal["en-us", "zh-cn"]

LIST_JOBS_X_LANGUAGE_VALUES: set[ListJobsXLanguage] = {
    "en-us",
    "zh-cn",
}


def check_list_jobs_x_language(value: str) -> ListJobsXLanguage:
    if value in LIST_JOBS_X_LANGUAGE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_X_LANGUAGE_VALUES!r}")
