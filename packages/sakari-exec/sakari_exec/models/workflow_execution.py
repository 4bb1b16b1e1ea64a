from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    invalid,
    parse_datetime,
)
from ..models.workflow_execution_status import WorkflowExecutionStatus
from ..types import UNSET, Unset

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
            field_dict["id"] = None if _f_id is None else _f_id
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
        _src = check_object(src_dict, "WorkflowExecution")
        _get = _src.get
        _v = _get("id", UNSET)
        _f_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("WorkflowExecution.id", "a string", _v)))
        )
        _v = _get("status", UNSET)
        _f_status = UNSET if _v is UNSET else (None if _v is None else WorkflowExecutionStatus(_v))
        _v = _get("version", UNSET)
        _f_version = UNSET if _v is UNSET else (None if _v is None else WorkflowVersion.from_dict(_v))
        _v = _get("start", UNSET)
        _f_start = UNSET if _v is UNSET else (None if _v is None else parse_datetime(_v, "WorkflowExecution.start"))
        _v = _get("end", UNSET)
        _f_end = UNSET if _v is UNSET else (None if _v is None else parse_datetime(_v, "WorkflowExecution.end"))
        _v = _get("steps", UNSET)
        _f_steps = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else [ExecutionStep.from_dict(_i0) for _i0 in check_list(_v, "WorkflowExecution.steps")]
            )
        )
        _obj = cls(
            id=_f_id,
            status=_f_status,
            version=_f_version,
            start=_f_start,
            end=_f_end,
            steps=_f_steps,
        )
        if not _src.keys() <= _FIELDS_WorkflowExecution:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowExecution}
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
