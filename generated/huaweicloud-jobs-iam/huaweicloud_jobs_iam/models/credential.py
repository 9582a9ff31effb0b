from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Credential")


@_attrs_define
class Credential:
    """Credential of the SDK; all four fields are mandatory there.

    Attributes:
        access (str): The temporary AK.
        secret (str): The temporary SK.
        securitytoken (str): The security token: the obtained AK, SK and other information, encrypted.
            Send it in X-Security-Token with requests signed by this AK/SK.
        expires_at (str): Expiry time of the AK/SK and security token.
    """

    access: str
    secret: str
    securitytoken: str
    expires_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access = self.access

        secret = self.secret

        securitytoken = self.securitytoken

        expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "secret": secret,
                "securitytoken": securitytoken,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access = d.pop("access")

        secret = d.pop("secret")

        securitytoken = d.pop("securitytoken")

        expires_at = d.pop("expires_at")

        credential = cls(
            access=access,
            secret=secret,
            securitytoken=securitytoken,
            expires_at=expires_at,
        )

        credential.additional_properties = d
        return credential

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
