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

_FIELDS_ErrorResponse: frozenset[str] = frozenset(
    {
        "success",
        "error",
    }
)


@_attrs_define
class ErrorResponse:
    """Error body Sakari sends on a failed request, e.g. `{"success": false, "error": {"code": "CONT-001", "message":
    "Invalid mobile number"}}`.

        Attributes:
            success (bool | None | Unset): Always `false` on an error.
            error (ErrorDetail | None | Unset): Code and message of the error.
    """

    success: bool | None | Unset = UNSET
    error: ErrorDetail | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_success = self.success
        if not isinstance(_f_success, Unset):
            field_dict["success"] = _f_success
        _f_error = self.error
        if not isinstance(_f_error, Unset):
            field_dict["error"] = None if _f_error is None else _f_error.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ErrorResponse")
        _get = _src.get
        _f_success = _get("success", UNSET)
        if type(_f_success) is not bool and _f_success is not UNSET and _f_success is not None:
            reject("ErrorResponse.success", "a boolean", _f_success)

        _f_error = _get("error", UNSET)
        if _f_error is not None and _f_error is not UNSET:
            _f_error = (
                ErrorDetail.from_dict(_f_error)
                if type(_f_error) is dict
                else invalid("ErrorResponse.error", "an object", _f_error)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.success = _f_success
        _obj.error = _f_error
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ErrorResponse
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ErrorResponse}
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
from ..models.error_detail import ErrorDetail  # noqa: E402
