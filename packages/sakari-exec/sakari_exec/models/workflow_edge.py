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
from ..models.edge_type import EdgeType
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_WorkflowEdge: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "source",
        "target",
        "value",
    }
)


@_attrs_define
class WorkflowEdge:
    """An edge of the workflow graph, connecting two nodes.

    Attributes:
        id (None | str | Unset): Id of the edge.
        type_ (EdgeType | None | Unset): Kind of edge (open set; see `EdgeType`).
        source (None | str | Unset): Id of the node the edge leaves.
        target (None | str | Unset): Id of the node the edge enters.
        value (None | str | Unset): Value carried by the edge (for example a timeout).
    """

    id: None | str | Unset = UNSET
    type_: EdgeType | None | Unset = UNSET
    source: None | str | Unset = UNSET
    target: None | str | Unset = UNSET
    value: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_.value
        _f_source = self.source
        if not isinstance(_f_source, Unset):
            field_dict["source"] = _f_source
        _f_target = self.target
        if not isinstance(_f_target, Unset):
            field_dict["target"] = _f_target
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = _f_value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "WorkflowEdge")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("WorkflowEdge.id", "a string", _f_id)

        _f_type_ = _get("type", UNSET)
        if _f_type_ is not None and _f_type_ is not UNSET:
            _f_type_ = (
                (EdgeType._by_value.get(_f_type_) or EdgeType(_f_type_))
                if type(_f_type_) is str
                else invalid("WorkflowEdge.type", "a string enum value", _f_type_)
            )

        _f_source = _get("source", UNSET)
        if type(_f_source) is not str and _f_source is not UNSET and _f_source is not None:
            reject("WorkflowEdge.source", "a string", _f_source)

        _f_target = _get("target", UNSET)
        if type(_f_target) is not str and _f_target is not UNSET and _f_target is not None:
            reject("WorkflowEdge.target", "a string", _f_target)

        _f_value = _get("value", UNSET)
        if type(_f_value) is not str and _f_value is not UNSET and _f_value is not None:
            reject("WorkflowEdge.value", "a string", _f_value)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.type_ = _f_type_
        _obj.source = _f_source
        _obj.target = _f_target
        _obj.value = _f_value
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_WorkflowEdge
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowEdge}
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
