from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    check_objects,
    invalid,
    reject,
)
from ..models.property_type import PropertyType
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_NodeProperty: frozenset[str] = frozenset(
    {
        "label",
        "helperText",
        "link",
        "type",
        "mandatory",
        "args",
        "options",
        "min",
        "max",
        "defaultValue",
        "name",
        "conditions",
    }
)


@_attrs_define
class NodeProperty:
    """One configurable property of a node type.

    Attributes:
        label (None | str | Unset): Display label of the property.
        helper_text (None | str | Unset): Helper text shown with the property.
        link (None | str | Unset): Link with more information about the property.
        type_ (None | PropertyType | Unset): Input type of the property (open set; see `PropertyType`).
        mandatory (bool | None | Unset): Whether the property must be set.
        args (list[str] | None | Unset): Arguments of the property.
        options (list[PropertyOption] | None | Unset): Options the property can take.
        min_ (float | None | Unset): Lower bound of the property's value (the page shows an integer; any number is
            accepted).
        max_ (float | None | Unset): Upper bound of the property's value (the page shows an integer; any number is
            accepted).
        default_value (None | str | Unset): Default value of the property.
        name (None | str | Unset): Machine name of the property.
        conditions (list[PropertyCondition] | None | Unset): Conditions under which the property applies.
    """

    label: None | str | Unset = UNSET
    helper_text: None | str | Unset = UNSET
    link: None | str | Unset = UNSET
    type_: None | PropertyType | Unset = UNSET
    mandatory: bool | None | Unset = UNSET
    args: list[str] | None | Unset = UNSET
    options: list[PropertyOption] | None | Unset = UNSET
    min_: float | None | Unset = UNSET
    max_: float | None | Unset = UNSET
    default_value: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    conditions: list[PropertyCondition] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_label = self.label
        if not isinstance(_f_label, Unset):
            field_dict["label"] = _f_label
        _f_helper_text = self.helper_text
        if not isinstance(_f_helper_text, Unset):
            field_dict["helperText"] = _f_helper_text
        _f_link = self.link
        if not isinstance(_f_link, Unset):
            field_dict["link"] = _f_link
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_.value
        _f_mandatory = self.mandatory
        if not isinstance(_f_mandatory, Unset):
            field_dict["mandatory"] = _f_mandatory
        _f_args = self.args
        if not isinstance(_f_args, Unset):
            field_dict["args"] = _f_args
        _f_options = self.options
        if not isinstance(_f_options, Unset):
            field_dict["options"] = None if _f_options is None else [_i0.to_dict() for _i0 in _f_options]
        _f_min_ = self.min_
        if not isinstance(_f_min_, Unset):
            field_dict["min"] = _f_min_
        _f_max_ = self.max_
        if not isinstance(_f_max_, Unset):
            field_dict["max"] = _f_max_
        _f_default_value = self.default_value
        if not isinstance(_f_default_value, Unset):
            field_dict["defaultValue"] = _f_default_value
        _f_name = self.name
        if not isinstance(_f_name, Unset):
            field_dict["name"] = _f_name
        _f_conditions = self.conditions
        if not isinstance(_f_conditions, Unset):
            field_dict["conditions"] = None if _f_conditions is None else [_i0.to_dict() for _i0 in _f_conditions]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "NodeProperty")
        _get = _src.get
        _f_label = _get("label", UNSET)
        if type(_f_label) is not str and _f_label is not UNSET and _f_label is not None:
            reject("NodeProperty.label", "a string", _f_label)

        _f_helper_text = _get("helperText", UNSET)
        if type(_f_helper_text) is not str and _f_helper_text is not UNSET and _f_helper_text is not None:
            reject("NodeProperty.helperText", "a string", _f_helper_text)

        _f_link = _get("link", UNSET)
        if type(_f_link) is not str and _f_link is not UNSET and _f_link is not None:
            reject("NodeProperty.link", "a string", _f_link)

        _f_type_ = _get("type", UNSET)
        if _f_type_ is not None and _f_type_ is not UNSET:
            _f_type_ = (
                (PropertyType._by_value.get(_f_type_) or PropertyType(_f_type_))
                if type(_f_type_) is str
                else invalid("NodeProperty.type", "a string enum value", _f_type_)
            )

        _f_mandatory = _get("mandatory", UNSET)
        if type(_f_mandatory) is not bool and _f_mandatory is not UNSET and _f_mandatory is not None:
            reject("NodeProperty.mandatory", "a boolean", _f_mandatory)

        _f_args = _get("args", UNSET)
        if _f_args is not None and _f_args is not UNSET:
            _f_args = [
                (_i0 if type(_i0) is str else invalid("NodeProperty.args[]", "a string", _i0))
                for _i0 in (_f_args if type(_f_args) is list else check_list(_f_args, "NodeProperty.args"))
            ]

        _f_options = _get("options", UNSET)
        if _f_options is not None and _f_options is not UNSET:
            _f_options = list(map(PropertyOption.from_dict, check_objects(_f_options, "NodeProperty.options")))

        _f_min_ = _get("min", UNSET)
        if type(_f_min_) is not float and type(_f_min_) is not int and _f_min_ is not UNSET and _f_min_ is not None:
            reject("NodeProperty.min", "a number", _f_min_)

        _f_max_ = _get("max", UNSET)
        if type(_f_max_) is not float and type(_f_max_) is not int and _f_max_ is not UNSET and _f_max_ is not None:
            reject("NodeProperty.max", "a number", _f_max_)

        _f_default_value = _get("defaultValue", UNSET)
        if type(_f_default_value) is not str and _f_default_value is not UNSET and _f_default_value is not None:
            reject("NodeProperty.defaultValue", "a string", _f_default_value)

        _f_name = _get("name", UNSET)
        if type(_f_name) is not str and _f_name is not UNSET and _f_name is not None:
            reject("NodeProperty.name", "a string", _f_name)

        _f_conditions = _get("conditions", UNSET)
        if _f_conditions is not None and _f_conditions is not UNSET:
            _f_conditions = list(
                map(PropertyCondition.from_dict, check_objects(_f_conditions, "NodeProperty.conditions"))
            )

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.label = _f_label
        _obj.helper_text = _f_helper_text
        _obj.link = _f_link
        _obj.type_ = _f_type_
        _obj.mandatory = _f_mandatory
        _obj.args = _f_args
        _obj.options = _f_options
        _obj.min_ = _f_min_
        _obj.max_ = _f_max_
        _obj.default_value = _f_default_value
        _obj.name = _f_name
        _obj.conditions = _f_conditions
        _obj.additional_properties = (
            {}
            if _src.keys() <= _FIELDS_NodeProperty
            else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_NodeProperty}
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
from ..models.property_condition import PropertyCondition  # noqa: E402
from ..models.property_option import PropertyOption  # noqa: E402
