from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """
    Attributes:
        error_code (str | Unset): Error code.
        error_msg (str | Unset): Error description.
        common_error_code (str | Unset): CBC common error code.
        solution_msg (str | Unset): Solution.
    """

    error_code: str | Unset = UNSET
    error_msg: str | Unset = UNSET
    common_error_code: str | Unset = UNSET
    solution_msg: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_msg = self.error_msg

        common_error_code = self.common_error_code

        solution_msg = self.solution_msg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if error_msg is not UNSET:
            field_dict["error_msg"] = error_msg
        if common_error_code is not UNSET:
            field_dict["common_error_code"] = common_error_code
        if solution_msg is not UNSET:
            field_dict["solution_msg"] = solution_msg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("error_code", UNSET)

        error_msg = d.pop("error_msg", UNSET)

        common_error_code = d.pop("common_error_code", UNSET)

        solution_msg = d.pop("solution_msg", UNSET)

        error_response = cls(
            error_code=error_code,
            error_msg=error_msg,
            common_error_code=common_error_code,
            solution_msg=solution_msg,
        )

        error_response.additional_properties = d
        return error_response

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
