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
from ..types import UNSET

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
        field_dict["required_scopes"] = [_i0 for _i0 in self.required_scopes]
        field_dict["missing_scopes"] = [_i0 for _i0 in self.missing_scopes]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "ScopeErrorInfo")
        _get = _src.get
        _v = _get("code", UNSET)
        if _v is UNSET:
            missing("ScopeErrorInfo.code")
        _f_code = _v if type(_v) is str else invalid("ScopeErrorInfo.code", "a string", _v)
        _v = _get("message", UNSET)
        if _v is UNSET:
            missing("ScopeErrorInfo.message")
        _f_message = _v if type(_v) is str else invalid("ScopeErrorInfo.message", "a string", _v)
        _v = _get("required_scopes", UNSET)
        if _v is UNSET:
            missing("ScopeErrorInfo.required_scopes")
        _f_required_scopes = [
            (_i0 if type(_i0) is str else invalid("ScopeErrorInfo.required_scopes[]", "a string", _i0))
            for _i0 in check_list(_v, "ScopeErrorInfo.required_scopes")
        ]
        _v = _get("missing_scopes", UNSET)
        if _v is UNSET:
            missing("ScopeErrorInfo.missing_scopes")
        _f_missing_scopes = [
            (_i0 if type(_i0) is str else invalid("ScopeErrorInfo.missing_scopes[]", "a string", _i0))
            for _i0 in check_list(_v, "ScopeErrorInfo.missing_scopes")
        ]
        _obj = cls(
            code=_f_code,
            message=_f_message,
            required_scopes=_f_required_scopes,
            missing_scopes=_f_missing_scopes,
        )
        if not _src.keys() <= _FIELDS_ScopeErrorInfo:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ScopeErrorInfo}
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
