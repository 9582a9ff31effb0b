from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execution_node_result import ExecutionNodeResult


T = TypeVar("T", bound="WorkflowExecutionBrief")


@_attrs_define
class WorkflowExecutionBrief:
    """WorkflowExecutionBrief of the SDK (one execution of a workflow).

    Attributes:
        workflow_id (str | Unset): Workflow (process definition) ID.
        execution_id (str | Unset): Execution (process instance) ID.
        status (str | Unset): Execution status. The SDK gives no value list; the known values are those
            of show_execution_status's `status`.
        begin_time (int | Unset): Creation time of the execution, a UTC timestamp.
        end_time (int | Unset): End time of the execution, a UTC timestamp.
        last_update_time (int | Unset): Last update time of the execution, a UTC timestamp.
        created_by (str | Unset): Who started the execution.
        approve_user_name_list (list[str] | Unset): Approving users.
        execution_result_list (list[ExecutionNodeResult] | Unset): Node executions.
        project_id (str | Unset): Project ID the tenant obtained from IAM, usually a 32-character string.
        workflow_edit_time (int | Unset): Update time of the executed workflow, a UTC timestamp.
        last_record_id_with_snapshot (str | Unset): Execution snapshot.
    """

    workflow_id: str | Unset = UNSET
    execution_id: str | Unset = UNSET
    status: str | Unset = UNSET
    begin_time: int | Unset = UNSET
    end_time: int | Unset = UNSET
    last_update_time: int | Unset = UNSET
    created_by: str | Unset = UNSET
    approve_user_name_list: list[str] | Unset = UNSET
    execution_result_list: list[ExecutionNodeResult] | Unset = UNSET
    project_id: str | Unset = UNSET
    workflow_edit_time: int | Unset = UNSET
    last_record_id_with_snapshot: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = self.workflow_id

        execution_id = self.execution_id

        status = self.status

        begin_time = self.begin_time

        end_time = self.end_time

        last_update_time = self.last_update_time

        created_by = self.created_by

        approve_user_name_list: list[str] | Unset = UNSET
        if not isinstance(self.approve_user_name_list, Unset):
            approve_user_name_list = self.approve_user_name_list

        execution_result_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.execution_result_list, Unset):
            execution_result_list = []
            for execution_result_list_item_data in self.execution_result_list:
                execution_result_list_item = execution_result_list_item_data.to_dict()
                execution_result_list.append(execution_result_list_item)

        project_id = self.project_id

        workflow_edit_time = self.workflow_edit_time

        last_record_id_with_snapshot = self.last_record_id_with_snapshot

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id
        if status is not UNSET:
            field_dict["status"] = status
        if begin_time is not UNSET:
            field_dict["begin_time"] = begin_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if last_update_time is not UNSET:
            field_dict["last_update_time"] = last_update_time
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if approve_user_name_list is not UNSET:
            field_dict["approve_user_name_list"] = approve_user_name_list
        if execution_result_list is not UNSET:
            field_dict["execution_result_list"] = execution_result_list
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if workflow_edit_time is not UNSET:
            field_dict["workflow_edit_time"] = workflow_edit_time
        if last_record_id_with_snapshot is not UNSET:
            field_dict["last_record_id_with_snapshot"] = last_record_id_with_snapshot

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execution_node_result import ExecutionNodeResult  # noqa: PLC0415

        d = dict(src_dict)
        workflow_id = d.pop("workflow_id", UNSET)

        execution_id = d.pop("execution_id", UNSET)

        status = d.pop("status", UNSET)

        begin_time = d.pop("begin_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        last_update_time = d.pop("last_update_time", UNSET)

        created_by = d.pop("created_by", UNSET)

        approve_user_name_list = cast(list[str], d.pop("approve_user_name_list", UNSET))

        _execution_result_list = d.pop("execution_result_list", UNSET)
        execution_result_list: list[ExecutionNodeResult] | Unset = UNSET
        if _execution_result_list is not UNSET:
            execution_result_list = []
            for execution_result_list_item_data in _execution_result_list:
                execution_result_list_item = ExecutionNodeResult.from_dict(execution_result_list_item_data)

                execution_result_list.append(execution_result_list_item)

        project_id = d.pop("project_id", UNSET)

        workflow_edit_time = d.pop("workflow_edit_time", UNSET)

        last_record_id_with_snapshot = d.pop("last_record_id_with_snapshot", UNSET)

        workflow_execution_brief = cls(
            workflow_id=workflow_id,
            execution_id=execution_id,
            status=status,
            begin_time=begin_time,
            end_time=end_time,
            last_update_time=last_update_time,
            created_by=created_by,
            approve_user_name_list=approve_user_name_list,
            execution_result_list=execution_result_list,
            project_id=project_id,
            workflow_edit_time=workflow_edit_time,
            last_record_id_with_snapshot=last_record_id_with_snapshot,
        )

        workflow_execution_brief.additional_properties = d
        return workflow_execution_brief

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
