from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    parse_uuid,
)
from ..types import UNSET, Unset

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
            field_dict["execution_id"] = None if _f_execution_id is None else _f_execution_id
        _f_action_ref = self.action_ref
        if not isinstance(_f_action_ref, Unset):
            field_dict["action_ref"] = None if _f_action_ref is None else _f_action_ref
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "InteractionContext")
        _get = _src.get
        _v = _get("interaction_id", UNSET)
        _f_interaction_id = (
            UNSET if _v is UNSET else (None if _v is None else parse_uuid(_v, "InteractionContext.interaction_id"))
        )
        _v = _get("execution_id", UNSET)
        _f_execution_id = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("InteractionContext.execution_id", "a string", _v))
            )
        )
        _v = _get("action_ref", UNSET)
        _f_action_ref = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("InteractionContext.action_ref", "a string", _v))
            )
        )
        _obj = cls(
            interaction_id=_f_interaction_id,
            execution_id=_f_execution_id,
            action_ref=_f_action_ref,
        )
        if not _src.keys() <= _FIELDS_InteractionContext:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_InteractionContext}
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
