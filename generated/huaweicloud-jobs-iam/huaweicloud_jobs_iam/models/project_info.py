from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.domain_info import DomainInfo


T = TypeVar("T", bound="ProjectInfo")


@_attrs_define
class ProjectInfo:
    """ProjectInfo of the SDK, which marks name mandatory; not enforced here, a
    client does not read it.

        Attributes:
            domain (DomainInfo | Unset): DomainInfo of the SDK (the account), which marks name mandatory; not enforced
                here, a client does not read it.
            id (str | Unset): Project ID.
            name (str | Unset): Project name.
    """

    domain: DomainInfo | Unset = UNSET
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        domain: dict[str, Any] | Unset = UNSET
        if not isinstance(self.domain, Unset):
            domain = self.domain.to_dict()

        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if domain is not UNSET:
            field_dict["domain"] = domain
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.domain_info import DomainInfo  # noqa: PLC0415

        d = dict(src_dict)
        _domain = d.pop("domain", UNSET)
        domain: DomainInfo | Unset
        if isinstance(_domain, Unset):
            domain = UNSET
        else:
            domain = DomainInfo.from_dict(_domain)

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        project_info = cls(
            domain=domain,
            id=id,
            name=name,
        )

        project_info.additional_properties = d
        return project_info

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
