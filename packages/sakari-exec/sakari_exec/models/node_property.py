from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_list,
    check_object,
    invalid,
)
from ..models.property_type import PropertyType
from ..types import UNSET, Unset

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
            field_dict["label"] = None if _f_label is None else _f_label
        _f_helper_text = self.helper_text
        if not isinstance(_f_helper_text, Unset):
            field_dict["helperText"] = None if _f_helper_text is None else _f_helper_text
        _f_link = self.link
        if not isinstance(_f_link, Unset):
            field_dict["link"] = None if _f_link is None else _f_link
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = None if _f_type_ is None else _f_type_.value
        _f_mandatory = self.mandatory
        if not isinstance(_f_mandatory, Unset):
            field_dict["mandatory"] = None if _f_mandatory is None else _f_mandatory
        _f_args = self.args
        if not isinstance(_f_args, Unset):
            field_dict["args"] = None if _f_args is None else [_i0 for _i0 in _f_args]
        _f_options = self.options
        if not isinstance(_f_options, Unset):
            field_dict["options"] = None if _f_options is None else [_i0.to_dict() for _i0 in _f_options]
        _f_min_ = self.min_
        if not isinstance(_f_min_, Unset):
            field_dict["min"] = None if _f_min_ is None else _f_min_
        _f_max_ = self.max_
        if not isinstance(_f_max_, Unset):
            field_dict["max"] = None if _f_max_ is None else _f_max_
        _f_default_value = self.default_value
        if not isinstance(_f_default_value, Unset):
            field_dict["defaultValue"] = None if _f_default_value is None else _f_default_value
        _f_name = self.name
        if not isinstance(_f_name, Unset):
            field_dict["name"] = None if _f_name is None else _f_name
        _f_conditions = self.conditions
        if not isinstance(_f_conditions, Unset):
            field_dict["conditions"] = None if _f_conditions is None else [_i0.to_dict() for _i0 in _f_conditions]
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = check_object(src_dict, "NodeProperty")
        _get = _src.get
        _v = _get("label", UNSET)
        _f_label = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeProperty.label", "a string", _v)))
        )
        _v = _get("helperText", UNSET)
        _f_helper_text = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is str else invalid("NodeProperty.helperText", "a string", _v))
            )
        )
        _v = _get("link", UNSET)
        _f_link = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeProperty.link", "a string", _v)))
        )
        _v = _get("type", UNSET)
        _f_type_ = UNSET if _v is UNSET else (None if _v is None else PropertyType(_v))
        _v = _get("mandatory", UNSET)
        _f_mandatory = (
            UNSET
            if _v is UNSET
            else (
                None if _v is None else (_v if type(_v) is bool else invalid("NodeProperty.mandatory", "a boolean", _v))
            )
        )
        _v = _get("args", UNSET)
        _f_args = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else [
                    (_i0 if type(_i0) is str else invalid("NodeProperty.args[]", "a string", _i0))
                    for _i0 in check_list(_v, "NodeProperty.args")
                ]
            )
        )
        _v = _get("options", UNSET)
        _f_options = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else [PropertyOption.from_dict(_i0) for _i0 in check_list(_v, "NodeProperty.options")]
            )
        )
        _v = _get("min", UNSET)
        _f_min_ = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is float or type(_v) is int else invalid("NodeProperty.min", "a number", _v))
            )
        )
        _v = _get("max", UNSET)
        _f_max_ = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is float or type(_v) is int else invalid("NodeProperty.max", "a number", _v))
            )
        )
        _v = _get("defaultValue", UNSET)
        _f_default_value = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else (_v if type(_v) is str else invalid("NodeProperty.defaultValue", "a string", _v))
            )
        )
        _v = _get("name", UNSET)
        _f_name = (
            UNSET
            if _v is UNSET
            else (None if _v is None else (_v if type(_v) is str else invalid("NodeProperty.name", "a string", _v)))
        )
        _v = _get("conditions", UNSET)
        _f_conditions = (
            UNSET
            if _v is UNSET
            else (
                None
                if _v is None
                else [PropertyCondition.from_dict(_i0) for _i0 in check_list(_v, "NodeProperty.conditions")]
            )
        )
        _obj = cls(
            label=_f_label,
            helper_text=_f_helper_text,
            link=_f_link,
            type_=_f_type_,
            mandatory=_f_mandatory,
            args=_f_args,
            options=_f_options,
            min_=_f_min_,
            max_=_f_max_,
            default_value=_f_default_value,
            name=_f_name,
            conditions=_f_conditions,
        )
        if not _src.keys() <= _FIELDS_NodeProperty:
            _obj.additional_properties = {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_NodeProperty}
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
