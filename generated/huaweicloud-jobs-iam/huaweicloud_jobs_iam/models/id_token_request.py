from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.id_token_auth import IdTokenAuth


T = TypeVar("T", bound="IdTokenRequest")


@_attrs_define
class IdTokenRequest:
    """GetIdTokenRequestBody of the SDK.

    Attributes:
        auth (IdTokenAuth): GetIdTokenAuthParams of the SDK: `id_token` is mandatory, `scope` optional (the
            SDK assigns `scope` only when it is given).
    """

    auth: IdTokenAuth
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth = self.auth.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auth": auth,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_token_auth import IdTokenAuth  # noqa: PLC0415

        d = dict(src_dict)
        auth = IdTokenAuth.from_dict(d.pop("auth"))

        id_token_request = cls(
            auth=auth,
        )

        id_token_request.additional_properties = d
        return id_token_request

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
