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
            field_dict["mandatory"] = _f_mandatory
        _f_editable = self.editable
        if not isinstance(_f_editable, Unset):
            field_dict["editable"] = _f_editable
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = _f_value
        _f_default = self.default
        if not isinstance(_f_default, Unset):
            field_dict["default"] = _f_default
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "EdgeValidationValue")
        _get = _src.get
        _f_mandatory = _get("mandatory", UNSET)
        if type(_f_mandatory) is not bool and _f_mandatory is not UNSET and _f_mandatory is not None:
            reject("EdgeValidationValue.mandatory", "a boolean", _f_mandatory)

        _f_editable = _get("editable", UNSET)
        if type(_f_editable) is not bool and _f_editable is not UNSET and _f_editable is not None:
            reject("EdgeValidationValue.editable", "a boolean", _f_editable)

        _f_value = _get("value", UNSET)
        if type(_f_value) is not str and _f_value is not UNSET and _f_value is not None:
            reject("EdgeValidationValue.value", "a string", _f_value)

        _f_default = _get("default", UNSET)
        if type(_f_default) is not str and _f_default is not UNSET and _f_default is not None:
            reject("EdgeValidationValue.default", "a string", _f_default)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.mandatory = _f_mandatory
        _obj.editable = _f_editable
        _obj.value = _f_value
        _obj.default = _f_default
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_EdgeValidationValue
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_EdgeValidationValue}
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
