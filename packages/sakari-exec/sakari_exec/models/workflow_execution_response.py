from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_WorkflowExecutionResponse: frozenset[str] = frozenset(
    {
        "success",
        "data",
    }
)


@_attrs_define
class WorkflowExecutionResponse:
    """Envelope of a successful answer; the execution is in `data`.

    Attributes:
        success (bool | None | Unset): Whether the request succeeded (`true` on a successful answer).
        data (None | Unset | WorkflowExecution): The workflow execution.
    """

    success: bool | None | Unset = UNSET
    data: None | Unset | WorkflowExecution = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_success = self.success
        if not isinstance(_f_success, Unset):
            field_dict["success"] = _f_success
        _f_data = self.data
        if not isinstance(_f_data, Unset):
            field_dict["data"] = None if _f_data is None else _f_data.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "WorkflowExecutionResponse")
        _get = _src.get
        _f_success = _get("success", UNSET)
        if type(_f_success) is not bool and _f_success is not UNSET and _f_success is not None:
            reject("WorkflowExecutionResponse.success", "a boolean", _f_success)

        _f_data = _get("data", UNSET)
        if _f_data is not None and _f_data is not UNSET:
            _f_data = (
                WorkflowExecution.from_dict(_f_data)
                if type(_f_data) is dict
                else invalid("WorkflowExecutionResponse.data", "an object", _f_data)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.success = _f_success
        _obj.data = _f_data
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_WorkflowExecutionResponse
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowExecutionResponse}
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
from ..models.workflow_execution import WorkflowExecution  # noqa: E402
