from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    check_objects,
    integral,
    invalid,
)
from ..models.edge_count_condition import EdgeCountCondition
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_NodeValidation: frozenset[str] = frozenset(
    {
        "numEdgeCondition",
        "numEdges",
        "edges",
    }
)


@_attrs_define
class NodeValidation:
    """Rules for the outgoing edges of a node.

    Attributes:
        num_edge_condition (EdgeCountCondition | None | Unset): How `numEdges` is compared with the number of outgoing
            edges (open set; see `EdgeCountCondition`).
        num_edges (int | None | Unset): Number of outgoing edges the condition refers to.
        edges (list[EdgeValidation] | None | Unset): Validation rules for each kind of outgoing edge.
    """

    num_edge_condition: EdgeCountCondition | None | Unset = UNSET
    num_edges: int | None | Unset = UNSET
    edges: list[EdgeValidation] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_num_edge_condition = self.num_edge_condition
        if not isinstance(_f_num_edge_condition, Unset):
            field_dict["numEdgeCondition"] = None if _f_num_edge_condition is None else _f_num_edge_condition.value
        _f_num_edges = self.num_edges
        if not isinstance(_f_num_edges, Unset):
            field_dict["numEdges"] = _f_num_edges
        _f_edges = self.edges
        if not isinstance(_f_edges, Unset):
            field_dict["edges"] = None if _f_edges is None else [_i0.to_dict() for _i0 in _f_edges]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "NodeValidation")
        _get = _src.get
        _f_num_edge_condition = _get("numEdgeCondition", UNSET)
        if _f_num_edge_condition is not None and _f_num_edge_condition is not UNSET:
            _f_num_edge_condition = (
                (EdgeCountCondition._by_value.get(_f_num_edge_condition) or EdgeCountCondition(_f_num_edge_condition))
                if type(_f_num_edge_condition) is str
                else invalid("NodeValidation.numEdgeCondition", "a string enum value", _f_num_edge_condition)
            )

        _f_num_edges = _get("numEdges", UNSET)
        if type(_f_num_edges) is not int and _f_num_edges is not UNSET and _f_num_edges is not None:
            _f_num_edges = integral("NodeValidation.numEdges", _f_num_edges)  # 1.0 is an integer in JSON Schema

        _f_edges = _get("edges", UNSET)
        if _f_edges is not None and _f_edges is not UNSET:
            _f_edges = list(map(EdgeValidation.from_dict, check_objects(_f_edges, "NodeValidation.edges")))

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.num_edge_condition = _f_num_edge_condition
        _obj.num_edges = _f_num_edges
        _obj.edges = _f_edges
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_NodeValidation
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_NodeValidation}
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
from ..models.edge_validation import EdgeValidation  # noqa: E402
