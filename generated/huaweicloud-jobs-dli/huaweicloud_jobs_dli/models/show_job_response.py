from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flink_job import FlinkJob


T = TypeVar("T", bound="ShowJobResponse")


@_attrs_define
class ShowJobResponse:
    """ShowFlinkJobResponse of the SDK.

    Attributes:
        is_success (bool | Unset): Whether the request is successfully executed. A string in the SDK ("true"
            means it is); a boolean in the batch stop result of the page. Both are read
            as a real bool: true, false, "true" or "false".
        message (str | Unset): System message; may be empty on success.
        job_detail (FlinkJob | Unset): FlinkJob of the SDK. Scalar fields are transcribed; `job_config`
            (FlinkJobConfig) is an open object, not transcribed field by field. The SDK
            marks `job_id` and `create_time` mandatory; they are not enforced here.
    """

    is_success: bool | Unset = UNSET
    message: str | Unset = UNSET
    job_detail: FlinkJob | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_success = self.is_success

        message = self.message

        job_detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job_detail, Unset):
            job_detail = self.job_detail.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_success is not UNSET:
            field_dict["is_success"] = is_success
        if message is not UNSET:
            field_dict["message"] = message
        if job_detail is not UNSET:
            field_dict["job_detail"] = job_detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flink_job import FlinkJob  # noqa: PLC0415

        d = dict(src_dict)
        is_success = d.pop("is_success", UNSET)

        message = d.pop("message", UNSET)

        _job_detail = d.pop("job_detail", UNSET)
        job_detail: FlinkJob | Unset
        if isinstance(_job_detail, Unset):
            job_detail = UNSET
        else:
            job_detail = FlinkJob.from_dict(_job_detail)

        show_job_response = cls(
            is_success=is_success,
            message=message,
            job_detail=job_detail,
        )

        show_job_response.additional_properties = d
        return show_job_response

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
