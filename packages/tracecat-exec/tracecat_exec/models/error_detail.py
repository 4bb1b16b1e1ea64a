from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    reject,
)
from ..types import UNSET

_new_object = object.__new__

_FIELDS_ErrorDetail: frozenset[str] = frozenset(
    {
        "detail",
    }
)


@_attrs_define
class ErrorDetail:
    """Error body with a message in `detail`, e.g. `{"detail": "Unauthorized"}` (401) or `{"detail": "Workflow execution
    not found"}` (404).

        Attributes:
            detail (str): Human-readable error message.
    """

    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["detail"] = self.detail
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ErrorDetail")
        _get = _src.get
        _f_detail = _get("detail", UNSET)
        if type(_f_detail) is not str:
            reject("ErrorDetail.detail", "a string", _f_detail)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.detail = _f_detail
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
