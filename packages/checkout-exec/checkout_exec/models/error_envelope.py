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

_FIELDS_ErrorEnvelope: frozenset[str] = frozenset(
    {
        "code",
        "message",
        "requestId",
    }
)


@_attrs_define
class ErrorEnvelope:
    """Body of a non-2xx answer as B3OS's tooling reads it (the envelope without `data`). No field is guaranteed, and the
    body may instead be opaque text.

        Attributes:
            code (int | None | Unset): Status code of the error.
            message (None | str | Unset): Error message.
            request_id (None | str | Unset): Id of the request, for support and tracing.
    """

    code: int | None | Unset = UNSET
    message: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
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
        _f_request_id = self.request_id
        if not isinstance(_f_request_id, Unset):
            field_dict["requestId"] = _f_request_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ErrorEnvelope")
        _get = _src.get
        _f_code = _get("code", UNSET)
        if type(_f_code) is not int and _f_code is not UNSET and _f_code is not None:
            _f_code = integral("ErrorEnvelope.code", _f_code)  # 1.0 is an integer in JSON Schema

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str and _f_message is not UNSET and _f_message is not None:
            reject("ErrorEnvelope.message", "a string", _f_message)

        _f_request_id = _get("requestId", UNSET)
        if type(_f_request_id) is not str and _f_request_id is not UNSET and _f_request_id is not None:
            reject("ErrorEnvelope.requestId", "a string", _f_request_id)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.code = _f_code
        _obj.message = _f_message
        _obj.request_id = _f_request_id
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ErrorEnvelope
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ErrorEnvelope}
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
