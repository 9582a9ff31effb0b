from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.id_info import IdInfo
    from ..models.os_federation_info_groups_item import OsFederationInfoGroupsItem


T = TypeVar("T", bound="OsFederationInfo")


@_attrs_define
class OsFederationInfo:
    """OsFederationInfo of the SDK, which marks identity_provider, protocol and groups
    mandatory; none is enforced here, a client reads none of them.

        Attributes:
            identity_provider (IdInfo | Unset): IdpIdInfo (identity provider) or ProtocolIdInfo (protocol) of the SDK.
            protocol (IdInfo | Unset): IdpIdInfo (identity provider) or ProtocolIdInfo (protocol) of the SDK.
            groups (list[OsFederationInfoGroupsItem] | Unset): User groups (untyped objects in the SDK).
    """

    identity_provider: IdInfo | Unset = UNSET
    protocol: IdInfo | Unset = UNSET
    groups: list[OsFederationInfoGroupsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identity_provider: dict[str, Any] | Unset = UNSET
        if not isinstance(self.identity_provider, Unset):
            identity_provider = self.identity_provider.to_dict()

        protocol: dict[str, Any] | Unset = UNSET
        if not isinstance(self.protocol, Unset):
            protocol = self.protocol.to_dict()

        groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.to_dict()
                groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if identity_provider is not UNSET:
            field_dict["identity_provider"] = identity_provider
        if protocol is not UNSET:
            field_dict["protocol"] = protocol
        if groups is not UNSET:
            field_dict["groups"] = groups

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.id_info import IdInfo  # noqa: PLC0415
        from ..models.os_federation_info_groups_item import OsFederationInfoGroupsItem  # noqa: PLC0415

        d = dict(src_dict)
        _identity_provider = d.pop("identity_provider", UNSET)
        identity_provider: IdInfo | Unset
        if isinstance(_identity_provider, Unset):
            identity_provider = UNSET
        else:
            identity_provider = IdInfo.from_dict(_identity_provider)

        _protocol = d.pop("protocol", UNSET)
        protocol: IdInfo | Unset
        if isinstance(_protocol, Unset):
            protocol = UNSET
        else:
            protocol = IdInfo.from_dict(_protocol)

        _groups = d.pop("groups", UNSET)
        groups: list[OsFederationInfoGroupsItem] | Unset = UNSET
        if _groups is not UNSET:
            groups = []
            for groups_item_data in _groups:
                groups_item = OsFederationInfoGroupsItem.from_dict(groups_item_data)

                groups.append(groups_item)

        os_federation_info = cls(
            identity_provider=identity_provider,
            protocol=protocol,
            groups=groups,
        )

        os_federation_info.additional_properties = d
        return os_federation_info

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
