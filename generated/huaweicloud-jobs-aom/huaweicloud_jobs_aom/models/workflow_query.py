from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workflow_query_sort_field import WorkflowQuerySortField, check_workflow_query_sort_field
from ..models.workflow_query_sort_type import WorkflowQuerySortType, check_workflow_query_sort_type
from ..models.workflow_query_type import WorkflowQueryType, check_workflow_query_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_query_tags import WorkflowQueryTags


T = TypeVar("T", bound="WorkflowQuery")


@_attrs_define
class WorkflowQuery:
    """WorkflowQueryParam of the SDK.

    Attributes:
        search (str | Unset): Text searched for in the workflows' names and descriptions.
        type_ (WorkflowQueryType | Unset): Workflow category. cron, event or manual.
        tags (WorkflowQueryTags | Unset): Workflow tags to filter by (key to value), at most 10.
        page (int | Unset): Page to return, from 0 (the service's default).
        size (int | Unset): Page size (the service's default is 10).
        enterprise_project_id (str | Unset): Enterprise project ID.
        create_by (str | Unset): Creator of the workflow.
        sort_field (WorkflowQuerySortField | Unset): Sort field. create_time, last_execution_start_time or update_time.
        sort_type (WorkflowQuerySortType | Unset): Sort order. ASC or DESC.
        search_time_start (int | Unset): Start of the time range searched.
        search_time_end (int | Unset): End of the time range searched.
        status (str | Unset): Task status to filter by (the SDK's list; not an enum here, so that a
            state the service adds can be asked for).
    """

    search: str | Unset = UNSET
    type_: WorkflowQueryType | Unset = UNSET
    tags: WorkflowQueryTags | Unset = UNSET
    page: int | Unset = UNSET
    size: int | Unset = UNSET
    enterprise_project_id: str | Unset = UNSET
    create_by: str | Unset = UNSET
    sort_field: WorkflowQuerySortField | Unset = UNSET
    sort_type: WorkflowQuerySortType | Unset = UNSET
    search_time_start: int | Unset = UNSET
    search_time_end: int | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        search = self.search

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        page = self.page

        size = self.size

        enterprise_project_id = self.enterprise_project_id

        create_by = self.create_by

        sort_field: str | Unset = UNSET
        if not isinstance(self.sort_field, Unset):
            sort_field = self.sort_field

        sort_type: str | Unset = UNSET
        if not isinstance(self.sort_type, Unset):
            sort_type = self.sort_type

        search_time_start = self.search_time_start

        search_time_end = self.search_time_end

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if search is not UNSET:
            field_dict["search"] = search
        if type_ is not UNSET:
            field_dict["type"] = type_
        if tags is not UNSET:
            field_dict["tags"] = tags
        if page is not UNSET:
            field_dict["page"] = page
        if size is not UNSET:
            field_dict["size"] = size
        if enterprise_project_id is not UNSET:
            field_dict["enterprise_project_id"] = enterprise_project_id
        if create_by is not UNSET:
            field_dict["create_by"] = create_by
        if sort_field is not UNSET:
            field_dict["sort_field"] = sort_field
        if sort_type is not UNSET:
            field_dict["sort_type"] = sort_type
        if search_time_start is not UNSET:
            field_dict["search_time_start"] = search_time_start
        if search_time_end is not UNSET:
            field_dict["search_time_end"] = search_time_end
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workflow_query_tags import WorkflowQueryTags  # noqa: PLC0415

        d = dict(src_dict)
        search = d.pop("search", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: WorkflowQueryType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_workflow_query_type(_type_)

        _tags = d.pop("tags", UNSET)
        tags: WorkflowQueryTags | Unset
        if isinstance(_tags, Unset):
            tags = UNSET
        else:
            tags = WorkflowQueryTags.from_dict(_tags)

        page = d.pop("page", UNSET)

        size = d.pop("size", UNSET)

        enterprise_project_id = d.pop("enterprise_project_id", UNSET)

        create_by = d.pop("create_by", UNSET)

        _sort_field = d.pop("sort_field", UNSET)
        sort_field: WorkflowQuerySortField | Unset
        if isinstance(_sort_field, Unset):
            sort_field = UNSET
        else:
            sort_field = check_workflow_query_sort_field(_sort_field)

        _sort_type = d.pop("sort_type", UNSET)
        sort_type: WorkflowQuerySortType | Unset
        if isinstance(_sort_type, Unset):
            sort_type = UNSET
        else:
            sort_type = check_workflow_query_sort_type(_sort_type)

        search_time_start = d.pop("search_time_start", UNSET)

        search_time_end = d.pop("search_time_end", UNSET)

        status = d.pop("status", UNSET)

        workflow_query = cls(
            search=search,
            type_=type_,
            tags=tags,
            page=page,
            size=size,
            enterprise_project_id=enterprise_project_id,
            create_by=create_by,
            sort_field=sort_field,
            sort_type=sort_type,
            search_time_start=search_time_start,
            search_time_end=search_time_end,
            status=status,
        )

        workflow_query.additional_properties = d
        return workflow_query

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
