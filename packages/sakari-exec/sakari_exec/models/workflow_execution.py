from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    check_objects,
    invalid,
    parse_datetime,
    reject,
)
from ..models.workflow_execution_status import WorkflowExecutionStatus
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_WorkflowExecution: frozenset[str] = frozenset(
    {
        "id",
        "status",
        "version",
        "start",
        "end",
        "steps",
    }
)


@_attrs_define
class WorkflowExecution:
    """One run of a workflow for a contact, with every step it has taken so far.

    Attributes:
        id (None | str | Unset): Id of the workflow execution.
        status (None | Unset | WorkflowExecutionStatus): Status of the execution (open set; see
            `WorkflowExecutionStatus`).
        version (None | Unset | WorkflowVersion): The workflow version the execution ran.
        start (datetime.datetime | None | Unset): When the execution started (ISO 8601, UTC).
        end (datetime.datetime | None | Unset): When the execution ended (ISO 8601, UTC); absent or `null` while the
            execution is still running.
        steps (list[ExecutionStep] | None | Unset): The steps the execution has taken, in order.
    """

    id: None | str | Unset = UNSET
    status: None | Unset | WorkflowExecutionStatus = UNSET
    version: None | Unset | WorkflowVersion = UNSET
    start: datetime.datetime | None | Unset = UNSET
    end: datetime.datetime | None | Unset = UNSET
    steps: list[ExecutionStep] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_status = self.status
        if not isinstance(_f_status, Unset):
            field_dict["status"] = None if _f_status is None else _f_status.value
        _f_version = self.version
        if not isinstance(_f_version, Unset):
            field_dict["version"] = None if _f_version is None else _f_version.to_dict()
        _f_start = self.start
        if not isinstance(_f_start, Unset):
            field_dict["start"] = None if _f_start is None else _f_start.isoformat()
        _f_end = self.end
        if not isinstance(_f_end, Unset):
            field_dict["end"] = None if _f_end is None else _f_end.isoformat()
        _f_steps = self.steps
        if not isinstance(_f_steps, Unset):
            field_dict["steps"] = None if _f_steps is None else [_i0.to_dict() for _i0 in _f_steps]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "WorkflowExecution")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("WorkflowExecution.id", "a string", _f_id)

        _f_status = _get("status", UNSET)
        if _f_status is not None and _f_status is not UNSET:
            _f_status = (
                (WorkflowExecutionStatus._by_value.get(_f_status) or WorkflowExecutionStatus(_f_status))
                if type(_f_status) is str
                else invalid("WorkflowExecution.status", "a string enum value", _f_status)
            )

        _f_version = _get("version", UNSET)
        if _f_version is not None and _f_version is not UNSET:
            _f_version = (
                WorkflowVersion.from_dict(_f_version)
                if type(_f_version) is dict
                else invalid("WorkflowExecution.version", "an object", _f_version)
            )

        _f_start = _get("start", UNSET)
        if _f_start is not None and _f_start is not UNSET:
            _f_start = parse_datetime(_f_start, "WorkflowExecution.start")

        _f_end = _get("end", UNSET)
        if _f_end is not None and _f_end is not UNSET:
            _f_end = parse_datetime(_f_end, "WorkflowExecution.end")

        _f_steps = _get("steps", UNSET)
        if _f_steps is not None and _f_steps is not UNSET:
            _f_steps = list(map(ExecutionStep.from_dict, check_objects(_f_steps, "WorkflowExecution.steps")))

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.status = _f_status
        _obj.version = _f_version
        _obj.start = _f_start
        _obj.end = _f_end
        _obj.steps = _f_steps
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
from ..models.execution_step import ExecutionStep  # noqa: E402
from ..models.workflow_version import WorkflowVersion  # noqa: E402
