from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    integral,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_RetryPolicy: frozenset[str] = frozenset(
    {
        "max_attempts",
        "timeout",
        "retry_until",
    }
)


@_attrs_define
class RetryPolicy:
    """Retry policy of an action. No field is required.

    Attributes:
        max_attempts (int | None | Unset): Total number of attempts; 0 means unlimited, 1 means no retries (default 1).
            Default: 1.
        timeout (int | None | Unset): Timeout of the action in seconds (default 300). Default: 300.
        retry_until (None | str | Unset): Condition (expression) to retry until; may be omitted or null.
    """

    max_attempts: int | None | Unset = 1
    timeout: int | None | Unset = 300
    retry_until: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_max_attempts = self.max_attempts
        if not isinstance(_f_max_attempts, Unset):
            field_dict["max_attempts"] = _f_max_attempts
        _f_timeout = self.timeout
        if not isinstance(_f_timeout, Unset):
            field_dict["timeout"] = _f_timeout
        _f_retry_until = self.retry_until
        if not isinstance(_f_retry_until, Unset):
            field_dict["retry_until"] = _f_retry_until
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "RetryPolicy")
        _get = _src.get
        _f_max_attempts = _get("max_attempts", UNSET)
        if type(_f_max_attempts) is not int and _f_max_attempts is not UNSET and _f_max_attempts is not None:
            _f_max_attempts = integral("RetryPolicy.max_attempts", _f_max_attempts)  # 1.0 is an integer in JSON Schema

        _f_timeout = _get("timeout", UNSET)
        if type(_f_timeout) is not int and _f_timeout is not UNSET and _f_timeout is not None:
            _f_timeout = integral("RetryPolicy.timeout", _f_timeout)  # 1.0 is an integer in JSON Schema

        _f_retry_until = _get("retry_until", UNSET)
        if type(_f_retry_until) is not str and _f_retry_until is not UNSET and _f_retry_until is not None:
            reject("RetryPolicy.retry_until", "a string", _f_retry_until)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.max_attempts = _f_max_attempts
        _obj.timeout = _f_timeout
        _obj.retry_until = _f_retry_until
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_RetryPolicy
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_RetryPolicy}
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
