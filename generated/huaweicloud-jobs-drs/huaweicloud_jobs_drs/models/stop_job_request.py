from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StopJobRequest")


@_attrs_define
class StopJobRequest:
    """
    Attributes:
        is_force_stop (bool | Unset): Set this parameter to true when a task is forcibly stopped. The default
            value is false.
             Default: False.
    """

    is_force_stop: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_force_stop = self.is_force_stop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_force_stop is not UNSET:
            field_dict["is_force_stop"] = is_force_stop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_force_stop = d.pop("is_force_stop", UNSET)

        stop_job_request = cls(
            is_force_stop=is_force_stop,
        )

        stop_job_request.additional_properties = d
        return stop_job_request

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
