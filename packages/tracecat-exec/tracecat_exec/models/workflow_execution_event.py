from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    integral,
    invalid,
    missing,
    parse_datetime,
    reject,
)
from ..models.workflow_event_type import WorkflowEventType
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_WorkflowExecutionEvent: frozenset[str] = frozenset(
    {
        "event_id",
        "event_time",
        "event_type",
        "task_id",
        "event_group",
        "failure",
        "result",
        "role",
        "parent_wf_exec_id",
        "workflow_timeout",
    }
)


@_attrs_define
class WorkflowExecutionEvent:
    """One event of the workflow execution's (Temporal) history.

    Attributes:
        event_id (int): The event's id (position in the history).
        event_time (datetime.datetime): When the event happened (ISO 8601).
        event_type (WorkflowEventType): Type of a workflow history event. Servers may send other values and the SDK
            accepts them.
        task_id (int): The Temporal task id of the event.
        event_group (EventGroup | None | Unset): The action group of the event, used to relate events that belong to the
            same action; may be omitted or null.
        failure (EventFailure | None | Unset): The failure, for failed/timed-out/canceled events; may be omitted or
            null.
        result (Any | None | Unset): The event's result, any JSON value (object, array, string, number, boolean or
            null); may be omitted.
        role (None | Role | Unset): The role (identity) the event ran as; may be omitted or null.
        parent_wf_exec_id (None | str | Unset): Id of the parent workflow execution; may be omitted or null.
        workflow_timeout (float | None | Unset): The workflow timeout in seconds; may be omitted or null.
    """

    event_id: int
    event_time: datetime.datetime
    event_type: WorkflowEventType
    task_id: int
    event_group: EventGroup | None | Unset = UNSET
    failure: EventFailure | None | Unset = UNSET
    result: Any | None | Unset = UNSET
    role: None | Role | Unset = UNSET
    parent_wf_exec_id: None | str | Unset = UNSET
    workflow_timeout: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["event_id"] = self.event_id
        field_dict["event_time"] = self.event_time.isoformat()
        field_dict["event_type"] = self.event_type.value
        field_dict["task_id"] = self.task_id
        _f_event_group = self.event_group
        if not isinstance(_f_event_group, Unset):
            field_dict["event_group"] = None if _f_event_group is None else _f_event_group.to_dict()
        _f_failure = self.failure
        if not isinstance(_f_failure, Unset):
            field_dict["failure"] = None if _f_failure is None else _f_failure.to_dict()
        _f_result = self.result
        if not isinstance(_f_result, Unset):
            field_dict["result"] = _f_result
        _f_role = self.role
        if not isinstance(_f_role, Unset):
            field_dict["role"] = None if _f_role is None else _f_role.to_dict()
        _f_parent_wf_exec_id = self.parent_wf_exec_id
        if not isinstance(_f_parent_wf_exec_id, Unset):
            field_dict["parent_wf_exec_id"] = _f_parent_wf_exec_id
        _f_workflow_timeout = self.workflow_timeout
        if not isinstance(_f_workflow_timeout, Unset):
            field_dict["workflow_timeout"] = _f_workflow_timeout
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "WorkflowExecutionEvent")
        _get = _src.get
        _f_event_id = _get("event_id", UNSET)
        if type(_f_event_id) is not int:
            _f_event_id = integral("WorkflowExecutionEvent.event_id", _f_event_id)  # 1.0 is an integer in JSON Schema

        _f_event_time = _get("event_time", UNSET)
        if _f_event_time is not None and _f_event_time is not UNSET:
            _f_event_time = parse_datetime(_f_event_time, "WorkflowExecutionEvent.event_time")
        elif _f_event_time is UNSET:
            missing("WorkflowExecutionEvent.event_time")
        elif _f_event_time is None:
            invalid("WorkflowExecutionEvent.event_time", "a date-time string", None)

        _f_event_type = _get("event_type", UNSET)
        if _f_event_type is not None and _f_event_type is not UNSET:
            _f_event_type = (
                (WorkflowEventType._by_value.get(_f_event_type) or WorkflowEventType(_f_event_type))
                if type(_f_event_type) is str
                else invalid("WorkflowExecutionEvent.event_type", "a string enum value", _f_event_type)
            )
        elif _f_event_type is UNSET:
            missing("WorkflowExecutionEvent.event_type")
        elif _f_event_type is None:
            invalid("WorkflowExecutionEvent.event_type", "a string enum value", None)

        _f_task_id = _get("task_id", UNSET)
        if type(_f_task_id) is not int:
            _f_task_id = integral("WorkflowExecutionEvent.task_id", _f_task_id)  # 1.0 is an integer in JSON Schema

        _f_event_group = _get("event_group", UNSET)
        if _f_event_group is not None and _f_event_group is not UNSET:
            _f_event_group = (
                EventGroup.from_dict(_f_event_group)
                if type(_f_event_group) is dict
                else invalid("WorkflowExecutionEvent.event_group", "an object", _f_event_group)
            )

        _f_failure = _get("failure", UNSET)
        if _f_failure is not None and _f_failure is not UNSET:
            _f_failure = (
                EventFailure.from_dict(_f_failure)
                if type(_f_failure) is dict
                else invalid("WorkflowExecutionEvent.failure", "an object", _f_failure)
            )

        _f_result = _get("result", UNSET)

        _f_role = _get("role", UNSET)
        if _f_role is not None and _f_role is not UNSET:
            _f_role = (
                Role.from_dict(_f_role)
                if type(_f_role) is dict
                else invalid("WorkflowExecutionEvent.role", "an object", _f_role)
            )

        _f_parent_wf_exec_id = _get("parent_wf_exec_id", UNSET)
        if (
            type(_f_parent_wf_exec_id) is not str
            and _f_parent_wf_exec_id is not UNSET
            and _f_parent_wf_exec_id is not None
        ):
            reject("WorkflowExecutionEvent.parent_wf_exec_id", "a string", _f_parent_wf_exec_id)

        _f_workflow_timeout = _get("workflow_timeout", UNSET)
        if (
            type(_f_workflow_timeout) is not float
            and type(_f_workflow_timeout) is not int
            and _f_workflow_timeout is not UNSET
            and _f_workflow_timeout is not None
        ):
            reject("WorkflowExecutionEvent.workflow_timeout", "a number", _f_workflow_timeout)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.event_id = _f_event_id
        _obj.event_time = _f_event_time
        _obj.event_type = _f_event_type
        _obj.task_id = _f_task_id
        _obj.event_group = _f_event_group
        _obj.failure = _f_failure
        _obj.result = _f_result
        _obj.role = _f_role
        _obj.parent_wf_exec_id = _f_parent_wf_exec_id
        _obj.workflow_timeout = _f_workflow_timeout
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_WorkflowExecutionEvent
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowExecutionEvent}
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
from ..models.event_failure import EventFailure  # noqa: E402
from ..models.event_group import EventGroup  # noqa: E402
from ..models.role import Role  # noqa: E402
