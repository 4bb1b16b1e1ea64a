from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    integral,
    invalid,
    missing,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_ExecutionResponse: frozenset[str] = frozenset(
    {
        "code",
        "message",
        "data",
        "requestId",
    }
)


@_attrs_define
class ExecutionResponse:
    """Envelope B3OS sends on every response; the execution and its events are in `data`.

    Attributes:
        code (int): Status code of the answer (e.g. 200).
        message (str): Message of the answer (e.g. `success`).
        data (ExecutionDetails): An execution together with its event log.
        request_id (None | str | Unset): Id of the request, for support and tracing.
    """

    code: int
    message: str
    data: ExecutionDetails
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["code"] = self.code
        field_dict["message"] = self.message
        field_dict["data"] = self.data.to_dict()
        _f_request_id = self.request_id
        if not isinstance(_f_request_id, Unset):
            field_dict["requestId"] = _f_request_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ExecutionResponse")
        _get = _src.get
        _f_code = _get("code", UNSET)
        if type(_f_code) is not int:
            _f_code = integral("ExecutionResponse.code", _f_code)  # 1.0 is an integer in JSON Schema

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str:
            reject("ExecutionResponse.message", "a string", _f_message)

        _f_data = _get("data", UNSET)
        if _f_data is not None and _f_data is not UNSET:
            _f_data = (
                ExecutionDetails.from_dict(_f_data)
                if type(_f_data) is dict
                else invalid("ExecutionResponse.data", "an object", _f_data)
            )
        elif _f_data is UNSET:
            missing("ExecutionResponse.data")
        elif _f_data is None:
            invalid("ExecutionResponse.data", "an object", None)

        _f_request_id = _get("requestId", UNSET)
        if type(_f_request_id) is not str and _f_request_id is not UNSET and _f_request_id is not None:
            reject("ExecutionResponse.requestId", "a string", _f_request_id)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.code = _f_code
        _obj.message = _f_message
        _obj.data = _f_data
        _obj.request_id = _f_request_id
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ExecutionResponse
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ExecutionResponse}
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
from ..models.execution_details import ExecutionDetails  # noqa: E402
