from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workflow_global_parameters_item import WorkflowGlobalParametersItem
    from ..models.workflow_input import WorkflowInput
    from ..models.workflow_nodes_item import WorkflowNodesItem
    from ..models.workflow_steps_item import WorkflowStepsItem
    from ..models.workflow_tags import WorkflowTags
    from ..models.workflow_template_i18n import WorkflowTemplateI18N


T = TypeVar("T", bound="Workflow")


@_attrs_define
class Workflow:
    """Workflow of the SDK. Scalar fields are transcribed; nested objects and lists
    of objects (nodes, global_parameters, steps, template_i18n, input) are open.

        Attributes:
            id (str | Unset): Workflow ID, unique, generated from project_id and workflow_name.
            name (str | Unset): Workflow name.
            type_ (str | Unset): Workflow type, cron or manual (the query also names event).
            description (str | Unset): Workflow description.
            tags (WorkflowTags | Unset): Tag keys and values, 0 to 20 pairs.
            create_time (int | Unset): Creation time, UTC milliseconds.
            create_by (str | Unset): Creator (from the token of the creating call).
            update_time (int | Unset): Update time, UTC milliseconds.
            update_by (str | Unset): Last updater.
            template_name (str | Unset): Template name.
            template_id (str | Unset): Template ID.
            input_ (WorkflowInput | Unset): Parameters an execution needs.
            last_execution_id (str | Unset): ID of the latest execution.
            status (str | Unset): Task status. The SDK names success, fail and executing here; the query's
                status list is the fuller one, used as known values.
            citation_urns (list[str] | Unset): References to the workflow.
            last_execution_end_time (int | Unset): End time of the latest execution, UTC milliseconds.
            last_execution_start_time (int | Unset): Start time of the latest execution, UTC milliseconds.
            quote (list[str] | Unset): Parameter references.
            job_name (str | Unset): Job name.
            job_id (str | Unset): Job ID.
            service_scenario (str | Unset): Service scenario category.
            service_name (str | Unset): Service name.
            task_type (str | Unset): Task type.
            project_id (str | Unset): PROJECT_ID returned by FunctionGraph.
            workflow_id (str | Unset): WORKFLOW_ID returned by FunctionGraph.
            task_status (str | Unset): Task status.
            nodes (list[WorkflowNodesItem] | Unset): Task nodes (Node, not transcribed field by field).
            edit_time (int | Unset): Edit time.
            execution_action_rules (list[str] | Unset): Fine-grained permissions of execution actions.
            execution_permission (list[str] | Unset): Cloud service permissions.
            global_parameters (list[WorkflowGlobalParametersItem] | Unset): Global parameters (Parameter, not transcribed
                field by field).
            is_delete (bool | Unset): Logically deleted.
            steps (list[WorkflowStepsItem] | Unset): Task steps (Step, not transcribed field by field).
            output (str | Unset): Task output.
            trigger_id (str | Unset): Trigger ID.
            trigger_status (str | Unset): Trigger status.
            approve_id (str | Unset): Approval ID.
            template_i18n (WorkflowTemplateI18N | Unset): Template descriptions in English and Chinese (WorkFlowModel, not
                transcribed field by field).
            enterprise_project_id (str | Unset): Enterprise project of the task.
            last_execute_by (str | Unset): Who executed the task last.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    description: str | Unset = UNSET
    tags: WorkflowTags | Unset = UNSET
    create_time: int | Unset = UNSET
    create_by: str | Unset = UNSET
    update_time: int | Unset = UNSET
    update_by: str | Unset = UNSET
    template_name: str | Unset = UNSET
    template_id: str | Unset = UNSET
    input_: WorkflowInput | Unset = UNSET
    last_execution_id: str | Unset = UNSET
    status: str | Unset = UNSET
    citation_urns: list[str] | Unset = UNSET
    last_execution_end_time: int | Unset = UNSET
    last_execution_start_time: int | Unset = UNSET
    quote: list[str] | Unset = UNSET
    job_name: str | Unset = UNSET
    job_id: str | Unset = UNSET
    service_scenario: str | Unset = UNSET
    service_name: str | Unset = UNSET
    task_type: str | Unset = UNSET
    project_id: str | Unset = UNSET
    workflow_id: str | Unset = UNSET
    task_status: str | Unset = UNSET
    nodes: list[WorkflowNodesItem] | Unset = UNSET
    edit_time: int | Unset = UNSET
    execution_action_rules: list[str] | Unset = UNSET
    execution_permission: list[str] | Unset = UNSET
    global_parameters: list[WorkflowGlobalParametersItem] | Unset = UNSET
    is_delete: bool | Unset = UNSET
    steps: list[WorkflowStepsItem] | Unset = UNSET
    output: str | Unset = UNSET
    trigger_id: str | Unset = UNSET
    trigger_status: str | Unset = UNSET
    approve_id: str | Unset = UNSET
    template_i18n: WorkflowTemplateI18N | Unset = UNSET
    enterprise_project_id: str | Unset = UNSET
    last_execute_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_

        description = self.description

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        create_time = self.create_time

        create_by = self.create_by

        update_time = self.update_time

        update_by = self.update_by

        template_name = self.template_name

        template_id = self.template_id

        input_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_, Unset):
            input_ = self.input_.to_dict()

        last_execution_id = self.last_execution_id

        status = self.status

        citation_urns: list[str] | Unset = UNSET
        if not isinstance(self.citation_urns, Unset):
            citation_urns = self.citation_urns

        last_execution_end_time = self.last_execution_end_time

        last_execution_start_time = self.last_execution_start_time

        quote: list[str] | Unset = UNSET
        if not isinstance(self.quote, Unset):
            quote = self.quote

        job_name = self.job_name

        job_id = self.job_id

        service_scenario = self.service_scenario

        service_name = self.service_name

        task_type = self.task_type

        project_id = self.project_id

        workflow_id = self.workflow_id

        task_status = self.task_status

        nodes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.nodes, Unset):
            nodes = []
            for nodes_item_data in self.nodes:
                nodes_item = nodes_item_data.to_dict()
                nodes.append(nodes_item)

        edit_time = self.edit_time

        execution_action_rules: list[str] | Unset = UNSET
        if not isinstance(self.execution_action_rules, Unset):
            execution_action_rules = self.execution_action_rules

        execution_permission: list[str] | Unset = UNSET
        if not isinstance(self.execution_permission, Unset):
            execution_permission = self.execution_permission

        global_parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.global_parameters, Unset):
            global_parameters = []
            for global_parameters_item_data in self.global_parameters:
                global_parameters_item = global_parameters_item_data.to_dict()
                global_parameters.append(global_parameters_item)

        is_delete = self.is_delete

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        output = self.output

        trigger_id = self.trigger_id

        trigger_status = self.trigger_status

        approve_id = self.approve_id

        template_i18n: dict[str, Any] | Unset = UNSET
        if not isinstance(self.template_i18n, Unset):
            template_i18n = self.template_i18n.to_dict()

        enterprise_project_id = self.enterprise_project_id

        last_execute_by = self.last_execute_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if create_by is not UNSET:
            field_dict["create_by"] = create_by
        if update_time is not UNSET:
            field_dict["update_time"] = update_time
        if update_by is not UNSET:
            field_dict["update_by"] = update_by
        if template_name is not UNSET:
            field_dict["template_name"] = template_name
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if input_ is not UNSET:
            field_dict["input"] = input_
        if last_execution_id is not UNSET:
            field_dict["last_execution_id"] = last_execution_id
        if status is not UNSET:
            field_dict["status"] = status
        if citation_urns is not UNSET:
            field_dict["citation_urns"] = citation_urns
        if last_execution_end_time is not UNSET:
            field_dict["last_execution_end_time"] = last_execution_end_time
        if last_execution_start_time is not UNSET:
            field_dict["last_execution_start_time"] = last_execution_start_time
        if quote is not UNSET:
            field_dict["quote"] = quote
        if job_name is not UNSET:
            field_dict["job_name"] = job_name
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if service_scenario is not UNSET:
            field_dict["service_scenario"] = service_scenario
        if service_name is not UNSET:
            field_dict["service_name"] = service_name
        if task_type is not UNSET:
            field_dict["task_type"] = task_type
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if task_status is not UNSET:
            field_dict["task_status"] = task_status
        if nodes is not UNSET:
            field_dict["nodes"] = nodes
        if edit_time is not UNSET:
            field_dict["edit_time"] = edit_time
        if execution_action_rules is not UNSET:
            field_dict["execution_action_rules"] = execution_action_rules
        if execution_permission is not UNSET:
            field_dict["execution_permission"] = execution_permission
        if global_parameters is not UNSET:
            field_dict["global_parameters"] = global_parameters
        if is_delete is not UNSET:
            field_dict["is_delete"] = is_delete
        if steps is not UNSET:
            field_dict["steps"] = steps
        if output is not UNSET:
            field_dict["output"] = output
        if trigger_id is not UNSET:
            field_dict["trigger_id"] = trigger_id
        if trigger_status is not UNSET:
            field_dict["trigger_status"] = trigger_status
        if approve_id is not UNSET:
            field_dict["approve_id"] = approve_id
        if template_i18n is not UNSET:
            field_dict["template_i18n"] = template_i18n
        if enterprise_project_id is not UNSET:
            field_dict["enterprise_project_id"] = enterprise_project_id
        if last_execute_by is not UNSET:
            field_dict["last_execute_by"] = last_execute_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workflow_global_parameters_item import WorkflowGlobalParametersItem  # noqa: PLC0415
        from ..models.workflow_input import WorkflowInput  # noqa: PLC0415
        from ..models.workflow_nodes_item import WorkflowNodesItem  # noqa: PLC0415
        from ..models.workflow_steps_item import WorkflowStepsItem  # noqa: PLC0415
        from ..models.workflow_tags import WorkflowTags  # noqa: PLC0415
        from ..models.workflow_template_i18n import WorkflowTemplateI18N  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        description = d.pop("description", UNSET)

        _tags = d.pop("tags", UNSET)
        tags: WorkflowTags | Unset
        if isinstance(_tags, Unset):
            tags = UNSET
        else:
            tags = WorkflowTags.from_dict(_tags)

        create_time = d.pop("create_time", UNSET)

        create_by = d.pop("create_by", UNSET)

        update_time = d.pop("update_time", UNSET)

        update_by = d.pop("update_by", UNSET)

        template_name = d.pop("template_name", UNSET)

        template_id = d.pop("template_id", UNSET)

        _input_ = d.pop("input", UNSET)
        input_: WorkflowInput | Unset
        if isinstance(_input_, Unset):
            input_ = UNSET
        else:
            input_ = WorkflowInput.from_dict(_input_)

        last_execution_id = d.pop("last_execution_id", UNSET)

        status = d.pop("status", UNSET)

        citation_urns = cast(list[str], d.pop("citation_urns", UNSET))

        last_execution_end_time = d.pop("last_execution_end_time", UNSET)

        last_execution_start_time = d.pop("last_execution_start_time", UNSET)

        quote = cast(list[str], d.pop("quote", UNSET))

        job_name = d.pop("job_name", UNSET)

        job_id = d.pop("job_id", UNSET)

        service_scenario = d.pop("service_scenario", UNSET)

        service_name = d.pop("service_name", UNSET)

        task_type = d.pop("task_type", UNSET)

        project_id = d.pop("project_id", UNSET)

        workflow_id = d.pop("workflow_id", UNSET)

        task_status = d.pop("task_status", UNSET)

        _nodes = d.pop("nodes", UNSET)
        nodes: list[WorkflowNodesItem] | Unset = UNSET
        if _nodes is not UNSET:
            nodes = []
            for nodes_item_data in _nodes:
                nodes_item = WorkflowNodesItem.from_dict(nodes_item_data)

                nodes.append(nodes_item)

        edit_time = d.pop("edit_time", UNSET)

        execution_action_rules = cast(list[str], d.pop("execution_action_rules", UNSET))

        execution_permission = cast(list[str], d.pop("execution_permission", UNSET))

        _global_parameters = d.pop("global_parameters", UNSET)
        global_parameters: list[WorkflowGlobalParametersItem] | Unset = UNSET
        if _global_parameters is not UNSET:
            global_parameters = []
            for global_parameters_item_data in _global_parameters:
                global_parameters_item = WorkflowGlobalParametersItem.from_dict(global_parameters_item_data)

                global_parameters.append(global_parameters_item)

        is_delete = d.pop("is_delete", UNSET)

        _steps = d.pop("steps", UNSET)
        steps: list[WorkflowStepsItem] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = WorkflowStepsItem.from_dict(steps_item_data)

                steps.append(steps_item)

        output = d.pop("output", UNSET)

        trigger_id = d.pop("trigger_id", UNSET)

        trigger_status = d.pop("trigger_status", UNSET)

        approve_id = d.pop("approve_id", UNSET)

        _template_i18n = d.pop("template_i18n", UNSET)
        template_i18n: WorkflowTemplateI18N | Unset
        if isinstance(_template_i18n, Unset):
            template_i18n = UNSET
        else:
            template_i18n = WorkflowTemplateI18N.from_dict(_template_i18n)

        enterprise_project_id = d.pop("enterprise_project_id", UNSET)

        last_execute_by = d.pop("last_execute_by", UNSET)

        workflow = cls(
            id=id,
            name=name,
            type_=type_,
            description=description,
            tags=tags,
            create_time=create_time,
            create_by=create_by,
            update_time=update_time,
            update_by=update_by,
            template_name=template_name,
            template_id=template_id,
            input_=input_,
            last_execution_id=last_execution_id,
            status=status,
            citation_urns=citation_urns,
            last_execution_end_time=last_execution_end_time,
            last_execution_start_time=last_execution_start_time,
            quote=quote,
            job_name=job_name,
            job_id=job_id,
            service_scenario=service_scenario,
            service_name=service_name,
            task_type=task_type,
            project_id=project_id,
            workflow_id=workflow_id,
            task_status=task_status,
            nodes=nodes,
            edit_time=edit_time,
            execution_action_rules=execution_action_rules,
            execution_permission=execution_permission,
            global_parameters=global_parameters,
            is_delete=is_delete,
            steps=steps,
            output=output,
            trigger_id=trigger_id,
            trigger_status=trigger_status,
            approve_id=approve_id,
            template_i18n=template_i18n,
            enterprise_project_id=enterprise_project_id,
            last_execute_by=last_execute_by,
        )

        workflow.additional_properties = d
        return workflow

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
