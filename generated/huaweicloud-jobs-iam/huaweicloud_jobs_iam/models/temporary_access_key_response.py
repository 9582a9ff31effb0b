from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credential import Credential


T = TypeVar("T", bound="TemporaryAccessKeyResponse")


@_attrs_define
class TemporaryAccessKeyResponse:
    """CreateTemporaryAccessKeyByTokenResponse of the SDK.

    Attributes:
        credential (Credential | Unset): Credential of the SDK; all four fields are mandatory there.
    """

    credential: Credential | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credential: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credential, Unset):
            credential = self.credential.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if credential is not UNSET:
            field_dict["credential"] = credential

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credential import Credential  # noqa: PLC0415

        d = dict(src_dict)
        _credential = d.pop("credential", UNSET)
        credential: Credential | Unset
        if isinstance(_credential, Unset):
            credential = UNSET
        else:
            credential = Credential.from_dict(_credential)

        temporary_access_key_response = cls(
            credential=credential,
        )

        temporary_access_key_response.additional_properties = d
        return temporary_access_key_response

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
