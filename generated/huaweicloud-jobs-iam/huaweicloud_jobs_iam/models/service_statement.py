from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_statement_effect import ServiceStatementEffect, check_service_statement_effect
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.service_statement_condition import ServiceStatementCondition


T = TypeVar("T", bound="ServiceStatement")


@_attrs_define
class ServiceStatement:
    """ServiceStatement of the SDK, which marks `action` and `effect` mandatory (and
    `condition` and `resource` optional); Action and Effect are required here.

        Attributes:
            action (list[str]): Permissions, as service:resource-type:operation, for example
                vpc:ports:create; the service name is lower case; wildcards (*) allowed.
            effect (ServiceStatementEffect): Allow or Deny; when both apply, Deny wins.
            condition (ServiceStatementCondition | Unset): Conditions, as operator → key → values.
            resource (list[str] | Unset): Resources, as five segments
                service-name:region:account-id:resource-type:resource-path, for example
                obs:*:*:bucket:*; wildcards allowed.
    """

    action: list[str]
    effect: ServiceStatementEffect
    condition: ServiceStatementCondition | Unset = UNSET
    resource: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        effect: str = self.effect

        condition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.condition, Unset):
            condition = self.condition.to_dict()

        resource: list[str] | Unset = UNSET
        if not isinstance(self.resource, Unset):
            resource = self.resource

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Action": action,
                "Effect": effect,
            }
        )
        if condition is not UNSET:
            field_dict["Condition"] = condition
        if resource is not UNSET:
            field_dict["Resource"] = resource

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_statement_condition import ServiceStatementCondition  # noqa: PLC0415

        d = dict(src_dict)
        action = cast(list[str], d.pop("Action"))

        effect = check_service_statement_effect(d.pop("Effect"))

        _condition = d.pop("Condition", UNSET)
        condition: ServiceStatementCondition | Unset
        if isinstance(_condition, Unset):
            condition = UNSET
        else:
            condition = ServiceStatementCondition.from_dict(_condition)

        resource = cast(list[str], d.pop("Resource", UNSET))

        service_statement = cls(
            action=action,
            effect=effect,
            condition=condition,
            resource=resource,
        )

        service_statement.additional_properties = d
        return service_statement

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
