from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StopJobsRequest")


@_attrs_define
class StopJobsRequest:
    """
    Attributes:
        job_ids (list[int]): Job ID.
        trigger_savepoint (bool | Unset): Whether to create a savepoint for a job to store the job status
            information before stopping it. The data type is Boolean. If this
            parameter is set to true, a savepoint is created. If this parameter is
            set to false, no savepoint is created. The default value is false.
             Default: False.
    """

    job_ids: list[int]
    trigger_savepoint: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_ids = self.job_ids

        trigger_savepoint = self.trigger_savepoint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_ids": job_ids,
            }
        )
        if trigger_savepoint is not UNSET:
            field_dict["trigger_savepoint"] = trigger_savepoint

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_ids = cast(list[int], d.pop("job_ids"))

        trigger_savepoint = d.pop("trigger_savepoint", UNSET)

        stop_jobs_request = cls(
            job_ids=job_ids,
            trigger_savepoint=trigger_savepoint,
        )

        stop_jobs_request.additional_properties = d
        return stop_jobs_request

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
