from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    integral,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_Error: frozenset[str] = frozenset(
    {
        "error",
        "status",
        "message",
    }
)


@_attrs_define
class Error:
    """Kapso's error body.

    Attributes:
        error (None | str | Unset): Short error name.
        status (int | None | Unset): HTTP status code.
        message (None | str | Unset): Human-readable message.
    """

    error: None | str | Unset = UNSET
    status: int | None | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_error = self.error
        if not isinstance(_f_error, Unset):
            field_dict["error"] = _f_error
        _f_status = self.status
        if not isinstance(_f_status, Unset):
            field_dict["status"] = _f_status
        _f_message = self.message
        if not isinstance(_f_message, Unset):
            field_dict["message"] = _f_message
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "Error")
        _get = _src.get
        _f_error = _get("error", UNSET)
        if type(_f_error) is not str and _f_error is not UNSET and _f_error is not None:
            reject("Error.error", "a string", _f_error)

        _f_status = _get("status", UNSET)
        if type(_f_status) is not int and _f_status is not UNSET and _f_status is not None:
            _f_status = integral("Error.status", _f_status)  # 1.0 is an integer in JSON Schema

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str and _f_message is not UNSET and _f_message is not None:
            reject("Error.message", "a string", _f_message)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.error = _f_error
        _obj.status = _f_status
        _obj.message = _f_message
        _obj.additional_properties = (
            {} if _src.keys() <= _FIELDS_Error else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_Error}
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
