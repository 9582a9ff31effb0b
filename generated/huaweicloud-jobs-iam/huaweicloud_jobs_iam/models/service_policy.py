from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.service_statement import ServiceStatement


T = TypeVar("T", bound="ServicePolicy")


@_attrs_define
class ServicePolicy:
    """ServicePolicy of the SDK: a policy further restricting the temporary
    credentials' permissions. The SDK marks both fields mandatory (it assigns
    `version` and `statement` unconditionally); both are required here, so a policy
    without statements is refused before it is sent.

        Attributes:
            version (str): Policy version; "1.1" for a custom (fine-grained) policy. 1.0: system
                roles; 1.1: policies.
            statement (list[ServiceStatement]): Statements of the policy.
    """

    version: str
    statement: list[ServiceStatement]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        statement = []
        for statement_item_data in self.statement:
            statement_item = statement_item_data.to_dict()
            statement.append(statement_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Version": version,
                "Statement": statement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_statement import ServiceStatement  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("Version")

        statement = []
        _statement = d.pop("Statement")
        for statement_item_data in _statement:
            statement_item = ServiceStatement.from_dict(statement_item_data)

            statement.append(statement_item)

        service_policy = cls(
            version=version,
            statement=statement,
        )

        service_policy.additional_properties = d
        return service_policy

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
