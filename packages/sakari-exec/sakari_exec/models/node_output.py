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
from ..models.output_data_type import OutputDataType
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_NodeOutput: frozenset[str] = frozenset(
    {
        "default",
        "path",
        "name",
        "dataType",
    }
)


@_attrs_define
class NodeOutput:
    """One output a node produces.

    Attributes:
        default (bool | None | Unset): Whether this is the node's default output.
        path (None | str | Unset): Path of the output value.
        name (None | str | Unset): Name of the output.
        data_type (None | OutputDataType | Unset): Data type of the output (open set; see `OutputDataType`).
    """

    default: bool | None | Unset = UNSET
    path: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    data_type: None | OutputDataType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_default = self.default
        if not isinstance(_f_default, Unset):
            field_dict["default"] = _f_default
        _f_path = self.path
        if not isinstance(_f_path, Unset):
            field_dict["path"] = _f_path
        _f_name = self.name
        if not isinstance(_f_name, Unset):
            field_dict["name"] = _f_name
        _f_data_type = self.data_type
        if not isinstance(_f_data_type, Unset):
            field_dict["dataType"] = None if _f_data_type is None else _f_data_type.value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "NodeOutput")
        _get = _src.get
        _f_default = _get("default", UNSET)
        if type(_f_default) is not bool and _f_default is not UNSET and _f_default is not None:
            reject("NodeOutput.default", "a boolean", _f_default)

        _f_path = _get("path", UNSET)
        if type(_f_path) is not str and _f_path is not UNSET and _f_path is not None:
            reject("NodeOutput.path", "a string", _f_path)

        _f_name = _get("name", UNSET)
        if type(_f_name) is not str and _f_name is not UNSET and _f_name is not None:
            reject("NodeOutput.name", "a string", _f_name)

        _f_data_type = _get("dataType", UNSET)
        if _f_data_type is not None and _f_data_type is not UNSET:
            _f_data_type = (
                (OutputDataType._by_value.get(_f_data_type) or OutputDataType(_f_data_type))
                if type(_f_data_type) is str
                else invalid("NodeOutput.dataType", "a string enum value", _f_data_type)
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.default = _f_default
        _obj.path = _f_path
        _obj.name = _f_name
        _obj.data_type = _f_data_type
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_NodeOutput
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_NodeOutput}
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
