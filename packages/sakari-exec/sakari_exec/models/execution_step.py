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
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

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
            field_dict["id"] = _f_id
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
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ExecutionStep")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("ExecutionStep.id", "a string", _f_id)

        _f_start = _get("start", UNSET)
        if _f_start is not None and _f_start is not UNSET:
            _f_start = parse_datetime(_f_start, "ExecutionStep.start")

        _f_end = _get("end", UNSET)
        if _f_end is not None and _f_end is not UNSET:
            _f_end = parse_datetime(_f_end, "ExecutionStep.end")

        _f_node = _get("node", UNSET)
        if _f_node is not None and _f_node is not UNSET:
            _f_node = (
                WorkflowNode.from_dict(_f_node)
                if type(_f_node) is dict
                else invalid("ExecutionStep.node", "an object", _f_node)
            )

        _f_edge = _get("edge", UNSET)
        if _f_edge is not None and _f_edge is not UNSET:
            _f_edge = (
                WorkflowEdge.from_dict(_f_edge)
                if type(_f_edge) is dict
                else invalid("ExecutionStep.edge", "an object", _f_edge)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.start = _f_start
        _obj.end = _f_end
        _obj.node = _f_node
        _obj.edge = _f_edge
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ExecutionStep
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ExecutionStep}
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
from ..models.workflow_edge import WorkflowEdge  # noqa: E402
from ..models.workflow_node import WorkflowNode  # noqa: E402
