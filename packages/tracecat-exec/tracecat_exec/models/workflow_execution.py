from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    check_objects,
    integral,
    invalid,
    missing,
    parse_datetime,
    reject,
)
from ..models.execution_type import ExecutionType
from ..models.trigger_type import TriggerType
from ..models.workflow_execution_status import WorkflowExecutionStatus
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_WorkflowExecution: frozenset[str] = frozenset(
    {
        "id",
        "run_id",
        "start_time",
        "status",
        "workflow_type",
        "task_queue",
        "history_length",
        "events",
        "execution_time",
        "close_time",
        "parent_wf_exec_id",
        "trigger_type",
        "execution_type",
        "interactions",
        "interaction_states",
    }
)


@_attrs_define
class WorkflowExecution:
    """A workflow execution (one Temporal workflow run) and its event history. This is the whole 200 response body (no
    envelope).

        Attributes:
            id (str): The id of the workflow execution (contains `/` or `:`).
            run_id (str): The Temporal run id of the workflow execution.
            start_time (datetime.datetime): When the workflow execution started (ISO 8601).
            status (None | WorkflowExecutionStatus): The execution status. Always present, but the server can send `null`
                (treat it as not yet known and keep polling).
            workflow_type (str): The Temporal workflow type.
            task_queue (str): The Temporal task queue the workflow runs on.
            history_length (int): Number of events in the execution's history.
            events (list[WorkflowExecutionEvent]): The events in the workflow execution's history.
            execution_time (datetime.datetime | None | Unset): When this workflow run started or should start (ISO 8601);
                may be omitted or null.
            close_time (datetime.datetime | None | Unset): When the workflow execution closed (ISO 8601); omitted or null
                while it is still running.
            parent_wf_exec_id (None | str | Unset): Id of the parent workflow execution when this is a child workflow; may
                be omitted or null.
            trigger_type (None | TriggerType | Unset): How the execution was triggered (newer servers only; optional).
            execution_type (ExecutionType | None | Unset): Whether the draft or the published workflow graph ran (newer
                servers only; optional).
            interactions (list[ExecutionInteraction] | None | Unset): The interactions (responses/approvals) in the workflow
                execution (newer servers only; optional).
            interaction_states (InteractionStates | None | Unset): Interaction states keyed by interaction id (older servers
                only; newer servers send `interactions`).
    """

    id: str
    run_id: str
    start_time: datetime.datetime
    status: None | WorkflowExecutionStatus
    workflow_type: str
    task_queue: str
    history_length: int
    events: list[WorkflowExecutionEvent]
    execution_time: datetime.datetime | None | Unset = UNSET
    close_time: datetime.datetime | None | Unset = UNSET
    parent_wf_exec_id: None | str | Unset = UNSET
    trigger_type: None | TriggerType | Unset = UNSET
    execution_type: ExecutionType | None | Unset = UNSET
    interactions: list[ExecutionInteraction] | None | Unset = UNSET
    interaction_states: InteractionStates | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["id"] = self.id
        field_dict["run_id"] = self.run_id
        field_dict["start_time"] = self.start_time.isoformat()
        field_dict["status"] = None if self.status is None else self.status.value
        field_dict["workflow_type"] = self.workflow_type
        field_dict["task_queue"] = self.task_queue
        field_dict["history_length"] = self.history_length
        field_dict["events"] = [_i0.to_dict() for _i0 in self.events]
        _f_execution_time = self.execution_time
        if not isinstance(_f_execution_time, Unset):
            field_dict["execution_time"] = None if _f_execution_time is None else _f_execution_time.isoformat()
        _f_close_time = self.close_time
        if not isinstance(_f_close_time, Unset):
            field_dict["close_time"] = None if _f_close_time is None else _f_close_time.isoformat()
        _f_parent_wf_exec_id = self.parent_wf_exec_id
        if not isinstance(_f_parent_wf_exec_id, Unset):
            field_dict["parent_wf_exec_id"] = _f_parent_wf_exec_id
        _f_trigger_type = self.trigger_type
        if not isinstance(_f_trigger_type, Unset):
            field_dict["trigger_type"] = None if _f_trigger_type is None else _f_trigger_type.value
        _f_execution_type = self.execution_type
        if not isinstance(_f_execution_type, Unset):
            field_dict["execution_type"] = None if _f_execution_type is None else _f_execution_type.value
        _f_interactions = self.interactions
        if not isinstance(_f_interactions, Unset):
            field_dict["interactions"] = None if _f_interactions is None else [_i0.to_dict() for _i0 in _f_interactions]
        _f_interaction_states = self.interaction_states
        if not isinstance(_f_interaction_states, Unset):
            field_dict["interaction_states"] = (
                None if _f_interaction_states is None else _f_interaction_states.to_dict()
            )
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "WorkflowExecution")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str:
            reject("WorkflowExecution.id", "a string", _f_id)

        _f_run_id = _get("run_id", UNSET)
        if type(_f_run_id) is not str:
            reject("WorkflowExecution.run_id", "a string", _f_run_id)

        _f_start_time = _get("start_time", UNSET)
        if _f_start_time is not None and _f_start_time is not UNSET:
            _f_start_time = parse_datetime(_f_start_time, "WorkflowExecution.start_time")
        elif _f_start_time is UNSET:
            missing("WorkflowExecution.start_time")
        elif _f_start_time is None:
            invalid("WorkflowExecution.start_time", "a date-time string", None)

        _f_status = _get("status", UNSET)
        if _f_status is not None and _f_status is not UNSET:
            _f_status = (
                (WorkflowExecutionStatus._by_value.get(_f_status) or WorkflowExecutionStatus(_f_status))
                if type(_f_status) is str
                else invalid("WorkflowExecution.status", "a string enum value", _f_status)
            )
        elif _f_status is UNSET:
            missing("WorkflowExecution.status")

        _f_workflow_type = _get("workflow_type", UNSET)
        if type(_f_workflow_type) is not str:
            reject("WorkflowExecution.workflow_type", "a string", _f_workflow_type)

        _f_task_queue = _get("task_queue", UNSET)
        if type(_f_task_queue) is not str:
            reject("WorkflowExecution.task_queue", "a string", _f_task_queue)

        _f_history_length = _get("history_length", UNSET)
        if type(_f_history_length) is not int:
            _f_history_length = integral(
                "WorkflowExecution.history_length", _f_history_length
            )  # 1.0 is an integer in JSON Schema

        _f_events = _get("events", UNSET)
        if _f_events is not None and _f_events is not UNSET:
            _f_events = list(
                map(WorkflowExecutionEvent.from_dict, check_objects(_f_events, "WorkflowExecution.events"))
            )
        elif _f_events is UNSET:
            missing("WorkflowExecution.events")
        elif _f_events is None:
            invalid("WorkflowExecution.events", "an array", None)

        _f_execution_time = _get("execution_time", UNSET)
        if _f_execution_time is not None and _f_execution_time is not UNSET:
            _f_execution_time = parse_datetime(_f_execution_time, "WorkflowExecution.execution_time")

        _f_close_time = _get("close_time", UNSET)
        if _f_close_time is not None and _f_close_time is not UNSET:
            _f_close_time = parse_datetime(_f_close_time, "WorkflowExecution.close_time")

        _f_parent_wf_exec_id = _get("parent_wf_exec_id", UNSET)
        if (
            type(_f_parent_wf_exec_id) is not str
            and _f_parent_wf_exec_id is not UNSET
            and _f_parent_wf_exec_id is not None
        ):
            reject("WorkflowExecution.parent_wf_exec_id", "a string", _f_parent_wf_exec_id)

        _f_trigger_type = _get("trigger_type", UNSET)
        if _f_trigger_type is not None and _f_trigger_type is not UNSET:
            _f_trigger_type = (
                (TriggerType._by_value.get(_f_trigger_type) or TriggerType(_f_trigger_type))
                if type(_f_trigger_type) is str
                else invalid("WorkflowExecution.trigger_type", "a string enum value", _f_trigger_type)
            )

        _f_execution_type = _get("execution_type", UNSET)
        if _f_execution_type is not None and _f_execution_type is not UNSET:
            _f_execution_type = (
                (ExecutionType._by_value.get(_f_execution_type) or ExecutionType(_f_execution_type))
                if type(_f_execution_type) is str
                else invalid("WorkflowExecution.execution_type", "a string enum value", _f_execution_type)
            )

        _f_interactions = _get("interactions", UNSET)
        if _f_interactions is not None and _f_interactions is not UNSET:
            _f_interactions = list(
                map(ExecutionInteraction.from_dict, check_objects(_f_interactions, "WorkflowExecution.interactions"))
            )

        _f_interaction_states = _get("interaction_states", UNSET)
        if _f_interaction_states is not None and _f_interaction_states is not UNSET:
            _f_interaction_states = (
                InteractionStates.from_dict(_f_interaction_states)
                if type(_f_interaction_states) is dict
                else invalid("WorkflowExecution.interaction_states", "an object", _f_interaction_states)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.run_id = _f_run_id
        _obj.start_time = _f_start_time
        _obj.status = _f_status
        _obj.workflow_type = _f_workflow_type
        _obj.task_queue = _f_task_queue
        _obj.history_length = _f_history_length
        _obj.events = _f_events
        _obj.execution_time = _f_execution_time
        _obj.close_time = _f_close_time
        _obj.parent_wf_exec_id = _f_parent_wf_exec_id
        _obj.trigger_type = _f_trigger_type
        _obj.execution_type = _f_execution_type
        _obj.interactions = _f_interactions
        _obj.interaction_states = _f_interaction_states
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_WorkflowExecution
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowExecution}
        )
        return _obj

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


# Imported last so that models referring to each other import cleanly.
from ..models.execution_interaction import ExecutionInteraction  # noqa: E402
from ..models.interaction_states import InteractionStates  # noqa: E402
from ..models.workflow_execution_event import WorkflowExecutionEvent  # noqa: E402
