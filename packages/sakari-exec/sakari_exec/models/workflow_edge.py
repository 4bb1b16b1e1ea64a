from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
)
from ..models.edge_type import EdgeType
from ..types import UNSET, Unset

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
            field_dict["id"] = None if _f_id is None else _f_id
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_.value
        _f_source = self.source
        if not isinstance(_f_source, Unset):
            field_dict["source"] = None if _f_source is None else _f_source
        _f_target = self.target
        if not isinstance(_f_target, Unset):
            field_dict["target"] = None if _f_target is None else _f_target
        _f_value = self.value
        if not isinstance(_f_value, Unset):
            field_dict["value"] = None if _f_value is None else _f_value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "WorkflowEdge")
        _get = _src.get
        _v = _get("id", UNSET)
        _f_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("WorkflowEdge.id", "a string", _v)))
        )
        _v = _get("type", UNSET)
        _f_type_ = UNSET if _v is UNSET else (None if _v is None else EdgeType(_v))
        _v = _get("source", UNSET)
        _f_source = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("WorkflowEdge.source", "a string", _v)))
        )
        _v = _get("target", UNSET)
        _f_target = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("WorkflowEdge.target", "a string", _v)))
        )
        _v = _get("value", UNSET)
        _f_value = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("WorkflowEdge.value", "a string", _v)))
        )
        _obj = cls(
            id=_f_id,
            type_=_f_type_,
            source=_f_source,
            target=_f_target,
            value=_f_value,
        )
        if not _src.keys() <= _FIELDS_WorkflowEdge:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowEdge}
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
