from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execution_node_result_output import ExecutionNodeResultOutput


T = TypeVar("T", bound="ExecutionNodeResult")


@_attrs_define
class ExecutionNodeResult:
    """ExecutionResultList of the SDK (one workflow node's execution).

    Attributes:
        node_id (str | Unset): Process node ID.
        begin_time (int | Unset): Time the node started executing.
        end_time (int | Unset): Time the node finished executing.
        function_execution_id (str | Unset): FunctionGraph execution ID.
        output (ExecutionNodeResultOutput | Unset): Node output (an untyped object in the SDK).
        status (str | Unset): Node status. The SDK documents no values.
    """

    node_id: str | Unset = UNSET
    begin_time: int | Unset = UNSET
    end_time: int | Unset = UNSET
    function_execution_id: str | Unset = UNSET
    output: ExecutionNodeResultOutput | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        node_id = self.node_id

        begin_time = self.begin_time

        end_time = self.end_time

        function_execution_id = self.function_execution_id

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if node_id is not UNSET:
            field_dict["node_id"] = node_id
        if begin_time is not UNSET:
            field_dict["begin_time"] = begin_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if function_execution_id is not UNSET:
            field_dict["function_execution_id"] = function_execution_id
        if output is not UNSET:
            field_dict["output"] = output
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execution_node_result_output import ExecutionNodeResultOutput  # noqa: PLC0415

        d = dict(src_dict)
        node_id = d.pop("node_id", UNSET)

        begin_time = d.pop("begin_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        function_execution_id = d.pop("function_execution_id", UNSET)

        _output = d.pop("output", UNSET)
        output: ExecutionNodeResultOutput | Unset
        if isinstance(_output, Unset):
            output = UNSET
        else:
            output = ExecutionNodeResultOutput.from_dict(_output)

        status = d.pop("status", UNSET)

        execution_node_result = cls(
            node_id=node_id,
            begin_time=begin_time,
            end_time=end_time,
            function_execution_id=function_execution_id,
            output=output,
            status=status,
        )

        execution_node_result.additional_properties = d
        return execution_node_result

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
