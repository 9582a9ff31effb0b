from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scoped_token_info import ScopedTokenInfo


T = TypeVar("T", bound="ScopedTokenResponse")


@_attrs_define
class ScopedTokenResponse:
    """CreateTokenWithIdTokenResponse of the SDK (its body; the token is the X-Subject-Token header).

    Attributes:
        token (ScopedTokenInfo | Unset): ScopedTokenInfo of the SDK. The SDK marks expires_at, methods, issued_at,
            user, roles and catalog mandatory (domain and project are optional); only
            expires_at, which a client needs, is enforced here, so a token is never
            refused for a field the client does not read.
    """

    token: ScopedTokenInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token: dict[str, Any] | Unset = UNSET
        if not isinstance(self.token, Unset):
            token = self.token.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scoped_token_info import ScopedTokenInfo  # noqa: PLC0415

        d = dict(src_dict)
        _token = d.pop("token", UNSET)
        token: ScopedTokenInfo | Unset
        if isinstance(_token, Unset):
            token = UNSET
        else:
            token = ScopedTokenInfo.from_dict(_token)

        scoped_token_response = cls(
            token=token,
        )

        scoped_token_response.additional_properties = d
        return scoped_token_response

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
