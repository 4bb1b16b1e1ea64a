from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
)

_new_object = object.__new__

_FIELDS_NodeContext: frozenset[str] = frozenset({})


@_attrs_define
class NodeContext:
    """Free-form context of the node (its configured values); any keys may appear."""

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "NodeContext")
        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.additional_properties = dict(_src)
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
