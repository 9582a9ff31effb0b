"""The data models of the inputs and outputs; each model's module is imported on first use.

A service's API imports only the models its operations build or return, and a model imports the
ones nested in it when it parses them: a large response tree costs nothing until it is read.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .error_response import ErrorResponse
    from .job_base_info import JobBaseInfo
    from .job_base_info_tags_item import JobBaseInfoTagsItem
    from .job_detail import JobDetail
    from .job_detail_alarm_notify import JobDetailAlarmNotify
    from .job_detail_children_item import JobDetailChildrenItem
    from .job_detail_compare_result import JobDetailCompareResult
    from .job_detail_connection_management import JobDetailConnectionManagement
    from .job_detail_db_param import JobDetailDbParam
    from .job_detail_diagnoses_item import JobDetailDiagnosesItem
    from .job_detail_instance_features import JobDetailInstanceFeatures
    from .job_detail_logs_item import JobDetailLogsItem
    from .job_detail_metrics import JobDetailMetrics
    from .job_detail_migration_object_progress_info import JobDetailMigrationObjectProgressInfo
    from .job_detail_network_results_item import JobDetailNetworkResultsItem
    from .job_detail_node_info import JobDetailNodeInfo
    from .job_detail_period_order import JobDetailPeriodOrder
    from .job_detail_policy_config import JobDetailPolicyConfig
    from .job_detail_precheck_result import JobDetailPrecheckResult
    from .job_detail_progress_info import JobDetailProgressInfo
    from .job_detail_public_ip_list_item import JobDetailPublicIpListItem
    from .job_detail_repair_detail_info import JobDetailRepairDetailInfo
    from .job_detail_repair_progress_info import JobDetailRepairProgressInfo
    from .job_detail_source_endpoint_item import JobDetailSourceEndpointItem
    from .job_detail_speed_limit_item import JobDetailSpeedLimitItem
    from .job_detail_support_import_file_resp import JobDetailSupportImportFileResp
    from .job_detail_target_endpoint_item import JobDetailTargetEndpointItem
    from .job_detail_tuning_params import JobDetailTuningParams
    from .job_detail_user_migration import JobDetailUserMigration
    from .job_list_item import JobListItem
    from .job_list_item_children_item import JobListItemChildrenItem
    from .job_list_item_job_action import JobListItemJobAction
    from .list_jobs_job_type import ListJobsJobType
    from .list_jobs_net_type import ListJobsNetType
    from .list_jobs_response import ListJobsResponse
    from .list_jobs_sort_dir import ListJobsSortDir
    from .list_jobs_sort_key import ListJobsSortKey
    from .list_jobs_x_language import ListJobsXLanguage
    from .show_job_compare_detail_type import ShowJobCompareDetailType
    from .show_job_compare_type import ShowJobCompareType
    from .show_job_log_level import ShowJobLogLevel
    from .show_job_object_type import ShowJobObjectType
    from .show_job_query_type import ShowJobQueryType
    from .show_job_response import ShowJobResponse
    from .show_job_type import ShowJobType
    from .show_job_x_language import ShowJobXLanguage
    from .stop_job_request import StopJobRequest
    from .stop_job_response import StopJobResponse
    from .stop_job_x_language import StopJobXLanguage

_MODULES = {
    "ErrorResponse": ".error_response",
    "JobBaseInfo": ".job_base_info",
    "JobBaseInfoTagsItem": ".job_base_info_tags_item",
    "JobDetail": ".job_detail",
    "JobDetailAlarmNotify": ".job_detail_alarm_notify",
    "JobDetailChildrenItem": ".job_detail_children_item",
    "JobDetailCompareResult": ".job_detail_compare_result",
    "JobDetailConnectionManagement": ".job_detail_connection_management",
    "JobDetailDbParam": ".job_detail_db_param",
    "JobDetailDiagnosesItem": ".job_detail_diagnoses_item",
    "JobDetailInstanceFeatures": ".job_detail_instance_features",
    "JobDetailLogsItem": ".job_detail_logs_item",
    "JobDetailMetrics": ".job_detail_metrics",
    "JobDetailMigrationObjectProgressInfo": ".job_detail_migration_object_progress_info",
    "JobDetailNetworkResultsItem": ".job_detail_network_results_item",
    "JobDetailNodeInfo": ".job_detail_node_info",
    "JobDetailPeriodOrder": ".job_detail_period_order",
    "JobDetailPolicyConfig": ".job_detail_policy_config",
    "JobDetailPrecheckResult": ".job_detail_precheck_result",
    "JobDetailProgressInfo": ".job_detail_progress_info",
    "JobDetailPublicIpListItem": ".job_detail_public_ip_list_item",
    "JobDetailRepairDetailInfo": ".job_detail_repair_detail_info",
    "JobDetailRepairProgressInfo": ".job_detail_repair_progress_info",
    "JobDetailSourceEndpointItem": ".job_detail_source_endpoint_item",
    "JobDetailSpeedLimitItem": ".job_detail_speed_limit_item",
    "JobDetailSupportImportFileResp": ".job_detail_support_import_file_resp",
    "JobDetailTargetEndpointItem": ".job_detail_target_endpoint_item",
    "JobDetailTuningParams": ".job_detail_tuning_params",
    "JobDetailUserMigration": ".job_detail_user_migration",
    "JobListItem": ".job_list_item",
    "JobListItemChildrenItem": ".job_list_item_children_item",
    "JobListItemJobAction": ".job_list_item_job_action",
    "ListJobsJobType": ".list_jobs_job_type",
    "ListJobsNetType": ".list_jobs_net_type",
    "ListJobsResponse": ".list_jobs_response",
    "ListJobsSortDir": ".list_jobs_sort_dir",
    "ListJobsSortKey": ".list_jobs_sort_key",
    "ListJobsXLanguage": ".list_jobs_x_language",
    "ShowJobCompareDetailType": ".show_job_compare_detail_type",
    "ShowJobCompareType": ".show_job_compare_type",
    "ShowJobLogLevel": ".show_job_log_level",
    "ShowJobObjectType": ".show_job_object_type",
    "ShowJobQueryType": ".show_job_query_type",
    "ShowJobResponse": ".show_job_response",
    "ShowJobType": ".show_job_type",
    "ShowJobXLanguage": ".show_job_x_language",
    "StopJobRequest": ".stop_job_request",
    "StopJobResponse": ".stop_job_response",
    "StopJobXLanguage": ".stop_job_x_language",
}
__all__ = (
    "ErrorResponse",
    "JobBaseInfo",
    "JobBaseInfoTagsItem",
    "JobDetail",
    "JobDetailAlarmNotify",
    "JobDetailChildrenItem",
    "JobDetailCompareResult",
    "JobDetailConnectionManagement",
    "JobDetailDbParam",
    "JobDetailDiagnosesItem",
    "JobDetailInstanceFeatures",
    "JobDetailLogsItem",
    "JobDetailMetrics",
    "JobDetailMigrationObjectProgressInfo",
    "JobDetailNetworkResultsItem",
    "JobDetailNodeInfo",
    "JobDetailPeriodOrder",
    "JobDetailPolicyConfig",
    "JobDetailPrecheckResult",
    "JobDetailProgressInfo",
    "JobDetailPublicIpListItem",
    "JobDetailRepairDetailInfo",
    "JobDetailRepairProgressInfo",
    "JobDetailSourceEndpointItem",
    "JobDetailSpeedLimitItem",
    "JobDetailSupportImportFileResp",
    "JobDetailTargetEndpointItem",
    "JobDetailTuningParams",
    "JobDetailUserMigration",
    "JobListItem",
    "JobListItemChildrenItem",
    "JobListItemJobAction",
    "ListJobsJobType",
    "ListJobsNetType",
    "ListJobsResponse",
    "ListJobsSortDir",
    "ListJobsSortKey",
    "ListJobsXLanguage",
    "ShowJobCompareDetailType",
    "ShowJobCompareType",
    "ShowJobLogLevel",
    "ShowJobObjectType",
    "ShowJobQueryType",
    "ShowJobResponse",
    "ShowJobType",
    "ShowJobXLanguage",
    "StopJobRequest",
    "StopJobResponse",
    "StopJobXLanguage",
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
