from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_RunContext: frozenset[str] = frozenset(
    {
        "wf_id",
        "wf_exec_id",
        "wf_run_id",
        "environment",
        "logical_time",
    }
)


@_attrs_define
class RunContext:
    """Runtime context of the workflow run an action belongs to. All fields optional.

    Attributes:
        wf_id (None | str | Unset): The workflow id.
        wf_exec_id (None | str | Unset): The workflow execution id (contains `/` or `:`).
        wf_run_id (None | str | Unset): The workflow run id.
        environment (None | str | Unset): The environment the workflow runs in (e.g. `default`).
        logical_time (None | str | Unset): The run's logical time, an ISO 8601 timestamp (newer servers only; optional).
            Plain string: the page does not show it.
    """

    wf_id: None | str | Unset = UNSET
    wf_exec_id: None | str | Unset = UNSET
    wf_run_id: None | str | Unset = UNSET
    environment: None | str | Unset = UNSET
    logical_time: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_wf_id = self.wf_id
        if not isinstance(_f_wf_id, Unset):
            field_dict["wf_id"] = _f_wf_id
        _f_wf_exec_id = self.wf_exec_id
        if not isinstance(_f_wf_exec_id, Unset):
            field_dict["wf_exec_id"] = _f_wf_exec_id
        _f_wf_run_id = self.wf_run_id
        if not isinstance(_f_wf_run_id, Unset):
            field_dict["wf_run_id"] = _f_wf_run_id
        _f_environment = self.environment
        if not isinstance(_f_environment, Unset):
            field_dict["environment"] = _f_environment
        _f_logical_time = self.logical_time
        if not isinstance(_f_logical_time, Unset):
            field_dict["logical_time"] = _f_logical_time
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "RunContext")
        _get = _src.get
        _f_wf_id = _get("wf_id", UNSET)
        if type(_f_wf_id) is not str and _f_wf_id is not UNSET and _f_wf_id is not None:
            reject("RunContext.wf_id", "a string", _f_wf_id)

        _f_wf_exec_id = _get("wf_exec_id", UNSET)
        if type(_f_wf_exec_id) is not str and _f_wf_exec_id is not UNSET and _f_wf_exec_id is not None:
            reject("RunContext.wf_exec_id", "a string", _f_wf_exec_id)

        _f_wf_run_id = _get("wf_run_id", UNSET)
        if type(_f_wf_run_id) is not str and _f_wf_run_id is not UNSET and _f_wf_run_id is not None:
            reject("RunContext.wf_run_id", "a string", _f_wf_run_id)

        _f_environment = _get("environment", UNSET)
        if type(_f_environment) is not str and _f_environment is not UNSET and _f_environment is not None:
            reject("RunContext.environment", "a string", _f_environment)

        _f_logical_time = _get("logical_time", UNSET)
        if type(_f_logical_time) is not str and _f_logical_time is not UNSET and _f_logical_time is not None:
            reject("RunContext.logical_time", "a string", _f_logical_time)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.wf_id = _f_wf_id
        _obj.wf_exec_id = _f_wf_exec_id
        _obj.wf_run_id = _f_wf_run_id
        _obj.environment = _f_environment
        _obj.logical_time = _f_logical_time
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_RunContext
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_RunContext}
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
