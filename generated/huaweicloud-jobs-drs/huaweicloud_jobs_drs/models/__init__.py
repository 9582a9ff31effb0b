"""Contains all the data models used in inputs/outputs"""

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
