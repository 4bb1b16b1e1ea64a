from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
    missing,
)
from ..types import UNSET, Unset

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
            field_dict["root_cause_message"] = None if _f_root_cause_message is None else _f_root_cause_message
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "EventFailure")
        _get = _src.get
        _v = _get("message", UNSET)
        if _v is UNSET:
            missing("EventFailure.message")
        _f_message = _v if type(_v) is str else invalid("EventFailure.message", "a string", _v)
        _v = _get("cause", UNSET)
        _f_cause = UNSET if _v is UNSET else (None if _v is None else FailureCause.from_dict(_v))
        _v = _get("root_cause_message", UNSET)
        _f_root_cause_message = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("EventFailure.root_cause_message", "a string", _v))
            )
        )
        _obj = cls(
            message=_f_message,
            cause=_f_cause,
            root_cause_message=_f_root_cause_message,
        )
        if not _src.keys() <= _FIELDS_EventFailure:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_EventFailure}
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
