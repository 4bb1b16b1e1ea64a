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

_FIELDS_PropertyCondition: frozenset[str] = frozenset(
    {
        "property",
        "comparator",
        "value",
    }
)


@_attrs_define
class PropertyCondition:
    """A condition on another property that controls whether this property applies.

    Attributes:
        property_ (None | str | Unset): Name of the property the condition tests.
        comparator (None | str | Unset): Comparison operator (documented only as a string).
        value (None | str | Unset): Value the property is compared with.
    """

    property_: None | str | Unset = UNSET
    comparator: None | str | Unset = UNSET
    value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_property_ = self.property_
        if not isinstance(_f_property_, Unset):
            field_dict["property"] = _f_property_
        _f_comparator = self.comparator
        if not isinstance(_f_comparator, Unset):
            field_dict["comparator"] = _f_comparator
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = _f_value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "PropertyCondition")
        _get = _src.get
        _f_property_ = _get("property", UNSET)
        if type(_f_property_) is not str and _f_property_ is not UNSET and _f_property_ is not None:
            reject("PropertyCondition.property", "a string", _f_property_)

        _f_comparator = _get("comparator", UNSET)
        if type(_f_comparator) is not str and _f_comparator is not UNSET and _f_comparator is not None:
            reject("PropertyCondition.comparator", "a string", _f_comparator)

        _f_value = _get("value", UNSET)
        if type(_f_value) is not str and _f_value is not UNSET and _f_value is not None:
            reject("PropertyCondition.value", "a string", _f_value)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.property_ = _f_property_
        _obj.comparator = _f_comparator
        _obj.value = _f_value
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_PropertyCondition
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_PropertyCondition}
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
