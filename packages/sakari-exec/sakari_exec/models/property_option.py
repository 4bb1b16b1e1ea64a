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

_FIELDS_PropertyOption: frozenset[str] = frozenset(
    {
        "value",
        "label",
    }
)


@_attrs_define
class PropertyOption:
    """One option a node property can take.

    Attributes:
        value (None | str | Unset): Value of the option.
        label (None | str | Unset): Display label of the option.
    """

    value: None | str | Unset = UNSET
    label: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = _f_value
        _f_label = self.label
        if not isinstance(_f_label, Unset):
            field_dict["label"] = _f_label
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "PropertyOption")
        _get = _src.get
        _f_value = _get("value", UNSET)
        if type(_f_value) is not str and _f_value is not UNSET and _f_value is not None:
            reject("PropertyOption.value", "a string", _f_value)

        _f_label = _get("label", UNSET)
        if type(_f_label) is not str and _f_label is not UNSET and _f_label is not None:
            reject("PropertyOption.label", "a string", _f_label)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.value = _f_value
        _obj.label = _f_label
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_PropertyOption
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_PropertyOption}
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
