from typing import Literal

WorkflowQuerySortField = Literal["create_time", "last_execution_start_time", "update_time"]

WORKFLOW_QUERY_SORT_FIELD_VALUES: set[WorkflowQuerySortField] = {
    "create_time",
    "last_execution_start_time",
    "update_time",
}


def check_workflow_query_sort_field(value: str) -> WorkflowQuerySortField:
    if value in WORKFLOW_QUERY_SORT_FIELD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WORKFLOW_QUERY_SORT_FIELD_VALUES!r}")
