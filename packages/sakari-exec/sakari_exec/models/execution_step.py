from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    parse_datetime,
)
from ..types import UNSET, Unset

_FIELDS_ExecutionStep: frozenset[str] = frozenset(
    {
        "id",
        "start",
        "end",
        "node",
        "edge",
    }
)


@_attrs_define
class ExecutionStep:
    """One step of an execution, the node it ran and the edge it left by.

    Attributes:
        id (None | str | Unset): Id of the step.
        start (datetime.datetime | None | Unset): When the step started (ISO 8601, UTC).
        end (datetime.datetime | None | Unset): When the step ended (ISO 8601, UTC); absent or `null` while it is still
            running.
        node (None | Unset | WorkflowNode): The workflow node the step ran.
        edge (None | Unset | WorkflowEdge): The edge the step left by; absent or `null` for the last step of a path,
            which has no outgoing edge.
    """

    id: None | str | Unset = UNSET
    start: datetime.datetime | None | Unset = UNSET
    end: datetime.datetime | None | Unset = UNSET
    node: None | Unset | WorkflowNode = UNSET
    edge: None | Unset | WorkflowEdge = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = None if _f_id is None else _f_id
        _f_start = self.start
        if not isinstance(_f_start, Unset):
            field_dict["start"] = None if _f_start is None else _f_start.isoformat()
        _f_end = self.end
        if not isinstance(_f_end, Unset):
            field_dict["end"] = None if _f_end is None else _f_end.isoformat()
        _f_node = self.node
        if not isinstance(_f_node, Unset):
            field_dict["node"] = None if _f_node is None else _f_node.to_dict()
        _f_edge = self.edge
        if not isinstance(_f_edge, Unset):
            field_dict["edge"] = None if _f_edge is None else _f_edge.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "ExecutionStep")
        _get = _src.get
        _v = _get("id", UNSET)
        _f_id = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("ExecutionStep.id", "a string", _v)))
        )
        _v = _get("start", UNSET)
        _f_start = UNSET if _v is UNSET else (None if _v is None else parse_datetime(_v, "ExecutionStep.start"))
        _v = _get("end", UNSET)
        _f_end = UNSET if _v is UNSET else (None if _v is None else parse_datetime(_v, "ExecutionStep.end"))
        _v = _get("node", UNSET)
        _f_node = UNSET if _v is UNSET else (None if _v is None else WorkflowNode.from_dict(_v))
        _v = _get("edge", UNSET)
        _f_edge = UNSET if _v is UNSET else (None if _v is None else WorkflowEdge.from_dict(_v))
        _obj = cls(
            id=_f_id,
            start=_f_start,
            end=_f_end,
            node=_f_node,
            edge=_f_edge,
        )
        if not _src.keys() <= _FIELDS_ExecutionStep:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ExecutionStep}
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
from ..models.workflow_edge import WorkflowEdge  # noqa: E402
from ..models.workflow_node import WorkflowNode  # noqa: E402
