from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    parse_datetime,
    reject,
)
from ..models.flow_execution_status import FlowExecutionStatus
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_FlowExecution: frozenset[str] = frozenset(
    {
        "id",
        "flow_id",
        "status",
        "started_at",
        "ended_at",
        "last_event_at",
        "tracking_id",
        "current_step",
        "execution_context",
        "variables",
        "flow",
    }
)


@_attrs_define
class FlowExecution:
    """One run of a flow for one conversation.

    Attributes:
        id (None | str | Unset): Flow execution ID.
        flow_id (None | str | Unset): ID of the flow this execution runs.
        status (FlowExecutionStatus | None | Unset):
        started_at (datetime.datetime | None | Unset): When the execution started.
        ended_at (datetime.datetime | None | Unset): When the execution ended; null while it runs.
        last_event_at (datetime.datetime | None | Unset): When the execution last recorded an event.
        tracking_id (None | str | Unset): Caller-supplied tracking ID, if any.
        current_step (FlowStep | None | Unset): The step the execution is on; null when none.
        execution_context (ExecutionContext | None | Unset):
        variables (FlowVariables | None | Unset):
        flow (Flow | None | Unset):
    """

    id: None | str | Unset = UNSET
    flow_id: None | str | Unset = UNSET
    status: FlowExecutionStatus | None | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    last_event_at: datetime.datetime | None | Unset = UNSET
    tracking_id: None | str | Unset = UNSET
    current_step: FlowStep | None | Unset = UNSET
    execution_context: ExecutionContext | None | Unset = UNSET
    variables: FlowVariables | None | Unset = UNSET
    flow: Flow | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_flow_id = self.flow_id
        if not isinstance(_f_flow_id, Unset):
            field_dict["flow_id"] = _f_flow_id
        _f_status = self.status
        if not isinstance(_f_status, Unset):
            field_dict["status"] = None if _f_status is None else _f_status.value
        _f_started_at = self.started_at
        if not isinstance(_f_started_at, Unset):
            field_dict["started_at"] = None if _f_started_at is None else _f_started_at.isoformat()
        _f_ended_at = self.ended_at
        if not isinstance(_f_ended_at, Unset):
            field_dict["ended_at"] = None if _f_ended_at is None else _f_ended_at.isoformat()
        _f_last_event_at = self.last_event_at
        if not isinstance(_f_last_event_at, Unset):
            field_dict["last_event_at"] = None if _f_last_event_at is None else _f_last_event_at.isoformat()
        _f_tracking_id = self.tracking_id
        if not isinstance(_f_tracking_id, Unset):
            field_dict["tracking_id"] = _f_tracking_id
        _f_current_step = self.current_step
        if not isinstance(_f_current_step, Unset):
            field_dict["current_step"] = None if _f_current_step is None else _f_current_step.to_dict()
        _f_execution_context = self.execution_context
        if not isinstance(_f_execution_context, Unset):
            field_dict["execution_context"] = None if _f_execution_context is None else _f_execution_context.to_dict()
        _f_variables = self.variables
        if not isinstance(_f_variables, Unset):
            field_dict["variables"] = None if _f_variables is None else _f_variables.to_dict()
        _f_flow = self.flow
        if not isinstance(_f_flow, Unset):
            field_dict["flow"] = None if _f_flow is None else _f_flow.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "FlowExecution")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("FlowExecution.id", "a string", _f_id)

        _f_flow_id = _get("flow_id", UNSET)
        if type(_f_flow_id) is not str and _f_flow_id is not UNSET and _f_flow_id is not None:
            reject("FlowExecution.flow_id", "a string", _f_flow_id)

        _f_status = _get("status", UNSET)
        if _f_status is not None and _f_status is not UNSET:
            _f_status = (
                (FlowExecutionStatus._by_value.get(_f_status) or FlowExecutionStatus(_f_status))
                if type(_f_status) is str
                else invalid("FlowExecution.status", "a string enum value", _f_status)
            )

        _f_started_at = _get("started_at", UNSET)
        if _f_started_at is not None and _f_started_at is not UNSET:
            _f_started_at = parse_datetime(_f_started_at, "FlowExecution.started_at")

        _f_ended_at = _get("ended_at", UNSET)
        if _f_ended_at is not None and _f_ended_at is not UNSET:
            _f_ended_at = parse_datetime(_f_ended_at, "FlowExecution.ended_at")

        _f_last_event_at = _get("last_event_at", UNSET)
        if _f_last_event_at is not None and _f_last_event_at is not UNSET:
            _f_last_event_at = parse_datetime(_f_last_event_at, "FlowExecution.last_event_at")

        _f_tracking_id = _get("tracking_id", UNSET)
        if type(_f_tracking_id) is not str and _f_tracking_id is not UNSET and _f_tracking_id is not None:
            reject("FlowExecution.tracking_id", "a string", _f_tracking_id)

        _f_current_step = _get("current_step", UNSET)
        if _f_current_step is not None and _f_current_step is not UNSET:
            _f_current_step = (
                FlowStep.from_dict(_f_current_step)
                if type(_f_current_step) is dict
                else invalid("FlowExecution.current_step", "an object", _f_current_step)
            )

        _f_execution_context = _get("execution_context", UNSET)
        if _f_execution_context is not None and _f_execution_context is not UNSET:
            _f_execution_context = (
                ExecutionContext.from_dict(_f_execution_context)
                if type(_f_execution_context) is dict
                else invalid("FlowExecution.execution_context", "an object", _f_execution_context)
            )

        _f_variables = _get("variables", UNSET)
        if _f_variables is not None and _f_variables is not UNSET:
            _f_variables = (
                FlowVariables.from_dict(_f_variables)
                if type(_f_variables) is dict
                else invalid("FlowExecution.variables", "an object", _f_variables)
            )

        _f_flow = _get("flow", UNSET)
        if _f_flow is not None and _f_flow is not UNSET:
            _f_flow = (
                Flow.from_dict(_f_flow)
                if type(_f_flow) is dict
                else invalid("FlowExecution.flow", "an object", _f_flow)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.flow_id = _f_flow_id
        _obj.status = _f_status
        _obj.started_at = _f_started_at
        _obj.ended_at = _f_ended_at
        _obj.last_event_at = _f_last_event_at
        _obj.tracking_id = _f_tracking_id
        _obj.current_step = _f_current_step
        _obj.execution_context = _f_execution_context
        _obj.variables = _f_variables
        _obj.flow = _f_flow
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_FlowExecution
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_FlowExecution}
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
from ..models.execution_context import ExecutionContext  # noqa: E402
from ..models.flow import Flow  # noqa: E402
from ..models.flow_step import FlowStep  # noqa: E402
from ..models.flow_variables import FlowVariables  # noqa: E402
