from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    missing,
)
from ..types import UNSET

_new_object = object.__new__

_FIELDS_ScopeError: frozenset[str] = frozenset(
    {
        "error",
    }
)


@_attrs_define
class ScopeError:
    """403 body when the API key lacks a required scope.

    Attributes:
        error (ScopeErrorInfo): Details of a missing-scope error.
    """

    error: ScopeErrorInfo
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["error"] = self.error.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ScopeError")
        _get = _src.get
        _f_error = _get("error", UNSET)
        if _f_error is not None and _f_error is not UNSET:
            _f_error = (
                ScopeErrorInfo.from_dict(_f_error)
                if type(_f_error) is dict
                else invalid("ScopeError.error", "an object", _f_error)
            )
        elif _f_error is UNSET:
            missing("ScopeError.error")
        elif _f_error is None:
            invalid("ScopeError.error", "an object", None)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.error = _f_error
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ScopeError
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ScopeError}
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
from ..models.scope_error_info import ScopeErrorInfo  # noqa: E402
