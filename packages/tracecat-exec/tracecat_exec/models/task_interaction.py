from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    integral,
    invalid,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_TaskInteraction: frozenset[str] = frozenset(
    {
        "type",
        "timeout",
        "required_approvers",
        "approver_groups",
        "message",
        "approve_if",
    }
)


@_attrs_define
class TaskInteraction:
    """Interaction configuration of an interactive task. `type` is a plain string whose known values are `response` and
    `approval` (servers may send others); the approval-only fields are present for `approval` interactions.

        Attributes:
            type_ (None | str | Unset): The interaction type. Known values: `response`, `approval`; other values are
                accepted (the page example shows `"<string>"`).
            timeout (float | None | Unset): Timeout of the interaction in seconds; may be omitted or null.
            required_approvers (int | None | Unset): Number of approvers required (approval interactions only; optional).
            approver_groups (list[str] | None | Unset): Groups allowed to approve (approval interactions only; optional).
            message (None | str | Unset): Custom message shown to approvers (approval interactions only; optional).
            approve_if (None | str | Unset): Condition (expression) under which the action is approved (approval
                interactions only); may be omitted or null.
    """

    type_: None | str | Unset = UNSET
    timeout: float | None | Unset = UNSET
    required_approvers: int | None | Unset = UNSET
    approver_groups: list[str] | None | Unset = UNSET
    message: None | str | Unset = UNSET
    approve_if: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = _f_type_
        _f_timeout = self.timeout
        if not isinstance(_f_timeout, Unset):
            field_dict["timeout"] = _f_timeout
        _f_required_approvers = self.required_approvers
        if not isinstance(_f_required_approvers, Unset):
            field_dict["required_approvers"] = _f_required_approvers
        _f_approver_groups = self.approver_groups
        if not isinstance(_f_approver_groups, Unset):
            field_dict["approver_groups"] = _f_approver_groups
        _f_message = self.message
        if not isinstance(_f_message, Unset):
            field_dict["message"] = _f_message
        _f_approve_if = self.approve_if
        if not isinstance(_f_approve_if, Unset):
            field_dict["approve_if"] = _f_approve_if
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "TaskInteraction")
        _get = _src.get
        _f_type_ = _get("type", UNSET)
        if type(_f_type_) is not str and _f_type_ is not UNSET and _f_type_ is not None:
            reject("TaskInteraction.type", "a string", _f_type_)

        _f_timeout = _get("timeout", UNSET)
        if (
            type(_f_timeout) is not float
            and type(_f_timeout) is not int
            and _f_timeout is not UNSET
            and _f_timeout is not None
        ):
            reject("TaskInteraction.timeout", "a number", _f_timeout)

        _f_required_approvers = _get("required_approvers", UNSET)
        if (
            type(_f_required_approvers) is not int
            and _f_required_approvers is not UNSET
            and _f_required_approvers is not None
        ):
            _f_required_approvers = integral(
                "TaskInteraction.required_approvers", _f_required_approvers
            )  # 1.0 is an integer in JSON Schema

        _f_approver_groups = _get("approver_groups", UNSET)
        if _f_approver_groups is not None and _f_approver_groups is not UNSET:
            _f_approver_groups = [
                (_i0 if type(_i0) is str else invalid("TaskInteraction.approver_groups[]", "a string", _i0))
                for _i0 in (
                    _f_approver_groups
                    if type(_f_approver_groups) is list
                    else check_list(_f_approver_groups, "TaskInteraction.approver_groups")
                )
            ]

        _f_message = _get("message", UNSET)
        if type(_f_message) is not str and _f_message is not UNSET and _f_message is not None:
            reject("TaskInteraction.message", "a string", _f_message)

        _f_approve_if = _get("approve_if", UNSET)
        if type(_f_approve_if) is not str and _f_approve_if is not UNSET and _f_approve_if is not None:
            reject("TaskInteraction.approve_if", "a string", _f_approve_if)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.type_ = _f_type_
        _obj.timeout = _f_timeout
        _obj.required_approvers = _f_required_approvers
        _obj.approver_groups = _f_approver_groups
        _obj.message = _f_message
        _obj.approve_if = _f_approve_if
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_TaskInteraction
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_TaskInteraction}
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
