from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._validate import (
    check_object,
    check_objects,
    invalid,
    reject,
)
from ..types import UNSET, Unset

_new_object = object.__new__

_FIELDS_NodeType: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "group",
        "name",
        "label",
        "description",
        "icon",
        "properties",
        "outputs",
        "validation",
        "supportsReenrollment",
        "color",
        "status",
        "supportLink",
    }
)


@_attrs_define
class NodeType:
    """The kind of node (action, trigger, condition, ...) and how it is configured.

    Attributes:
        id (None | str | Unset): Id of the node type.
        type_ (None | str | Unset): Kind of node type (documented only as a string).
        group (None | str | Unset): Group the node type belongs to in the workflow editor.
        name (None | str | Unset): Machine name of the node type.
        label (None | str | Unset): Display label of the node type.
        description (None | str | Unset): Description of what the node does.
        icon (None | str | Unset): Icon of the node type.
        properties (list[NodeProperty] | None | Unset): Configurable properties of the node type.
        outputs (list[NodeOutput] | None | Unset): Outputs the node produces.
        validation (NodeValidation | None | Unset): Rules for the node's outgoing edges.
        supports_reenrollment (bool | None | Unset): Whether a contact can be enrolled again at this node.
        color (None | str | Unset): Display colour of the node type.
        status (None | str | Unset): Status of the node type (documented only as a string).
        support_link (None | str | Unset): Link to support documentation for the node type.
    """

    id: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    group: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    label: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    icon: None | str | Unset = UNSET
    properties: list[NodeProperty] | None | Unset = UNSET
    outputs: list[NodeOutput] | None | Unset = UNSET
    validation: NodeValidation | None | Unset = UNSET
    supports_reenrollment: bool | None | Unset = UNSET
    color: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    support_link: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data, unknown fields included."""
        field_dict: dict[str, Any] = dict(self.additional_properties)
        _f_id = self.id
        if not isinstance(_f_id, Unset):
            field_dict["id"] = _f_id
        _f_type_ = self.type_
        if not isinstance(_f_type_, Unset):
            field_dict["type"] = _f_type_
        _f_group = self.group
        if not isinstance(_f_group, Unset):
            field_dict["group"] = _f_group
        _f_name = self.name
        if not isinstance(_f_name, Unset):
            field_dict["name"] = _f_name
        _f_label = self.label
        if not isinstance(_f_label, Unset):
            field_dict["label"] = _f_label
        _f_description = self.description
        if not isinstance(_f_description, Unset):
            field_dict["description"] = _f_description
        _f_icon = self.icon
        if not isinstance(_f_icon, Unset):
            field_dict["icon"] = _f_icon
        _f_properties = self.properties
        if not isinstance(_f_properties, Unset):
            field_dict["properties"] = None if _f_properties is None else [_i0.to_dict() for _i0 in _f_properties]
        _f_outputs = self.outputs
        if not isinstance(_f_outputs, Unset):
            field_dict["outputs"] = None if _f_outputs is None else [_i0.to_dict() for _i0 in _f_outputs]
        _f_validation = self.validation
        if not isinstance(_f_validation, Unset):
            field_dict["validation"] = None if _f_validation is None else _f_validation.to_dict()
        _f_supports_reenrollment = self.supports_reenrollment
        if not isinstance(_f_supports_reenrollment, Unset):
            field_dict["supportsReenrollment"] = _f_supports_reenrollment
        _f_color = self.color
        if not isinstance(_f_color, Unset):
            field_dict["color"] = _f_color
        _f_status = self.status
        if not isinstance(_f_status, Unset):
            field_dict["status"] = _f_status
        _f_support_link = self.support_link
        if not isinstance(_f_support_link, Unset):
            field_dict["supportLink"] = _f_support_link
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Decode JSON data; raises TypeError/ValueError naming the bad field."""
        _src = src_dict if type(src_dict) is dict else check_object(src_dict, "NodeType")
        _get = _src.get
        _f_id = _get("id", UNSET)
        if type(_f_id) is not str and _f_id is not UNSET and _f_id is not None:
            reject("NodeType.id", "a string", _f_id)

        _f_type_ = _get("type", UNSET)
        if type(_f_type_) is not str and _f_type_ is not UNSET and _f_type_ is not None:
            reject("NodeType.type", "a string", _f_type_)

        _f_group = _get("group", UNSET)
        if type(_f_group) is not str and _f_group is not UNSET and _f_group is not None:
            reject("NodeType.group", "a string", _f_group)

        _f_name = _get("name", UNSET)
        if type(_f_name) is not str and _f_name is not UNSET and _f_name is not None:
            reject("NodeType.name", "a string", _f_name)

        _f_label = _get("label", UNSET)
        if type(_f_label) is not str and _f_label is not UNSET and _f_label is not None:
            reject("NodeType.label", "a string", _f_label)

        _f_description = _get("description", UNSET)
        if type(_f_description) is not str and _f_description is not UNSET and _f_description is not None:
            reject("NodeType.description", "a string", _f_description)

        _f_icon = _get("icon", UNSET)
        if type(_f_icon) is not str and _f_icon is not UNSET and _f_icon is not None:
            reject("NodeType.icon", "a string", _f_icon)

        _f_properties = _get("properties", UNSET)
        if _f_properties is not None and _f_properties is not UNSET:
            _f_properties = list(map(NodeProperty.from_dict, check_objects(_f_properties, "NodeType.properties")))

        _f_outputs = _get("outputs", UNSET)
        if _f_outputs is not None and _f_outputs is not UNSET:
            _f_outputs = list(map(NodeOutput.from_dict, check_objects(_f_outputs, "NodeType.outputs")))

        _f_validation = _get("validation", UNSET)
        if _f_validation is not None and _f_validation is not UNSET:
            _f_validation = (
                NodeValidation.from_dict(_f_validation)
                if type(_f_validation) is dict
                else invalid("NodeType.validation", "an object", _f_validation)
            )

        _f_supports_reenrollment = _get("supportsReenrollment", UNSET)
        if (
            type(_f_supports_reenrollment) is not bool
            and _f_supports_reenrollment is not UNSET
            and _f_supports_reenrollment is not None
        ):
            reject("NodeType.supportsReenrollment", "a boolean", _f_supports_reenrollment)

        _f_color = _get("color", UNSET)
        if type(_f_color) is not str and _f_color is not UNSET and _f_color is not None:
            reject("NodeType.color", "a string", _f_color)

        _f_status = _get("status", UNSET)
        if type(_f_status) is not str and _f_status is not UNSET and _f_status is not None:
            reject("NodeType.status", "a string", _f_status)

        _f_support_link = _get("supportLink", UNSET)
        if type(_f_support_link) is not str and _f_support_link is not UNSET and _f_support_link is not None:
            reject("NodeType.supportLink", "a string", _f_support_link)

        # Built without calling __init__ (the models have no validators or hooks): about a
        # third cheaper per object than passing every field through the generated __init__.
        _obj = _new_object(cls)
        _obj.id = _f_id
        _obj.type_ = _f_type_
        _obj.group = _f_group
        _obj.name = _f_name
        _obj.label = _f_label
        _obj.description = _f_description
        _obj.icon = _f_icon
        _obj.properties = _f_properties
        _obj.outputs = _f_outputs
        _obj.validation = _f_validation
        _obj.supports_reenrollment = _f_supports_reenrollment
        _obj.color = _f_color
        _obj.status = _f_status
        _obj.support_link = _f_support_link
        _obj.additional_properties = (
            {} if _src.keys() <= _FIELDS_NodeType else {_k: _a for _k, _a in _src.items() if _k not in _FIELDS_NodeType}
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
from ..models.node_output import NodeOutput  # noqa: E402
from ..models.node_property import NodeProperty  # noqa: E402
from ..models.node_validation import NodeValidation  # noqa: E402
