from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StopJobResponse")


@_attrs_define
class StopJobResponse:
    """The page's Table 4, and StopJobActionResponse of the SDK, whose docstrings give
    the values of `status` ("操作结果。 success，failed") and the format of
    `error_code` ("格式为DRS.XXXXXX", returned when the task reports an error). The
    SDK marks error_code, error_msg, id, name and status mandatory (it assigns all
    five unconditionally); the page's example carries `status` alone, so none is
    enforced.

        Attributes:
            error_code (str | Unset): Error code.
            error_msg (str | Unset): Error message.
            id (str | Unset): Task ID.
            name (str | Unset): Task name.
            status (str | Unset): Operation result: success, or failed (the stop failed; read as
                OperationFailedError). A later service version may add values, so this is
                not an enum.
    """

    error_code: str | Unset = UNSET
    error_msg: str | Unset = UNSET
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_msg = self.error_msg

        id = self.id

        name = self.name

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if error_msg is not UNSET:
            field_dict["error_msg"] = error_msg
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("error_code", UNSET)

        error_msg = d.pop("error_msg", UNSET)

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        stop_job_response = cls(
            error_code=error_code,
            error_msg=error_msg,
            id=id,
            name=name,
            status=status,
        )

        stop_job_response.additional_properties = d
        return stop_job_response

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
