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
    reject,
)
from ..types import UNSET

_new_object = object.__new__

_FIELDS_ScopeErrorInfo: frozenset[str] = frozenset(
    {
        "code",
        "message",
        "required_scopes",
        "missing_scopes",
    }
)


@_attrs_define
class ScopeErrorInfo:
    """Details of a missing-scope error.

    Attributes:
        code (str): Machine-readable error code, `insufficient_scope`.
        message (str): Human-readable error message.
        required_scopes (list[str]): Scopes the operation requires.
        missing_scopes (list[str]): Required scopes the API key does not have.
    """

    code: str
    message: str
    required_scopes: list[str]
    missing_scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["code"] = self.code
        field_dict["message"] = self.message
        field_dict["required_scopes"] = list(self.required_scopes)
        field_dict["missing_scopes"] = list(self.missing_scopes)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ScopeErrorInfo")
        _get = _src.get
        _f_code = _get("code", UNSET)
        if type(_f_code) is not str:
            reject("ScopeErrorInfo.code", "a string", _f_code)

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str:
            reject("ScopeErrorInfo.message", "a string", _f_message)

        _f_required_scopes = _get("required_scopes", UNSET)
        if _f_required_scopes is not None and _f_required_scopes is not UNSET:
            _f_required_scopes = [
                (_i0 if type(_i0) is str else invalid("ScopeErrorInfo.required_scopes[]", "a string", _i0))
                for _i0 in (
                    _f_required_scopes
                    if type(_f_required_scopes) is list
                    else check_list(_f_required_scopes, "ScopeErrorInfo.required_scopes")
                )
            ]
        elif _f_required_scopes is UNSET:
            missing("ScopeErrorInfo.required_scopes")
        elif _f_required_scopes is None:
            invalid("ScopeErrorInfo.required_scopes", "an array", None)

        _f_missing_scopes = _get("missing_scopes", UNSET)
        if _f_missing_scopes is not None and _f_missing_scopes is not UNSET:
            _f_missing_scopes = [
                (_i0 if type(_i0) is str else invalid("ScopeErrorInfo.missing_scopes[]", "a string", _i0))
                for _i0 in (
                    _f_missing_scopes
                    if type(_f_missing_scopes) is list
                    else check_list(_f_missing_scopes, "ScopeErrorInfo.missing_scopes")
                )
            ]
        elif _f_missing_scopes is UNSET:
            missing("ScopeErrorInfo.missing_scopes")
        elif _f_missing_scopes is None:
            invalid("ScopeErrorInfo.missing_scopes", "an array", None)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.code = _f_code
        _obj.message = _f_message
        _obj.required_scopes = _f_required_scopes
        _obj.missing_scopes = _f_missing_scopes
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ScopeErrorInfo
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ScopeErrorInfo}
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
