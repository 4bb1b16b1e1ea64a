from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    invalid,
)
from ..types import UNSET, Unset

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
            field_dict["max_attempts"] = None if _f_max_attempts is None else _f_max_attempts
        _f_timeout = self.timeout
        if not isinstance(_f_timeout, Unset):
            field_dict["timeout"] = None if _f_timeout is None else _f_timeout
        _f_retry_until = self.retry_until
        if not isinstance(_f_retry_until, Unset):
            field_dict["retry_until"] = None if _f_retry_until is None else _f_retry_until
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "RetryPolicy")
        _get = _src.get
        _v = _get("max_attempts", UNSET)
        _f_max_attempts = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is int else invalid("RetryPolicy.max_attempts", "an integer", _v))
            )
        )
        _v = _get("timeout", UNSET)
        _f_timeout = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is int else invalid("RetryPolicy.timeout", "an integer", _v)))
        )
        _v = _get("retry_until", UNSET)
        _f_retry_until = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("RetryPolicy.retry_until", "a string", _v))
            )
        )
        _obj = cls(
            max_attempts=_f_max_attempts,
            timeout=_f_timeout,
            retry_until=_f_retry_until,
        )
        if not _src.keys() <= _FIELDS_RetryPolicy:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_RetryPolicy}
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
