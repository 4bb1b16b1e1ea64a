from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_WorkflowVersion: frozenset[str] = frozenset(
    {
        "id",
        "name",
    }
)


@_attrs_define
class WorkflowVersion:
    """The version of the workflow the execution ran.

    Attributes:
        id (None | str | Unset): Id of the workflow version.
        name (None | str | Unset): Name of the workflow version.
    """

    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_name = self.name
        if not isinstance(_f_name, Unset):
            field_dict["name"] = _f_name
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "WorkflowVersion")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("WorkflowVersion.id", "a string", _f_id)

        _f_name = _get("name", UNSET)
        if type(_f_name) is not str and _f_name is not UNSET and _f_name is not None:
            reject("WorkflowVersion.name", "a string", _f_name)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.name = _f_name
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_WorkflowVersion
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_WorkflowVersion}
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
