from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_list_item_children_item import JobListItemChildrenItem
    from ..models.job_list_item_job_action import JobListItemJobAction


T = TypeVar("T", bound="JobListItem")


@_attrs_define
class JobListItem:
    """JobListResp of the SDK: one task of the list. `children`
    (ChildrenJobListResp: the same fields, without children) is an open list.

        Attributes:
            id (str | Unset): Task ID.
            name (str | Unset): Task name.
            status (str | Unset): Current state of the task (the values of show_job's `status`; the SDK's
                list for this field omits PAUSING, DELETED and the NODE_UPGRADE_* states).
            description (str | Unset): Task description.
            create_time (str | Unset): Creation time of the task (the SDK calls it a timestamp and types it as a string).
            engine_type (str | Unset): Engine type, for example oracle-to-gaussdbv5.
            net_type (str | Unset): Network type. eip, vpc or vpn.
            charging_mode (str | Unset): Billing mode. period: yearly/monthly; on_demand: pay-per-use.
            billing_tag (bool | Unset): Whether the task is being billed.
            job_direction (str | Unset): Direction. up (to the cloud), down (out of the cloud) or non-dbs (self-built).
            job_type (str | Unset): Scenario type. migration, sync or cloudDataGuard.
            task_type (str | Unset): Migration mode. FULL_TRANS, FULL_INCR_TRANS or INCR_TRANS.
            enterprise_project_id (str | Unset): Enterprise project ID.
            job_mode (str | Unset): Task mode. single, sync_child or multi_to_single.
            job_mode_role (str | Unset): Role of the task among several. parent, child, master or slave.
            is_multi_az (bool | Unset): Whether the task is a primary/standby task across availability zones.
            node_role (str | Unset): Role of the task's node in a cluster deployment.
            node_new_framework (bool | Unset): Whether the task runs on the new framework.
            job_action (JobListItemJobAction | Unset): JobActions of the SDK: available_actions, unavailable_actions (lists
                of
                action names such as PAUSE, START, DELETE) and current_action; not
                transcribed field by field.
            children (list[JobListItemChildrenItem] | Unset): Subtasks (ChildrenJobListResp, not transcribed field by
                field).
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    description: str | Unset = UNSET
    create_time: str | Unset = UNSET
    engine_type: str | Unset = UNSET
    net_type: str | Unset = UNSET
    charging_mode: str | Unset = UNSET
    billing_tag: bool | Unset = UNSET
    job_direction: str | Unset = UNSET
    job_type: str | Unset = UNSET
    task_type: str | Unset = UNSET
    enterprise_project_id: str | Unset = UNSET
    job_mode: str | Unset = UNSET
    job_mode_role: str | Unset = UNSET
    is_multi_az: bool | Unset = UNSET
    node_role: str | Unset = UNSET
    node_new_framework: bool | Unset = UNSET
    job_action: JobListItemJobAction | Unset = UNSET
    children: list[JobListItemChildrenItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status

        description = self.description

        create_time = self.create_time

        engine_type = self.engine_type

        net_type = self.net_type

        charging_mode = self.charging_mode

        billing_tag = self.billing_tag

        job_direction = self.job_direction

        job_type = self.job_type

        task_type = self.task_type

        enterprise_project_id = self.enterprise_project_id

        job_mode = self.job_mode

        job_mode_role = self.job_mode_role

        is_multi_az = self.is_multi_az

        node_role = self.node_role

        node_new_framework = self.node_new_framework

        job_action: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_action, Unset):
            job_action = self.job_action.to_dict()

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if description is not UNSET:
            field_dict["description"] = description
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if engine_type is not UNSET:
            field_dict["engine_type"] = engine_type
        if net_type is not UNSET:
            field_dict["net_type"] = net_type
        if charging_mode is not UNSET:
            field_dict["charging_mode"] = charging_mode
        if billing_tag is not UNSET:
            field_dict["billing_tag"] = billing_tag
        if job_direction is not UNSET:
            field_dict["job_direction"] = job_direction
        if job_type is not UNSET:
            field_dict["job_type"] = job_type
        if task_type is not UNSET:
            field_dict["task_type"] = task_type
        if enterprise_project_id is not UNSET:
            field_dict["enterprise_project_id"] = enterprise_project_id
        if job_mode is not UNSET:
            field_dict["job_mode"] = job_mode
        if job_mode_role is not UNSET:
            field_dict["job_mode_role"] = job_mode_role
        if is_multi_az is not UNSET:
            field_dict["is_multi_az"] = is_multi_az
        if node_role is not UNSET:
            field_dict["node_role"] = node_role
        if node_new_framework is not UNSET:
            field_dict["node_new_framework"] = node_new_framework
        if job_action is not UNSET:
            field_dict["job_action"] = job_action
        if children is not UNSET:
            field_dict["children"] = children

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_list_item_children_item import JobListItemChildrenItem  # noqa: PLC0415
        from ..models.job_list_item_job_action import JobListItemJobAction  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        description = d.pop("description", UNSET)

        create_time = d.pop("create_time", UNSET)

        engine_type = d.pop("engine_type", UNSET)

        net_type = d.pop("net_type", UNSET)

        charging_mode = d.pop("charging_mode", UNSET)

        billing_tag = d.pop("billing_tag", UNSET)

        job_direction = d.pop("job_direction", UNSET)

        job_type = d.pop("job_type", UNSET)

        task_type = d.pop("task_type", UNSET)

        enterprise_project_id = d.pop("enterprise_project_id", UNSET)

        job_mode = d.pop("job_mode", UNSET)

        job_mode_role = d.pop("job_mode_role", UNSET)

        is_multi_az = d.pop("is_multi_az", UNSET)

        node_role = d.pop("node_role", UNSET)

        node_new_framework = d.pop("node_new_framework", UNSET)

        _job_action = d.pop("job_action", UNSET)
        job_action: JobListItemJobAction | Unset
        if isinstance(_job_action, Unset):
            job_action = UNSET
        else:
            job_action = JobListItemJobAction.from_dict(_job_action)

        _children = d.pop("children", UNSET)
        children: list[JobListItemChildrenItem] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = JobListItemChildrenItem.from_dict(children_item_data)

                children.append(children_item)

        job_list_item = cls(
            id=id,
            name=name,
            status=status,
            description=description,
            create_time=create_time,
            engine_type=engine_type,
            net_type=net_type,
            charging_mode=charging_mode,
            billing_tag=billing_tag,
            job_direction=job_direction,
            job_type=job_type,
            task_type=task_type,
            enterprise_project_id=enterprise_project_id,
            job_mode=job_mode,
            job_mode_role=job_mode_role,
            is_multi_az=is_multi_az,
            node_role=node_role,
            node_new_framework=node_new_framework,
            job_action=job_action,
            children=children,
        )

        job_list_item.additional_properties = d
        return job_list_item

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
