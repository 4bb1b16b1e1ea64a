from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    check_objects,
    invalid,
    missing,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

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
            field_dict["message"] = _f_message
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ExecutionDetails")
        _get = _src.get
        _f_execution = _get("execution", UNSET)
        if _f_execution is not None and _f_execution is not UNSET:
            _f_execution = (
                Execution.from_dict(_f_execution)
                if type(_f_execution) is dict
                else invalid("ExecutionDetails.execution", "an object", _f_execution)
            )
        elif _f_execution is UNSET:
            missing("ExecutionDetails.execution")
        elif _f_execution is None:
            invalid("ExecutionDetails.execution", "an object", None)

        _f_events = _get("events", UNSET)
        if _f_events is not None and _f_events is not UNSET:
            _f_events = list(map(ExecutionEvent.from_dict, check_objects(_f_events, "ExecutionDetails.events")))

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str and _f_message is not UNSET and _f_message is not None:
            reject("ExecutionDetails.message", "a string", _f_message)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.execution = _f_execution
        _obj.events = _f_events
        _obj.message = _f_message
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ExecutionDetails
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ExecutionDetails}
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
from ..models.execution import Execution  # noqa: E402
from ..models.execution_event import ExecutionEvent  # noqa: E402
