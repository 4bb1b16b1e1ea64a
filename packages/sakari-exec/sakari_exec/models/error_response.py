from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
)
from ..types import UNSET, Unset

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
            field_dict["success"] = None if _f_success is None else _f_success
        _f_error = self.error
        if not isinstance(_f_error, Unset):
            field_dict["error"] = None if _f_error is None else _f_error.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "ErrorResponse")
        _get = _src.get
        _v = _get("success", UNSET)
        _f_success = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is bool else invalid("ErrorResponse.success", "a boolean", _v))
            )
        )
        _v = _get("error", UNSET)
        _f_error = UNSET if _v is UNSET else (None if _v is None else ErrorDetail.from_dict(_v))
        _obj = cls(
            success=_f_success,
            error=_f_error,
        )
        if not _src.keys() <= _FIELDS_ErrorResponse:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ErrorResponse}
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
