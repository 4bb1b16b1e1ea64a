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

_FIELDS_ErrorDetail: frozenset[str] = frozenset(
    {
        "code",
        "message",
    }
)


@_attrs_define
class ErrorDetail:
    """Code and message of an error.

    Attributes:
        code (None | str | Unset): Sakari error code, e.g. `CONT-001`.
        message (None | str | Unset): Human-readable error message.
    """

    code: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_code = self.code
        if not isinstance(_f_code, Unset):
            field_dict["code"] = _f_code
        _f_message = self.message
        if not isinstance(_f_message, Unset):
            field_dict["message"] = _f_message
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ErrorDetail")
        _get = _src.get
        _f_code = _get("code", UNSET)
        if type(_f_code) is not str and _f_code is not UNSET and _f_code is not None:
            reject("ErrorDetail.code", "a string", _f_code)

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str and _f_message is not UNSET and _f_message is not None:
            reject("ErrorDetail.message", "a string", _f_message)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.code = _f_code
        _obj.message = _f_message
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ErrorDetail
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ErrorDetail}
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
