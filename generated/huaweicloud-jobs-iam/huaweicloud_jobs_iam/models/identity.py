from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_methods_item import IdentityMethodsItem, check_identity_methods_item
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ak_sk_identity import AkSkIdentity
    from ..models.password_identity import PasswordIdentity


T = TypeVar("T", bound="Identity")


@_attrs_define
class Identity:
    """
    Attributes:
        methods (list[IdentityMethodsItem]):
        password (PasswordIdentity | Unset):
        hw_ak_sk (AkSkIdentity | Unset):
    """

    methods: list[IdentityMethodsItem]
    password: PasswordIdentity | Unset = UNSET
    hw_ak_sk: AkSkIdentity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        methods = []
        for methods_item_data in self.methods:
            methods_item: str = methods_item_data
            methods.append(methods_item)

        password: dict[str, Any] | Unset = UNSET
        if not isinstance(self.password, Unset):
            password = self.password.to_dict()

        hw_ak_sk: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hw_ak_sk, Unset):
            hw_ak_sk = self.hw_ak_sk.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "methods": methods,
            }
        )
        if password is not UNSET:
            field_dict["password"] = password
        if hw_ak_sk is not UNSET:
            field_dict["hw_ak_sk"] = hw_ak_sk

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ak_sk_identity import AkSkIdentity  # noqa: PLC0415
        from ..models.password_identity import PasswordIdentity  # noqa: PLC0415

        d = dict(src_dict)
        methods = []
        _methods = d.pop("methods")
        for methods_item_data in _methods:
            methods_item = check_identity_methods_item(methods_item_data)

            methods.append(methods_item)

        _password = d.pop("password", UNSET)
        password: PasswordIdentity | Unset
        if isinstance(_password, Unset):
            password = UNSET
        else:
            password = PasswordIdentity.from_dict(_password)

        _hw_ak_sk = d.pop("hw_ak_sk", UNSET)
        hw_ak_sk: AkSkIdentity | Unset
        if isinstance(_hw_ak_sk, Unset):
            hw_ak_sk = UNSET
        else:
            hw_ak_sk = AkSkIdentity.from_dict(_hw_ak_sk)

        identity = cls(
            methods=methods,
            password=password,
            hw_ak_sk=hw_ak_sk,
        )

        identity.additional_properties = d
        return identity

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
