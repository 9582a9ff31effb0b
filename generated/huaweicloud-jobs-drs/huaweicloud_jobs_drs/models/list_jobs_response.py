from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_list_item import JobListItem


T = TypeVar("T", bound="ListJobsResponse")


@_attrs_define
class ListJobsResponse:
    """ListJobsResponse of the SDK.

    Attributes:
        total_count (int | Unset): Number of tasks matching the query, independent of paging.
        jobs (list[JobListItem] | Unset): The tasks of this page.
    """

    total_count: int | Unset = UNSET
    jobs: list[JobListItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_count = self.total_count

        jobs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.jobs, Unset):
            jobs = []
            for jobs_item_data in self.jobs:
                jobs_item = jobs_item_data.to_dict()
                jobs.append(jobs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_count is not UNSET:
            field_dict["total_count"] = total_count
        if jobs is not UNSET:
            field_dict["jobs"] = jobs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_list_item import JobListItem  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("total_count", UNSET)

        _jobs = d.pop("jobs", UNSET)
        jobs: list[JobListItem] | Unset = UNSET
        if _jobs is not UNSET:
            jobs = []
            for jobs_item_data in _jobs:
                jobs_item = JobListItem.from_dict(jobs_item_data)

                jobs.append(jobs_item)

        list_jobs_response = cls(
            total_count=total_count,
            jobs=jobs,
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
