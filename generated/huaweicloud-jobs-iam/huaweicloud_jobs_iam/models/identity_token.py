from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityToken")


@_attrs_define
class IdentityToken:
    """IdentityToken of the SDK.

    Attributes:
        id (str | Unset): The token. Same meaning as the X-Auth-Token request header; to be
            deprecated.
        duration_seconds (int | Unset): Validity of the AK/SK and security token, in seconds: 15 minutes to 24
            hours, 15 minutes by default.
             Default: 900.
    """

    id: str | Unset = UNSET
    duration_seconds: int | Unset = 900
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        duration_seconds = self.duration_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        duration_seconds = d.pop("duration_seconds", UNSET)

        identity_token = cls(
            id=id,
            duration_seconds=duration_seconds,
        )

        identity_token.additional_properties = d
        return identity_token

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
