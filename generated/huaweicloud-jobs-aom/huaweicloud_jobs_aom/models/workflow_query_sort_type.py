from typing import Literal

WorkflowQuerySortType = Literal["ASC", "DESC"]

WORKFLOW_QUERY_SORT_TYPE_VALUES: set[WorkflowQuerySortType] = {
    "ASC",
    "DESC",
}


def check_workflow_query_sort_type(value: str) -> WorkflowQuerySortType:
    if value in WORKFLOW_QUERY_SORT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WORKFLOW_QUERY_SORT_TYPE_VALUES!r}")
