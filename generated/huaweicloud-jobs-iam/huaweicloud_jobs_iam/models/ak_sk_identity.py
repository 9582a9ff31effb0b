from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.secret_value import SecretValue


T = TypeVar("T", bound="AkSkIdentity")


@_attrs_define
class AkSkIdentity:
    """
    Attributes:
        access (SecretValue):
        secret (SecretValue):
    """

    access: SecretValue
    secret: SecretValue
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access = self.access.to_dict()

        secret = self.secret.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.secret_value import SecretValue  # noqa: PLC0415

        d = dict(src_dict)
        access = SecretValue.from_dict(d.pop("access"))

        secret = SecretValue.from_dict(d.pop("secret"))

        ak_sk_identity = cls(
            access=access,
            secret=secret,
        )

        ak_sk_identity.additional_properties = d
        return ak_sk_identity

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
