"""The data models of the inputs and outputs; each model's module is imported on first use.

A service's API imports only the models its operations build or return, and a model imports the
ones nested in it when it parses them: a large response tree costs nothing until it is read.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .error_response import ErrorResponse
    from .execution_node_result import ExecutionNodeResult
    from .execution_node_result_output import ExecutionNodeResultOutput
    from .execution_status_response import ExecutionStatusResponse
    from .terminate_execution_response import TerminateExecutionResponse
    from .workflow import Workflow
    from .workflow_execution_brief import WorkflowExecutionBrief
    from .workflow_global_parameters_item import WorkflowGlobalParametersItem
    from .workflow_input import WorkflowInput
    from .workflow_nodes_item import WorkflowNodesItem
    from .workflow_page import WorkflowPage
    from .workflow_query import WorkflowQuery
    from .workflow_query_sort_field import WorkflowQuerySortField
    from .workflow_query_sort_type import WorkflowQuerySortType
    from .workflow_query_tags import WorkflowQueryTags
    from .workflow_query_type import WorkflowQueryType
    from .workflow_steps_item import WorkflowStepsItem
    from .workflow_tags import WorkflowTags
    from .workflow_template_i18n import WorkflowTemplateI18N

_MODULES = {
    "ErrorResponse": ".error_response",
    "ExecutionNodeResult": ".execution_node_result",
    "ExecutionNodeResultOutput": ".execution_node_result_output",
    "ExecutionStatusResponse": ".execution_status_response",
    "TerminateExecutionResponse": ".terminate_execution_response",
    "Workflow": ".workflow",
    "WorkflowExecutionBrief": ".workflow_execution_brief",
    "WorkflowGlobalParametersItem": ".workflow_global_parameters_item",
    "WorkflowInput": ".workflow_input",
    "WorkflowNodesItem": ".workflow_nodes_item",
    "WorkflowPage": ".workflow_page",
    "WorkflowQuery": ".workflow_query",
    "WorkflowQuerySortField": ".workflow_query_sort_field",
    "WorkflowQuerySortType": ".workflow_query_sort_type",
    "WorkflowQueryTags": ".workflow_query_tags",
    "WorkflowQueryType": ".workflow_query_type",
    "WorkflowStepsItem": ".workflow_steps_item",
    "WorkflowTags": ".workflow_tags",
    "WorkflowTemplateI18N": ".workflow_template_i18n",
}
__all__ = (
    "ErrorResponse",
    "ExecutionNodeResult",
    "ExecutionNodeResultOutput",
    "ExecutionStatusResponse",
    "TerminateExecutionResponse",
    "Workflow",
    "WorkflowExecutionBrief",
    "WorkflowGlobalParametersItem",
    "WorkflowInput",
    "WorkflowNodesItem",
    "WorkflowPage",
    "WorkflowQuery",
    "WorkflowQuerySortField",
    "WorkflowQuerySortType",
    "WorkflowQueryTags",
    "WorkflowQueryType",
    "WorkflowStepsItem",
    "WorkflowTags",
    "WorkflowTemplateI18N",
)


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_MODULES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
