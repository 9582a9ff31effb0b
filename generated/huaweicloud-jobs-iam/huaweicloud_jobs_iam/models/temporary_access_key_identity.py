from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.temporary_access_key_identity_methods_item import (
    TemporaryAccessKeyIdentityMethodsItem,
    check_temporary_access_key_identity_methods_item,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identity_token import IdentityToken
    from ..models.service_policy import ServicePolicy


T = TypeVar("T", bound="TemporaryAccessKeyIdentity")


@_attrs_define
class TemporaryAccessKeyIdentity:
    """TokenAuthIdentity of the SDK.

    Attributes:
        methods (list[TemporaryAccessKeyIdentityMethodsItem]): Authentication methods; the value is ["token"].
        token (IdentityToken | Unset): IdentityToken of the SDK.
        policy (ServicePolicy | Unset): ServicePolicy of the SDK: a policy further restricting the temporary
            credentials' permissions. The SDK marks both fields mandatory (it assigns
            `version` and `statement` unconditionally); both are required here, so a policy
            without statements is refused before it is sent.
    """

    methods: list[TemporaryAccessKeyIdentityMethodsItem]
    token: IdentityToken | Unset = UNSET
    policy: ServicePolicy | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        methods = []
        for methods_item_data in self.methods:
            methods_item: str = methods_item_data
            methods.append(methods_item)

        token: dict[str, Any] | Unset = UNSET
        if not isinstance(self.token, Unset):
            token = self.token.to_dict()

        policy: dict[str, Any] | Unset = UNSET
        if not isinstance(self.policy, Unset):
            policy = self.policy.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "methods": methods,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if policy is not UNSET:
            field_dict["policy"] = policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.identity_token import IdentityToken  # noqa: PLC0415
        from ..models.service_policy import ServicePolicy  # noqa: PLC0415

        d = dict(src_dict)
        methods = []
        _methods = d.pop("methods")
        for methods_item_data in _methods:
            methods_item = check_temporary_access_key_identity_methods_item(methods_item_data)

            methods.append(methods_item)

        _token = d.pop("token", UNSET)
        token: IdentityToken | Unset
        if isinstance(_token, Unset):
            token = UNSET
        else:
            token = IdentityToken.from_dict(_token)

        _policy = d.pop("policy", UNSET)
        policy: ServicePolicy | Unset
        if isinstance(_policy, Unset):
            policy = UNSET
        else:
            policy = ServicePolicy.from_dict(_policy)

        temporary_access_key_identity = cls(
            methods=methods,
            token=token,
            policy=policy,
        )

        temporary_access_key_identity.additional_properties = d
        return temporary_access_key_identity

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
