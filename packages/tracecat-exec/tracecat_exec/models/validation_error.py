from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    invalid,
    missing,
    reject,
)
from ..types import UNSET

_new_object = object.__new__

_FIELDS_ValidationError: frozenset[str] = frozenset(
    {
        "loc",
        "msg",
        "type",
    }
)


def _parse_ValidationError_loc__item(data: Any) -> Any:
    if type(data) is str:
        return data
    if type(data) is int or (type(data) is float and data.is_integer()):
        return data if type(data) is int else int(data)
    invalid("ValidationError.loc[]", "a string or an integer", data)


@_attrs_define
class ValidationError:
    """One request validation error.

    Attributes:
        loc (list[int | str]): Location of the invalid value, e.g. `["query", "workspace_id"]`.
        msg (str): Human-readable error message.
        type_ (str): Error type, e.g. `missing`.
    """

    loc: list[int | str]
    msg: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        field_dict["loc"] = list(self.loc)
        field_dict["msg"] = self.msg
        field_dict["type"] = self.type_
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "ValidationError")
        _get = _src.get
        _f_loc = _get("loc", UNSET)
        if _f_loc is not None and _f_loc is not UNSET:
            _f_loc = list(
                map(
                    _parse_ValidationError_loc__item,
                    _f_loc if type(_f_loc) is list else check_list(_f_loc, "ValidationError.loc"),
                )
            )
        elif _f_loc is UNSET:
            missing("ValidationError.loc")
        elif _f_loc is None:
            invalid("ValidationError.loc", "an array", None)

        _f_msg = _get("msg", UNSET)
        if type(_f_msg) is not str:
            reject("ValidationError.msg", "a string", _f_msg)

        _f_type_ = _get("type", UNSET)
        if type(_f_type_) is not str:
            reject("ValidationError.type", "a string", _f_type_)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.loc = _f_loc
        _obj.msg = _f_msg
        _obj.type_ = _f_type_
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_ValidationError
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_ValidationError}
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
