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
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_WorkflowNode: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "context",
    }
)


@_attrs_define
class WorkflowNode:
    """A node of the workflow graph, as run by a step.

    Attributes:
        id (None | str | Unset): Id of the node.
        type_ (NodeType | None | Unset): The node type: what the node does and how it is configured.
        context (NodeContext | None | Unset): Free-form context of the node; any keys may appear.
    """

    id: None | str | Unset = UNSET
    type_: NodeType | None | Unset = UNSET
    context: NodeContext | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_.to_dict()
        _f_context = self.context
        if not isinstance(_f_context, Unset):
            field_dict["context"] = None if _f_context is None else _f_context.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "WorkflowNode")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("WorkflowNode.id", "a string", _f_id)

        _f_type_ = _get("type", UNSET)
        if _f_type_ is not None and _f_type_ is not UNSET:
            _f_type_ = (
                NodeType.from_dict(_f_type_)
                if type(_f_type_) is dict
                else invalid("WorkflowNode.type", "an object", _f_type_)
            )

        _f_context = _get("context", UNSET)
        if _f_context is not None and _f_context is not UNSET:
            _f_context = (
                NodeContext.from_dict(_f_context)
                if type(_f_context) is dict
                else invalid("WorkflowNode.context", "an object", _f_context)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.type_ = _f_type_
        _obj.context = _f_context
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_WorkflowNode
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowNode}
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
from ..models.node_context import NodeContext  # noqa: E402
from ..models.node_type import NodeType  # noqa: E402
