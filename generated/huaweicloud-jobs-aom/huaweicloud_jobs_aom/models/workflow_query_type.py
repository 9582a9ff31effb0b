from typing import Literal

WorkflowQueryType = Literal["cron", "event", "manual"]

WORKFLOW_QUERY_TYPE_VALUES: set[WorkflowQueryType] = {
    "cron",
    "event",
    "manual",
}


def check_workflow_query_type(value: str) -> WorkflowQueryType:
    if value in WORKFLOW_QUERY_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WORKFLOW_QUERY_TYPE_VALUES!r}")
