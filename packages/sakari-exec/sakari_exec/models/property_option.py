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
            field_dict["value"] = None if _f_value is None else _f_value
        _f_label = self.label
        if not isinstance(_f_label, Unset):
            field_dict["label"] = None if _f_label is None else _f_label
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "PropertyOption")
        _get = _src.get
        _v = _get("value", UNSET)
        _f_value = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("PropertyOption.value", "a string", _v)))
        )
        _v = _get("label", UNSET)
        _f_label = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("PropertyOption.label", "a string", _v)))
        )
        _obj = cls(
            value=_f_value,
            label=_f_label,
        )
        if not _src.keys() <= _FIELDS_PropertyOption:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_PropertyOption}
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
