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

_FIELDS_EdgeValidationValue: frozenset[str] = frozenset(
    {
        "mandatory",
        "editable",
        "value",
        "default",
    }
)


@_attrs_define
class EdgeValidationValue:
    """The value an edge of this kind carries and whether it can be edited.

    Attributes:
        mandatory (bool | None | Unset): Whether the value must be set.
        editable (bool | None | Unset): Whether the value can be edited.
        value (None | str | Unset): The value.
        default (None | str | Unset): Default value.
    """

    mandatory: bool | None | Unset = UNSET
    editable: bool | None | Unset = UNSET
    value: None | str | Unset = UNSET
    default: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_mandatory = self.mandatory
        if not isinstance(_f_mandatory, Unset):
            field_dict["mandatory"] = None if _f_mandatory is None else _f_mandatory
        _f_editable = self.editable
        if not isinstance(_f_editable, Unset):
            field_dict["editable"] = None if _f_editable is None else _f_editable
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = None if _f_value is None else _f_value
        _f_default = self.default
        if not isinstance(_f_default, Unset):
            field_dict["default"] = None if _f_default is None else _f_default
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "EdgeValidationValue")
        _get = _src.get
        _v = _get("mandatory", UNSET)
        _f_mandatory = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is bool else invalid("EdgeValidationValue.mandatory", "a boolean", _v))
            )
        )
        _v = _get("editable", UNSET)
        _f_editable = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is bool else invalid("EdgeValidationValue.editable", "a boolean", _v))
            )
        )
        _v = _get("value", UNSET)
        _f_value = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("EdgeValidationValue.value", "a string", _v))
            )
        )
        _v = _get("default", UNSET)
        _f_default = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("EdgeValidationValue.default", "a string", _v))
            )
        )
        _obj = cls(
            mandatory=_f_mandatory,
            editable=_f_editable,
            value=_f_value,
            default=_f_default,
        )
        if not _src.keys() <= _FIELDS_EdgeValidationValue:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_EdgeValidationValue}
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
