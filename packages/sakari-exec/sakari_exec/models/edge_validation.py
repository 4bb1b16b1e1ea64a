from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
)
from ..models.edge_validation_type import EdgeValidationType
from ..types import UNSET, Unset

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
            field_dict["multiple"] = None if _f_multiple is None else _f_multiple
        _f_default_edge = self.default_edge
        if not isinstance(_f_default_edge, Unset):
            field_dict["defaultEdge"] = None if _f_default_edge is None else _f_default_edge
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "EdgeValidation")
        _get = _src.get
        _v = _get("type", UNSET)
        _f_type_ = UNSET if _v is UNSET else (None if _v is None else EdgeValidationType(_v))
        _v = _get("value", UNSET)
        _f_value = UNSET if _v is UNSET else (None if _v is None else EdgeValidationValue.from_dict(_v))
        _v = _get("multiple", UNSET)
        _f_multiple = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is bool else invalid("EdgeValidation.multiple", "a boolean", _v))
            )
        )
        _v = _get("defaultEdge", UNSET)
        _f_default_edge = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is bool else invalid("EdgeValidation.defaultEdge", "a boolean", _v))
            )
        )
        _obj = cls(
            type_=_f_type_,
            value=_f_value,
            multiple=_f_multiple,
            default_edge=_f_default_edge,
        )
        if not _src.keys() <= _FIELDS_EdgeValidation:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_EdgeValidation}
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
