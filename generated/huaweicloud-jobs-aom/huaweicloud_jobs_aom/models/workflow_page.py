from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow import Workflow


T = TypeVar("T", bound="WorkflowPage")


@_attrs_define
class WorkflowPage:
    """ListWorkflowResponse of the SDK.

    Attributes:
        total_elements (int | Unset): Number of workflows matching the query.
        elements (list[Workflow] | Unset): The workflows of this page.
    """

    total_elements: int | Unset = UNSET
    elements: list[Workflow] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_elements = self.total_elements

        elements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.elements, Unset):
            elements = []
            for elements_item_data in self.elements:
                elements_item = elements_item_data.to_dict()
                elements.append(elements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_elements is not UNSET:
            field_dict["total_elements"] = total_elements
        if elements is not UNSET:
            field_dict["elements"] = elements

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workflow import Workflow  # noqa: PLC0415

        d = dict(src_dict)
        total_elements = d.pop("total_elements", UNSET)

        _elements = d.pop("elements", UNSET)
        elements: list[Workflow] | Unset = UNSET
        if _elements is not UNSET:
            elements = []
            for elements_item_data in _elements:
                elements_item = Workflow.from_dict(elements_item_data)

                elements.append(elements_item)

        workflow_page = cls(
            total_elements=total_elements,
            elements=elements,
        )

        workflow_page.additional_properties = d
        return workflow_page

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
