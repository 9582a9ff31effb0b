from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_base_info import JobBaseInfo
    from ..models.job_detail_alarm_notify import JobDetailAlarmNotify
    from ..models.job_detail_children_item import JobDetailChildrenItem
    from ..models.job_detail_compare_result import JobDetailCompareResult
    from ..models.job_detail_connection_management import JobDetailConnectionManagement
    from ..models.job_detail_db_param import JobDetailDbParam
    from ..models.job_detail_diagnoses_item import JobDetailDiagnosesItem
    from ..models.job_detail_instance_features import JobDetailInstanceFeatures
    from ..models.job_detail_logs_item import JobDetailLogsItem
    from ..models.job_detail_metrics import JobDetailMetrics
    from ..models.job_detail_migration_object_progress_info import JobDetailMigrationObjectProgressInfo
    from ..models.job_detail_network_results_item import JobDetailNetworkResultsItem
    from ..models.job_detail_node_info import JobDetailNodeInfo
    from ..models.job_detail_period_order import JobDetailPeriodOrder
    from ..models.job_detail_policy_config import JobDetailPolicyConfig
    from ..models.job_detail_precheck_result import JobDetailPrecheckResult
    from ..models.job_detail_progress_info import JobDetailProgressInfo
    from ..models.job_detail_public_ip_list_item import JobDetailPublicIpListItem
    from ..models.job_detail_repair_detail_info import JobDetailRepairDetailInfo
    from ..models.job_detail_repair_progress_info import JobDetailRepairProgressInfo
    from ..models.job_detail_source_endpoint_item import JobDetailSourceEndpointItem
    from ..models.job_detail_speed_limit_item import JobDetailSpeedLimitItem
    from ..models.job_detail_support_import_file_resp import JobDetailSupportImportFileResp
    from ..models.job_detail_target_endpoint_item import JobDetailTargetEndpointItem
    from ..models.job_detail_tuning_params import JobDetailTuningParams
    from ..models.job_detail_user_migration import JobDetailUserMigration


T = TypeVar("T", bound="JobDetail")


@_attrs_define
class JobDetail:
    """JobDetailResp of the SDK. Scalar fields are transcribed; nested objects and
    lists of objects are modelled as open objects (not transcribed field by
    field). Which fields are present depends on the query's `type`.

        Attributes:
            id (str | Unset): Task ID, uniquely identifying a data replication task (UUID-shaped string).
            status (str | Unset): Current state of the task. Documented values (a later service version may
                add others, so this is not an enum):
                - CREATING: being created
                - CREATE_FAILED: creation failed
                - CONFIGURATION: being configured
                - STARTJOBING: starting
                - WAITING_FOR_START: waiting to start
                - START_JOB_FAILED: start failed
                - PAUSING: paused ("已暂停"; despite the -ING, the document describes a state, not a transition)
                - FULL_TRANSFER_STARTED: full transfer started (disaster recovery: initializing)
                - FULL_TRANSFER_FAILED: full transfer failed (disaster recovery: initialization failed)
                - FULL_TRANSFER_COMPLETE: full transfer completed (disaster recovery: initialization completed)
                - INCRE_TRANSFER_STARTED: incremental transfer started (disaster recovery: in progress)
                - INCRE_TRANSFER_FAILED: incremental transfer failed (disaster recovery: abnormal)
                - RELEASE_RESOURCE_STARTED: ending the task
                - RELEASE_RESOURCE_FAILED: ending the task failed
                - RELEASE_RESOURCE_COMPLETE: ended
                - REBUILD_NODE_STARTED: recovering from a fault
                - REBUILD_NODE_FAILED: fault recovery failed
                - CHANGE_JOB_STARTED: task being changed
                - CHANGE_JOB_FAILED: task change failed
                - DELETED: deleted
                - CHILD_TRANSFER_STARTING: re-edited subtask starting
                - CHILD_TRANSFER_STARTED: re-edited subtask migrating
                - CHILD_TRANSFER_COMPLETE: re-edited subtask migration completed
                - CHILD_TRANSFER_FAILED: re-edited subtask migration failed
                - RELEASE_CHILD_TRANSFER_STARTED: re-edited subtask ending
                - RELEASE_CHILD_TRANSFER_COMPLETE: re-edited subtask ended
                - NODE_UPGRADE_START: upgrade started
                - NODE_UPGRADE_COMPLETE: upgrade completed
                - NODE_UPGRADE_FAILED: upgrade failed
            create_time (str | Unset): Creation time of the task (the SDK calls it a timestamp and types it as a string).
            total_count (int | Unset): Total number of items matching the query, independent of paging.
            master_job_id (str | Unset): Task ID of the master task in a many-to-one synchronization.
            base_info (JobBaseInfo | Unset): JobBaseInfo of the SDK: the task's basic information, including its name.
                Scalar fields are transcribed; `tags` (ResourceTag list) is an open list.
            source_endpoint (list[JobDetailSourceEndpointItem] | Unset): Source database information (JobEndpointInfo, not
                transcribed field by field).
            target_endpoint (list[JobDetailTargetEndpointItem] | Unset): Destination database information (JobEndpointInfo,
                not transcribed field by field).
            alarm_notify (JobDetailAlarmNotify | Unset): Alarm notification settings (AlarmNotifyConfig, not transcribed
                field by field).
            speed_limit (list[JobDetailSpeedLimitItem] | Unset): Speed limits (SpeedLimitInfo, not transcribed field by
                field).
            user_migration (JobDetailUserMigration | Unset): User migration information (UserMigrationInfo, not transcribed
                field by field).
            policy_config (JobDetailPolicyConfig | Unset): Policy settings (PolicyConfig, not transcribed field by field).
            db_param (JobDetailDbParam | Unset): Database parameters (DbParamInfo, not transcribed field by field).
            tuning_params (JobDetailTuningParams | Unset): Tuning parameters (TuningParamInfo, not transcribed field by
                field).
            period_order (JobDetailPeriodOrder | Unset): Yearly/monthly order information (PeriodOrderInfo, not transcribed
                field by field).
            node_info (JobDetailNodeInfo | Unset): Replication instance node information (JobNodeInfo, not transcribed field
                by field).
            logs (list[JobDetailLogsItem] | Unset): Log query results (TaskLogInfo, not transcribed field by field).
            network_results (list[JobDetailNetworkResultsItem] | Unset): Network connectivity test results
                (QueryNetworkResult, not transcribed field by field).
            precheck_result (JobDetailPrecheckResult | Unset): Pre-check result (QueryPreCheckResult, not transcribed field
                by field).
            progress_info (JobDetailProgressInfo | Unset): Task progress (JobProgressInfo, not transcribed field by field).
            migration_object_progress_info (JobDetailMigrationObjectProgressInfo | Unset): Per-object migration progress
                (QueryMigrationObjectProgressInfo, not transcribed field by field).
            metrics (JobDetailMetrics | Unset): Monitoring metrics (QueryMetricResult, not transcribed field by field).
            compare_result (JobDetailCompareResult | Unset): Comparison result (CompareResultInfo, not transcribed field by
                field).
            support_import_file_resp (JobDetailSupportImportFileResp | Unset): Object import support
                (SupportImportFileResult, not transcribed field by field).
            instance_features (JobDetailInstanceFeatures | Unset): Task-level features controlled by switches and versions,
                as key/value pairs.
            task_version (str | Unset): Task version used by this data replication task.
            connection_management (JobDetailConnectionManagement | Unset): Connection management (ConnectionManagement, not
                transcribed field by field).
            public_ip_list (list[JobDetailPublicIpListItem] | Unset): Specified public IP addresses (PublicIpConfig, not
                transcribed field by field).
            bind_public_ip_state (str | Unset): Whether binding the public IP succeeded. SUCCESS or FAILED.
            children (list[JobDetailChildrenItem] | Unset): Subtasks whose public IP binding failed, for multi-tasks
                (FailedToBindEipChildInfo, not transcribed field by field).
            is_writable (str | Unset): After making the destination database writable, whether that succeeded.
                pending: in progress; success: succeeded.
            diagnoses (list[JobDetailDiagnosesItem] | Unset): One-click diagnosis results (QueryDiagnosisResult, not
                transcribed field by field).
            repair_progress_info (JobDetailRepairProgressInfo | Unset): Data repair progress
                (JobDetailRespRepairProgressInfo, not transcribed field by field).
            repair_detail_info (JobDetailRepairDetailInfo | Unset): Data repair details (QueryRepairDetailResp, not
                transcribed field by field).
            repair_export_status (str | Unset): Export status of the repair SQL. INIT: initial; EXPORTING: exporting the
                comparison result; EXPORT_COMPLETE: export completed;
                EXPORT_COMMON_FAILED: export failed.
            job_kernel_direction (str | Unset): Disaster recovery kernel direction: equal to job_direction except during
                a switchover, when it is the opposite. up: to the cloud (this cloud is
                standby); down: out of the cloud (this cloud is primary).
            sync_mode (str | Unset): Synchronization mode. DB_LEVEL: database level; SCHEMA_LEVEL: schema
                level; TABLE_LEVEL: table level; FILE_IMPORT: file import;
                INSTANCE_LEVEL: instance level.
    """

    id: str | Unset = UNSET
    status: str | Unset = UNSET
    create_time: str | Unset = UNSET
    total_count: int | Unset = UNSET
    master_job_id: str | Unset = UNSET
    base_info: JobBaseInfo | Unset = UNSET
    source_endpoint: list[JobDetailSourceEndpointItem] | Unset = UNSET
    target_endpoint: list[JobDetailTargetEndpointItem] | Unset = UNSET
    alarm_notify: JobDetailAlarmNotify | Unset = UNSET
    speed_limit: list[JobDetailSpeedLimitItem] | Unset = UNSET
    user_migration: JobDetailUserMigration | Unset = UNSET
    policy_config: JobDetailPolicyConfig | Unset = UNSET
    db_param: JobDetailDbParam | Unset = UNSET
    tuning_params: JobDetailTuningParams | Unset = UNSET
    period_order: JobDetailPeriodOrder | Unset = UNSET
    node_info: JobDetailNodeInfo | Unset = UNSET
    logs: list[JobDetailLogsItem] | Unset = UNSET
    network_results: list[JobDetailNetworkResultsItem] | Unset = UNSET
    precheck_result: JobDetailPrecheckResult | Unset = UNSET
    progress_info: JobDetailProgressInfo | Unset = UNSET
    migration_object_progress_info: JobDetailMigrationObjectProgressInfo | Unset = UNSET
    metrics: JobDetailMetrics | Unset = UNSET
    compare_result: JobDetailCompareResult | Unset = UNSET
    support_import_file_resp: JobDetailSupportImportFileResp | Unset = UNSET
    instance_features: JobDetailInstanceFeatures | Unset = UNSET
    task_version: str | Unset = UNSET
    connection_management: JobDetailConnectionManagement | Unset = UNSET
    public_ip_list: list[JobDetailPublicIpListItem] | Unset = UNSET
    bind_public_ip_state: str | Unset = UNSET
    children: list[JobDetailChildrenItem] | Unset = UNSET
    is_writable: str | Unset = UNSET
    diagnoses: list[JobDetailDiagnosesItem] | Unset = UNSET
    repair_progress_info: JobDetailRepairProgressInfo | Unset = UNSET
    repair_detail_info: JobDetailRepairDetailInfo | Unset = UNSET
    repair_export_status: str | Unset = UNSET
    job_kernel_direction: str | Unset = UNSET
    sync_mode: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        create_time = self.create_time

        total_count = self.total_count

        master_job_id = self.master_job_id

        base_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.base_info, Unset):
            base_info = self.base_info.to_dict()

        source_endpoint: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.source_endpoint, Unset):
            source_endpoint = []
            for source_endpoint_item_data in self.source_endpoint:
                source_endpoint_item = source_endpoint_item_data.to_dict()
                source_endpoint.append(source_endpoint_item)

        target_endpoint: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.target_endpoint, Unset):
            target_endpoint = []
            for target_endpoint_item_data in self.target_endpoint:
                target_endpoint_item = target_endpoint_item_data.to_dict()
                target_endpoint.append(target_endpoint_item)

        alarm_notify: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alarm_notify, Unset):
            alarm_notify = self.alarm_notify.to_dict()

        speed_limit: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.speed_limit, Unset):
            speed_limit = []
            for speed_limit_item_data in self.speed_limit:
                speed_limit_item = speed_limit_item_data.to_dict()
                speed_limit.append(speed_limit_item)

        user_migration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_migration, Unset):
            user_migration = self.user_migration.to_dict()

        policy_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.policy_config, Unset):
            policy_config = self.policy_config.to_dict()

        db_param: dict[str, Any] | Unset = UNSET
        if not isinstance(self.db_param, Unset):
            db_param = self.db_param.to_dict()

        tuning_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tuning_params, Unset):
            tuning_params = self.tuning_params.to_dict()

        period_order: dict[str, Any] | Unset = UNSET
        if not isinstance(self.period_order, Unset):
            period_order = self.period_order.to_dict()

        node_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.node_info, Unset):
            node_info = self.node_info.to_dict()

        logs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.logs, Unset):
            logs = []
            for logs_item_data in self.logs:
                logs_item = logs_item_data.to_dict()
                logs.append(logs_item)

        network_results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.network_results, Unset):
            network_results = []
            for network_results_item_data in self.network_results:
                network_results_item = network_results_item_data.to_dict()
                network_results.append(network_results_item)

        precheck_result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.precheck_result, Unset):
            precheck_result = self.precheck_result.to_dict()

        progress_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.progress_info, Unset):
            progress_info = self.progress_info.to_dict()

        migration_object_progress_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.migration_object_progress_info, Unset):
            migration_object_progress_info = self.migration_object_progress_info.to_dict()

        metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = self.metrics.to_dict()

        compare_result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compare_result, Unset):
            compare_result = self.compare_result.to_dict()

        support_import_file_resp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.support_import_file_resp, Unset):
            support_import_file_resp = self.support_import_file_resp.to_dict()

        instance_features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.instance_features, Unset):
            instance_features = self.instance_features.to_dict()

        task_version = self.task_version

        connection_management: dict[str, Any] | Unset = UNSET
        if not isinstance(self.connection_management, Unset):
            connection_management = self.connection_management.to_dict()

        public_ip_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.public_ip_list, Unset):
            public_ip_list = []
            for public_ip_list_item_data in self.public_ip_list:
                public_ip_list_item = public_ip_list_item_data.to_dict()
                public_ip_list.append(public_ip_list_item)

        bind_public_ip_state = self.bind_public_ip_state

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        is_writable = self.is_writable

        diagnoses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.diagnoses, Unset):
            diagnoses = []
            for diagnoses_item_data in self.diagnoses:
                diagnoses_item = diagnoses_item_data.to_dict()
                diagnoses.append(diagnoses_item)

        repair_progress_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.repair_progress_info, Unset):
            repair_progress_info = self.repair_progress_info.to_dict()

        repair_detail_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.repair_detail_info, Unset):
            repair_detail_info = self.repair_detail_info.to_dict()

        repair_export_status = self.repair_export_status

        job_kernel_direction = self.job_kernel_direction

        sync_mode = self.sync_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if total_count is not UNSET:
            field_dict["total_count"] = total_count
        if master_job_id is not UNSET:
            field_dict["master_job_id"] = master_job_id
        if base_info is not UNSET:
            field_dict["base_info"] = base_info
        if source_endpoint is not UNSET:
            field_dict["source_endpoint"] = source_endpoint
        if target_endpoint is not UNSET:
            field_dict["target_endpoint"] = target_endpoint
        if alarm_notify is not UNSET:
            field_dict["alarm_notify"] = alarm_notify
        if speed_limit is not UNSET:
            field_dict["speed_limit"] = speed_limit
        if user_migration is not UNSET:
            field_dict["user_migration"] = user_migration
        if policy_config is not UNSET:
            field_dict["policy_config"] = policy_config
        if db_param is not UNSET:
            field_dict["db_param"] = db_param
        if tuning_params is not UNSET:
            field_dict["tuning_params"] = tuning_params
        if period_order is not UNSET:
            field_dict["period_order"] = period_order
        if node_info is not UNSET:
            field_dict["node_info"] = node_info
        if logs is not UNSET:
            field_dict["logs"] = logs
        if network_results is not UNSET:
            field_dict["network_results"] = network_results
        if precheck_result is not UNSET:
            field_dict["precheck_result"] = precheck_result
        if progress_info is not UNSET:
            field_dict["progress_info"] = progress_info
        if migration_object_progress_info is not UNSET:
            field_dict["migration_object_progress_info"] = migration_object_progress_info
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if compare_result is not UNSET:
            field_dict["compare_result"] = compare_result
        if support_import_file_resp is not UNSET:
            field_dict["support_import_file_resp"] = support_import_file_resp
        if instance_features is not UNSET:
            field_dict["instance_features"] = instance_features
        if task_version is not UNSET:
            field_dict["task_version"] = task_version
        if connection_management is not UNSET:
            field_dict["connection_management"] = connection_management
        if public_ip_list is not UNSET:
            field_dict["public_ip_list"] = public_ip_list
        if bind_public_ip_state is not UNSET:
            field_dict["bind_public_ip_state"] = bind_public_ip_state
        if children is not UNSET:
            field_dict["children"] = children
        if is_writable is not UNSET:
            field_dict["is_writable"] = is_writable
        if diagnoses is not UNSET:
            field_dict["diagnoses"] = diagnoses
        if repair_progress_info is not UNSET:
            field_dict["repair_progress_info"] = repair_progress_info
        if repair_detail_info is not UNSET:
            field_dict["repair_detail_info"] = repair_detail_info
        if repair_export_status is not UNSET:
            field_dict["repair_export_status"] = repair_export_status
        if job_kernel_direction is not UNSET:
            field_dict["job_kernel_direction"] = job_kernel_direction
        if sync_mode is not UNSET:
            field_dict["sync_mode"] = sync_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_base_info import JobBaseInfo  # noqa: PLC0415
        from ..models.job_detail_alarm_notify import JobDetailAlarmNotify  # noqa: PLC0415
        from ..models.job_detail_children_item import JobDetailChildrenItem  # noqa: PLC0415
        from ..models.job_detail_compare_result import JobDetailCompareResult  # noqa: PLC0415
        from ..models.job_detail_connection_management import JobDetailConnectionManagement  # noqa: PLC0415
        from ..models.job_detail_db_param import JobDetailDbParam  # noqa: PLC0415
        from ..models.job_detail_diagnoses_item import JobDetailDiagnosesItem  # noqa: PLC0415
        from ..models.job_detail_instance_features import JobDetailInstanceFeatures  # noqa: PLC0415
        from ..models.job_detail_logs_item import JobDetailLogsItem  # noqa: PLC0415
        from ..models.job_detail_metrics import JobDetailMetrics  # noqa: PLC0415
        from ..models.job_detail_migration_object_progress_info import JobDetailMigrationObjectProgressInfo  # noqa: PLC0415
        from ..models.job_detail_network_results_item import JobDetailNetworkResultsItem  # noqa: PLC0415
        from ..models.job_detail_node_info import JobDetailNodeInfo  # noqa: PLC0415
        from ..models.job_detail_period_order import JobDetailPeriodOrder  # noqa: PLC0415
        from ..models.job_detail_policy_config import JobDetailPolicyConfig  # noqa: PLC0415
        from ..models.job_detail_precheck_result import JobDetailPrecheckResult  # noqa: PLC0415
        from ..models.job_detail_progress_info import JobDetailProgressInfo  # noqa: PLC0415
        from ..models.job_detail_public_ip_list_item import JobDetailPublicIpListItem  # noqa: PLC0415
        from ..models.job_detail_repair_detail_info import JobDetailRepairDetailInfo  # noqa: PLC0415
        from ..models.job_detail_repair_progress_info import JobDetailRepairProgressInfo  # noqa: PLC0415
        from ..models.job_detail_source_endpoint_item import JobDetailSourceEndpointItem  # noqa: PLC0415
        from ..models.job_detail_speed_limit_item import JobDetailSpeedLimitItem  # noqa: PLC0415
        from ..models.job_detail_support_import_file_resp import JobDetailSupportImportFileResp  # noqa: PLC0415
        from ..models.job_detail_target_endpoint_item import JobDetailTargetEndpointItem  # noqa: PLC0415
        from ..models.job_detail_tuning_params import JobDetailTuningParams  # noqa: PLC0415
        from ..models.job_detail_user_migration import JobDetailUserMigration  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        status = d.pop("status", UNSET)

        create_time = d.pop("create_time", UNSET)

        total_count = d.pop("total_count", UNSET)

        master_job_id = d.pop("master_job_id", UNSET)

        _base_info = d.pop("base_info", UNSET)
        base_info: JobBaseInfo | Unset
        if isinstance(_base_info, Unset):
            base_info = UNSET
        else:
            base_info = JobBaseInfo.from_dict(_base_info)

        _source_endpoint = d.pop("source_endpoint", UNSET)
        source_endpoint: list[JobDetailSourceEndpointItem] | Unset = UNSET
        if _source_endpoint is not UNSET:
            source_endpoint = []
            for source_endpoint_item_data in _source_endpoint:
                source_endpoint_item = JobDetailSourceEndpointItem.from_dict(source_endpoint_item_data)

                source_endpoint.append(source_endpoint_item)

        _target_endpoint = d.pop("target_endpoint", UNSET)
        target_endpoint: list[JobDetailTargetEndpointItem] | Unset = UNSET
        if _target_endpoint is not UNSET:
            target_endpoint = []
            for target_endpoint_item_data in _target_endpoint:
                target_endpoint_item = JobDetailTargetEndpointItem.from_dict(target_endpoint_item_data)

                target_endpoint.append(target_endpoint_item)

        _alarm_notify = d.pop("alarm_notify", UNSET)
        alarm_notify: JobDetailAlarmNotify | Unset
        if isinstance(_alarm_notify, Unset):
            alarm_notify = UNSET
        else:
            alarm_notify = JobDetailAlarmNotify.from_dict(_alarm_notify)

        _speed_limit = d.pop("speed_limit", UNSET)
        speed_limit: list[JobDetailSpeedLimitItem] | Unset = UNSET
        if _speed_limit is not UNSET:
            speed_limit = []
            for speed_limit_item_data in _speed_limit:
                speed_limit_item = JobDetailSpeedLimitItem.from_dict(speed_limit_item_data)

                speed_limit.append(speed_limit_item)

        _user_migration = d.pop("user_migration", UNSET)
        user_migration: JobDetailUserMigration | Unset
        if isinstance(_user_migration, Unset):
            user_migration = UNSET
        else:
            user_migration = JobDetailUserMigration.from_dict(_user_migration)

        _policy_config = d.pop("policy_config", UNSET)
        policy_config: JobDetailPolicyConfig | Unset
        if isinstance(_policy_config, Unset):
            policy_config = UNSET
        else:
            policy_config = JobDetailPolicyConfig.from_dict(_policy_config)

        _db_param = d.pop("db_param", UNSET)
        db_param: JobDetailDbParam | Unset
        if isinstance(_db_param, Unset):
            db_param = UNSET
        else:
            db_param = JobDetailDbParam.from_dict(_db_param)

        _tuning_params = d.pop("tuning_params", UNSET)
        tuning_params: JobDetailTuningParams | Unset
        if isinstance(_tuning_params, Unset):
            tuning_params = UNSET
        else:
            tuning_params = JobDetailTuningParams.from_dict(_tuning_params)

        _period_order = d.pop("period_order", UNSET)
        period_order: JobDetailPeriodOrder | Unset
        if isinstance(_period_order, Unset):
            period_order = UNSET
        else:
            period_order = JobDetailPeriodOrder.from_dict(_period_order)

        _node_info = d.pop("node_info", UNSET)
        node_info: JobDetailNodeInfo | Unset
        if isinstance(_node_info, Unset):
            node_info = UNSET
        else:
            node_info = JobDetailNodeInfo.from_dict(_node_info)

        _logs = d.pop("logs", UNSET)
        logs: list[JobDetailLogsItem] | Unset = UNSET
        if _logs is not UNSET:
            logs = []
            for logs_item_data in _logs:
                logs_item = JobDetailLogsItem.from_dict(logs_item_data)

                logs.append(logs_item)

        _network_results = d.pop("network_results", UNSET)
        network_results: list[JobDetailNetworkResultsItem] | Unset = UNSET
        if _network_results is not UNSET:
            network_results = []
            for network_results_item_data in _network_results:
                network_results_item = JobDetailNetworkResultsItem.from_dict(network_results_item_data)

                network_results.append(network_results_item)

        _precheck_result = d.pop("precheck_result", UNSET)
        precheck_result: JobDetailPrecheckResult | Unset
        if isinstance(_precheck_result, Unset):
            precheck_result = UNSET
        else:
            precheck_result = JobDetailPrecheckResult.from_dict(_precheck_result)

        _progress_info = d.pop("progress_info", UNSET)
        progress_info: JobDetailProgressInfo | Unset
        if isinstance(_progress_info, Unset):
            progress_info = UNSET
        else:
            progress_info = JobDetailProgressInfo.from_dict(_progress_info)

        _migration_object_progress_info = d.pop("migration_object_progress_info", UNSET)
        migration_object_progress_info: JobDetailMigrationObjectProgressInfo | Unset
        if isinstance(_migration_object_progress_info, Unset):
            migration_object_progress_info = UNSET
        else:
            migration_object_progress_info = JobDetailMigrationObjectProgressInfo.from_dict(
                _migration_object_progress_info
            )

        _metrics = d.pop("metrics", UNSET)
        metrics: JobDetailMetrics | Unset
        if isinstance(_metrics, Unset):
            metrics = UNSET
        else:
            metrics = JobDetailMetrics.from_dict(_metrics)

        _compare_result = d.pop("compare_result", UNSET)
        compare_result: JobDetailCompareResult | Unset
        if isinstance(_compare_result, Unset):
            compare_result = UNSET
        else:
            compare_result = JobDetailCompareResult.from_dict(_compare_result)

        _support_import_file_resp = d.pop("support_import_file_resp", UNSET)
        support_import_file_resp: JobDetailSupportImportFileResp | Unset
        if isinstance(_support_import_file_resp, Unset):
            support_import_file_resp = UNSET
        else:
            support_import_file_resp = JobDetailSupportImportFileResp.from_dict(_support_import_file_resp)

        _instance_features = d.pop("instance_features", UNSET)
        instance_features: JobDetailInstanceFeatures | Unset
        if isinstance(_instance_features, Unset):
            instance_features = UNSET
        else:
            instance_features = JobDetailInstanceFeatures.from_dict(_instance_features)

        task_version = d.pop("task_version", UNSET)

        _connection_management = d.pop("connection_management", UNSET)
        connection_management: JobDetailConnectionManagement | Unset
        if isinstance(_connection_management, Unset):
            connection_management = UNSET
        else:
            connection_management = JobDetailConnectionManagement.from_dict(_connection_management)

        _public_ip_list = d.pop("public_ip_list", UNSET)
        public_ip_list: list[JobDetailPublicIpListItem] | Unset = UNSET
        if _public_ip_list is not UNSET:
            public_ip_list = []
            for public_ip_list_item_data in _public_ip_list:
                public_ip_list_item = JobDetailPublicIpListItem.from_dict(public_ip_list_item_data)

                public_ip_list.append(public_ip_list_item)

        bind_public_ip_state = d.pop("bind_public_ip_state", UNSET)

        _children = d.pop("children", UNSET)
        children: list[JobDetailChildrenItem] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = JobDetailChildrenItem.from_dict(children_item_data)

                children.append(children_item)

        is_writable = d.pop("is_writable", UNSET)

        _diagnoses = d.pop("diagnoses", UNSET)
        diagnoses: list[JobDetailDiagnosesItem] | Unset = UNSET
        if _diagnoses is not UNSET:
            diagnoses = []
            for diagnoses_item_data in _diagnoses:
                diagnoses_item = JobDetailDiagnosesItem.from_dict(diagnoses_item_data)

                diagnoses.append(diagnoses_item)

        _repair_progress_info = d.pop("repair_progress_info", UNSET)
        repair_progress_info: JobDetailRepairProgressInfo | Unset
        if isinstance(_repair_progress_info, Unset):
            repair_progress_info = UNSET
        else:
            repair_progress_info = JobDetailRepairProgressInfo.from_dict(_repair_progress_info)

        _repair_detail_info = d.pop("repair_detail_info", UNSET)
        repair_detail_info: JobDetailRepairDetailInfo | Unset
        if isinstance(_repair_detail_info, Unset):
            repair_detail_info = UNSET
        else:
            repair_detail_info = JobDetailRepairDetailInfo.from_dict(_repair_detail_info)

        repair_export_status = d.pop("repair_export_status", UNSET)

        job_kernel_direction = d.pop("job_kernel_direction", UNSET)

        sync_mode = d.pop("sync_mode", UNSET)

        job_detail = cls(
            id=id,
            status=status,
            create_time=create_time,
            total_count=total_count,
            master_job_id=master_job_id,
            base_info=base_info,
            source_endpoint=source_endpoint,
            target_endpoint=target_endpoint,
            alarm_notify=alarm_notify,
            speed_limit=speed_limit,
            user_migration=user_migration,
            policy_config=policy_config,
            db_param=db_param,
            tuning_params=tuning_params,
            period_order=period_order,
            node_info=node_info,
            logs=logs,
            network_results=network_results,
            precheck_result=precheck_result,
            progress_info=progress_info,
            migration_object_progress_info=migration_object_progress_info,
            metrics=metrics,
            compare_result=compare_result,
            support_import_file_resp=support_import_file_resp,
            instance_features=instance_features,
            task_version=task_version,
            connection_management=connection_management,
            public_ip_list=public_ip_list,
            bind_public_ip_state=bind_public_ip_state,
            children=children,
            is_writable=is_writable,
            diagnoses=diagnoses,
            repair_progress_info=repair_progress_info,
            repair_detail_info=repair_detail_info,
            repair_export_status=repair_export_status,
            job_kernel_direction=job_kernel_direction,
            sync_mode=sync_mode,
        )

        job_detail.additional_properties = d
        return job_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
