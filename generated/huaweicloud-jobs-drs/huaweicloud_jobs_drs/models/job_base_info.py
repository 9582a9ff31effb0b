from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_base_info_tags_item import JobBaseInfoTagsItem


T = TypeVar("T", bound="JobBaseInfo")


@_attrs_define
class JobBaseInfo:
    """JobBaseInfo of the SDK: the task's basic information, including its name.
    Scalar fields are transcribed; `tags` (ResourceTag list) is an open list.

        Attributes:
            name (str | Unset): Task name: 4 to 50 characters, case-insensitive; letters, digits, hyphens
                and underscores.
            job_type (str | Unset): Scenario type. migration: real-time migration; sync: real-time synchronization.
            multi_write (bool | Unset): For disaster recovery: whether it is dual-active (bidirectional writes).
                Mandatory when job_type is cloudDataGuard. Default false.
            engine_type (str | Unset): Engine type, for example oracle-to-gaussdbv5, redis-to-gaussredis,
                rediscluster-to-gaussredis or mysql-to-mysql (the SDK lists these as
                examples of the range).
            job_direction (str | Unset): Direction. up: to the cloud (disaster recovery: this cloud is standby);
                down: out of the cloud (this cloud is primary); non-dbs: self-built.
            task_type (str | Unset): Migration mode. FULL_TRANS: full only; FULL_INCR_TRANS: full then
                incremental; INCR_TRANS: incremental only.
            net_type (str | Unset): Network type. eip: public network; vpc: VPC; vpn: VPN or Direct Connect.
            charging_mode (str | Unset): Billing mode. period: yearly/monthly; on_demand: pay-per-use (default).
            enterprise_project_id (str | Unset): Enterprise project ID; "0" is the default enterprise project.
            description (str | Unset): Task description, at most 256 characters.
            start_time (str | Unset): Scheduled start time of the task.
            expired_days (str | Unset): Days after which a task that stays in an abnormal state is ended
                automatically (14 to 100; 14 if not set). A string in the SDK.
            tags (list[JobBaseInfoTagsItem] | Unset): Tags, at most 10 (ResourceTag, not transcribed field by field).
            is_open_fast_clean (bool | Unset): Whether fast binlog cleanup is enabled for RDS for MySQL/MariaDB
                (MySQL/MariaDB only). Default false.
    """

    name: str | Unset = UNSET
    job_type: str | Unset = UNSET
    multi_write: bool | Unset = UNSET
    engine_type: str | Unset = UNSET
    job_direction: str | Unset = UNSET
    task_type: str | Unset = UNSET
    net_type: str | Unset = UNSET
    charging_mode: str | Unset = UNSET
    enterprise_project_id: str | Unset = UNSET
    description: str | Unset = UNSET
    start_time: str | Unset = UNSET
    expired_days: str | Unset = UNSET
    tags: list[JobBaseInfoTagsItem] | Unset = UNSET
    is_open_fast_clean: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        job_type = self.job_type

        multi_write = self.multi_write

        engine_type = self.engine_type

        job_direction = self.job_direction

        task_type = self.task_type

        net_type = self.net_type

        charging_mode = self.charging_mode

        enterprise_project_id = self.enterprise_project_id

        description = self.description

        start_time = self.start_time

        expired_days = self.expired_days

        tags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = []
            for tags_item_data in self.tags:
                tags_item = tags_item_data.to_dict()
                tags.append(tags_item)

        is_open_fast_clean = self.is_open_fast_clean

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if job_type is not UNSET:
            field_dict["job_type"] = job_type
        if multi_write is not UNSET:
            field_dict["multi_write"] = multi_write
        if engine_type is not UNSET:
            field_dict["engine_type"] = engine_type
        if job_direction is not UNSET:
            field_dict["job_direction"] = job_direction
        if task_type is not UNSET:
            field_dict["task_type"] = task_type
        if net_type is not UNSET:
            field_dict["net_type"] = net_type
        if charging_mode is not UNSET:
            field_dict["charging_mode"] = charging_mode
        if enterprise_project_id is not UNSET:
            field_dict["enterprise_project_id"] = enterprise_project_id
        if description is not UNSET:
            field_dict["description"] = description
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if expired_days is not UNSET:
            field_dict["expired_days"] = expired_days
        if tags is not UNSET:
            field_dict["tags"] = tags
        if is_open_fast_clean is not UNSET:
            field_dict["is_open_fast_clean"] = is_open_fast_clean

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_base_info_tags_item import JobBaseInfoTagsItem  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        job_type = d.pop("job_type", UNSET)

        multi_write = d.pop("multi_write", UNSET)

        engine_type = d.pop("engine_type", UNSET)

        job_direction = d.pop("job_direction", UNSET)

        task_type = d.pop("task_type", UNSET)

        net_type = d.pop("net_type", UNSET)

        charging_mode = d.pop("charging_mode", UNSET)

        enterprise_project_id = d.pop("enterprise_project_id", UNSET)

        description = d.pop("description", UNSET)

        start_time = d.pop("start_time", UNSET)

        expired_days = d.pop("expired_days", UNSET)

        _tags = d.pop("tags", UNSET)
        tags: list[JobBaseInfoTagsItem] | Unset = UNSET
        if _tags is not UNSET:
            tags = []
            for tags_item_data in _tags:
                tags_item = JobBaseInfoTagsItem.from_dict(tags_item_data)

                tags.append(tags_item)

        is_open_fast_clean = d.pop("is_open_fast_clean", UNSET)

        job_base_info = cls(
            name=name,
            job_type=job_type,
            multi_write=multi_write,
            engine_type=engine_type,
            job_direction=job_direction,
            task_type=task_type,
            net_type=net_type,
            charging_mode=charging_mode,
            enterprise_project_id=enterprise_project_id,
            description=description,
            start_time=start_time,
            expired_days=expired_days,
            tags=tags,
            is_open_fast_clean=is_open_fast_clean,
        )

        job_base_info.additional_properties = d
        return job_base_info

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
