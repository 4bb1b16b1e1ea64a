from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    invalid,
    missing,
)
from ..types import UNSET, Unset

_FIELDS_ExecutionDetails: frozenset[str] = frozenset(
    {
        "execution",
        "events",
        "message",
    }
)


@_attrs_define
class ExecutionDetails:
    """An execution together with its event log.

    Attributes:
        execution (Execution): A paid-workflow execution, from payment through the workflow run.
        events (list[ExecutionEvent] | None | Unset): Events logged for the execution.
        message (None | str | Unset): Message about the execution.
    """

    execution: Execution
    events: list[ExecutionEvent] | None | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["execution"] = self.execution.to_dict()
        _f_events = self.events
        if not isinstance(_f_events, Unset):
            field_dict["events"] = None if _f_events is None else [_i0.to_dict() for _i0 in _f_events]
        _f_message = self.message
        if not isinstance(_f_message, Unset):
            field_dict["message"] = None if _f_message is None else _f_message
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "ExecutionDetails")
        _get = _src.get
        _v = _get("execution", UNSET)
        if _v is UNSET:
            missing("ExecutionDetails.execution")
        _f_execution = Execution.from_dict(_v)
        _v = _get("events", UNSET)
        _f_events = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else [ExecutionEvent.from_dict(_i0) for _i0 in check_list(_v, "ExecutionDetails.events")]
            )
        )
        _v = _get("message", UNSET)
        _f_message = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("ExecutionDetails.message", "a string", _v))
            )
        )
        _obj = cls(
            execution=_f_execution,
            events=_f_events,
            message=_f_message,
        )
        if not _src.keys() <= _FIELDS_ExecutionDetails:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ExecutionDetails}
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
from ..models.execution import Execution  # noqa: E402
from ..models.execution_event import ExecutionEvent  # noqa: E402
