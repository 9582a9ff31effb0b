from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flink_job_job_config import FlinkJobJobConfig


T = TypeVar("T", bound="FlinkJob")


@_attrs_define
class FlinkJob:
    """FlinkJob of the SDK. Scalar fields are transcribed; `job_config`
    (FlinkJobConfig) is an open object, not transcribed field by field. The SDK
    marks `job_id` and `create_time` mandatory; they are not enforced here.

        Attributes:
            job_id (int | Unset): Job ID, for example 50320.
            name (str | Unset): Job name, 0 to 57 characters.
            desc (str | Unset): Job description, 0 to 2048 characters.
            user_name (str | Unset): User name, 1 to 128 characters.
            job_type (str | Unset): Job type. flink_sql_job: Flink SQL job; flink_opensource_sql_job: Flink
                OpenSource SQL job; flink_sql_edge_job: Flink SQL edge job;
                flink_jar_job: Flink custom (JAR) job.
            status (str | Unset): Job status. Documented values (a later service version may add others,
                so this is not an enum):
                - job_init: draft
                - job_submitting: submitting
                - job_submit_fail: submission failed
                - job_running: running
                - job_running_exception: running exception
                - job_downloading: downloading
                - job_idle: idle
                - job_canceling: stopping
                - job_cancel_success: stopped
                - job_cancel_fail: stopping failed
                - job_savepointing: creating a savepoint
                - job_arrearage_stopped: stopped because the account is in arrears
                - job_arrearage_recovering: recovering from arrears
                - job_finish: completed
            status_desc (str | Unset): Job status description. (The SDK's docstring calls it "user name" but
                gives "作业状态描述", job status description, as its example.)
            create_time (int | Unset): Job creation time (a millisecond timestamp in the SDK's example, 1516952770835).
            start_time (int | Unset): Job start time (a millisecond timestamp in the SDK's example).
            duration (int | Unset): Job running duration, in ms. Only when show_detail is false.
            root_id (int | Unset): Parent job ID (-1 in the SDK's example). Only when show_detail is false.
            user_id (str | Unset): ID of the user who owns the job. Only when show_detail is true.
            project_id (str | Unset): Project ID of the job. Only when show_detail is true.
            sql_body (str | Unset): Stream SQL statement. Only when show_detail is false.
            run_mode (str | Unset): Job running mode. shared_cluster: shared; exclusive_cluster: exclusive;
                edge_node: edge node. Only when show_detail is true.
            main_class (str | Unset): Main class of the JAR. Only when show_detail is false.
            entrypoint_args (str | Unset): Arguments of the JAR job, separated by spaces. Only when show_detail is true.
            execution_graph (str | Unset): Job execution plan. Only when show_detail is false.
            update_time (int | Unset): Job update time (a millisecond timestamp). Only when show_detail is false.
            graph_editor_enabled (bool | Unset): Whether the job's flow graph can be edited.
            has_savepoint (bool | Unset): Whether the job has a savepoint.
            queue_name (str | Unset): Queue name.
            edge_group_ids (list[str] | Unset): Edge computing group IDs.
            restart_times (int | Unset): Number of restarts.
            savepoint_path (str | Unset): Savepoint path, for example obs://cwk/savepoint/.
            job_config (FlinkJobJobConfig | Unset): Job configuration (FlinkJobConfig, not transcribed field by field).
    """

    job_id: int | Unset = UNSET
    name: str | Unset = UNSET
    desc: str | Unset = UNSET
    user_name: str | Unset = UNSET
    job_type: str | Unset = UNSET
    status: str | Unset = UNSET
    status_desc: str | Unset = UNSET
    create_time: int | Unset = UNSET
    start_time: int | Unset = UNSET
    duration: int | Unset = UNSET
    root_id: int | Unset = UNSET
    user_id: str | Unset = UNSET
    project_id: str | Unset = UNSET
    sql_body: str | Unset = UNSET
    run_mode: str | Unset = UNSET
    main_class: str | Unset = UNSET
    entrypoint_args: str | Unset = UNSET
    execution_graph: str | Unset = UNSET
    update_time: int | Unset = UNSET
    graph_editor_enabled: bool | Unset = UNSET
    has_savepoint: bool | Unset = UNSET
    queue_name: str | Unset = UNSET
    edge_group_ids: list[str] | Unset = UNSET
    restart_times: int | Unset = UNSET
    savepoint_path: str | Unset = UNSET
    job_config: FlinkJobJobConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        name = self.name

        desc = self.desc

        user_name = self.user_name

        job_type = self.job_type

        status = self.status

        status_desc = self.status_desc

        create_time = self.create_time

        start_time = self.start_time

        duration = self.duration

        root_id = self.root_id

        user_id = self.user_id

        project_id = self.project_id

        sql_body = self.sql_body

        run_mode = self.run_mode

        main_class = self.main_class

        entrypoint_args = self.entrypoint_args

        execution_graph = self.execution_graph

        update_time = self.update_time

        graph_editor_enabled = self.graph_editor_enabled

        has_savepoint = self.has_savepoint

        queue_name = self.queue_name

        edge_group_ids: list[str] | Unset = UNSET
        if not isinstance(self.edge_group_ids, Unset):
            edge_group_ids = self.edge_group_ids

        restart_times = self.restart_times

        savepoint_path = self.savepoint_path

        job_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_config, Unset):
            job_config = self.job_config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if name is not UNSET:
            field_dict["name"] = name
        if desc is not UNSET:
            field_dict["desc"] = desc
        if user_name is not UNSET:
            field_dict["user_name"] = user_name
        if job_type is not UNSET:
            field_dict["job_type"] = job_type
        if status is not UNSET:
            field_dict["status"] = status
        if status_desc is not UNSET:
            field_dict["status_desc"] = status_desc
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if duration is not UNSET:
            field_dict["duration"] = duration
        if root_id is not UNSET:
            field_dict["root_id"] = root_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if sql_body is not UNSET:
            field_dict["sql_body"] = sql_body
        if run_mode is not UNSET:
            field_dict["run_mode"] = run_mode
        if main_class is not UNSET:
            field_dict["main_class"] = main_class
        if entrypoint_args is not UNSET:
            field_dict["entrypoint_args"] = entrypoint_args
        if execution_graph is not UNSET:
            field_dict["execution_graph"] = execution_graph
        if update_time is not UNSET:
            field_dict["update_time"] = update_time
        if graph_editor_enabled is not UNSET:
            field_dict["graph_editor_enabled"] = graph_editor_enabled
        if has_savepoint is not UNSET:
            field_dict["has_savepoint"] = has_savepoint
        if queue_name is not UNSET:
            field_dict["queue_name"] = queue_name
        if edge_group_ids is not UNSET:
            field_dict["edge_group_ids"] = edge_group_ids
        if restart_times is not UNSET:
            field_dict["restart_times"] = restart_times
        if savepoint_path is not UNSET:
            field_dict["savepoint_path"] = savepoint_path
        if job_config is not UNSET:
            field_dict["job_config"] = job_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flink_job_job_config import FlinkJobJobConfig  # noqa: PLC0415

        d = dict(src_dict)
        job_id = d.pop("job_id", UNSET)

        name = d.pop("name", UNSET)

        desc = d.pop("desc", UNSET)

        user_name = d.pop("user_name", UNSET)

        job_type = d.pop("job_type", UNSET)

        status = d.pop("status", UNSET)

        status_desc = d.pop("status_desc", UNSET)

        create_time = d.pop("create_time", UNSET)

        start_time = d.pop("start_time", UNSET)

        duration = d.pop("duration", UNSET)

        root_id = d.pop("root_id", UNSET)

        user_id = d.pop("user_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        sql_body = d.pop("sql_body", UNSET)

        run_mode = d.pop("run_mode", UNSET)

        main_class = d.pop("main_class", UNSET)

        entrypoint_args = d.pop("entrypoint_args", UNSET)

        execution_graph = d.pop("execution_graph", UNSET)

        update_time = d.pop("update_time", UNSET)

        graph_editor_enabled = d.pop("graph_editor_enabled", UNSET)

        has_savepoint = d.pop("has_savepoint", UNSET)

        queue_name = d.pop("queue_name", UNSET)

        edge_group_ids = cast(list[str], d.pop("edge_group_ids", UNSET))

        restart_times = d.pop("restart_times", UNSET)

        savepoint_path = d.pop("savepoint_path", UNSET)

        _job_config = d.pop("job_config", UNSET)
        job_config: FlinkJobJobConfig | Unset
        if isinstance(_job_config, Unset):
            job_config = UNSET
        else:
            job_config = FlinkJobJobConfig.from_dict(_job_config)

        flink_job = cls(
            job_id=job_id,
            name=name,
            desc=desc,
            user_name=user_name,
            job_type=job_type,
            status=status,
            status_desc=status_desc,
            create_time=create_time,
            start_time=start_time,
            duration=duration,
            root_id=root_id,
            user_id=user_id,
            project_id=project_id,
            sql_body=sql_body,
            run_mode=run_mode,
            main_class=main_class,
            entrypoint_args=entrypoint_args,
            execution_graph=execution_graph,
            update_time=update_time,
            graph_editor_enabled=graph_editor_enabled,
            has_savepoint=has_savepoint,
            queue_name=queue_name,
            edge_group_ids=edge_group_ids,
            restart_times=restart_times,
            savepoint_path=savepoint_path,
            job_config=job_config,
        )

        flink_job.additional_properties = d
        return flink_job

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
