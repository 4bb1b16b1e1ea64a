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

_FIELDS_ServerError: frozenset[str] = frozenset(
    {
        "message",
        "type",
        "detail",
    }
)


@_attrs_define
class ServerError:
    """500 body. Tracecat exceptions send `{type, message, detail}`; unexpected errors send only `{message}`.

    Attributes:
        message (str): Human-readable error message.
        type_ (None | str | Unset): Name of the exception class (optional).
        detail (Any | None | Unset): Extra error detail, any JSON value (often null); optional.
    """

    message: str
    type_: None | str | Unset = UNSET
    detail: Any | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["message"] = self.message
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = _f_type_
        _f_detail = self.detail
        if not isinstance(_f_detail, Unset):
            field_dict["detail"] = _f_detail
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ServerError")
        _get = _src.get
        _f_message = _get("message", UNSET)
        if type(_f_message) is not str:
            reject("ServerError.message", "a string", _f_message)

        _f_type_ = _get("type", UNSET)
        if type(_f_type_) is not str and _f_type_ is not UNSET and _f_type_ is not None:
            reject("ServerError.type", "a string", _f_type_)

        _f_detail = _get("detail", UNSET)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.message = _f_message
        _obj.type_ = _f_type_
        _obj.detail = _f_detail
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ServerError
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ServerError}
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
