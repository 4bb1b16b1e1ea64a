from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    parse_uuid,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_InteractionContext: frozenset[str] = frozenset(
    {
        "interaction_id",
        "execution_id",
        "action_ref",
    }
)


@_attrs_define
class InteractionContext:
    """Context of an interaction (response/approval) an action waits for. All fields optional.

    Attributes:
        interaction_id (None | Unset | UUID): The interaction id (UUID).
        execution_id (None | str | Unset): The workflow execution id the interaction belongs to.
        action_ref (None | str | Unset): Ref of the action the interaction belongs to.
    """

    interaction_id: None | Unset | UUID = UNSET
    execution_id: None | str | Unset = UNSET
    action_ref: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_interaction_id = self.interaction_id
        if not isinstance(_f_interaction_id, Unset):
            field_dict["interaction_id"] = None if _f_interaction_id is None else str(_f_interaction_id)
        _f_execution_id = self.execution_id
        if not isinstance(_f_execution_id, Unset):
            field_dict["execution_id"] = _f_execution_id
        _f_action_ref = self.action_ref
        if not isinstance(_f_action_ref, Unset):
            field_dict["action_ref"] = _f_action_ref
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "InteractionContext")
        _get = _src.get
        _f_interaction_id = _get("interaction_id", UNSET)
        if _f_interaction_id is not None and _f_interaction_id is not UNSET:
            _f_interaction_id = parse_uuid(_f_interaction_id, "InteractionContext.interaction_id")

        _f_execution_id = _get("execution_id", UNSET)
        if type(_f_execution_id) is not str and _f_execution_id is not UNSET and _f_execution_id is not None:
            reject("InteractionContext.execution_id", "a string", _f_execution_id)

        _f_action_ref = _get("action_ref", UNSET)
        if type(_f_action_ref) is not str and _f_action_ref is not UNSET and _f_action_ref is not None:
            reject("InteractionContext.action_ref", "a string", _f_action_ref)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.interaction_id = _f_interaction_id
        _obj.execution_id = _f_execution_id
        _obj.action_ref = _f_action_ref
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_InteractionContext
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_InteractionContext}
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
