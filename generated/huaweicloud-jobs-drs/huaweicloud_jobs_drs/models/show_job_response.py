from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_detail import JobDetail


T = TypeVar("T", bound="ShowJobResponse")


@_attrs_define
class ShowJobResponse:
    """ShowJobDetailResponse of the SDK.

    Attributes:
        job (JobDetail | Unset): JobDetailResp of the SDK. Scalar fields are transcribed; nested objects and
            lists of objects are modelled as open objects (not transcribed field by
            field). Which fields are present depends on the query's `type`.
    """

    job: JobDetail | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job, Unset):
            job = self.job.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job is not UNSET:
            field_dict["job"] = job

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_detail import JobDetail  # noqa: PLC0415

        d = dict(src_dict)
        _job = d.pop("job", UNSET)
        job: JobDetail | Unset
        if isinstance(_job, Unset):
            job = UNSET
        else:
            job = JobDetail.from_dict(_job)

        show_job_response = cls(
            job=job,
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
