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
            field_dict["property"] = None if _f_property_ is None else _f_property_
        _f_comparator = self.comparator
        if not isinstance(_f_comparator, Unset):
            field_dict["comparator"] = None if _f_comparator is None else _f_comparator
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = None if _f_value is None else _f_value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "PropertyCondition")
        _get = _src.get
        _v = _get("property", UNSET)
        _f_property_ = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("PropertyCondition.property", "a string", _v))
            )
        )
        _v = _get("comparator", UNSET)
        _f_comparator = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("PropertyCondition.comparator", "a string", _v))
            )
        )
        _v = _get("value", UNSET)
        _f_value = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("PropertyCondition.value", "a string", _v))
            )
        )
        _obj = cls(
            property_=_f_property_,
            comparator=_f_comparator,
            value=_f_value,
        )
        if not _src.keys() <= _FIELDS_PropertyCondition:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_PropertyCondition}
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
