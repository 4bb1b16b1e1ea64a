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

_FIELDS_EventFailure: frozenset[str] = frozenset(
    {
        "message",
        "cause",
        "root_cause_message",
    }
)


@_attrs_define
class EventFailure:
    """The failure of an event.

    Attributes:
        message (str): The failure message.
        cause (FailureCause | None | Unset): The failure's cause (free-form object); may be omitted or null.
        root_cause_message (None | str | Unset): Message of the root cause (newer servers only); may be omitted or null.
    """

    message: str
    cause: FailureCause | None | Unset = UNSET
    root_cause_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["message"] = self.message
        _f_cause = self.cause
        if not isinstance(_f_cause, Unset):
            field_dict["cause"] = None if _f_cause is None else _f_cause.to_dict()
        _f_root_cause_message = self.root_cause_message
        if not isinstance(_f_root_cause_message, Unset):
            field_dict["root_cause_message"] = _f_root_cause_message
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "EventFailure")
        _get = _src.get
        _f_message = _get("message", UNSET)
        if type(_f_message) is not str:
            reject("EventFailure.message", "a string", _f_message)

        _f_cause = _get("cause", UNSET)
        if _f_cause is not None and _f_cause is not UNSET:
            _f_cause = (
                FailureCause.from_dict(_f_cause)
                if type(_f_cause) is dict
                else invalid("EventFailure.cause", "an object", _f_cause)
            )

        _f_root_cause_message = _get("root_cause_message", UNSET)
        if (
            type(_f_root_cause_message) is not str
            and _f_root_cause_message is not UNSET
            and _f_root_cause_message is not None
        ):
            reject("EventFailure.root_cause_message", "a string", _f_root_cause_message)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.message = _f_message
        _obj.cause = _f_cause
        _obj.root_cause_message = _f_root_cause_message
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_EventFailure
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_EventFailure}
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
from ..models.failure_cause import FailureCause  # noqa: E402
