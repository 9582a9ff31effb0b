from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flink_job_list import FlinkJobList


T = TypeVar("T", bound="ListJobsResponse")


@_attrs_define
class ListJobsResponse:
    """ListFlinkJobsResponse of the SDK.

    Attributes:
        is_success (str | Unset): Whether the request is successfully executed; "true" means it is. (A
            string in the SDK.)
        message (str | Unset): System message; may be empty on success.
        job_list (FlinkJobList | Unset): FlinkJobList of the SDK.
    """

    is_success: str | Unset = UNSET
    message: str | Unset = UNSET
    job_list: FlinkJobList | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_success = self.is_success

        message = self.message

        job_list: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_list, Unset):
            job_list = self.job_list.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_success is not UNSET:
            field_dict["is_success"] = is_success
        if message is not UNSET:
            field_dict["message"] = message
        if job_list is not UNSET:
            field_dict["job_list"] = job_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flink_job_list import FlinkJobList  # noqa: PLC0415

        d = dict(src_dict)
        is_success = d.pop("is_success", UNSET)

        message = d.pop("message", UNSET)

        _job_list = d.pop("job_list", UNSET)
        job_list: FlinkJobList | Unset
        if isinstance(_job_list, Unset):
            job_list = UNSET
        else:
            job_list = FlinkJobList.from_dict(_job_list)

        list_jobs_response = cls(
            is_success=is_success,
            message=message,
            job_list=job_list,
        )

        list_jobs_response.additional_properties = d
        return list_jobs_response

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
