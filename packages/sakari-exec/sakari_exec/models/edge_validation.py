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
from ..models.edge_validation_type import EdgeValidationType
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_EdgeValidation: frozenset[str] = frozenset(
    {
        "type",
        "value",
        "multiple",
        "defaultEdge",
    }
)


@_attrs_define
class EdgeValidation:
    """Validation rule for one kind of outgoing edge of a node.

    Attributes:
        type_ (EdgeValidationType | None | Unset): Kind of edge the rule applies to (open set; see
            `EdgeValidationType`).
        value (EdgeValidationValue | None | Unset): The value an edge of this kind carries.
        multiple (bool | None | Unset): Whether several edges of this kind are allowed.
        default_edge (bool | None | Unset): Whether this is the node's default edge.
    """

    type_: EdgeValidationType | None | Unset = UNSET
    value: EdgeValidationValue | None | Unset = UNSET
    multiple: bool | None | Unset = UNSET
    default_edge: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_.value
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = None if _f_value is None else _f_value.to_dict()
        _f_multiple = self.multiple
        if not isinstance(_f_multiple, Unset):
            field_dict["multiple"] = _f_multiple
        _f_default_edge = self.default_edge
        if not isinstance(_f_default_edge, Unset):
            field_dict["defaultEdge"] = _f_default_edge
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "EdgeValidation")
        _get = _src.get
        _f_type_ = _get("type", UNSET)
        if _f_type_ is not None and _f_type_ is not UNSET:
            _f_type_ = (
                (EdgeValidationType._by_value.get(_f_type_) or EdgeValidationType(_f_type_))
                if type(_f_type_) is str
                else invalid("EdgeValidation.type", "a string enum value", _f_type_)
            )

        _f_value = _get("value", UNSET)
        if _f_value is not None and _f_value is not UNSET:
            _f_value = (
                EdgeValidationValue.from_dict(_f_value)
                if type(_f_value) is dict
                else invalid("EdgeValidation.value", "an object", _f_value)
            )

        _f_multiple = _get("multiple", UNSET)
        if type(_f_multiple) is not bool and _f_multiple is not UNSET and _f_multiple is not None:
            reject("EdgeValidation.multiple", "a boolean", _f_multiple)

        _f_default_edge = _get("defaultEdge", UNSET)
        if type(_f_default_edge) is not bool and _f_default_edge is not UNSET and _f_default_edge is not None:
            reject("EdgeValidation.defaultEdge", "a boolean", _f_default_edge)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.type_ = _f_type_
        _obj.value = _f_value
        _obj.multiple = _f_multiple
        _obj.default_edge = _f_default_edge
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_EdgeValidation
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_EdgeValidation}
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
from ..models.edge_validation_value import EdgeValidationValue  # noqa: E402
